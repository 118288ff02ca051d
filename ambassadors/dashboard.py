from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.dashboard import DashboardSection, provider


@provider
def ambassador_sections(user) -> list[DashboardSection]:
    from ambassadors.selectors import ambassador_profile_of, confirmations_for, track_states

    sections = []
    if user.has_role("coordinator"):
        sections += [
            DashboardSection(
                title=_("Ambassador applications"),
                description=_("Review applications from your region: approve or decline them."),
                url=reverse("ambassadors:review_queue"),
                order=12,
            ),
            DashboardSection(
                title=_("Ambassador directory"),
                description=_(
                    "Find ambassadors by district, language, level and availability; export a list."
                ),
                url=reverse("ambassadors:directory"),
                order=14,
            ),
        ]
    profile = ambassador_profile_of(user)
    if profile is not None:
        tracks = track_states(profile=profile)
        next_step = next((track.next_step for track in tracks if track.next_step), None)
        description = (
            _("Next step: %(step)s") % {"step": next_step.step.title}
            if next_step
            else _("Your training progress, certificates, workshops and materials.")
        )
        sections.append(
            DashboardSection(
                title=_("My training"), description=description, url=reverse("ambassadors:home"), order=5
            )
        )
        waiting = confirmations_for(user=user).count()
        if waiting:
            sections.append(
                DashboardSection(
                    title=_("Practicum steps to confirm"),
                    description=_("Trainees are waiting for you to confirm a workshop step."),
                    url=reverse("ambassadors:confirmations"),
                    order=6,
                )
            )
    return sections
