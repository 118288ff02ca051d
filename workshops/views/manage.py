"""Coordinators plan workshops: the list, the calendar, create, record a past session, edit,
publish, reschedule, cancel."""

import calendar as month_calendar
import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.selectors import user_is_coordinator
from common.phone import display_phone
from workshops import selectors, services
from workshops.audit import history_for_page
from workshops.forms import (
    CancelForm,
    PastSessionForm,
    RescheduleForm,
    WalkInForm,
    WorkshopForm,
    month_from_query,
)
from workshops.models import Workshop
from workshops.views.shared import (
    PAGE_SIZE,
    _act,
    _add_errors,
    _coordinator_only,
    _coordinator_workshop,
    _validation_messages,
)


@login_required
def manage_list(request: HttpRequest) -> HttpResponse:
    _coordinator_only(request)
    status = request.GET.get("status", "")
    workshops = selectors.coordinator_workshops(user=request.user, status=status)
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
            confirmed = selectors.confirmed_beyond_seats(workshop=updated)
            if confirmed is not None:
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
