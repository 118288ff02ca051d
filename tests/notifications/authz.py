from tests.authz import Rule, only, signed_in
from tests.notifications import factories

COORDINATORS = {"coordinator": 200, "coordinator_elsewhere": 200, "admin": 200}
IN_SCOPE = {"coordinator": 200, "admin": 200}  # coordinator_elsewhere (Punjab): 404
IN_SCOPE_POST = {"coordinator": 302, "admin": 302}


def _failed_delivery(world) -> str:
    return f"/en/notifications/{factories.delivery().pk}/"


def _retry(world) -> str:
    return f"/en/notifications/{factories.delivery().pk}/retry/"


def _cancel(world) -> str:
    return f"/en/notifications/announcements/{factories.announcement().pk}/cancel/"


RULES = {
    "notifications:log": Rule("/ur/notifications/", only(COORDINATORS)),
    "notifications:detail": Rule(_failed_delivery, only(IN_SCOPE)),
    "notifications:retry": Rule(_retry, only(IN_SCOPE_POST), method="post"),
    "notifications:announcements": Rule("/en/notifications/announcements/", only(COORDINATORS)),
    "notifications:announcement_cancel": Rule(_cancel, only(IN_SCOPE_POST), method="post"),
    "notifications:phone": Rule("/sd/notifications/my-phone/", signed_in()),
}
