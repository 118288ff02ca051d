"""Ambassador nudges, wired into the notifications app (docs/notifications.md, docs/ambassadors.md).

A trainee whose track has stalled (nothing submitted or completed) for AMBASSADOR_NUDGE_AFTER_DAYS
days gets one nudge, on SMS (if they have a number) and email, in their language, naming their next
step. The stall is counted from the enrolment's last progress (or the enrolment itself when there is
none yet); that time is the delivery's `occurrence`, so each stall nudges once and a trainee who
moves and then stalls again is nudged again.

Not nudged: certified ambassadors and master trainers, completed tracks, inactive accounts, and
enrolments with a step waiting for someone else's confirmation (the trainee is not the one stalled).
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from ambassadors.models import Enrolment, StepProgress, TrackStep
from ambassadors.selectors import track_state
from facilitators.contact import facilitator_channel_filters, facilitator_sms_number
from facilitators.models import AmbassadorProfile
from notifications.models import Channel
from notifications.rules import DueItem, Notice, RelativeRule, registry

SMS, EMAIL = Channel.SMS.value, Channel.EMAIL.value
TEMPLATES = "ambassadors/messages/"

STALLED_NUDGE = "ambassadors.stalled_nudge"

# A trainee stalled for longer than this past the nudge day (e.g. when nudges are first turned on,
# or after a long outage) is not nudged out of the blue.
NUDGE_VALID_FOR = timedelta(days=30)


def stalled_enrolments():
    """Unfinished enrolments of active trainees, with `stalled_since` (last progress, else enrolment)."""
    waiting = StepProgress.objects.filter(enrolment=OuterRef("pk"), status=StepProgress.Status.WAITING)
    return (
        Enrolment.objects.filter(
            completed_at__isnull=True,
            profile__level=AmbassadorProfile.Level.TRAINEE,
            profile__user__is_active=True,
            track__active=True,
        )
        .exclude(Exists(waiting))
        .annotate(stalled_since=Coalesce("last_progress_at", "enrolled_at"))
        .select_related("track", "profile__user__notification_phone")
        .prefetch_related(
            Prefetch("track__steps", queryset=TrackStep.objects.prefetch_related("prerequisites")),
            "progress",
        )
    )


def _address(enrolment: Enrolment, channel: str) -> str | None:
    profile = enrolment.profile
    if channel == SMS:
        return facilitator_sms_number(user=profile.user, profile=profile)
    return profile.user.email or None


def _context(enrolment: Enrolment) -> dict:
    state = track_state(enrolment)  # prefetched: no query
    next_step = state.next_step
    return {
        "name": enrolment.profile.user.full_name,
        "track": enrolment.track,
        "step": next_step.step if next_step else None,
        "completed": state.completed,
        "total": state.total,
    }


class StallRule(RelativeRule):
    """A RelativeRule whose offset is read from settings at scan time (tests and operators may change it)."""

    @property
    def offset(self) -> timedelta:
        return timedelta(days=settings.AMBASSADOR_NUDGE_AFTER_DAYS)

    @offset.setter
    def offset(self, value: timedelta) -> None:
        pass  # always the setting


stalled_nudge = registry.register(
    StallRule(
        kind=STALLED_NUDGE,
        label=_("Training nudge, track stalled"),
        channels=(SMS, EMAIL),
        template=TEMPLATES + "stalled_nudge",
        recipients=stalled_enrolments,
        subject_field="pk",
        subject_model=Enrolment,
        subject=lambda enrolment: enrolment,
        event_field="stalled_since",
        offset=timedelta(0),  # replaced by the setting
        valid_for=NUDGE_VALID_FOR,
        recipient_field="profile__user",
        recipient_model=User,
        recipient=lambda enrolment: enrolment.profile.user,
        address=_address,
        language=lambda enrolment: enrolment.profile.user.language,
        name=lambda enrolment: enrolment.profile.user.full_name,
        district_id=lambda enrolment: enrolment.profile.district_id,
        context=_context,
        channel_filters=facilitator_channel_filters("profile"),
    )
)


# --- Messages to applicants -------------------------------------------------------------------------
#
# Like every other message they go through the delivery log (quiet hours hold for SMS, each text is
# kept to one or two segments, a failure is retried and shown): the confirmation of an application
# with its reference (and the same reference again, at most PERSONAL_LINK_RESENDS_PER_DAY times a day,
# when someone applies again with the number), and the decision. The reference and the approval's
# set-your-password link are secrets: the delivery log never shows those texts and empties them once
# sent (`Notice.sensitive`). The approval's SMS says only that the link is in the email.

APPLICATION_RECEIVED = "ambassadors.application_received"
APPLICATION_APPROVED = "ambassadors.application_approved"
APPLICATION_DECLINED = "ambassadors.application_declined"
APPLICATION_KINDS = {
    "received": APPLICATION_RECEIVED,
    "approved": APPLICATION_APPROVED,
    "declined": APPLICATION_DECLINED,
}


def application_items(application, *, occurrence, link: str = "") -> list[DueItem]:
    """The message to an applicant, at the number and email of the application (never elsewhere)."""
    addresses = {SMS: application.phone, EMAIL: application.email}
    return [
        DueItem(
            recipient=application,
            subject=application,
            occurrence=occurrence,
            due_at=timezone.now(),
            to=None,
            addresses={channel: address for channel, address in addresses.items() if address},
            language=application.language,
            name=application.full_name,
            district_id=application.district_id,
            context={"application": application, "name": application.full_name, "link": link},
        )
    ]


def _application_notice(kind: str, label, *, sensitive: bool = False) -> Notice:
    return registry.register_notice(
        Notice(
            kind=APPLICATION_KINDS[kind],
            label=label,
            channels=(SMS, EMAIL),
            template=TEMPLATES + kind,
            items=lambda object_id: [],  # sent by ambassadors.services.application_message_send
            sensitive=sensitive,
        )
    )


# The reference lets whoever holds it ask about the application; the approval carries the link.
_application_notice("received", _("Application received, with its reference"), sensitive=True)
_application_notice("approved", _("Application approved, with the set-your-password link"), sensitive=True)
_application_notice("declined", _("Application declined"))
