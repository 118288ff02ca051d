import datetime

from celery import shared_task


@shared_task(acks_late=True)
def monthly_summaries_task() -> int:
    """Beat, on the 1st of the month: queue last month's summary for every coordinator."""
    from impact.services import monthly_summaries_queue

    return monthly_summaries_queue()


@shared_task(bind=True, acks_late=True, max_retries=5, retry_backoff=True)
def monthly_summary_send_task(self, user_id: int, month: str) -> int:
    from impact.services import monthly_summary_send

    return monthly_summary_send(user_id=user_id, month=datetime.date.fromisoformat(month))
