"""The Translator role: signs in with two-factor authentication, opens and edits curriculum content
in the side-by-side admin, marks a translation reviewed, and reaches nothing else of the admin."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

from accounts.models import User
from curriculum.models import Module, TranslationStatus
from tests import factories
from tests.curriculum.factories import ActivityFactory, ModuleFactory, MythFactCardFactory, module_quiz

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase 42"  # noqa: S105 - test account


def signed_in_translator(client) -> User:
    """A translator (staff, as the demo's) signing in for real: password, then the TOTP code."""
    translator = factories.UserFactory(
        role=User.Role.TRANSLATOR, is_staff=True, email="imran@hifazat.test", password=PASSWORD
    )
    secret = generate_totp_secret()
    TOTP.activate(translator, secret)
    response = client.post("/en/accounts/login/", {"login": translator.email, "password": PASSWORD})
    assert response.status_code == 302 and "/accounts/2fa/authenticate/" in response["Location"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302, "the TOTP code should be accepted"
    assert client.get("/en/dashboard/").context["user"] == translator
    return translator


def admin_form_data(response) -> dict:
    """What a browser would post back from an admin change page, unchanged: the main form and
    every inline formset (management form included)."""
    data = {}

    def add(form) -> None:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            data[bound.html_name] = "on" if value is True else value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


def test_translator_edits_the_sindhi_body_and_marks_it_reviewed(client):
    module = ModuleFactory(status_sd=TranslationStatus.DRAFT)
    ActivityFactory(module=module)
    MythFactCardFactory(module=module)
    module_quiz(module)
    signed_in_translator(client)

    url = f"/admin/curriculum/module/{module.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for code in ("en", "ur", "sd", "ps"):
        assert f'name="body_{code}"' in html and f'name="status_{code}"' in html
    assert 'name="activities-0-title_sd"' in html and 'name="cards-0-myth_sd"' in html

    data = admin_form_data(page)
    data["body_sd"] = "ڪڏهن به پنهنجو **او ٽي پي** ڪنهن کي نه ٻڌايو."
    data["title_sd"] = "ڪوڙا پيغام سڃاڻو"
    data["activities-0-title_sd"] = "سچا ۽ ڪوڙا پيغام ڌار ڪريو"
    data["status_sd"] = TranslationStatus.PUBLISHED
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors

    module.refresh_from_db()
    assert module.body_sd == "ڪڏهن به پنهنجو **او ٽي پي** ڪنهن کي نه ٻڌايو."
    assert module.status_sd == TranslationStatus.PUBLISHED
    assert module.activities.get().title_sd == "سچا ۽ ڪوڙا پيغام ڌار ڪريو"
    sindhi = client.get(f"/sd/library/{module.slug}/").content.decode()
    assert "<strong>او ٽي پي</strong>" in sindhi and "draft-notice" not in sindhi


def test_translator_opens_topics_quiz_questions_and_the_coverage_links(client):
    module = ModuleFactory(title_sd="ڪوڙا پيغام سڃاڻو")
    question = module_quiz(module)[0]
    signed_in_translator(client)
    index = client.get("/admin/").content.decode()
    assert "/admin/curriculum/module/" in index and "/admin/accounts/user/" not in index
    for url in (
        "/admin/curriculum/module/",
        f"/admin/curriculum/topic/{module.topic.pk}/change/",
        f"/admin/curriculum/quizquestion/{question.pk}/change/",
        "/admin/curriculum/quizquestion/",
    ):
        assert client.get(url).status_code == 200, url
    coverage = client.get("/en/library/coverage/").content.decode()
    link = f'href="/admin/curriculum/module/{module.pk}/change/"'
    assert link in coverage
    assert client.get(f"/admin/curriculum/module/{module.pk}/change/").status_code == 200


def test_translator_cannot_add_delete_or_reach_users_incidents_or_materials(client):
    module = ModuleFactory()
    signed_in_translator(client)
    for url in (
        "/admin/accounts/user/",
        f"/admin/accounts/user/{User.objects.get(role=User.Role.TRANSLATOR).pk}/change/",
        "/admin/incidents/",
        "/admin/curriculum/material/",
        "/admin/curriculum/module/add/",
        f"/admin/curriculum/module/{module.pk}/delete/",
    ):
        assert client.get(url).status_code in (403, 404), url
    assert Module.objects.filter(pk=module.pk).exists()


def test_a_translator_who_is_not_staff_gets_no_admin_permission():
    translator = factories.UserFactory(role=User.Role.TRANSLATOR, is_staff=False)
    assert not translator.has_perm("curriculum.change_module")
    assert factories.UserFactory(role=User.Role.TRANSLATOR, is_staff=True).has_perm(
        "curriculum.change_module"
    )
    coordinator = factories.coordinator()
    coordinator.is_staff = True
    assert not coordinator.has_perm("curriculum.change_module")


def test_coverage_counts_filled_texts_per_language(client):
    module = ModuleFactory(title_sd="ڪوڙا پيغام سڃاڻو", status_sd=TranslationStatus.NEEDS_REVIEW)
    ActivityFactory(module=module, title_sd="سچا ۽ ڪوڙا پيغام ڌار ڪريو")
    MythFactCardFactory(module=module)
    # Module: title, summary, objectives, body; activity: title, instructions; card: myth, fact.
    client.force_login(factories.coordinator())
    page = client.get("/en/library/coverage/").content.decode()
    cells = page.split('data-language="')[1:]
    filled = {cell[:2]: cell.split('<bdi dir="ltr">', 1)[1].split("</bdi>", 1)[0] for cell in cells}
    assert filled == {"en": "8/8", "ur": "8/8", "sd": "2/8", "ps": "0/8"}
    assert '(<bdi dir="ltr">25%</bdi>)' in page


def test_coverage_runs_the_same_queries_whatever_the_number_of_modules(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(factories.coordinator())

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/library/coverage/").status_code == 200
        return len(captured)

    def module_with_content():
        module = ModuleFactory()
        ActivityFactory.create_batch(2, module=module)
        MythFactCardFactory(module=module)
        module_quiz(module)

    module_with_content()
    few = queries()
    for _ in range(4):
        module_with_content()
    assert queries() == few
