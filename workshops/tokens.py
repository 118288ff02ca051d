"""Signed links: a registrant's view/cancel link, a workshop's feedback link and its quiz links (no
accounts needed), and how long each of them works.

A registration link travels in an SMS, where every character counts (two segments of Urdu text hold
134 characters, the link included), so it is short: the registration id in base 36, a dot and a
96-bit HMAC of it (`5yc1r.AbCdEfGhIjKlMnOp`), checked against SECRET_KEY and SECRET_KEY_FALLBACKS.
Links made before this format (Django's `signing.dumps`, with colons) keep working.

Every link expires (`*_expires_at`): a registration link when its personal data is shredded
(WORKSHOPS_SHRED_AFTER_DAYS after the workshop ends), feedback and quiz links
WORKSHOP_LINKS_VALID_DAYS after the workshop ends. The expiry is computed from the workshop as it is
now, so a rescheduled workshop's links follow its new time.
"""

import base64
import datetime
import functools

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

REGISTRATION_SALT = "workshops.registration"
FEEDBACK_SALT = "workshops.feedback"
QUIZ_SALT = "workshops.quiz"

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = _DIGITS[digit] + text
        if not number:
            return text


def _short_signature(value: str, secret: str) -> str:
    digest = salted_hmac(REGISTRATION_SALT, value, secret=secret, algorithm="sha256").digest()[:12]
    return base64.urlsafe_b64encode(digest).decode()


def registration_token(registration_id: int) -> str:
    value = _base36(registration_id)
    return f"{value}.{_short_signature(value, settings.SECRET_KEY)}"


def registration_id_from_token(token: str) -> int | None:
    if ":" in token:  # a link sent before the short format
        try:
            value = signing.loads(token, salt=REGISTRATION_SALT)
        except signing.BadSignature:
            return None
        return value if isinstance(value, int) else None
    value, _dot, signature = token.partition(".")
    if not value or len(value) > 13 or any(char not in _DIGITS for char in value):
        return None
    for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
        if constant_time_compare(signature, _short_signature(value, secret)):
            return int(value, 36)
    return None


def feedback_token(workshop_id: int) -> str:
    return signing.dumps(workshop_id, salt=FEEDBACK_SALT, compress=False)


def workshop_id_from_feedback_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=FEEDBACK_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def quiz_token(workshop_id: int, stage: str) -> str:
    return signing.dumps([workshop_id, stage], salt=QUIZ_SALT, compress=False)


@functools.lru_cache(maxsize=1024)
def quiz_from_token(token: str) -> tuple[int, str] | None:
    """(workshop id, stage) of a quiz link, or None if the link was not made here. Remembered per
    token (a class sends the same link at once; checking the signature was a thirtieth of an answer)."""
    try:
        value = signing.loads(token, salt=QUIZ_SALT)
    except signing.BadSignature:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], int)
        and isinstance(value[1], str)
    ):
        return value[0], value[1]
    return None


def registration_link_expires_at(workshop) -> datetime.datetime:
    """When a registration's link stops working: when the shredding removes its personal data."""
    return workshop.ends_at + datetime.timedelta(days=settings.WORKSHOPS_SHRED_AFTER_DAYS)


def workshop_links_expire_at(workshop) -> datetime.datetime:
    """When the feedback and quiz links of a workshop stop working."""
    return workshop.ends_at + datetime.timedelta(days=settings.WORKSHOP_LINKS_VALID_DAYS)
