from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from common.http import or_404
from notifications import selectors, services
from notifications.forms import AnnouncementForm, DeliveryFilterForm, PhoneForm
from notifications.models import Delivery, UserPhone
from notifications.rules import registry


def coordinator_required(view):
    """Coordinators (and admins) only; everyone else signed in gets 404, as if the page did not exist."""

    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_role(User.Role.COORDINATOR):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def kind_labels() -> dict[str, str]:
    return registry.labels()


class _Paginator(Paginator):
    """A paginator told its count when the caller already knows it."""

    def __init__(self, object_list, per_page: int, *, count: int | None) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        if self._known_count is not None:
            return self._known_count
        return self.object_list.count()


@coordinator_required
def log(request: HttpRequest) -> HttpResponse:
    form = DeliveryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    deliveries = selectors.delivery_log(
        user=request.user, status=filters.get("status", ""), channel=filters.get("channel", "")
    )
    counts = selectors.delivery_status_counts(user=request.user)
    known = None
    if not filters.get("channel"):
        # The status counts already say how many deliveries the log holds: no second count of them.
        known = counts.get(filters["status"], 0) if filters.get("status") else sum(counts.values())
    page = _Paginator(deliveries, 50, count=known).get_page(request.GET.get("page"))
    labels = kind_labels()
    for delivery in page.object_list:
        delivery.kind_label = labels.get(delivery.kind, delivery.kind)
    status_counts = [
        (value, label, counts[value]) for value, label in Delivery.Status.choices if counts.get(value)
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "notifications/log.html",
        {"form": form, "page": page, "status_counts": status_counts, "query": query.urlencode()},
    )


@coordinator_required
def detail(request: HttpRequest, delivery_id: int) -> HttpResponse:
    delivery = or_404(selectors.delivery_get(user=request.user, delivery_id=delivery_id))
    delivery.kind_label = kind_labels().get(delivery.kind, delivery.kind)
    return render(request, "notifications/detail.html", {"delivery": delivery})


@require_POST
@coordinator_required
def retry(request: HttpRequest, delivery_id: int) -> HttpResponse:
    delivery = or_404(selectors.delivery_get(user=request.user, delivery_id=delivery_id))
    try:
        services.delivery_retry(delivery=delivery, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The message will be sent again in a moment."))
    return redirect("notifications:detail", delivery_id=delivery.pk)


@coordinator_required
def announcements(request: HttpRequest) -> HttpResponse:
    form = AnnouncementForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.announcement_create(
            by=request.user,
            district=data["district"],
            messages=data["messages"],
            send_at=data["send_at"],
            send_sms=data["send_sms"],
            send_email=data["send_email"],
        )
        messages.success(request, _("The announcement is scheduled. It is sent within a minute of its time."))
        return redirect("notifications:announcements")
    page = Paginator(selectors.announcement_list(user=request.user), 20).get_page(request.GET.get("page"))
    counts = selectors.announcement_delivery_counts(announcements=list(page.object_list))
    rows = [(announcement, counts.get(announcement.pk, {})) for announcement in page.object_list]
    return render(request, "notifications/announcements.html", {"form": form, "page": page, "rows": rows})


@require_POST
@coordinator_required
def announcement_cancel(request: HttpRequest, announcement_id: int) -> HttpResponse:
    announcement = or_404(selectors.announcement_get(user=request.user, announcement_id=announcement_id))
    services.announcement_cancel(announcement=announcement, by=request.user)
    messages.success(request, _("The announcement is cancelled. Messages not yet sent will not be sent."))
    return redirect("notifications:announcements")


@login_required
def phone(request: HttpRequest) -> HttpResponse:
    current = UserPhone.objects.filter(user=request.user).first()
    initial = {
        "phone": current.phone if current else "",
        "sms_enabled": current.sms_enabled if current else True,
    }
    form = PhoneForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.user_phone_set(
            user=request.user, phone=form.cleaned_data["phone"], sms_enabled=form.cleaned_data["sms_enabled"]
        )
        messages.success(request, _("Your SMS settings are saved."))
        return redirect("notifications:phone")
    return render(request, "notifications/phone.html", {"form": form})
