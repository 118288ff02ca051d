"""Demo for `make run`: an announcement to the demo ambassador falls due right after start-up, and
a registrant of the demo workshop that starts in about two hours (workshops/demo.py) gets its
"two hours before" reminder, as the lead facilitator gets hers on the morning of the day.

The worker prints the SMS and the email on the console within a minute (beat scans every minute).
Idempotent: while the demo announcement is still ahead, loading again changes nothing; once it has
gone out, the next `make run` moves it to now, and it goes out again for the new time.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from notifications.models import Announcement, UserPhone
from notifications.quiet_hours import in_quiet_hours
from regions.models import District

ORDER = 90
DEMO_PHONE = "+923001234567"
DEMO_MARK = "[demo]"


@transaction.atomic
def load() -> list[str]:
    ambassador = User.objects.filter(email="ambassador@hifazat.example").first()
    coordinator = User.objects.filter(email="coordinator@hifazat.example").first()
    district = District.objects.filter(name_en="Karachi Central").first()
    if not (ambassador and district):
        return []
    UserPhone.objects.get_or_create(user=ambassador, defaults={"phone": DEMO_PHONE})
    soon = timezone.now() + timedelta(seconds=20)
    announcement = Announcement.objects.filter(message_en__startswith=DEMO_MARK).first()
    if announcement is None:
        announcement = Announcement.objects.create(
            district=district,
            created_by=coordinator,
            send_at=soon,
            message_en=f"{DEMO_MARK} Welcome to Hifazat! Your first training is on Saturday at 10:00.",
            message_ur="خوش آمدید! آپ کی پہلی تربیت ہفتے کو صبح دس بجے ہے۔",
            message_sd="ڀلي ڪري آيا! توهان جي پهرين تربيت ڇنڇر تي صبح ڏهين وڳي آهي.",
            message_ps="ښه راغلاست! ستاسو لومړی روزنه د شنبې په ورځ سهار لس بجې ده.",
        )
    elif announcement.send_at <= timezone.now():
        announcement.send_at = soon
        announcement.cancelled_at = None
        announcement.save(update_fields=["send_at", "cancelled_at"])
    lines = _workshop_registrant()
    lines += [
        "Notifications: an announcement to the demo ambassador is due at "
        f"{timezone.localtime(announcement.send_at):%H:%M:%S}; within a minute the worker prints its SMS "
        "and email on this console. The delivery log is at /en/notifications/ (sign in as the coordinator)."
    ]
    if in_quiet_hours(announcement.send_at):
        lines.append(
            "  It is quiet hours in Pakistan (21:00-08:00): the email goes now, the SMS waits until 08:00."
        )
    return lines


DEMO_REGISTRANT_PHONE = "+923007654321"


def _workshop_registrant() -> list[str]:
    """A registrant (Urdu, with an email) for the demo workshop starting in about two hours."""
    from workshops.models import Workshop
    from workshops.services import DuplicateRegistration, registration_create

    workshop = (
        Workshop.objects.published()
        .filter(starts_at__gt=timezone.now(), starts_at__lte=timezone.now() + timedelta(hours=2))
        .order_by("starts_at")
        .first()
    )
    if workshop is None:
        return []
    try:
        registration_create(
            workshop=workshop,
            name="عائشہ خان",
            phone=DEMO_REGISTRANT_PHONE,
            email="registrant@hifazat.example",
            language="ur",
            consent=True,
        )
    except DuplicateRegistration:
        pass
    return [
        f"Notifications: the demo workshop “{workshop.title}” starts at "
        f"{timezone.localtime(workshop.starts_at):%H:%M}; its registrant's two-hour reminder (SMS in Urdu "
        "and email) prints on this console within a minute."
    ]
