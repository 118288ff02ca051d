"""Test data for notifications: ambassadors with SMS numbers (in bulk) and announcements."""

import itertools
from datetime import datetime

from django.utils import timezone

from accounts.models import User
from notifications import services
from notifications.models import Announcement, UserPhone
from regions.models import District
from tests import factories

_serial = itertools.count(1)


def karachi() -> District:
    return factories.district("Karachi Central")


def ambassadors(
    count: int, *, district: District | None = None, language: str = "ur", phone: bool = True
) -> list[User]:
    """`count` ambassadors working in `district` (default Karachi Central), each with an SMS number."""
    district = district or karachi()
    batch = next(_serial)
    users = User.objects.bulk_create(
        [
            User(
                email=f"ambassador-{batch}-{index}@hifazat.test",
                full_name=f"سفیر {index}",
                role=User.Role.AMBASSADOR,
                province_id=district.province_id,
                language=language,
                password="!",  # noqa: S106 - unusable password
            )
            for index in range(count)
        ]
    )
    User.districts.through.objects.bulk_create(
        [User.districts.through(user_id=user.pk, district_id=district.pk) for user in users]
    )
    if phone:
        UserPhone.objects.bulk_create(
            [UserPhone(user=user, phone=f"+9230{batch % 10}{index:07d}") for index, user in enumerate(users)]
        )
    return users


def announcement(
    *,
    district: District | None = None,
    send_at: datetime | None = None,
    messages: dict[str, str] | None = None,
    send_sms: bool = True,
    send_email: bool = True,
    by: User | None = None,
) -> Announcement:
    return services.announcement_create(
        by=by,
        district=district or karachi(),
        messages=messages or {"ur": "کل صبح دس بجے تربیت ہے۔", "en": "Training tomorrow at 10."},
        send_at=send_at or timezone.now(),
        send_sms=send_sms,
        send_email=send_email,
    )


def delivery(*, district: District | None = None, status: str = "failed", channel: str = "sms", **fields):
    """A delivery row as the scan would write it: an announcement SMS to one ambassador."""
    from django.contrib.contenttypes.models import ContentType

    from notifications.models import Delivery

    district = district or karachi()
    [user] = ambassadors(1, district=district)
    subject = announcement(district=district)
    now = timezone.now()
    values = {
        "recipient_type": ContentType.objects.get_for_model(user),
        "recipient_id": user.pk,
        "subject_type": ContentType.objects.get_for_model(subject),
        "subject_id": subject.pk,
        "kind": "notifications.announcement",
        "channel": channel,
        "occurrence": subject.send_at,
        "district": district,
        "to": "+923001234567" if channel == "sms" else user.email,
        "recipient_name": user.full_name,
        "language": "ur",
        "body": "حفاظت: کل صبح دس بجے تربیت ہے۔",
        "segments": 1 if channel == "sms" else 0,
        "encoding": "UCS-2" if channel == "sms" else "",
        "status": status,
        "due_at": now,
        "send_after": now,
        "last_error": "gateway answered 503" if status == "failed" else "",
        **fields,
    }
    return Delivery.objects.create(**values)
