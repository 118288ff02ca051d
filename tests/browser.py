"""Real-browser fixtures: Playwright driving Debian's chromium, with axe-core on every page.

Browser tests skip with a visible reason when chromium is not installed, except under CI (CI=1),
where a missing browser is a failure. Screenshots go to test-artifacts/.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-gpu",
    "--no-first-run",
]
AXE_GUARD = (Path(__file__).parent / "axe_guard.js").read_text()


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}: CI must run the browser tests")
        pytest.skip(f"no chromium at {CHROMIUM}: install Debian's chromium to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page; every page it loads is checked with axe (WCAG 2.1 AA, no serious or
    critical violation). Also fails the test on any console error (CSP violations included)."""
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(15_000)
    reports: list[tuple[str, list]] = []
    console_errors: list[str] = []
    context.expose_binding(
        "__hifazatAxeReport", lambda source, url, violations: reports.append((url, violations))
    )
    context.add_init_script(_axe_source() + "\n" + AXE_GUARD)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    page.axe_reports = reports
    yield page
    try:
        # Let the last page's check finish (bounded: a page that never loaded has nothing to wait for).
        page.evaluate(
            "Promise.race([window.__hifazatAxeDone, new Promise((done) => setTimeout(done, 5000))])"
        )
    except Exception:  # noqa: BLE001, S110 - the page may already be gone (download, closed)
        pass
    context.close()
    violations = [(url, found) for url, found in reports if found]
    assert not violations, f"accessibility violations (serious/critical): {violations}"
    assert not console_errors, f"browser console errors: {console_errors}"
    assert reports, "axe never reported: the guard script did not run"


@pytest.fixture
def screenshot(artifacts):
    def take(page, name: str) -> Path:
        path = artifacts / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
