"""A real browser: a coordinator schedules a workshop, a visitor registers on the Urdu page with an
Urdu name and a number in Eastern Arabic digits, the facilitator marks attendance."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory, quiz_responses, quiz_workshop
from workshops.models import Registration, Workshop
from workshops.tokens import registration_token

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def sign_in(page, live_server, user) -> None:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}]
    )


def test_schedule_register_in_urdu_and_take_attendance(page, live_server, screenshot):
    coordinator = factories.coordinator("SD", full_name="Sana Memon")
    lead = AmbassadorProfileFactory(user__full_name="Ayesha Soomro")
    karachi = factories.district("Karachi Central")
    starts = timezone.localtime() + datetime.timedelta(days=4)

    # The site has no favicon yet (foundation); chromium's automatic request must not count as an error.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    # The coordinator schedules and publishes.
    sign_in(page, live_server, coordinator)
    page.goto("/en/workshops/manage/new/")
    page.get_by_label("Title").fill("Mobile banking scams")
    page.get_by_label("Scams and fraud").check()
    page.get_by_label("Language of delivery").select_option("ur")
    page.locator("#id_district").select_option(str(karachi.pk))
    page.get_by_label("Town or village").fill("Nazimabad")
    page.locator("#id_venue_kind").select_option("community_centre")
    page.get_by_label("Starts (Pakistan time)").fill(starts.strftime("%Y-%m-%dT10:00"))
    page.get_by_label("Ends (Pakistan time)").fill(starts.strftime("%Y-%m-%dT12:00"))
    page.get_by_label("Seats").fill("25")
    page.get_by_label("Lead facilitator").select_option(str(lead.pk))
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish").click()
    assert page.get_by_text("The workshop is published.").is_visible()
    screenshot(page, "workshops-coordinator-published")
    workshop = Workshop.objects.get()
    assert workshop.status == "published"
    assert timezone.localtime(workshop.starts_at).hour == 10

    # A visitor finds it on the Urdu list and registers.
    page.context.clear_cookies()
    page.goto("/ur/workshops/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_role("link", name="Mobile banking scams").click()
    page.locator("#id_name").fill("عائشہ خان")
    page.locator("#id_phone").fill("۰۳۰۰۱۲۳۴۵۶۷")
    page.locator("#id_consent").check()
    screenshot(page, "workshops-visitor-registering-ur")
    page.locator("form[action$='/register/'] button[type=submit]").click()
    # The same page whether or not the number was registered: the link goes to the phone.
    page.wait_for_url(f"**/ur/workshops/{workshop.pk}/registered/")
    assert "عائشہ خان" not in page.locator("main").inner_text()
    screenshot(page, "workshops-visitor-check-your-phone-ur")
    registration = Registration.objects.get()
    # She opens the link from her SMS.
    page.goto(f"/ur/workshops/registration/{registration_token(registration.pk)}/")
    assert "عائشہ خان" in page.locator("main").inner_text()
    screenshot(page, "workshops-visitor-registered-ur")
    assert (registration.name, registration.phone, registration.status) == (
        "عائشہ خان",
        "+923001234567",
        "confirmed",
    )

    # The facilitator, on a phone, ticks her present and counts walk-ins.
    sign_in(page, live_server, lead.user)
    page.goto(f"/ur/workshops/manage/{workshop.pk}/attendance/")
    page.get_by_label("عائشہ خان").check()
    page.locator("#id_walkin_women_18_29").fill("۳")
    page.locator("#id_walkin_men_30_49").fill("2")
    page.locator("form.attendance-form button[type=submit]").click()
    page.wait_for_load_state()
    screenshot(page, "workshops-facilitator-attendance")
    assert Registration.objects.get().attended
    assert sum(cell.count for cell in workshop.walk_ins.all()) == 5


def test_facilitator_shows_the_quiz_code_and_a_participant_answers_on_an_urdu_phone(
    page, live_server, screenshot
):
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    lead = AmbassadorProfileFactory(user__full_name="Ayesha Soomro")
    workshop, _module, questions = quiz_workshop(
        started_minutes_ago=10, title="Mobile banking scams", lead_facilitator=lead
    )

    # The facilitator opens the quiz page on her phone: a code to scan before the session.
    sign_in(page, live_server, lead.user)
    page.goto(f"/ur/workshops/manage/{workshop.pk}/quiz/")
    codes = page.locator(".quiz-codes img")
    assert codes.count() == 2 and codes.first.is_visible()
    screenshot(page, "workshops-quiz-codes-ur")
    before_link = page.locator(".quiz-codes a").first.get_attribute("href")
    # The paper version, in Urdu, with the answer key on its own page (checked by axe like every page).
    page.goto(f"/ur/workshops/manage/{workshop.pk}/quiz/sheet/")
    assert page.locator(".quiz-sheet-key").is_visible()
    assert page.locator(".quiz-sheet > li").count() == 3

    # A participant (no account) answers two of three questions and sends.
    page.context.clear_cookies()
    page.goto(before_link)
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_label("کوئی نہیں").check()
    page.get_by_label("8171 سے").check()
    page.locator("form.quiz-form button[type=submit]").click()
    page.wait_for_load_state()
    # The third question is missing: the page says so and keeps the two answers.
    assert page.locator("[role=alert]").is_visible()
    assert page.get_by_label("کوئی نہیں").is_checked() and page.get_by_label("8171 سے").is_checked()
    assert not quiz_responses().exists()
    page.locator(f"input[name='question-{questions[2].pk}'][value='dont-know']").check()
    screenshot(page, "workshops-quiz-participant-ur")
    page.locator("form.quiz-form button[type=submit]").click()
    page.wait_for_load_state()
    response = quiz_responses().get()
    assert (response.stage, response.correct, response.questions) == ("pre", 2, 3)
    assert "2" in page.locator("main .card").inner_text()
    screenshot(page, "workshops-quiz-thanks-ur")


def test_the_quiz_works_with_javascript_off_in_pashto(browser, live_server):
    from workshops.tokens import quiz_token

    workshop, _module, questions = quiz_workshop(
        started_minutes_ago=90,
        title="د موبایل بانکدارۍ درغلۍ",
        language="ps",
        lead_facilitator=AmbassadorProfileFactory(),
    )

    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto(f"/ps/workshops/quiz/{quiz_token(workshop.pk, 'post')}/")
    assert page.get_attribute("html", "dir") == "rtl"
    for question in questions:
        right = question.answers.get(is_correct=True)
        page.locator(f"input[name='question-{question.pk}'][value='{right.pk}']").check()
    page.locator("form.quiz-form button[type=submit]").click()
    page.wait_for_load_state()
    assert quiz_responses().get().correct == 3
    # After the session the right answers are listed (here from Urdu: the module has no Pashto).
    assert "کوئی نہیں" in page.locator("main").inner_text()
    context.close()


def test_record_a_past_session_in_sindhi_and_keep_ticks_after_a_mistake(page, live_server, screenshot):
    """The coordinator records, on the Sindhi page, a session held offline last week; a mistake in a
    head count keeps everything typed. On the attendance page a mistake keeps the ticks."""
    coordinator = factories.coordinator("SD")
    lead = AmbassadorProfileFactory(user__full_name="Ayesha Soomro", languages=["sd", "ur"])
    karachi = factories.district("Karachi Central")
    held = timezone.localtime() - datetime.timedelta(days=6)
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    sign_in(page, live_server, coordinator)
    page.goto("/sd/workshops/manage/record/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#id_title").fill("ٺٽي ۾ سيشن")
    page.locator("#id_topics_0").check()
    page.locator("#id_language").select_option("sd")
    page.locator("#id_district").select_option(str(karachi.pk))
    page.locator("#id_town").fill("Nazimabad")
    page.locator("#id_venue_kind").select_option("school")
    page.locator("#id_starts_at").fill(held.strftime("%Y-%m-%dT10:00"))
    page.locator("#id_ends_at").fill(held.strftime("%Y-%m-%dT12:00"))
    page.locator("#id_lead_facilitator").select_option(str(lead.pk))
    page.locator("#id_walkin_women_18_29").fill("۱۲")
    page.locator("#id_walkin_men_30_49").fill("x")
    page.locator("form.workshop-form button[type=submit]").click()
    page.wait_for_load_state()
    assert not Workshop.objects.exists()
    assert page.locator("#id_title").input_value() == "ٺٽي ۾ سيشن"
    assert page.locator("#id_topics_0").is_checked()
    assert page.locator("#id_walkin_women_18_29").input_value() == "۱۲"
    assert page.locator("#id_lead_facilitator").input_value() == str(lead.pk)
    screenshot(page, "workshops-record-past-mistake-sd")
    page.locator("#id_walkin_men_30_49").fill("5")
    page.locator("form.workshop-form button[type=submit]").click()
    page.wait_for_url("**/sd/workshops/manage/*/")
    workshop = Workshop.objects.get()
    assert workshop.recorded_afterwards and workshop.status == "completed"
    assert "پوءِ ۾ درج ڪيل" in page.locator("main").inner_text()  # "Recorded afterwards"
    screenshot(page, "workshops-record-past-saved-sd")

    # Attendance of an ordinary workshop: a mistake in a number box keeps both ticks.
    ordinary, _module, _questions = quiz_workshop(lead_facilitator=lead, language="sd")
    first = RegistrationFactory(workshop=ordinary, name="Person one")
    second = RegistrationFactory(workshop=ordinary, name="Person two")
    sign_in(page, live_server, lead.user)
    page.goto(f"/en/workshops/manage/{ordinary.pk}/attendance/")
    page.get_by_label("Person one").check()
    page.get_by_label("Person two").check()
    page.locator("#id_walkin_women_18_29").fill("x")
    page.locator("form.attendance-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_label("Person one").is_checked() and page.get_by_label("Person two").is_checked()
    assert page.locator("#id_walkin_women_18_29").input_value() == "x"
    assert not Registration.objects.filter(pk__in=[first.pk, second.pk], attended=True).exists()


def test_a_known_number_gets_the_page_every_registrant_gets(page, live_server, screenshot):
    """Someone types a number that is registered: the page is the one every registrant sees (and
    passes axe like every page). The expired-link pages answer 410, which chromium reports as a
    console error, so they are checked in tests/workshops/test_links_and_cancellation.py."""
    from tests.workshops.factories import RegistrationFactory, WorkshopFactory

    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    workshop = WorkshopFactory(title="Mobile banking scams")
    RegistrationFactory(workshop=workshop, name="عائشہ خان", phone="+923001234567")
    page.goto(f"/ur/workshops/{workshop.pk}/")
    page.locator("#id_name").fill("کوئی اور")
    page.locator("#id_phone").fill("03001234567")
    page.locator("#id_consent").check()
    page.locator("form[action$='/register/'] button[type=submit]").click()
    page.wait_for_url(f"**/ur/workshops/{workshop.pk}/registered/")
    text = page.locator("main").inner_text()
    assert "عائشہ خان" not in text and "0300" not in text
    screenshot(page, "workshops-known-number-same-page-ur")
    assert workshop.registrations.count() == 1
