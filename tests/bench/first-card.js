// Records, as window.__firstCard, the time from navigation start to the first member card
// of the directory (fetch, parse and Wasm start included), observed as the DOM changes.
// ?feed= names the feed; ?lang=, if given, the directory's language.
(function () {
  var params = new URLSearchParams(location.search);
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.querySelector("clusterkit-directory");
    if (params.get("lang")) el.setAttribute("lang", params.get("lang"));
    el.setAttribute("feed", params.get("feed"));
    customElements.whenDefined("clusterkit-directory").then(function () {
      var root = el.shadowRoot;
      var done = function () {
        if (window.__firstCard === undefined && root.querySelector("article")) {
          window.__firstCard = performance.now();
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
