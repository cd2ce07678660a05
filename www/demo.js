// The demo page's pickers: they only change the elements' attributes, as any site's script could.
(function () {
  var widgets = function () {
    return document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar");
  };
  var feed = document.getElementById("feed-picker");
  var lang = document.getElementById("lang-picker");
  var theme = document.getElementById("theme-picker");
  feed.addEventListener("change", function () {
    var option = feed.options[feed.selectedIndex];
    lang.value = option.getAttribute("data-lang");
    widgets().forEach(function (el) {
      el.setAttribute("feed", feed.value);
      el.setAttribute("lang", lang.value);
    });
  });
  lang.addEventListener("change", function () {
    widgets().forEach(function (el) {
      el.setAttribute("lang", lang.value);
    });
  });
  theme.addEventListener("change", function () {
    widgets().forEach(function (el) {
      if (theme.value) el.setAttribute("theme", theme.value);
      else el.removeAttribute("theme");
    });
  });
})();
