"""Impact: the dashboard and its CSV export with 100,000 registrations and 50,000 reports, in this
process with Django's test client against the bare view measured the same way (like compared with
like); the public page again through gunicorn, now with those figures behind it. The dashboard at
national data is in bench/staff_pages.py.
"""

from bench.harness import rate_in_process, size

ORDER = 80


def _data() -> None:
    from django.db import connection

    from tests.impact.bulk import bulk_create, bulk_present

    if not connection.vendor == "postgresql":
        raise RuntimeError("the impact bench builds its data with PostgreSQL's generate_series")
    if not bulk_present():
        bulk_create(
            workshops=int(size("BENCH_IMPACT_WORKSHOPS", 2000, 20)),
            registrations=int(size("BENCH_IMPACT_REGISTRATIONS", 100_000, 1000)),
            incidents=int(size("BENCH_IMPACT_INCIDENTS", 50_000, 500)),
        )


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
    harness.record("impact data: registrations", registrations, "rows")
    harness.record("impact data: incident reports", cases, "rows")

    seconds = harness.seconds
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="ur", HTTP_HOST="127.0.0.1")
    assert anonymous.get("/bench/bare/").status_code == 200
    bare = rate_in_process(lambda: anonymous.get("/bench/bare/"), seconds)

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
        export = path + "export/reports-by-region.csv"
        for name, url, counted in [("dashboard", path, len(queries)), ("CSV export", export, None)]:
            harness.record(
                f"impact {name}, {who}, in process (baseline: bare view in process)",
                rate_in_process(lambda client=client, url=url: client.get(url), seconds),
                "req/s",
                baseline=bare,
                language=path[1:3],
                queries=counted,
            )
    harness.page(f"public impact, {registrations:,} registrations", "/ur/impact/", language="ur")
