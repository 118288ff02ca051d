"""Run the whole system on the embedded default: web server, Celery worker and beat.

Started by `make run`. Ctrl-C (or SIGTERM) stops all three and waits for them.
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

PROCESSES = {
    "web": [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{PORT}"],
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
