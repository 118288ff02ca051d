from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.dashboard import DashboardSection, provider


@provider
def workshop_sections(user) -> list[DashboardSection]:
    sections = []
    if user.has_role("coordinator"):
        sections.append(
            DashboardSection(
                title=_("Manage workshops"),
                description=_("Schedule workshops in your region, assign ambassadors, follow registrations."),
                url=reverse("workshops:manage_list"),
                order=10,
            )
        )
    if user.has_role("ambassador"):
        sections.append(
            DashboardSection(
                title=_("My workshops"),
                description=_("Workshops you facilitate, attendance on the day, your calendar link."),
                url=reverse("workshops:mine"),
                order=20,
            )
        )
    return sections
