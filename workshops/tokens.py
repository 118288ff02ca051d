"""Signed links: a registrant's view/cancel link, a workshop's feedback link and its quiz links (no
accounts needed)."""

from django.core import signing

REGISTRATION_SALT = "workshops.registration"
FEEDBACK_SALT = "workshops.feedback"
QUIZ_SALT = "workshops.quiz"


def registration_token(registration_id: int) -> str:
    return signing.dumps(registration_id, salt=REGISTRATION_SALT, compress=False)


def registration_id_from_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=REGISTRATION_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


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


def quiz_from_token(token: str) -> tuple[int, str] | None:
    """(workshop id, stage) of a quiz link, or None if the link was not made here."""
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
