"""Public pages drawn from a query string, kept per query (common/pagecache.py `public_page(query=...)`):
a filtered workshop list and a library search; a found certificate code, which must still respect the
failure limit and a revocation; and a quiz's thanks page, shared by everyone with the same score."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ambassadors import services as ambassador_services
from common import pagecache
from common.pagecache import MAX_QUERY_LENGTH
from tests import factories
from tests.ambassadors.factories import AmbassadorProfileFactory, TrackFactory
from tests.curriculum.factories import ModuleFactory
from tests.workshops.factories import WorkshopFactory, quiz_responses, quiz_workshop
from workshops import services as workshop_services
from workshops.tokens import quiz_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60


def get(url: str, client: Client | None = None, **extra) -> tuple[str, int, int]:
    """(page, status, queries) for a new anonymous visitor (or `client`)."""
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(url, **extra)
    return response.content.decode(), response.status_code, len(queries)


def test_a_filtered_workshop_list_is_kept_per_query_and_a_saved_workshop_shows_at_once():
    scams = WorkshopFactory(title="Spotting fake bank calls", topics=["scams-fraud"])
    WorkshopFactory(title="Blocking a harasser", topics=["harassment-social-media"])
    scams_url, harassment_url = (
        "/ur/workshops/?topic=scams-fraud",
        "/ur/workshops/?topic=harassment-social-media",
    )

    first, status, _cold = get(scams_url)
    second, _status, warm = get(scams_url)
    assert status == 200 and warm == 0
    assert "Spotting fake bank calls" in second and "Blocking a harasser" not in second
    assert first.count("Spotting fake bank calls") == second.count("Spotting fake bank calls")
    # Another query is its own page, not the first one's copy.
    other, _status, _queries = get(harassment_url)
    assert "Blocking a harasser" in other and "Spotting fake bank calls" not in other

    scams.title = "Fake prize messages"
    scams.save()
    html, _status, _queries = get(scams_url)
    assert "Fake prize messages" in html and "Spotting fake bank calls" not in html


def test_a_library_search_is_kept_per_query():
    ModuleFactory(title_ur="جعلی ادائیگی کے پیغامات", summary_ur="رقم کی جعلی رسیدیں پہچانیں۔")
    ModuleFactory(title_ur="مضبوط پاس ورڈ", summary_ur="ہر اکاؤنٹ کے لیے الگ پاس ورڈ۔")
    get("/ur/library/?q=پاس")
    html, status, queries = get("/ur/library/?q=پاس")
    assert status == 200 and queries == 0
    assert "مضبوط پاس ورڈ" in html and "جعلی ادائیگی کے پیغامات" not in html
    html, _status, _queries = get("/ur/library/?q=ادائیگی")
    assert "جعلی ادائیگی کے پیغامات" in html and "مضبوط پاس ورڈ" not in html


def test_a_parameter_the_page_does_not_name_or_a_very_long_query_is_never_kept():
    WorkshopFactory(title="Spotting fake bank calls")
    long_search = "/ur/library/?q=" + "a" * MAX_QUERY_LENGTH
    for url in ("/ur/workshops/?topic=scams-fraud&utm_source=sms", long_search):
        for _twice in range(2):
            assert get(url)[1] == 200, url
        assert not pagecache._pages, url  # nothing kept: each visitor's page is rendered for them


@pytest.fixture
def certificate():
    profile = AmbassadorProfileFactory(user__full_name="Ayesha Soomro")
    track = TrackFactory(name_en="Ambassador foundation track")
    return ambassador_services.certificate_issue(profile=profile, level="certified", track=track)


def test_a_found_code_is_kept_and_its_revocation_shows_at_once(certificate):
    url = f"/en/certificates/verify/?code={certificate.code}"
    get(url)
    html, status, queries = get(url)
    assert status == 200 and queries == 0 and "Ayesha Soomro" in html and "result--revoked" not in html

    ambassador_services.certificate_revoke(
        certificate=certificate, actor=factories.coordinator(), reason="Issued in error"
    )
    html, status, _queries = get(url)
    assert status == 200 and "result--revoked" in html


def test_a_visitor_over_the_failure_limit_is_refused_a_kept_code_too(settings, certificate):
    settings.CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES = 2
    url = f"/en/certificates/verify/?code={certificate.code}"
    get(url, REMOTE_ADDR="10.1.1.1")  # someone else's check leaves a copy
    assert get(url, REMOTE_ADDR="10.1.1.1")[2] == 0
    guesser = "10.7.7.7"
    for guess in ("AAAAA-AAAAA", "BBBBB-BBBBB"):
        html, status, _queries = get(f"/en/certificates/verify/?code={guess}", REMOTE_ADDR=guesser)
        assert status == 200 and "result--unknown" in html
    html, status, _queries = get(url, REMOTE_ADDR=guesser)
    assert status == 429 and "Ayesha Soomro" not in html


def test_an_unknown_code_counts_every_time_it_is_typed(settings, certificate):
    settings.CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES = 2
    url = "/en/certificates/verify/?code=AAAAA-AAAAA"
    for _attempt in range(2):
        html, status, _queries = get(url)
        assert status == 200 and "result--unknown" in html
    assert get(url)[1] == 429


def answer(url: str, questions, right: bool) -> str:
    data = {
        f"question-{question.pk}": str(question.answers.get(is_correct=right).pk)
        if right
        else str(question.answers.filter(is_correct=False).first().pk)
        for question in questions
    }
    response = Client().post(url, data)
    assert response.status_code == 200
    return response.content.decode()


def test_each_participant_sees_their_own_score_and_every_answer_is_kept():
    workshop, _module, questions = quiz_workshop()
    url = f"/en/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/"
    seen = [answer(url, questions, right) for right in (True, False, True, False)]
    for page, right in zip(seen, (True, False, True, False), strict=True):
        score = len(questions) if right else 0
        assert f'You answered <bdi dir="ltr">{score}</bdi> of <bdi dir="ltr">{len(questions)}</bdi>' in page
    scores = list(quiz_responses().order_by("pk").values_list("correct", flat=True))
    assert scores == [len(questions), 0, len(questions), 0]


def test_a_cancelled_workshop_closes_its_quiz_at_once():
    workshop, _module, questions = quiz_workshop()
    url = f"/en/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/"
    answer(url, questions, right=True)  # the workshop is now kept in memory
    workshop_services.workshop_cancel(workshop=workshop, actor=factories.coordinator(), reason="Flooded")
    page = answer(url, questions, right=True)
    assert "This quiz is closed" in page
    assert quiz_responses().count() == 1
