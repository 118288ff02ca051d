"""The knowledge quiz: a participant's answers on the phone, and the class totals of the paper quiz."""

import datetime
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.cache_backends import CacheUnavailable, RedisCache
from common.pagecache import VERSION_KEY
from common.transactions import without_waiting_for_disk
from curriculum.models import Module
from workshops import ratelimit
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


class TooManyAnswers(Exception):
    """The connection sent more answers to this quiz than WORKSHOP_QUIZ_ANSWERS_PER_HOUR."""


class QuizChanged(Exception):
    """The quizzes were scored against an old version of public data (`as_of`): nothing was kept."""


def quiz_response_submit(
    *,
    workshop: Workshop,
    stage: str,
    quizzes: list[ModuleQuiz],
    chosen: dict[int, int | None],
    sender: str,
    as_of: int | None = None,
) -> list[QuizMark]:
    """Score one participant's answers to the quizzes of a workshop's modules (as the page showed
    them: `selectors.workshop_quizzes`) and keep only the scores. `chosen` maps each question id to
    the chosen answer id (None: "I don't know"); `sender` is the connection's rate-limit fingerprint
    (`ratelimit.client_fingerprint`). Raises TooManyAnswers past the connection's hourly limit.
    `as_of`: the public data version the workshop and quizzes were read under, assumed without asking
    Redis; the answer is queued only if it still holds, else QuizChanged (read again and start over).

    The scores are counted against the limit and queued in the answer buffer in one step when Redis
    is there (`quiz_answers_flush` writes them to the database within seconds); without Redis, or
    with it down, the attempt is counted as any other and the scores are written at once."""
    if not quiz_is_open(workshop=workshop, stage=stage):
        raise ValidationError(_("This quiz is closed."))
    now = timezone.now()
    responses, marks = [], []
    for quiz in quizzes:
        correct = 0
        right_answers = []
        for question in quiz.questions:
            # page_answers and page_text: set by selectors.workshop_quizzes (see ModuleQuiz).
            right = next(answer for answer in question.page_answers if answer.is_correct)  # type: ignore[attr-defined]
            correct += chosen.get(question.pk) == right.pk
            right_answers.append((question.page_text, right.page_text))  # type: ignore[attr-defined]
        responses.append(
            QuizResponse(
                workshop=workshop,
                module=quiz.module,
                stage=stage,
                questions=len(quiz.questions),
                correct=correct,
                language=quiz.content.shown,
                created_at=now,
            )
        )
        marks.append(
            QuizMark(
                title=quiz.title,
                correct=correct,
                questions=len(quiz.questions),
                right_answers=right_answers if stage == QuizStage.AFTER else [],
            )
        )
    limit = ratelimit.quiz_limit(workshop.pk, stage)
    attempt = None
    if settings.WORKSHOP_QUIZ_ANSWERS_BUFFERED:
        values = [_buffered_value(response) for response in responses]
        unless_changed = None if as_of is None else (VERSION_KEY, as_of)
        try:
            attempt = ratelimit.attempt_then_push(
                limit, sender, list_key=QUIZ_ANSWERS_KEY, values=values, unless_changed=unless_changed
            )
        except ratelimit.VersionChanged:
            raise QuizChanged from None
    if attempt is None:  # no buffer: count, then write at once
        attempt = ratelimit.attempt_for(limit, sender)
        if attempt.allowed:
            _responses_save(responses)
    if not attempt.allowed:
        raise TooManyAnswers
    return marks


# --- The answer buffer ----------------------------------------------------------------------------
# A class sends its answers within the same minute, and writing each one was most of a quiz answer's
# time (docs/performance.md). Each answer is counted against its connection's limit and its scores
# appended to a Redis list in one round trip; `quiz_answers_flush` (Celery beat, every
# QUIZ_ANSWERS_FLUSH_SECONDS, and before a workshop's report is read) moves them to the database in
# batches. The list is in the strict cache alias (the rate limits' one: a failed write raises rather
# than passing for done). What Redis holds is what the table holds: scores, no person. What can be lost
# is what Redis loses (with its append-only file, as production runs it: about a second).

QUIZ_ANSWERS_KEY = "workshops:quiz-answers"
QUIZ_ANSWER_FIELDS = ("workshop_id", "module_id", "stage", "questions", "correct", "language")


def _buffered_value(response: QuizResponse) -> str:
    fields = {name: getattr(response, name) for name in QUIZ_ANSWER_FIELDS}
    return json.dumps({**fields, "at": response.created_at.isoformat()})


@without_waiting_for_disk
def _responses_save(responses: list[QuizResponse]) -> None:
    for response in responses:  # one per module of the workshop: one to three
        response.save()


def quiz_answers_flush(*, batch_size: int = 500) -> int:
    """Write the buffered quiz answers to the database, oldest first; returns how many were written.

    Each batch is taken from Redis atomically (two flushes at once never write an answer twice) and
    put back at the front if the database refuses it, so nothing is dropped for a database that is
    down for a moment. An answer whose workshop or module was deleted since is dropped. With Redis
    down there is nothing to take: 0."""
    buffer = caches["ratelimit"]
    if not isinstance(buffer, RedisCache):  # the file cache of the embedded default: no buffer
        return 0
    written = 0
    while True:
        try:
            values = buffer.list_pop(QUIZ_ANSWERS_KEY, batch_size)
        except CacheUnavailable:
            return written
        if not values:
            return written
        try:
            written += _buffered_answers_save([json.loads(value) for value in values])
        except DatabaseError:
            buffer.list_push(QUIZ_ANSWERS_KEY, values, front=True)
            raise


@transaction.atomic
def _buffered_answers_save(rows: list[dict]) -> int:
    workshops = set(
        Workshop.objects.filter(pk__in={row["workshop_id"] for row in rows}).values_list("pk", flat=True)
    )
    modules = set(
        Module.objects.filter(pk__in={row["module_id"] for row in rows}).values_list("pk", flat=True)
    )
    responses = [
        QuizResponse(
            **{name: row[name] for name in QUIZ_ANSWER_FIELDS},
            created_at=datetime.datetime.fromisoformat(row["at"]),
        )
        for row in rows
        if row["workshop_id"] in workshops and row["module_id"] in modules
    ]
    QuizResponse.objects.bulk_create(responses)
    return len(responses)


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
