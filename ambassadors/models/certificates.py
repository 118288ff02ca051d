"""Certificates: a short verification code anyone can check, and revocation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ambassadors.models.codes import grouped, random_code

CODE_LENGTH = 10  # 50 bits of Crockford base32: unguessable behind the verify page's rate limit


def new_certificate_code() -> str:
    return random_code(CODE_LENGTH)


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    profile = models.ForeignKey(
        "facilitators.AmbassadorProfile",
        verbose_name=_("ambassador"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    track = models.ForeignKey(
        "ambassadors.Track",
        verbose_name=_("track"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    level = models.CharField(_("level"), max_length=20)
    code = models.CharField(
        _("verification code"), max_length=16, unique=True, default=new_certificate_code, editable=False
    )
    # The name as it was when the certificate was issued (what is printed and verified).
    name = models.CharField(_("name on the certificate"), max_length=150)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        return grouped(self.code, 5)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    def get_level_display(self) -> str:
        from facilitators.models import AmbassadorProfile

        return (
            str(AmbassadorProfile.Level(self.level).label)
            if self.level in AmbassadorProfile.Level.values
            else self.level
        )
