"""Behind our own reverse proxy, each visitor keeps their own rate limit (the proxy's address is not
everyone's), and an address a client forges in X-Forwarded-For is not believed."""

import pytest

from tests.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def register(client, workshop, number: int, forwarded_for: str):
    return client.post(
        f"/en/workshops/{workshop.pk}/register/",
        {"name": "Sana", "phone": f"0300123456{number}", "language": "ur", "consent": "on"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_visitors_behind_the_proxy_have_their_own_limits(client, settings):
    settings.WORKSHOP_REGISTRATIONS_PER_HOUR = 1
    settings.TRUSTED_PROXY_HOPS = 1
    workshop = WorkshopFactory()
    assert register(client, workshop, 1, "203.0.113.7").status_code == 302
    assert register(client, workshop, 2, "203.0.113.7").status_code == 429  # the same visitor again
    assert register(client, workshop, 3, "198.51.100.20").status_code == 302  # someone else
    # A client putting a fresh address in front of the one our proxy appended changes nothing.
    assert register(client, workshop, 4, "192.0.2.99, 203.0.113.7").status_code == 429


def test_without_trusted_proxies_the_header_is_ignored(client, settings):
    settings.WORKSHOP_REGISTRATIONS_PER_HOUR = 1
    settings.TRUSTED_PROXY_HOPS = 0
    workshop = WorkshopFactory()
    assert register(client, workshop, 1, "203.0.113.7").status_code == 302
    assert register(client, workshop, 2, "198.51.100.20").status_code == 429  # all the proxy's address


def test_a_header_that_is_not_an_address_keeps_the_connection_address(client, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    workshop = WorkshopFactory()
    assert register(client, workshop, 1, "not-an-address").status_code == 302
