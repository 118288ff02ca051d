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


def test_loading_twice_changes_nothing_and_keeps_edits():
    starter_curriculum_load(with_handouts=False)
    module = Module.objects.first()
    module.title_ur = "ترمیم شدہ"
    module.save()
    starter_curriculum_load(with_handouts=False)
    assert Module.objects.count() == 4
    assert Module.objects.get(pk=module.pk).title_ur == "ترمیم شدہ"


@pytest.mark.parametrize(("language", "font"), [("ur", "Noto Nastaliq Urdu"), ("sd", "Noto Naskh Arabic")])
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
