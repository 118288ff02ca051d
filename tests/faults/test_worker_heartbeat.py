"""/healthz/worker: 200 while a worker takes the heartbeat task that beat queues every minute, 503 when
none has for WORKER_HEARTBEAT_STALE_MINUTES. /healthz itself stays about the database and broker."""

import datetime

import pytest
from django.utils import timezone

from common.models import WorkerHeartbeat
from common.tasks import worker_heartbeat_task
from config.schedules import BEAT_SCHEDULE
from tests.notifications.worker import make_worker, wait_for


def test_beat_queues_the_heartbeat_every_minute():
    assert BEAT_SCHEDULE["worker-heartbeat"] == {
        "task": "common.tasks.worker_heartbeat_task",
        "schedule": 60.0,
    }


@pytest.mark.django_db
def test_no_heartbeat_yet_is_stale(client):
    response = client.get("/healthz/worker")
    assert response.status_code == 503
    assert response.json() == {"worker": "stale", "last_heartbeat": None, "stale_after_minutes": 5}
    assert client.get("/healthz").status_code == 200  # web nodes stay in the load balancer
    assert client.get("/healthz").json()["worker"] == "stale"


@pytest.mark.django_db
def test_a_heartbeat_older_than_the_limit_is_stale(client, settings):
    settings.WORKER_HEARTBEAT_STALE_MINUTES = 5
    WorkerHeartbeat.objects.create(pk=1, seen_at=timezone.now() - datetime.timedelta(minutes=4))
    assert client.get("/healthz/worker").status_code == 200
    assert client.get("/healthz").json()["worker"] == "ok"
    WorkerHeartbeat.objects.filter(pk=1).update(seen_at=timezone.now() - datetime.timedelta(minutes=6))
    response = client.get("/healthz/worker")
    assert response.status_code == 503
    assert response.json()["worker"] == "stale"


@pytest.mark.worker
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_running_worker_keeps_it_fresh_and_a_stopped_one_lets_it_go_stale(client, tmp_path, settings):
    worker = make_worker(tmp_path=tmp_path)
    worker.start()
    try:
        worker_heartbeat_task.delay()  # what beat queues every minute
        wait_for(lambda: client.get("/healthz/worker").status_code == 200, timeout=30)
    finally:
        worker.stop()
    # Beat keeps queueing; nobody takes the tasks. Five minutes on, the check fails.
    worker_heartbeat_task.delay()
    WorkerHeartbeat.objects.filter(pk=1).update(seen_at=timezone.now() - datetime.timedelta(minutes=6))
    assert client.get("/healthz/worker").status_code == 503
