"""After the session and for the records: the workshop report, the facilitator's report, and the CSV
exports coordinators download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.selectors import user_is_coordinator
from common.exports import csv_response
from common.phone import display_phone
from workshops import exports, selectors, services
from workshops.forms import FacilitatorReportForm
from workshops.views.shared import (
    _coordinator_only,
    _coordinator_workshop,
    _facilitated_workshop,
    _feedback_link,
)


@login_required
def facilitator_report(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _facilitated_workshop(request, pk)
    existing = selectors.facilitator_report_of(workshop=workshop)
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
    services.quiz_answers_flush()  # the class's answers of a minute ago are in the report
    return render(
        request,
        "workshops/manage/report.html",
        {
            "workshop": workshop,
            "report": selectors.workshop_report(workshop=workshop, language=translation.get_language()),
            "facilitator_report": selectors.facilitator_report_of(workshop=workshop),
            "can_manage": user_is_coordinator(request.user),
            **_feedback_link(request, workshop, scale=4),
        },
    )


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
