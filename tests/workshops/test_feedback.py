"""Feedback: once per phone, only once the workshop has started, limited per connection."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.workshops.factories import WorkshopFactory
from workshops.tokens import feedback_token

ANSWERS = {"useful": "4", "confidence": "more", "would_recommend": "yes"}


def started_workshop(**kwargs):
    start = timezone.now() - datetime.timedelta(hours=1)
    return WorkshopFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2), **kwargs)


def url(workshop) -> str:
    return f"/en/workshops/feedback/{feedback_token(workshop.pk)}/"


@pytest.mark.django_db
def test_feedback_opens_when_the_workshop_starts(client):
    upcoming = WorkshopFactory()
    for response in (client.get(url(upcoming)), client.post(url(upcoming), ANSWERS)):
        html = response.content.decode()
        assert "Feedback opens when the workshop starts" in html
        assert "<form" not in html.split("<main", 1)[-1] or 'name="useful"' not in html
    assert upcoming.feedback.count() == 0


@pytest.mark.django_db
def test_one_answer_per_phone(client):
    workshop = started_workshop()
    first = client.get(url(workshop))
    cookie = first.cookies["hifazat_feedback"]
    assert cookie["httponly"] and cookie["path"] == "/en/workshops/feedback/"
    assert client.post(url(workshop), ANSWERS).status_code == 200
    again = client.post(url(workshop), {**ANSWERS, "useful": "1"})
    assert "Feedback for this workshop was already sent from this phone." in again.content.decode()
    assert "Feedback for this workshop was already sent" in client.get(url(workshop)).content.decode()
    assert list(workshop.feedback.values_list("useful", flat=True)) == [4]
    assert token_not_stored(workshop, cookie.value)


def token_not_stored(workshop, token: str) -> bool:
    return token not in str(list(workshop.feedback.values()))


@pytest.mark.django_db
def test_a_send_without_the_page_token_is_asked_again(client):
    workshop = started_workshop()
    response = client.post(url(workshop), ANSWERS)
    assert response.status_code == 400
    assert "Please send the form again." in response.content.decode()
    assert "hifazat_feedback" in response.cookies
    assert client.post(url(workshop), ANSWERS).status_code == 200
    assert workshop.feedback.count() == 1


@pytest.mark.postgres  # threads on SQLite's in-memory test database lock each other's tables
@pytest.mark.django_db(transaction=True)
def test_simultaneous_sends_from_one_phone_make_one_answer():
    workshop = started_workshop()
    phone = Client()
    phone.get(url(workshop))
    start = threading.Barrier(8)

    def send() -> None:
        start.wait()
        try:
            phone.post(url(workshop), ANSWERS)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert workshop.feedback.count() == 1


@pytest.mark.django_db
def test_feedback_is_limited_per_connection(settings):
    settings.WORKSHOP_FEEDBACK_PER_HOUR = 2
    workshop = started_workshop()
    for _ in range(2):
        phone = Client(REMOTE_ADDR="198.51.100.4")
        phone.get(url(workshop))
        assert phone.post(url(workshop), ANSWERS).status_code == 200
    phone = Client(REMOTE_ADDR="198.51.100.4")
    phone.get(url(workshop))
    refused = phone.post(url(workshop), ANSWERS)
    assert refused.status_code == 429
    assert "Too many answers came from this connection." in refused.content.decode()
    assert workshop.feedback.count() == 2


@pytest.mark.django_db
def test_a_cancelled_workshop_takes_no_feedback(client):
    workshop = started_workshop(status="cancelled")
    client.get(url(workshop))
    response = client.post(url(workshop), ANSWERS)
    assert "There is no feedback to give for a session that did not take place." in response.content.decode()
    assert workshop.feedback.count() == 0
