"""A real browser walks the whole path: apply (Urdu page, Eastern Arabic digits) -> a coordinator
approves -> the new ambassador sets a password from the link -> passes the starter quiz."""

import re

import pytest

from accounts.models import User
from ambassadors.models import Application, Choice, QuizAttempt, Track
from tests import factories
from tests.workshops.test_browser import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_apply_approve_set_password_and_pass_the_quiz(
    page, live_server, screenshot, mailoutbox, eager_celery
):
    assert Track.objects.active().filter(is_default=True).exists()
    coordinator = factories.coordinator("SD", full_name="Sana Memon")
    karachi = factories.district("Karachi Central")

    # 1. A teacher applies on the Urdu page, without an account.
    page.goto("/ur/ambassadors/apply/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#id_full_name").fill("عائشہ سومرو")
    page.locator("#id_phone").fill("۰۳۰۰۱۲۳۴۵۶۷")
    page.locator("#id_email").fill("ayesha.soomro@example.pk")
    page.locator("#id_district").select_option(str(karachi.pk))
    page.locator("input[name=languages_spoken][value=ur]").check()
    page.locator("input[name=languages_spoken][value=sd]").check()
    page.locator("input[name=languages_taught][value=ur]").check()
    page.locator("input[name=background][value=teacher]").check()
    page.locator("#id_motivation").fill("میں اپنے طلبہ اور ان کے والدین کو آن لائن فراڈ سے بچانا چاہتی ہوں۔")
    page.locator("input[name=availability][value=weekends]").check()
    page.locator("#id_consent").check()
    screenshot(page, "ambassadors-1-apply-ur")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/ur/ambassadors/apply/received/")
    application = Application.objects.get()
    # The page is the same for every number; the reference arrives by SMS and email, in Urdu.
    assert application.display_reference not in page.locator("main").inner_text()
    assert application.phone == "+923001234567"
    [received] = mailoutbox
    assert received.to == ["ayesha.soomro@example.pk"] and application.display_reference in received.body
    screenshot(page, "ambassadors-2-reference-ur")

    # 2. The coordinator reviews the queue and approves.
    sign_in(page, live_server, coordinator)
    page.goto("/en/ambassadors/review/")
    page.get_by_role("link", name=application.display_reference).click()
    screenshot(page, "ambassadors-3-review")
    page.get_by_role("button", name="Approve").click()
    page.wait_for_url("**/en/ambassadors/review/")
    assert page.get_by_text("Approved.").is_visible()

    # 3. The link arrives (email and SMS, in Urdu); the ambassador chooses a password.
    email = mailoutbox[-1]
    link = re.search(r"https?://[^/\s]+(/ur/ambassadors/welcome/\S+/)", email.body).group(1)
    page.context.clear_cookies()
    page.goto(link)
    page.locator("#id_new_password1").fill("safer phones for everyone")
    page.locator("#id_new_password2").fill("safer phones for everyone")
    screenshot(page, "ambassadors-4-set-password-ur")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/ur/ambassadors/me/")
    assert User.objects.get(email="ayesha.soomro@example.pk").has_usable_password()
    screenshot(page, "ambassadors-5-my-training-ur")

    # 4. The first open step is the quiz: take it and answer every question right.
    page.locator("section.card--primary a").first.click()
    page.locator("main a.button").click()
    # The attempt is written while the quiz page is served: read it once the page has arrived.
    page.wait_for_url("**/ur/ambassadors/me/steps/*/quiz/")
    attempt = QuizAttempt.objects.get()
    right = set(
        Choice.objects.filter(is_correct=True, question__quiz=attempt.quiz).values_list("pk", flat=True)
    )
    for _question_id, choice_ids in attempt.order:
        page.locator(f"input[type=radio][value='{next(pk for pk in choice_ids if pk in right)}']").check()
    screenshot(page, "ambassadors-6-quiz")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/ur/ambassadors/me/attempts/**")
    attempt.refresh_from_db()
    assert attempt.passed and attempt.correct == attempt.total == 10
    screenshot(page, "ambassadors-7-passed-ur")
    page.goto("/ur/ambassadors/me/")
    assert page.locator("progress").first.get_attribute("value") == "1"
