"""Run the whole system on the embedded default: web server, Celery worker and beat.

Started by `make run`. Ctrl-C (or SIGTERM) stops all three and waits for them.

The web server is gunicorn, as in production, not Django's runserver: runserver starts a thread
per request and each thread keeps its own database connection, which on PostgreSQL left dozens of
idle connections ("too many clients") and lost requests under a burst. gunicorn's fixed pool
(WEB_WORKERS x WEB_THREADS) bounds the connections to that product; whitenoise serves static files.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = os.environ.get("PORT", "8000")
VAR = Path(os.environ.get("HIFAZAT_VAR_DIR", ROOT / "var"))

WEB_WORKERS = os.environ.get("WEB_WORKERS", "2")
WEB_THREADS = os.environ.get("WEB_THREADS", "4")

PROCESSES = {
    "web": [
        PYTHON,
        "-m",
        "gunicorn",
        "config.wsgi",
        f"--bind=127.0.0.1:{PORT}",
        f"--workers={WEB_WORKERS}",
        f"--threads={WEB_THREADS}",
        "--worker-class=gthread",
        "--graceful-timeout=3",  # Ctrl-C: finish requests in flight, then stop within seconds
        # No access log: paths carry signed registration links and the log would keep addresses.
    ],
    "worker": [
        PYTHON,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--loglevel=INFO",
        "--concurrency=2",
        "--pool=prefork",
    ],
    "beat": [PYTHON, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO", "--pidfile="],
}


def main() -> int:
    (VAR / "broker").mkdir(parents=True, exist_ok=True)
    database = os.environ.get("DATABASE_URL", "").split(":")[0] or "SQLite"
    broker = "Redis" if os.environ.get("REDIS_URL") else "filesystem broker (var/broker)"
    print(
        f"Hifazat on http://127.0.0.1:{PORT}/  ({database}, {broker}). Ctrl-C stops everything.", flush=True
    )
    children = {
        name: subprocess.Popen(command, cwd=ROOT, start_new_session=True)
        for name, command in PROCESSES.items()
    }
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for name, child in children.items():
            if child.poll() is not None:
                print(f"{name} exited with {child.returncode}; stopping the others.", flush=True)
                exit_code, stopping = child.returncode or 1, True
        time.sleep(0.5)
    for child in children.values():
        if child.poll() is None:
            child.terminate()  # each process shuts down its own children (Celery: warm shutdown)
    deadline = time.monotonic() + 15
    for child in children.values():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    print("Hifazat stopped.", flush=True)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
