"""Redis stopped under the site: pages render, sign-in works, nothing anyone typed is lost.

The cache and the rate limits run on a Redis server of the test's own (tests/faults/conftest.py),
stopped for real; the broker too where a page queues a task after its commit.
"""

import re

import pytest
from django.test import Client

from common.models import RateLimitCounter
from incidents.models import Case
from tests import factories
from tests.curriculum.factories import ModuleFactory
from tests.incidents import factories as incident_factories
from tests.workshops.factories import WorkshopFactory
from workshops.models import Registration

TRY_AGAIN = "please try again in a minute"


def report_data(**overrides) -> dict:
    data = {
        "step": "report",
        "immediate_danger": "False",
        "category": incident_factories.category("wallet-otp").pk,
        "channel": "whatsapp",
        "when": "week",
        "district": factories.district("Karachi Central", "SD").pk,
        "money_lost_pkr": "",
        "narrative": "A man called from a bank and asked for the code on my phone.",
        "contact_consent": "",
        "contact": "",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_public_pages_render_with_redis_stopped(own_redis, client):
    workshop = WorkshopFactory()
    module = ModuleFactory()
    pages = [
        "/en/",
        "/ur/workshops/",
        f"/ur/workshops/{workshop.pk}/",
        "/sd/library/",
        f"/ps/library/{module.slug}/",
        "/ur/impact/",
        "/ur/ambassadors/apply/",
        "/ur/report/",
        "/ur/report/follow-up/",
        "/en/accounts/login/",
    ]
    for page in pages:  # warm: the fragments are in the cache
        assert client.get(page).status_code == 200, page
    own_redis.stop()
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    assert workshop.title in client.get("/en/workshops/").content.decode()
    assert module.title in client.get("/en/library/").content.decode()


@pytest.mark.django_db
def test_sign_in_works_and_failures_are_counted_in_the_database(own_redis, settings):
    settings.SIGN_IN_FAILURES_PER_15_MINUTES = 3
    factories.coordinator(email="sana@hifazat.test", password="a long passphrase 42")
    own_redis.stop()
    right = {"login": "sana@hifazat.test", "password": "a long passphrase 42"}
    signed_in = Client(REMOTE_ADDR="198.51.100.7")
    response = signed_in.post("/en/accounts/login/", right)
    assert response.status_code == 302
    assert signed_in.get("/en/dashboard/").status_code in (200, 302)  # a coordinator: no MFA step
    for _ in range(3):
        wrong = Client(REMOTE_ADDR="203.0.113.9").post(
            "/en/accounts/login/", {"login": "sana@hifazat.test", "password": "wrong"}
        )
        assert wrong.status_code == 200
    refused = Client(REMOTE_ADDR="192.0.2.1").post("/en/accounts/login/", right)
    assert "Too many failed login attempts" in refused.content.decode()
    # Held in the database, keyed by HMACs only: no address and no email in any key.
    keys = list(RateLimitCounter.objects.values_list("key", flat=True))
    assert keys and all(key.startswith("rl:sign-in:") for key in keys)
    assert not [key for key in keys if "203.0.113" in key or "198.51" in key or "sana" in key]


@pytest.mark.django_db
def test_a_case_handler_signs_in_with_the_authenticator_code_while_redis_is_stopped(own_redis, client):
    """allauth marks a TOTP code used in the cache; with Redis down the code is still accepted (replay
    protection is off for the outage, docs/faults.md) rather than every handler locked out."""
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    handler = factories.case_handler(
        with_mfa=False, email="nadia@hifazat.test", password="a long passphrase 42"
    )
    secret = generate_totp_secret()
    TOTP.activate(handler, secret)
    own_redis.stop()
    response = client.post(
        "/en/accounts/login/", {"login": handler.email, "password": "a long passphrase 42"}
    )
    assert response.status_code == 302 and "/accounts/2fa/authenticate/" in response["Location"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    assert client.post(response["Location"], {"code": code}).status_code == 302
    assert client.get("/en/cases/").status_code == 200


@pytest.mark.django_db
def test_a_report_is_refused_for_a_minute_with_what_was_typed_kept(own_redis, client):
    own_redis.stop()
    response = client.post("/en/report/", report_data())
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert TRY_AGAIN in html and "Nothing you typed is lost" in html
    assert "A man called from a bank and asked for the code on my phone." in html  # still in the box
    assert Case.objects.count() == 0
    # Reporters' limits never fall back to the database (DESIGN.md: addresses stay out of it).
    assert not RateLimitCounter.objects.exists()

    own_redis.start()
    again = client.post("/en/report/", report_data())
    assert again.status_code == 200
    assert 'data-testid="case-code"' in again.content.decode()
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_following_up_is_refused_for_a_minute_and_the_code_kept(own_redis, client):
    receipt = incident_factories.submit()
    own_redis.stop()
    response = client.post("/ur/report/follow-up/", {"code": receipt.code, "secret": receipt.secret})
    assert response.status_code == 503
    html = response.content.decode()
    assert receipt.code in html.replace(" ", "")
    with_translation = Client().post("/en/report/follow-up/", {"code": receipt.code, "secret": "x"})
    assert TRY_AGAIN in with_translation.content.decode()


@pytest.mark.django_db(transaction=True)
def test_registering_and_applying_work_with_redis_and_the_broker_stopped(
    broker_down, client, settings, caplog
):
    settings.WORKSHOP_REGISTRATIONS_PER_HOUR = 2
    workshop = WorkshopFactory()
    broker_down.stop()
    response = client.post(
        f"/ur/workshops/{workshop.pk}/register/",
        {"name": "عائشہ خان", "phone": "03001234567", "language": "ur", "consent": "on"},
    )
    # Saved and confirmed although the link's SMS could not be queued (logged; docs/faults.md).
    assert response.status_code == 302
    assert response["Location"] == f"/ur/workshops/{workshop.pk}/registered/"
    assert Registration.objects.filter(workshop=workshop, phone="+923001234567").exists()
    assert "was not queued: the broker is unreachable" in caplog.text
    # The per-workshop limit still holds, counted in the database.
    for number in ("03001234568", "03001234569"):
        client.post(
            f"/ur/workshops/{workshop.pk}/register/",
            {"name": "Sana", "phone": number, "language": "ur", "consent": "on"},
        )
    assert Registration.objects.filter(workshop=workshop).count() == 2

    from tests.ambassadors.test_applications import form_data

    applied = client.post("/en/ambassadors/apply/", form_data())
    assert applied.status_code == 302


@pytest.mark.django_db
def test_no_address_reaches_redis_from_any_limit(own_redis, settings):
    """allauth's own limits and ours key on HMACs: the address never appears in Redis."""
    import redis

    factories.coordinator(email="sana@hifazat.test", password="a long passphrase 42")
    visitor = Client(REMOTE_ADDR="203.0.113.77")
    visitor.post("/en/accounts/login/", {"login": "sana@hifazat.test", "password": "wrong"})
    visitor.post("/en/accounts/password/reset/", {"email": "sana@hifazat.test"})
    visitor.post("/en/report/", report_data())
    keys = [key.decode() for key in redis.Redis.from_url(own_redis.url).keys("*")]
    assert any("allauth" in key for key in keys) and any(":rl:report-submit:" in key for key in keys)
    assert not [key for key in keys if re.search(r"203\.0\.113|sana@", key)]


@pytest.mark.postgres  # threads on SQLite's in-memory test database lock each other's tables
@pytest.mark.django_db(transaction=True)
def test_thirty_simultaneous_attempts_counted_in_the_database_let_exactly_the_limit_through(own_redis):
    """The database's count is as atomic as Redis's: one upsert per attempt, each its own number."""
    import threading

    from django.db import connection

    from common import ratelimit

    own_redis.stop()
    limit = ratelimit.Limit("fault-probe", 8, 3600)
    start = threading.Barrier(30)
    allowed: list[bool] = []
    lock = threading.Lock()

    def attempt() -> None:
        start.wait()
        try:
            outcome = ratelimit.attempt_for(limit, ratelimit.fingerprint("one-connection"))
        finally:
            connection.close()
        with lock:
            allowed.append(outcome.allowed)

    threads = [threading.Thread(target=attempt) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(allowed) == [False] * 22 + [True] * 8
    assert RateLimitCounter.objects.get().count == 30
