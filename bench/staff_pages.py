"""Staff pages at a national rollout's data (issue #18): p50/p95 server time and queries per page.

Staff pages need a signed-in user, so each is measured in this process with Django's test client
(server time: middleware, queries, templates; a streamed export is read to its last byte).

In `make bench` the data comes from `manage.py national_data --here` into a database of its own, the
bench database's name plus `_national` (at BENCH_NATIONAL_SCALE 1, the national volumes, the default)
or `_national_0_001` (at a fraction: BENCH_SIZE=tiny uses 0.001), made once and kept: the other
bench modules add and delete their own rows in the bench database, which must not change what this
one measures from one run to the next. Each page is a row of the bench table against the 300 ms p95
budget. On its own, against the database `manage.py national_data` made:

    DATABASE_URL=postgres://.../hifazat_national .venv/bin/python bench/staff_pages.py [requests]
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent

ORDER = 90
BUDGET_MS = 300


def _user(email: str, *, mfa: bool = False):
    from accounts.models import User

    user = User.objects.get(email=email)
    if mfa:
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())
    return user


def staff_pages() -> list[tuple[str, str, object, str]]:
    """(page, who, user, path) for every staff page the issue lists, on national data."""
    from django.db.models import Count

    from common.management.commands.national_data import MARK
    from incidents.models import Case
    from workshops.models import Workshop

    admin = _user(f"{MARK}admin@hifazat.test", mfa=True)
    coordinator = _user(f"{MARK}coordinator-sd@hifazat.test")
    handler = _user(f"{MARK}handler-sd-0@hifazat.test", mfa=True)
    workshop = (
        Workshop.objects.filter(
            district__province__code="SD",
            status="completed",
            title__startswith="[national]",
            lead_facilitator__isnull=False,
        )
        .annotate(n=Count("registrations"))
        .order_by("-n", "pk")
        .first()
    )
    ambassador = workshop.lead_facilitator.user
    case = Case.objects.visible_to(handler).filter(code__startswith="N").order_by("-created_at").first()
    manage = f"/en/workshops/manage/{workshop.pk}/"
    return [
        ("Workshops manage list", "Sindh coordinator", coordinator, "/en/workshops/manage/"),
        ("Workshops manage list", "admin", admin, "/en/workshops/manage/"),
        ("Calendar", "Sindh coordinator", coordinator, "/en/workshops/manage/calendar/"),
        ("Manage page", "Sindh coordinator", coordinator, manage),
        ("Attendance", "Sindh coordinator", coordinator, manage + "attendance/"),
        ("New workshop form", "Sindh coordinator", coordinator, "/en/workshops/manage/new/"),
        ("Edit workshop form", "Sindh coordinator", coordinator, manage + "edit/"),
        ("Record a past session form", "Sindh coordinator", coordinator, "/en/workshops/manage/record/"),
        ("Workshops export.csv", "Sindh coordinator", coordinator, "/en/workshops/manage/export.csv"),
        ("Workshops export.csv", "admin", admin, "/en/workshops/manage/export.csv"),
        ("Registrations CSV of a workshop", "Sindh coordinator", coordinator, manage + "registrations.csv"),
        ("Application queue", "Sindh coordinator", coordinator, "/en/ambassadors/review/"),
        ("Directory", "Sindh coordinator", coordinator, "/en/ambassadors/directory/"),
        ("Directory", "admin", admin, "/en/ambassadors/directory/"),
        ("Directory export", "Sindh coordinator", coordinator, "/en/ambassadors/directory/export.csv"),
        ("Directory export", "admin", admin, "/en/ambassadors/directory/export.csv"),
        ("Incident queue", "Sindh case handler", handler, "/en/cases/"),
        ("Incident queue", "admin", admin, "/en/cases/"),
        ("Case page", "Sindh case handler", handler, f"/en/cases/{case.pk}/"),
        ("Case page", "admin", admin, f"/en/cases/{case.pk}/"),
        ("Impact dashboard", "Sindh coordinator", coordinator, "/en/impact/dashboard/"),
        ("Impact dashboard", "admin", admin, "/en/impact/dashboard/"),
        ("Impact export CSV", "admin", admin, "/en/impact/dashboard/export/reports-by-region.csv"),
        ("Impact export XLSX", "admin", admin, "/en/impact/dashboard/export/reports-by-region.xlsx"),
        ("Notifications log", "Sindh coordinator", coordinator, "/en/notifications/"),
        ("Notifications log", "admin", admin, "/en/notifications/"),
        ("Translator coverage", "Sindh coordinator", coordinator, "/en/library/coverage/"),
        ("My workshops", "ambassador", ambassador, "/en/workshops/mine/"),
    ]


def _count(client, path: str) -> tuple[int, int]:
    """(status, queries) of one GET. The log is emptied first: each request empties it when it starts
    (request_started), which would make a count taken across it come out short."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        status = _get(client, path).status_code
    return status, len(queries)


def _get(client, path: str):
    response = client.get(path)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def query_counts() -> dict[tuple[str, str], tuple[int, int]]:
    """{(page, who): (status, queries)} for each staff page, measured after one warm-up request."""
    from django.test import Client

    counts = {}
    for page, who, user, path in staff_pages():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        _get(client, path)
        counts[(page, who)] = _count(client, path)
    return counts


def measure(requests: int = 20) -> list[dict]:
    from django.core.cache import cache
    from django.test import Client

    rows = []
    for page, who, user, path in staff_pages():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        _get(client, path)
        status, queries = _count(client, path)
        times, first_bytes = [], []
        for _n in range(requests):
            cache.clear()  # cold fragments and figures: the worst a staff member meets
            started = time.perf_counter()
            response = client.get(path)
            if response.streaming:
                chunks = iter(response.streaming_content)
                next(chunks, b"")
                first_bytes.append((time.perf_counter() - started) * 1000)
                b"".join(chunks)
            times.append((time.perf_counter() - started) * 1000)
        rows.append(
            {
                "page": page,
                "who": who,
                "status": status,
                "queries": queries,
                "p50": statistics.median(times),
                "p95": _p95(times),
                "first_byte_p95": _p95(first_bytes) if first_bytes else None,
            }
        )
    return rows


def _p95(times: list[float]) -> float:
    times = sorted(times)
    return times[max(0, round(0.95 * len(times)) - 1)]


def table(rows: list[dict]) -> str:
    """Markdown; a streamed export also gives the time to its first byte (when the download starts)."""
    lines = [
        "| page | who | status | queries | p50 ms | p95 ms | first byte p95 ms |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        mark = "" if row["p95"] <= BUDGET_MS else " (over 300)"
        first = "" if row["first_byte_p95"] is None else f"{row['first_byte_p95']:.0f}"
        lines.append(
            f"| {row['page']} | {row['who']} | {row['status']} | {row['queries']} | {row['p50']:.0f} |"
            f" {row['p95']:.0f}{mark} | {first} |"
        )
    return "\n".join(lines)


def national_database_url(bench_url: str, scale: float) -> str:
    parts = urlsplit(bench_url)
    suffix = "_national" if scale == 1 else "_national_" + f"{scale:g}".replace(".", "_")
    return urlunsplit(parts._replace(path=f"/{parts.path.lstrip('/')}{suffix}"))


def _national_database(url: str, scale: float) -> None:
    """Create, migrate and fill the national database (each step is idempotent)."""
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    env = {**os.environ, "DATABASE_URL": url}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True)
    subprocess.run([*manage, "national_data", "--here", f"--scale={scale:g}"], env=env, check=True)


def run(harness) -> None:
    from django.conf import settings
    from django.db import connections

    from bench.harness import BenchFailure, size

    if not settings.USING_POSTGRES:
        print("staff pages: national data is made with COPY on PostgreSQL; skipped on SQLite", flush=True)
        return
    scale = size("BENCH_NATIONAL_SCALE", 1, 0.001)
    url = national_database_url(os.environ["DATABASE_URL"], scale)
    harness.setup(lambda: _national_database(url, scale))
    database = connections["default"]
    bench_name = database.settings_dict["NAME"]
    database.close()
    database.settings_dict["NAME"] = urlsplit(url).path.lstrip("/")
    try:
        rows = measure(int(size("BENCH_STAFF_REQUESTS", 20, 3)))
    finally:
        database.close()
        database.settings_dict["NAME"] = bench_name
    for row in rows:
        if row["status"] != 200:
            raise BenchFailure(f"{row['page']} ({row['who']}) answered {row['status']}, not 200")
        harness.staff(
            f"{row['page']} ({row['who']}, national data x{scale:g})",
            p50=row["p50"],
            p95=row["p95"],
            queries=row["queries"],
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    print(table(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
