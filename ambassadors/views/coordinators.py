"""Coordinators: the application queue and the ambassador directory, inside their scope (else 404)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.selectors import user_is_coordinator
from ambassadors import access, selectors, services
from ambassadors.forms import (
    ApplicationFilterForm,
    ApproveForm,
    DeclineForm,
    DirectoryFilterForm,
    EnrolForm,
    MentorForm,
    RevokeForm,
)
from ambassadors.models import Application
from common.exports import csv_streaming_response
from common.http import or_404
from common.phone import display_phone
from facilitators.choices import Availability, Background
from facilitators.models import AmbassadorProfile
from regions.models import District

PAGE_SIZE = 25


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _coordinator_only(request: HttpRequest) -> None:
    """Everyone but coordinators (and admins) gets a 404: the pages do not exist for them."""
    if not user_is_coordinator(request.user):
        raise Http404


def _application(request: HttpRequest, pk: int) -> Application:
    _coordinator_only(request)
    return or_404(selectors.coordinator_application(user=request.user, pk=pk))


def _directory_profile(request: HttpRequest, pk: int) -> AmbassadorProfile:
    _coordinator_only(request)
    return or_404(selectors.directory_profile(user=request.user, pk=pk))


# --- Applications ---------------------------------------------------------------------------------


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not user_is_coordinator(request.user):
        raise Http404
    data = request.GET.copy()
    data.setdefault("status", "pending")
    form = ApplicationFilterForm(data, user=request.user)
    filters = selectors.ApplicationFilters()
    if form.is_valid():
        cleaned = form.cleaned_data
        filters = selectors.ApplicationFilters(
            status=cleaned["status"],
            district=cleaned["district"].pk if cleaned["district"] else None,
            language=cleaned["language"],
            background=cleaned["background"],
        )
    page = Paginator(
        selectors.coordinator_applications(user=request.user, filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ambassadors/review/queue.html",
        {"form": form, "page": page, "applications": page.object_list, "query": query.urlencode()},
    )


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    return render(
        request,
        "ambassadors/review/detail.html",
        {
            "application": application,
            "phone": display_phone(application.phone),
            "approve_form": ApproveForm(initial={"email": application.email}),
            "decline_form": DeclineForm(),
        },
    )


@login_required
@require_POST
def review_approve(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            services.application_approve(
                application=application,
                actor=request.user,
                email=form.cleaned_data["email"],
                base_url=_base_url(request),
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(
                request,
                _("Approved. %(name)s gets a link to set a password, in their language.")
                % {"name": application.full_name},
            )
            return redirect("ambassadors:review_queue")
    else:
        messages.error(request, _("Enter a valid email address."))
    return redirect("ambassadors:review_detail", pk=pk)


@login_required
@require_POST
def review_decline(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.application_decline(
                application=application, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The application is declined."))
            return redirect("ambassadors:review_queue")
    else:
        messages.error(request, _("Give a reason for declining."))
    return redirect("ambassadors:review_detail", pk=pk)


@login_required
@require_POST
def review_resend(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    try:
        services.application_invitation_resend(application=application, base_url=_base_url(request))
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("A new link is on its way."))
    return redirect("ambassadors:review_detail", pk=pk)


# --- Directory ------------------------------------------------------------------------------------


def _directory_filters(request: HttpRequest) -> tuple[DirectoryFilterForm, selectors.DirectoryFilters]:
    form = DirectoryFilterForm(request.GET or None, user=request.user)
    filters = selectors.DirectoryFilters()
    if form.is_bound and form.is_valid():
        cleaned = form.cleaned_data
        filters = selectors.DirectoryFilters(
            district=cleaned["district"].pk if cleaned["district"] else None,
            language=cleaned["language"],
            level=cleaned["level"],
            background=cleaned["background"],
            availability=cleaned["availability"],
            query=cleaned["q"],
        )
    return form, filters


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    _coordinator_only(request)
    form, filters = _directory_filters(request)
    page = Paginator(selectors.directory(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for profile in page.object_list:
        profile.phone_display = display_phone(profile.phone) if profile.phone else ""
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ambassadors/directory/list.html",
        {"form": form, "page": page, "profiles": page.object_list, "query": query.urlencode()},
    )


DIRECTORY_EXPORT_FIELDS = (
    "user__full_name",
    "level",
    "district_id",
    "languages",
    "background",
    "organisation",
    "availability",
    "phone",
    "user__email",
    "led_count",
    "mentor__user__full_name",
    "mentor__user__email",
)


@login_required
def directory_export(request: HttpRequest) -> HttpResponse:
    """CSV of the filtered directory (UTF-8 with BOM, so spreadsheets read Urdu names)."""
    _coordinator_only(request)
    form, filters = _directory_filters(request)
    profiles = selectors.directory(user=request.user, filters=filters)
    header = [
        _("Name"),
        _("Level"),
        _("Province"),
        _("District"),
        _("Languages"),
        _("Background"),
        _("Organisation"),
        _("Available"),
        _("Phone"),
        _("Email"),
        _("Workshops led"),
        _("Mentor"),
    ]
    # Labels looked up once, not per row through get_*_display and the profile's helpers.
    levels = {value: str(label) for value, label in AmbassadorProfile.Level.choices}
    backgrounds = {value: str(label) for value, label in Background.choices}
    availability = {value: str(label) for value, label in Availability.choices}
    languages = {code: str(get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES}
    # Rows as values (no model instances: five per ambassador cost 0.8 s of the admin's export of
    # 5,000) and district names from one lookup of every district.
    places = {
        district.pk: (district.province.name, district.name)
        for district in District.objects.select_related("province")
    }
    rows = (
        [
            row["user__full_name"],
            levels.get(row["level"], row["level"]),
            *places.get(row["district_id"], ("", "")),
            "; ".join(languages.get(code, code) for code in row["languages"]),
            backgrounds.get(row["background"], row["background"]),
            row["organisation"],
            "; ".join(availability[value] for value in row["availability"] if value in availability),
            display_phone(row["phone"]) if row["phone"] else "",
            row["user__email"],
            row["led_count"],
            row["mentor__user__full_name"] or row["mentor__user__email"] or "",
        ]
        for row in profiles.values(*DIRECTORY_EXPORT_FIELDS).iterator(chunk_size=2000)
    )
    return csv_streaming_response(
        filename=f"ambassadors-{timezone.localdate():%Y-%m-%d}", header=header, rows=rows
    )


@login_required
def directory_detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _directory_profile(request, pk)
    return render(
        request,
        "ambassadors/directory/detail.html",
        {
            "profile": profile,
            "phone": display_phone(profile.phone) if profile.phone else "",
            "tracks": selectors.track_states(profile=profile),
            "certificates": list(profile.certificates.select_related("track", "revoked_by")),
            "reach": selectors.reach_of(profile=profile),
            "mentor_form": MentorForm(
                initial={"mentor": profile.mentor_id}, choices=selectors.mentor_choices(profile=profile)
            ),
            "revoke_form": RevokeForm(),
            "enrol_form": EnrolForm(tracks=selectors.tracks_to_enrol(profile=profile)),
            "application": getattr(profile, "application", None),
        },
    )


@login_required
@require_POST
def directory_mentor(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _directory_profile(request, pk)
    form = MentorForm(request.POST, choices=selectors.mentor_choices(profile=profile))
    if form.is_valid():
        try:
            services.ambassador_mentor_set(profile=profile, mentor=form.cleaned_data["mentor"])
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The mentor is saved."))
    else:
        messages.error(request, _("Choose a master trainer from the list."))
    return redirect("ambassadors:directory_detail", pk=pk)


@login_required
@require_POST
def directory_enrol(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _directory_profile(request, pk)
    form = EnrolForm(request.POST, tracks=selectors.tracks_to_enrol(profile=profile))
    if form.is_valid():
        services.enrolment_create(profile=profile, track=form.cleaned_data["track"])
        messages.success(request, _("Enrolled. The track now appears on their training page."))
    else:
        messages.error(request, _("Choose a track from the list."))
    return redirect("ambassadors:directory_detail", pk=pk)


@login_required
@require_POST
def directory_promote(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _directory_profile(request, pk)
    try:
        services.ambassador_promote_master_trainer(profile=profile, actor=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("%(name)s is now a master trainer.") % {"name": profile})
    return redirect("ambassadors:directory_detail", pk=pk)


@login_required
@require_POST
def certificate_revoke(request: HttpRequest, code: str) -> HttpResponse:
    if not user_is_coordinator(request.user):
        raise Http404
    certificate = or_404(access.certificate_for(user=request.user, code=code))
    profile = get_object_or_404(
        AmbassadorProfile.objects.in_scope_of(request.user), pk=certificate.profile_id
    )
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.certificate_revoke(
                certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The certificate is revoked. The verify page now says so."))
    else:
        messages.error(request, _("Give a reason for revoking the certificate."))
    return redirect("ambassadors:directory_detail", pk=profile.pk)
