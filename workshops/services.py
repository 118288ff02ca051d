"""Every write of the workshops app. Keyword-only, typed, one action per function."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.transactions import without_waiting_for_disk
from curriculum.models import Module
from facilitators.models import AmbassadorProfile
from workshops.audit import Action, snapshot_changes, update_action, workshop_audit_record, workshop_snapshot
from workshops.models import (
    FacilitatorReport,
    Feedback,
    QuizResponse,
    QuizStage,
    QuizTally,
    Registration,
    WalkInCount,
    Workshop,
    WorkshopTopic,
)
from workshops.selectors import ModuleQuiz, quiz_is_open, quiz_question_count

PLACE_FIELDS = ("format", "district_id", "town", "address", "venue_kind", "online_details")
WORKSHOP_FIELDS = {
    "title",
    "description",
    "language",
    "format",
    "district",
    "town",
    "address",
    "venue_kind",
    "online_details",
    "audience",
    "women_only",
    "starts_at",
    "ends_at",
    "capacity",
    "partner_organisation",
    "lead_facilitator",
}


class DuplicateRegistration(Exception):
    """The phone number already has a live registration for this workshop."""

    def __init__(self, registration: Registration):
        super().__init__("duplicate registration")
        self.registration = registration


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
    unknown = set(fields) - WORKSHOP_FIELDS
    if unknown:
        raise TypeError(f"unknown workshop fields: {sorted(unknown)}")
    workshop = Workshop(created_by=actor, status=Workshop.Status.DRAFT, **fields)
    workshop.full_clean()
    co_facilitators = list(co_facilitators)
    _check_facilitators(workshop=workshop, co_facilitators=co_facilitators)
    workshop.save()
    workshop.co_facilitators.set(co_facilitators)
    _set_topics(workshop=workshop, topics=topics)
    workshop.modules.set(list(modules))
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
    unknown = set(fields) - WORKSHOP_FIELDS
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
    _waitlist_promote(workshop=workshop)
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
    unknown = set(fields) - WORKSHOP_FIELDS
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
    workshop.full_clean()
    co_facilitators = list(co_facilitators)
    _check_facilitators(workshop=workshop, co_facilitators=co_facilitators)
    workshop.save()
    workshop.co_facilitators.set(co_facilitators)
    _set_topics(workshop=workshop, topics=topics)
    workshop.modules.set(list(modules))
    _attendance_save(workshop=workshop, present_ids=[], walk_ins=walk_ins)
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.RECORDED_PAST)
    _on_commit_workshop(workshop.pk, "completed")
    return workshop


# --- Registrations --------------------------------------------------------------------------------


def _on_commit_registration(registration_id: int, change: str) -> None:
    """Once this commits: the new registrant's link, a promotion notice, or withdrawing what was
    waiting for a cancelled registration (workshops/reminders.py)."""
    from workshops.reminders import registration_changed

    transaction.on_commit(lambda: registration_changed(registration_id=registration_id, change=change))


@transaction.atomic
def registration_create(
    *, workshop: Workshop, name: str, phone: str, language: str, email: str = "", consent: bool
) -> Registration:
    """Confirm a seat, or put the person on the waiting list once the workshop is full.

    The workshop row is locked, so simultaneous registrations are counted one after the other
    and never overbook. The same phone number twice raises DuplicateRegistration.
    """
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if not workshop.is_open_for_registration:
        raise ValidationError(_("This workshop is not open for registration."))
    if not consent:
        raise ValidationError(_("Please agree to how we use your details."))
    existing = (
        workshop.registrations.exclude(status=Registration.Status.CANCELLED).filter(phone=phone).first()
    )
    if existing is not None:
        raise DuplicateRegistration(existing)
    status = Registration.Status.CONFIRMED if workshop.has_free_seat() else Registration.Status.WAITLISTED
    registration = Registration(
        workshop=workshop, name=name, phone=phone, email=email, language=language, consent=True, status=status
    )
    registration.full_clean()
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # only reachable without the row lock (it is the backstop)
        raise DuplicateRegistration(
            workshop.registrations.get(phone=phone, status__in=["confirmed", "waitlisted"])
        ) from error
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    _on_commit_registration(registration.pk, status)
    return registration


@transaction.atomic
def registration_link_resend(*, registration: Registration) -> bool:
    """Someone registered this registration's number again: its link goes to its own number and
    email, never to whoever asked (who sees the same page as a new registrant), at most
    PERSONAL_LINK_RESENDS_PER_DAY times a day. Returns whether it was sent."""
    from workshops import reminders

    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    return reminders.registration_link_resend(registration=registration, now=timezone.now())


def _waitlist_promote(*, workshop: Workshop) -> list[Registration]:
    """Fill free seats from the front of the waiting list. The caller holds the workshop row lock."""
    free = workshop.capacity - workshop.confirmed_registrations().count()
    if free <= 0 or workshop.status != Workshop.Status.PUBLISHED:
        return []
    promoted = list(
        workshop.registrations.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")[
            :free
        ]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _on_commit_registration(registration.pk, "promoted")
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel a seat or waiting-list place; a freed seat goes to the first person waiting, once."""
    workshop = Workshop.objects.select_for_update().get(pk=registration.workshop_id)
    registration = Registration.objects.get(pk=registration.pk)  # fresh, under the workshop lock
    if registration.status == Registration.Status.CANCELLED:
        return registration
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    _on_commit_registration(registration.pk, "cancelled")
    _waitlist_promote(workshop=workshop)
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    return registration


# --- After the session ----------------------------------------------------------------------------


@transaction.atomic
def attendance_record(
    *, workshop: Workshop, actor, present_ids: Iterable[int], walk_ins: dict[tuple[str, str], int]
) -> Workshop:
    """Tick who came (confirmed or waitlisted people may turn up) and store the walk-in head counts."""
    before = _attendance_counts(workshop)
    _attendance_save(workshop=workshop, present_ids=present_ids, walk_ins=walk_ins)
    after = _attendance_counts(workshop)
    workshop_audit_record(
        workshop=workshop,
        actor=actor,
        action=Action.ATTENDANCE,
        changes={name: [before[name], after[name]] for name in before if before[name] != after[name]},
    )
    return workshop


def _attendance_counts(workshop: Workshop) -> dict[str, int]:
    return {
        "attended": workshop.registrations.filter(attended=True).count(),
        "walk_ins": sum(WalkInCount.objects.filter(workshop=workshop).values_list("count", flat=True)),
    }


def _attendance_save(
    *, workshop: Workshop, present_ids: Iterable[int], walk_ins: dict[tuple[str, str], int]
) -> None:
    present_ids = set(present_ids)
    registrations = workshop.registrations.exclude(status=Registration.Status.CANCELLED)
    registrations.filter(pk__in=present_ids).update(attended=True)
    registrations.exclude(pk__in=present_ids).update(attended=False)
    Workshop.objects.filter(pk=workshop.pk).registration_counts_refresh()
    for (gender, age_band), count in walk_ins.items():
        WalkInCount.objects.update_or_create(
            workshop=workshop, gender=gender, age_band=age_band, defaults={"count": count or 0}
        )


@transaction.atomic
def workshop_registrations_export(*, workshop: Workshop, actor) -> list[Registration]:
    """The registrations (names, phone numbers, emails) a coordinator downloads: personal data leaving
    the system, so it is written in the workshop's history."""
    from workshops.selectors import registrations_for

    workshop_audit_record(workshop=workshop, actor=actor, action=Action.EXPORTED)
    return list(registrations_for(workshop=workshop))


@dataclass
class QuizMark:
    """What a participant sees after sending a quiz: their score for one module, and which answer was
    right for each question (shown after the session only, so the quiz before stays a fair measure)."""

    title: str
    correct: int
    questions: int
    right_answers: list[tuple[str, str]]  # (question, right answer), in the page's language


@without_waiting_for_disk
def quiz_response_submit(
    *, workshop: Workshop, stage: str, quizzes: list[ModuleQuiz], chosen: dict[int, int | None]
) -> list[QuizMark]:
    """Score one participant's answers to the quizzes of a workshop's modules (as the page showed
    them: `selectors.workshop_quizzes`) and keep only the scores. `chosen` maps each question id to
    the chosen answer id (None: "I don't know")."""
    if not quiz_is_open(workshop=workshop, stage=stage):
        raise ValidationError(_("This quiz is closed."))
    marks = []
    for quiz in quizzes:
        correct = 0
        right_answers = []
        for question in quiz.questions:
            # page_answers and page_text: set by selectors.workshop_quizzes (see ModuleQuiz).
            right = next(answer for answer in question.page_answers if answer.is_correct)  # type: ignore[attr-defined]
            correct += chosen.get(question.pk) == right.pk
            right_answers.append((question.page_text, right.page_text))  # type: ignore[attr-defined]
        QuizResponse.objects.create(
            workshop=workshop,
            module=quiz.module,
            stage=stage,
            questions=len(quiz.questions),
            correct=correct,
            language=quiz.content.shown,
        )
        marks.append(
            QuizMark(
                title=quiz.title,
                correct=correct,
                questions=len(quiz.questions),
                right_answers=right_answers if stage == QuizStage.AFTER else [],
            )
        )
    return marks


@transaction.atomic
def quiz_tally_record(
    *,
    workshop: Workshop,
    module: Module,
    pre_participants: int,
    pre_correct: int,
    post_participants: int,
    post_correct: int,
) -> QuizTally:
    """Class totals of a module's quiz taken on paper; entering them again replaces them."""
    questions = quiz_question_count(module=module)
    if not questions:
        raise ValidationError(_("This module has no quiz."))
    if pre_correct > pre_participants * questions or post_correct > post_participants * questions:
        raise ValidationError(_("There cannot be more correct answers than people times questions."))
    tally, _created = QuizTally.objects.update_or_create(
        workshop=workshop,
        module=module,
        defaults={
            "questions": questions,
            "pre_participants": pre_participants,
            "pre_correct": pre_correct,
            "post_participants": post_participants,
            "post_correct": post_correct,
        },
    )
    return tally


def quiz_tally_remove(*, workshop: Workshop, module: Module) -> None:
    QuizTally.objects.filter(workshop=workshop, module=module).delete()


@transaction.atomic
def quiz_tallies_save(*, workshop: Workshop, actor, totals: list[tuple[Module, dict | None]]) -> None:
    """The class totals of a workshop's paper quizzes as the quiz page sends them, one module each
    (None: the boxes were emptied, so the totals are removed). One entry in the workshop's history."""
    for module, numbers in totals:
        if numbers is None:
            quiz_tally_remove(workshop=workshop, module=module)
        else:
            quiz_tally_record(workshop=workshop, module=module, **numbers)
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.QUIZ)


class FeedbackAlreadySent(Exception):
    """This device already answered this workshop's feedback."""


@transaction.atomic
def feedback_submit(
    *, workshop: Workshop, useful: int, confidence: str, would_recommend: bool, device: str = ""
) -> Feedback:
    """Record one answer; with a `device` (an HMAC of the page's token), at most one per workshop.

    The unique constraint decides, so two simultaneous sends from one phone still make one answer."""
    feedback = Feedback(
        workshop=workshop,
        useful=useful,
        confidence=confidence,
        would_recommend=would_recommend,
        device=device,
    )
    feedback.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:
        raise FeedbackAlreadySent from error
    return feedback


@transaction.atomic
def facilitator_report_save(
    *, workshop: Workshop, actor, notes: str, issues_raised: str, follow_ups: str
) -> FacilitatorReport:
    report, _created = FacilitatorReport.objects.update_or_create(
        workshop=workshop,
        defaults={
            "notes": notes,
            "issues_raised": issues_raised,
            "follow_ups": follow_ups,
            "written_by": actor,
        },
    )
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.REPORT)
    return report


# --- Personal data --------------------------------------------------------------------------------


@transaction.atomic
def workshops_shred_personal_data(*, older_than_days: int) -> int:
    """Remove names, phones and emails of participants of workshops that ended long enough ago.

    Statuses, attendance, walk-in counts, quiz totals and feedback stay, so reports keep their
    numbers. Returns how many registrations were emptied. Idempotent.
    """
    from notifications.services import deliveries_redact

    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    workshops = Workshop.objects.filter(ends_at__lt=cutoff)
    # The messages sent to these people held their phone, email and name too.
    deliveries_redact(recipients=Registration.objects.filter(workshop__in=workshops))
    shredded = (
        Registration.objects.filter(workshop__in=workshops)
        .exclude(name="", phone="", email="")
        .update(name="", phone="", email="")
    )
    workshops.filter(personal_data_shredded_at__isnull=True).update(personal_data_shredded_at=timezone.now())
    return shredded


def workshops_personal_data_compact() -> None:
    """Rewrite the tables that held shredded names, numbers and messages, so the old values leave the
    database files too.

    An UPDATE leaves the previous row version in the table's pages; VACUUM marks it reusable but does
    not overwrite it, so shredded names stayed readable in the data file (179 of 200 after VACUUM).
    VACUUM FULL writes the live rows into new files (table, TOAST and indexes) and deletes the old
    ones. It locks the table against reads and writes while it runs (0.4 s for 200,000
    registrations measured), which is why it runs at night after the shredding, and only when something was
    shredded. On SQLite (the embedded default) VACUUM rebuilds the whole file the same way.
    What remains in WAL and backups is described in docs/workshops.md, "Personal data".
    Runs outside any transaction (VACUUM cannot run inside one).
    """
    from notifications.models import Delivery

    if connection.in_atomic_block:
        raise RuntimeError("workshops_personal_data_compact() must run outside a transaction.")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for model in (Registration, Delivery):
                cursor.execute(f"VACUUM (FULL, ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
        elif connection.vendor == "sqlite":
            cursor.execute("VACUUM")
