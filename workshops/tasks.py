from celery import shared_task
from django.conf import settings
from django.db import transaction


@shared_task(acks_late=True)
def workshops_shred_personal_data_task(older_than_days: int | None = None) -> int:
    """Daily: remove participants' names, phones and emails once their workshop is long over; when
    anything was removed, rewrite the tables so the old values leave the database files too."""
    from workshops.services import workshops_shred_personal_data

    days = settings.WORKSHOPS_SHRED_AFTER_DAYS if older_than_days is None else older_than_days
    shredded = workshops_shred_personal_data(older_than_days=days)
    if shredded:
        transaction.on_commit(workshops_personal_data_compact_task.delay)
    return shredded


@shared_task(acks_late=True)
def workshops_personal_data_compact_task() -> None:
    """VACUUM FULL of the tables that held the shredded data (idempotent: a second run rewrites
    already clean tables)."""
    from workshops.services import workshops_personal_data_compact

    workshops_personal_data_compact()


@shared_task
def quiz_answers_flush_task() -> int:
    """Every few seconds: the quiz answers waiting in Redis, written to the database."""
    from workshops.services import quiz_answers_flush

    return quiz_answers_flush()
