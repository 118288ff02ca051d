"""The impact figures read each workshop's stored registration counts (Workshop.registrations_*)
instead of counting registrations: on a data set made through the real services (registration,
waiting list, cancellation with promotion, attendance, a coordinator's edit saved from a stale copy),
every stored count equals a direct count, and the dashboard's and the public page's figures equal
figures counted straight from the registrations. Runs on PostgreSQL and SQLite."""

import datetime

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from impact.selectors import HELD_STATUSES, Selection, impact_figures
from tests import factories
from tests.impact.factories import held_workshop
from tests.workshops.factories import WorkshopFactory
from workshops.models import Registration, Workshop
from workshops.services import attendance_record, registration_cancel, registration_create

pytestmark = pytest.mark.django_db


def _register(workshop: Workshop, n: int) -> Registration:
    return registration_create(
        workshop=workshop, name=f"Person {n}", phone=f"+92300{n:07d}", language="ur", consent=True
    )


def _seeded() -> list[Workshop]:
    """Three workshops made and run through the services, then moved into the past (held)."""
    coordinator = factories.coordinator("SD")
    made = []
    for number, (capacity, people, women_only) in enumerate([(3, 5, False), (10, 4, True), (2, 2, False)]):
        workshop = WorkshopFactory(capacity=capacity, women_only=women_only, topics=["scams-fraud"])
        registrations = [_register(workshop, number * 100 + n) for n in range(people)]
        made.append((workshop, registrations))
    # Cancelling a seat in the full first workshop promotes the first person waiting.
    first, first_people = made[0]
    registration_cancel(registration=first_people[0])
    # A coordinator's copy loaded before these registrations, saved afterwards, changes no count.
    stale = Workshop.objects.get(pk=made[1][0].pk)
    _register(made[1][0], 199)
    stale.town = "Lyari"
    stale.save()
    # The sessions took place: move them into the past, then tick who came.
    started = timezone.now() - datetime.timedelta(days=5)
    Workshop.objects.filter(pk__in=[w.pk for w, _r in made]).update(
        starts_at=started, ends_at=started + datetime.timedelta(hours=2), status=Workshop.Status.COMPLETED
    )
    for workshop, _registrations in made:
        live = workshop.registrations.exclude(status=Registration.Status.CANCELLED).order_by("pk")
        present = list(live.values_list("pk", flat=True))[:2]
        attendance_record(workshop=workshop, actor=coordinator, present_ids=present, walk_ins={})
    # And a workshop made the way the other impact tests make theirs (the factory keeps counts too).
    held_workshop(attended=3, registered_only=2, topics=["rights-privacy"])
    return list(Workshop.objects.order_by("pk"))


def _direct(workshops) -> dict[int, tuple[int, int, int]]:
    live = ~Q(registrations__status=Registration.Status.CANCELLED)
    return {
        row["pk"]: (row["confirmed"], row["waitlisted"], row["attended"])
        for row in Workshop.objects.filter(pk__in=[w.pk for w in workshops])
        .values("pk")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
            waitlisted=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)),
            attended=Count("registrations", filter=live & Q(registrations__attended=True)),
        )
    }


def test_stored_counts_equal_a_direct_count_after_every_kind_of_change():
    workshops = _seeded()
    stored = {
        w.pk: (w.registrations_confirmed, w.registrations_waitlisted, w.registrations_attended)
        for w in workshops
    }
    direct = _direct(workshops)
    assert stored == direct
    # The seeded changes happened: a promotion from the waiting list, a waiting list left, attendance.
    assert direct[workshops[0].pk] == (3, 1, 2)
    assert direct[workshops[1].pk] == (5, 0, 2)
    assert Workshop.objects.get(pk=workshops[1].pk).town == "Lyari"


def test_dashboard_and_public_figures_equal_figures_counted_from_registrations():
    _seeded()
    today = timezone.localdate()
    figures = impact_figures(selection=Selection(start=today - datetime.timedelta(days=365), end=today))
    held = Registration.objects.filter(workshop__status__in=HELD_STATUSES).exclude(
        status=Registration.Status.CANCELLED
    )
    assert figures.total.workshops == 4
    assert figures.total.registered == held.count() == 16
    assert figures.total.attended == held.filter(attended=True).count() == 9
    assert figures.total.women == held.filter(attended=True, workshop__women_only=True).count() == 2
    scams = held.filter(workshop__topic_links__topic="scams-fraud")
    assert figures.by_topic["scams-fraud"].registered == scams.count()
    assert figures.by_topic["scams-fraud"].attended == scams.filter(attended=True).count()
    assert figures.by_topic["rights-privacy"].attended == 3
    # The public page's table shows the same figures (people reached = attended; no walk-ins here).
    from django.test import Client

    csv = Client().get("/en/impact/export/reach-by-topic.csv").content.decode()
    people = scams.filter(attended=True).count()
    assert people >= 5  # shown as it is, not "fewer than 5"
    assert f"Scams and fraud,fewer than 5,{people}" in csv.replace('"', "")
    # And the dashboard's export for staff, with registered and attended.
    assert figures.by_topic["scams-fraud"].workshops == 3


def test_the_migration_fills_the_counts_of_existing_workshops():
    """The data migration recounts every workshop (here: counts wiped, as on a database that had
    registrations before the columns existed)."""
    from importlib import import_module

    from django.apps import apps

    workshops = _seeded()
    Workshop.objects.update(registrations_confirmed=0, registrations_waitlisted=0, registrations_attended=0)
    migration = import_module("workshops.migrations.0010_workshop_stored_registration_counts")
    migration.fill_counts(apps, None)
    filled = {
        w.pk: (w.registrations_confirmed, w.registrations_waitlisted, w.registrations_attended)
        for w in Workshop.objects.all()
    }
    assert filled == _direct(workshops)
    assert sum(confirmed for confirmed, _w, _a in filled.values()) > 0
