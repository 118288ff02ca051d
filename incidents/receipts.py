"""Case codes and secrets: drawn from `secrets`, only a slow argon2 hash of the secret is stored."""

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from common.text import clean_code

CODE_DIGITS = 8
SECRET_DIGITS = 12

# OWASP's argon2id baseline (19 MiB, 2 passes): slow enough that a stolen table of hashes of
# 12-digit secrets costs centuries to search, fast enough for a phone-friendly form.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified when the code does not exist, so a wrong code costs the same time as a wrong secret.
_DUMMY_HASH = _hasher.hash("000000000000")


def _digits(count: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(count))


def new_code() -> str:
    # The first digit is never 0 so the code never looks shorter when copied into a spreadsheet.
    return secrets.choice("123456789") + _digits(CODE_DIGITS - 1)


def new_secret() -> str:
    return _digits(SECRET_DIGITS)


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(secret_hash: str | None, secret: str) -> bool:
    try:
        return _hasher.verify(secret_hash or _DUMMY_HASH, secret) and secret_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def normalise(value: str) -> str:
    """What a reporter typed: Eastern Arabic digits, spaces, dashes and invisible marks are fine."""
    return clean_code(value or "").replace("-", "")


def grouped(value: str) -> str:
    """1234 5678 for reading aloud and writing down."""
    return " ".join(value[index : index + 4] for index in range(0, len(value), 4))
