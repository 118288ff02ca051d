"""Writes of the impact app: the monthly summary email to coordinators.

The email goes through notifications (delivery log, retries, exactly once): its unique key is
(coordinator, kind, month), so beat firing twice or a task running twice sends one email.
"""

import datetime
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from impact import selectors, tables

SUMMARY_KIND = "impact_monthly_summary"
SUMMARY_TEMPLATE = "impact/messages/monthly_summary"
SUMMARY_GAPS = 5  # districts named in the email; the dashboard lists them all


def previous_month(today: datetime.date) -> datetime.date:
    first = today.replace(day=1)
    return (first - datetime.timedelta(days=1)).replace(day=1)


def month_end(month: datetime.date) -> datetime.date:
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def summary_recipients():
    return User.objects.filter(role=User.Role.COORDINATOR, is_active=True).exclude(email="")


def monthly_summaries_queue(*, month: datetime.date | None = None) -> int:
    """Queue one summary task per active coordinator, once this transaction commits."""
    from impact.tasks import monthly_summary_send_task

    month = month or previous_month(timezone.localdate())
    user_ids = list(summary_recipients().order_by("pk").values_list("pk", flat=True))
    for user_id in user_ids:
        transaction.on_commit(partial(monthly_summary_send_task.delay, user_id, month.isoformat()))
    return len(user_ids)


def summary_context(*, user: User, month: datetime.date) -> dict:
    """What the email says, computed for the coordinator's scope, in the current language."""
    selection = selectors.selection_for(user=user, start=month, end=month_end(month))
    figures = selectors.impact_figures(selection=selection)
    gaps = [row for row in tables.not_yet_reaching(figures).rows if row[-1]][:SUMMARY_GAPS]
    path = reverse("impact:dashboard")
    query = f"?date_from={month.isoformat()}&date_to={month_end(month).isoformat()}"
    return {
        "name": str(user),
        "month": month,
        "headlines": tables.dashboard_headlines(figures),
        "reports": tables.report_tables(figures).by_category.rows,
        "gaps": gaps,
        "url": f"{settings.SITE_URL}{path}{query}",
    }


@transaction.atomic
def monthly_summary_send(*, user_id: int, month: datetime.date) -> int:
    """Write (and queue) the month's summary email to one coordinator, in their language.

    Returns the number of new deliveries: 0 when it was already written or the user is no longer
    a coordinator with an email address."""
    from notifications.rules import DueItem
    from notifications.services import notification_send_now

    user = summary_recipients().filter(pk=user_id).first()
    if user is None:
        return 0
    with translation.override(user.language):
        context = summary_context(user=user, month=month)
    occurrence = datetime.datetime.combine(month, datetime.time.min, tzinfo=timezone.get_default_timezone())
    item = DueItem(
        recipient=user,
        subject=user,
        occurrence=occurrence,
        due_at=timezone.now(),
        to=user.email,
        language=user.language,
        name=str(user),
        context=context,
    )
    return notification_send_now(
        kind=SUMMARY_KIND, template=SUMMARY_TEMPLATE, items=[item], channels_=("email",)
    )
