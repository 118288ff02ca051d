"""Workshops with registrants and facilitators, as the reminder tests need them."""

from datetime import datetime, timedelta

from django.utils import timezone

from accounts.models import User
from notifications.models import Delivery, UserPhone
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration


def facilitator(*, language: str = "ur", user_phone: str | None = None, profile_phone: str = "", **fields):
    profile = AmbassadorProfileFactory(phone=profile_phone, user__language=language, **fields)
    if user_phone:
        UserPhone.objects.create(user=profile.user, phone=user_phone)
    return profile


def workshop_with(
    *,
    starts_at: datetime | None = None,
    registrants: int = 3,
    language: str = "ur",
    email: bool = False,
    lead=None,
    co_facilitators=(),
    **fields,
):
    """A published workshop with `registrants` confirmed people (SMS numbers; email if asked)."""
    starts_at = starts_at or timezone.now() + timedelta(hours=2) - timedelta(minutes=1)
    lead = lead or facilitator(user_phone="+923331112222")
    workshop = WorkshopFactory(
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), lead_facilitator=lead, **fields
    )
    workshop.co_facilitators.set(co_facilitators)
    for index in range(registrants):
        RegistrationFactory(
            workshop=workshop,
            language=language,
            email=f"person{index}@example.pk" if email else "",
        )
    return workshop


def registrant_deliveries(kind: str | None = None):
    queryset = Delivery.objects.filter(recipient_type__model="registration")
    return queryset.filter(kind=kind) if kind else queryset


def facilitator_deliveries(kind: str | None = None):
    queryset = Delivery.objects.filter(recipient_type__model=User._meta.model_name)
    return queryset.filter(kind=kind) if kind else queryset


def registrations(workshop) -> list[Registration]:
    return list(workshop.registrations.order_by("pk"))


def sent_text(delivery: Delivery) -> str:
    """What the person received for this delivery: the SMS the file backend wrote, or the email in the
    test outbox (found by the reference each message carries). The log itself keeps no text of a
    message that carried a secret link once it has gone."""
    import json
    from pathlib import Path

    from django.conf import settings
    from django.core import mail

    if delivery.channel == "sms":
        for line in Path(settings.SMS_FILE_PATH).read_text().splitlines():
            sms = json.loads(line)
            if sms.get("reference") == delivery.reference:
                return sms["body"]
    else:
        for email in mail.outbox:
            if email.extra_headers.get("X-Hifazat-Delivery") == delivery.reference:
                return email.subject + "\n" + email.body
    raise AssertionError(f"{delivery.reference} was not sent")
