"""Rate limits hold under concurrency: the counter decides, not a check made before counting."""

import multiprocessing
import threading
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from tests.incidents import factories as incident_factories

WRONG = "We could not open a case with this code and secret"
TOO_MANY = "Too many attempts. Please wait 15 minutes and try again."


@pytest.mark.postgres  # threads on SQLite's in-memory test database lock each other's tables
@pytest.mark.django_db(transaction=True)
def test_forty_simultaneous_wrong_follow_ups_against_a_limit_of_eight_check_eight_secrets(settings):
    """Forty guesses fired at once from one connection: eight reach the secret check, the rest are
    refused before it. (Checking first and counting after let all forty through.)"""
    settings.INCIDENT_FOLLOW_UP_FAILURES_PER_15_MINUTES = 8
    receipt = incident_factories.submit()
    start = threading.Barrier(40)
    answers: list[str] = []
    lock = threading.Lock()

    def guess(number: int) -> None:
        client = Client(REMOTE_ADDR="203.0.113.77")
        start.wait()
        try:
            response = client.post(
                "/en/report/follow-up/", {"code": receipt.code, "secret": f"{number:012d}"}
            )
        finally:
            connection.close()
        html = response.content.decode()
        outcome = (
            "checked"
            if response.status_code == 400 and WRONG in html
            else "refused"
            if response.status_code == 429 and TOO_MANY in html
            else f"unexpected {response.status_code}"
        )
        with lock:
            answers.append(outcome)

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == ["checked"] * 8 + ["refused"] * 32
    # The right secret from the same connection is refused too until the window ends.
    refused = Client(REMOTE_ADDR="203.0.113.77").post(
        "/en/report/follow-up/", {"code": receipt.code, "secret": receipt.secret}
    )
    assert refused.status_code == 429


def _count_in_child(backend: str, location: str, key: str, times: int, queue) -> None:
    from django.utils.module_loading import import_string

    cache = import_string(backend)(location, {})  # a fresh client in each process
    got = []
    for _ in range(times):
        got.append(cache.count(key, 60))
    queue.put(got)


def _backends(tmp_path) -> list[tuple[str, str]]:
    backends = [("common.cache_backends.FileBasedCache", str(tmp_path / "cache"))]
    if settings.REDIS_URL:
        backends.append(("common.cache_backends.StrictRedisCache", settings.REDIS_URL))
    return backends


def test_counters_hand_out_every_value_once_across_processes(tmp_path):
    """Six processes count 60 times each on one key: 360 distinct values come back, so a limit of N
    lets exactly N through. Both the embedded default's file cache and Redis."""
    context = multiprocessing.get_context("fork")
    for backend, location in _backends(tmp_path):
        key = f"test-counter-{uuid.uuid4().hex}"
        queue = context.Queue()
        children = [
            context.Process(target=_count_in_child, args=(backend, location, key, 60, queue))
            for _ in range(6)
        ]
        for child in children:
            child.start()
        values = [value for _ in children for value in queue.get(timeout=120)]
        for child in children:
            child.join()
        assert sorted(values) == list(range(1, 361)), backend


def test_incr_keeps_the_window_of_the_file_cache(tmp_path):
    from common.cache_backends import FileBasedCache

    cache = FileBasedCache(str(tmp_path / "cache"), {})
    cache.add("counter", 1, timeout=1)
    assert cache.incr("counter") == 2
    with open(cache._key_to_file("counter"), "rb") as handle:
        import pickle

        expiry = pickle.load(handle)  # noqa: S301
    import time

    assert expiry - time.time() < 1.5  # still the add's one second, not the default five minutes
    with pytest.raises(ValueError):
        cache.incr("missing")


@pytest.mark.skipif(not settings.REDIS_URL, reason="Redis only")
def test_a_redis_counter_always_expires_with_its_window():
    """The count and its expiry are one step in Redis: a counter never outlives its window, and a
    counter given back (decr) keeps counting in the same window."""
    from django.core.cache import caches

    cache = caches["ratelimit"]
    key = f"test-counter-{uuid.uuid4().hex}"
    assert [cache.count(key, 90) for _ in range(3)] == [1, 2, 3]
    raw = cache._cache.get_client(write=True)
    assert 85 <= raw.ttl(cache.make_and_validate_key(key)) <= 90
    cache.decr(key)
    assert cache.count(key, 90) == 3


@pytest.mark.django_db
def test_a_counted_attempt_given_back_frees_its_place(rf):
    from common.ratelimit import Limit, attempt

    limit = Limit("test", 2, 60)
    request = rf.get("/", REMOTE_ADDR="198.51.100.7")
    first = attempt(limit, request)
    first.refund()
    assert attempt(limit, request).allowed and attempt(limit, request).allowed
    assert not attempt(limit, request).allowed
    assert attempt(limit, rf.get("/", REMOTE_ADDR="198.51.101.7")).allowed  # another /24
