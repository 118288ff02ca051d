from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.dashboard import DashboardSection, provider
from accounts.models import User


@provider
def curriculum_sections(user) -> list[DashboardSection]:
    sections = [
        DashboardSection(
            title=_("Curriculum library"),
            description=_("Lesson plans, myth and fact cards and handouts in your language, also offline."),
            url=reverse("curriculum:library"),
            order=300,
        )
    ]
    if user.has_role(User.Role.COORDINATOR, User.Role.TRANSLATOR):
        sections.append(
            DashboardSection(
                title=_("Translation coverage"),
                description=_(
                    "Which modules are published, waiting for review or still drafts, per language."
                ),
                url=reverse("curriculum:coverage"),
                order=310,
            )
        )
    return sections
