// Quick exit: leave for a neutral site and replace this page in the history, so "back" does not
// return here. Esc twice does the same. Print button for the receipt. Works without JS as links.
(function () {
  "use strict";
  function leave(url) {
    try { document.body.hidden = true; } catch (e) { /* keep going */ }
    window.location.replace(url);
  }
  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      leave(exit.href);
    });
    var last = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - last < 800) { leave(exit.href); }
      last = now;
    });
  }
  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
