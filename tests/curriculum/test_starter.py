import io

import pytest
from pypdf import PdfReader

from curriculum import services
from curriculum.models import Module, MythFactCard, TranslationStatus
from curriculum.starter import starter_curriculum_load

pytestmark = pytest.mark.django_db

TOPICS = {"scams-fraud", "harassment-social-media", "misinformation", "rights-privacy"}


def test_starter_curriculum_has_a_complete_module_per_topic():
    starter_curriculum_load(with_handouts=False)
    modules = list(Module.objects.select_related("topic"))
    assert {module.topic.slug for module in modules} == TOPICS
    assert MythFactCard.objects.count() >= 12
    for module in modules:
        assert module.status_en == TranslationStatus.PUBLISHED
        for code in ("ur", "sd", "ps"):
            assert module.status_in(code) == TranslationStatus.NEEDS_REVIEW  # machine-assisted drafts
        for field in ("title", "summary", "objectives"):
            for code in ("en", "ur", "sd", "ps"):
                assert getattr(module, f"{field}_{code}"), (module.slug, field, code)
        for field in ("body", "facilitator_notes", "prerequisites"):
            assert getattr(module, f"{field}_ur"), (module.slug, field)
        assert module.activities.count() >= 4
        for activity in module.activities.all():
            assert activity.title_ur and activity.instructions_ur
        for card in module.cards.all():
            assert all(
                getattr(card, f"{side}_{code}")
                for side in ("myth", "fact")
                for code in ("en", "ur", "sd", "ps")
            )
    sindhi = " ".join(module.title_sd + module.summary_sd for module in modules)
    assert any(letter in sindhi for letter in "ڪڳٻٽڊڏڦ")
    pashto = " ".join(module.title_ps + module.summary_ps for module in modules)
    assert any(letter in pashto for letter in "ټډړښګڼې")
    text = " ".join(module.body_en for module in modules)
    for must in ("8171", "0800-39393", "NCCIA", "PTA", "Easypaisa", "JazzCash", "two-step"):
        assert must in text


def test_every_starter_module_has_a_translated_quiz_with_one_right_answer_per_question():
    starter_curriculum_load(with_handouts=False)
    for module in Module.objects.prefetch_related("quiz_questions__answers"):
        questions = list(module.quiz_questions.all())
        assert len(questions) >= 3, module.slug
        for question in questions:
            answers = list(question.answers.all())
            assert len(answers) >= 2 and sum(answer.is_correct for answer in answers) == 1
            for item in (question, *answers):
                texts = [getattr(item, f"text_{code}") for code in ("en", "ur", "sd", "ps")]
                assert all(texts) and len(set(texts)) == 4, texts  # translated, not copied


def test_modules_loaded_before_quizzes_existed_get_theirs_and_an_edited_quiz_is_kept():
    starter_curriculum_load(with_handouts=False)
    scams = Module.objects.get(slug="fake-payments-and-otp-theft")
    scams.quiz_questions.all().delete()  # as installed before this release
    edited = Module.objects.get(slug="check-before-you-forward")
    kept = edited.quiz_questions.first()
    kept.text_ur = "ترمیم شدہ سوال"
    kept.save()
    edited.quiz_questions.exclude(pk=kept.pk).delete()

    lines = starter_curriculum_load(with_handouts=False)
    assert scams.quiz_questions.count() == 4
    assert list(edited.quiz_questions.values_list("text_ur", flat=True)) == ["ترمیم شدہ سوال"]
    assert "    quiz (4 questions)" in lines


def test_loading_twice_changes_nothing_and_keeps_edits():
    starter_curriculum_load(with_handouts=False)
    module = Module.objects.first()
    module.title_ur = "ترمیم شدہ"
    module.save()
    starter_curriculum_load(with_handouts=False)
    assert Module.objects.count() == 4
    assert Module.objects.get(pk=module.pk).title_ur == "ترمیم شدہ"


@pytest.mark.parametrize(("language", "font"), [("ur", "Hifazat Naskh"), ("sd", "Hifazat Naskh")])
def test_handout_pdf_is_generated_with_the_shipped_arabic_script_font(language, font):
    starter_curriculum_load(with_handouts=False)
    module = Module.objects.prefetch_related("cards").get(slug="fake-payments-and-otp-theft")
    handout = services.handout_generate(module=module, language=language)
    assert handout.content_type == "application/pdf" and handout.size > 10_000
    reader = PdfReader(io.BytesIO(handout.file.read()))
    fonts = {
        str(reader.get_object(reference)["/BaseFont"])
        for page in reader.pages
        for reference in page["/Resources"]["/Font"].values()
    }
    assert any(font.replace(" ", "-") in name for name in fonts), fonts
    assert len(reader.pages) >= 1


def test_coverage_grid_shows_each_language_status(client):
    from tests.factories import coordinator

    starter_curriculum_load(with_handouts=False)
    client.force_login(coordinator("SD"))
    page = client.get("/en/library/coverage/").content.decode()
    assert page.count("status--needs_review") == 12
    assert page.count("status--published") == 4


def test_seed_topics_have_a_title_and_description_in_every_language():
    from curriculum.models import Topic

    topics = list(Topic.objects.filter(slug__in=TOPICS))
    assert len(topics) == 4
    for topic in topics:
        for field in ("title", "description"):
            assert all(getattr(topic, f"{field}_{code}") for code in ("en", "ur", "sd", "ps")), (
                topic.slug,
                field,
            )
        assert any(letter in topic.title_sd + topic.description_sd for letter in "ڪڳڄٺڏڻٻٽ"), topic.slug
        assert any(letter in topic.title_ps + topic.description_ps for letter in "ټډړښږځڅګڼې"), topic.slug
