"""A real Celery worker on Redis, started by a test as a subprocess on the test database, stopped after."""

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent


class Worker:
    def __init__(self, *, tmp_path: Path, sms_backend: str) -> None:
        self.tmp_path = tmp_path
        self.sms_log = tmp_path / "sms.log"
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir(exist_ok=True)
        self.logs: list[Path] = []
        self.process: subprocess.Popen | None = None
        database = urlsplit(os.environ["DATABASE_URL"])
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            # The same database this test writes to (pytest-django's test database), committed data.
            "DATABASE_URL": urlunsplit(database._replace(path="/" + connection.settings_dict["NAME"])),
            "DATABASE_CONN_MAX_AGE": "0",
            "REDIS_URL": settings.REDIS_URL,
            "HIFAZAT_VAR_DIR": str(tmp_path / "var"),
            "SMS_BACKEND": sms_backend,
            "SMS_FILE_PATH": str(self.sms_log),
            "EMAIL_URL": f"file://{self.mail_dir}",
            # The worker sends with the real clock; quiet hours have their own tests.
            "NOTIFICATIONS_QUIET_START": "0",
            "NOTIFICATIONS_QUIET_END": "0",
        }

    def start(self, timeout: float = 30) -> None:
        log = self.tmp_path / f"worker-{len(self.logs)}.log"
        self.logs.append(log)
        command = [
            sys.executable, "-m", "celery", "-A", "config", "worker",
            "--pool=prefork", "--concurrency=2", "--loglevel=INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
            "-n", f"test-{uuid.uuid4().hex[:8]}@%h",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=open(log, "wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b" ready." in log.read_bytes():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"the worker did not start:\n{log.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once, as a crash or an OOM kill would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def log_text(self) -> str:
        return "".join(log.read_text(errors="replace") for log in self.logs)

    def sms(self) -> list[dict]:
        if not self.sms_log.exists():
            return []
        return [json.loads(line) for line in self.sms_log.read_text().splitlines()]

    def emails(self) -> list[str]:
        """The X-Hifazat-Delivery reference of every email the worker wrote."""
        references = []
        for path in self.mail_dir.iterdir():
            for line in path.read_text(errors="replace").splitlines():
                if line.startswith("X-Hifazat-Delivery: "):
                    references.append(line.removeprefix("X-Hifazat-Delivery: ").strip())
        return references


def wait_for(condition, *, timeout: float = 60, interval: float = 0.2, every=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if every:
            every()
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError("timed out waiting")


def make_worker(*, tmp_path: Path, sms_backend: str = "file") -> Worker:
    if not settings.REDIS_URL or not settings.USING_POSTGRES:
        pytest.skip("the worker tests need Redis (REDIS_URL) and PostgreSQL (DATABASE_URL)")
    import redis

    redis.Redis.from_url(settings.REDIS_URL).flushdb()  # this Redis database is the tests' own
    return Worker(tmp_path=tmp_path, sms_backend=sms_backend)
