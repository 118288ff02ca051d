"""A real browser: a Sindh coordinator opens the Urdu dashboard; charts put their labels on the
right and grow leftwards; axe finds no serious problem; the page is saved as a screenshot."""

import pytest

from tests import factories
from tests.impact import factories as impact
from tests.workshops.test_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def some_region():
    for n, district in enumerate(["Karachi Central", "Hyderabad", "Sukkur", "Larkana"]):
        impact.held_workshop(
            district=district,
            attended=6 + n * 3,
            walk_ins={("women", "18_29"): 4 + n, ("men", "30_49"): 2},
            lead_facilitator=impact.ambassador(),
            topics=["scams-fraud", "harassment-social-media"][: 1 + n % 2],
        )
    impact.quiz(impact.held_workshop(attended=5), pre=35, post=72)
    impact.reports(11, category_slug="wallet-otp", district="Sukkur")
    impact.reports(3, category_slug="blackmail", district="Sukkur")
    impact.reports(6, category_slug="blackmail", district="Karachi Central")


def test_urdu_dashboard_in_a_real_browser(page, live_server, screenshot):
    some_region()
    sign_in(page, live_server, factories.coordinator("SD", full_name="ثنا میمن"))
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    page.goto("/ur/impact/dashboard/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    charts = page.locator("svg.chart")
    assert charts.count() >= 8
    # Each chart: labels read right to left, start at the right edge above their bar, which grows
    # leftwards from that edge.
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.get_attribute("direction") == "rtl"
        label = chart.locator("text.chart-label").first
        bar = chart.locator("rect").first
        assert label.evaluate("node => getComputedStyle(node).direction") == "rtl"
        label_box, bar_box = label.bounding_box(), bar.bounding_box()
        assert abs((label_box["x"] + label_box["width"]) - (bar_box["x"] + bar_box["width"])) < 3, index
        assert label_box["y"] + label_box["height"] <= bar_box["y"] + 1, index
    assert "5 سے کم" in page.locator("main").inner_text()
    screenshot(page, "impact-dashboard-ur")
    # The download links work with the same filters.
    with page.expect_download() as download:
        page.locator("a[href*='reports-by-region.csv']").first.click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert "سکھر" in text and "5 سے کم" in text


def test_public_impact_page_without_javascript(browser, live_server, screenshot):
    some_region()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="ur-PK")
    page = context.new_page()
    page.goto("/ur/impact/")
    assert page.locator("svg.chart").count() == 4
    assert page.get_by_role("heading", level=1).inner_text()
    screenshot(page, "impact-public-ur-no-javascript")
    context.close()
