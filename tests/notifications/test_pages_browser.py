"""The delivery log and the announcement form in a real browser, in Urdu (right to left), with axe."""

import pytest
from django.conf import settings
from django.test import Client

from tests import factories as shared
from tests.notifications import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_a_coordinator_reads_the_log_and_a_message_right_to_left(page, live_server, screenshot):
    coordinator = shared.coordinator("SD")
    failed = factories.delivery(status="failed")
    factories.delivery(status="sent", body="ب" * 80, segments=2)
    sign_in(page, live_server, coordinator)
    # base.html has no icon yet, so chromium asks for /favicon.ico (404: a console error); reported.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    page.goto("/ur/notifications/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("table tbody tr").count() == 2
    screenshot(page, "notifications-log-ur")
    assert page.locator(f"form[action$='/notifications/{failed.pk}/retry/'] button").count() == 1
    # (Clicking it shows a flash message; base.html's `<ul role="status">` fails axe's listitem rule
    # today, reported to the lead. The retry itself is covered in test_views.py.)
    page.locator(f"a[href$='/notifications/{failed.pk}/']").click()
    page.wait_for_url(f"**/ur/notifications/{failed.pk}/")
    assert page.locator(".message-body").inner_text().startswith("حفاظت")
    screenshot(page, "notifications-detail-ur")


def test_a_coordinator_schedules_an_announcement_with_javascript_off(browser, live_server, screenshot):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    sign_in(page, live_server, shared.coordinator("SD"))
    page.goto("/en/notifications/announcements/")
    page.select_option("#id_district", label="Karachi Central")
    page.fill("#id_message_ur", "کل صبح دس بجے تربیت ہے۔")
    page.get_by_role("button", name="Schedule").click()
    assert "The announcement is scheduled." in page.content()
    screenshot(page, "notifications-announcements-en")
    context.close()
