"""Train-the-trainer tracks: ordered steps with prerequisites, an ambassador's enrolment, and the
progress on each step (some steps are confirmed by another person after the fact)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TrackQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Track(models.Model):
    """A path of steps. Coordinators add tracks in the admin ("women-only sessions", "school sessions")."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    # New ambassadors are enrolled in the default track when their application is approved.
    is_default = models.BooleanField(_("default track for new ambassadors"), default=False)
    # Completing a track that certifies makes a trainee a certified ambassador.
    certifies = models.BooleanField(
        _("completing it certifies"),
        default=False,
        help_text=_("A trainee who completes this track becomes a certified ambassador."),
    )
    active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TrackQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("training track")
        verbose_name_plural = _("training tracks")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="track_one_default"
            )
        ]

    def __str__(self) -> str:
        return self.name


class TrackStep(models.Model):
    class Kind(models.TextChoices):
        STUDY_MODULE = "study_module", _("Study a curriculum module")
        PASS_QUIZ = "pass_quiz", _("Pass a quiz")
        OBSERVE_WORKSHOP = "observe_workshop", _("Observe a workshop")
        COFACILITATE_WORKSHOP = "cofacilitate_workshop", _("Co-facilitate a workshop")
        LEAD_UNDER_MENTOR = "lead_under_mentor", _("Lead a workshop under a mentor")

    WORKSHOP_KINDS = (Kind.OBSERVE_WORKSHOP, Kind.COFACILITATE_WORKSHOP, Kind.LEAD_UNDER_MENTOR)
    # Steps another person confirms after the workshop happened.
    CONFIRMED_KINDS = (Kind.COFACILITATE_WORKSHOP, Kind.LEAD_UNDER_MENTOR)

    track = models.ForeignKey(Track, verbose_name=_("track"), on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=160)
    instructions = models.TextField(_("instructions"), blank=True)
    module = models.ForeignKey(
        "curriculum.Module",
        verbose_name=_("curriculum module"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    quiz = models.ForeignKey(
        "ambassadors.Quiz",
        verbose_name=_("quiz"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steps",
    )
    prerequisites = models.ManyToManyField(
        "self",
        verbose_name=_("prerequisites"),
        symmetrical=False,
        blank=True,
        related_name="unlocks",
        help_text=_("Steps of the same track that must be completed first."),
    )

    class Meta:
        ordering = ["track", "position", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    def clean(self) -> None:
        if self.kind == self.Kind.STUDY_MODULE and not self.module_id:
            raise ValidationError({"module": _("Choose the module to study.")})
        if self.kind == self.Kind.PASS_QUIZ and not self.quiz_id:
            raise ValidationError({"quiz": _("Choose the quiz to pass.")})

    @property
    def is_workshop_step(self) -> bool:
        return self.kind in self.WORKSHOP_KINDS

    @property
    def needs_confirmation(self) -> bool:
        return self.kind in self.CONFIRMED_KINDS


class Enrolment(models.Model):
    profile = models.ForeignKey(
        "facilitators.AmbassadorProfile",
        verbose_name=_("ambassador"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    track = models.ForeignKey(
        Track, verbose_name=_("track"), on_delete=models.PROTECT, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_progress_at = models.DateTimeField(_("last progress"), null=True, blank=True)

    class Meta:
        ordering = ["track__position", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["profile", "track"], name="enrolment_once_per_track")]

    def __str__(self) -> str:
        return f"{self.profile} / {self.track}"


class StepProgress(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for confirmation")
        COMPLETED = "completed", _("Completed")
        RETURNED = "returned", _("Not confirmed")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    step = models.ForeignKey(TrackStep, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["step__position", "pk"]
        verbose_name = _("step progress")
        verbose_name_plural = _("step progress")
        constraints = [models.UniqueConstraint(fields=["enrolment", "step"], name="step_progress_once")]

    def __str__(self) -> str:
        return f"{self.enrolment_id}/{self.step_id} {self.status}"
