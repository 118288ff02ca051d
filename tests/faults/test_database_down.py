"""The database read-only, unreachable or cutting connections: a translated 503 page that keeps what
was typed where the browser can send it again, and a write that works as soon as it is back."""

import html as html_lib
import re

import pytest
from django.db import OperationalError, close_old_connections, connection
from django.test import Client, RequestFactory
from django.utils import translation

from incidents.models import Case
from tests.faults.conftest import admin_connection
from tests.faults.test_redis_down import report_data
from tests.workshops.factories import WorkshopFactory
from workshops.models import Registration

NARRATIVE = "A man called from a bank and asked for the code on my phone."


def resend(client: Client, page) -> object:
    """Press "Send again" on the 503 page: post its hidden fields to its form's address."""
    content = page.content.decode()
    action = html_lib.unescape(re.search(r'<form method="post" action="([^"]*)"', content).group(1))
    fields: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', content):
        fields.setdefault(html_lib.unescape(name), []).append(html_lib.unescape(value))
    return client.post(action, fields)


pytestmark = pytest.mark.django_db(transaction=True)


def refuse_writes() -> None:
    """This connection's session refuses writes (PostgreSQL and SQLite alike)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        else:
            cursor.execute("PRAGMA query_only = ON")


def accept_writes() -> None:
    """SQLite's in-memory test database is never really closed, so its pragma is undone here; on
    PostgreSQL the read-only session was closed by the 503 and the next one is writable anyway."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")


def test_a_write_refused_answers_503_with_the_form_kept_then_succeeds_when_sent_again(client):
    workshop = WorkshopFactory()
    refuse_writes()
    data = {"name": "ثناء بلوچ", "phone": "03001234567", "language": "ur", "consent": "on"}
    page = client.post(f"/ur/workshops/{workshop.pk}/register/", data)
    assert page.status_code == 503
    content = page.content.decode()
    assert 'value="ثناء بلوچ"' in content and 'value="03001234567"' in content
    with translation.override("ur"):
        assert translation.gettext("Send again") in content
        back = "You can also go back in your browser: the form there still holds what you typed."
        assert translation.gettext(back) in content
    accept_writes()
    again = resend(client, page)
    assert again.status_code == 302
    assert Registration.objects.get().name == "ثناء بلوچ"


def test_healthz_fails_when_the_database_refuses_writes(client):
    refuse_writes()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    accept_writes()
    assert client.get("/healthz").status_code == 200  # the read-only session was dropped


@pytest.mark.postgres
def test_a_report_sent_while_read_only_is_kept_on_a_503_page_and_sent_again(read_only_database, client):
    data = report_data(narrative=NARRATIVE)  # read before the database refuses
    read_only_database.on()
    connection.close()  # the next request opens a session under the new setting
    page = client.post("/ur/report/", data)
    assert page.status_code == 503
    assert page["Retry-After"] == "60" and "no-store" in page["Cache-Control"]
    content = page.content.decode()
    with translation.override("ur"):
        assert translation.gettext("Please try again in a minute") in content
        assert translation.gettext("Send again") in content
    assert html_lib.escape(NARRATIVE) in content  # the text is in the page, ready to be sent again
    with translation.override("ur"):  # a report form is never stored: Back could not show it again
        back = "You can also go back in your browser: the form there still holds what you typed."
        assert translation.gettext(back) != back and translation.gettext(back) not in content
    assert Case.objects.count() == 0

    read_only_database.off()
    # The count above opened a (read-only) connection; it was marked obsolete when it opened and a
    # request's start closes it (the test client skips that step, so it is done here).
    close_old_connections()
    receipt = resend(client, page)
    assert receipt.status_code == 200
    assert 'data-testid="case-code"' in receipt.content.decode()
    assert Case.objects.get().narrative == NARRATIVE


@pytest.mark.postgres
def test_a_connection_opened_while_read_only_is_not_kept_after_recovery(read_only_database, client):
    workshop = WorkshopFactory()
    read_only_database.on()
    connection.close()
    assert client.get(f"/ur/workshops/{workshop.pk}/").status_code == 200  # reads work meanwhile
    read_only_database.off()
    close_old_connections()  # what every request's end does (the test client skips it)
    response = client.post(
        f"/ur/workshops/{workshop.pk}/register/",
        {"name": "Sana", "phone": "03001234567", "language": "ur", "consent": "on"},
    )
    assert response.status_code == 302  # the first write after recovery succeeds
    assert Registration.objects.count() == 1


@pytest.mark.postgres
def test_an_unreachable_database_answers_a_translated_503_page_with_the_form_kept(client):
    original = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        listing = client.get("/sd/workshops/")
        sent = client.post(
            "/ps/ambassadors/apply/", {"full_name": "ګل مکی", "motivation": "زه غواړم مرسته وکړم"}
        )
    finally:
        connection.close()
        connection.settings_dict.update(original)
    assert listing.status_code == 503
    with translation.override("sd"):
        assert translation.gettext("The service is briefly unavailable. Please try again in a minute.") in (
            listing.content.decode()
        )
    assert sent.status_code == 503
    content = sent.content.decode()
    assert 'lang="ps"' in content
    assert 'value="ګل مکی"' in content and 'value="زه غواړم مرسته وکړم"' in content


@pytest.mark.postgres
def test_a_killed_connection_costs_one_503_and_the_form_is_sent_again_once(client):
    workshop = WorkshopFactory()
    data = {"name": "Sana", "phone": "03001234567", "language": "ur", "consent": "on"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    admin = admin_connection()
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    admin.close()
    page = client.post(f"/ur/workshops/{workshop.pk}/register/", data)
    assert page.status_code == 503
    assert Registration.objects.count() == 0
    again = resend(client, page)
    assert again.status_code == 302
    assert Registration.objects.count() == 1


def test_other_errors_still_get_the_plain_error_page():
    from config.views import server_error

    request = RequestFactory().get("/ur/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    try:
        raise OperationalError("the database system is starting up")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
