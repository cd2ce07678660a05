// Loaded before clusterkit.js on the engines' pages: keeps every uncaught error, rejected
// promise, console.error and console.warn in `window.__ckErrors`, which the tests read back
// (WebDriver classic, which drives WebKit, has no console of its own).
(function () {
  var kept = (window.__ckErrors = []);
  addEventListener("error", function (e) {
    kept.push("error: " + (e.message || (e.target && (e.target.src || e.target.href)) || e));
  }, true);
  addEventListener("unhandledrejection", function (e) {
    kept.push("unhandled rejection: " + (e.reason && e.reason.stack ? e.reason.stack : e.reason));
  });
  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      kept.push(level + ": " + Array.prototype.join.call(arguments, " "));
      return original.apply(this, arguments);
    };
  });
})();
