"""Filters for message templates (SMS and email): Pakistan time in the recipient's language, short
fields, and absolute links.

Messages are rendered inside `translation.override(recipient language)` (rules.message_render), so
everything here uses the active language. Django has no Sindhi or Pashto catalog for day and month
names; days come from our own catalog (context "weekday") and dates are written in digits (28/11),
as Pakistani phones show them, so no English word slips into an Urdu, Sindhi or Pashto SMS.
"""

from datetime import datetime

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import pgettext

from notifications.quiet_hours import KARACHI

register = template.Library()


def weekday_name(weekday: int) -> str:
    """Monday is 0, as datetime.weekday()."""
    return [
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    ][weekday]


@register.filter
def message_when(value: datetime | None, style: str = "short") -> str:
    """`Saturday 28/11, 14:30` ("short"), with the year ("long"), or only `14:30` ("time"), in
    Pakistan time and the active language."""
    if not value:
        return ""
    local = value.astimezone(KARACHI)
    clock = f"{local:%H:%M}"
    if style == "time":
        return clock
    date = f"{local.day}/{local.month}" if style == "short" else f"{local.day}/{local.month}/{local.year}"
    return pgettext("message date", "%(weekday)s %(date)s, %(time)s") % {
        "weekday": weekday_name(local.weekday()),
        "date": date,
        "time": clock,
    }


@register.filter
def trim(value, length: int) -> str:
    """At most `length` characters (an ellipsis marks a cut): keeps SMS within their segments."""
    return Truncator(str(value or "")).chars(int(length))


@register.simple_tag
def site_url(name: str, *args) -> str:
    """The absolute address of the URL named `name`, in the active language (SITE_URL + path)."""
    return settings.SITE_URL + reverse(name, args=args)
