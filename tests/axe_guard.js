// Injected into every page a browser test opens (before the page's own scripts; CSP does not apply
// to init scripts). Runs axe-core once the page has loaded and reports serious and critical
// violations to Python through the `__hifazatAxeReport` binding. Navigation by link or form waits
// until axe has finished, so no page a test passes through goes unchecked.
(() => {
  if (window.top !== window) return;
  let finished;
  window.__hifazatAxeDone = new Promise((resolve) => { finished = resolve; });
  window.addEventListener("load", async () => {
    try {
      const result = await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
      const serious = result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
      await window.__hifazatAxeReport(location.href, serious);
    } finally {
      finished(true);
    }
  });
  const done = () => window.__hifazatAxeDone;
  document.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const submitter = event.submitter;
    done().then(() => {
      // form.submit() fires no second submit event and skips validation (already passed), but
      // it also drops the button that was pressed: carry its name and value along.
      if (submitter && submitter.name) {
        const pressed = document.createElement("input");
        pressed.type = "hidden";
        pressed.name = submitter.name;
        pressed.value = submitter.value;
        form.appendChild(pressed);
      }
      HTMLFormElement.prototype.submit.call(form);
    });
  }, true);
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.defaultPrevented || link.target || link.hasAttribute("download")) return;
    event.preventDefault();
    done().then(() => { window.location.assign(link.href); });
  }, true);
})();
