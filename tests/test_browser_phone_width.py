"""At 360 px wide (a common cheap Android phone) no public or ambassador page scrolls sideways, in
any of the four languages. The pages are every URL the authorization matrix classifies as open
(200) to an anonymous visitor or to an ambassador and that answers HTML, so a new page is measured
without anyone remembering to add it here.

Its own browser context (no axe-core: the other browser tests run it on these pages, and a hundred
more page loads with it would take minutes on CI for no new finding)."""

import re

import pytest

from tests.authz import all_rules
from tests.world import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 360
LANGUAGES = ("en", "ur", "sd", "ps")
ROLES = ("anonymous", "ambassador")


def html_pages(world: World, role: str) -> list[str]:
    """Paths (language prefix `{lang}`) of the HTML pages `role` may open."""
    paths = []
    client = world.client(role)
    for name, rule in sorted(all_rules().items()):
        if rule.method != "get" or rule.expect.get(role) != 200:
            continue
        url = rule.url(world) if callable(rule.url) else rule.url
        if not re.match(r"^/(en|ur|sd|ps)/", url):
            continue  # /healthz and other unprefixed endpoints are not pages
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            paths.append((name, re.sub(r"^/(en|ur|sd|ps)/", "/{lang}/", url)))
    return paths


FACILITATOR_PAGES = ("attendance/", "quiz/", "quiz/sheet/", "facilitator-report/", "report/")


def facilitator_pages(world: World) -> list[tuple[str, str]]:
    """The pages an ambassador reaches as a workshop's lead facilitator (the matrix's ambassador
    facilitates nothing, so they are built here)."""
    from facilitators.models import AmbassadorProfile
    from tests.workshops.factories import quiz_workshop

    profile, _created = AmbassadorProfile.objects.get_or_create(
        user=world.users["ambassador"], defaults={"level": "ambassador", "languages": ["ur"]}
    )
    workshop, _module, _questions = quiz_workshop(lead_facilitator=profile, started_minutes_ago=30)
    client = world.client("ambassador")
    paths = []
    for suffix in FACILITATOR_PAGES:
        url = f"/en/workshops/manage/{workshop.pk}/{suffix}"
        assert client.get(url).status_code == 200, url
        paths.append((f"facilitator {suffix}", url.replace("/en/", "/{lang}/", 1)))
    return paths


def _session_cookies(world: World, role: str, base_url: str) -> list[dict]:
    client = world.client(role)
    return [{"name": name, "value": morsel.value, "url": base_url} for name, morsel in client.cookies.items()]


@pytest.mark.parametrize("role", ROLES)
def test_no_page_scrolls_sideways_at_360_px(browser, live_server, world, role, screenshot):
    pages = html_pages(world, role)
    if role == "ambassador":
        pages += facilitator_pages(world)
    assert len(pages) >= (15 if role == "anonymous" else 25), pages
    print(f"{role}: {len(pages)} pages x {len(LANGUAGES)} languages: {[name for name, _path in pages]}")
    context = browser.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 780})
    context.set_default_timeout(15_000)
    if role != "anonymous":
        context.add_cookies(_session_cookies(world, role, live_server.url))
    page = context.new_page()
    too_wide = {}
    for name, path in pages:
        for language in LANGUAGES:
            url = path.format(lang=language)
            response = page.goto(url)
            assert response.status == 200, (url, response.status)
            page.evaluate("document.fonts.ready.then(() => true)")  # Nastaliq is wider than the fallback
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > WIDTH:
                too_wide[url] = width
                screenshot(page, f"too-wide-{name.replace(':', '-')}-{language}")
    context.close()
    assert not too_wide, f"pages wider than {WIDTH} px (path: scrollWidth): {too_wide}"


# Where "0300" and "1234567" are drawn: in reading order, 0300 must be left of 1234567 even inside a
# right-to-left sentence.
NUMBER_ORDER = """(node) => {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let text;
  while ((text = walker.nextNode()) && !text.data.includes('0300 1234567')) {}
  const start = text.data.indexOf('0300 1234567');
  const box = (from, to) => { const range = document.createRange();
    range.setStart(text, from); range.setEnd(text, to); return range.getBoundingClientRect().left; };
  return [box(start, start + 4), box(start + 5, start + 12)];
}"""


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_phone_example_reads_left_to_right_in_right_to_left_forms(browser, live_server, language):
    context = browser.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 780})
    page = context.new_page()
    page.goto(f"/{language}/ambassadors/apply/")
    hint = page.locator("#id_phone_helptext")
    assert hint.locator("bdi[dir=ltr]").inner_text() == "0300 1234567"
    first, second = hint.evaluate(NUMBER_ORDER)
    assert first < second, "0300 must come before 1234567"
    # Control: the same sentence without the isolation reads reversed, as it did before.
    page.evaluate(
        """() => { const p = document.createElement('p'); p.id = 'control';
        p.textContent = 'مثلاً 0300 1234567۔'; document.querySelector('main').append(p); }"""
    )
    first, second = page.locator("#control").evaluate(NUMBER_ORDER)
    assert first > second
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_receipt_and_follow_up_fit_360_px(browser, live_server, screenshot, language):
    """Pages reached only by sending a form: the report's receipt (case code and secret) and the
    reporter's follow-up page."""
    from tests import factories
    from tests.incidents import factories as incident_factories

    wallet = incident_factories.category("wallet-otp")
    context = browser.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 780})
    context.set_default_timeout(15_000)
    page = context.new_page()
    widths = {}
    page.goto(f"/{language}/report/")
    page.check("input[name=danger][value=no]")
    page.locator("form.report-form button[type=submit]").click()
    page.select_option("select[name=category]", str(wallet.pk))
    page.select_option("select[name=channel]", "wallet")
    page.select_option("select[name=when]", "today")
    page.select_option("select[name=district]", str(factories.district("Karachi Central", "SD").pk))
    page.fill("textarea[name=narrative]", "کسی نے بینک کا نمائندہ بن کر میرا کوڈ مانگا اور پیسے نکال لیے۔")
    page.locator("form.report-form button[type=submit]").click()
    code = page.get_by_test_id("case-code").inner_text().replace(" ", "")
    secret = page.get_by_test_id("case-secret").inner_text().replace(" ", "")
    page.evaluate("document.fonts.ready.then(() => true)")
    widths["receipt"] = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, f"phone-width-receipt-{language}")
    page.goto(f"/{language}/report/follow-up/")
    page.fill("input[name=code]", code)
    page.fill("input[name=secret]", secret)
    page.locator("form.report-form button[type=submit]").click()
    page.get_by_test_id("case-status").wait_for()
    page.evaluate("document.fonts.ready.then(() => true)")
    widths["follow-up"] = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert all(width <= WIDTH for width in widths.values()), widths
