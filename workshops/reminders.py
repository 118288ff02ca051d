"""Workshop reminders and notices, wired into the notifications app (docs/notifications.md).

Reminders are rules the beat scan evaluates every minute (due times computed from the workshop's
current start, so rescheduling moves them and cancelling stops them):

| kind | who | when | channels |
| --- | --- | --- | --- |
| registrant_day_before | confirmed registrants | 24 h before, until the 2-hour one takes over | SMS, email |
| registrant_two_hours | confirmed registrants | 2 h before, until the start | SMS, email |
| facilitator_two_days | lead and co-facilitators | 48 h before, until 24 h before | SMS, email |
| facilitator_morning | lead and co-facilitators | 08:00 Pakistan time on the day | SMS, email |
| feedback_request | registrants marked as attended | 1 h after the end, for 2 days | SMS, email |

Notices go at once when something changes. The path of a change notice: a workshops service commits
and its `on_commit` calls `workshop_changed` / `registration_changed` (end of this module), which
withdraws what the change made obsolete and queues `notifications.tasks.notice_send_task(kind, id)`;
the task runs `notifications.services.notice_send`, which asks the registered `Notice` below for its
items (`*_items`) and writes them to the delivery log, which sends them:
rescheduled (with the new time), moved (a new place, same time) and cancelled (with the
coordinator's reason) to every registrant (confirmed or waiting) and facilitator, promoted (waiting
list to a seat) to that one person, and the registration link to a new registrant (and again, at most
PERSONAL_LINK_RESENDS_PER_DAY times a day, when someone registers that number again).

The two-hour and day-before reminders are about one start: a delivery for a start within the same
minute counts as already sent (`occurrence_tolerance`), so a reschedule that keeps the start (a form
gives whole minutes; a start may have had seconds) or goes back to it sends no second reminder.

Registrants are `Registration` rows (SMS to their phone, email when they gave one, in the language
they chose); facilitators are `accounts.User`s (email, and SMS to their `notifications.UserPhone`,
else the phone on their ambassador profile; a UserPhone with SMS turned off means no SMS).
"""

from dataclasses import replace
from datetime import time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from facilitators.contact import facilitator_channel_filters, facilitator_sms_number
from notifications.models import Channel, Delivery
from notifications.rules import DueItem, MergedRule, Notice, RelativeRule, registry
from workshops.models import Registration, Workshop
from workshops.tokens import feedback_token, registration_token

User = get_user_model()
CoFacilitation = Workshop.co_facilitators.through  # rows (workshop, ambassadorprofile)

SMS, EMAIL = Channel.SMS.value, Channel.EMAIL.value
BOTH = (SMS, EMAIL)
TEMPLATES = "workshops/messages/"

REGISTRANT_DAY_BEFORE = "workshops.registrant_day_before"
REGISTRANT_TWO_HOURS = "workshops.registrant_two_hours"
FACILITATOR_TWO_DAYS = "workshops.facilitator_two_days"
FACILITATOR_MORNING = "workshops.facilitator_morning"
FEEDBACK_REQUEST = "workshops.feedback_request"
RESCHEDULED = "workshops.rescheduled"
MOVED = "workshops.moved"
CANCELLED = "workshops.cancelled"
PROMOTED = "workshops.promoted"
REGISTRATION_LINK = "workshops.registration_link"

# A start typed in a form has whole minutes: starts within the same minute are the same start, so
# hh:mm:59.5 (made by code) and hh:mm:00 (the form) must fall within it: just under a minute.
SAME_START = timedelta(minutes=1) - timedelta(microseconds=1)

REMINDER_KINDS = [REGISTRANT_DAY_BEFORE, REGISTRANT_TWO_HOURS, FACILITATOR_TWO_DAYS, FACILITATOR_MORNING]
FACILITATOR_KINDS = [FACILITATOR_TWO_DAYS, FACILITATOR_MORNING]


def _confirmed_count(workshop_ref: str):
    counted = (
        Registration.objects.filter(workshop=OuterRef(workshop_ref), status=Registration.Status.CONFIRMED)
        .order_by()
        .values("workshop")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted), 0)


def workshop_place(workshop: Workshop):
    """Where, in a few words for an SMS: the town, or "online" / "by phone" (translated when rendered)."""
    if workshop.format == Workshop.Format.ONLINE:
        return _("online")
    if workshop.format == Workshop.Format.PHONE_IN:
        return _("by phone")
    return Truncator(workshop.town).chars(22)


def workshop_where(workshop: Workshop):
    """The place with its address when there is one, short enough for an SMS."""
    if workshop.format == Workshop.Format.IN_PERSON and workshop.address:
        return f"{Truncator(workshop.address).chars(20)}, {workshop_place(workshop)}"
    return workshop_place(workshop)


def message_context(workshop: Workshop, **extra) -> dict:
    return {
        "workshop": workshop,
        "place": workshop_place(workshop),
        "where": workshop_where(workshop),
        **extra,
    }


# --- Registrants ----------------------------------------------------------------------------------


def _registrant_context(registration: Registration) -> dict:
    return message_context(
        registration.workshop,
        registration=registration,
        name=registration.name,
        registration_token=registration_token(registration.pk),
    )


REGISTRANT = dict(
    subject_field="workshop",
    event_field="workshop__starts_at",
    address=lambda registration, channel: (
        (registration.phone if channel == SMS else registration.email) or None
    ),
    language=lambda registration: registration.language,
    name=lambda registration: registration.name,
    district_id=lambda registration: registration.workshop.district_id,
    context=_registrant_context,
    channel_filters={SMS: ~Q(phone=""), EMAIL: ~Q(email="")},
)


def confirmed_registrants():
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED, workshop__status=Workshop.Status.PUBLISHED
    ).select_related("workshop__district")


def attended_registrants():
    return (
        Registration.objects.filter(attended=True)
        .exclude(status=Registration.Status.CANCELLED)
        .filter(workshop__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.COMPLETED])
        .select_related("workshop__district")
    )


def _feedback_context(registration: Registration) -> dict:
    return message_context(
        registration.workshop, name=registration.name, feedback_token=feedback_token(registration.workshop_id)
    )


# --- Facilitators ---------------------------------------------------------------------------------


def _facilitator_source(*, profile_of, workshop_of, **fields) -> RelativeRule:
    def address(row, channel: str) -> str | None:
        profile = profile_of(row)
        if channel == SMS:
            return facilitator_sms_number(user=profile.user, profile=profile)
        return profile.user.email or None

    return RelativeRule(
        kind="",  # set by the MergedRule
        channels=BOTH,
        template="",
        recipient_model=User,
        recipient=lambda row: profile_of(row).user,
        address=address,
        language=lambda row: profile_of(row).user.language,
        name=lambda row: profile_of(row).user.full_name,
        district_id=lambda row: workshop_of(row).district_id,
        context=lambda row: message_context(
            workshop_of(row), name=profile_of(row).user.full_name, confirmed_count=row.confirmed_count
        ),
        **fields,
    )


def facilitator_rule(*, kind: str, label, offset: timedelta, **timing) -> MergedRule:
    """Lead facilitators (a column on the workshop) and co-facilitators (the M2M), as one kind."""
    leads = _facilitator_source(
        recipients=lambda: (
            Workshop.objects.filter(status=Workshop.Status.PUBLISHED, lead_facilitator__user__is_active=True)
            .select_related("district", "lead_facilitator__user__notification_phone")
            .annotate(confirmed_count=_confirmed_count("pk"))
        ),
        profile_of=lambda workshop: workshop.lead_facilitator,
        workshop_of=lambda workshop: workshop,
        subject=lambda workshop: workshop,
        subject_model=Workshop,
        subject_field="pk",
        recipient_field="lead_facilitator__user",
        event_field="starts_at",
        offset=offset,
        channel_filters=facilitator_channel_filters("lead_facilitator"),
        **timing,
    )
    co_facilitators = _facilitator_source(
        recipients=lambda: (
            CoFacilitation.objects.filter(
                workshop__status=Workshop.Status.PUBLISHED, ambassadorprofile__user__is_active=True
            )
            # Someone who is both lead and co-facilitator is reminded once, as the lead.
            .filter(
                Q(workshop__lead_facilitator__isnull=True)
                | ~Q(ambassadorprofile_id=F("workshop__lead_facilitator_id"))
            )
            .select_related("workshop__district", "ambassadorprofile__user__notification_phone")
            .annotate(confirmed_count=_confirmed_count("workshop_id"))
        ),
        profile_of=lambda row: row.ambassadorprofile,
        workshop_of=lambda row: row.workshop,
        subject_field="workshop",
        recipient_field="ambassadorprofile__user",
        event_field="workshop__starts_at",
        offset=offset,
        channel_filters=facilitator_channel_filters("ambassadorprofile"),
        **timing,
    )
    return MergedRule(
        kind=kind,
        label=label,
        channels=BOTH,
        template=TEMPLATES + kind.removeprefix("workshops."),
        sources=[leads, co_facilitators],
    )


# --- The rules ------------------------------------------------------------------------------------

registry.register(
    RelativeRule(
        kind=REGISTRANT_DAY_BEFORE,
        label=_("Workshop reminder, the day before"),
        channels=BOTH,
        template=TEMPLATES + "registrant_day_before",
        sensitive=True,  # the registration's own link, or the signed feedback link
        recipients=confirmed_registrants,
        offset=-timedelta(days=1),
        # Until the two-hour reminder takes over: someone registering late gets one reminder, not two.
        valid_for=timedelta(hours=22),
        occurrence_tolerance=SAME_START,
        **REGISTRANT,
    )
)
registry.register(
    RelativeRule(
        kind=REGISTRANT_TWO_HOURS,
        label=_("Workshop reminder, two hours before"),
        channels=BOTH,
        template=TEMPLATES + "registrant_two_hours",
        sensitive=True,  # the registration's own link, or the signed feedback link
        recipients=confirmed_registrants,
        offset=-timedelta(hours=2),
        occurrence_tolerance=SAME_START,
        **REGISTRANT,
    )
)
registry.register(
    RelativeRule(
        kind=FEEDBACK_REQUEST,
        label=_("Feedback request after the workshop"),
        channels=BOTH,
        template=TEMPLATES + "feedback_request",
        sensitive=True,  # the registration's own link, or the signed feedback link
        recipients=attended_registrants,
        offset=timedelta(hours=1),
        valid_for=timedelta(days=2),
        **{**REGISTRANT, "event_field": "workshop__ends_at", "context": _feedback_context},
    )
)
registry.register(
    facilitator_rule(
        kind=FACILITATOR_TWO_DAYS,
        label=_("Facilitator reminder, two days before"),
        offset=-timedelta(days=2),
        valid_for=timedelta(days=1),  # then the morning reminder takes over
    )
)
registry.register(
    facilitator_rule(
        kind=FACILITATOR_MORNING,
        label=_("Facilitator reminder, the morning of the day"),
        offset=timedelta(0),
        at_local_time=time(8),  # 08:00 Pakistan time, when quiet hours end
    )
)


# --- Notices --------------------------------------------------------------------------------------


def _registrant_item(workshop: Workshop, registration: Registration, common: dict) -> DueItem:
    addresses = {SMS: registration.phone, EMAIL: registration.email}
    return DueItem(
        recipient=registration,
        addresses={channel: address for channel, address in addresses.items() if address},
        language=registration.language,
        name=registration.name,
        context={**_registrant_context(registration), **message_context(workshop)},
        **common,
    )


def _notice_items(workshop: Workshop, registrations) -> list[DueItem]:
    """One item per person: registrants given, and the facilitators. Only channels they have."""
    now = timezone.now()
    common = {
        "subject": workshop,
        "occurrence": workshop.starts_at,
        "due_at": now,
        "expires_at": workshop.starts_at,  # a notice about a workshop that has begun is no use
        "to": None,
        "district_id": workshop.district_id,
    }
    items = [_registrant_item(workshop, registration, common) for registration in registrations]
    for profile in workshop.facilitators:
        if not profile.user.is_active:
            continue
        addresses = {
            SMS: facilitator_sms_number(user=profile.user, profile=profile),
            EMAIL: profile.user.email,
        }
        items.append(
            DueItem(
                recipient=profile.user,
                addresses={channel: address for channel, address in addresses.items() if address},
                language=profile.user.language,
                name=profile.user.full_name,
                context=message_context(workshop, name=profile.user.full_name, facilitator=True),
                **common,
            )
        )
    return items


def _workshop(workshop_id: int) -> Workshop | None:
    return (
        Workshop.objects.select_related("district", "lead_facilitator__user__notification_phone")
        .prefetch_related("co_facilitators__user__notification_phone")
        .filter(pk=workshop_id)
        .first()
    )


def _everyone(workshop: Workshop):
    return workshop.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    ).order_by("pk")


def _ahead(workshop_id: int, status: str) -> Workshop | None:
    """The workshop, if it has this status and has not begun: a notice about one that began is no use."""
    workshop = _workshop(workshop_id)
    if workshop is None or workshop.status != status or workshop.starts_at <= timezone.now():
        return None
    return workshop


def rescheduled_items(workshop_id: int) -> list[DueItem]:
    workshop = _ahead(workshop_id, Workshop.Status.PUBLISHED)
    return _notice_items(workshop, _everyone(workshop)) if workshop else []


def moved_items(workshop_id: int) -> list[DueItem]:
    """Everyone, once per move: the move's time stands for the occurrence, so a second move (a new
    `place_changed_at`) is announced again while a repeated task for the same move is not."""
    workshop = _ahead(workshop_id, Workshop.Status.PUBLISHED)
    if workshop is None or workshop.place_changed_at is None:
        return []
    return [
        replace(item, occurrence=workshop.place_changed_at)
        for item in _notice_items(workshop, _everyone(workshop))
    ]


def rescheduled_withdraw(workshop_id: int) -> int:
    """Whatever still waits for the old time never goes (the rules remind again for the new time)."""
    from notifications.services import deliveries_withdraw

    workshop = Workshop.objects.filter(pk=workshop_id).first()
    if workshop is None:
        return 0
    return deliveries_withdraw(
        subject=workshop, except_occurrence=workshop.starts_at, occurrence_tolerance=SAME_START
    )


def cancelled_items(workshop_id: int) -> list[DueItem]:
    workshop = _ahead(workshop_id, Workshop.Status.CANCELLED)
    return _notice_items(workshop, _everyone(workshop)) if workshop else []


def cancelled_withdraw(workshop_id: int) -> int:
    from notifications.services import deliveries_withdraw

    workshop = Workshop.objects.filter(pk=workshop_id).first()
    if workshop is None:
        return 0
    return deliveries_withdraw(subject=workshop, except_kinds=[CANCELLED])


def registration_link_items(registration_id: int, *, occurrence=None) -> list[DueItem]:
    """The link of a live registration, to its own number and email (never to whoever asked).

    `occurrence` is the moment it was asked for: the registration's creation for the confirmation
    (so a repeated task sends it once), the time of the request for a repeat registration."""
    registration = (
        Registration.objects.select_related("workshop__district")
        .exclude(status=Registration.Status.CANCELLED)
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return []
    workshop = registration.workshop
    if workshop.status != Workshop.Status.PUBLISHED or workshop.ends_at <= timezone.now():
        return []
    common = {
        "subject": workshop,
        "occurrence": occurrence or registration.created_at,
        "due_at": timezone.now(),
        "expires_at": workshop.ends_at,
        "to": None,
        "district_id": workshop.district_id,
    }
    return [_registrant_item(workshop, registration, common)]


def registration_link_resend(*, registration: Registration, now) -> bool:
    """Send a registration's link again (someone registered its number again), unless it went out
    PERSONAL_LINK_RESENDS_PER_DAY times in the last day. The caller holds the registration's row
    lock, so simultaneous repeats are counted one after the other. Returns whether it was sent."""
    from notifications.services import notification_send_now

    sent_today = (
        Delivery.objects.for_recipient(registration)
        .filter(kind=REGISTRATION_LINK, created_at__gt=now - timedelta(days=1))
        .values("occurrence")
        .distinct()
        .count()
    )
    if sent_today >= settings.PERSONAL_LINK_RESENDS_PER_DAY:
        return False
    items = registration_link_items(registration.pk, occurrence=now)
    if not items:
        return False
    notification_send_now(
        kind=REGISTRATION_LINK, template=TEMPLATES + "registration_link", items=items, channels_=BOTH
    )
    return True


def promoted_items(registration_id: int) -> list[DueItem]:
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return []
    workshop = registration.workshop
    if workshop.status != Workshop.Status.PUBLISHED or workshop.starts_at <= timezone.now():
        return []
    return [item for item in _notice_items(workshop, [registration]) if item.recipient == registration]


registry.register_notice(
    Notice(
        kind=RESCHEDULED,
        label=_("Workshop moved to a new time"),
        channels=BOTH,
        template=TEMPLATES + "rescheduled",
        items=rescheduled_items,
        sensitive=True,  # a registrant's email carries their registration's own link
        withdraw=rescheduled_withdraw,
    )
)
registry.register_notice(
    Notice(
        kind=MOVED,
        label=_("Workshop moved to a new place"),
        channels=BOTH,
        template=TEMPLATES + "moved",
        items=moved_items,
        sensitive=True,  # a registrant's email carries their registration's own link
    )
)
registry.register_notice(
    Notice(
        kind=CANCELLED,
        label=_("Workshop cancelled"),
        channels=BOTH,
        template=TEMPLATES + "cancelled",
        items=cancelled_items,
        withdraw=cancelled_withdraw,
    )
)
registry.register_notice(
    Notice(
        kind=REGISTRATION_LINK,
        label=_("Registration link, on registering or registering again"),
        channels=BOTH,
        template=TEMPLATES + "registration_link",
        items=registration_link_items,
        sensitive=True,  # a registrant's email carries their registration's own link
    )
)
registry.register_notice(
    Notice(
        kind=PROMOTED,
        label=_("Seat offered from the waiting list"),
        channels=BOTH,
        template=TEMPLATES + "promoted",
        items=promoted_items,
        sensitive=True,  # a registrant's email carries their registration's own link
    )
)


# --- Hooks, called by the workshops services once a change has committed ---------------------------


def workshop_changed(*, workshop_id: int, change: str) -> None:
    """`change`: created, updated, published, rescheduled, moved (a new place, same time), cancelled
    or completed (workshops/services/scheduling.py)."""
    from notifications.services import deliveries_withdraw
    from notifications.tasks import notice_send_task

    if change == "rescheduled":
        rescheduled_withdraw(workshop_id)  # at once, so no worker sends an old-time reminder meanwhile
        notice_send_task.delay(RESCHEDULED, workshop_id)
    elif change == "cancelled":
        cancelled_withdraw(workshop_id)
        notice_send_task.delay(CANCELLED, workshop_id)
    elif change == "moved":
        notice_send_task.delay(MOVED, workshop_id)
    if change in ("updated", "moved"):
        # A facilitator taken off the workshop is no longer reminded of it.
        workshop = _workshop(workshop_id)
        if workshop is not None:
            deliveries_withdraw(
                subject=workshop,
                kinds=list(FACILITATOR_KINDS),
                except_recipient_ids=[profile.user_id for profile in workshop.facilitators],
            )


def registration_changed(*, registration_id: int, change: str) -> None:
    """`change`: confirmed, waitlisted (a new registration), promoted or cancelled."""
    from notifications.services import deliveries_withdraw
    from notifications.tasks import notice_send_task

    if change == "promoted":
        notice_send_task.delay(PROMOTED, registration_id)
    elif change in ("confirmed", "waitlisted"):  # a new registration: its link, in its language
        notice_send_task.delay(REGISTRATION_LINK, registration_id)
    elif change == "cancelled":
        registration = Registration.objects.filter(pk=registration_id).first()
        if registration is not None:
            deliveries_withdraw(recipient=registration)
