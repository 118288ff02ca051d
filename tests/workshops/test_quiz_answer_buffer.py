"""Quiz answers wait in Redis and are written to the database in batches (workshops/services/quiz.py):
the participant sees their score at once, the facilitator's report shows every answer at once, a
worker writes the rest within seconds, and nothing is lost to a database that refuses or to a
workshop deleted meanwhile. With Redis down an answer is written at once (tests/faults)."""

import datetime
import json

import pytest
from django.core.cache import cache, caches
from django.db import DatabaseError, connection
from django.test import Client
from django.utils import timezone

from config.schedules import BEAT_SCHEDULE
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.notifications.worker import make_worker, wait_for
from tests.workshops.factories import quiz_responses, quiz_workshop
from workshops.models import QuizResponse
from workshops.services import quiz_answers_flush
from workshops.services.quiz import QUIZ_ANSWERS_KEY
from workshops.tasks import quiz_answers_flush_task
from workshops.tokens import quiz_token

pytestmark = pytest.mark.skipif(
    not hasattr(caches["ratelimit"], "list_pop"), reason="the answer buffer needs Redis (REDIS_URL)"
)


def answer(workshop, questions, *, right: int) -> str:
    """One participant's answers, the first `right` of them right; returns the thanks page."""
    data = {}
    for index, question in enumerate(questions):
        chosen = question.answers.filter(is_correct=index < right).first()
        data[f"question-{question.pk}"] = str(chosen.pk)
    response = Client().post(f"/en/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/", data)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_answers_wait_in_redis_and_the_facilitators_report_shows_them_at_once(client):
    lead = AmbassadorProfileFactory()
    workshop, _module, questions = quiz_workshop(lead_facilitator=lead)
    before = timezone.now()
    pages = [answer(workshop, questions, right=right) for right in (3, 1, 0)]
    after = timezone.now()
    assert 'You answered <bdi dir="ltr">1</bdi> of <bdi dir="ltr">3</bdi>' in pages[1]  # at once
    assert not QuizResponse.objects.exists()  # waiting in Redis

    client.force_login(lead.user)
    html = client.get(f"/en/workshops/manage/{workshop.pk}/report/").content.decode()
    assert '<bdi dir="ltr">3</bdi> on phones' in html
    saved = list(QuizResponse.objects.order_by("pk"))
    assert [response.correct for response in saved] == [3, 1, 0]
    assert all(before <= response.created_at <= after for response in saved)  # when they answered


@pytest.mark.django_db
def test_a_flush_writes_every_answer_once_in_order_and_drops_those_of_a_deleted_workshop():
    workshop, _module, questions = quiz_workshop()
    gone, _gone_module, gone_questions = quiz_workshop()
    for index in range(20):
        answer(workshop, questions, right=index % 4)
        if index % 5 == 0:
            answer(gone, gone_questions, right=3)
    gone.delete()
    assert quiz_answers_flush(batch_size=7) == 20
    assert quiz_answers_flush() == 0  # nothing written twice
    assert list(QuizResponse.objects.order_by("pk").values_list("correct", flat=True)) == [
        index % 4 for index in range(20)
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_database_that_refuses_the_batch_gets_it_back_in_the_buffer():
    workshop, _module, questions = quiz_workshop()
    for right in (3, 2, 1):
        answer(workshop, questions, right=right)
    with connection.cursor() as cursor:  # as a database in recovery refuses writes
        cursor.execute("SET default_transaction_read_only = on")
        try:
            with pytest.raises(DatabaseError):
                quiz_answers_flush()
        finally:
            cursor.execute("SET default_transaction_read_only = off")
    assert not QuizResponse.objects.exists()
    waiting = caches["ratelimit"].list_pop(QUIZ_ANSWERS_KEY, 10)
    assert [json.loads(value)["correct"] for value in waiting] == [3, 2, 1]


def test_beat_flushes_the_buffer_every_few_seconds(settings):
    entry = BEAT_SCHEDULE["workshops-quiz-answers-flush"]
    assert entry["task"] == "workshops.tasks.quiz_answers_flush_task"
    assert entry["schedule"] == settings.QUIZ_ANSWERS_FLUSH_SECONDS <= 30


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_the_waiting_answers(tmp_path):
    worker = make_worker(tmp_path=tmp_path)  # empties the tests' Redis database first
    workshop, _module, questions = quiz_workshop()
    for right in (3, 0):
        answer(workshop, questions, right=right)
    assert not QuizResponse.objects.exists()
    worker.start()
    try:
        quiz_answers_flush_task.delay()  # what beat queues every few seconds
        wait_for(lambda: QuizResponse.objects.count() == 2, timeout=30)
    finally:
        worker.stop()
    assert sorted(QuizResponse.objects.values_list("correct", flat=True)) == [0, 3]
    assert (
        QuizResponse.objects.filter(created_at__gte=timezone.now() - datetime.timedelta(minutes=5)).count()
        == 2
    )


@pytest.mark.django_db
def test_an_answer_scored_against_quizzes_another_worker_changed_is_scored_again(settings):
    """An answer assumes the version this worker last read (its quizzes in memory are of it) and is
    queued only if Redis still holds it: here another worker changed the right answer meanwhile."""
    from common.pagecache import VERSION_KEY

    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    workshop, _module, questions = quiz_workshop()
    url = f"/en/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/"
    chosen = {f"question-{q.pk}": str(q.answers.get(is_correct=True).pk) for q in questions}
    Client().post(url, chosen)  # this worker now keeps the quizzes and the version
    first = questions[0]
    old_right = first.answers.get(is_correct=True)
    new_right = first.answers.filter(is_correct=False).first()
    # Another worker's edit: the rows change and the version moves on, with no signal in this process.
    type(old_right).objects.filter(pk=old_right.pk).update(is_correct=False)
    type(new_right).objects.filter(pk=new_right.pk).update(is_correct=True)
    cache.incr(VERSION_KEY)

    page = Client().post(url, chosen).content.decode()  # the same choices: one is now wrong
    assert 'You answered <bdi dir="ltr">2</bdi> of <bdi dir="ltr">3</bdi>' in page
    assert [response.correct for response in quiz_responses()] == [3, 2]
