import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration, Workshop
from workshops.services import DuplicateRegistration, registration_create


def register(workshop, phone, name="Sana"):
    return registration_create(workshop=workshop, name=name, phone=phone, language="ur", consent=True)


@pytest.mark.django_db
def test_seats_are_confirmed_until_full_then_people_wait():
    workshop = WorkshopFactory(capacity=2)
    statuses = [register(workshop, f"+9230000000{n:02d}").status for n in range(4)]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]


@pytest.mark.django_db
def test_the_same_phone_twice_is_recognised():
    workshop = WorkshopFactory()
    first = register(workshop, "+923001234567")
    with pytest.raises(DuplicateRegistration) as raised:
        register(workshop, "+923001234567", name="Someone else")
    assert raised.value.registration == first
    assert workshop.registrations.count() == 1


@pytest.mark.django_db
def test_a_cancelled_person_may_register_again():
    registration = RegistrationFactory(phone="+923001234567", status=Registration.Status.CANCELLED)
    again = register(registration.workshop, "+923001234567")
    assert again.status == Registration.Status.CONFIRMED


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [Workshop.Status.DRAFT, Workshop.Status.CANCELLED, Workshop.Status.COMPLETED]
)
def test_only_published_workshops_take_registrations(status):
    with pytest.raises(ValidationError):
        register(WorkshopFactory(status=status), "+923001234567")


@pytest.mark.django_db
def test_consent_is_required():
    with pytest.raises(ValidationError):
        registration_create(
            workshop=WorkshopFactory(), name="Sana", phone="+923001234567", language="ur", consent=False
        )


@pytest.mark.django_db
def test_the_registration_link_is_written_and_sent_only_once_the_registration_commits(
    django_capture_on_commit_callbacks, settings, tmp_path
):
    from config.celery import app
    from notifications.models import Delivery

    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    workshop = WorkshopFactory()
    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=False) as after_commit:
            registration = register(workshop, "+923001234567", name="عائشہ خان")
        assert not Delivery.objects.exists()  # nothing is written or sent before the commit
        with django_capture_on_commit_callbacks(execute=True):  # the notice's own send task
            for callback in after_commit:
                callback()
    finally:
        app.conf.task_always_eager = False
    link = Delivery.objects.get(kind="workshops.registration_link", recipient_id=registration.pk)
    assert (link.to, link.status) == ("+923001234567", Delivery.Status.SENT)
    assert "+923001234567" in (tmp_path / "sms.log").read_text()  # the person got it


SEATS = 30
PEOPLE = 100
# Postgres allows 100 connections, shared with the test database and other processes: every one of
# the 100 threads uses its own connection, but at most this many are open at once.
MAX_OPEN_CONNECTIONS = 25


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_100_simultaneous_registrations_for_30_seats_never_overbook():
    workshop = WorkshopFactory(capacity=SEATS)
    start = threading.Barrier(PEOPLE)
    gate = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    errors: list[BaseException] = []
    connection_ids: set[int] = set()

    def person(number: int) -> None:
        try:
            start.wait()
            with gate:
                try:
                    register(workshop, f"+92300{2000000 + number:07d}", name=f"Person {number}")
                    connection_ids.add(id(connection.connection))
                finally:
                    close_old_connections()
                    connection.close()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=person, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors[:3]
    assert len(connection_ids) > 1, "registrations must come from separate connections"
    statuses = list(Registration.objects.filter(workshop=workshop).values_list("status", flat=True))
    assert statuses.count("confirmed") == SEATS
    assert statuses.count("waitlisted") == PEOPLE - SEATS
