"""A small populated world for authorization tests: one signed-in client per role.

The scope of the "in scope" staff is Sindh; `coordinator_elsewhere` and `case_handler_elsewhere`
work in Punjab, so objects built in Sindh must answer them 404.
"""

from dataclasses import dataclass, field

import pytest
from django.test import Client

from tests import factories

ROLES = [
    "anonymous",
    "ambassador",
    "coordinator",
    "coordinator_elsewhere",
    "case_handler",
    "case_handler_elsewhere",
    "translator",
    "admin",
]


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def client(self, role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(self.users[role])
        return client


@pytest.fixture
def world(db) -> World:
    from accounts.models import User

    users = {
        "ambassador": factories.UserFactory(role=User.Role.AMBASSADOR, province=factories.province("SD")),
        "coordinator": factories.coordinator("SD"),
        "coordinator_elsewhere": factories.coordinator("PB"),
        "case_handler": factories.case_handler("SD"),
        "case_handler_elsewhere": factories.case_handler("PB"),
        "translator": factories.UserFactory(role=User.Role.TRANSLATOR, is_staff=True, with_mfa=True),
        "admin": factories.admin_user(),
    }
    return World(users=users)
