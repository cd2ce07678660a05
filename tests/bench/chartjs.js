// The Chart.js side of the chart bench: fetches the same feed as the clusterkit page, counts
// members per segment (a member in two segments counts in both), sorts them largest first
// and draws them as horizontal bars in the segments' colours, animation off so that Chart.js
// is measured at its fastest. Records, as window.__firstCard, the time from navigation start to
// the drawn chart (Chart.js draws in its constructor when nothing animates).
(function () {
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") || "en";
  var name = function (text) {
    return typeof text === "string" ? text : text[lang] || text.en || Object.values(text)[0];
  };
  fetch(params.get("feed"))
    .then(function (response) { return response.json(); })
    .then(function (feed) {
      var rows = (feed.segments || []).map(function (s) {
        var n = 0;
        (feed.members || []).forEach(function (m) {
          if ((m.segments || []).indexOf(s.id) >= 0) n += 1;
        });
        return { label: name(s.name), n: n, color: s.color || "#1a56b8" };
      });
      rows.sort(function (a, b) { return b.n - a.n; });
      new Chart(document.getElementById("segments"), {
        type: "bar",
        data: {
          labels: rows.map(function (r) { return r.label; }),
          datasets: [{ data: rows.map(function (r) { return r.n; }), backgroundColor: rows.map(function (r) { return r.color; }) }],
        },
        options: { indexAxis: "y", animation: false, plugins: { legend: { display: false } } },
      });
      window.__firstCard = performance.now();
    });
})();
