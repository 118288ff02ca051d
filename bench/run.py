"""`make bench`: every bench/<name>.py module's `run(harness)`, in ORDER.

Uses its own database so benchmark data never mixes with anything else: with DATABASE_URL set,
the database of that name plus `_bench` (created if missing); without, var/bench.sqlite3.
"""

import importlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import Harness, bench_env, free_port  # noqa: E402

NOT_SCENARIOS = {"__init__", "run", "harness", "settings", "urls", "wsgi"}


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
        clients=int(os.environ.get("BENCH_CLIENTS", "4")),
        port=free_port(),
    )
    database = env["DATABASE_URL"].split(":")[0]
    print(
        f"Hifazat benchmarks on {database}; {harness.clients} clients x {harness.seconds:.0f} s per figure",
        flush=True,
    )
    try:
        for module in modules:
            print(f"\n## {module.__name__.removeprefix('bench.')}", flush=True)
            module.run(harness)
    finally:
        harness.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
