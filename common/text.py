"""Cleaning what people type on phones: Eastern Arabic / Persian digits, zero-width characters."""

import re
import unicodedata

# Arabic-Indic (٠-٩) and Extended Arabic-Indic / Urdu (۰-۹) digits to ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Zero-width and direction marks that keyboards insert invisibly; ZWNJ (U+200C) is kept in
# words because Urdu and Persian spelling uses it, but it is dropped from digits and codes.
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def ascii_digits(value: str) -> str:
    return value.translate(_DIGITS)


def clean_text(value: str) -> str:
    """NFC-normalise, drop invisible direction/zero-width marks, collapse runs of spaces."""
    value = unicodedata.normalize("NFC", value or "")
    value = _INVISIBLE.sub("", value)
    return re.sub(r"[ \t]+", " ", value).strip()


def clean_code(value: str) -> str:
    """For codes and numbers: ASCII digits, no invisible characters (ZWNJ included), no spaces."""
    return re.sub(r"[\s\u200c]+", "", ascii_digits(clean_text(value)))
