"""Thin views: check access, read the figures, render them or export one of their tables."""

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache

from accounts.selectors import user_is_coordinator
from common.exports import csv_response, xlsx_response
from common.pagecache import public_page
from impact import selectors, tables
from impact.forms import DashboardFilterForm

FORMATS = ("csv", "xlsx")
PUBLIC_DAYS = 365


# --- Public ---------------------------------------------------------------------------------------


def _public_content() -> dict:
    """Headlines, tables and charts of the public page, in the current language, cached briefly."""
    key = f"impact:public:{translation.get_language()}:{timezone.localdate().isoformat()}"
    content = cache.get(key)
    if content is None:
        end = timezone.localdate()
        selection = selectors.Selection(
            start=end - datetime.timedelta(days=PUBLIC_DAYS - 1), end=end, by_province=True
        )
        figures = selectors.impact_figures(selection=selection)
        content = {
            "start": selection.start,
            "end": selection.end,
            "headlines": tables.public_headlines(figures),
            "tables": tables.public_tables(figures),
        }
        content["blocks"] = _blocks(content["tables"])
        cache.set(key, content, settings.IMPACT_PUBLIC_CACHE_SECONDS)
    return content


def _blocks(table_list: list[tables.Table]) -> list[dict]:
    rtl = translation.get_language_bidi()
    return [
        {"table": table, "chart": table.chart(rtl=rtl), "rows": tables.month_cells(table)}
        for table in table_list
    ]


@public_page
def public(request: HttpRequest) -> HttpResponse:
    content = _public_content()
    return render(request, "impact/public.html", content)


def _export(table: tables.Table | None, fmt: str, filename: str) -> HttpResponse:
    if table is None or fmt not in FORMATS:
        raise Http404
    rows = ([tables.cell_export(cell) for cell in row] for row in table.rows)
    if fmt == "csv":
        return csv_response(filename=filename, header=table.columns, rows=rows)
    return xlsx_response(filename=filename, sheet=table.title, header=table.columns, rows=rows)


def public_export(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    content = _public_content()
    return _export(
        tables.table_by_slug(content["tables"], table),
        fmt,
        f"hifazat-impact-{table}-{content['start']:%Y%m%d}-{content['end']:%Y%m%d}",
    )


# --- Coordinators and admins -------------------------------------------------------------------------


def _dashboard_figures(request: HttpRequest, *, strict: bool):
    """The filter form and the figures it selects. An invalid filter shows the whole scope on the
    page (with the form's message); an export with an invalid filter is not found."""
    if not user_is_coordinator(request.user):
        raise Http404
    form = DashboardFilterForm(request.GET or None, user=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        start, end, province, district = data["start"], data["end"], data["province"], data["district"]
    elif strict and form.is_bound:
        raise Http404
    else:
        (start, end), province, district = form.period(), None, None
    selection = selectors.selection_for(
        user=request.user, start=start, end=end, province=province, district=district
    )
    return form, selectors.impact_figures(selection=selection)


@never_cache
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    form, figures = _dashboard_figures(request, strict=False)
    table_list = tables.dashboard_tables(figures)
    query = request.GET.urlencode() if form.is_bound and form.is_valid() else ""
    return render(
        request,
        "impact/dashboard.html",
        {
            "form": form,
            "figures": figures,
            "start": figures.selection.start,
            "end": figures.selection.end,
            "headlines": tables.dashboard_headlines(figures),
            "blocks": _blocks(table_list),
            "query": query,
        },
    )


@never_cache
@login_required
def dashboard_export(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    _form, figures = _dashboard_figures(request, strict=True)
    selection = figures.selection
    return _export(
        tables.table_by_slug(tables.dashboard_tables(figures), table),
        fmt,
        f"hifazat-impact-{table}-{selection.start:%Y%m%d}-{selection.end:%Y%m%d}",
    )
