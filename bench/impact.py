"""Impact: the dashboard with 100,000 registrations and 50,000 reports, against the bare view.

The dashboard needs a signed-in coordinator (or admin), which the harness's anonymous GET through
gunicorn cannot do, so it is measured in this process with Django's test client against the bare
view measured the same way (like compared with like). The public page goes through gunicorn.
"""

import time

from bench.harness import rate_in_process

ORDER = 80


def _data() -> None:
    from django.db import connection

    from tests.impact.bulk import bulk_create, bulk_present

    if not connection.vendor == "postgresql":
        raise RuntimeError("the impact bench builds its data with PostgreSQL's generate_series")
    if not bulk_present():
        bulk_create(workshops=2000, registrations=100_000, incidents=50_000)


def _staff():
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.models import User
    from regions.models import Province

    coordinator, _created = User.objects.get_or_create(
        email="bench-impact-coordinator@hifazat.test",
        defaults={
            "role": User.Role.COORDINATOR,
            "province": Province.objects.get(code="SD"),
            "language": "ur",
        },
    )
    admin, created = User.objects.get_or_create(
        email="bench-impact-admin@hifazat.test",
        defaults={"role": User.Role.ADMIN, "is_staff": True, "is_superuser": True},
    )
    if created:
        TOTP.activate(admin, generate_totp_secret())
    return coordinator, admin


def run(harness) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if not settings.USING_POSTGRES:
        print("impact: the dashboard bench needs PostgreSQL (bulk data); skipped", flush=True)
        return
    harness.setup(_data)
    from incidents.models import Case
    from workshops.models import Registration

    registrations, cases = Registration.objects.count(), Case.objects.count()
    harness.record("impact: registrations in the bench database", registrations, "rows")
    harness.record("impact: incident reports in the bench database", cases, "rows")

    seconds = harness.seconds
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="ur", HTTP_HOST="127.0.0.1")
    assert anonymous.get("/bench/bare/").status_code == 200
    bare = rate_in_process(lambda: anonymous.get("/bench/bare/"), seconds)
    harness.record("impact: bare Django view, in process (baseline)", bare, "req/s")

    coordinator, admin = _staff()
    for who, user, path in [
        ("Sindh coordinator", coordinator, "/ur/impact/dashboard/"),
        ("admin, all Pakistan", admin, "/en/impact/dashboard/"),
    ]:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        response = client.get(path)
        assert response.status_code == 200, response.status_code
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        harness.record(f"impact: dashboard, {who}: queries per page", len(queries), "queries")
        started = time.perf_counter()
        client.get(path)
        harness.record(f"impact: dashboard, {who}: one page", (time.perf_counter() - started) * 1000, "ms")
        harness.record(
            f"impact: dashboard {path}, {who}",
            rate_in_process(lambda client=client, path=path: client.get(path), seconds),
            "req/s",
            baseline=bare,
        )
        export = path + "export/reports-by-region.csv"
        harness.record(
            f"impact: CSV export, {who}",
            rate_in_process(lambda client=client, export=export: client.get(export), seconds),
            "req/s",
            baseline=bare,
        )
    harness.http("impact: public page /ur/impact/ (figures cached)", "/ur/impact/")
