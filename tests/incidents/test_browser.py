"""Acceptance, in a real browser: report in Urdu with a photo, read the receipt, follow up, a handler
answers from an Urdu template, the reporter reads the answer in Urdu. No JavaScript is needed for
any of it; the quick-exit button leaves and replaces the history entry."""

import pytest
from django.test import Client

from incidents.models import Case, Evidence, ReplyTemplate
from tests import factories
from tests.incidents import factories as incident_factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_in_urdu_with_a_photo_then_a_handler_answers(page, live_server, screenshot, tmp_path):
    photo = tmp_path / "screenshot.jpg"
    photo.write_bytes(incident_factories.jpeg_with_gps(size=(320, 240)))
    wallet = incident_factories.category("wallet-otp")
    karachi = factories.district("Karachi Central", "SD")

    # 1. The first question, then the form, in Urdu.
    page.goto(f"{live_server.url}/ur/report/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.check("input[name=danger][value=no]")
    page.locator("form.report-form button[type=submit]").click()
    page.select_option("select[name=category]", str(wallet.pk))
    page.select_option("select[name=channel]", "wallet")
    page.select_option("select[name=when]", "today")
    page.select_option("select[name=district]", str(karachi.pk))
    page.fill("input[name=money_lost_pkr]", "۱۵۰۰۰")
    page.fill("textarea[name=narrative]", "کسی نے بینک کا نمائندہ بن کر میرا کوڈ مانگا اور پیسے نکال لیے۔")
    page.set_input_files("input[name=evidence]", str(photo))
    page.locator("form.report-form button[type=submit]").click()

    # 2. The receipt: code and secret, the guidance in Urdu.
    code = page.get_by_test_id("case-code").inner_text().replace(" ", "")
    secret = page.get_by_test_id("case-secret").inner_text().replace(" ", "")
    assert len(code) == 8 and len(secret) == 12
    assert "یہ ابھی محفوظ کر لیں یا لکھ لیں" in page.content()
    assert page.get_by_role("button", name="اس صفحے کو پرنٹ کریں").is_visible()
    screenshot(page, "incidents-receipt-ur")
    case = Case.objects.get(code=code)
    assert case.money_lost_pkr == 15000 and case.language == "ur"
    assert Evidence.objects.get(case=case).content_type == "image/jpeg"
    assert page.title().startswith("حفاظتی مدد")  # the title says nothing about the report

    # 3. Follow up: nothing yet from the handlers.
    page.goto(f"{live_server.url}/ur/report/follow-up/")
    page.fill("input[name=code]", code)
    page.fill("input[name=secret]", secret)
    page.locator("form.report-form button[type=submit]").click()
    assert page.get_by_test_id("case-status").inner_text() == "نیا"
    assert "کسی نے بینک کا نمائندہ بن کر" in page.content()

    # 4. A case handler (signed in with MFA) answers from the Urdu template.
    handler = incident_factories.handler("SD", language="en")
    client = Client()
    client.force_login(handler)
    handler_page = page.context.new_page()
    handler_page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    handler_page.goto(f"{live_server.url}/en/cases/")
    handler_page.get_by_role("link", name=code).click()
    template = ReplyTemplate.objects.order_by("position").first()
    handler_page.select_option("select[name=template]", str(template.pk))
    handler_page.get_by_role("button", name="Use template").click()
    assert handler_page.locator("textarea[name=body]").first.input_value() == template.body_ur
    handler_page.get_by_role("button", name="Send reply").click()
    assert "The reply was saved" in handler_page.content()
    handler_page.close()

    # 5. The reporter checks again and reads the answer in Urdu.
    page.get_by_role("button", name="نئے پیغامات دیکھیں").click()
    page.get_by_text(template.body_ur).wait_for()
    assert page.get_by_test_id("case-status").inner_text() == "جانچ جاری ہے"
    screenshot(page, "incidents-follow-up-answer-ur")


def test_quick_exit_leaves_and_replaces_the_history_entry(page, live_server, settings):
    settings.INCIDENT_QUICK_EXIT_URL = "about:blank"  # stands in for the neutral site, offline
    page.goto(f"{live_server.url}/en/report/follow-up/")
    page.goto(f"{live_server.url}/ur/report/")
    page.get_by_role("link", name="فوری باہر نکلیں").click()
    page.wait_for_url("about:blank")
    page.go_back()
    # "Back" skips the report page: it was replaced in the history, not left behind.
    assert page.url == f"{live_server.url}/en/report/follow-up/"
    # about:blank is not our page: keep axe's verdict to the pages we serve.
    page.axe_reports[:] = [(url, found) for url, found in page.axe_reports if url != "about:blank"]
