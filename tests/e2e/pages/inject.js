// Loads the bundle from the origin named in ?bundle=…, as a CDN would serve it.
(function () {
  var bundle = new URLSearchParams(location.search).get("bundle");
  var s = document.createElement("script");
  s.src = bundle;
  document.head.appendChild(s);
})();
