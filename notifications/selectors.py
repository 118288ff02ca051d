"""Reads for the delivery log and announcements, scoped to what the person may see."""

from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from notifications.models import Announcement, Delivery


def delivery_log(*, user, status: str = "", channel: str = "") -> QuerySet[Delivery]:
    queryset = Delivery.objects.in_scope_of(user).for_log()
    if status:
        queryset = queryset.filter(status=status)
    if channel:
        queryset = queryset.filter(channel=channel)
    return queryset


def delivery_status_counts(*, user) -> dict[str, int]:
    rows = Delivery.objects.in_scope_of(user).order_by().values("status").annotate(count=Count("pk"))
    return {row["status"]: row["count"] for row in rows}


def delivery_get(*, user, delivery_id: int) -> Delivery:
    """A delivery in the user's scope, else 404 (never 403: outsiders learn nothing)."""
    return get_object_or_404(Delivery.objects.in_scope_of(user).select_related("district"), pk=delivery_id)


def announcement_list(*, user) -> QuerySet[Announcement]:
    return (
        Announcement.objects.in_scope_of(user)
        .select_related("district", "created_by")
        .order_by("-send_at", "-pk")
    )


def announcement_delivery_counts(*, announcements: list[Announcement]) -> dict[int, dict[str, int]]:
    """{announcement id: {status: count}} for a page of announcements, in one query."""
    from django.contrib.contenttypes.models import ContentType

    counts: dict[int, dict[str, int]] = {announcement.pk: {} for announcement in announcements}
    if not counts:
        return counts
    rows = (
        Delivery.objects.filter(
            subject_type=ContentType.objects.get_for_model(Announcement), subject_id__in=list(counts)
        )
        .order_by()
        .values("subject_id", "status")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        counts[row["subject_id"]][row["status"]] = row["count"]
    return counts


def announcement_get(*, user, announcement_id: int) -> Announcement:
    announcement = Announcement.objects.in_scope_of(user).filter(pk=announcement_id).first()
    if announcement is None:
        raise Http404
    return announcement
