import datetime
import time

import pytest
from django.utils import timezone

from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration, WalkInCount
from workshops.services import workshops_personal_data_compact, workshops_shred_personal_data
from workshops.tasks import workshops_shred_personal_data_task

pytestmark = pytest.mark.django_db


def workshop_ended(days_ago: int):
    ends = timezone.now() - datetime.timedelta(days=days_ago)
    return WorkshopFactory(starts_at=ends - datetime.timedelta(hours=2), ends_at=ends, status="completed")


def test_names_phones_and_emails_go_counts_stay():
    old = workshop_ended(100)
    recent = workshop_ended(10)
    RegistrationFactory(workshop=old, email="a@example.org", attended=True)
    RegistrationFactory(workshop=old, status="waitlisted")
    WalkInCount.objects.create(workshop=old, gender="women", age_band="18_29", count=4)
    kept = RegistrationFactory(workshop=recent)

    assert workshops_shred_personal_data(older_than_days=90) == 2
    shredded = Registration.objects.filter(workshop=old)
    assert set(shredded.values_list("name", "phone", "email")) == {("", "", "")}
    assert shredded.filter(attended=True).count() == 1
    assert sorted(shredded.values_list("status", flat=True)) == ["confirmed", "waitlisted"]
    assert old.walk_ins.get().count == 4
    assert Registration.objects.get(pk=kept.pk).name == kept.name
    old.refresh_from_db()
    assert old.personal_data_shredded_at is not None
    assert workshops_shred_personal_data(older_than_days=90) == 0  # idempotent


def test_the_daily_task_uses_the_configured_days(settings):
    settings.WORKSHOPS_SHRED_AFTER_DAYS = 5
    RegistrationFactory(workshop=workshop_ended(10))
    assert workshops_shred_personal_data_task() == 1


def test_the_task_is_on_the_beat_schedule():
    from config.schedules import BEAT_SCHEDULE

    entry = BEAT_SCHEDULE["workshops-shred-personal-data"]
    assert entry["task"] == "workshops.tasks.workshops_shred_personal_data_task"


def relation_files(model) -> list[str]:
    """The data files of a model's table, its TOAST table and all their indexes (every segment)."""
    import glob

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        data_directory = cursor.fetchone()[0]
        cursor.execute(
            """
            WITH tables AS (
                SELECT oid FROM pg_class WHERE oid = %(table)s::regclass
                UNION SELECT reltoastrelid FROM pg_class WHERE oid = %(table)s::regclass AND reltoastrelid <> 0
            )
            SELECT pg_relation_filepath(oid) FROM tables
            UNION SELECT pg_relation_filepath(indexrelid) FROM pg_index WHERE indrelid IN (SELECT oid FROM tables)
            """,
            {"table": model._meta.db_table},
        )
        paths = [row[0] for row in cursor.fetchall()]
    return [file for path in paths for file in glob.glob(f"{data_directory}/{path}*")]


def personal_data_on_disk(marker: bytes) -> dict[str, int]:
    """How many times `marker` is in the files of the tables that hold participants' data, after a
    CHECKPOINT has written every dirty page (the tests run as root and can read them)."""
    from django.db import connection

    from notifications.models import Delivery

    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
    found = {}
    for model in (Registration, Delivery):
        found[model.__name__] = sum(open(path, "rb").read().count(marker) for path in relation_files(model))
    return found


def wait_for_older_transactions_to_end(seconds: float = 120) -> None:
    """VACUUM FULL keeps a dead row version that a transaction older than the shredding might still
    read. Such a transaction may be open in any session on the server (another test run, a psql left
    in BEGIN): wait until none older than now is left, or skip and name the one that stays."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()::text::bigint")  # a transaction ending now
        now = cursor.fetchone()[0]
    older = """
        SELECT pid, datname, state, xact_start, left(query, 200) FROM pg_stat_activity
        WHERE pid <> pg_backend_pid()
          AND (age(backend_xmin) > age(%(now)s::text::xid) OR age(backend_xid) > age(%(now)s::text::xid))
        ORDER BY xact_start LIMIT 1
    """
    deadline = time.monotonic() + seconds
    while True:
        with connection.cursor() as cursor:
            cursor.execute(older, {"now": now % 2**32})
            holder = cursor.fetchone()
        if holder is None:
            return
        if time.monotonic() > deadline:
            pid, database, state, since, query = holder
            pytest.skip(
                f"session {pid} on database {database} ({state}, in a transaction since {since}) keeps old"
                f" row versions alive, so VACUUM FULL may not drop them: {query!r}"
            )
        time.sleep(1)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_shredded_names_and_numbers_are_gone_from_the_table_files(settings, tmp_path):
    """After the nightly task, the names, numbers and messages are not in the table files either:
    an UPDATE alone leaves the old row versions in the pages (and VACUUM does not overwrite them)."""
    from config.celery import app
    from notifications.services import reminders_scan
    from tests.reminders.helpers import workshop_with

    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = str(tmp_path / "sms.log")
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    start = timezone.now() - datetime.timedelta(days=100)
    workshop = workshop_with(starts_at=start, registrants=0)
    for number in range(200):
        RegistrationFactory(
            workshop=workshop, name=f"Shredmarker {number:03d} Gul", phone=f"+9230099{number:05d}"
        )
    reminders_scan(now=start - datetime.timedelta(hours=2) + datetime.timedelta(minutes=1))
    before = personal_data_on_disk(b"Shredmarker")
    assert before["Registration"] >= 200 and before["Delivery"] >= 200  # the check does find them
    assert personal_data_on_disk(b"+9230099")["Registration"] >= 200

    app.conf.task_always_eager = True
    try:
        assert workshops_shred_personal_data_task(older_than_days=90) == 200
    finally:
        app.conf.task_always_eager = False
    if personal_data_on_disk(b"Shredmarker") != {"Registration": 0, "Delivery": 0}:
        # A transaction elsewhere was older than the shredding: once it ends, compact again (as the
        # next night's run would).
        wait_for_older_transactions_to_end()
        workshops_personal_data_compact()
    assert personal_data_on_disk(b"Shredmarker") == {"Registration": 0, "Delivery": 0}
    assert personal_data_on_disk(b"+9230099") == {"Registration": 0, "Delivery": 0}
    assert Registration.objects.filter(workshop=workshop).count() == 200  # the counts stay


@pytest.mark.django_db(transaction=True)
def test_compacting_runs_on_the_embedded_default_too():
    """SQLite's VACUUM (or Postgres' VACUUM FULL) runs without error outside a transaction and refuses
    inside one, where it could not run."""
    from django.db import transaction

    RegistrationFactory(workshop=workshop_ended(100))
    workshops_shred_personal_data(older_than_days=90)
    workshops_personal_data_compact()
    with pytest.raises(RuntimeError), transaction.atomic():
        workshops_personal_data_compact()
