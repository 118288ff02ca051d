"""Every periodic job of Hifazat, in one place. Beat only finds due work; tasks do it."""

from celery.schedules import crontab
from django.conf import settings

BEAT_SCHEDULE: dict[str, dict] = {
    # Quiz answers waiting in Redis are written to the database (workshops/services/quiz.py).
    "workshops-quiz-answers-flush": {
        "task": "workshops.tasks.quiz_answers_flush_task",
        "schedule": settings.QUIZ_ANSWERS_FLUSH_SECONDS,
    },
    # A worker stamps the time it took this task; /healthz/worker turns stale when none has for
    # WORKER_HEARTBEAT_STALE_MINUTES (docs/faults.md).
    "worker-heartbeat": {"task": "common.tasks.worker_heartbeat_task", "schedule": 60.0},
    # Finds due reminders by database query and queues them; also requeues lost or failed sends.
    "notifications-scan": {"task": "notifications.tasks.reminders_scan_task", "schedule": 60.0},
    # incidents: alert handlers about cases nobody acknowledged; purge closed cases past retention.
    "incidents-unacknowledged-alert": {
        "task": "incidents.tasks.cases_unacknowledged_alert_task",
        "schedule": crontab(minute="*/15"),
    },
    "incidents-purge-expired": {
        "task": "incidents.tasks.cases_purge_expired_task",
        "schedule": crontab(hour=3, minute=30),
    },
    # Participants' personal data, WORKSHOPS_SHRED_AFTER_DAYS after their workshop (night, Pakistan time).
    "workshops-shred-personal-data": {
        "task": "workshops.tasks.workshops_shred_personal_data_task",
        "schedule": crontab(hour=3, minute=15),
    },
    # Offline packs whose module changed since they were built (edits outside the admin too) are
    # rebuilt at night, Pakistan time, so the morning's downloads are current.
    "curriculum-packs-refresh-stale": {
        "task": "curriculum.tasks.packs_refresh_stale_task",
        "schedule": crontab(hour=2, minute=45),
    },
    # Handouts generated from a module whose text changed (edits outside the admin too) are made
    # again before the packs are checked, so the packs pick the new PDFs up.
    "curriculum-handouts-refresh-stale": {
        "task": "curriculum.tasks.handouts_refresh_stale_task",
        "schedule": crontab(hour=2, minute=15),
    },
    # impact: last month's summary to every coordinator, in their language (1st of the month, 07:00).
    "impact-monthly-summaries": {
        "task": "impact.tasks.monthly_summaries_task",
        "schedule": crontab(day_of_month=1, hour=7, minute=0),
    },
}
