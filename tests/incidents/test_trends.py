"""Anonymised trends: counts by category, district and month, cells under 5 suppressed."""

import datetime

import pytest
from django.utils import timezone

from incidents.selectors import incident_trends
from tests import factories
from tests.incidents import factories as incident_factories

pytestmark = pytest.mark.django_db


def test_cells_under_five_are_suppressed_and_purged_cases_still_count():
    for _ in range(6):
        incident_factories.case(category_slug="fake-prize", district="Karachi Central")
    for _ in range(2):
        incident_factories.case(category_slug="blackmail", district="Karachi Central")
    karachi = factories.district("Karachi Central", "SD")
    cells = {(cell.category_id, cell.district_id): cell for cell in incident_trends()}
    prize = cells[(incident_factories.category("fake-prize").pk, karachi.pk)]
    blackmail = cells[(incident_factories.category("blackmail").pk, karachi.pk)]
    assert prize.count == 6 and prize.label == "6"
    assert blackmail.count is None and blackmail.label in {"fewer than 5", "5 سے کم"}
    assert prize.month == timezone.localdate().replace(day=1)


def test_filters_by_district_and_month():
    incident_factories.case(district="Karachi Central")
    incident_factories.case(district="Lahore", province="PB")
    lahore = factories.district("Lahore", "PB")
    cells = incident_trends(districts=[lahore])
    assert {cell.district_id for cell in cells} == {lahore.pk}
    next_month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    assert incident_trends(start=next_month) == []
    assert incident_trends(end=timezone.localdate())


def test_suppressed_label_is_translated():
    from django.utils import translation

    incident_factories.case()
    with translation.override("en"):
        assert incident_trends()[0].label == "fewer than 5"
    with translation.override("ur"):
        assert incident_trends()[0].label == "5 سے کم"
