"""In a real chromium: Urdu is right-to-left in Nastaliq; switching to English flips to left-to-right."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def used_fonts(page, selector: str) -> set[str]:
    """The fonts chromium actually rendered the element's text with (not just the CSS request)."""
    page.evaluate("document.fonts.ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


def test_urdu_is_right_to_left_in_nastaliq_and_english_is_left_to_right(page, screenshot):
    page.goto("/ur/")
    assert page.get_attribute("html", "dir") == "rtl"
    width = page.viewport_size["width"]
    brand = page.locator(".site-name").bounding_box()
    assert brand["x"] + brand["width"] > width * 0.85, "the header should start at the right edge"
    first_link = page.locator(".site-nav li").first.bounding_box()
    last_link = page.locator(".site-nav li").last.bounding_box()
    assert first_link["x"] >= last_link["x"], "navigation should run from right to left"
    assert "Noto Nastaliq Urdu" in used_fonts(page, "h1")
    screenshot(page, "foundation-home-ur")

    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/")
    assert page.get_attribute("html", "dir") == "ltr"
    assert page.locator("h1").inner_text() == "Stay safe online, together"
    brand = page.locator(".site-name").bounding_box()
    assert brand["x"] < width * 0.15, "the header should start at the left edge"
    assert "Noto Nastaliq Urdu" not in used_fonts(page, "h1")
    screenshot(page, "foundation-home-en")


def test_sindhi_uses_naskh_which_has_sindhi_letters(page, screenshot):
    page.goto("/sd/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert "Noto Naskh Arabic" in used_fonts(page, "h1")
    screenshot(page, "foundation-home-sd")


def test_site_works_with_javascript_off(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/ps/")
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/")
    assert page.get_attribute("html", "lang") == "en"
    context.close()
