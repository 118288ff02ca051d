"""The workshop's history on a coordinator's phone: 360 px, JavaScript off, Urdu, Sindhi and Pashto
(right to left), checked with axe like every page."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.reminders.helpers import facilitator
from tests.workshops.factories import WorkshopFactory
from tests.workshops.test_browser import sign_in
from workshops import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_history_reads_on_a_360_px_phone_in_every_rtl_language(page, browser, live_server, screenshot):
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    coordinator = factories.coordinator("SD", full_name="Sana Memon")
    workshop = WorkshopFactory(
        status="draft", lead_facilitator=facilitator(), title="Mobile banking scams and how to spot them"
    )
    services.workshop_publish(workshop=workshop, actor=coordinator)
    start = timezone.now() + datetime.timedelta(days=6)
    services.workshop_update(
        workshop=workshop,
        actor=coordinator,
        town="Gulshan-e-Iqbal Town, near the long community hall road",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    services.workshop_cancel(
        workshop=workshop, actor=coordinator, reason="The hall is flooded after the rain"
    )

    sign_in(page, live_server, coordinator)
    cookies = page.context.cookies()
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 780}
    )
    context.add_cookies(cookies)
    phone = context.new_page()
    try:
        for language, published in (("ur", "شائع کیا"), ("sd", "شايع ڪئي"), ("ps", "خپره یې کړه")):
            phone.goto(f"/{language}/workshops/manage/{workshop.pk}/#history")
            assert phone.locator("html").get_attribute("dir") == "rtl"
            history = phone.locator("ol.history")
            assert history.is_visible() and published in history.inner_text()
            assert "The hall is flooded" in history.inner_text()
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, (language, width)
            screenshot(phone, f"workshops-history-{language}-360")
    finally:
        context.close()
    # The same page with JavaScript on passes axe (the `page` fixture checks every page it loads).
    page.goto(f"/ur/workshops/manage/{workshop.pk}/")
    assert page.locator("ol.history > li").count() == 3
