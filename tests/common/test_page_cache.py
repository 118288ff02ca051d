"""Whole public pages kept in the worker's memory for anonymous visitors (common/pagecache.py): the
second visitor gets the page without a query and with a CSRF token of their own, a saved workshop or
module shows at once in every language, and nothing signed-in, flashed or personal is ever shared."""

import re

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from curriculum.models import TranslationStatus
from tests import factories
from tests.curriculum.factories import ModuleFactory
from tests.workshops.factories import WorkshopFactory, quiz_responses, quiz_workshop
from workshops.tokens import quiz_token

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ur", "sd", "ps")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60


def get(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def public_urls() -> list[str]:
    workshop = WorkshopFactory()
    module = ModuleFactory()
    quiz, _module, _questions = quiz_workshop()
    return [
        "/ur/",
        "/ur/workshops/",
        f"/ur/workshops/{workshop.pk}/",
        "/ur/library/",
        f"/ur/library/{module.slug}/",
        "/ur/report/",
        "/ur/report/follow-up/",
        "/ur/ambassadors/apply/",
        "/ur/certificates/verify/",
        "/ur/impact/",
        f"/ur/workshops/quiz/{quiz_token(quiz.pk, 'pre')}/",
    ]


def test_the_second_visitor_gets_the_page_without_a_query_and_with_a_token_of_their_own():
    for url in public_urls():
        first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        first, _cold = get(first_visitor, url)
        second, warm = get(second_visitor, url)
        assert warm == 0, url
        assert TOKEN.sub("", first) == TOKEN.sub("", second), url
        first_tokens, second_tokens = set(TOKEN.findall(first)), set(TOKEN.findall(second))
        assert len(second_tokens) == 1 and first_tokens.isdisjoint(second_tokens), url
        # The token in the copy belongs to this visitor: their language switch is accepted...
        switch = {"language": "sd", "next": "/sd/", "csrfmiddlewaretoken": second_tokens.pop()}
        assert second_visitor.post("/i18n/setlang/", switch).status_code == 302, url
        # ...and is worthless to anyone else.
        stranger = Client(enforce_csrf_checks=True)
        get(stranger, "/en/")
        assert stranger.post("/i18n/setlang/", switch).status_code == 403, url


def test_a_saved_workshop_shows_at_once_in_every_language():
    workshop = WorkshopFactory(title="Staying safe on WhatsApp")
    pages = [f"/{language}/workshops/{workshop.pk}/" for language in LANGUAGES]
    pages += [f"/{language}/workshops/" for language in LANGUAGES]
    for url in pages:
        assert "Staying safe on WhatsApp" in get(Client(), url)[0], url
        assert get(Client(), url)[1] == 0, url  # kept

    workshop.title = "Spotting fake bank calls"
    workshop.save()

    for url in pages:
        html, _queries = get(Client(), url)
        assert "Spotting fake bank calls" in html, url
        assert "Staying safe on WhatsApp" not in html, url


def test_a_saved_module_shows_at_once_in_every_language_in_its_own_language_first():
    titles = {"en": "Fake payments", "ur": "جعلی ادائیگیاں", "sd": "جعلي ادائگيون", "ps": "جعلي تادیې"}
    module = ModuleFactory(
        **{f"title_{language}": title for language, title in titles.items()},
        **{f"status_{language}": TranslationStatus.PUBLISHED for language in LANGUAGES},
    )
    for language in LANGUAGES:
        for url in (f"/{language}/library/{module.slug}/", f"/{language}/library/"):
            assert titles[language] in get(Client(), url)[0], url

    new = {"en": "OTP theft", "ur": "او ٹی پی کی چوری", "sd": "او ٽي پي جي چوري", "ps": "د او ټي پي غلا"}
    for language, title in new.items():
        setattr(module, f"title_{language}", title)
    module.save()

    for language in LANGUAGES:
        for url in (f"/{language}/library/{module.slug}/", f"/{language}/library/"):
            html, _queries = get(Client(), url)
            assert new[language] in html, url
            assert titles[language] not in html, url


def test_a_signed_in_visitor_neither_gets_nor_leaves_a_copy():
    anonymous = Client()
    get(anonymous, "/ur/")
    signed_in = Client()
    signed_in.force_login(factories.coordinator())
    for _twice in range(2):
        html, _queries = get(signed_in, "/ur/")
        assert "/ur/accounts/logout/" in html  # their own header, not the anonymous copy
    html, queries = get(Client(), "/ur/")
    assert "/ur/accounts/logout/" not in html
    assert queries == 0


def test_a_flash_message_is_shown_to_its_visitor_and_never_kept():
    visitor = Client()
    get(Client(), "/en/workshops/")  # a copy exists
    storage = CookieStorage(visitor.get("/en/").wsgi_request)
    from django.contrib.messages import Message, constants
    from django.http import HttpResponse

    response = HttpResponse()
    storage._store([Message(constants.SUCCESS, "Your registration is cancelled.")], response)
    visitor.cookies[CookieStorage.cookie_name] = response.cookies[CookieStorage.cookie_name].value
    assert "Your registration is cancelled." in get(visitor, "/en/workshops/")[0]
    assert "Your registration is cancelled." not in get(Client(), "/en/workshops/")[0]


def test_a_page_with_a_query_is_rendered_for_its_visitor():
    workshop = WorkshopFactory(title="Staying safe on WhatsApp")
    url = f"/ur/workshops/{workshop.pk}/?from=sms"
    get(Client(), url)
    _html, queries = get(Client(), url)
    assert queries > 0


def test_quiz_answers_are_scored_against_the_answers_as_saved_now():
    workshop, _module, questions = quiz_workshop()
    url = f"/ur/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/"

    def answer_all(chosen: dict) -> None:
        data = {f"question-{question.pk}": str(answer.pk) for question, answer in chosen.items()}
        assert Client().post(url, data).status_code == 200

    before = {question: question.answers.get(is_correct=True) for question in questions}
    answer_all(before)
    assert quiz_responses().get().correct == len(questions)

    # The coordinator fixes the first question: another answer is the right one.
    first = questions[0]
    right, other = before[first], first.answers.filter(is_correct=False).first()
    right.is_correct, other.is_correct = False, True
    right.save()
    other.save()

    answer_all(before)  # the same answers again
    assert quiz_responses().latest("pk").correct == len(questions) - 1
