import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from curriculum import services
from curriculum.models import Material, OfflinePack
from tests.curriculum.factories import PDF_BYTES, ModuleFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator_client(client):
    from accounts.models import User

    translator = UserFactory(role=User.Role.TRANSLATOR, is_staff=True, is_superuser=True, with_mfa=True)
    client.force_login(translator)
    return client


def test_module_admin_has_language_tabs_served_from_this_site(translator_client):
    module = ModuleFactory()
    page = translator_client.get(f"/admin/curriculum/module/{module.pk}/change/").content.decode()
    assert "curriculum/vendor/jquery-ui-tabs.min.js" in page
    assert "tabbed_translation_fields.js" in page
    assert "googleapis" not in page
    for code in ("en", "ur", "sd", "ps"):
        assert f'name="title_{code}"' in page and f'name="status_{code}"' in page


def test_uploading_a_material_in_the_admin_queues_a_rebuild_of_existing_packs(
    translator_client, django_capture_on_commit_callbacks, eager_celery
):
    module = ModuleFactory()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    built = OfflinePack.objects.get(pk=pack.pk).fingerprint
    with django_capture_on_commit_callbacks() as callbacks:
        response = translator_client.post(
            "/admin/curriculum/material/add/",
            {"module": module.pk, "kind": "handout", "language": "sd", "title": "سنڌي هينڊ آئوٽ",
             "license": "CC BY-SA 4.0", "attribution": "Hifazat", "position": 0,
             "download_counts-TOTAL_FORMS": 0, "download_counts-INITIAL_FORMS": 0,
             "file": SimpleUploadedFile("x.pdf", PDF_BYTES)},
        )  # fmt: skip
    assert response.status_code == 302
    material = Material.objects.get(module=module, language="sd")
    assert (material.content_type, material.size, material.extension) == (
        "application/pdf",
        len(PDF_BYTES),
        "pdf",
    )
    assert OfflinePack.objects.get(pk=pack.pk).status == OfflinePack.Status.QUEUED
    for callback in callbacks:  # the worker picks up what was queued
        callback()
    rebuilt = OfflinePack.objects.get(pk=pack.pk)
    assert rebuilt.status == OfflinePack.Status.READY and rebuilt.fingerprint != built


def quiz_question_form(module, answers: list[tuple[str, bool]]) -> dict:
    data = {
        "module": module.pk,
        "position": 0,
        "text_en": "Who may ask for your OTP?",
        "text_ur": "آپ کا او ٹی پی کون مانگ سکتا ہے؟",
        "answers-TOTAL_FORMS": len(answers),
        "answers-INITIAL_FORMS": 0,
        "answers-MIN_NUM_FORMS": 0,
        "answers-MAX_NUM_FORMS": 1000,
    }
    for number, (text, correct) in enumerate(answers):
        data[f"answers-{number}-position"] = number
        data[f"answers-{number}-text_en"] = text
        if correct:
            data[f"answers-{number}-is_correct"] = "on"
    return data


def test_an_editor_writes_a_quiz_question_with_exactly_one_right_answer(translator_client, settings):
    translator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the admin has no language prefix
    module = ModuleFactory()
    url = "/admin/curriculum/quizquestion/add/"
    page = translator_client.get(url).content.decode()
    for code in ("en", "ur", "sd", "ps"):
        assert f'name="text_{code}"' in page and f'name="answers-0-text_{code}"' in page

    two_right = translator_client.post(
        url, quiz_question_form(module, [("Nobody", True), ("The bank", True)])
    )
    assert "Mark exactly one answer as correct." in two_right.content.decode()
    none_right = translator_client.post(url, quiz_question_form(module, [("Nobody", False), ("Bank", False)]))
    assert "Mark exactly one answer as correct." in none_right.content.decode()
    alone = translator_client.post(url, quiz_question_form(module, [("Nobody", True)]))
    assert "A question needs at least two answers." in alone.content.decode()
    assert not module.quiz_questions.exists()

    saved = translator_client.post(url, quiz_question_form(module, [("The bank", False), ("Nobody", True)]))
    assert saved.status_code == 302
    question = module.quiz_questions.get()
    assert question.text_ur == "آپ کا او ٹی پی کون مانگ سکتا ہے؟"
    assert [(answer.text, answer.is_correct) for answer in question.answers.all()] == [
        ("The bank", False),
        ("Nobody", True),
    ]
    module_page = translator_client.get(f"/admin/curriculum/module/{module.pk}/change/").content.decode()
    assert f"/admin/curriculum/quizquestion/{question.pk}/change/" in module_page  # linked from the module
