import time

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _retire_read_only_connection(sender, connection, **kwargs) -> None:
    """A PostgreSQL connection opened while the database refuses writes is used for one request only.

    `default_transaction_read_only` is read when a session starts; a connection kept open
    (CONN_MAX_AGE) would go on refusing writes after the database accepts them again, and
    CONN_HEALTH_CHECKS only checks that it is alive. One query per new connection (not per request).
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW transaction_read_only")
        (read_only,) = cursor.fetchone()
    if read_only == "on":
        connection.close_at = time.monotonic()  # obsolete: closed when this request finishes


class CommonConfig(AppConfig):
    """Small pieces every app shares: input cleaning for phones typed in any script, cached fragments,
    rate limits, and what the site does when a service fails (docs/faults.md)."""

    name = "common"

    def ready(self) -> None:
        connection_created.connect(_retire_read_only_connection, dispatch_uid="common-read-only-connections")
        from common import pagecache

        pagecache.connect_signals()
