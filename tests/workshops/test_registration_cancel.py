import threading

import pytest
from django.db import connection

from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration
from workshops.services import registration_cancel, workshop_update


def _full_workshop_with_waiting_list(seats=2, waiting=3):
    workshop = WorkshopFactory(capacity=seats)
    confirmed = [RegistrationFactory(workshop=workshop) for _ in range(seats)]
    waiting_list = [RegistrationFactory(workshop=workshop, status="waitlisted") for _ in range(waiting)]
    return workshop, confirmed, waiting_list


@pytest.mark.django_db
def test_cancelling_a_seat_promotes_the_first_person_waiting():
    workshop, confirmed, waiting = _full_workshop_with_waiting_list()
    registration_cancel(registration=confirmed[0])
    statuses = {r.pk: r.status for r in Registration.objects.filter(workshop=workshop)}
    assert statuses[confirmed[0].pk] == "cancelled"
    assert statuses[waiting[0].pk] == "confirmed"
    assert [statuses[r.pk] for r in waiting[1:]] == ["waitlisted", "waitlisted"]


@pytest.mark.django_db
def test_cancelling_twice_promotes_once():
    workshop, confirmed, waiting = _full_workshop_with_waiting_list()
    registration_cancel(registration=confirmed[0])
    registration_cancel(registration=confirmed[0])
    assert workshop.registrations.filter(status="confirmed").count() == 2
    assert workshop.registrations.filter(status="waitlisted").count() == 2


@pytest.mark.django_db
def test_leaving_the_waiting_list_promotes_nobody():
    workshop, _confirmed, waiting = _full_workshop_with_waiting_list()
    registration_cancel(registration=waiting[0])
    assert workshop.registrations.filter(status="confirmed").count() == 2
    assert workshop.registrations.filter(status="waitlisted").count() == 2


@pytest.mark.django_db
def test_more_seats_promote_the_waiting_list_in_order(django_user_model):
    workshop, _confirmed, waiting = _full_workshop_with_waiting_list(seats=2, waiting=3)
    workshop_update(workshop=workshop, actor=None, capacity=4)
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_cancellation_from_two_connections_promotes_exactly_once():
    workshop, confirmed, waiting = _full_workshop_with_waiting_list(seats=2, waiting=3)
    start = threading.Barrier(2)
    errors = []

    def cancel() -> None:
        try:
            start.wait()
            registration_cancel(registration=Registration.objects.get(pk=confirmed[0].pk))
        except BaseException as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert workshop.registrations.filter(status="confirmed").count() == 2
    assert Registration.objects.get(pk=waiting[0].pk).status == "confirmed"
    assert Registration.objects.get(pk=waiting[1].pk).status == "waitlisted"
    assert workshop.registrations.filter(promoted_at__isnull=False).count() == 1
