"""The workshop's editable fields are written once (services.EDITABLE_FIELDS): whatever a coordinator
changes on the edit page is saved, and every field the services accept can be changed on the page."""

import datetime
import re

import pytest
from django.utils import timezone

from tests import factories
from tests.curriculum.factories import ModuleFactory
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import WorkshopFactory
from workshops.models import Workshop
from workshops.services import EDITABLE_FIELDS, RELATED_FIELDS

pytestmark = pytest.mark.django_db


def saved(workshop: Workshop, name: str):
    """A field as stored, in the form's terms (ids for people, places and modules)."""
    if name == "topics":
        return sorted(workshop.topics)
    if name in ("co_facilitators", "modules"):
        return sorted(item.pk for item in getattr(workshop, name).all())
    if name in ("district", "lead_facilitator"):
        return getattr(workshop, f"{name}_id")
    if name in ("starts_at", "ends_at"):
        return timezone.localtime(getattr(workshop, name)).strftime("%Y-%m-%dT%H:%M")
    return getattr(workshop, name)


def test_every_field_changed_on_the_edit_page_is_saved(client):
    client.force_login(factories.coordinator("SD"))
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT, lead_facilitator=AmbassadorProfileFactory())
    lead, co = AmbassadorProfileFactory(), AmbassadorProfileFactory()
    module = ModuleFactory(slug="fake-sms", title_en="Spotting fake SMS")
    starts = timezone.localtime() + datetime.timedelta(days=9)
    edits = {
        "title": "A new title",
        "description": "A new description",
        "topics": ["misinformation", "rights-privacy"],
        "language": "sd",
        "format": Workshop.Format.ONLINE,
        "district": factories.district("Hyderabad").pk,
        "town": "Latifabad",
        "address": "Hall 2",
        "venue_kind": Workshop.VenueKind.ONLINE,
        "online_details": "A video call; the link comes by SMS",
        "audience": Workshop.Audience.TEACHERS,
        "women_only": True,
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": 12,
        "partner_organisation": "Teachers' union",
        "lead_facilitator": lead.pk,
        "co_facilitators": [co.pk],
        "modules": [module.pk],
    }
    # A field added to EDITABLE_FIELDS gets an edit here, so this test covers it too.
    assert set(edits) == set(EDITABLE_FIELDS)
    unchanged = [name for name, value in edits.items() if saved(workshop, name) == value]
    assert not unchanged, f"these edits change nothing: {unchanged}"

    response = client.post(f"/en/workshops/manage/{workshop.pk}/edit/", edits)

    assert response.status_code == 302, response.content.decode()[:2000]
    workshop = Workshop.objects.get(pk=workshop.pk)
    not_saved = {
        name: saved(workshop, name) for name, value in edits.items() if saved(workshop, name) != value
    }
    assert not not_saved, f"changed on the page but not saved: {not_saved}"


def test_every_field_the_services_accept_is_on_the_edit_page(client):
    client.force_login(factories.coordinator("SD"))
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    AmbassadorProfileFactory(), ModuleFactory(slug="fake-sms")  # people and modules to choose from
    html = client.get(f"/en/workshops/manage/{workshop.pk}/edit/").content.decode()
    on_page = set(re.findall(r'name="([a-z_]+)"', html))
    assert set(RELATED_FIELDS) <= set(EDITABLE_FIELDS)
    assert not set(EDITABLE_FIELDS) - on_page
