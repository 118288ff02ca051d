"""The knowledge quiz of a workshop's modules: participants answer before and after the session on a
phone (no name) or on paper (the facilitator enters class totals); the report shows the gain."""

import re

import pytest
from django.utils import translation

from curriculum.models import TranslationStatus
from tests import factories
from tests.curriculum.factories import ModuleFactory, module_quiz
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import WorkshopFactory, quiz_responses, quiz_workshop
from workshops.models import QuizTally
from workshops.tokens import quiz_token

pytestmark = pytest.mark.django_db


def answer_ids(question):
    answers = list(question.answers.order_by("position"))
    right = next(answer for answer in answers if answer.is_correct)
    wrong = next(answer for answer in answers if not answer.is_correct)
    return right.pk, wrong.pk


def quiz_url(workshop, stage, language="ur"):
    return f"/{language}/workshops/quiz/{quiz_token(workshop.pk, stage)}/"


def test_participant_answers_the_quiz_before_on_an_urdu_phone_page(client):
    workshop, _module, questions = quiz_workshop()
    page = client.get(quiz_url(workshop, "pre"))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="ur" dir="rtl">' in html
    assert "آپ کے ایس ایم ایس والا او ٹی پی کون مانگ سکتا ہے؟" in html  # the question, in Urdu
    assert "کوئی نہیں" in html  # an answer, in Urdu
    with translation.override("ur"):
        assert translation.gettext("I don't know") in html

    first_right, _ = answer_ids(questions[0])
    _, second_wrong = answer_ids(questions[1])
    response = client.post(
        quiz_url(workshop, "pre"),
        {
            f"question-{questions[0].pk}": first_right,
            f"question-{questions[1].pk}": second_wrong,
            f"question-{questions[2].pk}": "dont-know",
        },
    )
    assert response.status_code == 200
    saved = quiz_responses().get()
    assert (saved.stage, saved.correct, saved.questions, saved.language) == ("pre", 1, 3, "ur")
    thanks = response.content.decode()
    assert '<bdi dir="ltr">1</bdi>' in thanks and '<bdi dir="ltr">3</bdi>' in thanks
    assert "دھوکا" not in thanks  # before the session, the right answers are not given away


def test_after_the_session_the_participant_sees_the_right_answers(client):
    workshop, _module, questions = quiz_workshop()
    chosen = {f"question-{question.pk}": answer_ids(question)[0] for question in questions}
    html = client.post(quiz_url(workshop, "post", "en"), chosen).content.decode()
    saved = quiz_responses().get()
    assert (saved.stage, saved.correct) == ("post", 3)
    assert "The right answers" in html
    assert "Fraud" in html and "Nobody" in html


def test_an_unanswered_question_is_named_and_the_other_answers_are_kept(client):
    workshop, _module, questions = quiz_workshop()
    first_right, _ = answer_ids(questions[0])
    response = client.post(
        quiz_url(workshop, "pre", "en"),
        {f"question-{questions[0].pk}": first_right, f"question-{questions[2].pk}": "not-an-answer"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Some questions have no answer yet. Your other answers are kept." in html
    assert "Choose an answer, or “I don&#x27;t know”." in html
    assert re.search(rf'value="{first_right}"[^>]*checked', html)
    assert "Select a valid choice" in html  # a forged answer is refused, not scored
    assert not quiz_responses().exists()


def test_quiz_links_cannot_be_forged_and_drafts_have_no_quiz(client):
    workshop, _module, _questions = quiz_workshop()
    token = quiz_token(workshop.pk, "pre")
    assert client.get(f"/en/workshops/quiz/{token[:-2]}xx/").status_code == 404
    assert client.get(f"/en/workshops/quiz/{quiz_token(workshop.pk, 'during')}/").status_code == 404
    draft, _module, _questions = quiz_workshop(status="draft")
    assert client.get(quiz_url(draft, "pre")).status_code == 404
    without_modules = WorkshopFactory()
    assert client.get(quiz_url(without_modules, "pre")).status_code == 404


def test_quizzes_close_outside_their_time(client):
    ended, _module, questions = quiz_workshop(started_minutes_ago=60 * 3)
    html = client.get(quiz_url(ended, "pre", "en")).content.decode()
    assert "This quiz is closed" in html and "until the session ends" in html
    answers = {f"question-{question.pk}": "dont-know" for question in questions}
    client.post(quiz_url(ended, "pre", "en"), answers)
    assert not quiz_responses().exists()
    assert client.post(quiz_url(ended, "post", "en"), answers).status_code == 200
    assert quiz_responses().get().stage == "post"  # the quiz after stays open a week

    upcoming, _module, _questions = quiz_workshop(started_minutes_ago=-60 * 24)
    assert "This quiz is closed" not in client.get(quiz_url(upcoming, "pre", "en")).content.decode()
    assert "This quiz is closed" in client.get(quiz_url(upcoming, "post", "en")).content.decode()
    long_ago, _module, _questions = quiz_workshop(started_minutes_ago=60 * 24 * 9)
    assert "This quiz is closed" in client.get(quiz_url(long_ago, "post", "en")).content.decode()


def test_an_unreviewed_translation_is_shown_first_with_a_draft_notice(client):
    workshop, module, _questions = quiz_workshop()
    module.status_ur = TranslationStatus.NEEDS_REVIEW
    module.save()
    html = client.get(quiz_url(workshop, "pre")).content.decode()
    assert "آپ کے ایس ایم ایس والا او ٹی پی" in html  # the reader's own language, not yet reviewed
    assert "Who may ask you for the OTP in your SMS?" not in html
    with translation.override("ur"):
        notice = translation.gettext("Draft translation, not yet reviewed by a native speaker.")
    assert notice in html


def test_a_draft_translation_is_not_shown_and_the_page_says_so(client):
    workshop, module, _questions = quiz_workshop()
    module.status_ur = TranslationStatus.DRAFT
    module.save()
    html = client.get(quiz_url(workshop, "pre")).content.decode()
    assert "Who may ask you for the OTP in your SMS?" in html  # English, the published one
    assert "آپ کے ایس ایم ایس والا او ٹی پی" not in html
    assert '<div lang="en" dir="ltr">' in html  # left to right inside the Urdu page
    with translation.override("ur"):
        notice = translation.gettext("Not yet available in %(requested)s, shown in %(shown)s.") % {
            "requested": translation.get_language_info("ur")["name_translated"],
            "shown": translation.get_language_info("en")["name_translated"],
        }
    assert notice in html


def test_facilitator_enters_paper_totals_per_module_with_urdu_digits(client):
    lead = AmbassadorProfileFactory()
    workshop, module, _questions = quiz_workshop(lead_facilitator=lead)
    client.force_login(lead.user)
    page = client.get(f"/en/workshops/manage/{workshop.pk}/quiz/").content.decode()
    assert "Fake payment messages" in page
    assert (
        len(re.findall(r'href="http://testserver/ur/workshops/quiz/[^"/]+/"', page)) == 2
    )  # workshop's language
    assert page.count("data:image/svg+xml") == 2  # a code to scan before, one after
    assert f"/ur/workshops/manage/{workshop.pk}/quiz/sheet/" in page

    prefix = f"module-{module.pk}-"
    response = client.post(
        f"/en/workshops/manage/{workshop.pk}/quiz/",
        {
            prefix + "pre_participants": "۲۰",
            prefix + "pre_correct": "۳۰",
            prefix + "post_participants": "20",
            prefix + "post_correct": "48",
        },
    )
    assert response.status_code == 302
    tally = QuizTally.objects.get()
    assert (tally.module, tally.questions, tally.pre_participants, tally.pre_correct) == (module, 3, 20, 30)

    too_many = client.post(
        f"/en/workshops/manage/{workshop.pk}/quiz/",
        {
            prefix + "pre_participants": "2",
            prefix + "pre_correct": "7",
            prefix + "post_participants": "2",
            prefix + "post_correct": "1",
        },
    ).content.decode()
    assert "more correct answers than people times questions (3)" in too_many
    assert 'value="7"' in too_many  # what was typed stays in the box
    half = client.post(
        f"/en/workshops/manage/{workshop.pk}/quiz/", {prefix + "pre_participants": "5"}
    ).content.decode()
    assert "Fill in all four numbers, or leave all four empty." in half
    assert QuizTally.objects.get().pre_correct == 30  # nothing saved from the refused forms

    client.post(f"/en/workshops/manage/{workshop.pk}/quiz/", {})
    assert not QuizTally.objects.exists()  # four empty boxes: not taken on paper


def test_report_adds_phone_answers_and_paper_totals(client):
    lead = AmbassadorProfileFactory()
    workshop, module, questions = quiz_workshop(lead_facilitator=lead)
    # Paper: 10 people x 3 questions, 12 right before (40%), 24 after (80%).
    QuizTally.objects.create(
        workshop=workshop,
        module=module,
        questions=3,
        pre_participants=10,
        pre_correct=12,
        post_participants=10,
        post_correct=24,
    )
    participant = client.__class__()
    right = {f"question-{question.pk}": answer_ids(question)[0] for question in questions}
    wrong = {f"question-{question.pk}": answer_ids(question)[1] for question in questions}
    participant.post(
        quiz_url(workshop, "pre"),
        {**wrong, f"question-{questions[0].pk}": right[f"question-{questions[0].pk}"]},
    )
    participant.post(quiz_url(workshop, "pre"), wrong)
    participant.post(quiz_url(workshop, "post"), right)
    participant.post(quiz_url(workshop, "post"), right)
    # Before: (12 + 1 + 0) / 36 = 36%; after: (24 + 3 + 3) / 36 = 83%; gain 47.2 points.
    client.force_login(lead.user)
    html = client.get(f"/en/workshops/manage/{workshop.pk}/report/").content.decode()
    assert "Fake payment messages" in html
    assert '<bdi dir="ltr">36%</bdi>' in html and '<bdi dir="ltr">83%</bdi>' in html
    assert '<bdi dir="ltr">2</bdi> on phones, <bdi dir="ltr">10</bdi> on paper' in html
    assert 'Average knowledge gain: <bdi dir="ltr">47.2</bdi> percentage points.' in html


def test_the_paper_sheet_prints_in_the_page_language_with_an_answer_key(client):
    lead = AmbassadorProfileFactory()
    workshop, _module, _questions = quiz_workshop(lead_facilitator=lead)
    client.force_login(lead.user)
    html = client.get(f"/ur/workshops/manage/{workshop.pk}/quiz/sheet/").content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    assert "بی آئی ایس پی کے اصل پیغامات کس نمبر سے آتے ہیں؟" in html
    with translation.override("ur"):
        assert translation.gettext("Answer key (for the facilitator)") in html
    assert "data:image/svg+xml" in html.split('class="quiz-sheet-key"')[0]  # the feedback code, for home
    key = html.split('class="quiz-sheet-key"')[1]
    assert "کوئی نہیں" in key and "دھوکا" in key and "انعام والا" not in key

    # Sindhi has no text: the Urdu questions, with the notice that says so.
    sindhi = client.get(f"/sd/workshops/manage/{workshop.pk}/quiz/sheet/").content.decode()
    assert "بی آئی ایس پی کے اصل پیغامات کس نمبر سے آتے ہیں؟" in sindhi


def test_a_workshop_whose_modules_have_no_quiz_says_what_to_do(client):
    client.force_login(factories.coordinator("SD"))
    workshop = WorkshopFactory()
    workshop.modules.add(ModuleFactory())
    html = client.get(f"/en/workshops/manage/{workshop.pk}/quiz/").content.decode()
    assert "None of the modules of this workshop has a quiz yet" in html
    assert "data:image/svg+xml" not in html


def test_outside_scope_the_quiz_pages_are_not_found(client):
    workshop, _module, _questions = quiz_workshop()
    client.force_login(factories.coordinator("PB"))
    assert client.get(f"/en/workshops/manage/{workshop.pk}/quiz/").status_code == 404
    assert client.get(f"/en/workshops/manage/{workshop.pk}/quiz/sheet/").status_code == 404


@pytest.mark.parametrize("language", ["en", "ur", "sd", "ps"])
def test_the_phone_quiz_page_is_light_and_in_the_page_language(client, language):
    """Three modules of three questions: HTML+CSS within the 60 KB budget (fonts excluded), no script."""
    from pathlib import Path

    from django.conf import settings

    workshop, _module, _questions = quiz_workshop()
    for _n in range(2):
        module = ModuleFactory()
        module_quiz(module)
        workshop.modules.add(module)
    css = sum(
        (Path(settings.BASE_DIR) / "static" / name).stat().st_size for name in ("css/hifazat-workshops.css",)
    )
    html = client.get(quiz_url(workshop, "pre", language)).content.decode()
    assert len(html.encode()) + css < 60 * 1024
    assert "<script" not in html
    direction = "ltr" if language == "en" else "rtl"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert html.count('type="radio"') == 3 * (3 + 2 + 3 + 3)  # every answer, plus "I don't know"


def test_a_flood_of_quiz_answers_from_one_connection_is_stopped(client, settings):
    settings.WORKSHOP_QUIZ_ANSWERS_PER_HOUR = 2
    workshop, _module, questions = quiz_workshop()
    answers = {f"question-{question.pk}": answer_ids(question)[0] for question in questions}
    for _person in range(2):
        assert client.post(quiz_url(workshop, "pre", "en"), answers).status_code == 200
    refused = client.post(quiz_url(workshop, "pre", "en"), answers)
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Too many answers came from this connection." in html
    assert re.search(rf'value="{answers[f"question-{questions[0].pk}"]}"[^>]*checked', html)  # kept
    assert quiz_responses().count() == 2
    assert client.post(quiz_url(workshop, "post", "en"), answers).status_code == 200  # after: its own


def test_a_question_still_being_written_is_left_out_of_the_quiz(client):
    from curriculum.models import QuizAnswer, QuizQuestion

    workshop, module, questions = quiz_workshop()
    unfinished = QuizQuestion.objects.create(module=module, position=9, text_en="Half-written question?")
    QuizAnswer.objects.create(question=unfinished, position=0, text_en="Only answer", is_correct=False)
    html = client.get(quiz_url(workshop, "pre", "en")).content.decode()
    assert "Half-written question?" not in html
    answers = {f"question-{question.pk}": answer_ids(question)[0] for question in questions}
    assert client.post(quiz_url(workshop, "pre", "en"), answers).status_code == 200
    saved = quiz_responses().get()
    assert (saved.correct, saved.questions) == (3, 3)  # scored on the finished questions only
    # Paper totals count the same three questions.
    lead = AmbassadorProfileFactory()
    workshop.lead_facilitator = lead
    workshop.save()
    client.force_login(lead.user)
    prefix = f"module-{module.pk}-"
    totals = {"pre_participants": "2", "pre_correct": "6", "post_participants": "2", "post_correct": "6"}
    client.post(
        f"/en/workshops/manage/{workshop.pk}/quiz/", {prefix + key: value for key, value in totals.items()}
    )
    assert QuizTally.objects.get().questions == 3
