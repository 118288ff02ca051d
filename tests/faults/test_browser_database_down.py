"""In chromium: a registration sent while the database refuses writes comes back on a 503 page that
keeps it; Back finds the form still filled in; "Send again" saves it once the database is back."""

import pytest
from django.utils import translation

from tests.workshops.factories import WorkshopFactory
from workshops.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_registration_survives_a_read_only_database_in_a_real_browser(
    browser, live_server, read_only_database, screenshot
):
    workshop = WorkshopFactory()
    read_only_database.on()
    context = browser.new_context(
        base_url=live_server.url, locale="ur-PK", viewport={"width": 360, "height": 780}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(f"/ur/workshops/{workshop.pk}/")  # reading works while writes are refused
        page.locator("#id_name").fill("عائشہ خان")
        page.locator("#id_phone").fill("۰۳۰۰۱۲۳۴۵۶۷")
        page.locator("#id_consent").check()
        page.locator("form[action$='/register/'] button[type=submit]").click()
        with translation.override("ur"):
            heading = translation.gettext("Please try again in a minute")
            send_again = translation.gettext("Send again")
        page.get_by_role("heading", name=heading).wait_for()
        screenshot(page, "faults-database-read-only-ur")
        assert Registration.objects.count() == 0

        # Back: chromium restores what was typed in a page reached by a link (the 503 page itself is
        # never stored, so Forward cannot return to it: sending the form again does).
        page.go_back()
        assert page.locator("#id_name").input_value() == "عائشہ خان"
        page.locator("form[action$='/register/'] button[type=submit]").click()
        page.get_by_role("heading", name=heading).wait_for()

        read_only_database.off()
        page.get_by_role("button", name=send_again).click()
        page.wait_for_url(f"**/ur/workshops/{workshop.pk}/registered/")
        registration = Registration.objects.get()
        assert (registration.name, registration.phone) == ("عائشہ خان", "+923001234567")
    finally:
        context.close()
