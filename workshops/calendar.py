"""iCalendar (.ics) for one workshop and for an ambassador's private feed (icalendar library)."""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from workshops.models import Workshop

KARACHI = ZoneInfo(settings.TIME_ZONE)


def _event(workshop: Workshop, *, url: str, host: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"workshop-{workshop.pk}@{host}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", workshop.starts_at.astimezone(KARACHI))
    event.add("dtend", workshop.ends_at.astimezone(KARACHI))
    event.add("summary", workshop.title)
    location = ", ".join(part for part in (workshop.address, workshop.town, str(workshop.district)) if part)
    event.add("location", location)
    if workshop.description:
        event.add("description", workshop.description)
    event.add("url", url)
    event.add(
        "status",
        "CANCELLED" if workshop.status == Workshop.Status.CANCELLED else "CONFIRMED",
    )
    event.add("sequence", int(workshop.updated_at.timestamp()) % 2_000_000_000)
    return event


def workshops_calendar(workshops: Iterable[Workshop], *, urls: dict[int, str], host: str, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Hifazat//Workshops//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for workshop in workshops:
        calendar.add_component(_event(workshop, url=urls[workshop.pk], host=host))
    calendar.add_missing_timezones()
    return calendar.to_ical()
