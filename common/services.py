"""Writes of the shared pieces: the worker heartbeat and the database's rate-limit windows."""

import datetime

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from common.models import RateLimitCounter, WorkerHeartbeat


def worker_heartbeat_record(*, now: datetime.datetime | None = None) -> WorkerHeartbeat:
    """Stamp the heartbeat, and drop rate-limit windows that have passed (a worker is the one
    place that runs every minute whatever the traffic)."""
    now = now or timezone.now()
    heartbeat, _created = WorkerHeartbeat.objects.update_or_create(pk=1, defaults={"seen_at": now})
    RateLimitCounter.objects.filter(expires_at__lt=now).delete()
    return heartbeat


def rate_limit_counter_increment(*, key: str, expires_at: datetime.datetime) -> int:
    """Count one attempt in the window `key` and return the new count, atomically (one upsert:
    simultaneous requests each get their own number, as with the cache's INCR)."""
    quote = connection.ops.quote_name
    table, key_column, count_column = quote(RateLimitCounter._meta.db_table), quote("key"), quote("count")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {count_column}, {quote('expires_at')}) VALUES (%s, 1, %s) "  # noqa: S608 - names are ours
            f"ON CONFLICT ({key_column}) DO UPDATE SET {count_column} = {table}.{count_column} + 1 "
            f"RETURNING {count_column}",
            [key, expires_at],
        )
        (count,) = cursor.fetchone()
    return count


def rate_limit_counter_decrement(*, key: str) -> None:
    RateLimitCounter.objects.filter(key=key, count__gt=0).update(count=F("count") - 1)
