"""Thin views: check access, call a selector or a service, render."""

import calendar as month_calendar
import datetime
import secrets
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.selectors import user_is_coordinator
from common.cache import fragment_key
from common.exports import csv_response
from common.http import or_404
from common.pagecache import public_page, remembered
from common.phone import display_phone
from common.qr import qr_data_uri
from common.ratelimit import fingerprint
from facilitators.models import AmbassadorProfile
from facilitators.selectors import ambassador_profile_of
from facilitators.services import ambassador_calendar_token_rotate
from workshops import exports, ratelimit, selectors, services
from workshops.audit import history_for_page
from workshops.calendar import workshops_calendar
from workshops.forms import (
    DISTRICT_CHOICES_SECONDS,
    AttendanceForm,
    CancelForm,
    FacilitatorReportForm,
    FeedbackForm,
    PastSessionForm,
    PublicFilterForm,
    QuizAnswersForm,
    QuizTotalsForm,
    RegistrationForm,
    RescheduleForm,
    WalkInForm,
    WorkshopForm,
    month_from_query,
)
from workshops.models import FacilitatorReport, QuizStage, Registration, Workshop
from workshops.tokens import (
    feedback_token,
    quiz_from_token,
    quiz_token,
    registration_id_from_token,
    registration_link_expires_at,
    workshop_id_from_feedback_token,
    workshop_links_expire_at,
)

PAGE_SIZE = 20  # cheap phones on slow connections: short pages
FEEDBACK_DEVICE_COOKIE = "hifazat_feedback"
FEEDBACK_DEVICE_COOKIE_AGE = 60 * 24 * 3600  # long enough to outlast the feedback link


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


# --- Public ---------------------------------------------------------------------------------------


@public_page
def workshop_list(request: HttpRequest) -> HttpResponse:
    """The public list. Its results are cached per language and query until any workshop or
    registration changes: rendering twenty cards costs far more than everything else on the page."""
    form = PublicFilterForm(request.GET or None)
    key = fragment_key(selectors.PUBLIC_LIST, translation.get_language(), request.GET.urlencode())
    results = cache.get(key)
    if results is None:
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
        results = render_to_string(
            "workshops/_results.html",
            {"page": page, "workshops": page.object_list, "query": query.urlencode()},
        )
        cache.set(key, results, selectors.PUBLIC_LIST_SECONDS)
    if form.is_bound:
        form_html = form.render()
    else:
        # The empty filter form (160 districts) is the same for every visitor in a language.
        form_html = cache.get_or_set(
            f"workshops:public-filter-form:{translation.get_language()}",
            form.render,
            DISTRICT_CHOICES_SECONDS,
        )
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


def _link_expired(request: HttpRequest, *, kind: str, workshop: Workshop | None) -> HttpResponse:
    """The page of a link that no longer works (410), or never did (404): what to do instead."""
    return render(
        request,
        "workshops/link_expired.html",
        {"kind": kind, "workshop": workshop},
        status=404 if workshop is None else 410,
    )


@never_cache
def registration_view(request: HttpRequest, token: str) -> HttpResponse:
    """The registrant's own page (signed link, no account): see the status, cancel."""
    registration_id = registration_id_from_token(token)
    registration = (
        Registration.objects.select_related("workshop__district").filter(pk=registration_id).first()
        if registration_id is not None
        else None
    )
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
    position = None
    if registration.status == Registration.Status.WAITLISTED:
        position = (
            registration.workshop.registrations.filter(
                status=Registration.Status.WAITLISTED, created_at__lte=registration.created_at
            )
            .exclude(created_at=registration.created_at, pk__gt=registration.pk)
            .count()
        )
    return render(
        request,
        "workshops/registration.html",
        {
            "registration": registration,
            "workshop": registration.workshop,
            "position": position,
            "phone": display_phone(registration.phone),
        },
    )


def feedback(request: HttpRequest, token: str) -> HttpResponse:
    workshop_id = workshop_id_from_feedback_token(token)
    workshop = (
        Workshop.objects.exclude(status=Workshop.Status.DRAFT).filter(pk=workshop_id).first()
        if workshop_id is not None
        else None
    )
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


def ambassador_feed(request: HttpRequest, token: str) -> HttpResponse:
    """An ambassador's private calendar (subscribe on the phone). The token is the only key."""
    profile = get_object_or_404(AmbassadorProfile.objects.select_related("user"), calendar_token=token)
    workshops = list(selectors.ambassador_workshops(profile=profile))
    urls = {
        workshop.pk: request.build_absolute_uri(reverse("workshops:detail", args=[workshop.pk]))
        for workshop in workshops
    }
    body = workshops_calendar(workshops, urls=urls, host=request.get_host(), name=_("Hifazat workshops"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_workshops(request: HttpRequest) -> HttpResponse:
    if not request.user.has_role("ambassador"):
        raise Http404
    profile = ambassador_profile_of(request.user)
    workshops = selectors.ambassador_workshops(profile=profile) if profile else []
    feed_url = (
        request.build_absolute_uri(reverse("workshops:feed", args=[profile.calendar_token]))
        if profile
        else None
    )
    return render(
        request, "workshops/mine.html", {"profile": profile, "workshops": workshops, "feed_url": feed_url}
    )


@login_required
@require_POST
def feed_rotate(request: HttpRequest) -> HttpResponse:
    profile = ambassador_profile_of(request.user)
    if profile is None:
        raise Http404
    ambassador_calendar_token_rotate(profile=profile)
    messages.success(request, _("Your calendar link has changed. The old link no longer works."))
    return redirect("workshops:mine")


# --- Coordinators ---------------------------------------------------------------------------------


@login_required
def manage_list(request: HttpRequest) -> HttpResponse:
    _coordinator_only(request)
    workshops = selectors.coordinator_workshops(user=request.user)
    status = request.GET.get("status", "")
    if status in Workshop.Status.values:
        workshops = workshops.filter(status=status)
    page = Paginator(workshops, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workshops/manage/list.html",
        {"page": page, "workshops": page.object_list, "status": status, "statuses": Workshop.Status.choices},
    )


@login_required
def manage_calendar(request: HttpRequest) -> HttpResponse:
    _coordinator_only(request)
    year, month = month_from_query(request.GET.get("month"))
    workshops = list(selectors.workshops_in_month(user=request.user, year=year, month=month))
    by_day: dict[datetime.date, list[Workshop]] = {}
    for workshop in workshops:
        by_day.setdefault(timezone.localtime(workshop.starts_at).date(), []).append(workshop)
    weeks = [
        [(day, by_day.get(day, []), day.month == month) for day in week]
        for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    first = datetime.date(year, month, 1)
    previous = (first - datetime.timedelta(days=1)).strftime("%Y-%m")
    following = (first + datetime.timedelta(days=32)).strftime("%Y-%m")
    return render(
        request,
        "workshops/manage/calendar.html",
        {
            "weeks": weeks,
            "month": first,
            "previous": previous,
            "following": following,
            "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # a Monday-first week
        },
    )


@login_required
def manage_create(request: HttpRequest) -> HttpResponse:
    if not user_is_coordinator(request.user):
        raise Http404
    form = WorkshopForm(request.POST or None, user=request.user, find=request.GET.get("find", ""))
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_create(
                actor=request.user,
                **form.service_fields(),
            )
        except ValidationError as error:
            for message in _validation_messages(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("The workshop is saved as a draft. Publish it when it is ready."))
            return redirect("workshops:manage_detail", pk=workshop.pk)
    return render(request, "workshops/manage/form.html", {"form": form, "workshop": None})


def _add_errors(form, error: ValidationError) -> None:
    """A service's refusal on the form: on the field it names when it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for message in ValidationError(errors).messages:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in _validation_messages(error):
            form.add_error(None, message)


@login_required
def manage_record(request: HttpRequest) -> HttpResponse:
    """Record a session held offline, afterwards (within WORKSHOPS_RECORD_PAST_DAYS)."""
    if not user_is_coordinator(request.user):
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = PastSessionForm(data, user=request.user, find=request.GET.get("find", ""))
    walk_in_form = WalkInForm(data, workshop=None)
    if data is not None and all([form.is_valid(), walk_in_form.is_valid()]):
        try:
            workshop = services.workshop_record_past(
                actor=request.user, walk_ins=walk_in_form.counts(), **form.service_fields()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The session is recorded as held. Add the quiz totals and the facilitator report if you have them."
                ),
            )
            return redirect("workshops:manage_detail", pk=workshop.pk)
    return render(
        request,
        "workshops/manage/record.html",
        {
            "form": form,
            "walk_in_form": walk_in_form,
            "days": settings.WORKSHOPS_RECORD_PAST_DAYS,
        },
    )


@login_required
def manage_detail(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _coordinator_workshop(request, pk)
    registrations = list(selectors.registrations_for(workshop=workshop))
    for registration in registrations:
        registration.phone_display = display_phone(registration.phone)
    return render(
        request,
        "workshops/manage/detail.html",
        {
            "workshop": workshop,
            "modules": selectors.modules_for_page(workshop=workshop, language=translation.get_language()),
            "registrations": registrations,
            "history": history_for_page(selectors.workshop_history(workshop=workshop)),
            "cancel_form": CancelForm(),
            "reschedule_form": RescheduleForm(
                initial={
                    "starts_at": timezone.localtime(workshop.starts_at),
                    "ends_at": timezone.localtime(workshop.ends_at),
                }
            ),
        },
    )


@login_required
def manage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _coordinator_workshop(request, pk)
    initial = {
        "co_facilitators": list(workshop.co_facilitators.all()),
        "modules": list(workshop.modules.all()),
    }
    form = WorkshopForm(
        request.POST or None,
        instance=workshop,
        user=request.user,
        initial=initial,
        find=request.GET.get("find", ""),
    )
    if request.method == "POST" and form.is_valid():
        try:
            updated = services.workshop_update(
                workshop=workshop,
                actor=request.user,
                **form.service_fields(),
            )
        except ValidationError as error:
            for message in _validation_messages(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("The workshop is updated."))
            confirmed = updated.confirmed_registrations().count()
            if confirmed > updated.capacity:
                # Nobody loses a confirmed place automatically: the coordinator decides.
                messages.warning(
                    request,
                    ngettext(
                        "%(confirmed)d person is confirmed but there are now only %(seats)d seats. "
                        "Nobody was moved to the waiting list: ask someone to cancel, or add seats.",
                        "%(confirmed)d people are confirmed but there are now only %(seats)d seats. "
                        "Nobody was moved to the waiting list: ask some of them to cancel, or add seats.",
                        confirmed,
                    )
                    % {"confirmed": confirmed, "seats": updated.capacity},
                )
            return redirect("workshops:manage_detail", pk=workshop.pk)
    return render(request, "workshops/manage/form.html", {"form": form, "workshop": workshop})


def _act(request: HttpRequest, action, success: str, **kwargs) -> None:
    try:
        action(actor=request.user, **kwargs)
    except ValidationError as error:
        for message in _validation_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, success)


@login_required
@require_POST
def manage_publish(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _coordinator_workshop(request, pk)
    _act(request, services.workshop_publish, _("The workshop is published."), workshop=workshop)
    return redirect("workshops:manage_detail", pk=pk)


@login_required
def manage_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _coordinator_workshop(request, pk)
    form = RescheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_reschedule(workshop=workshop, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in _validation_messages(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("The workshop has a new time."))
            return redirect("workshops:manage_detail", pk=pk)
    return render(request, "workshops/manage/reschedule.html", {"workshop": workshop, "form": form})


@login_required
def manage_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _coordinator_workshop(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _act(
            request,
            services.workshop_cancel,
            _("The workshop is cancelled."),
            workshop=workshop,
            reason=form.cleaned_data["reason"],
        )
        return redirect("workshops:manage_detail", pk=pk)
    return render(request, "workshops/manage/cancel.html", {"workshop": workshop, "form": form})


@login_required
def manage_export(request: HttpRequest) -> StreamingHttpResponse:
    """Every workshop in scope, streamed (workshops/exports.py)."""
    _coordinator_only(request)  # here, before the response starts: not inside the stream
    return exports.workshops_export_response(request)


@login_required
def manage_registrations_csv(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _coordinator_workshop(request, pk)
    rows = (
        [
            registration.pk,
            registration.name,
            display_phone(registration.phone) if registration.phone else "",
            registration.email,
            registration.get_language_display(),
            registration.get_status_display(),
            _("Yes") if registration.attended else _("No"),
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        for registration in services.workshop_registrations_export(workshop=workshop, actor=request.user)
    )
    header = [
        _("ID"),
        _("Name"),
        _("Phone"),
        _("Email"),
        _("Language"),
        _("Status"),
        _("Attended"),
        _("Registered"),
    ]
    return csv_response(filename=f"workshop-{pk}-registrations", header=header, rows=rows)


# --- Facilitators (and coordinators in scope) -----------------------------------------------------


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _facilitated_workshop(request, pk)
    registrations = list(
        selectors.registrations_for(workshop=workshop).exclude(status=Registration.Status.CANCELLED)
    )
    walk_in_form = AttendanceForm(request.POST or None, workshop=workshop, registrations=registrations)
    if request.method == "POST" and walk_in_form.is_valid():
        services.attendance_record(
            workshop=workshop,
            actor=request.user,
            present_ids=walk_in_form.ticked(),
            walk_ins=walk_in_form.counts(),
        )
        messages.success(request, _("Attendance is saved."))
        return redirect("workshops:attendance", pk=pk)
    return render(
        request,
        "workshops/manage/attendance.html",
        {
            "workshop": workshop,
            "registrations": registrations,
            "ticked": walk_in_form.ticked(),
            "walk_in_form": walk_in_form,
            "modules": selectors.modules_for_page(workshop=workshop, language=translation.get_language()),
        },
    )


@login_required
@require_POST
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _facilitated_workshop(request, pk)
    _act(request, services.workshop_complete, _("The workshop is marked as completed."), workshop=workshop)
    return redirect("workshops:report", pk=pk)


def _feedback_link(request: HttpRequest, workshop: Workshop, *, scale: int) -> dict:
    """The workshop's feedback link and its QR code, for the report and the printed handout."""
    url = request.build_absolute_uri(reverse("workshops:feedback", args=[feedback_token(workshop.pk)]))
    return {"feedback_url": url, "feedback_qr": qr_data_uri(url, scale=scale)}


def _in_language(language: str, viewname: str, *args) -> str:
    with translation.override(language):
        return reverse(viewname, args=args)


@login_required
def quiz(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's quiz page: the codes participants scan before and after the session, the
    paper version to print, and the class totals of the paper quizzes."""
    workshop = _facilitated_workshop(request, pk)
    quizzes = selectors.workshop_quizzes(workshop=workshop, language=translation.get_language())
    tallies = {tally.module_id: tally for tally in workshop.quiz_tallies.all()}
    data = request.POST if request.method == "POST" else None  # all boxes emptied is a real answer
    forms = [
        QuizTotalsForm(data, quiz=module_quiz, tally=tallies.get(module_quiz.module.pk))
        for module_quiz in quizzes
    ]
    if request.method == "POST" and all([form.is_valid() for form in forms]):
        services.quiz_tallies_save(
            workshop=workshop,
            actor=request.user,
            totals=[(form.quiz.module, None if form.is_empty() else form.cleaned_data) for form in forms],
        )
        messages.success(request, _("Quiz results are saved."))
        return redirect("workshops:report", pk=pk)
    links = []
    for stage, label in QuizStage.choices:
        # In the language of the workshop: participants can still switch on the page.
        url = request.build_absolute_uri(
            _in_language(workshop.language, "workshops:quiz_take", quiz_token(workshop.pk, stage))
        )
        links.append((label, url, qr_data_uri(url, scale=5)))
    sheets = [
        (code, _in_language(code, "workshops:quiz_sheet", workshop.pk))
        for code in dict.fromkeys([workshop.language, *(code for code, _name in settings.LANGUAGES)])
    ]
    return render(
        request,
        "workshops/manage/quiz.html",
        {"workshop": workshop, "forms": forms, "links": links, "sheets": sheets},
    )


@login_required
def quiz_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """The quiz on paper, in the page's language, with the answer key on its own page."""
    workshop = _facilitated_workshop(request, pk)
    quizzes = selectors.workshop_quizzes(workshop=workshop, language=translation.get_language())
    # The sheet is the handout people take home: it carries the feedback link too.
    return render(
        request,
        "workshops/manage/quiz_sheet.html",
        {"workshop": workshop, "quizzes": quizzes, **_feedback_link(request, workshop, scale=3)},
    )


@public_page
def quiz_take(request: HttpRequest, token: str) -> HttpResponse:
    """A participant answers the quiz on their phone (no account, no name)."""
    found = quiz_from_token(token)
    workshop = None
    if found is not None and found[1] in QuizStage.values:
        workshop = Workshop.objects.exclude(status=Workshop.Status.DRAFT).filter(pk=found[0]).first()
    if workshop is None or workshop_links_expire_at(workshop) <= timezone.now():
        return _link_expired(request, kind="quiz", workshop=workshop)
    stage = found[1]
    language = translation.get_language()
    context = {"workshop": workshop, "stage": QuizStage(stage)}
    if not selectors.quiz_is_open(workshop=workshop, stage=stage):
        return render(request, "workshops/quiz_closed.html", context)
    # The empty form is the same for everyone at this workshop in a language, and drawing its radio
    # buttons was half of the page's time, the three queries of the quizzes most of the rest
    # (docs/performance.md): a class opening the page at once reads it from the cache.
    questions_key = None
    if request.method != "POST":
        questions_key = fragment_key(selectors.QUIZ_QUESTIONS, str(workshop.pk), language)
        if (questions_html := cache.get(questions_key)) is not None:
            return render(request, "workshops/quiz.html", {**context, "questions_html": questions_html})
    # A class sends its answers at once: the quizzes (three queries) are kept in the worker's memory
    # until a module, question or answer changes (read-only here and in quiz_response_submit).
    quizzes = remembered(
        ("workshop-quizzes", workshop.pk, language),
        lambda: selectors.workshop_quizzes(workshop=workshop, language=language),
    )
    if not quizzes:
        raise Http404
    form = QuizAnswersForm(request.POST if request.method == "POST" else None, quizzes=quizzes)
    attempt = ratelimit.attempt(ratelimit.quiz_limit(workshop.pk, stage), request) if form.is_bound else None
    if attempt and not attempt.allowed:
        notice = _("Too many answers came from this connection. Please try again in an hour.")
        questions_html = render_to_string("workshops/_quiz_questions.html", {"form": form}, request=request)
        return render(
            request,
            "workshops/quiz.html",
            {**context, "form": form, "notice": notice, "questions_html": questions_html},
            status=429,
        )
    if request.method == "POST" and form.is_valid():
        try:
            marks = services.quiz_response_submit(
                workshop=workshop, stage=stage, quizzes=quizzes, chosen=form.chosen()
            )
        except ValidationError:
            attempt.refund()
            return render(request, "workshops/quiz_closed.html", context)
        return render(request, "workshops/quiz_thanks.html", {**context, "marks": marks})
    if attempt:
        attempt.refund()  # answers to correct are not answers sent
    questions_html = render_to_string("workshops/_quiz_questions.html", {"form": form}, request=request)
    if questions_key is not None:
        cache.set(questions_key, questions_html, selectors.QUIZ_QUESTIONS_SECONDS)
    return render(request, "workshops/quiz.html", {**context, "form": form, "questions_html": questions_html})


@login_required
def facilitator_report(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _facilitated_workshop(request, pk)
    existing = FacilitatorReport.objects.filter(workshop=workshop).first()
    initial = (
        {"notes": existing.notes, "issues_raised": existing.issues_raised, "follow_ups": existing.follow_ups}
        if existing
        else {}
    )
    form = FacilitatorReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.facilitator_report_save(workshop=workshop, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your report is saved."))
        return redirect("workshops:report", pk=pk)
    return render(request, "workshops/manage/facilitator_report.html", {"workshop": workshop, "form": form})


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _facilitated_workshop(request, pk)
    return render(
        request,
        "workshops/manage/report.html",
        {
            "workshop": workshop,
            "report": selectors.workshop_report(workshop=workshop, language=translation.get_language()),
            "facilitator_report": FacilitatorReport.objects.filter(workshop=workshop).first(),
            "can_manage": user_is_coordinator(request.user),
            **_feedback_link(request, workshop, scale=4),
        },
    )
