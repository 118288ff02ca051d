"""Every periodic job of Hifazat, in one place. Beat only finds due work; tasks do it."""

from celery.schedules import crontab  # noqa: F401  (used by the entries apps add below)

BEAT_SCHEDULE: dict[str, dict] = {
    # Participants' personal data, WORKSHOPS_SHRED_AFTER_DAYS after their workshop (night, Pakistan time).
    "workshops-shred-personal-data": {
        "task": "workshops.tasks.workshops_shred_personal_data_task",
        "schedule": crontab(hour=3, minute=15),
    },
}
