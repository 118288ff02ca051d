"""Reminders: 20,000 due messages found by the scan and sent by a real Celery worker (file SMS
backend writing to /dev/null). Figures: messages per second end to end (against the bare backend
in one process, the ceiling), and queries per scan batch and per send batch (bounded, not per message).
Then the workshop rules: 20,000 registrants of 100 workshops starting in two hours, found and written
by the scan (rendered in Urdu), with the queries per scan batch.
"""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from bench.harness import size

ORDER = 70
MESSAGES = int(size("BENCH_NOTIFICATIONS_MESSAGES", 20_000, 400))
# Its own users: bench/ambassadors.py's (bench-ambassador-...@hifazat.example) hold certificates,
# which protect them from deletion.
RECIPIENT = "bench-recipient-"
ROOT = Path(__file__).resolve().parent.parent


def _reset() -> None:
    from accounts.models import User
    from notifications.models import Announcement, Delivery

    Delivery.objects.all().delete()
    Announcement.objects.all().delete()
    User.objects.filter(email__startswith=RECIPIENT).delete()
    # What an earlier version of this bench left behind under the ambassadors' prefix.
    User.objects.filter(email__startswith="bench-ambassador-", email__endswith="@hifazat.test").delete()


def _create_due() -> None:
    """MESSAGES ambassadors with SMS numbers in one district, and an announcement due now."""
    from django.utils import timezone

    from accounts.models import User
    from notifications.models import Announcement, UserPhone
    from regions.models import District

    _reset()
    district = District.objects.get(name_en="Karachi Central")
    users = User.objects.bulk_create(
        [
            User(
                email=f"{RECIPIENT}{index}@hifazat.test",
                full_name=f"سفیر {index}",
                role=User.Role.AMBASSADOR,
                province_id=district.province_id,
                language=("ur", "sd", "ps", "en")[index % 4],
                password="!",  # noqa: S106 - unusable
            )
            for index in range(MESSAGES)
        ],
        batch_size=2000,
    )
    User.districts.through.objects.bulk_create(
        [User.districts.through(user_id=user.pk, district_id=district.pk) for user in users], batch_size=5000
    )
    UserPhone.objects.bulk_create(
        [UserPhone(user=user, phone=f"+92300{index:07d}") for index, user in enumerate(users)],
        batch_size=5000,
    )
    Announcement.objects.create(
        district=district,
        send_at=timezone.now() - timedelta(seconds=5),
        send_email=False,
        message_en="Training on Saturday at 10:00 in the community hall.",
        message_ur="ہفتے کو صبح دس بجے کمیونٹی ہال میں تربیت ہے۔",
    )


def _bare_backend_rate() -> float:
    """The ceiling: the same SMS backend called in a loop, no database, no broker."""
    from notifications.channels import FileSmsBackend

    backend = FileSmsBackend(path=os.devnull)
    count = 5000
    started = time.perf_counter()
    for index in range(count):
        backend.send(
            to="+923001234567", body="ہفتے کو صبح دس بجے کمیونٹی ہال میں تربیت ہے۔", reference=f"hz-{index}"
        )
    return count / (time.perf_counter() - started)


def _start_worker(env: dict, log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork", "--concurrency=2",
        "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def run(harness) -> None:
    import signal

    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications.models import Delivery
    from notifications.services import reminders_scan

    harness.setup(_create_due)
    env = dict(
        harness.env,
        SMS_BACKEND="file",
        SMS_FILE_PATH=os.devnull,
        NOTIFICATIONS_QUIET_START="0",
        NOTIFICATIONS_QUIET_END="0",
    )
    settings.NOTIFICATIONS_QUIET_HOURS = (0, 0)
    log = ROOT / "var" / "bench-notifications-worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    worker = _start_worker(env, log)
    try:
        time.sleep(3)  # the worker connects to the broker
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            report = reminders_scan(time_budget=600)
        scanned = time.perf_counter() - started
        while Delivery.objects.filter(status=Delivery.Status.SENT).count() < MESSAGES:
            if time.perf_counter() - started > 900:
                raise RuntimeError("the worker did not send everything within 15 minutes")
            if worker.poll() is not None:
                raise RuntimeError(f"the worker stopped: {log.read_text()[-2000:]}")
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:  # seen with the embedded filesystem broker: stop it for sure
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
    sent = Delivery.objects.filter(status=Delivery.Status.SENT).count()
    harness.record(f"notifications: {sent} due reminders scanned", scanned, "s")
    harness.record(
        "notifications: messages/s, scan + worker (2 processes)",
        sent / elapsed,
        "msg/s",
        baseline=_bare_backend_rate(),
    )
    harness.record("notifications: queries per scan batch", len(captured) / max(report.batches, 1), "queries")
    harness.record("notifications: scan batches for all messages", report.batches, "batches")

    # Sending, measured here on a sample: one query per send batch, then claim + record per message.
    from notifications.services import deliveries_send

    ids = list(Delivery.objects.values_list("pk", flat=True)[: settings.NOTIFICATIONS_SEND_BATCH])
    Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.QUEUED)
    settings.SMS_BACKEND, settings.SMS_FILE_PATH = "file", os.devnull
    with CaptureQueriesContext(connection) as sending:
        deliveries_send(delivery_ids=ids)
    harness.record(f"notifications: queries per send batch of {len(ids)}", len(sending), "queries")
    harness.setup(_reset)
    _workshop_reminders(harness, announcement_rate=sent / scanned)


def _create_workshops() -> None:
    """100 published workshops starting in two hours, 200 confirmed registrants each (SMS only)."""
    from django.utils import timezone

    from accounts.models import User
    from facilitators.models import AmbassadorProfile
    from regions.models import District
    from workshops.models import Registration, Workshop

    _reset_workshops()
    district = District.objects.get(name_en="Karachi Central")
    user = User.objects.create(
        email="bench-facilitator@hifazat.test",
        full_name="Bench",
        role=User.Role.AMBASSADOR,
        password="!",  # noqa: S106
    )
    lead = AmbassadorProfile.objects.create(
        user=user, level="certified", languages=["ur"], phone="+923001112233"
    )
    starts_at = timezone.now() + timedelta(hours=2) - timedelta(minutes=1)
    per_workshop = MESSAGES // 100
    workshops = Workshop.objects.bulk_create(
        [
            Workshop(
                title=f"bench-workshop-{index}",
                language="ur",
                district=district,
                town="Nazimabad",
                venue_kind="community_centre",
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=2),
                capacity=per_workshop,
                lead_facilitator=lead,
                status="published",
            )
            for index in range(100)
        ]
    )
    Registration.objects.bulk_create(
        [
            Registration(
                workshop=workshop,
                name=f"شریک {index}",
                phone=f"+92301{workshop_index:03d}{index:04d}",
                language=("ur", "sd", "ps", "en")[index % 4],
                consent=True,
                status="confirmed",
            )
            for workshop_index, workshop in enumerate(workshops)
            for index in range(per_workshop)
        ],
        batch_size=5000,
    )


def _reset_workshops() -> None:
    from accounts.models import User
    from notifications.models import Delivery
    from workshops.models import Workshop

    Delivery.objects.all().delete()
    Workshop.objects.filter(title__startswith="bench-workshop-").delete()
    User.objects.filter(email="bench-facilitator@hifazat.test").delete()


def _workshop_reminders(harness, *, announcement_rate: float) -> None:
    """Baseline: the announcement scan above (one rule, one query per batch, no joins)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications.models import Delivery
    from notifications.services import reminders_scan
    from workshops import reminders

    harness.setup(_create_workshops)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        report = reminders_scan(time_budget=600)
    elapsed = time.perf_counter() - started
    written = Delivery.objects.filter(kind=reminders.REGISTRANT_TWO_HOURS).count()
    harness.record(
        f"workshops: {written} registrant reminders written by the scan",
        written / elapsed,
        "msg/s",
        baseline=announcement_rate,
    )
    harness.record("workshops: queries per scan batch", len(captured) / max(report.batches, 1), "queries")
    harness.setup(_reset_workshops)
