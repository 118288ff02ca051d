"""Server-rendered SVG bar charts: readable with JavaScript off, printable, right-to-left aware.

Bars are horizontal, each under its own label: labels (district names, categories) are long in
any script, and Noto Nastaliq Urdu is tall and wide, so a label beside its bar either overlapped it
or shrank to nothing on a 360 px phone. A label longer than a line is wrapped at spaces. In a
right-to-left page labels and bars start at the right and bars grow leftwards (text elements
inherit the root's `direction`, and anchor at their start, both SVG defaults, so they carry neither
attribute). Line heights follow the page's font (its ascent and descent measured in chromium), so
no label touches the bar or value of the row above. Every chart carries a <title> and <desc> for
screen readers; pages also show the same figures as a table.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

WIDTH = 400  # user units; static/impact/impact.css sets the font size (18) and caps the drawn width
FONT_SIZE = 18
PAD = 8
GAP = 6  # between a bar and its value
VALUE_ROOM = 72  # after the longest bar, for its value ("12,345")
ROW_GAP = 8
BAR = 20


@dataclass(frozen=True)
class LineMetrics:
    ascent: float  # above the baseline, in user units at FONT_SIZE
    descent: float
    em_per_char: float  # average advance of a character, to wrap labels

    @property
    def height(self) -> float:
        return self.ascent + self.descent


# Measured with getBBox() in chromium at 18 units, rounded up: Nastaliq rises 34 above the baseline.
METRICS = {
    "nastaliq": LineMetrics(ascent=36, descent=13, em_per_char=0.45),
    "naskh": LineMetrics(ascent=21, descent=12, em_per_char=0.5),
    None: LineMetrics(ascent=20, descent=7, em_per_char=0.58),
}


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | None  # None: suppressed (fewer than 5), never drawn as a number
    text: str = ""  # for a None value: what to write instead of "fewer than 5" (e.g. "not shown")


def wrap_label(label: str, *, metrics: LineMetrics) -> list[str]:
    """The label in lines that fit the chart's width (at spaces; a single long word stays whole)."""
    limit = max(int((WIDTH - 2 * PAD) / (FONT_SIZE * metrics.em_per_char)), 8)
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def bar_chart_svg(
    *, chart_id: str, title: str, bars: list[Bar], rtl: bool, description: str = ""
) -> SafeString:
    """One horizontal bar chart as inline SVG markup."""
    metrics = METRICS.get(settings.LANGUAGE_FONTS.get(get_language() or ""), METRICS[None])
    line = metrics.height
    plot_width = WIDTH - 2 * PAD - GAP - VALUE_ROOM
    largest = max((bar.value for bar in bars if bar.value), default=0) or 1
    direction = "rtl" if rtl else "ltr"
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    rows = []
    y = PAD
    for bar in bars:
        label_lines = wrap_label(bar.label, metrics=metrics)
        # A negative figure (a knowledge loss) draws no bar; its value is still written beside it.
        length = 0 if bar.value is None else plot_width * (max(bar.value, 0) / largest)
        shown = (
            (bar.text or _("fewer than 5"))
            if bar.value is None
            else number_format(bar.value, decimal_pos=_decimals(bar.value))
        )
        baselines = [y + metrics.ascent + line * number for number in range(len(label_lines))]
        # The bar line: a line of text (the value) with the bar across its letters' body.
        value_baseline = y + line * len(label_lines) + metrics.ascent
        bar_top = value_baseline - BAR * 0.8
        drawn = 4 if bar.value is None else max(length, 1)
        if rtl:
            label_x, bar_x, value_x = WIDTH - PAD, WIDTH - PAD - drawn, WIDTH - PAD - drawn - GAP
        else:
            label_x, bar_x, value_x = PAD, PAD, PAD + drawn + GAP
        if len(label_lines) == 1:
            label_text = escape(label_lines[0])
        else:  # one <tspan> a line; only then, the dashboard's page budget counts these bytes
            label_text = "".join(
                f'<tspan x="{label_x:.0f}" y="{baseline:.0f}">{escape(text)}</tspan>'
                for text, baseline in zip(label_lines, baselines, strict=True)
            )
        rows.append(f'<text class="chart-label" x="{label_x:.0f}" y="{baselines[0]:.0f}">{label_text}</text>')
        suppressed = " chart-bar--suppressed" if bar.value is None else ""
        rows.append(
            f'<rect class="chart-bar{suppressed}" x="{bar_x:.0f}" y="{bar_top:.0f}" '
            f'width="{drawn:.0f}" height="{BAR}"/>'
        )
        rows.append(
            f'<text class="chart-value" x="{value_x:.0f}" y="{value_baseline:.0f}">{escape(shown)}</text>'
        )
        y += line * (len(label_lines) + 1) + ROW_GAP
    height = y - ROW_GAP + PAD if bars else 2 * PAD
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="100%" aria-labelledby="{title_id} {desc_id}" '
        f'direction="{direction}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description or title)}</desc>',
        *rows,
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above


def _decimals(value: int | float) -> int:
    return 0 if float(value).is_integer() else 1
