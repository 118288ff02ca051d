"""The phone quiz page is opened by a whole class at once: its questions are drawn once per workshop
and language, then read from the cache (one query a page), and an edit shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.curriculum.factories import ModuleFactory, module_quiz
from tests.workshops.factories import quiz_workshop
from workshops.tokens import quiz_token

pytestmark = pytest.mark.django_db


def quiz_url(workshop, language="ur"):
    return f"/{language}/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/"


def page(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def without_csrf(html: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_second_visitor_gets_the_same_page_in_one_query_however_many_questions(client):
    small, _module, _questions = quiz_workshop()
    large, _module, _questions = quiz_workshop()
    for _extra in range(3):
        module = ModuleFactory()
        module_quiz(module)
        large.modules.add(module)

    small_url, large_url = quiz_url(small), quiz_url(large)
    first_small, cold_small = page(client, small_url)
    first_large, cold_large = page(client, large_url)
    assert first_large.count('type="radio"') > 3 * first_small.count('type="radio"')
    assert cold_small == cold_large  # the quizzes are read in a fixed number of queries

    again_small, warm_small = page(client, small_url)
    again_large, warm_large = page(client, large_url)
    assert warm_small == warm_large == 1  # the workshop; the questions come from the cache
    assert without_csrf(again_small) == without_csrf(first_small)
    assert without_csrf(again_large) == without_csrf(first_large)
    assert "آپ کے ایس ایم ایس والا او ٹی پی کون مانگ سکتا ہے؟" in again_small


def test_each_language_has_its_own_questions(client):
    workshop, _module, _questions = quiz_workshop()
    page(client, quiz_url(workshop, "ur"))
    english, _count = page(client, quiz_url(workshop, "en"))
    assert "Who may ask you for the OTP in your SMS?" in english
    assert "آپ کے ایس ایم ایس والا او ٹی پی کون مانگ سکتا ہے؟" not in english


def test_an_edited_question_or_a_new_module_shows_on_the_next_page(client):
    workshop, _module, questions = quiz_workshop()
    page(client, quiz_url(workshop))
    question = questions[0]
    question.text_ur = "نیا سوال: او ٹی پی کس کو بتانا چاہیے؟"
    question.save()
    html, _count = page(client, quiz_url(workshop))
    assert "نیا سوال: او ٹی پی کس کو بتانا چاہیے؟" in html

    answer = question.answers.order_by("position").first()
    answer.text_ur = "کسی کو بھی نہیں، کبھی نہیں"
    answer.save()
    html, _count = page(client, quiz_url(workshop))
    assert "کسی کو بھی نہیں، کبھی نہیں" in html

    module = ModuleFactory(title_en="Privacy settings", title_ur="پرائیویسی کی ترتیبات")
    module_quiz(module)
    workshop.modules.add(module)
    html, _count = page(client, quiz_url(workshop))
    assert "پرائیویسی کی ترتیبات" in html
