"""After the session and for the records: the workshop report, the facilitator's report, and the CSV
exports coordinators download."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.selectors import user_is_coordinator
from common.exports import csv_response, csv_streaming_response
from common.phone import display_phone
from workshops import selectors, services
from workshops.forms import FacilitatorReportForm
from workshops.models import Topic, Workshop
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
    """Every workshop in scope, streamed: two queries whatever the number of rows (see
    selectors.workshop_export_rows), labels looked up once per request."""
    _coordinator_only(request)  # here, before the response starts: not inside the stream
    rows = selectors.workshop_export_rows(user=request.user)

    def labels(choices) -> dict[str, str]:
        return {value: str(label) for value, label in choices}

    statuses, languages = labels(Workshop.Status.choices), labels(settings.LANGUAGES)
    formats, audiences = labels(Workshop.Format.choices), labels(Workshop.Audience.choices)
    topics = labels(Topic.choices)
    yes, no = str(_("Yes")), str(_("No"))
    zone = timezone.get_current_timezone()

    formatted: dict = {}

    def local(moment) -> str:
        # Sessions share start and end times (2,205 distinct among 20,000 national workshops):
        # each is converted and formatted once (40,000 conversions were a fifth of the export).
        text = formatted.get(moment)
        if text is None:
            text = formatted[moment] = moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        return text

    # Tuples in the order of selectors.EXPORT_FIELDS, then the topics (20,000 rows for an admin).
    lines = (
        [
            pk,
            title,
            statuses.get(status, status),
            local(starts_at),
            local(ends_at),
            province,
            district,
            town,
            languages.get(language, language),
            formats.get(venue_format, venue_format),
            audiences.get(audience, audience),
            "; ".join([topics.get(topic, topic) for topic in workshop_topics]),
            capacity,
            confirmed,
            waitlisted,
            lead_name or lead_email or "",
            yes if recorded_afterwards else no,
        ]
        for (
            pk,
            title,
            status,
            starts_at,
            ends_at,
            province,
            district,
            town,
            language,
            venue_format,
            audience,
            capacity,
            confirmed,
            waitlisted,
            lead_name,
            lead_email,
            recorded_afterwards,
            workshop_topics,
        ) in rows
    )
    header = [
        _("ID"),
        _("Title"),
        _("Status"),
        _("Starts"),
        _("Ends"),
        _("Province"),
        _("District"),
        _("Town or village"),
        _("Language"),
        _("Format"),
        _("Audience"),
        _("Topics"),
        _("Seats"),
        _("Confirmed"),
        _("Waiting"),
        _("Lead facilitator"),
        _("Recorded afterwards"),
    ]
    return csv_streaming_response(filename="workshops", header=header, rows=lines)


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
