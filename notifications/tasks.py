"""Celery tasks: thin shells over services, taking ids. Both are idempotent (acks_late is safe)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def deliveries_send_task(delivery_ids: list[int]) -> None:
    from notifications.services import deliveries_send

    deliveries_send(delivery_ids=delivery_ids)


@shared_task(acks_late=True, ignore_result=True, expires=55)
def reminders_scan_task() -> None:
    from notifications.services import reminders_scan

    reminders_scan()


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def notice_send_task(kind: str, object_id: int) -> None:
    """A one-off notice (a workshop moved or was cancelled); idempotent, so acks_late is safe."""
    from notifications.services import notice_send

    notice_send(kind=kind, object_id=object_id)
