"""What views share when they turn a read into a response."""

from typing import TypeVar

from django.http import Http404

T = TypeVar("T")


def or_404(found: T | None) -> T:
    """What a selector found, else a 404.

    Selectors return data or None and never raise Http404 (a task or a command can use them too);
    the view decides that "nothing in your scope" is a 404, never a 403, so outsiders learn nothing.
    """
    if found is None:
        raise Http404
    return found
