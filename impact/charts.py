"""Server-rendered SVG bar charts: readable with JavaScript off, printable, right-to-left aware.

Bars are horizontal because labels (district names, categories) are long, in any script. In a
right-to-left page the labels sit at the right and bars grow leftwards (text elements inherit the
root's `direction`, and anchor at their start, both SVG defaults, so they carry neither attribute). Every chart carries a
<title> and <desc> for screen readers; pages also show the same figures as a table.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
ROW = 34
BAR = 22
LABEL_SHARE = 0.38
PAD = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | None  # None: suppressed (fewer than 5), never drawn as a number
    text: str = ""  # for a None value: what to write instead of "fewer than 5" (e.g. "not shown")


def bar_chart_svg(
    *, chart_id: str, title: str, bars: list[Bar], rtl: bool, description: str = ""
) -> SafeString:
    """One horizontal bar chart as inline SVG markup."""
    height = PAD * 2 + ROW * max(len(bars), 1)
    label_width = WIDTH * LABEL_SHARE
    plot_width = WIDTH - label_width - PAD * 3 - 60  # room for the value after the bar
    largest = max((bar.value for bar in bars if bar.value), default=0) or 1
    direction = "rtl" if rtl else "ltr"
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-labelledby="{title_id} {desc_id}" direction="{direction}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description or title)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = PAD + index * ROW
        text_y = y + BAR * 0.75
        # A negative figure (a knowledge loss) draws no bar; its value is still written beside it.
        length = 0 if bar.value is None else plot_width * (max(bar.value, 0) / largest)
        shown = (
            (bar.text or _("fewer than 5"))
            if bar.value is None
            else number_format(bar.value, decimal_pos=_decimals(bar.value))
        )
        if rtl:
            label_x, bar_x, value_x = (
                WIDTH - PAD,
                WIDTH - label_width - PAD * 2 - length,
                WIDTH - label_width - PAD * 3 - length,
            )
        else:
            label_x, bar_x, value_x = PAD, label_width + PAD * 2, label_width + PAD * 3 + length
        parts.append(
            f'<text class="chart-label" x="{label_x:.0f}" y="{text_y:.0f}">{escape(bar.label)}</text>'
        )
        if bar.value is None:
            parts.append(
                f'<rect class="chart-bar chart-bar--suppressed" x="{bar_x if not rtl else bar_x - 4:.0f}" '
                f'y="{y:.0f}" width="4" height="{BAR}"/>'
            )
        else:
            parts.append(
                f'<rect class="chart-bar" x="{bar_x:.0f}" y="{y:.0f}" width="{max(length, 1):.0f}" height="{BAR}"/>'
            )
        parts.append(f'<text class="chart-value" x="{value_x:.0f}" y="{text_y:.0f}">{escape(shown)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above


def _decimals(value: int | float) -> int:
    return 0 if float(value).is_integer() else 1
