"""In a real chromium, with the real fonts (Noto Nastaliq Urdu is tall and wide): no label of an
impact chart overlaps a bar, a value or another row's label, and nothing leaves the chart, in any
language, on a 360 px phone and on a laptop."""

import pytest

from tests import factories
from tests.impact.test_browser import some_region
from tests.workshops.test_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Boxes of every label, bar and value of every chart, in page coordinates.
BOXES = """() => [...document.querySelectorAll('svg.chart')].map((svg) => {
  const box = (node) => { const r = node.getBoundingClientRect();
    return {kind: node.getAttribute('class'), text: node.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  return {chart: box(svg), items: [...svg.querySelectorAll('text, rect')].map(box)};
})"""
TOLERANCE = 0.5  # px: touching is not overlapping


def _overlap(a: dict, b: dict) -> bool:
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > TOLERANCE
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > TOLERANCE
    )


def chart_problems(page) -> list[str]:
    page.evaluate("document.fonts.ready.then(() => true)")
    problems = []
    for number, chart in enumerate(page.evaluate(BOXES)):
        items, frame = chart["items"], chart["chart"]
        for index, item in enumerate(items):
            outside = (
                item["left"] < frame["left"] - TOLERANCE
                or item["right"] > frame["right"] + TOLERANCE
                or item["top"] < frame["top"] - TOLERANCE
                or item["bottom"] > frame["bottom"] + TOLERANCE
            )
            if outside:
                problems.append(f"chart {number}: {item['text'] or item['kind']!r} leaves the chart")
            for other in items[index + 1 :]:
                if "chart-label" in (item["kind"] + other["kind"]) and _overlap(item, other):
                    problems.append(
                        f"chart {number}: {item['text'] or item['kind']!r} overlaps "
                        f"{other['text'] or other['kind']!r}"
                    )
    return problems


@pytest.mark.parametrize("width", [360, 1024])
def test_chart_labels_do_not_overlap_in_any_language(browser, live_server, screenshot, artifacts, width):
    some_region()
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    for language in ("ur", "sd", "ps", "en"):
        page.goto(f"/{language}/impact/")
        assert page.locator("svg.chart").count() == 4
        found = chart_problems(page)
        if found:
            problems[language] = found
        screenshot(page, f"impact-public-{language}-{width}")
        for number in range(page.locator("svg.chart").count()):
            page.locator("svg.chart").nth(number).screenshot(
                path=str(artifacts / f"impact-chart-{number}-{language}-{width}.png")
            )
    context.close()
    assert not problems, problems


def test_dashboard_chart_labels_do_not_overlap_in_urdu(page, live_server, screenshot):
    some_region()
    sign_in(page, live_server, factories.coordinator("SD", full_name="ثنا میمن"))
    page.goto("/ur/impact/dashboard/")
    assert page.locator("svg.chart").count() >= 8
    assert chart_problems(page) == []
