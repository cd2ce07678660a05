// The List.js side of `cargo xtask bench`: fetches the same feed as the clusterkit page,
// builds one item per member (name, city and description, in the feed's default language
// unless ?lang= says otherwise) and hands them to List.js with 24 items a page and its own
// search box wiring. Records, as window.__firstCard, the time from navigation start to the
// first item in the DOM, the same measurement as first-card.js; window.__list is the List.
(function () {
  var params = new URLSearchParams(location.search);
  var container = document.getElementById("members");
  var list = container.querySelector(".list");

  var observer = new MutationObserver(function () {
    if (list.firstElementChild) {
      window.__firstCard = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(list, { childList: true });

  // A feed text is a string, or an object from language tag to string; docs/feed.md gives
  // the order: the tag itself, its primary subtag, any tag with that primary subtag, the
  // cluster's default language, "en", the first translation.
  function resolve(text, lang, fallback) {
    if (text === null || text === undefined) return "";
    if (typeof text === "string") return text.trim();
    var entries = Object.keys(text)
      .map(function (k) { return [k.toLowerCase().replace(/_/g, "-"), typeof text[k] === "string" ? text[k].trim() : ""]; })
      .filter(function (e) { return e[1] !== ""; });
    var primary = function (tag) { return tag.split("-")[0]; };
    var wanted = lang.toLowerCase().replace(/_/g, "-");
    var tests = [
      function (k) { return k === wanted; },
      function (k) { return k === primary(wanted); },
      function (k) { return primary(k) === primary(wanted); },
      function (k) { return k === fallback.toLowerCase(); },
      function (k) { return k === "en"; },
      function () { return true; },
    ];
    for (var i = 0; i < tests.length; i++) {
      for (var j = 0; j < entries.length; j++) {
        if (tests[i](entries[j][0])) return entries[j][1];
      }
    }
    return "";
  }

  fetch(params.get("feed"))
    .then(function (response) { return response.json(); })
    .then(function (feed) {
      var fallback = (feed.cluster && feed.cluster.default_language) || "en";
      var lang = params.get("lang") || fallback;
      var values = (feed.members || []).map(function (m) {
        return {
          name: resolve(m.name, lang, fallback),
          city: resolve(m.city, lang, fallback),
          description: resolve(m.description, lang, fallback),
        };
      });
      window.__list = new List("members", {
        valueNames: ["name", "city", "description"],
        page: 24,
        item: '<li><h3 class="name"></h3><p class="city"></p><p class="description"></p></li>',
      }, values);
    });
})();
