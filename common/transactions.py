"""Transactions that do not wait for the disk, for writes whose loss in a database crash is harmless.

`without_waiting_for_disk` is `transaction.atomic` plus, on PostgreSQL, `SET LOCAL synchronous_commit
TO OFF`: the COMMIT returns once the transaction is in PostgreSQL's write-ahead log buffer instead of
after the fsync that makes it durable. The data is consistent either way (a crash can never leave half
a transaction); what can be lost is the last fraction of a second of such commits, and only if
PostgreSQL itself (or the machine) crashes: a restart of Django, a closed connection or a stopped
worker lose nothing. `SET LOCAL` lasts only for the transaction, so every other write on the same
connection still waits for the disk. Called inside a transaction that is already open, it changes
nothing: that transaction's own writes decide how it commits. SQLite (the embedded default) is left
as it is.

Used where a lost row costs nobody anything they cannot redo and the fsync was most of the request:
an anonymous quiz score (docs/performance.md, "Durability").
"""

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from django.db import connection, transaction

P = ParamSpec("P")
R = TypeVar("R")


def without_waiting_for_disk(function: Callable[P, R]) -> Callable[P, R]:
    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if outermost and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            return function(*args, **kwargs)

    return wrapper
