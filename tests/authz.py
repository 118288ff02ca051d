"""The authorization matrix: every URL pattern of the project, classified by role -> expected status.

Each test package may define `RULES` in its own `authz.py` (for example tests/workshops/authz.py);
`all_rules()` merges them with the ones below. A URL name that no rule classifies fails
`test_every_url_is_classified`, so a new view cannot ship without deciding who may open it.

Rule.url is a path, or a function of the `world` fixture that builds the objects it needs and
returns the path. Objects are built in Sindh: `coordinator_elsewhere` and `case_handler_elsewhere`
(Punjab) must get 404 on them.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import tests
from tests.world import ROLES

SIGNED_IN = [role for role in ROLES if role != "anonymous"]


@dataclass(frozen=True)
class Rule:
    url: str | Callable
    expect: dict[str, int]
    method: str = "get"
    data: dict = field(default_factory=dict)


def everyone(status: int = 200) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(status: int = 200, anonymous: int = 302) -> dict[str, int]:
    return {**dict.fromkeys(SIGNED_IN, status), "anonymous": anonymous}


def only(allowed: dict[str, int], others: int = 404, anonymous: int = 302) -> dict[str, int]:
    """Roles in `allowed` get their status; other signed-in roles `others`; anonymous `anonymous`."""
    return {**dict.fromkeys(SIGNED_IN, others), "anonymous": anonymous, **allowed}


# Admins get the admin; every other role is sent to sign in as staff (the admin's own redirect).
STAFF_ONLY = {**dict.fromkeys(ROLES, 302), "translator": 200, "admin": 200}

RULES: dict[str, Rule] = {
    "home": Rule("/en/", everyone()),
    "dashboard": Rule("/ur/dashboard/", signed_in()),
    "healthz": Rule("/healthz", everyone()),
    # No worker runs the heartbeat in the matrix's tests: stale (503) for everyone, nothing private.
    "healthz_worker": Rule("/healthz/worker", everyone(503)),
    "set_language": Rule(
        "/i18n/setlang/", everyone(302), method="post", data={"language": "sd", "next": "/en/"}
    ),
}

# Third-party URL families, checked through one representative each.
THIRD_PARTY_SAMPLES: dict[str, Rule] = {
    "allauth": Rule("/en/accounts/login/", {**everyone(), **dict.fromkeys(SIGNED_IN, 302)}),
    "allauth.mfa": Rule("/en/accounts/2fa/", signed_in()),
    "django.contrib.admin": Rule("/admin/", STAFF_ONLY),
    "django.views.i18n": Rule(
        "/i18n/setlang/", everyone(302), method="post", data={"language": "sd", "next": "/en/"}
    ),
}


def all_rules() -> dict[str, Rule]:
    rules = dict(RULES)
    for module_info in pkgutil.iter_modules(tests.__path__):
        if not module_info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{module_info.name}.authz")
        except ModuleNotFoundError:
            continue
        duplicated = rules.keys() & module.RULES.keys()
        assert not duplicated, f"URL names classified twice: {sorted(duplicated)}"
        rules.update(module.RULES)
    return rules
