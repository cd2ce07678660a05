// Records, as window.__drawn, the time from navigation start to the first drawn mark of the
// chart (fetch, parse and Wasm start included), observed as the DOM changes.
// ?feed= names the feed; ?lang=, if given, the chart's language.
(function () {
  var params = new URLSearchParams(location.search);
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.querySelector("clusterkit-chart");
    if (params.get("lang")) el.setAttribute("lang", params.get("lang"));
    el.setAttribute("feed", params.get("feed"));
    customElements.whenDefined("clusterkit-chart").then(function () {
      var root = el.shadowRoot;
      var done = function () {
        if (window.__drawn === undefined && root.querySelector("[data-k]")) {
          window.__drawn = performance.now();
          return true;
        }
        return false;
      };
      if (!done()) {
        var observer = new MutationObserver(function () {
          if (done()) observer.disconnect();
        });
        observer.observe(root, { childList: true, subtree: true });
      }
    });
  });
})();
