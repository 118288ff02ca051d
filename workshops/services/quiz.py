"""The knowledge quiz: a participant's answers on the phone, and the class totals of the paper quiz."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.transactions import without_waiting_for_disk
from curriculum.models import Module
from workshops.audit import Action, workshop_audit_record
from workshops.models import QuizResponse, QuizStage, QuizTally, Workshop
from workshops.selectors import ModuleQuiz, quiz_is_open, quiz_question_count


@dataclass
class QuizMark:
    """What a participant sees after sending a quiz: their score for one module, and which answer was
    right for each question (shown after the session only, so the quiz before stays a fair measure)."""

    title: str
    correct: int
    questions: int
    right_answers: list[tuple[str, str]]  # (question, right answer), in the page's language


@without_waiting_for_disk
def quiz_response_submit(
    *, workshop: Workshop, stage: str, quizzes: list[ModuleQuiz], chosen: dict[int, int | None]
) -> list[QuizMark]:
    """Score one participant's answers to the quizzes of a workshop's modules (as the page showed
    them: `selectors.workshop_quizzes`) and keep only the scores. `chosen` maps each question id to
    the chosen answer id (None: "I don't know")."""
    if not quiz_is_open(workshop=workshop, stage=stage):
        raise ValidationError(_("This quiz is closed."))
    marks = []
    for quiz in quizzes:
        correct = 0
        right_answers = []
        for question in quiz.questions:
            # page_answers and page_text: set by selectors.workshop_quizzes (see ModuleQuiz).
            right = next(answer for answer in question.page_answers if answer.is_correct)  # type: ignore[attr-defined]
            correct += chosen.get(question.pk) == right.pk
            right_answers.append((question.page_text, right.page_text))  # type: ignore[attr-defined]
        QuizResponse.objects.create(
            workshop=workshop,
            module=quiz.module,
            stage=stage,
            questions=len(quiz.questions),
            correct=correct,
            language=quiz.content.shown,
        )
        marks.append(
            QuizMark(
                title=quiz.title,
                correct=correct,
                questions=len(quiz.questions),
                right_answers=right_answers if stage == QuizStage.AFTER else [],
            )
        )
    return marks


@transaction.atomic
def quiz_tally_record(
    *,
    workshop: Workshop,
    module: Module,
    pre_participants: int,
    pre_correct: int,
    post_participants: int,
    post_correct: int,
) -> QuizTally:
    """Class totals of a module's quiz taken on paper; entering them again replaces them."""
    questions = quiz_question_count(module=module)
    if not questions:
        raise ValidationError(_("This module has no quiz."))
    if pre_correct > pre_participants * questions or post_correct > post_participants * questions:
        raise ValidationError(_("There cannot be more correct answers than people times questions."))
    tally, _created = QuizTally.objects.update_or_create(
        workshop=workshop,
        module=module,
        defaults={
            "questions": questions,
            "pre_participants": pre_participants,
            "pre_correct": pre_correct,
            "post_participants": post_participants,
            "post_correct": post_correct,
        },
    )
    return tally


def quiz_tally_remove(*, workshop: Workshop, module: Module) -> None:
    QuizTally.objects.filter(workshop=workshop, module=module).delete()


@transaction.atomic
def quiz_tallies_save(*, workshop: Workshop, actor, totals: list[tuple[Module, dict | None]]) -> None:
    """The class totals of a workshop's paper quizzes as the quiz page sends them, one module each
    (None: the boxes were emptied, so the totals are removed). One entry in the workshop's history."""
    for module, numbers in totals:
        if numbers is None:
            quiz_tally_remove(workshop=workshop, module=module)
        else:
            quiz_tally_record(workshop=workshop, module=module, **numbers)
    workshop_audit_record(workshop=workshop, actor=actor, action=Action.QUIZ)
