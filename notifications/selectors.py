"""Reads for the delivery log and announcements, scoped to what the person may see."""

from django.db.models import Count, QuerySet

from notifications.models import Announcement, Delivery


def delivery_log(*, user, status: str = "", channel: str = "") -> QuerySet[Delivery]:
    queryset = Delivery.objects.in_scope_of(user).for_log()
    if status:
        queryset = queryset.filter(status=status)
    if channel:
        queryset = queryset.filter(channel=channel)
    return queryset


def delivery_status_counts(*, user) -> dict[str, int]:
    """{status: deliveries} in the user's scope. COUNT(*), not COUNT(id): PostgreSQL then answers
    from the (district, status) index alone, without reading the rows."""
    rows = Delivery.objects.in_scope_of(user).order_by().values("status").annotate(count=Count("*"))
    return {row["status"]: row["count"] for row in rows}


def delivery_get(*, user, delivery_id: int) -> Delivery | None:
    """A delivery in the user's scope, else None (the view answers 404, never 403: outsiders learn nothing)."""
    return Delivery.objects.in_scope_of(user).select_related("district").filter(pk=delivery_id).first()


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


def announcement_get(*, user, announcement_id: int) -> Announcement | None:
    return Announcement.objects.in_scope_of(user).filter(pk=announcement_id).first()
