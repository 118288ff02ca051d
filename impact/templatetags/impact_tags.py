import datetime

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from impact.tables import WITHHELD

register = template.Library()


@register.filter
def impact_cell(value):
    """A table cell: figures as they are, suppressed counts said in words.

    A cell holding only digits (with grouping commas or a decimal point) reads left to right in a
    right-to-left page without help; only a minus sign would jump to the other side, so negative
    figures alone are isolated. Saves ~17 bytes on each of the dashboard's hundreds of cells."""
    if value is None:
        return format_html('<span class="suppressed">{}</span>', _("fewer than 5"))
    if value is WITHHELD:
        return format_html('<span class="suppressed">{}</span>', _("not shown"))
    if isinstance(value, bool):
        return _("Yes") if value else "—"
    if isinstance(value, (int, float)):
        decimals = 0 if float(value).is_integer() else 1
        text = number_format(value, decimal_pos=decimals, force_grouping=True)
        return format_html('<bdi dir="ltr">{}</bdi>', text) if value < 0 else text
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@register.filter
def impact_plain(value):
    """A cell as plain text (emails): numbers in the page language's format, hidden counts in words."""
    from impact.tables import cell_text

    if isinstance(value, (int, float)) and not isinstance(value, bool):
        decimals = 0 if float(value).is_integer() else 1
        return number_format(value, decimal_pos=decimals, force_grouping=True)
    return cell_text(value)
