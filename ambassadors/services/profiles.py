from django.db import transaction

from facilitators.models import AmbassadorProfile


@transaction.atomic
def ambassador_promote_master_trainer(*, profile: AmbassadorProfile, actor):
    """A certified ambassador becomes a master trainer (mentors trainees, confirms practicum steps),
    with a certificate saying so."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from ambassadors.services.certificates import certificate_issue

    profile = (
        AmbassadorProfile.objects.select_for_update(of=("self",)).select_related("user").get(pk=profile.pk)
    )
    if profile.level != AmbassadorProfile.Level.CERTIFIED:
        raise ValidationError(_("Only a certified ambassador can become a master trainer."))
    profile.level = AmbassadorProfile.Level.MASTER_TRAINER
    profile.save(update_fields=["level", "updated_at"])
    return certificate_issue(profile=profile, level=profile.level)


@transaction.atomic
def ambassador_mentor_set(
    *, profile: AmbassadorProfile, mentor: AmbassadorProfile | None
) -> AmbassadorProfile:
    profile.mentor = mentor
    profile.full_clean()
    profile.save(update_fields=["mentor", "updated_at"])
    return profile
