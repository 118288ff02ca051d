"""Signed links: a registrant's view/cancel link and a workshop's feedback link (no accounts needed)."""

from django.core import signing

REGISTRATION_SALT = "workshops.registration"
FEEDBACK_SALT = "workshops.feedback"


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
