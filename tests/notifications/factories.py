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
