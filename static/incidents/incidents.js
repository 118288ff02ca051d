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
    // Capture on window: runs before any other click handler, so nothing can delay leaving.
    window.addEventListener("click", function (event) {
      if (!event.target.closest || event.target.closest("[data-quick-exit]") !== exit) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      leave(exit.href);
    }, true);
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
