"""This app's own rule: announcements coordinators schedule for the ambassadors of a district."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q, Value
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from notifications.models import Announcement, Channel
from notifications.rules import DueItem, Notice, ReminderRule, registry

# An announcement nobody could be sent within a day (a long outage) is not sent late.
ANNOUNCEMENT_VALID_FOR = timedelta(days=1)
ANNOUNCEMENTS_PER_BATCH = 20


def ambassadors_of(district):
    """Active ambassadors working in `district`: chosen for it, or province-wide in its province."""
    chosen = User.districts.through.objects.filter(user_id=OuterRef("pk"))
    return User.objects.filter(role=User.Role.AMBASSADOR, is_active=True).filter(
        Q(districts=district) | (Q(province_id=district.province_id) & ~Exists(chosen))
    )


CHANNEL_FILTERS = {
    Channel.SMS: Q(notification_phone__sms_enabled=True),
    Channel.EMAIL: ~Q(email=""),
}


def _address(user, channel: str) -> str | None:
    if channel == Channel.SMS:
        phone = getattr(user, "notification_phone", None)
        return phone.phone if phone and phone.sms_enabled else None
    return user.email or None


class AnnouncementRule(ReminderRule):
    kind = "notifications.announcement"
    label = _("Announcement to ambassadors")
    channels = (Channel.SMS, Channel.EMAIL)
    template = "notifications/messages/announcement"

    def due(self, *, now: datetime, channel: str, limit: int) -> list[DueItem]:
        flag = "send_sms" if channel == Channel.SMS else "send_email"
        announcements = (
            Announcement.objects.filter(
                send_at__lte=now,
                send_at__gt=now - ANNOUNCEMENT_VALID_FOR,
                cancelled_at__isnull=True,
                **{flag: True},
            )
            .select_related("district")
            .order_by("send_at", "pk")[:ANNOUNCEMENTS_PER_BATCH]
        )
        items: list[DueItem] = []
        for announcement in announcements:  # one query each, at most ANNOUNCEMENTS_PER_BATCH
            if len(items) >= limit:
                break
            users = (
                ambassadors_of(announcement.district)
                .filter(CHANNEL_FILTERS[channel])
                .exclude(
                    self.already_delivered(
                        recipient_model=User,
                        subject_model=Announcement,
                        channel=channel,
                        recipient=OuterRef("pk"),
                        subject=Value(announcement.pk),
                        occurrence=Value(announcement.send_at),
                    )
                )
                .select_related("notification_phone")
                .order_by("pk")[: limit - len(items)]
            )
            for user in users:
                items.append(
                    DueItem(
                        recipient=user,
                        subject=announcement,
                        occurrence=announcement.send_at,
                        due_at=announcement.send_at,
                        expires_at=announcement.send_at + ANNOUNCEMENT_VALID_FOR,
                        to=_address(user, channel),
                        language=user.language,
                        name=user.full_name,
                        district_id=announcement.district_id,
                        context={"announcement": announcement, "name": user.full_name},
                    )
                )
        return items


registry.register(AnnouncementRule())


# --- Account emails -----------------------------------------------------------------------------------
#
# django-allauth's password-reset and address-confirmation emails go through the delivery log like every
# message (config/account_adapter.py writes the text allauth rendered: services.email_written_send).
# Their text carries a secret key: never shown in the log, emptied once sent.

ACCOUNT_EMAIL = "accounts.email"

registry.register_notice(
    Notice(
        kind=ACCOUNT_EMAIL,
        label=_("Account email (password reset or address confirmation)"),
        channels=(Channel.EMAIL,),
        template="",  # allauth's own templates wrote the text
        items=lambda object_id: [],
        sensitive=True,
    )
)
