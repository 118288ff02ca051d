"""Scheduling a workshop: create, edit, publish, reschedule, cancel, complete, or record one held
offline. Which facilitators may run it is checked here too."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from curriculum.models import Module
from facilitators.models import AmbassadorProfile
from workshops.audit import Action, snapshot_changes, update_action, workshop_audit_record, workshop_snapshot
from workshops.models import EDITABLE_FIELDS, RELATED_FIELDS, Workshop, WorkshopTopic
from workshops.services.attendance import attendance_save
from workshops.services.registration import waitlist_promote

PLACE_FIELDS = ("format", "district_id", "town", "address", "venue_kind", "online_details")
# The workshop's own columns among them: what `**fields` of the services may hold.
_COLUMN_FIELDS = frozenset(EDITABLE_FIELDS) - frozenset(RELATED_FIELDS)


# --- Facilitators ---------------------------------------------------------------------------------


def facilitator_problems(
    *,
    lead: AmbassadorProfile | None,
    co_facilitators: Iterable[AmbassadorProfile],
    language: str,
    women_only: bool,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    workshop_id: int | None = None,
) -> list[str]:
    """Why these people cannot run this workshop, as sentences a coordinator can act on (empty: fine)."""
    from django.conf import settings

    language_name = dict(settings.LANGUAGES).get(language, language)
    problems: list[str] = []
    co_facilitators = [person for person in co_facilitators if person != lead]
    if lead is not None:
        if not lead.can_lead:
            problems.append(
                _("%(name)s cannot lead a workshop yet: only certified ambassadors and master trainers lead.")
                % {"name": lead}
            )
        if women_only and lead.gender != AmbassadorProfile.Gender.WOMAN:
            problems.append(
                _("A women-only workshop must be led by a woman; %(name)s is not recorded as a woman.")
                % {"name": lead}
            )
    for person in co_facilitators:
        if not person.can_facilitate:
            problems.append(_("%(name)s is still an applicant and cannot facilitate yet.") % {"name": person})
    for person in ([lead] if lead else []) + co_facilitators:
        if language and not person.speaks(language):
            problems.append(
                _("%(name)s does not run sessions in %(language)s.")
                % {"name": person, "language": language_name}
            )
    if starts_at and ends_at:
        people = ([lead] if lead else []) + co_facilitators
        clashes = (
            Workshop.objects.exclude(status=Workshop.Status.CANCELLED)
            .exclude(pk=workshop_id)
            .filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
        )
        for person in people:
            clash = clashes.facilitated_by(person).first()
            if clash is not None:
                problems.append(
                    _("%(name)s is already facilitating “%(other)s” at that time.")
                    % {"name": person, "other": clash.title}
                )
    return problems


def _check_facilitators(*, workshop: Workshop, co_facilitators: list[AmbassadorProfile]) -> None:
    problems = facilitator_problems(
        lead=workshop.lead_facilitator,
        co_facilitators=co_facilitators,
        language=workshop.language,
        women_only=workshop.women_only,
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        workshop_id=workshop.pk,
    )
    if problems:
        raise ValidationError(problems)


# --- Workshops ------------------------------------------------------------------------------------


def _on_commit_workshop(workshop_id: int, change: str) -> None:
    """Once this commits, workshops/reminders.py withdraws the messages the change made obsolete and
    queues the notice people get (rescheduled, moved, cancelled): the services know nothing of SMS."""
    from workshops.reminders import workshop_changed

    transaction.on_commit(lambda: workshop_changed(workshop_id=workshop_id, change=change))


def _set_topics(*, workshop: Workshop, topics: Iterable[str]) -> None:
    wanted = set(topics)
    workshop.topic_links.exclude(topic__in=wanted).delete()
    existing = set(workshop.topic_links.values_list("topic", flat=True))
    WorkshopTopic.objects.bulk_create(
        [WorkshopTopic(workshop=workshop, topic=topic) for topic in sorted(wanted - existing)]
    )


@transaction.atomic
def workshop_create(
    *,
    actor,
    topics: Iterable[str] = (),
    co_facilitators: Iterable[AmbassadorProfile] = (),
    modules: Iterable[Module] = (),
    **fields,
) -> Workshop:
    unknown = set(fields) - _COLUMN_FIELDS
    if unknown:
        raise TypeError(f"unknown workshop fields: {sorted(unknown)}")
    workshop = Workshop(created_by=actor, status=Workshop.Status.DRAFT, **fields)
    _new_workshop_save(workshop=workshop, topics=topics, co_facilitators=co_facilitators, modules=modules)
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.CREATED)
    _on_commit_workshop(workshop.pk, "created")
    return workshop


@transaction.atomic
def workshop_update(
    *,
    workshop: Workshop,
    actor,
    topics: Iterable[str] | None = None,
    co_facilitators: Iterable[AmbassadorProfile] | None = None,
    modules: Iterable[Module] | None = None,
    **fields,
) -> Workshop:
    """Change a workshop. A change of time counts as a reschedule and a change of place as a move
    (both announced to everyone concerned); more seats promote the waiting list."""
    unknown = set(fields) - _COLUMN_FIELDS
    if unknown:
        raise TypeError(f"unknown workshop fields: {sorted(unknown)}")
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.status in (Workshop.Status.CANCELLED, Workshop.Status.COMPLETED):
        raise ValidationError(_("A cancelled or completed workshop can no longer be changed."))
    before = workshop_snapshot(workshop)
    old_times = (workshop.starts_at, workshop.ends_at)
    old_place = _place(workshop)
    for name in ("starts_at", "ends_at"):
        # A form gives whole minutes: the same minute is the same time, kept exactly as it was, so
        # an edit that keeps the time is no reschedule (and reminds nobody twice).
        if fields.get(name) is not None and _same_minute(fields[name], getattr(workshop, name)):
            fields[name] = getattr(workshop, name)
    for name, value in fields.items():
        setattr(workshop, name, value)
    moved = _place(workshop) != old_place
    if moved:
        workshop.place_changed_at = timezone.now()
    workshop.full_clean()
    co_facilitators = list(workshop.co_facilitators.all() if co_facilitators is None else co_facilitators)
    _check_facilitators(workshop=workshop, co_facilitators=co_facilitators)
    workshop.save()
    workshop.co_facilitators.set(co_facilitators)
    if topics is not None:
        _set_topics(workshop=workshop, topics=topics)
    if modules is not None:
        workshop.modules.set(list(modules))
    changes = snapshot_changes(before, workshop_snapshot(workshop))
    workshop_audit_record(workshop=workshop, actor=actor, action=update_action(changes), changes=changes)
    rescheduled = (workshop.starts_at, workshop.ends_at) != old_times
    # A new time and place together is one notice (the rescheduling one gives the place too).
    _on_commit_workshop(workshop.pk, "rescheduled" if rescheduled else "moved" if moved else "updated")
    waitlist_promote(workshop=workshop)
    return workshop


def _same_minute(first: datetime.datetime, second: datetime.datetime | None) -> bool:
    return second is not None and first.replace(second=0, microsecond=0) == second.replace(
        second=0, microsecond=0
    )


def _place(workshop: Workshop) -> tuple:
    """What people need to find the session: a change of any of it is announced."""
    return tuple(getattr(workshop, name) for name in PLACE_FIELDS)


def workshop_reschedule(
    *, workshop: Workshop, actor, starts_at: datetime.datetime, ends_at: datetime.datetime
) -> Workshop:
    return workshop_update(workshop=workshop, actor=actor, starts_at=starts_at, ends_at=ends_at)


@transaction.atomic
def workshop_publish(*, workshop: Workshop, actor) -> Workshop:
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.status != Workshop.Status.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    if workshop.lead_facilitator is None:
        raise ValidationError(_("Choose a lead facilitator before publishing."))
    if not workshop.topic_links.exists():
        raise ValidationError(_("Choose at least one topic before publishing."))
    workshop.status = Workshop.Status.PUBLISHED
    workshop.save(update_fields=["status", "updated_at"])
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.PUBLISHED)
    _on_commit_workshop(workshop.pk, "published")
    return workshop


@transaction.atomic
def workshop_cancel(*, workshop: Workshop, actor, reason: str = "") -> Workshop:
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.status in (Workshop.Status.CANCELLED, Workshop.Status.COMPLETED):
        raise ValidationError(_("This workshop is already cancelled or completed."))
    workshop.status = Workshop.Status.CANCELLED
    workshop.cancellation_reason = reason
    workshop.save(update_fields=["status", "cancellation_reason", "updated_at"])
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.CANCELLED, detail=reason)
    _on_commit_workshop(workshop.pk, "cancelled")
    return workshop


@transaction.atomic
def workshop_complete(*, workshop: Workshop, actor) -> Workshop:
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.status != Workshop.Status.PUBLISHED:
        raise ValidationError(_("Only a published workshop can be completed."))
    if workshop.starts_at > timezone.now():
        raise ValidationError(_("A workshop can be completed only once it has started."))
    workshop.status = Workshop.Status.COMPLETED
    workshop.save(update_fields=["status", "updated_at"])
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.COMPLETED)
    _on_commit_workshop(workshop.pk, "completed")
    return workshop


def record_past_window() -> datetime.timedelta:
    from django.conf import settings

    return datetime.timedelta(days=settings.WORKSHOPS_RECORD_PAST_DAYS)


def past_session_problems(
    *,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    now: datetime.datetime | None = None,
) -> dict[str, str]:
    """Why these times cannot be recorded as a past session (field name -> sentence; empty: fine)."""
    from django.conf import settings

    now = now or timezone.now()
    problems: dict[str, str] = {}
    if starts_at and starts_at < now - record_past_window():
        days = settings.WORKSHOPS_RECORD_PAST_DAYS
        problems["starts_at"] = ngettext(
            "A past session can be recorded up to %(days)d day after it was held; this one is older.",
            "A past session can be recorded up to %(days)d days after it was held; this one is older.",
            days,
        ) % {"days": days}
    if ends_at and ends_at > now:
        problems["ends_at"] = _("A session recorded afterwards must have ended already.")
    return problems


@transaction.atomic
def workshop_record_past(
    *,
    actor,
    topics: Iterable[str],
    co_facilitators: Iterable[AmbassadorProfile] = (),
    modules: Iterable[Module] = (),
    walk_ins: dict[tuple[str, str], int],
    **fields,
) -> Workshop:
    """Record a session that was held offline, within WORKSHOPS_RECORD_PAST_DAYS: created as
    completed and marked `recorded_afterwards`, with its head counts. It was never published, so
    nobody registered, nothing is announced and no reminder can be due (the rules only read
    published workshops and registrations). Quiz totals, feedback and the report follow as for any
    completed workshop. Seats are the head count: nobody booked one."""
    unknown = set(fields) - _COLUMN_FIELDS
    if unknown or "capacity" in fields:
        raise TypeError(f"unknown workshop fields: {sorted(unknown | ({'capacity'} & set(fields)))}")
    problems = past_session_problems(starts_at=fields.get("starts_at"), ends_at=fields.get("ends_at"))
    if problems:
        raise ValidationError(problems)
    people = sum(count or 0 for count in walk_ins.values())
    workshop = Workshop(
        created_by=actor,
        status=Workshop.Status.COMPLETED,
        recorded_afterwards=True,
        capacity=min(max(people, 1), 5000),
        **fields,
    )
    _new_workshop_save(workshop=workshop, topics=topics, co_facilitators=co_facilitators, modules=modules)
    attendance_save(workshop=workshop, present_ids=[], walk_ins=walk_ins)
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.RECORDED_PAST)
    _on_commit_workshop(workshop.pk, "completed")
    return workshop


def _new_workshop_save(*, workshop: Workshop, topics, co_facilitators, modules) -> None:
    """Check and save a new workshop with its facilitators, topics and modules (create, record past)."""
    workshop.full_clean()
    co_facilitators = list(co_facilitators)
    _check_facilitators(workshop=workshop, co_facilitators=co_facilitators)
    workshop.save()
    workshop.co_facilitators.set(co_facilitators)
    _set_topics(workshop=workshop, topics=topics)
    workshop.modules.set(list(modules))
