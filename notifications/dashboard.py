from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.dashboard import DashboardSection, provider
from accounts.models import User


@provider
def notification_sections(user) -> list[DashboardSection]:
    sections = [
        DashboardSection(
            title=_("SMS number"),
            description=_("The mobile number where you get reminders and announcements."),
            url=reverse("notifications:phone"),
            order=850,
        )
    ]
    if user.has_role(User.Role.COORDINATOR):
        sections += [
            DashboardSection(
                title=_("Messages sent"),
                description=_("Reminders, SMS and emails in your region: what went out, what failed, retry."),
                url=reverse("notifications:log"),
                order=400,
            ),
            DashboardSection(
                title=_("Announcements"),
                description=_("Schedule an SMS or email to the ambassadors of a district."),
                url=reverse("notifications:announcements"),
                order=410,
            ),
        ]
    return sections
