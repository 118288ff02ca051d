"""Quiz tries: questions and answers shuffled once per try, a pass mark, a cool-down after a failure."""

import datetime
import random

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ambassadors.models import Enrolment, QuizAttempt, StepProgress, TrackStep
from ambassadors.services.training import quiz_step_complete, step_missing_prerequisites
from facilitators.models import AmbassadorProfile

_shuffle = random.SystemRandom().shuffle


class QuizCoolingDown(ValidationError):
    """A failed try was too recent; `until` is when the next one may start."""

    def __init__(self, until: datetime.datetime):
        local = timezone.localtime(until)
        super().__init__(
            _("You can try again from %(time)s on %(date)s. Use the time to read the modules again.")
            % {"time": date_format(local, "TIME_FORMAT"), "date": date_format(local, "DATE_FORMAT")}
        )
        self.until = until


def quiz_next_try_at(*, profile: AmbassadorProfile, step: TrackStep) -> datetime.datetime | None:
    """When a new try may start (None: now)."""
    if step.quiz_id is None:
        return None
    last = (
        QuizAttempt.objects.filter(profile=profile, quiz_id=step.quiz_id, submitted_at__isnull=False)
        .order_by("-submitted_at")
        .first()
    )
    if last is None or last.passed or last.submitted_at is None or step.quiz is None:
        return None
    until = last.submitted_at + datetime.timedelta(minutes=step.quiz.cooldown_minutes)
    return until if until > timezone.now() else None


@transaction.atomic
def quiz_attempt_start(*, enrolment: Enrolment, step: TrackStep, language: str) -> QuizAttempt:
    """The try in progress, or a new one with its own order of questions and answers."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if step.kind != TrackStep.Kind.PASS_QUIZ or step.quiz_id is None or step.track_id != enrolment.track_id:
        raise ValidationError(_("This step is not a quiz."))
    profile = enrolment.profile
    missing = step_missing_prerequisites(enrolment=enrolment, step=step)
    if missing:
        raise ValidationError(
            _("Complete these steps first: %(steps)s.") % {"steps": ", ".join(str(item) for item in missing)}
        )
    if enrolment.progress.filter(step=step, status=StepProgress.Status.COMPLETED).exists():
        raise ValidationError(_("You have already passed this quiz."))
    open_attempt = QuizAttempt.objects.filter(
        profile=profile, quiz_id=step.quiz_id, submitted_at__isnull=True
    ).first()
    if open_attempt is not None:
        return open_attempt
    until = quiz_next_try_at(profile=profile, step=step)
    if until is not None:
        raise QuizCoolingDown(until)
    order = []
    quiz = step.quiz
    assert quiz is not None  # a quiz step (checked above)
    questions = list(quiz.questions.prefetch_related("choices"))
    _shuffle(questions)
    for question in questions:
        choice_ids = [choice.pk for choice in question.choices.all()]
        _shuffle(choice_ids)
        order.append([question.pk, choice_ids])
    try:
        with transaction.atomic():
            return QuizAttempt.objects.create(
                profile=profile,
                quiz_id=step.quiz_id,
                step=step,
                language=language,
                order=order,
                total=len(order),
            )
    except IntegrityError:  # another tab started one at the same moment
        return QuizAttempt.objects.get(profile=profile, quiz_id=step.quiz_id, submitted_at__isnull=True)


@transaction.atomic
def quiz_attempt_submit(*, attempt: QuizAttempt, answers: dict[int, int]) -> QuizAttempt:
    """Scores the try once (a second submission of the same try changes nothing). Passing completes
    the quiz step of the ambassador's enrolment, which may certify them."""
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",)).select_related("quiz", "step").get(pk=attempt.pk)
    )
    if attempt.submitted_at is not None:
        return attempt
    from ambassadors.models import Choice

    shown = {question_id: set(choice_ids) for question_id, choice_ids in attempt.order}
    clean = {
        int(question_id): int(choice_id)
        for question_id, choice_id in answers.items()
        if int(question_id) in shown and int(choice_id) in shown[int(question_id)]
    }
    correct_ids = set(
        Choice.objects.filter(question_id__in=shown, is_correct=True).values_list("pk", flat=True)
    )
    attempt.answers = {str(question_id): choice_id for question_id, choice_id in clean.items()}
    attempt.correct = sum(1 for choice_id in clean.values() if choice_id in correct_ids)
    attempt.total = len(shown)
    attempt.submitted_at = timezone.now()
    attempt.passed = attempt.total > 0 and attempt.correct * 100 >= attempt.quiz.pass_mark * attempt.total
    attempt.save(update_fields=["answers", "correct", "total", "submitted_at", "passed"])
    if attempt.passed and attempt.step is not None:
        enrolment = Enrolment.objects.filter(
            profile_id=attempt.profile_id, track_id=attempt.step.track_id
        ).first()
        if (
            enrolment is not None
            and not enrolment.progress.filter(
                step=attempt.step, status=StepProgress.Status.COMPLETED
            ).exists()
        ):
            quiz_step_complete(enrolment=enrolment, step=attempt.step)
    return attempt
