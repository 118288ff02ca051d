"""The public pages: the list, a workshop, registering, and the pages signed links open without an
account (a registrant's own page, feedback)."""

import secrets
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from common.http import or_404
from common.pagecache import public_page
from common.phone import display_phone
from common.ratelimit import fingerprint
from workshops import fragments, ratelimit, selectors, services
from workshops.calendar import workshops_calendar
from workshops.forms import FeedbackForm, PublicFilterForm, RegistrationForm
from workshops.models import Workshop
from workshops.tokens import (
    registration_id_from_token,
    registration_link_expires_at,
    workshop_id_from_feedback_token,
    workshop_links_expire_at,
)
from workshops.views.shared import PAGE_SIZE, _link_expired, _validation_messages

FEEDBACK_DEVICE_COOKIE = "hifazat_feedback"
FEEDBACK_DEVICE_COOKIE_AGE = 60 * 24 * 3600  # long enough to outlast the feedback link


@public_page(query=("district", "language", "topic", "audience", "date_from", "date_to", "page"))
def workshop_list(request: HttpRequest) -> HttpResponse:
    """The public list. Its results are cached per language and query until any workshop or
    registration changes: rendering twenty cards costs far more than everything else on the page."""
    form = PublicFilterForm(request.GET or None)

    def render_results() -> str:
        filters = selectors.PublicFilters()
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            filters = selectors.PublicFilters(
                district=data["district"],
                language=data["language"],
                topic=data["topic"],
                audience=data["audience"],
                date_from=data["date_from"],
                date_to=data["date_to"],
            )
        page = Paginator(selectors.public_workshops(filters=filters), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        query = request.GET.copy()
        query.pop("page", None)
        return render_to_string(
            "workshops/_results.html",
            {"page": page, "workshops": page.object_list, "query": query.urlencode()},
        )

    language = translation.get_language()
    results = fragments.public_list_results(
        language=language, query=request.GET.urlencode(), render=render_results
    )
    if form.is_bound:
        form_html = form.render()
    else:
        form_html = fragments.public_filter_form(language=language, render=form.render)
    return render(request, "workshops/list.html", {"form": form, "form_html": form_html, "results": results})


def _share_text(request: HttpRequest, workshop: Workshop) -> str:
    when = timezone.localtime(workshop.starts_at)
    from django.utils.formats import date_format

    return _(
        "Free digital safety workshop: “%(title)s”, %(date)s at %(time)s, %(place)s. Register: %(url)s"
    ) % {
        "title": workshop.title,
        "date": date_format(when, "DATE_FORMAT"),
        "time": date_format(when, "TIME_FORMAT"),
        "place": workshop.town,
        "url": request.build_absolute_uri(reverse("workshops:detail", args=[workshop.pk])),
    }


@public_page
def workshop_detail(request: HttpRequest, pk: int, form: RegistrationForm | None = None) -> HttpResponse:
    workshop = or_404(selectors.public_workshop(pk=pk))
    from django.utils.translation import get_language

    form = form or RegistrationForm(initial={"language": get_language()})
    share_text = _share_text(request, workshop)
    return render(
        request,
        "workshops/detail.html",
        {
            "workshop": workshop,
            "modules": selectors.modules_for_page(workshop=workshop, language=get_language()),
            "form": form,
            "share_text": share_text,
            "whatsapp_url": "https://wa.me/?text=" + quote(share_text),
        },
        status=400 if form.is_bound else 200,
    )


def workshop_ics(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = or_404(selectors.public_workshop(pk=pk))
    url = request.build_absolute_uri(reverse("workshops:detail", args=[pk]))
    body = workshops_calendar([workshop], urls={pk: url}, host=request.get_host(), name=workshop.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="workshop-{pk}.ics"'
    return response


def workshop_register(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = or_404(selectors.public_workshop(pk=pk))
    if request.method != "POST":
        return redirect("workshops:detail", pk=pk)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return workshop_detail(request, pk, form=form)
    attempt = ratelimit.attempt(ratelimit.registration_limit(workshop.pk), request)
    if not attempt.allowed:
        form.add_error(
            None, _("Too many registrations came from this connection. Please try again in an hour.")
        )
        response = workshop_detail(request, pk, form=form)
        response.status_code = 429
        return response
    data = form.cleaned_data
    try:
        services.registration_create(
            workshop=workshop,
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            language=data["language"],
            consent=data["consent"],
        )
    except services.DuplicateRegistration as duplicate:
        # The link goes to the number's owner; whoever typed it sees what a new registrant sees.
        services.registration_link_resend(registration=duplicate.registration)
    except ValidationError as error:
        attempt.refund()
        for message in _validation_messages(error):
            form.add_error(None, message)
        return workshop_detail(request, pk, form=form)
    return redirect("workshops:registered", pk=pk)


@never_cache
def registered(request: HttpRequest, pk: int) -> HttpResponse:
    """After registering: the same page for a new registration and a number already registered, so
    nobody learns from it whether a number is registered. The link arrives by SMS (and email)."""
    workshop = or_404(selectors.public_workshop(pk=pk))
    return render(request, "workshops/registered.html", {"workshop": workshop})


@never_cache
def registration_view(request: HttpRequest, token: str) -> HttpResponse:
    """The registrant's own page (signed link, no account): see the status, cancel."""
    registration = selectors.registration_for_link(pk=registration_id_from_token(token))
    if registration is None:
        return _link_expired(request, kind="registration", workshop=None)
    workshop = registration.workshop
    if (
        workshop.personal_data_shredded_at is not None
        or registration_link_expires_at(workshop) <= timezone.now()
    ):
        return _link_expired(request, kind="registration", workshop=workshop)
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return redirect("workshops:registration", token=token)
    return render(
        request,
        "workshops/registration.html",
        {
            "registration": registration,
            "workshop": registration.workshop,
            "position": selectors.waitlist_position(registration=registration),
            "phone": display_phone(registration.phone),
        },
    )


def feedback(request: HttpRequest, token: str) -> HttpResponse:
    workshop = selectors.workshop_for_link(pk=workshop_id_from_feedback_token(token))
    if workshop is None or workshop_links_expire_at(workshop) <= timezone.now():
        return _link_expired(request, kind="feedback", workshop=workshop)
    if not selectors.feedback_is_open(workshop=workshop):
        return render(request, "workshops/feedback_not_open.html", {"workshop": workshop})
    # One answer per phone: the page leaves a random token in the browser; only its HMAC is stored.
    token = request.COOKIES.get(FEEDBACK_DEVICE_COOKIE, "")
    device = fingerprint(f"feedback-device:{token}") if token else ""
    if selectors.feedback_sent_from(workshop=workshop, device=device):
        return render(request, "workshops/feedback_thanks.html", {"workshop": workshop, "already": True})
    form = FeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST" and not device:
        # No token yet (cookies were cleared, or the form came from elsewhere): the page sets one now.
        form.add_error(None, _("Please send the form again."))
        status = 400
    elif request.method == "POST":
        attempt = ratelimit.attempt(ratelimit.feedback_limit(workshop.pk), request)
        if not attempt.allowed:
            form.add_error(
                None, _("Too many answers came from this connection. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            try:
                services.feedback_submit(workshop=workshop, device=device, **form.cleaned_data)
            except services.FeedbackAlreadySent:
                return render(
                    request, "workshops/feedback_thanks.html", {"workshop": workshop, "already": True}
                )
            return render(request, "workshops/feedback_thanks.html", {"workshop": workshop})
        else:
            attempt.refund()
    response = render(request, "workshops/feedback.html", {"workshop": workshop, "form": form}, status=status)
    if not token:
        response.set_cookie(
            FEEDBACK_DEVICE_COOKIE,
            secrets.token_urlsafe(24),
            max_age=FEEDBACK_DEVICE_COOKIE_AGE,
            # One token for every workshop's feedback (the link's signature changes between copies).
            path=request.path[: request.path.index("/feedback/") + len("/feedback/")],
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response
