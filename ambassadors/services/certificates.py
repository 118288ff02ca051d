"""Issuing, revoking and rendering certificates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ambassadors.models import Certificate, Track
from facilitators.models import AmbassadorProfile


def certificate_issue(*, profile: AmbassadorProfile, level: str, track: Track | None = None) -> Certificate:
    """A new certificate in the ambassador's chosen language, with the name they have now."""
    certificate = Certificate(
        profile=profile,
        track=track,
        level=level,
        name=profile.user.full_name or profile.user.email,
        language=profile.chosen_certificate_language,
    )
    certificate.full_clean()
    certificate.save()
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """The verify page then answers "revoked" for this code. The ambassador's level is not changed
    here: a coordinator decides that separately."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise ValidationError(_("This certificate is already revoked."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for revoking the certificate."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = actor
    certificate.revocation_reason = reason[:300]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return certificate


@transaction.atomic
def certificate_language_set(*, certificate: Certificate, language: str) -> Certificate:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose English, Urdu, Sindhi or Pashto."))
    certificate.language = language
    certificate.save(update_fields=["language"])
    profile = certificate.profile
    profile.certificate_language = language
    profile.save(update_fields=["certificate_language", "updated_at"])
    return certificate
