"""Cache backends: the embedded default's file cache with atomic counters, and Redis that fails soft.

The embedded default's cache is Django's file cache with `add` and `incr` atomic across processes.

Django's FileBasedCache implements `add` as has_key-then-set and `incr` as get-then-set, so two
processes (or threads) counting at once both read 3 and both write 4: rate limits leak under
concurrency. Here both run under one exclusive lock file (flock) shared by every process using the
folder, and `incr` keeps the entry's expiry instead of resetting it. Redis needs none of this.

With Redis, a stopped or unreachable server must not turn pages into errors (docs/faults.md):
RedisCache answers like an empty cache, StrictRedisCache (rate limits) raises CacheUnavailable.
"""

import logging
import os
import pickle
import tempfile
import threading
import time
import zlib
from collections.abc import Sequence
from contextlib import contextmanager

from django.core.cache.backends import filebased
from django.core.cache.backends import redis as redis_backend
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.files import locks
from django.core.files.move import file_move_safe


class FileBasedCache(filebased.FileBasedCache):
    @contextmanager
    def _counter_lock(self):
        self._createdir()
        with open(os.path.join(self._dir, "counters.lock"), "a+b") as handle:
            locks.lock(handle, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(handle)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._counter_lock():
            return super().add(key, value, timeout, version)

    def count(self, key, timeout, version=None):
        """Add one to the counter `key` (created at 1, expiring after `timeout` seconds) and return it."""
        with self._counter_lock():
            if super().add(key, 1, timeout, version):
                return 1
            try:
                return self._incr_locked(key, 1, version)
            except ValueError:  # expired since `add` looked: this attempt opens a new counter
                super().set(key, 1, timeout, version)
                return 1

    def incr(self, key, delta=1, version=None):
        with self._counter_lock():
            return self._incr_locked(key, delta, version)

    def _incr_locked(self, key, delta, version):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as handle:
                if self._is_expired(handle):
                    raise ValueError(f"Key '{key}' not found")
                handle.seek(0)
                expiry = pickle.load(handle)  # noqa: S301 - our own cache folder (mode 0700), as in Django
                value = pickle.loads(zlib.decompress(handle.read()))  # noqa: S301
        except FileNotFoundError:
            raise ValueError(f"Key '{key}' not found") from None
        value += delta
        # Written aside and renamed, so a reader never sees half a file; the expiry is kept.
        fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        renamed = False
        try:
            with open(fd, "wb") as handle:
                handle.write(pickle.dumps(expiry, self.pickle_protocol))
                handle.write(zlib.compress(pickle.dumps(value, self.pickle_protocol)))
            file_move_safe(tmp_path, fname, allow_overwrite=True)
            renamed = True
        finally:
            if not renamed:
                os.remove(tmp_path)
        return value


# --- Redis -----------------------------------------------------------------------------------------

logger = logging.getLogger("hifazat.cache")


class CacheUnavailable(Exception):
    """The cache server did not answer (StrictRedisCache); callers decide what that means."""


# Per process and server: when Redis last failed. For a short while after a failure nobody waits
# on it again (a page asks the cache several times; a host that has gone away costs a timeout each).
_down_until: dict[str, float] = {}
_down_lock = threading.Lock()


# One round trip for a rate-limit count: INCR, and on the first count of a window its expiry, run
# atomically in Redis (a counter can never be left without its TTL). Sent as EVALSHA; redis-py loads
# the script again if the server restarted and forgot it.
COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


# A rate-limited write whose data lives in Redis anyway (the quiz answer buffer): the attempt is counted
# and, only when it is within the limit, the values are appended to a list, in one round trip. A refused
# attempt appends nothing, and no other client can come between the count and the append. With a
# version key (KEYS[3]), nothing is counted or appended unless it still holds ARGV[3], the version the
# values were computed under: the script answers -1 and the caller computes them again.
COUNT_THEN_PUSH_SCRIPT = """
if KEYS[3] and redis.call('GET', KEYS[3]) ~= ARGV[3] then return -1 end
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if count <= tonumber(ARGV[2]) then redis.call('RPUSH', KEYS[2], unpack(ARGV, 4)) end
return count
"""


class ReusedRedisCacheClient(redis_backend.RedisCacheClient):
    """Django's Redis cache client, keeping one `redis.Redis` per connection pool.

    Django builds a new `redis.Redis` for every cache call, and redis-py's constructor fills a table
    of about 170 response callbacks each time: a quarter of a millisecond per call, more than the
    round trip itself on loopback (docs/performance.md). The client object is thread-safe and
    holds no connection of its own (the pool does), so one per pool serves every call.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}
        self._count_script = None
        self._count_then_push_script = None

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client

    def count(self, key, timeout):
        client = self.get_client(key, write=True)
        if self._count_script is None:
            self._count_script = client.register_script(COUNT_SCRIPT)
        return int(self._count_script(keys=[key], args=[int(timeout)], client=client))

    def count_then_push(self, key, timeout, limit, list_key, values, version_key=None, version=None):
        client = self.get_client(key, write=True)
        if self._count_then_push_script is None:
            self._count_then_push_script = client.register_script(COUNT_THEN_PUSH_SCRIPT)
        keys = [key, list_key] + ([version_key] if version_key else [])
        arguments = [int(timeout), int(limit), "" if version is None else str(version), *values]
        return int(self._count_then_push_script(keys=keys, args=arguments, client=client))

    def list_push(self, key, values, front=False):
        client = self.get_client(key, write=True)
        (client.lpush if front else client.rpush)(key, *(values[::-1] if front else values))
        return True

    def list_pop(self, key, count):
        return self.get_client(key, write=True).lpop(key, count) or []


class RedisCache(redis_backend.RedisCache):
    """Django's Redis cache that answers like an empty cache when Redis is down.

    Page fragments, cached figures and form choices are only ever a shortcut: with Redis stopped or
    unreachable a read is a miss (the page is computed), a write is dropped, `add` succeeds (so a
    lock someone takes in the cache, allauth's, does not spin) and `incr` raises ValueError as for a
    missing key. Short timeouts and a single retry (a pooled connection Redis closed on restart is
    retried once), then `RETRY_AFTER_SECONDS` without trying. Rate limits must know the difference
    between "no count" and "no cache": they use StrictRedisCache (the `ratelimit` alias).
    """

    RETRY_AFTER_SECONDS = 2.0
    forgiving = True

    def __init__(self, server, params):
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 1)
        options.setdefault("retry", Retry(NoBackoff(), 1))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedRedisCacheClient
        self._location = server if isinstance(server, str) else ",".join(server)

    def _call(self, name, fallback, *args, **kwargs):
        from redis.exceptions import RedisError

        if _down_until.get(self._location, 0) > time.monotonic():
            return self._unavailable(name, fallback)
        try:
            # Django's cache methods, or the client's own for what Django lacks (`count`).
            operation = getattr(super(), name, None) or getattr(self._cache, name)
            return operation(*args, **kwargs)
        except RedisError as error:
            with _down_lock:
                if _down_until.get(self._location, 0) <= time.monotonic():
                    # The error's class only: its text can carry a key, and keys can carry HMACs.
                    logger.warning(
                        "Redis cache unavailable (%s); pages are computed without it", type(error).__name__
                    )
                _down_until[self._location] = time.monotonic() + self.RETRY_AFTER_SECONDS
            return self._unavailable(name, fallback)

    def _unavailable(self, name, fallback):
        if not self.forgiving:
            raise CacheUnavailable(name)
        if isinstance(fallback, BaseException):
            raise fallback
        return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", ValueError(f"Key '{key}' not found"), key, delta, version)

    def count(self, key, timeout, version=None):
        """Add one to the counter `key` (created at 1, expiring after `timeout` seconds) and return
        it, in one round trip. Redis down: ValueError (forgiving) or CacheUnavailable (strict)."""
        key = self.make_and_validate_key(key, version=version)
        return self._call("count", ValueError(f"Key '{key}' not found"), key, timeout)

    def count_then_push(
        self,
        key,
        timeout,
        limit: int,
        list_key,
        values: Sequence[bytes | str],
        unless_changed: tuple[str, int] | None = None,
    ) -> int:
        """`count(key, timeout)` and, only if the new count is at most `limit`, `list_push(list_key,
        values)`: atomically, in one round trip. Returns the count. `unless_changed` (a key of this
        cache, the value it held when `values` were computed): if the key holds anything else,
        nothing is counted or pushed and the answer is -1. Redis down: as `count`."""
        key, list_key = self.make_and_validate_key(key), self.make_and_validate_key(list_key)
        version_key, version = (
            (self.make_and_validate_key(unless_changed[0]), unless_changed[1])
            if unless_changed
            else (None, None)
        )
        return self._call(
            "count_then_push",
            ValueError(f"Key '{key}' not found"),
            key,
            timeout,
            limit,
            list_key,
            values,
            version_key,
            version,
        )

    def list_push(self, key, values: Sequence[bytes | str], front: bool = False) -> bool:
        """Append `values` to the Redis list `key` (or put them back at its front), atomically, in one
        round trip. Values are stored as they are (no pickling). False when Redis is down (forgiving)."""
        key = self.make_and_validate_key(key)
        return self._call("list_push", False, key, values, front)

    def list_pop(self, key, count: int) -> list[bytes]:
        """Take up to `count` values from the front of the list `key`, atomically: two callers never
        get the same value. [] when the list is empty or Redis is down (forgiving)."""
        key = self.make_and_validate_key(key)
        return self._call("list_pop", [], key, count)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)


class StrictRedisCache(RedisCache):
    """The same server and timeouts, but a failure raises CacheUnavailable (rate limits decide)."""

    forgiving = False
