"""Quiz answers with Redis stopped: the answer buffer cannot take them, so each is written to the
database at once and the participant still sees their score. (What waited in Redis when it stopped is
what Redis keeps: production runs it with its append-only file, docs/performance.md.)"""

import pytest
from django.test import Client

from tests.workshops.factories import quiz_workshop
from workshops.models import QuizResponse
from workshops.services import quiz_answers_flush
from workshops.tokens import quiz_token


def all_right(questions) -> dict:
    return {
        f"question-{question.pk}": str(question.answers.get(is_correct=True).pk) for question in questions
    }


@pytest.mark.django_db
def test_with_redis_stopped_an_answer_is_written_at_once(own_redis):
    workshop, _module, questions = quiz_workshop()
    url = f"/en/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/"
    assert Client().post(url, all_right(questions)).status_code == 200
    assert not QuizResponse.objects.exists()  # waiting in Redis

    own_redis.stop()
    response = Client().post(url, all_right(questions))
    assert response.status_code == 200
    assert 'You answered <bdi dir="ltr">3</bdi> of <bdi dir="ltr">3</bdi>' in response.content.decode()
    assert QuizResponse.objects.count() == 1  # written at once
    assert quiz_answers_flush() == 0  # nothing to take from a stopped Redis, and no error
