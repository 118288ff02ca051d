"""The tables behind every chart, with suppression applied: pages, charts and exports all read these.

A cell is a str (text), int or float (a figure), a datetime.date (a month), a bool, or None: a count
under 5 that must not be shown ("fewer than 5"). Suppression is decided here, once, so a number
hidden on the page cannot reappear in a CSV or XLSX file.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from facilitators.models import AmbassadorProfile
from impact.charts import Bar, bar_chart_svg
from impact.selectors import Figures, Reach
from impact.suppression import THRESHOLD, suppress
from workshops.models import Topic, Workshop

CHART_BARS = 10  # the longest charts show the largest rows; their tables have every row
PAGE_ROWS = 10  # a page shows this many rows of a table (the downloads have all), to stay light


class Withheld:
    """A total not shown because, with the cells beside it, it would reveal one hidden count."""

    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD = Withheld()


def _unknown(value) -> bool:
    return value is None or value is WITHHELD


@dataclass
class Table:
    slug: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart_column: int | None = 1  # which column the chart draws (against column 0); None: no chart
    note: str = ""
    pinned: int = 0  # leading rows always shown on the page, however many

    @property
    def page_rows(self) -> list[list]:
        return self.rows[: max(PAGE_ROWS, self.pinned)]

    def chart(self, *, rtl: bool):
        if self.chart_column is None or not self.rows:
            return None
        rows = self.rows[:CHART_BARS]
        bars = [_bar(row[0], row[self.chart_column]) for row in rows]
        description = _("%(measure)s by %(dimension)s.") % {
            "measure": self.columns[self.chart_column],
            "dimension": self.columns[0],
        }
        if len(self.rows) > CHART_BARS:
            description += " " + _("The chart shows the first %(count)s rows; the table has all of them.") % {
                "count": CHART_BARS
            }
        return bar_chart_svg(
            chart_id=f"chart-{self.slug}", title=self.title, bars=bars, rtl=rtl, description=description
        )


Cell = tuple[list, int]  # (a table row, a column index): a figure that may be hidden in place


def complete_suppression(constraints: list[list[Cell]]) -> None:
    """Secondary suppression: each constraint is a set of cells tied by one sum (a total and its
    parts). While one of them has exactly one hidden cell, that cell could be worked out from the
    others, so one more is withheld: the largest shown one (usually the total, so the detail
    stays). Zeros are hidden like small counts, so two hidden cells never tell which holds what."""
    changed = True
    while changed:
        changed = False
        for cells in constraints:
            hidden = [cell for cell in cells if _unknown(cell[0][cell[1]])]
            if len(hidden) != 1:
                continue
            shown = [cell for cell in cells if not _unknown(cell[0][cell[1]])]
            if not shown:
                continue
            row, index = max(shown, key=lambda cell: cell[0][cell[1]])
            row[index] = WITHHELD
            changed = True


def _bar(label, value) -> Bar:
    if value is WITHHELD:
        return Bar(label=cell_label(label), value=None, text=cell_text(value))
    return Bar(label=cell_label(label), value=value)


def cell_text(value) -> str:
    """A cell as plain text in the current language (CSV, XLSX, chart labels)."""
    if value is None:
        return _("fewer than 5")
    if value is WITHHELD:
        return _("not shown")
    if isinstance(value, bool):
        return _("Yes") if value else ""
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m")
    return str(value)


def cell_label(value) -> str:
    """A cell as text on a page: months by name in the page language."""
    return month_label(value) if isinstance(value, datetime.date) else cell_text(value)


def cell_export(value):
    """A cell for a spreadsheet: figures stay numbers, suppressed cells say so."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = cell_text(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def month_label(value: datetime.date) -> str:
    return date_format(value, "YEAR_MONTH_FORMAT")


def _count(value: int, *, public: bool) -> int | None:
    """Counts of people and workshops are shown as they are to staff, suppressed on the public page."""
    return suppress(value) if public else value


# --- Workshops and people ------------------------------------------------------------------------


def _reach_rows(items, *, public: bool, women: bool = True) -> list[list]:
    rows = []
    for label, reach in items:
        row = [label, _count(reach.workshops, public=public)]
        if not public:
            row += [reach.registered, reach.attended, reach.walk_ins]
        row.append(_count(reach.people, public=public))
        if women:
            row.append(_count(reach.women, public=public))
        rows.append(row)
    return rows


def _reach_columns(first: str, *, public: bool, women: bool = True) -> list[str]:
    columns = [first, _("Workshops held")]
    if not public:
        columns += [_("Registered"), _("Attended"), _("Walk-ins")]
    columns.append(_("People reached"))
    if women:
        columns.append(_("Women reached"))
    return columns


def _people_column(columns: list[str]) -> int:
    return columns.index(_("People reached"))


def _sorted(items: dict, key) -> list:
    return sorted(items.items(), key=lambda item: (-key(item[1]), str(item[0])))


def region_title(figures: Figures) -> str:
    return _("Province") if figures.selection.by_province else _("District")


def reach_by_region(figures: Figures, *, public: bool = False) -> Table:
    columns = _reach_columns(region_title(figures), public=public)
    items = [
        (figures.region_name(key), reach)
        for key, reach in _sorted(figures.by_region, lambda reach: reach.people)
        if reach.workshops
    ]
    return Table(
        slug="reach-by-region",
        title=_("People reached by province")
        if figures.selection.by_province
        else _("People reached by district"),
        columns=columns,
        rows=_reach_rows(items, public=public),
        chart_column=_people_column(columns),
    )


def reach_by_topic(figures: Figures, *, public: bool = False) -> Table:
    columns = _reach_columns(_("Topic"), public=public, women=False)
    items = [(str(Topic(topic).label), figures.by_topic.get(topic, Reach())) for topic in Topic.values]
    items.sort(key=lambda item: -item[1].people)
    return Table(
        slug="reach-by-topic",
        title=_("People reached by topic"),
        columns=columns,
        rows=_reach_rows(items, public=public, women=False),
        chart_column=_people_column(columns),
        note=_("A workshop on two topics counts under both, so topics add up to more than the total."),
    )


def reach_by_language(figures: Figures) -> Table:
    columns = _reach_columns(_("Language of delivery"), public=False)
    names = dict(settings.LANGUAGES)
    items = [
        (str(names.get(code, code)), reach)
        for code, reach in _sorted(figures.by_language, lambda reach: reach.people)
    ]
    return Table(
        slug="reach-by-language",
        title=_("People reached by language of delivery"),
        columns=columns,
        rows=_reach_rows(items, public=False),
        chart_column=_people_column(columns),
    )


def reach_by_audience(figures: Figures) -> Table:
    columns = _reach_columns(_("Audience"), public=False)
    items = [
        (str(Workshop.Audience(code).label), reach)
        for code, reach in _sorted(figures.by_audience, lambda reach: reach.people)
    ]
    return Table(
        slug="reach-by-audience",
        title=_("People reached by audience"),
        columns=columns,
        rows=_reach_rows(items, public=False),
        chart_column=_people_column(columns),
    )


# --- Ambassadors, learning, feedback ----------------------------------------------------------------


def ambassadors_by_level(figures: Figures) -> Table:
    rows = []
    for level in AmbassadorProfile.Level:
        counts = figures.ambassadors_by_level.get(level.value)
        if counts and counts.total:
            rows.append([str(level.label), counts.total, counts.active])
    return Table(
        slug="ambassadors-by-level",
        title=_("Ambassadors by level"),
        columns=[_("Level"), _("Ambassadors"), _("Active in the period")],
        rows=rows,
        note=_("Active: led or co-facilitated at least one workshop held in the period."),
    )


def ambassadors_by_region(figures: Figures) -> Table:
    rows = [
        [figures.region_name(key), counts.total, counts.active]
        for key, counts in _sorted(figures.ambassadors_by_region, lambda counts: counts.total)
    ]
    return Table(
        slug="ambassadors-by-region",
        title=_("Ambassadors by province") if figures.selection.by_province else _("Ambassadors by district"),
        columns=[region_title(figures), _("Ambassadors"), _("Active in the period")],
        rows=rows,
        chart_column=None,  # the chart by level says it; a table is enough here
    )


def knowledge_gain(figures: Figures) -> Table:
    rows = []
    for topic in Topic.values:
        gain = figures.gain_by_topic.get(topic)
        if gain and gain.weight:
            rows.append([str(Topic(topic).label), gain.weight, gain.points])
    return Table(
        slug="knowledge-gain",
        title=_("Average knowledge gain by topic"),
        columns=[_("Topic"), _("People who took the quiz after"), _("Average gain (percentage points)")],
        rows=rows,
        chart_column=2,
        note=_(
            "Share of correct answers after the session minus the share before, weighted by the "
            "people who took the quiz after."
        ),
    )


def feedback_by_region(figures: Figures) -> Table:
    rows = [
        [
            figures.region_name(key),
            scores.responses,
            scores.useful_average,
            scores.more_confident_share,
            scores.would_recommend_share,
        ]
        for key, scores in _sorted(figures.feedback_by_region, lambda scores: scores.responses)
    ]
    return Table(
        slug="feedback-by-region",
        title=_("Feedback from participants"),
        columns=[
            region_title(figures),
            _("Answers"),
            _("Average usefulness (1 to 4)"),
            _("More confident (%)"),
            _("Would recommend (%)"),
        ],
        rows=rows,
        chart_column=None,  # shares and averages side by side read better as a table
    )


def downloads_by_language(figures: Figures) -> Table | None:
    if figures.downloads_by_language is None:
        return None
    names = dict(settings.LANGUAGES)
    rows = [
        [str(names.get(code, code)), count]
        for code, count in sorted(figures.downloads_by_language.items(), key=lambda item: -item[1])
    ]
    return Table(
        slug="downloads-by-language",
        title=_("Curriculum downloads by language"),
        columns=[_("Language"), _("Downloads")],
        rows=rows,
        note=_(
            "Downloads of library materials, by the language of the material, since the library "
            "opened and for all of Pakistan: the library counts downloads without a date or a place."
        ),
    )


# --- Incident reports (always suppressed) --------------------------------------------------------


@dataclass
class ReportTables:
    by_category: Table
    by_region: Table
    by_month: Table
    total: int | None | Withheld


def report_tables(figures: Figures) -> ReportTables:
    """The three tables of incident reports and their grand total, suppressed together.

    Cells under 5 (zeros included) are hidden; a region with fewer than 5 reports in all is never
    named (such regions are added up in one last row); and any total that would give away a single
    hidden cell of its row or column, in any of the three tables, is withheld."""
    categories = list(figures.categories)
    names = list(figures.categories.values())

    # Category x region.
    totals: dict = {}
    for (category, region), count in figures.reports_by_category_region.items():
        cells = totals.setdefault(region, {})
        cells[category] = cells.get(category, 0) + count
    named = sorted(
        (
            region
            for region, cells in totals.items()
            if region is not None and sum(cells.values()) >= THRESHOLD
        ),
        key=lambda region: (-sum(totals[region].values()), figures.region_name(region)),
    )
    rest: dict[int, int] = {}
    for region, cells in totals.items():
        if region not in named:
            for category, count in cells.items():
                rest[category] = rest.get(category, 0) + count
    region_rows = [
        [figures.region_name(region)] + [suppress(totals[region].get(c, 0)) for c in categories]
        for region in named
    ]
    raw_region_totals = [sum(totals[region].values()) for region in named]
    if rest:
        label = (
            _("Other provinces together") if figures.selection.by_province else _("Other districts together")
        )
        region_rows.append([label] + [suppress(rest.get(c, 0)) for c in categories])
        raw_region_totals.append(sum(rest.values()))
    for row, raw in zip(region_rows, raw_region_totals, strict=True):
        row.append(suppress(raw))

    # Month x category.
    months = sorted({month for _category, month in figures.reports_by_category_month})
    month_rows = []
    for month in months:
        counts = [figures.reports_by_category_month.get((c, month), 0) for c in categories]
        month_rows.append([month, *(suppress(count) for count in counts), suppress(sum(counts))])

    category_rows = [
        [name, suppress(figures.reports_by_category.get(pk, 0))]
        for pk, name in zip(categories, names, strict=True)
    ]
    grand = [suppress(sum(figures.reports_by_category.values()))]

    # Every sum that ties the cells of these tables together.
    last = len(categories) + 1
    constraints: list[list[Cell]] = []
    for row in region_rows + month_rows:
        constraints.append([(row, column) for column in range(1, last + 1)])
    for column, category_row in enumerate(category_rows, start=1):
        constraints.append([(category_row, 1)] + [(row, column) for row in region_rows])
        constraints.append([(category_row, 1)] + [(row, column) for row in month_rows])
    constraints.append([(grand, 0)] + [(row, 1) for row in category_rows])
    constraints.append([(grand, 0)] + [(row, last) for row in region_rows])
    constraints.append([(grand, 0)] + [(row, last) for row in month_rows])
    complete_suppression(constraints)
    grand = grand[0]
    category_rows.sort(key=lambda row: -(row[1] if isinstance(row[1], int) else 0))

    def with_withheld_note(note: str, rows: list[list]) -> str:
        if any(cell is WITHHELD for row in rows for cell in row):
            return note + " " + _("“Not shown”: a figure that would let someone work out a hidden count.")
        return note

    return ReportTables(
        by_category=Table(
            slug="reports-by-category",
            title=_("Reports of harm by category"),
            columns=[_("Category"), _("Reports")],
            rows=category_rows,
            note=with_withheld_note(
                _("Counts under 5 are never shown, to protect the people who reported."), category_rows
            ),
        ),
        by_region=Table(
            slug="reports-by-region",
            title=_("Reports of harm by province and category")
            if figures.selection.by_province
            else _("Reports of harm by district and category"),
            columns=[region_title(figures), *names, _("All reports")],
            rows=region_rows,
            chart_column=len(categories) + 1,
            note=with_withheld_note(
                _(
                    "Places with fewer than 5 reports in all, and reports without a district, are counted "
                    "together in the last row. Counts under 5 are never shown."
                ),
                region_rows,
            ),
        ),
        by_month=Table(
            slug="reports-by-month",
            title=_("Reports of harm month by month"),
            columns=[_("Month"), *names, _("All reports")],
            rows=month_rows,
            chart_column=len(categories) + 1,
            note=with_withheld_note(
                _("Reports are counted by the month they were made. Counts under 5 are never shown."),
                month_rows,
            ),
        ),
        total=grand,
    )


def not_yet_reaching(figures: Figures) -> Table:
    rows = []
    for gap in figures.gaps:
        # A district is named only for its workshops or for reports that can be shown.
        if not gap.recent_workshops and max(gap.recent_reports, gap.earlier_reports) < THRESHOLD:
            continue
        province = figures.province_names.get(figures.district_province.get(gap.district_id), "")
        rows.append(
            [
                figures.district_names.get(gap.district_id, ""),
                province,
                suppress(gap.recent_reports),
                suppress(gap.earlier_reports),
                gap.recent_workshops,
                gap.not_reached,
            ]
        )
    return Table(
        slug="not-yet-reaching",
        title=_("Where the movement is not yet reaching"),
        columns=[
            _("District"),
            _("Province"),
            _("Reports, last 3 months"),
            _("Reports, 3 months before"),
            _("Workshops, last 90 days"),
            _("Not yet reaching"),
        ],
        rows=rows,
        chart_column=None,
        pinned=sum(1 for row in rows if row[-1]),
        note=_(
            "Listed first: districts where reports of harm are rising (at least 5 in the last three "
            "months, this one included, and more than in the three before) and fewer than %(few)s "
            "workshops were held in the last 90 days."
        )
        % {"few": settings.IMPACT_FEW_WORKSHOPS},
    )


def dashboard_tables(figures: Figures) -> list[Table]:
    tables = [
        not_yet_reaching(figures),
        reach_by_region(figures),
        reach_by_topic(figures),
        reach_by_language(figures),
        reach_by_audience(figures),
        ambassadors_by_level(figures),
        ambassadors_by_region(figures),
        knowledge_gain(figures),
        feedback_by_region(figures),
        downloads_by_language(figures),
    ]
    reports = report_tables(figures)
    tables += [reports.by_category, reports.by_region, reports.by_month]
    return [table for table in tables if table is not None]


def public_tables(figures: Figures) -> list[Table]:
    return [
        reach_by_region(figures, public=True),
        reach_by_topic(figures, public=True),
        report_tables(figures).by_category,
        report_tables(figures).by_month,
    ]


@dataclass(frozen=True)
class Headline:
    label: str
    value: int | float | None  # None: suppressed
    unit: str = ""


def _or_dash(value: float | None) -> float | str:
    """An average with nothing to average: a dash, never confused with a suppressed count."""
    return "—" if value is None else value


def dashboard_headlines(figures: Figures) -> list[Headline]:
    total = figures.total
    return [
        Headline(_("Workshops held"), total.workshops),
        Headline(_("People reached"), total.people),
        Headline(_("Registered"), total.registered),
        Headline(_("Attended"), total.attended),
        Headline(_("Walk-ins"), total.walk_ins),
        Headline(_("Women reached (at least)"), total.women),
        Headline(_("Districts reached"), figures.districts_reached),
        Headline(_("Active ambassadors"), figures.ambassadors.active),
        Headline(
            _("Average knowledge gain"),
            _or_dash(figures.gain.points),
            _("percentage points") if figures.gain.points is not None else "",
        ),
        Headline(_("Average usefulness (1 to 4)"), _or_dash(figures.feedback.useful_average)),
        Headline(_("Reports of harm"), report_tables(figures).total),
    ]


def public_headlines(figures: Figures) -> list[Headline]:
    total = figures.total
    return [
        Headline(_("Workshops held"), suppress(total.workshops)),
        Headline(_("People reached"), suppress(total.people)),
        Headline(_("Women reached (at least)"), suppress(total.women)),
        Headline(_("Districts reached"), suppress(figures.districts_reached)),
        Headline(_("Active ambassadors"), suppress(figures.ambassadors.active)),
    ]


def table_by_slug(tables: list[Table], slug: str) -> Table | None:
    return next((table for table in tables if table.slug == slug), None)


def month_cells(table: Table) -> list[list]:
    """Rows for the page: months become their name in the page language."""
    return [
        [month_label(cell) if isinstance(cell, datetime.date) else cell for cell in row]
        for row in table.page_rows
    ]
