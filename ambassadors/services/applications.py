"""Applications: received without an account, approved into an account (the person sets their own
password from a link) or declined with a reason."""

import datetime
import logging

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.models import User
from ambassadors.models import Application, Track
from ambassadors.services.training import enrolment_create
from facilitators.models import AmbassadorProfile
from notifications.rules import registry

logger = logging.getLogger(__name__)

APPLICATION_FIELDS = {
    "full_name",
    "phone",
    "email",
    "district",
    "province",
    "district_other",
    "gender",
    "languages_spoken",
    "languages_taught",
    "background",
    "organisation",
    "motivation",
    "availability",
    "consent",
    "language",
}


@transaction.atomic
def application_submit(**fields) -> tuple[Application, bool]:
    """Save an application (its reference then goes to the applicant by SMS and email), or recognise
    one already received for the same phone number (the caller sends its reference again to that
    number: `application_reference_resend`; nothing about it is shown to whoever applied).

    Returns (application, created). A person whose earlier application was declined may apply again.
    """
    unknown = set(fields) - APPLICATION_FIELDS
    if unknown:
        raise TypeError(f"unknown application fields: {sorted(unknown)}")
    if not fields.get("consent"):
        raise ValidationError(_("Please agree to how we use your details, so that we can contact you."))
    existing = Application.objects.live().filter(phone=fields["phone"]).first()
    if existing is not None:
        return existing, False
    if fields.get("district") is not None:
        fields["province"] = fields["district"].province
    application = Application(**fields)
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # the same number sent twice at the same moment
        return Application.objects.live().get(phone=fields["phone"]), False
    _queue_message(application.pk, "received", "")
    return application, True


def welcome_path(user: User, language: str) -> str:
    """The set-your-password link (Django's password-reset token: it stops working once used)."""
    with translation.override(language):
        return reverse(
            "ambassadors:welcome",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )


@transaction.atomic
def application_approve(*, application: Application, actor, email: str = "", base_url: str) -> Application:
    """Creates the ambassador's account (no password yet), a trainee profile, enrols them in the
    default track, and, once committed, sends the set-your-password link in their language."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("district__province", "province")
        .get(pk=application.pk)
    )
    if application.status != Application.Status.PENDING:
        raise ValidationError(_("This application has already been decided."))
    email = (email or application.email or "").strip().lower()
    if not email:
        raise ValidationError(
            _("This applicant gave no email address. Ask them for one: it is how they will sign in.")
        )
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("An account with this email address already exists."))
    user = User(
        email=email,
        full_name=application.full_name,
        role=User.Role.AMBASSADOR,
        language=application.language,
        province=application.district.province if application.district else application.province,
    )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    profile = AmbassadorProfile.objects.create(
        user=user,
        level=AmbassadorProfile.Level.TRAINEE,
        languages=list(application.languages_taught),
        languages_spoken=list(application.languages_spoken),
        district=application.district,
        gender=application.gender,
        phone=application.phone,
        background=application.background,
        organisation=application.organisation,
        availability=list(application.availability),
        certificate_language=application.language,
    )
    from notifications.services import user_phone_set

    user_phone_set(user=user, phone=application.phone, sms_enabled=True)
    default_track = Track.objects.active().filter(is_default=True).first()
    if default_track is not None:
        enrolment_create(profile=profile, track=default_track)
    application.status = Application.Status.APPROVED
    application.email = email
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.profile = profile
    application.save(update_fields=["status", "email", "decided_by", "decided_at", "profile", "updated_at"])
    _queue_message(application.pk, "approved", base_url, occurrence=timezone.now())
    return application


@transaction.atomic
def application_decline(*, application: Application, actor, reason: str) -> Application:
    """The reason stays with the coordinators; the applicant gets a polite notice in their language."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.PENDING:
        raise ValidationError(_("This application has already been decided."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for declining."))
    application.status = Application.Status.DECLINED
    application.decision_reason = reason[:1000]
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decision_reason", "decided_by", "decided_at", "updated_at"])
    _queue_message(application.pk, "declined", "")
    return application


def application_invitation_resend(*, application: Application, base_url: str) -> None:
    """A new link (the old one still works until the password is set or it expires)."""
    if application.status != Application.Status.APPROVED or application.profile is None:
        raise ValidationError(_("Only an approved application has an invitation."))
    if application.profile.user.has_usable_password():
        raise ValidationError(_("This ambassador has already set a password."))
    _queue_message(application.pk, "approved", base_url, occurrence=timezone.now())


def _queue_message(application_id: int, kind: str, base_url: str, occurrence=None) -> None:
    """Queue the message once this commits. `occurrence` (the moment it is about; default the
    decision) makes a repeated task write it once and a resent invitation a new message."""
    from ambassadors.tasks import application_message_send_task

    stamp = occurrence.isoformat() if occurrence else None
    transaction.on_commit(lambda: application_message_send_task.delay(application_id, kind, base_url, stamp))


def application_message_send(
    *, application_id: int, kind: str, base_url: str, occurrence: datetime.datetime | None = None
) -> int:
    """Write the message (received, approved, declined) to the applicant's number and email, in their
    language, into the delivery log, which sends it (quiet hours, retries, one or two SMS segments).
    Idempotent for one `occurrence`. Returns how many deliveries were written."""
    from ambassadors import reminders
    from notifications.services import notification_send_now

    application = Application.objects.select_related("profile__user").get(pk=application_id)
    link = ""
    if kind == "approved":
        user = application.profile.user
        if user.has_usable_password():
            return 0  # already signed up: an old queued message must not send a new link
        link = base_url.rstrip("/") + welcome_path(user, application.language)
    if occurrence is None:
        occurrence = application.created_at if kind == "received" else application.decided_at
    notice = registry.notice(reminders.APPLICATION_KINDS[kind])
    return notification_send_now(
        kind=notice.kind,
        template=notice.template,
        items=reminders.application_items(application, occurrence=occurrence, link=link),
        channels_=notice.channels,
    )


@transaction.atomic
def application_reference_resend(*, application: Application) -> bool:
    """Someone applied again with a number that has a live application: its reference goes to the
    application's own number and email (whoever asked sees the same page as a new applicant), at most
    PERSONAL_LINK_RESENDS_PER_DAY times a day. The row lock counts simultaneous repeats one by one.
    Returns whether it was sent."""
    from ambassadors import reminders
    from notifications.models import Delivery

    application = Application.objects.select_for_update().get(pk=application.pk)
    now = timezone.now()
    sent_today = (
        Delivery.objects.for_recipient(application)
        .filter(kind=reminders.APPLICATION_RECEIVED, created_at__gt=now - datetime.timedelta(days=1))
        .values("occurrence")
        .distinct()
        .count()
    )
    if sent_today >= settings.PERSONAL_LINK_RESENDS_PER_DAY:
        return False
    application_message_send(application_id=application.pk, kind="received", base_url="", occurrence=now)
    return True
