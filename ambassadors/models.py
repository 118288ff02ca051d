"""The ambassador's profile: what scheduling needs to know about a facilitator.

Kept minimal on purpose: the ambassadors issue extends this app (applications, training tracks,
certificates) around the same model.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


def validate_languages(value) -> None:
    if not isinstance(value, list) or not all(code in LANGUAGE_CODES for code in value):
        raise ValidationError(_("Choose languages from English, Urdu, Sindhi and Pashto."), code="languages")


class AmbassadorProfileQuerySet(models.QuerySet):
    def able_to_lead(self):
        return self.filter(level__in=AmbassadorProfile.LEADING_LEVELS)

    def active(self):
        return self.filter(user__is_active=True).exclude(level=AmbassadorProfile.Level.APPLICANT)


class AmbassadorProfile(models.Model):
    class Level(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        TRAINEE = "trainee", _("Trainee")
        CERTIFIED = "certified", _("Certified ambassador")
        MASTER_TRAINER = "master_trainer", _("Master trainer")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        OTHER = "other", _("Another gender")

    # Only these levels may lead a workshop; trainees co-facilitate to learn.
    LEADING_LEVELS = (Level.CERTIFIED, Level.MASTER_TRAINER)
    FACILITATING_LEVELS = (Level.TRAINEE, Level.CERTIFIED, Level.MASTER_TRAINER)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="ambassador_profile",
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.APPLICANT)
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        validators=[validate_languages],
        help_text=_("Languages this ambassador can run a session in."),
    )
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Optional; shown only to coordinators in scope. Needed to staff women-only workshops.
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    phone = models.CharField(
        _("phone"), max_length=16, blank=True, help_text=_("In E.164, e.g. +923001234567.")
    )
    # Secret of the private calendar feed; rotating it revokes every copy of the old URL.
    calendar_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, default=new_calendar_token, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AmbassadorProfileQuerySet.as_manager()

    class Meta:
        ordering = ["user__full_name", "user__email"]
        verbose_name = _("ambassador profile")
        verbose_name_plural = _("ambassador profiles")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def can_lead(self) -> bool:
        return self.level in self.LEADING_LEVELS

    @property
    def can_facilitate(self) -> bool:
        return self.level in self.FACILITATING_LEVELS

    def speaks(self, language: str) -> bool:
        return language in (self.languages or [])
