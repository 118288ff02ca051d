import json

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    # No worker has run the heartbeat in a test: said in the body, without failing the liveness check.
    assert json.loads(response.content) == {
        "database": "ok",
        "broker": "ok",
        "encryption": "ok",
        "worker": "stale",
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "database": "ok",
        "broker": "unavailable",
        "encryption": "ok",
        "worker": "stale",
    }


@pytest.mark.postgres  # SQLite's in-memory test database cannot be disconnected
@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_is_unreachable(client):
    original = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.update(original)
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unavailable"


@pytest.mark.django_db
def test_healthz_is_503_when_the_stored_cases_cannot_be_read_with_the_keys(client, settings):
    from cryptography.fernet import Fernet

    from tests.incidents import factories as incident_factories

    incident_factories.case()
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the key in use was dropped
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["encryption"] == "unavailable"
    settings.FIELD_ENCRYPTION_KEYS = ["not a key"]
    assert json.loads(client.get("/healthz").content)["encryption"] == "unavailable"


def test_security_headers_on_every_page(client):
    response = client.get("/ur/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"  # no referrer ever leaves the site
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_carry_no_inline_script_and_no_third_party_resource(client):
    html = client.get("/ur/").content.decode()
    assert "<script>" not in html
    assert "http://" not in html.replace('xmlns="http://', "")
    assert "https://" not in html


@pytest.mark.parametrize("language", ["en", "ur", "sd", "ps"])
def test_home_page_weight_is_under_budget(client, language):
    """HTML + CSS + JS under 60 KB before compression, fonts excluded (DESIGN.md, Budgets)."""
    from django.contrib.staticfiles import finders

    response = client.get(f"/{language}/")
    html = response.content.decode()
    import re

    total = len(response.content)
    for asset in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        total += len(open(finders.find(asset), "rb").read())
    assert total < 60 * 1024, f"{language}: {total} bytes"


def test_unknown_page_is_a_translated_404_in_the_site_frame(client):
    response = client.get("/ur/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'dir="rtl"' in html and "Page not found" not in html


def test_expired_form_gets_a_translated_explanation_not_a_technical_page():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/ur/accounts/login/", {"login": "a@b.c", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'dir="rtl"' in html and "CSRF" not in html
