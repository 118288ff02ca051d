import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_sign_in_by_email_leads_to_the_dashboard(client):
    user = factories.coordinator(email="sana@hifazat.test", password="a long passphrase 42")
    response = client.post(
        "/en/accounts/login/", {"login": "sana@hifazat.test", "password": "a long passphrase 42"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/dashboard/"
    assert client.get("/en/dashboard/").context["user"] == user


def test_wrong_password_is_refused_in_the_page_language(client):
    factories.coordinator(email="sana@hifazat.test")
    response = client.post("/ur/accounts/login/", {"login": "sana@hifazat.test", "password": "wrong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The email address and/or password you specified are not correct." not in html
    assert 'value="sana@hifazat.test"' in html, "the typed email must be kept"


def test_repeated_failed_logins_are_rate_limited(client):
    factories.coordinator(email="sana@hifazat.test", password="a long passphrase 42")
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": "sana@hifazat.test", "password": "wrong"})
    response = client.post(
        "/en/accounts/login/", {"login": "sana@hifazat.test", "password": "a long passphrase 42"}
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get("/en/dashboard/").status_code == 302, "still not signed in"


def test_public_sign_up_is_closed(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "x@hifazat.test", "password1": "a long passphrase 42", "password2": "a long passphrase 42"},
    )
    from accounts.models import User

    assert not User.objects.filter(email="x@hifazat.test").exists()
    assert response.status_code == 200


def test_password_reset_sends_an_email_through_the_delivery_log(
    client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    from config.celery import app
    from notifications.models import Delivery

    coordinator = factories.coordinator(email="sana@hifazat.test")
    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/en/accounts/password/reset/", {"email": "sana@hifazat.test"})
            unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@hifazat.test"})
    finally:
        app.conf.task_always_eager = False
    assert response.status_code == unknown.status_code == 302  # the same answer for an unknown address
    [email] = mailoutbox  # the person with an account; nothing to an address without one
    assert email.to == ["sana@hifazat.test"]
    assert "/en/accounts/password/reset/key/" in email.body
    # Written to the log and sent by the worker; the reset key is not kept there.
    delivery = Delivery.objects.get(kind="accounts.email")
    assert (delivery.recipient, delivery.status, delivery.body) == (coordinator, "sent", "")
    assert delivery.sensitive and delivery.district is None  # admins see it, coordinators do not


def test_failed_sign_ins_are_counted_per_email_across_connections_and_a_success_gives_back(settings):
    """The counter keys on HMACs only (no address, no email in the cache) and a correct password
    gives its attempt back, so a person who signs in now and then is never locked out."""
    from django.test import Client

    settings.SIGN_IN_FAILURES_PER_15_MINUTES = 3
    factories.coordinator(email="sana@hifazat.test", password="a long passphrase 42")
    right = {"login": "sana@hifazat.test", "password": "a long passphrase 42"}
    for _ in range(5):
        assert Client(REMOTE_ADDR="198.51.100.1").post("/en/accounts/login/", right).status_code == 302
    for number in range(3):
        Client(REMOTE_ADDR=f"203.0.{number}.1").post(
            "/en/accounts/login/", {"login": "sana@hifazat.test", "password": "wrong"}
        )
    refused = Client(REMOTE_ADDR="192.0.2.1").post("/en/accounts/login/", right)
    assert refused.status_code == 200
    assert "Too many failed login attempts" in refused.content.decode()


def test_no_sign_in_limit_keeps_the_address_in_the_cache(settings):
    from django.core.cache import cache
    from django.test import Client

    factories.coordinator(email="sana@hifazat.test", password="a long passphrase 42")
    client = Client(REMOTE_ADDR="203.0.113.77")
    client.post("/en/accounts/login/", {"login": "sana@hifazat.test", "password": "wrong"})
    client.post("/en/accounts/password/reset/", {"email": "sana@hifazat.test"})
    if not settings.REDIS_URL:
        pytest.skip("the key listing needs Redis")
    keys = [key.decode() for key in cache._cache.get_client().keys("*")]
    assert any(":rl:sign-in:" in key for key in keys) and any("allauth" in key for key in keys)
    assert not [key for key in keys if "203.0.113" in key or "sana@" in key]
