"""The ambassador's profile: what scheduling needs to know about a facilitator, what coordinators
filter the directory by, and where the ambassador is on the way applicant -> trainee -> certified
ambassador -> master trainer.

It lives in its own small app below workshops and ambassadors (docs/architecture.md): workshops
need a facilitator, ambassadors train and certify one, and neither has to import the other for it."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from facilitators.choices import Availability, Background

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


def validate_languages(value) -> None:
    if not isinstance(value, list) or not all(code in LANGUAGE_CODES for code in value):
        raise ValidationError(_("Choose languages from English, Urdu, Sindhi and Pashto."), code="languages")


def validate_availability(value) -> None:
    if not isinstance(value, list) or not all(item in Availability.values for item in value):
        raise ValidationError(_("Choose from the times listed."), code="availability")


class AmbassadorProfileQuerySet(models.QuerySet):
    def able_to_lead(self):
        return self.filter(level__in=AmbassadorProfile.LEADING_LEVELS)

    def active(self):
        return self.filter(user__is_active=True).exclude(level=AmbassadorProfile.Level.APPLICANT)

    def master_trainers(self):
        return self.active().filter(level=AmbassadorProfile.Level.MASTER_TRAINER)

    def in_scope_of(self, user):
        from regions.models import District

        return self.filter(District.objects.scope_filter(user, field="district"))


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
    languages_spoken = models.JSONField(
        _("languages spoken"), default=list, blank=True, validators=[validate_languages]
    )
    background = models.CharField(_("background"), max_length=20, choices=Background.choices, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    availability = models.JSONField(
        _("availability"), default=list, blank=True, validators=[validate_availability]
    )
    certificate_language = models.CharField(
        _("language of certificates"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the ambassador's preferred language."),
    )
    # A master trainer who mentors this trainee and confirms the "lead under a mentor" step.
    mentor = models.ForeignKey(
        "self",
        verbose_name=_("mentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentees",
        limit_choices_to={"level": "master_trainer"},
    )
    # Secret of the private calendar feed; rotating it revokes every copy of the old URL.
    calendar_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, default=new_calendar_token, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AmbassadorProfileQuerySet.as_manager()

    class Meta:
        # The table kept its name when the model moved here from ambassadors (migrations
        # facilitators 0001, ambassadors 0004, workshops 0008 moved only Django's state).
        db_table = "ambassadors_ambassadorprofile"
        ordering = ["user__full_name", "user__email"]
        verbose_name = _("ambassador profile")
        verbose_name_plural = _("ambassador profiles")

    def __str__(self) -> str:
        return str(self.user)

    def language_names(self) -> list[str]:
        """The languages they run sessions in, named in the current language ("Sindhi", "سندھی")."""
        return [str(get_language_info(code)["name_translated"]) for code in self.languages]

    def availability_labels(self) -> list[str]:
        return [str(Availability(value).label) for value in self.availability if value in Availability.values]

    @property
    def can_lead(self) -> bool:
        return self.level in self.LEADING_LEVELS

    @property
    def can_facilitate(self) -> bool:
        return self.level in self.FACILITATING_LEVELS

    @property
    def is_master_trainer(self) -> bool:
        return self.level == self.Level.MASTER_TRAINER

    def speaks(self, language: str) -> bool:
        return language in (self.languages or [])

    @property
    def chosen_certificate_language(self) -> str:
        return self.certificate_language or self.user.language or settings.LANGUAGE_CODE

    def clean(self) -> None:
        if self.mentor_id and self.mentor_id == self.pk:
            raise ValidationError({"mentor": _("An ambassador cannot mentor themselves.")})
        if self.mentor_id and not self.mentor.is_master_trainer:
            raise ValidationError({"mentor": _("Only a master trainer can be a mentor.")})
