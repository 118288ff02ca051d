"""Two small tables that let the site tell the truth when a service fails (docs/faults.md)."""

from django.db import models


class RateLimitCounter(models.Model):
    """A rate-limit window counted in the database while the cache (Redis) is unreachable.

    Only for limits whose subject may sit in the database for one window: the key is the limit's
    scope, window number and an HMAC (never an address or a typed email), and rows are deleted once
    their window has passed. Limits on anonymous reporting never come here (they refuse instead).
    """

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key


class WorkerHeartbeat(models.Model):
    """When a Celery worker last ran the heartbeat task that beat queues every minute (one row)."""

    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.seen_at.isoformat()
