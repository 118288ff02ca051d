from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.dashboard import DashboardSection, provider


@provider
def incident_sections(user) -> list[DashboardSection]:
    if not user.has_role(user.Role.CASE_HANDLER):
        return []
    return [
        DashboardSection(
            title=_("Case queue"),
            description=_("Confidential reports in your scope: triage, reply and refer."),
            url=reverse("incidents:queue"),
            order=50,
        )
    ]
