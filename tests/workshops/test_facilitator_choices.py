"""The new/edit workshop forms offer the facilitators of the coordinator's region, not the whole
country (9,238 options at national data), and a plain GET search narrows them without JavaScript."""

import re

import pytest

from facilitators.models import AmbassadorProfile
from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db


def options(html: str, name: str) -> list[str]:
    """The labels of the choices of one field (a select's options or a checkbox list)."""
    if f'<select name="{name}"' in html:
        block = html.split(f'<select name="{name}"', 1)[1].split("</select>", 1)[0]
        return [label.strip() for label in re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", block)]
    return [
        label.strip()
        for label in re.findall(
            rf'<input type="checkbox" name="{name}" value="\d+"[^>]*>\s*([^<]*)</label>', html
        )
    ]


@pytest.fixture
def people():
    return {
        "karachi": AmbassadorProfileFactory(user__full_name="Ayesha Karachi"),
        "hyderabad": AmbassadorProfileFactory(
            user__full_name="Bilal Hyderabad", district=factories.district("Hyderabad")
        ),
        "trainee": AmbassadorProfileFactory(
            user__full_name="Sara Trainee", level=AmbassadorProfile.Level.TRAINEE
        ),
        "lahore": AmbassadorProfileFactory(
            user__full_name="Omar Lahore", district=factories.district("Lahore")
        ),
    }


def test_the_new_workshop_form_offers_only_the_region_and_only_leads_as_leads(client, people):
    client.force_login(factories.coordinator("SD"))
    html = client.get("/en/workshops/manage/new/").content.decode()
    leads, co = options(html, "lead_facilitator"), options(html, "co_facilitators")
    assert leads == ["Ayesha Karachi (Certified ambassador)", "Bilal Hyderabad (Certified ambassador)"]
    assert "Sara Trainee (Trainee)" in co and len(co) == 3
    assert "Omar Lahore" not in html


def test_find_narrows_the_choices_by_name_or_district(client, people):
    client.force_login(factories.coordinator("SD"))
    html = client.get("/en/workshops/manage/new/", {"find": "hyderabad"}).content.decode()
    assert options(html, "lead_facilitator") == ["Bilal Hyderabad (Certified ambassador)"]
    assert 'value="hyderabad"' in html  # the search box keeps what was typed
    html = client.get("/en/workshops/manage/new/", {"find": "sara"}).content.decode()
    assert options(html, "lead_facilitator") == [] and options(html, "co_facilitators") == [
        "Sara Trainee (Trainee)"
    ]


def test_editing_keeps_a_facilitator_from_elsewhere_already_on_the_workshop(client, people):
    workshop = WorkshopFactory(lead_facilitator=people["lahore"])
    client.force_login(factories.coordinator("SD"))
    html = client.get(f"/en/workshops/manage/{workshop.pk}/edit/").content.decode()
    assert "Omar Lahore (Certified ambassador)" in options(html, "lead_facilitator")


def test_a_facilitator_outside_the_region_cannot_be_posted(client, people):
    client.force_login(factories.coordinator("SD"))
    response = client.post("/en/workshops/manage/new/", {"lead_facilitator": people["lahore"].pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_a_long_list_is_cut_and_says_so_but_keeps_what_was_chosen(client, people, monkeypatch):
    from workshops.forms import WorkshopForm

    monkeypatch.setattr(WorkshopForm, "FACILITATORS_SHOWN", 1)
    workshop = WorkshopFactory(lead_facilitator=people["hyderabad"])
    client.force_login(factories.coordinator("SD"))
    html = client.get(f"/en/workshops/manage/{workshop.pk}/edit/").content.decode()
    assert "Only the first 1 name is listed. Search to find the others." in html
    # The first by name, and the lead already chosen.
    assert options(html, "lead_facilitator") == [
        "Ayesha Karachi (Certified ambassador)",
        "Bilal Hyderabad (Certified ambassador)",
    ]
    assert "Only the first" not in client.get("/en/workshops/manage/new/", {"find": "sara"}).content.decode()
