"""An ambassador's own workshops and private calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.http import or_404
from facilitators.selectors import ambassador_by_calendar_token, ambassador_profile_of
from facilitators.services import ambassador_calendar_token_rotate
from workshops import selectors
from workshops.calendar import workshops_calendar


def ambassador_feed(request: HttpRequest, token: str) -> HttpResponse:
    """An ambassador's private calendar (subscribe on the phone). The token is the only key."""
    profile = or_404(ambassador_by_calendar_token(token))
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
