"""Applications: received without an account, approved into an account (the person sets their own
password from a link) or declined with a reason."""

import logging

from allauth.account.models import EmailAddress
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.models import User
from ambassadors.models import AmbassadorProfile, Application, Track
from ambassadors.services.training import enrolment_create

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


def application_submit(**fields) -> tuple[Application, bool]:
    """Save an application, or recognise one already received for the same phone number.

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
    _queue_message(application.pk, "approved", base_url)
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
    _queue_message(application.pk, "approved", base_url)


def _queue_message(application_id: int, kind: str, base_url: str) -> None:
    from ambassadors.tasks import application_message_send_task

    transaction.on_commit(lambda: application_message_send_task.delay(application_id, kind, base_url))


def application_message_send(*, application_id: int, kind: str, base_url: str) -> list[str]:
    """Email and SMS in the applicant's language, straight through the channels (not the delivery log:
    the approval message carries a one-time sign-in link that nobody else should be able to read).
    Returns the channels that went out."""
    from notifications.channels import DeliveryError, send

    application = Application.objects.select_related("profile__user").get(pk=application_id)
    language = application.language
    context = {"application": application, "name": application.full_name}
    if kind == "approved":
        user = application.profile.user
        if user.has_usable_password():
            return []  # already signed up: an old queued message must not send a new link
        context["link"] = base_url.rstrip("/") + welcome_path(user, language)
    sent = []
    with translation.override(language):
        sms = render_to_string(f"ambassadors/messages/{kind}.sms.txt", context).strip()
        subject = " ".join(
            render_to_string(f"ambassadors/messages/{kind}.email_subject.txt", context).split()
        )
        body = render_to_string(f"ambassadors/messages/{kind}.email.txt", context).strip()
    for channel, address, text in (("email", application.email, body), ("sms", application.phone, sms)):
        if not address:
            continue
        try:
            send(
                channel=channel,
                to=address,
                subject=subject,
                body=text,
                language=language,
                reference=f"amb-{application.pk}-{kind}",
            )
        except DeliveryError as error:
            logger.warning(
                "ambassadors: %s %s message for application %s failed: %s",
                kind,
                channel,
                application.pk,
                error,
            )
            continue
        sent.append(channel)
    return sent
