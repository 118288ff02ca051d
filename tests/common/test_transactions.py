"""A quiz answer commits without waiting for the disk, and nothing else does (PostgreSQL only)."""

import pytest
from django.db import connection, transaction
from django.db.models.signals import post_save

from common.transactions import without_waiting_for_disk
from tests.workshops.factories import quiz_workshop
from workshops.models import QuizResponse
from workshops.selectors import workshop_quizzes
from workshops.services import quiz_response_submit

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


def test_a_quiz_answer_is_saved_without_waiting_for_the_disk_and_the_next_write_waits_again(settings):
    settings.WORKSHOP_QUIZ_ANSWERS_BUFFERED = False  # written at once, as without Redis
    workshop, _module, questions = quiz_workshop()
    quizzes = workshop_quizzes(workshop=workshop, language="ur")
    seen = []

    def while_saving(sender, instance, **kwargs):
        seen.append(synchronous_commit())

    post_save.connect(while_saving, sender=QuizResponse)
    try:
        marks = quiz_response_submit(
            workshop=workshop, stage="pre", quizzes=quizzes, chosen={}, sender="test"
        )
    finally:
        post_save.disconnect(while_saving, sender=QuizResponse)
    assert seen == ["off"]
    assert synchronous_commit() == "on"  # SET LOCAL: gone with the answer's transaction
    assert QuizResponse.objects.get().questions == len(questions) == marks[0].questions


def test_inside_a_transaction_already_open_the_outer_transaction_keeps_waiting_for_the_disk():
    @without_waiting_for_disk
    def write() -> str:
        return synchronous_commit()

    assert write() == "off"
    with transaction.atomic():
        assert write() == "on"
    assert synchronous_commit() == "on"
