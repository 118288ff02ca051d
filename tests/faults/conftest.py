"""A Redis server of the test's own, on a free port, that a test can stop and start again.

Never the shared server of REDIS_URL: stopping that would break every other process on the machine.
"""

import shutil
import socket
import subprocess
import time

import pytest

from tests.conftest import IN_CI


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnRedis:
    def __init__(self, folder):
        self.port = _free_port()
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def _ping(self) -> bool:
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True, check=False
        )
        return result.stdout.strip() == "PONG"

    def start(self) -> None:
        subprocess.run(
            [
                "redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--daemonize", "yes", "--dir", str(self.folder),
                "--pidfile", str(self.folder / "redis.pid"),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        for _ in range(100):
            if self._ping():
                return
            time.sleep(0.05)
        raise RuntimeError("the test's redis-server did not start")

    def stop(self) -> None:
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "shutdown", "nosave"], capture_output=True, check=False
        )
        for _ in range(100):
            if not self._ping():
                return
            time.sleep(0.05)


@pytest.fixture
def own_redis(settings, tmp_path, monkeypatch):
    """Cache and rate limits on a Redis server of this test's own (started; `.stop()` it)."""
    if not (shutil.which("redis-server") and shutil.which("redis-cli")):
        if IN_CI:
            pytest.fail("redis-server is needed for the fault tests")
        pytest.skip("needs redis-server")
    from common import cache_backends

    server = OwnRedis(tmp_path)
    server.start()
    # Every failure is noticed at once (in production a failed server is left alone for 2 s).
    monkeypatch.setattr(cache_backends.RedisCache, "RETRY_AFTER_SECONDS", 0.0)
    cache_backends._down_until.clear()
    settings.CACHES = {
        "default": {"BACKEND": "common.cache_backends.RedisCache", "LOCATION": server.url, "KEY_PREFIX": "t"},
        "ratelimit": {
            "BACKEND": "common.cache_backends.StrictRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "t",
        },
    }
    try:
        yield server
    finally:
        server.stop()
        cache_backends._down_until.clear()


@pytest.fixture
def broker_down(own_redis):
    """Celery's broker on the test's own Redis too, so stopping it stops the broker as well."""
    from config.celery import app

    saved = app.conf.broker_url, app.conf.broker_transport_options
    app.conf.broker_url, app.conf.broker_transport_options = own_redis.url, {}
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield own_redis
    finally:
        app.conf.broker_url, app.conf.broker_transport_options = saved
        app._pool = None
        app.amqp._producer_pool = None


def admin_connection():
    """A superuser connection outside Django's, to change or kill what Django's sessions see."""
    import psycopg2
    from django.db import connection

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params["dbname"] = "postgres"
    admin = psycopg2.connect(**params)
    admin.autocommit = True
    return admin


@pytest.fixture
def read_only_database():
    """`ALTER DATABASE ... SET default_transaction_read_only`: sessions opened after it refuse writes."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    admin = admin_connection()

    class Switch:
        def on(self):
            with admin.cursor() as cursor:
                cursor.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')

        def off(self):
            with admin.cursor() as cursor:
                cursor.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')

    switch = Switch()
    try:
        yield switch
    finally:
        switch.off()
        admin.close()
        connection.close()
