import re

from django.utils import translation

from common.exports import csv_response
from impact.charts import Bar, bar_chart_svg
from impact.suppression import shown, suppress

BARS = [Bar("Karachi Central", 40), Bar("حیدرآباد", 10), Bar("Thar <script>", None)]


def positions(svg: str, css_class: str, axis: str = "x") -> list[float]:
    return [
        float(x)
        for x in re.findall(rf'class="{css_class}" x="([\d.]+)" y="([\d.]+)"', svg)
        for x in [x[axis == "y"]]
    ]


def test_left_to_right_chart_puts_each_label_above_its_bar_at_the_left():
    svg = bar_chart_svg(chart_id="c", title="Reports by district", bars=BARS, rtl=False)
    labels, bars = positions(svg, "chart-label"), positions(svg, "chart-bar(?: chart-bar--suppressed)?")
    assert labels == bars == [8, 8, 8]
    label_ys = positions(svg, "chart-label", "y")
    bar_ys = positions(svg, "chart-bar(?: chart-bar--suppressed)?", "y")
    assert all(
        label < bar < next_label
        for label, bar, next_label in zip(label_ys, bar_ys, label_ys[1:], strict=False)
    )
    assert 'direction="ltr"' in svg


def test_right_to_left_chart_starts_at_the_right_and_bars_grow_leftwards():
    svg = bar_chart_svg(chart_id="c", title="ضلع کے لحاظ سے رپورٹیں", bars=BARS[:2], rtl=True)
    labels, bars = positions(svg, "chart-label"), positions(svg, "chart-bar")
    assert all(label > bar for label, bar in zip(labels, bars, strict=True))
    assert bars[0] < bars[1], "the larger value's bar reaches further left"
    assert 'direction="rtl"' in svg


def test_a_long_label_wraps_at_spaces_and_its_row_grows():
    with translation.override("ur"):
        short = bar_chart_svg(chart_id="c", title="t", bars=[Bar("کچھ اور", 5)], rtl=True)
        label = "میرا ایک سوال ہے یا مشورہ چاہیے اور میں اپنی شکایت کے بارے میں مزید جاننا چاہتا ہوں"
        long = bar_chart_svg(chart_id="c", title="t", bars=[Bar(label, 5)], rtl=True)
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", long)
    assert len(lines) >= 2 and " ".join(lines) == label
    height = lambda svg: float(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))  # noqa: E731
    assert height(long) > height(short)


def test_chart_is_accessible_and_escapes_text():
    svg = bar_chart_svg(chart_id="c", title="Reports & trends", bars=BARS, rtl=False)
    assert 'role="img"' in svg and 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">Reports &amp; trends</title>' in svg
    assert "<script>" not in svg


def test_suppressed_values_never_show_a_number():
    with translation.override("en"):
        svg = bar_chart_svg(chart_id="c", title="t", bars=[Bar("Thar", None)], rtl=False)
        assert "fewer than 5" in svg
        assert shown(3) == "fewer than 5" and shown(5) == "5"
    assert suppress(4) is None and suppress(0) is None and suppress(7) == 7


def test_csv_has_a_byte_order_mark_for_urdu_in_spreadsheets():
    response = csv_response(filename="t", header=["ضلع", "count"], rows=[["کراچی", 7]])
    assert response.content.startswith("\ufeff".encode())
    assert "کراچی,7" in response.content.decode("utf-8-sig")


def test_a_negative_figure_draws_no_bar_but_says_its_value():
    svg = bar_chart_svg(chart_id="c", title="t", bars=[Bar("Quiz", -3.5), Bar("Other", 10)], rtl=False)
    assert 'width="1"' in svg and "-3.5" in svg


def test_exported_text_cannot_run_as_a_formula():
    from impact.tables import WITHHELD, cell_export

    assert cell_export("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert cell_export(-2.5) == -2.5
    with translation.override("en"):
        assert cell_export(None) == "fewer than 5" and cell_export(WITHHELD) == "not shown"
