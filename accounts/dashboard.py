"""Dashboard cards. Apps add theirs in `<app>/dashboard.py` with a function decorated by `@provider`:
it receives the user and returns the DashboardSection cards that user may see."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

PROVIDERS: list[Callable] = []


@dataclass(frozen=True)
class DashboardSection:
    title: str
    description: str
    url: str
    order: int = 100


def provider(function: Callable) -> Callable:
    if function not in PROVIDERS:
        PROVIDERS.append(function)
    return function


@provider
def account_sections(user) -> list[DashboardSection]:
    sections = [
        DashboardSection(
            title=_("Security"),
            description=_("Manage two-factor authentication and recovery codes."),
            url=reverse("mfa_index"),
            order=900,
        )
    ]
    if user.is_staff:
        sections.append(
            DashboardSection(
                title=_("Administration"),
                description=_("Manage users, regions and translated content."),
                url=reverse("admin:index"),
                order=800,
            )
        )
    return sections
