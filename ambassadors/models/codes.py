"""Short codes people read aloud, type on phones and print: Crockford base32 (no I, L, O, U)."""

import secrets

from common.text import clean_code

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# What people type for what they see: O for 0, I and L for 1.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def random_code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _index in range(length))


def grouped(code: str, size: int = 5) -> str:
    """ABCDE12345 -> ABCDE-12345 (easier to read aloud and copy)."""
    return "-".join(code[index : index + size] for index in range(0, len(code), size))


def normalise_code(value: str, *, prefix: str = "", length: int | None = None) -> str:
    """What a person typed (any digits, spaces, dashes, lower case, O for 0) -> the stored code.

    A typed `prefix` is dropped only when what is left has the code's `length`: a random code may
    itself begin with the prefix's letters (HZP96MVH05 is a whole code, not HZ + P96MVH05)."""
    code = clean_code(value or "").upper().replace("-", "").replace("_", "")
    if prefix and code.startswith(prefix) and (length is None or len(code) == len(prefix) + length):
        code = code[len(prefix) :]
    return code.translate(_CONFUSABLE)
