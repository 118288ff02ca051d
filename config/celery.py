import logging
import os

import celery
from celery import Celery
from kombu.exceptions import OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

logger = logging.getLogger("hifazat.tasks")


class Task(celery.Task):
    """A task whose queueing never fails the request that queues it.

    Tasks are queued after a commit (a registration, a report, an application): when the broker is
    unreachable the person's data is saved already, and an exception here would turn their page into
    an error. The failure is logged instead; the periodic scans pick up what matters (deliveries
    not yet sent are queued again by the reminders scan, stale handouts and packs are rebuilt at
    night). What is not picked up again is listed in docs/faults.md.
    """

    def apply_async(self, *args, **kwargs):
        try:
            return super().apply_async(*args, **kwargs)
        except OperationalError as error:
            logger.error(
                "Task %s was not queued: the broker is unreachable (%s)", self.name, type(error).__name__
            )
            return None


app = Celery("hifazat", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def setup_periodic_tasks(sender: Celery, **kwargs) -> None:
    """Beat reads its schedule from one place (config/schedules.py)."""
    from config.schedules import BEAT_SCHEDULE

    sender.conf.beat_schedule = BEAT_SCHEDULE


@app.on_after_configure.connect
def ensure_broker_folder(sender: Celery, **kwargs) -> None:
    """The filesystem transport of the embedded default needs its folder before the first message."""
    from django.conf import settings

    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        settings.BROKER_DIR.mkdir(parents=True, exist_ok=True)
