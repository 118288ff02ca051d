"""On the day: facilitators (and coordinators in scope) tick who came and complete the workshop."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from workshops import selectors, services
from workshops.forms import AttendanceForm
from workshops.views.shared import _act, _facilitated_workshop


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _facilitated_workshop(request, pk)
    registrations = list(selectors.registrations_expected(workshop=workshop))
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
