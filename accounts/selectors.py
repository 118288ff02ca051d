from django.utils.module_loading import autodiscover_modules

from accounts.dashboard import PROVIDERS, DashboardSection


def user_is_coordinator(user) -> bool:
    """Coordinators and admins: who schedules workshops, reviews applications and sees impact."""
    return user.is_authenticated and user.has_role("coordinator")


def dashboard_sections_for(user) -> list[DashboardSection]:
    """Cards from every app's `dashboard.py`, in order; each app owns its own cards."""
    autodiscover_modules("dashboard")
    sections: list[DashboardSection] = []
    for provider in PROVIDERS:
        sections.extend(provider(user))
    return sorted(sections, key=lambda section: section.order)
