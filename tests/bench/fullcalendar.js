// The FullCalendar side of the calendar bench: fetches the same feed as the clusterkit page,
// maps its events to FullCalendar's (an all-day end is inclusive in the feed, exclusive in
// FullCalendar), and draws January 2026 as its month grid, in UTC as the clusterkit page
// shows it. Records, as window.__firstCard, the time from navigation start to the rendered
// month (FullCalendar renders synchronously in render()).
(function () {
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") || "en";
  var name = function (text) {
    return typeof text === "string" ? text : text[lang] || text.en || Object.values(text)[0];
  };
  var dayAfter = function (date) {
    var d = new Date(date + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  fetch(params.get("feed"))
    .then(function (response) { return response.json(); })
    .then(function (feed) {
      var events = (feed.events || []).map(function (e) {
        var allDay = e.start.length === 10;
        return {
          id: e.id,
          title: name(e.title),
          start: e.start,
          end: e.end ? (allDay ? dayAfter(e.end) : e.end) : undefined,
          allDay: allDay,
        };
      });
      var calendar = new FullCalendar.Calendar(document.getElementById("calendar"), {
        initialView: "dayGridMonth",
        initialDate: "2026-01-01",
        timeZone: "UTC",
        firstDay: 1,
        dayMaxEvents: 3,
        events: events,
      });
      calendar.render();
      window.__calendar = calendar;
      window.__firstCard = performance.now();
    });
})();
