"""`make bench`: every bench/<name>.py module's `run(harness)`, in ORDER, then one table.

Uses its own database so benchmark data never mixes with anything else: with DATABASE_URL set,
the database of that name plus `_bench` (created if missing); without, var/bench.sqlite3.

Exit status: 1 when a page did not answer 200 or wrk saw an error (always), or, with BENCH_STRICT=1,
when a figure is below its floor. `bench/run.py pages incidents` runs only those modules.
"""

import importlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import BenchFailure, Harness, bench_env, free_port  # noqa: E402

NOT_SCENARIOS = {"__init__", "run", "harness", "settings", "urls", "wsgi"}
LIGHTHOUSE_PLACES = ("lighthouse", str(ROOT / "var" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"))


def bench_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench"
    import psycopg2

    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return urlunsplit(parts._replace(path=f"/{name}"))


def main() -> int:
    env = bench_env()
    env["DATABASE_URL"] = bench_database_url()
    os.environ.update(env)
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    import django

    django.setup()
    only = set(sys.argv[1:])
    modules = []
    for path in sorted((ROOT / "bench").glob("*.py")):
        if path.stem in NOT_SCENARIOS or (only and path.stem not in only):
            continue
        modules.append(importlib.import_module(f"bench.{path.stem}"))
    modules.sort(key=lambda module: getattr(module, "ORDER", 100))
    harness = Harness(
        env=env,
        seconds=float(os.environ.get("BENCH_SECONDS", "4")),
        port=free_port(),
        lighthouse=_lighthouse(),
    )
    database = env["DATABASE_URL"].split(":")[0]
    print(f"Hifazat benchmarks on {database}: {harness.settings_line()}", flush=True)
    if os.environ.get("BENCH_LIGHTHOUSE") and not harness.lighthouse:
        print("BENCH_LIGHTHOUSE is set but no lighthouse command was found; no Lighthouse scores", flush=True)
    started = time.monotonic()
    failure = None
    try:
        for module in modules:
            print(f"\n## {module.__name__.removeprefix('bench.')}", flush=True)
            module.run(harness)
            harness.score_queued_pages()
    except BenchFailure as error:
        failure = error
    finally:
        harness.close()
    print(f"\n## Table ({harness.settings_line()}; {time.monotonic() - started:.0f} s)\n", flush=True)
    print(harness.table(), flush=True)
    if failure:
        print(f"\nmake bench FAILED: {failure}", flush=True)
        return 1
    below = harness.below_floor()
    if below:
        names = "; ".join(f"{row.page} [{row.language}]" for row in below)
        strict = os.environ.get("BENCH_STRICT") == "1"
        print(f"\n{len(below)} figure(s) below the floor: {names}", flush=True)
        if strict:
            return 1
        print("(BENCH_STRICT=1 makes this an error)", flush=True)
    return 0


def _lighthouse() -> str | None:
    """The lighthouse command when BENCH_LIGHTHOUSE=1 (on PATH, var/lighthouse, or BENCH_LIGHTHOUSE_BIN)."""
    if os.environ.get("BENCH_LIGHTHOUSE") != "1":
        return None
    places = (os.environ.get("BENCH_LIGHTHOUSE_BIN", ""), *LIGHTHOUSE_PLACES)
    return next((found for place in places if place and (found := shutil.which(place))), None)


if __name__ == "__main__":
    sys.exit(main())
