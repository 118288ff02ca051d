"""Case handlers and admins reach nothing until they have set up two-factor authentication."""

import pytest

from accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/dashboard/", "/ur/dashboard/", "/admin/"])
def test_case_handler_without_mfa_is_sent_to_mfa_setup(client, path):
    client.force_login(factories.case_handler(with_mfa=False))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")


def test_case_handler_with_mfa_reaches_the_dashboard(client):
    client.force_login(factories.case_handler(with_mfa=True))
    response = client.get("/en/dashboard/")
    assert response.status_code == 200
    assert "Case handler" in response.content.decode()


def test_admin_without_mfa_is_sent_to_mfa_setup(client):
    client.force_login(factories.UserFactory(role=User.Role.ADMIN, is_staff=True, is_superuser=True))
    response = client.get("/en/dashboard/")
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")


def test_case_handler_signing_in_lands_on_mfa_setup_and_can_use_it(client):
    factories.case_handler(with_mfa=False, email="farah@hifazat.test", password="a long passphrase 42")
    response = client.post(
        "/ur/accounts/login/",
        {"login": "farah@hifazat.test", "password": "a long passphrase 42"},
        follow=True,
    )
    # allauth asks for the password once more before any change to two-factor settings.
    assert response.redirect_chain[-1][0].startswith("/ur/accounts/reauthenticate/")
    response = client.post(response.redirect_chain[-1][0], {"password": "a long passphrase 42"}, follow=True)
    assert response.redirect_chain[-1][0] == "/ur/accounts/2fa/totp/activate/"
    assert response.status_code == 200
    assert "<svg" in response.context["totp_svg"]  # the QR code to scan


def test_coordinator_is_not_forced_into_mfa(client):
    client.force_login(factories.coordinator())
    assert client.get("/en/dashboard/").status_code == 200


def test_signing_out_is_possible_before_mfa_setup(client):
    client.force_login(factories.case_handler(with_mfa=False))
    assert client.get("/en/accounts/logout/").status_code == 200
