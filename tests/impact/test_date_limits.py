"""No 500 on a date: years 1 and 9999 in every date filter answer a translated form error."""

import pytest
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db

EXTREMES = [
    "date_to=9999-12-31",
    "date_from=9999-12-31",
    "date_from=0001-01-01",
    "date_to=0001-01-01",
    "date_from=0001-01-01&date_to=0001-01-02",
    "date_from=9999-12-30&date_to=9999-12-31",
]
MESSAGE = "Enter a date between %(first)s and %(last)s."


def expected(language: str) -> str:
    with translation.override(language):
        return translation.gettext(MESSAGE) % {"first": "1900-01-01", "last": "2100-12-31"}


@pytest.mark.parametrize("query", EXTREMES)
@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_impact_dashboard_answers_extreme_dates_with_a_form_error(client, query, language):
    client.force_login(factories.coordinator("SD"))
    response = client.get(f"/{language}/impact/dashboard/?{query}")
    assert response.status_code == 200
    assert expected(language) in response.content.decode()
    assert client.get(f"/{language}/impact/dashboard/export/reach-by-region.csv?{query}").status_code == 404


@pytest.mark.parametrize("query", EXTREMES)
@pytest.mark.parametrize("language", ["en", "sd"])
def test_the_public_workshop_list_answers_extreme_dates_with_a_form_error(client, query, language):
    response = client.get(f"/{language}/workshops/?{query}")
    assert response.status_code == 200
    assert expected(language) in response.content.decode()


def test_dates_inside_the_range_still_work(client):
    response = client.get("/en/workshops/?date_from=2100-12-31&date_to=2100-12-31")
    assert response.status_code == 200
    assert expected("en") not in response.content.decode()
