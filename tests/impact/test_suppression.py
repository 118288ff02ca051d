"""A district with 3 cases of a category shows "fewer than 5" everywhere: pages, charts, CSV, XLSX,
the public page and the monthly email. Totals never give a hidden count away."""

import io
import re

import pytest
from django.core import mail
from openpyxl import load_workbook

from impact.tables import WITHHELD, complete_suppression
from tests import factories
from tests.impact import factories as impact

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_scams_in_sukkur():
    impact.reports(3, category_slug="fake-prize", district="Sukkur")  # the 3 cases to hide
    impact.reports(9, category_slug="blackmail", district="Sukkur")  # so Sukkur is named
    impact.reports(6, category_slug="wallet-otp", district="Karachi Central")
    impact.reports(8, category_slug="blackmail", district="Karachi Central")
    impact.reports(7, category_slug="wallet-otp", district="Hyderabad")


def numbers(text: str) -> set[str]:
    """Every number in a CSV's rows (the header row says "last 3 months")."""
    rows = "\n".join(text.splitlines()[1:])
    return set(re.findall(r"(?<![\d.])\d+(?![\d.])", rows))


def test_three_cases_are_fewer_than_5_on_the_dashboard_and_in_every_export(client, three_scams_in_sukkur):
    client.force_login(factories.coordinator("SD"))
    response = client.get("/en/impact/dashboard/")
    tables = {block["table"].slug: block["table"] for block in response.context["blocks"]}
    region = tables["reports-by-region"]
    sukkur = next(row for row in region.rows if row[0] == "Sukkur")
    scam = region.columns.index("Scam or fraud")
    assert sukkur[scam] is None
    assert 3 not in sukkur
    html = response.content.decode()
    assert "fewer than 5" in html

    csv = client.get("/en/impact/dashboard/export/reports-by-region.csv").content.decode("utf-8-sig")
    sukkur_line = next(line for line in csv.splitlines() if line.startswith("Sukkur,"))
    assert sukkur_line.split(",")[scam] == "fewer than 5"
    # Sukkur's total stays: the 3 left over from it are spread over five hidden cells (zeros are
    # hidden too), so nobody can tell which category they are in.
    assert sukkur_line.split(",")[-1] == "12"
    assert sukkur_line.count("fewer than 5") == 5
    for slug in tables:
        text = client.get(f"/en/impact/dashboard/export/{slug}.csv").content.decode("utf-8-sig")
        assert "3" not in numbers(text), slug
        book = load_workbook(io.BytesIO(client.get(f"/en/impact/dashboard/export/{slug}.xlsx").content))
        assert 3 not in [cell for row in list(book.active.values)[1:] for cell in row], slug


def test_the_chart_says_fewer_than_5_and_draws_no_bar_length(client, three_scams_in_sukkur):
    client.force_login(factories.coordinator("SD"))
    response = client.get("/en/impact/dashboard/")
    block = next(b for b in response.context["blocks"] if b["table"].slug == "reports-by-category")
    svg = str(block["chart"])
    assert "fewer than 5" in svg and "chart-bar--suppressed" in svg


def test_three_cases_are_hidden_on_the_public_page_and_its_downloads(client, three_scams_in_sukkur):
    html = client.get("/en/impact/").content.decode()
    assert "fewer than 5" in html
    for slug in ["reports-by-category", "reports-by-month", "reach-by-region", "reach-by-topic"]:
        text = client.get(f"/en/impact/export/{slug}.csv").content.decode("utf-8-sig")
        assert "3" not in numbers(text), slug


def test_the_monthly_email_hides_small_counts_too(three_scams_in_sukkur, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    from impact.services import monthly_summary_send

    coordinator = factories.coordinator("SD", language="en")
    with django_capture_on_commit_callbacks(execute=False):
        monthly_summary_send(user_id=coordinator.pk, month=timezone.localdate().replace(day=1))
    from notifications.models import Delivery

    body = Delivery.objects.get().body
    assert "fewer than 5" in body
    assert "3" not in numbers(body.split("http")[0].replace(str(datetime.date.today().year), ""))
    assert not mail.outbox  # written to the log; a worker sends it


def test_a_lone_hidden_cell_takes_its_total_with_it():
    row = [None, 8, 11]  # parts 3 (hidden) and 8, total 11
    complete_suppression([[(row, 0), (row, 1), (row, 2)]])
    assert row == [None, 8, WITHHELD]


def test_two_hidden_cells_keep_the_total():
    row = [None, None, 8, 12]
    complete_suppression([[(row, 0), (row, 1), (row, 2), (row, 3)]])
    assert row == [None, None, 8, 12]


def test_withholding_spreads_across_tables():
    # A category total (9) known from a one-month table, and the regions 6 + hidden.
    total, month, regions = [9], [9, 17], [[None], [6]]
    constraints = [
        [(total, 0), (regions[0], 0), (regions[1], 0)],
        [(total, 0), (month, 0)],
    ]
    complete_suppression(constraints)
    assert total == [WITHHELD] and month[0] is WITHHELD
