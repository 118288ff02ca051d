"""Multiple-choice quizzes for trainees: translated, with a pass mark and a cool-down between tries.

Translation status per language follows the curriculum (draft / needs review / published).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from curriculum.models import status_field


class Quiz(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    cooldown_minutes = models.PositiveIntegerField(
        _("wait after a failed try (minutes)"), default=60, validators=[MaxValueValidator(60 * 24 * 30)]
    )
    status_en = status_field(_("status (English)"))
    status_ur = status_field(_("status (Urdu)"))
    status_sd = status_field(_("status (Sindhi)"))
    status_ps = status_field(_("status (Pashto)"))

    class Meta:
        ordering = ["title"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return self.title or self.slug

    def status_in(self, language: str) -> str:
        return getattr(self, f"status_{language}", "")


class Question(models.Model):
    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("question"))
    explanation = models.TextField(_("explanation shown after answering"), blank=True)

    class Meta:
        ordering = ["quiz", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return (self.text or "")[:80]


class Choice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("answer choice")
        verbose_name_plural = _("answer choices")

    def __str__(self) -> str:
        return self.text


class QuizAttempt(models.Model):
    """One try. The shuffled order is fixed when the try starts, so reloading the page shows the same
    questions in the same order (and cannot be used to reshuffle)."""

    profile = models.ForeignKey(
        "facilitators.AmbassadorProfile", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    step = models.ForeignKey(
        "ambassadors.TrackStep", on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # [[question_id, [choice_id, ...]], ...] in the order shown.
    order = models.JSONField(default=list)
    # {question_id: choice_id} as submitted.
    answers = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    correct = models.PositiveSmallIntegerField(_("correct answers"), default=0)
    total = models.PositiveSmallIntegerField(_("questions"), default=0)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            # At most one try in progress per person and quiz.
            models.UniqueConstraint(
                fields=["profile", "quiz"],
                condition=models.Q(submitted_at__isnull=True),
                name="quiz_attempt_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile_id}/{self.quiz_id} {self.correct}/{self.total}"

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0
