"""Case handlers and admins: signed out 12 hours after signing in and after 30 minutes idle."""

import time

import pytest

from accounts.middleware import LAST_SEEN_AT, SIGNED_IN_AT
from tests import factories

pytestmark = pytest.mark.django_db

QUEUE = "/en/cases/"


def age_session(client, **seconds_ago) -> None:
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[{"signed_in": SIGNED_IN_AT, "last_seen": LAST_SEEN_AT}[key]] = now - ago
    session.save()


def test_a_handler_idle_for_more_than_30_minutes_is_signed_out(client):
    client.force_login(factories.case_handler())
    assert client.get(QUEUE).status_code == 200
    age_session(client, last_seen=29 * 60)
    assert client.get(QUEUE).status_code == 200  # still active: the request counts as activity
    age_session(client, last_seen=31 * 60)
    response = client.get(QUEUE, follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/accounts/login/")
    assert "Your session has ended. Please sign in again." in response.content.decode()
    assert client.get(QUEUE).status_code == 302  # and stays signed out


def test_an_admin_is_signed_out_12_hours_after_signing_in_however_active(client):
    client.force_login(factories.admin_user())
    age_session(client, signed_in=12 * 3600 + 60, last_seen=10)
    assert client.get(QUEUE).status_code == 302


def test_other_roles_keep_their_session(client):
    client.force_login(factories.coordinator())
    age_session(client, signed_in=13 * 3600, last_seen=2 * 3600)
    assert client.get("/en/dashboard/").status_code == 200


def test_the_report_pages_set_no_long_lived_cookie(client):
    """On a shared phone nothing outlives the browser session: the CSRF cookie has no expiry, and
    the report pages set no other cookie."""
    for url in ("/ur/report/", "/ur/report/follow-up/"):
        response = client.get(url)
        assert set(response.cookies) == {"csrftoken"}, url
        for cookie in response.cookies.values():
            assert not cookie["max-age"] and not cookie["expires"], (url, cookie.output())
