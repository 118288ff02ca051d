"""Celery tasks: thin shells over services, taking ids."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils.dateparse import parse_datetime


@shared_task(
    acks_late=True,
    ignore_result=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def application_message_send_task(
    application_id: int, kind: str, base_url: str, occurrence: str | None = None
) -> None:
    """Writes the message into the delivery log (idempotent for one occurrence: acks_late is safe)."""
    from ambassadors.services.applications import application_message_send

    application_message_send(
        application_id=application_id,
        kind=kind,
        base_url=base_url,
        occurrence=parse_datetime(occurrence) if occurrence else None,
    )
