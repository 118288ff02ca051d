"""Confidential reporting: the case handler queue with 50,000 cases through gunicorn under wrk (a
handler's session cookie, made here, goes with every request; issue #16's floor: 0.2 of the bare
view), and report submission with a 1 MB image (a multipart POST, measured in this process with
Django's test client against the bare view measured the same way). The report and follow-up forms
are in bench/pages.py.
"""

import io
import random

from bench.harness import rate_in_process, size

ORDER = 60
QUEUE_CASES = int(size("BENCH_INCIDENT_CASES", 50_000, 500))
QUEUE_FLOOR = 0.2


def _one_megabyte_jpeg() -> bytes:
    from PIL import Image

    rng = random.Random(6)
    side = 1000
    image = Image.frombytes("RGB", (side, side), bytes(rng.getrandbits(8) for _ in range(side * side * 3)))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=95)
    return output.getvalue()


def _seed_cases() -> None:
    """50,000 cases in Sindh, in bulk: one argon2 hash shared (bench data only), content encrypted."""
    from incidents import receipts
    from incidents.models import Case, Category
    from regions.models import District

    existing = Case.objects.count()
    if existing >= QUEUE_CASES:
        _analyze()
        return
    secret_hash = receipts.hash_secret(receipts.new_secret())
    categories = list(Category.objects.filter(parent__isnull=False))
    districts = list(District.objects.filter(province__code="SD"))
    statuses = [Case.Status.NEW, Case.Status.TRIAGE, Case.Status.ADVISED, Case.Status.REFERRED]
    batch = []
    for index in range(existing, QUEUE_CASES):
        batch.append(
            Case(
                code=f"9{index:07d}",
                secret_hash=secret_hash,
                category=categories[index % len(categories)],
                district=districts[index % len(districts)],
                channel=Case.Channel.WHATSAPP,
                when=Case.When.WEEK,
                narrative=f"Bench case {index}: a message asked for a code.",
                language="ur",
                status=statuses[index % len(statuses)],
            )
        )
        if len(batch) == 2000:
            Case.objects.bulk_create(batch)
            batch = []
    if batch:
        Case.objects.bulk_create(batch)
    _analyze()


def _analyze() -> None:
    """Fresh planner statistics, as autovacuum would give a table that grew like this in production."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _handler():
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.models import User
    from regions.models import Province

    user, _created = User.objects.get_or_create(
        email="bench-handler@hifazat.example",
        defaults={"role": User.Role.CASE_HANDLER, "province": Province.objects.get(code="SD")},
    )
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    return user


def run(harness) -> None:
    from django.test import Client, override_settings

    from incidents.models import Category

    seconds = harness.seconds
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="ur", HTTP_HOST="127.0.0.1")
    assert anonymous.get("/bench/bare/").status_code == 200
    bare = rate_in_process(lambda: anonymous.get("/bench/bare/"), seconds)
    photo = _one_megabyte_jpeg()
    category = Category.objects.get(slug="wallet-otp")

    def submit() -> None:
        from django.core.files.uploadedfile import SimpleUploadedFile

        response = anonymous.post(
            "/ur/report/",
            {
                "step": "report",
                "category": category.pk,
                "channel": "whatsapp",
                "when": "week",
                "district": "other",
                "narrative": "Bench: someone asked for my code.",
                "evidence": [SimpleUploadedFile("photo.jpg", photo, content_type="image/jpeg")],
            },
        )
        assert response.status_code == 200, response.status_code

    with override_settings(INCIDENT_SUBMISSIONS_PER_HOUR=10**9):
        harness.record(
            f"report with a {len(photo) // 1024} KB image, in process (baseline: bare view in process)",
            rate_in_process(submit, seconds),
            "req/s",
            baseline=bare,
            language="ur",
        )

    harness.setup(_seed_cases)
    handler = Client(HTTP_HOST="127.0.0.1")
    handler.force_login(_handler())
    harness.page(
        f"handler queue, {QUEUE_CASES:,} cases",
        "/en/cases/",
        language="en",
        floor=QUEUE_FLOOR,
        client=handler,
    )
    harness.page(
        f"handler queue, last page, {QUEUE_CASES:,} cases",
        "/en/cases/?page=last",
        language="en",
        floor=QUEUE_FLOOR,
        client=handler,
    )
