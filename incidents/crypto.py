"""Encryption at rest for confidential content (DESIGN.md, Confidential reporting rules).

Keys come from settings.FIELD_ENCRYPTION_KEYS, separate from SECRET_KEY. MultiFernet: the first key
encrypts, every key decrypts, so a new key is put first, `manage.py incidents_rotate_keys`
re-encrypts everything with it, and only then is the old key removed.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class DecryptionError(Exception):
    """Stored ciphertext could not be decrypted with any configured key. Never shown as text."""


@lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty: confidential data cannot be stored.")
    return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return fernet().decrypt(token)
    except InvalidToken as error:
        raise DecryptionError("confidential data could not be decrypted with the configured keys") from error


def rotate_bytes(token: bytes) -> bytes:
    """Re-encrypt with the first (newest) key; raises DecryptionError when no key opens it."""
    try:
        return fernet().rotate(token)
    except InvalidToken as error:
        raise DecryptionError("confidential data could not be decrypted with the configured keys") from error


def encrypt_text(value: str) -> str:
    return encrypt_bytes(value.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    return decrypt_bytes(token.encode("ascii")).decode("utf-8")
