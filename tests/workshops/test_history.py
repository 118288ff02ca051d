"""The workshop's history: every staff action writes one audit row (who, what, when, what changed)
in its own transaction, shown to coordinators and admins on the manage page, never to facilitators
or the public."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from tests.reminders.helpers import facilitator
from tests.workshops.factories import RegistrationFactory, WorkshopFactory, quiz_workshop
from workshops import services
from workshops.models import Workshop, WorkshopAuditEntry

pytestmark = pytest.mark.django_db
Action = WorkshopAuditEntry.Action


def rows(workshop) -> list[tuple[str, object]]:
    return [(entry.action, entry.actor) for entry in WorkshopAuditEntry.objects.filter(workshop=workshop)]


def one_row(workshop, action: str, actor) -> WorkshopAuditEntry:
    """The action left exactly one row, by this actor."""
    entries = list(WorkshopAuditEntry.objects.filter(workshop=workshop, action=action))
    assert [(entry.action, entry.actor) for entry in entries] == [(action, actor)]
    assert timezone.now() - entries[0].at < datetime.timedelta(minutes=1)
    return entries[0]


def draft(**fields) -> Workshop:
    return WorkshopFactory(status=Workshop.Status.DRAFT, lead_facilitator=facilitator(), **fields)


def test_each_action_leaves_exactly_one_row_by_whoever_did_it():
    coordinator = factories.coordinator("SD")
    workshop = services.workshop_create(
        actor=coordinator,
        topics=["scams-fraud"],
        title="Scams and you",
        language="ur",
        format="in_person",
        district=factories.district("Karachi Central"),
        town="Nazimabad",
        venue_kind="school",
        starts_at=timezone.now() + datetime.timedelta(days=5),
        ends_at=timezone.now() + datetime.timedelta(days=5, hours=2),
        capacity=30,
        lead_facilitator=facilitator(),
    )
    one_row(workshop, Action.CREATED, coordinator)

    services.workshop_publish(workshop=workshop, actor=coordinator)
    one_row(workshop, Action.PUBLISHED, coordinator)

    entry_count = WorkshopAuditEntry.objects.count()
    services.workshop_update(workshop=workshop, actor=coordinator, town="Gulshan", capacity=40)
    update = one_row(workshop, Action.UPDATED, coordinator)
    assert update.changes == {"town": ["Nazimabad", "Gulshan"], "capacity": [30, 40]}
    assert WorkshopAuditEntry.objects.count() == entry_count + 1

    new_start = workshop.starts_at + datetime.timedelta(days=1)
    services.workshop_reschedule(
        workshop=workshop,
        actor=coordinator,
        starts_at=new_start,
        ends_at=new_start + datetime.timedelta(hours=2),
    )
    moved = one_row(workshop, Action.RESCHEDULED, coordinator)
    assert set(moved.changes) == {"starts_at", "ends_at"}

    other = facilitator()
    services.workshop_update(workshop=workshop, actor=coordinator, co_facilitators=[other])
    assigned = one_row(workshop, Action.FACILITATORS, coordinator)
    assert assigned.changes == {"co_facilitators": [[], [str(other)]]}

    lead = workshop.lead_facilitator.user
    registration = RegistrationFactory(workshop=workshop)
    services.attendance_record(
        workshop=workshop, actor=lead, present_ids=[registration.pk], walk_ins={("women", "18_29"): 4}
    )
    attendance = one_row(workshop, Action.ATTENDANCE, lead)
    assert attendance.changes == {"attended": [0, 1], "walk_ins": [0, 4]}

    services.facilitator_report_save(
        workshop=workshop, actor=lead, notes="Good", issues_raised="", follow_ups=""
    )
    one_row(workshop, Action.REPORT, lead)

    assert [
        entry.pk for entry in services.workshop_registrations_export(workshop=workshop, actor=coordinator)
    ] == [registration.pk]
    one_row(workshop, Action.EXPORTED, coordinator)

    services.workshop_cancel(workshop=workshop, actor=coordinator, reason="The hall is flooded")
    cancelled = one_row(workshop, Action.CANCELLED, coordinator)
    assert cancelled.detail == "The hall is flooded"


def test_completing_and_recording_a_past_session_each_leave_one_row():
    coordinator = factories.coordinator("SD")
    started = WorkshopFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    services.workshop_complete(workshop=started, actor=coordinator)
    assert rows(started) == [(Action.COMPLETED, coordinator)]

    starts = timezone.now() - datetime.timedelta(days=2)
    past = services.workshop_record_past(
        actor=coordinator,
        topics=["scams-fraud"],
        walk_ins={("women", "18_29"): 12},
        title="Held offline",
        language="ur",
        format="in_person",
        district=factories.district("Karachi Central"),
        town="Nazimabad",
        venue_kind="school",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        lead_facilitator=facilitator(),
    )
    assert rows(past) == [(Action.RECORDED_PAST, coordinator)]  # its head counts are part of it


def test_a_failed_action_leaves_no_row():
    coordinator = factories.coordinator("SD")
    published = WorkshopFactory()
    with pytest.raises(ValidationError):
        services.workshop_publish(workshop=published, actor=coordinator)  # not a draft
    with pytest.raises(ValidationError):
        services.workshop_complete(workshop=published, actor=coordinator)  # not started yet
    with pytest.raises(ValidationError):
        services.workshop_update(workshop=published, actor=coordinator, capacity=0)
    cancelled = WorkshopFactory(status=Workshop.Status.CANCELLED)
    with pytest.raises(ValidationError):
        services.workshop_cancel(workshop=cancelled, actor=coordinator)
    with pytest.raises(ValidationError):
        services.workshop_update(workshop=cancelled, actor=coordinator, town="Gulshan")
    assert not WorkshopAuditEntry.objects.exists()


def test_the_manage_page_shows_the_history_in_urdu_without_javascript(client):
    coordinator = factories.coordinator("SD", full_name="Sana Coordinator")
    workshop = draft()
    services.workshop_publish(workshop=workshop, actor=coordinator)
    services.workshop_update(workshop=workshop, actor=coordinator, town="Gulshan")
    client.force_login(coordinator)
    page = client.get(f"/ur/workshops/manage/{workshop.pk}/").content.decode()
    history = page[page.index('id="history"') :]
    assert "تاریخچہ" in page  # "History"
    assert "شائع کیا" in history  # "Published it"
    assert "Sana Coordinator" in history
    assert "Nazimabad" in history and "Gulshan" in history  # before and after
    assert "<script" not in history


def test_the_download_of_registrations_is_in_the_history(client):
    coordinator = factories.coordinator("SD")
    workshop = WorkshopFactory()
    RegistrationFactory(workshop=workshop)
    client.force_login(coordinator)
    response = client.get(f"/en/workshops/manage/{workshop.pk}/registrations.csv")
    assert response.status_code == 200
    assert rows(workshop) == [(Action.EXPORTED, coordinator)]
    page = client.get(f"/en/workshops/manage/{workshop.pk}/").content.decode()
    assert "Downloaded the registrations" in page


def test_facilitators_and_the_public_do_not_see_the_history(client):
    coordinator = factories.coordinator("SD")
    workshop = WorkshopFactory(lead_facilitator=facilitator())
    services.workshop_cancel(workshop=workshop, actor=coordinator, reason="Secret internal reason")
    assert client.get(f"/en/workshops/manage/{workshop.pk}/").status_code in (302, 404)
    client.force_login(workshop.lead_facilitator.user)
    assert client.get(f"/en/workshops/manage/{workshop.pk}/").status_code == 404
    for path in (f"/en/workshops/manage/{workshop.pk}/attendance/", "/en/workshops/mine/"):
        page = client.get(path).content.decode()
        assert "Cancelled it" not in page and 'id="history"' not in page


def test_the_paper_quiz_totals_page_leaves_one_row_and_a_refused_one_none(client):
    lead = facilitator()
    workshop, module, _questions = quiz_workshop(lead_facilitator=lead)
    client.force_login(lead.user)
    prefix = f"module-{module.pk}-"
    numbers = {"pre_participants": "20", "pre_correct": "30", "post_participants": "20", "post_correct": "48"}
    url = f"/en/workshops/manage/{workshop.pk}/quiz/"
    assert client.post(url, {prefix + name: value for name, value in numbers.items()}).status_code == 302
    assert rows(workshop) == [(Action.QUIZ, lead.user)]
    client.post(url, {prefix + "pre_participants": "5"})  # refused: fill in all four
    assert rows(workshop) == [(Action.QUIZ, lead.user)]


def test_the_history_costs_the_manage_page_the_same_queries_for_2_or_12_entries(client):
    coordinator = factories.coordinator("SD")
    client.force_login(coordinator)
    workshop = WorkshopFactory()
    url = f"/en/workshops/manage/{workshop.pk}/"

    def queries_with(entries: int) -> int:
        while WorkshopAuditEntry.objects.filter(workshop=workshop).count() < entries:
            services.workshop_update(
                workshop=workshop, actor=factories.coordinator("SD"), capacity=workshop.capacity + entries
            )
            workshop.refresh_from_db()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(12)
