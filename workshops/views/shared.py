"""What the workshops views share: who may open a page (a 404 for everyone else), and how a
service's refusal or an expired link is shown."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from accounts.selectors import user_is_coordinator
from common.http import or_404
from common.qr import qr_data_uri
from facilitators.selectors import ambassador_profile_of
from workshops import selectors
from workshops.models import Workshop
from workshops.tokens import feedback_token

PAGE_SIZE = 20  # cheap phones on slow connections: short pages


def _coordinator_only(request: HttpRequest) -> None:
    """Everyone but coordinators (and admins) gets a 404: the pages do not exist for them."""
    if not user_is_coordinator(request.user):
        raise Http404


def _coordinator_workshop(request: HttpRequest, pk: int) -> Workshop:
    """One workshop in the coordinator's scope, else 404 (never 403: existence is not disclosed)."""
    _coordinator_only(request)
    return or_404(selectors.coordinator_workshop(user=request.user, pk=pk))


def _facilitated_workshop(request: HttpRequest, pk: int) -> Workshop:
    """A workshop this user may run on the day: coordinators in scope, and its facilitators; else 404."""
    if user_is_coordinator(request.user):
        return _coordinator_workshop(request, pk)
    profile = or_404(ambassador_profile_of(request.user))
    return or_404(selectors.facilitated_workshop(profile=profile, pk=pk))


def _validation_messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _link_expired(request: HttpRequest, *, kind: str, workshop: Workshop | None) -> HttpResponse:
    """The page of a link that no longer works (410), or never did (404): what to do instead."""
    return render(
        request,
        "workshops/link_expired.html",
        {"kind": kind, "workshop": workshop},
        status=404 if workshop is None else 410,
    )


def _act(request: HttpRequest, action, success: str, **kwargs) -> None:
    try:
        action(actor=request.user, **kwargs)
    except ValidationError as error:
        for message in _validation_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, success)


def _add_errors(form, error: ValidationError) -> None:
    """A service's refusal on the form: on the field it names when it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for message in ValidationError(errors).messages:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in _validation_messages(error):
            form.add_error(None, message)


def _feedback_link(request: HttpRequest, workshop: Workshop, *, scale: int) -> dict:
    """The workshop's feedback link and its QR code, for the report and the printed handout."""
    url = request.build_absolute_uri(reverse("workshops:feedback", args=[feedback_token(workshop.pk)]))
    return {"feedback_url": url, "feedback_qr": qr_data_uri(url, scale=scale)}


def _in_language(language: str, viewname: str, *args) -> str:
    with translation.override(language):
        return reverse(viewname, args=args)
