"""Applications to become an ambassador, sent without an account and reviewed by coordinators."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ambassadors.models.codes import grouped, random_code
from facilitators.choices import Availability, Background
from facilitators.models import validate_availability, validate_languages

REFERENCE_LENGTH = 8


def new_reference() -> str:
    return random_code(REFERENCE_LENGTH)


class ApplicationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Application.Status.PENDING)

    def in_scope_of(self, user):
        """Applications a coordinator may review: their districts; an application whose district was
        "not listed" belongs to the province it names (coordinators of that whole province see it)."""
        from regions.models import District

        if user.is_authenticated and user.is_admin:
            return self.all()
        in_districts = District.objects.scope_filter(user, field="district")
        if user.is_authenticated and user.province_id and not user.districts.exists():
            return self.filter(in_districts | Q(district__isnull=True, province_id=user.province_id))
        return self.filter(in_districts)

    def live(self):
        return self.filter(status__in=Application.LIVE_STATUSES)


class Application(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    # One live application per phone number; after a decline a person may apply again.
    LIVE_STATUSES = (Status.PENDING, Status.APPROVED)

    reference = models.CharField(
        _("reference"), max_length=16, unique=True, default=new_reference, editable=False
    )
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=16, help_text=_("In E.164, e.g. +923001234567."))
    email = models.EmailField(_("email"), blank=True)
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province or territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    district_other = models.CharField(_("district (not listed)"), max_length=80, blank=True)
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=[("woman", _("Woman")), ("man", _("Man")), ("other", _("Another gender"))],
        blank=True,
    )
    languages_spoken = models.JSONField(_("languages spoken"), default=list, validators=[validate_languages])
    languages_taught = models.JSONField(
        _("languages to run sessions in"), default=list, validators=[validate_languages]
    )
    background = models.CharField(_("background"), max_length=20, choices=Background.choices)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    motivation = models.TextField(_("motivation"), max_length=2000)
    availability = models.JSONField(_("availability"), default=list, validators=[validate_availability])
    consent = models.BooleanField(_("consent"), default=False)
    language = models.CharField(
        _("language for messages"), max_length=8, choices=settings.LANGUAGES, default="ur"
    )

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decision_reason = models.TextField(_("reason"), blank=True, max_length=1000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    profile = models.OneToOneField(
        "facilitators.AmbassadorProfile",
        verbose_name=_("ambassador profile"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            # Backstop to the service's duplicate check (two simultaneous submissions).
            models.UniqueConstraint(
                fields=["phone"],
                condition=Q(status__in=["pending", "approved"]),
                name="application_one_live_per_phone",
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_reference} {self.full_name}"

    @property
    def display_reference(self) -> str:
        return f"A-{grouped(self.reference, 4)}"

    def get_languages_spoken_display(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages_spoken]

    def get_languages_taught_display(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages_taught]

    def get_availability_display(self) -> list[str]:
        return [str(Availability(item).label) for item in self.availability if item in Availability.values]
