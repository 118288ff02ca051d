from celery import shared_task
from django.conf import settings


@shared_task(acks_late=True)
def workshops_shred_personal_data_task(older_than_days: int | None = None) -> int:
    """Daily: remove participants' names, phones and emails once their workshop is long over."""
    from workshops.services import workshops_shred_personal_data

    days = settings.WORKSHOPS_SHRED_AFTER_DAYS if older_than_days is None else older_than_days
    return workshops_shred_personal_data(older_than_days=days)
