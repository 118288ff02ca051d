"""Small-cell suppression: any count under 5 is never shown (DESIGN.md, Confidential reporting)."""

from django.utils.translation import gettext as _

THRESHOLD = 5


def suppress(count: int | None) -> int | None:
    """The count if it is safe to show, else None."""
    if count is None or count < THRESHOLD:
        return None
    return count


def shown(count: int | None) -> str:
    """What a table cell or CSV shows: the number, or "fewer than 5"."""
    safe = suppress(count)
    return _("fewer than 5") if safe is None else str(safe)
