"""The public list is cached; any change to a workshop or registration shows at once."""

import pytest

from tests.workshops.factories import WorkshopFactory
from workshops.services import registration_create

pytestmark = pytest.mark.django_db


def test_cached_public_list_shows_a_new_registration_at_once(client):
    workshop = WorkshopFactory(capacity=10)
    assert "10</bdi> seats left" in client.get("/en/workshops/").content.decode()
    registration_create(
        workshop=workshop, name="Sana", phone="+923001234567", email="", language="ur", consent=True
    )
    assert "9</bdi> seats left" in client.get("/en/workshops/").content.decode()


def test_cached_public_list_drops_a_cancelled_workshop(client):
    workshop = WorkshopFactory(title="Scam calls and you")
    assert "Scam calls and you" in client.get("/en/workshops/").content.decode()
    workshop.status = workshop.Status.CANCELLED
    workshop.save()
    assert "Scam calls and you" not in client.get("/en/workshops/").content.decode()
