import datetime

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from impact.tables import WITHHELD

register = template.Library()


@register.filter
def impact_cell(value):
    """A table cell: figures isolated left-to-right, suppressed counts said in words."""
    if value is None:
        return format_html('<span class="suppressed">{}</span>', _("fewer than 5"))
    if value is WITHHELD:
        return format_html('<span class="suppressed">{}</span>', _("not shown"))
    if isinstance(value, bool):
        return _("Yes") if value else "—"
    if isinstance(value, (int, float)):
        decimals = 0 if float(value).is_integer() else 1
        return format_html(
            '<bdi dir="ltr">{}</bdi>', number_format(value, decimal_pos=decimals, force_grouping=True)
        )
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
