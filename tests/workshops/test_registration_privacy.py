"""No lookup by phone number (issue #13, point 1): registering a number that is already registered
shows the same page as a new registration and sends the existing link to that number (and email),
never to whoever typed it; every new registration gets its link by SMS (and email) in the
registrant's language; repeats are limited. Through the delivery log, with a real database and cache."""

import json
import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from config.celery import app
from notifications.models import Delivery
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops import reminders
from workshops.models import Registration
from workshops.services import registration_create
from workshops.tokens import registration_id_from_token, registration_token

pytestmark = pytest.mark.django_db


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.fixture
def sent(settings, tmp_path):
    """SMS written by the file backend and emails in the outbox, as the person receives them."""
    from django.core import mail

    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)  # quiet hours have their own tests
    settings.SITE_URL = "https://hifazat.org.pk"
    app.conf.task_always_eager = True
    path = tmp_path / "sms.log"

    def read():
        sms = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
        return sms, list(mail.outbox)

    yield read
    app.conf.task_always_eager = False


def post(client, workshop, *, name="Sana", phone="0300-1234567", email="", language="ur"):
    data = {"name": name, "phone": phone, "email": email, "language": language, "consent": "on"}
    return client.post(f"/{language}/workshops/{workshop.pk}/register/", data)


def page_after(client, response) -> str:
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_a_known_number_gets_the_same_page_and_its_link_goes_to_its_owner(
    sent, django_capture_on_commit_callbacks
):
    workshop = WorkshopFactory()
    new_person = Client()
    with django_capture_on_commit_callbacks(execute=True):
        first = post(new_person, workshop, name="عائشہ", email="ayesha@example.pk")
    new_page = page_after(new_person, first)
    registration = Registration.objects.get()

    stranger = Client()
    with django_capture_on_commit_callbacks(execute=True):
        again = post(stranger, workshop, name="Someone else", email="spy@example.pk")
    stranger_page = page_after(stranger, again)

    assert again["Location"] == first["Location"] == f"/ur/workshops/{workshop.pk}/registered/"
    # Nothing on it tells whether the number was registered (only the CSRF token differs).
    assert without_csrf(stranger_page) == without_csrf(new_page)
    assert "عائشہ" not in stranger_page and "0300" not in stranger_page
    assert registration_token(registration.pk) not in stranger_page
    assert workshop.registrations.count() == 1

    sms, emails = sent()
    link = f"https://hifazat.org.pk/ur/workshops/registration/{registration_token(registration.pk)}/"
    assert [message["to"] for message in sms] == ["+923001234567", "+923001234567"]
    assert all(link in message["body"] and "Hifazat" not in message["body"] for message in sms)
    assert [message.to for message in emails] == [["ayesha@example.pk"], ["ayesha@example.pk"]]
    assert "spy@example.pk" not in {address for message in emails for address in message.to}
    deliveries = Delivery.objects.filter(kind=reminders.REGISTRATION_LINK)
    assert deliveries.count() == 4 and set(deliveries.values_list("status", flat=True)) == {"sent"}
    assert all(delivery.segments <= 2 for delivery in deliveries.filter(channel="sms"))

    # The link works and shows the owner's registration.
    own_page = Client().get(link.removeprefix("https://hifazat.org.pk")).content.decode()
    assert "عائشہ" in own_page and "0300 1234567" in own_page


def test_every_new_registration_gets_its_link_in_its_language_even_on_the_waiting_list(
    sent, django_capture_on_commit_callbacks
):
    workshop = WorkshopFactory(capacity=1)
    RegistrationFactory(workshop=workshop)
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(
            workshop=workshop, name="ثنا", phone="+923009998888", language="sd", consent=True
        )
    assert registration.status == "waitlisted"
    [sms], _emails = sent()
    assert sms["to"] == "+923009998888" and registration_token(registration.pk) in sms["body"]
    delivery = Delivery.objects.get(kind=reminders.REGISTRATION_LINK)
    assert delivery.language == "sd" and "ڪ" not in delivery.body or "حفاظت" in delivery.body
    assert "Hifazat" not in delivery.body
    # The task running twice (a redelivered message) sends it once.
    reminders.registration_changed(registration_id=registration.pk, change="waitlisted")
    assert Delivery.objects.filter(kind=reminders.REGISTRATION_LINK).count() == 1


def test_repeats_of_a_number_are_limited_whoever_asks(sent, settings, django_capture_on_commit_callbacks):
    settings.PERSONAL_LINK_RESENDS_PER_DAY = 3
    workshop = WorkshopFactory()
    with django_capture_on_commit_callbacks(execute=True):
        post(Client(), workshop)
    for _attempt in range(5):  # five different devices
        with django_capture_on_commit_callbacks(execute=True):
            response = post(Client(), workshop, name="x")
        assert response.status_code == 302  # always the same answer
    sms, _emails = sent()
    assert len(sms) == 3  # the confirmation and two repeats, then nothing more today


def test_a_flood_of_repeats_from_one_connection_is_refused_like_new_registrations(settings, sent):
    settings.WORKSHOP_REGISTRATIONS_PER_HOUR = 3
    workshop = WorkshopFactory()
    RegistrationFactory(workshop=workshop, phone="+923001234567")
    client = Client()
    statuses = [post(client, workshop, phone=f"0300123456{digit}").status_code for digit in "7777"]
    assert statuses == [302, 302, 302, 429]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrency needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_repeats_of_a_number_send_at_most_the_daily_limit(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    settings.PERSONAL_LINK_RESENDS_PER_DAY = 3
    workshop = WorkshopFactory()
    registration = RegistrationFactory(workshop=workshop, phone="+923001234567")
    barrier = threading.Barrier(12)
    statuses = []

    def repeat():
        try:
            barrier.wait()
            statuses.append(post(Client(), workshop, name="x").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=repeat) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 12
    sms = Delivery.objects.filter(
        kind=reminders.REGISTRATION_LINK, channel="sms", recipient_id=registration.pk
    )
    assert sms.count() == 3  # the row lock counts them one after the other


def test_the_registration_link_is_short_and_a_changed_one_does_not_work(client):
    registration = RegistrationFactory()
    token = registration_token(9999999)
    assert len(token) <= 22  # fits two Urdu SMS segments with the text around it
    assert registration_id_from_token(token) == 9999999
    own = registration_token(registration.pk)
    value, signature = own.split(".")
    forged = f"{value}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    assert registration_id_from_token(forged) is None
    assert registration_id_from_token(registration_token(registration.pk + 1)) == registration.pk + 1
    assert client.get(f"/en/workshops/registration/{forged}/").status_code == 404
    assert "This link does not work" in client.get(f"/en/workshops/registration/{forged}/").content.decode()


def test_links_sent_before_the_short_format_still_work(client):
    from django.core import signing

    registration = RegistrationFactory(name="Old Link")
    old = signing.dumps(registration.pk, salt="workshops.registration", compress=False)
    assert "Old Link" in client.get(f"/en/workshops/registration/{old}/").content.decode()


def test_the_link_of_a_registration_in_the_past_is_not_sent_again(sent, django_capture_on_commit_callbacks):
    workshop = WorkshopFactory(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    registration = RegistrationFactory(workshop=workshop)
    assert reminders.registration_link_items(registration.pk) == []
