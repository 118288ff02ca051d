"""Quizzes: shuffled per try, pass mark, cool-down after a failure, translated, answers kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ambassadors import services
from ambassadors.models import Question, QuizAttempt, StepProgress, Track
from tests.ambassadors.factories import QuizFactory, TrackFactory, enrol, step, trainee

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def quiz_setting():
    track = TrackFactory()
    quiz_step = step(
        track, "pass_quiz", 10, quiz=QuizFactory(questions=10, pass_mark=70, cooldown_minutes=30)
    )
    person = trainee()
    return quiz_step, person, enrol(person, track)


def answers(attempt, right: int) -> dict[int, int]:
    """`right` answers correct, the rest wrong, in the order shown."""
    chosen = {}
    for index, (question_id, choice_ids) in enumerate(attempt.order):
        question = Question.objects.prefetch_related("choices").get(pk=question_id)
        correct = next(choice.pk for choice in question.choices.all() if choice.is_correct)
        chosen[question_id] = correct if index < right else next(pk for pk in choice_ids if pk != correct)
    return chosen


def test_questions_and_answers_are_shuffled_per_try_and_stable_within_one(quiz_setting):
    quiz_step, person, enrolment = quiz_setting
    attempt = services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en")
    assert services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en").pk == attempt.pk
    orders = {tuple(question_id for question_id, _choices in attempt.order)}
    for _index in range(6):  # new tries (no cool-down between passes for the test: a fresh person each)
        other = enrol(trainee(), quiz_step.track)
        orders.add(
            tuple(
                q
                for q, _c in services.quiz_attempt_start(enrolment=other, step=quiz_step, language="en").order
            )
        )
    assert len(orders) > 1, "ten questions came out in the same order seven times"
    assert sorted(attempt.order[0][1]) == sorted(
        Question.objects.get(pk=attempt.order[0][0]).choices.values_list("pk", flat=True)
    )


def test_below_the_pass_mark_fails_and_starts_a_cool_down(quiz_setting):
    quiz_step, person, enrolment = quiz_setting
    attempt = services.quiz_attempt_submit(
        attempt=services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en"),
        answers=answers(
            services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en"), right=6
        ),
    )
    assert (attempt.correct, attempt.total, attempt.passed) == (6, 10, False)
    assert not StepProgress.objects.exists()
    with pytest.raises(services.QuizCoolingDown) as cooling:
        services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en")
    assert cooling.value.until > timezone.now() + datetime.timedelta(minutes=29)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(minutes=31)
    )
    again = services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en")
    assert again.pk != attempt.pk


def test_the_pass_mark_passes_completes_the_step_and_counts_once(quiz_setting):
    quiz_step, person, enrolment = quiz_setting
    attempt = services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en")
    chosen = answers(attempt, right=7)
    attempt = services.quiz_attempt_submit(attempt=attempt, answers=chosen)
    assert attempt.passed and attempt.percent == 70
    assert StepProgress.objects.get().status == StepProgress.Status.COMPLETED
    # A second submission of the same try (double click, resent form) changes nothing.
    assert services.quiz_attempt_submit(attempt=attempt, answers=answers(attempt, right=0)).correct == 7
    with pytest.raises(ValidationError, match="already passed"):
        services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en")


def test_answers_to_questions_not_in_the_try_are_ignored(quiz_setting):
    quiz_step, person, enrolment = quiz_setting
    attempt = services.quiz_attempt_start(enrolment=enrolment, step=quiz_step, language="en")
    other = QuizFactory(questions=1).questions.get()
    forged = {other.pk: other.choices.get(is_correct=True).pk}
    attempt = services.quiz_attempt_submit(attempt=attempt, answers=forged)
    assert (attempt.correct, attempt.passed) == (0, False)


def test_the_starter_quiz_is_seeded_with_ten_questions_in_four_languages():
    track = Track.objects.get(is_default=True)
    quiz = track.steps.get(kind="pass_quiz").quiz
    questions = list(quiz.questions.prefetch_related("choices"))
    assert len(questions) == 10
    assert (quiz.status_en, quiz.status_ur, quiz.status_sd, quiz.status_ps) == (
        "published",
        "needs_review",
        "needs_review",
        "needs_review",
    )
    for question in questions:
        assert all(getattr(question, f"text_{code}") for code in ("en", "ur", "sd", "ps"))
        choices = list(question.choices.all())
        assert len(choices) == 4 and sum(choice.is_correct for choice in choices) == 1
        assert all(getattr(choice, f"text_{code}") for choice in choices for code in ("en", "ur", "sd", "ps"))
    sindhi = " ".join(question.text_sd for question in questions)
    pashto = " ".join(question.text_ps for question in questions)
    assert any(letter in sindhi for letter in "ڪڳٻٽڊڏڦ") and any(letter in pashto for letter in "ټډړښګڼې")


def test_own_language_is_shown_first_with_a_notice_until_it_is_reviewed(client, quiz_setting):
    quiz_step, person, enrolment = quiz_setting
    client.force_login(person.user)
    # English is published, Urdu needs review: the Urdu reader gets Urdu, with the draft notice.
    text = client.get(f"/ur/ambassadors/me/steps/{quiz_step.pk}/quiz/").content.decode()
    assert "سوال 1؟" in text and "درست 1.1" in text and "Question 1?" not in text
    assert "draft-notice" in text and 'class="notice"' not in text  # no fallback notice
    QuizAttempt.objects.all().delete()
    quiz_step.quiz.status_ur = "published"
    quiz_step.quiz.save()
    text = client.get(f"/ur/ambassadors/me/steps/{quiz_step.pk}/quiz/").content.decode()
    assert "سوال 1؟" in text and "notice" not in text
    QuizAttempt.objects.all().delete()
    # A draft is the translator's unfinished work: never shown, English instead, with its notice.
    quiz_step.quiz.status_ur = "draft"
    quiz_step.quiz.save()
    text = client.get(f"/ur/ambassadors/me/steps/{quiz_step.pk}/quiz/").content.decode()
    assert "Question 1?" in text and "سوال 1؟" not in text
    assert 'class="notice"' in text and "draft-notice" not in text  # English is published


def test_taking_the_quiz_in_urdu_keeps_answers_when_one_is_missing(client, quiz_setting):
    quiz_step, person, enrolment = quiz_setting
    quiz_step.quiz.status_ur = "published"
    quiz_step.quiz.save()
    client.force_login(person.user)
    page = client.get(f"/ur/ambassadors/me/steps/{quiz_step.pk}/quiz/")
    assert page.status_code == 200
    assert "سوال 1؟" in page.content.decode()
    attempt = QuizAttempt.objects.get()
    chosen = answers(attempt, right=10)
    first_question = attempt.order[0][0]
    data = {
        f"q{question_id}": choice_id
        for question_id, choice_id in chosen.items()
        if question_id != first_question
    }
    response = client.post(f"/ur/ambassadors/me/steps/{quiz_step.pk}/quiz/", data)
    assert response.status_code == 400
    kept = response.content.decode()
    for question_id, choice_id in data.items():
        assert f'name="{question_id}" value="{choice_id}"' in kept and "checked" in kept
    data[f"q{first_question}"] = chosen[first_question]
    response = client.post(f"/ur/ambassadors/me/steps/{quiz_step.pk}/quiz/", data)
    assert response.status_code == 302
    result = client.get(response["Location"]).content.decode()
    assert "10" in result and StepProgress.objects.filter(status="completed").count() == 1


def test_a_sindhi_quiz_reads_an_empty_field_from_urdu_not_english(client, quiz_setting):
    quiz_step, person, enrolment = quiz_setting
    quiz = quiz_step.quiz
    quiz.title_sd, quiz.status_sd = "ڪوئز", "needs_review"
    quiz.save()
    first = quiz.questions.order_by("position").first()
    first.text_sd = "سوال پهريون؟"
    first.save()
    client.force_login(person.user)
    text = client.get(f"/sd/ambassadors/me/steps/{quiz_step.pk}/quiz/").content.decode()
    assert "سوال پهريون؟" in text
    assert "سوال 2؟" in text and "Question 2?" not in text  # Urdu, the next in the chain
