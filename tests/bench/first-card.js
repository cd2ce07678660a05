// Records, as window.__firstCard, the time from navigation start to the widget's first drawn
// item (fetch, parse and Wasm start included), observed as the DOM changes: a member card of
// the page's clusterkit-directory, a bar of its clusterkit-chart, or an event of its
// clusterkit-calendar.
// ?feed= names the feed; ?lang=, if given, the widget's language.
(function () {
  var params = new URLSearchParams(location.search);
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.querySelector("clusterkit-directory, clusterkit-chart, clusterkit-calendar");
    var item = { "clusterkit-chart": "[data-k]", "clusterkit-calendar": ".ck-bar" }[el.localName] || "article";
    if (params.get("lang")) el.setAttribute("lang", params.get("lang"));
    el.setAttribute("feed", params.get("feed"));
    customElements.whenDefined(el.localName).then(function () {
      var root = el.shadowRoot;
      var done = function () {
        if (window.__firstCard === undefined && root.querySelector(item)) {
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
