"""The embedded default's cache: Django's file cache with `add` and `incr` atomic across processes.

Django's FileBasedCache implements `add` as has_key-then-set and `incr` as get-then-set, so two
processes (or threads) counting at once both read 3 and both write 4: rate limits leak under
concurrency. Here both run under one exclusive lock file (flock) shared by every process using the
folder, and `incr` keeps the entry's expiry instead of resetting it. Redis needs none of this.
"""

import os
import pickle
import tempfile
import zlib
from contextlib import contextmanager

from django.core.cache.backends import filebased
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

    def incr(self, key, delta=1, version=None):
        with self._counter_lock():
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
