from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.dashboard import DashboardSection, provider
from accounts.selectors import user_is_coordinator


@provider
def impact_sections(user) -> list[DashboardSection]:
    if not user_is_coordinator(user):
        return []
    return [
        DashboardSection(
            title=_("Impact"),
            description=_(
                "Who your workshops reached, and where reports of harm are rising but workshops are few."
            ),
            url=reverse("impact:dashboard"),
            order=15,
        )
    ]
