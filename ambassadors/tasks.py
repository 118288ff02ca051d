"""Celery tasks: thin shells over services, taking ids."""

from celery import shared_task


@shared_task(
    acks_late=True, ignore_result=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5
)
def application_message_send_task(application_id: int, kind: str, base_url: str) -> None:
    from ambassadors.services.applications import application_message_send

    application_message_send(application_id=application_id, kind=kind, base_url=base_url)
