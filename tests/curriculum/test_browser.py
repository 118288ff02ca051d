import zipfile

import pytest

from curriculum import services
from tests.curriculum.factories import ActivityFactory, ModuleFactory, MythFactCardFactory, material

pytestmark = [pytest.mark.browser]


def _module():
    module = ModuleFactory(slug="fake-sms")
    ActivityFactory(module=module)
    MythFactCardFactory(module=module)
    material(module, language="ur")
    return module


@pytest.mark.django_db(transaction=True)
def test_urdu_module_page_is_right_to_left(page, live_server, screenshot):
    module = _module()
    page.goto(f"{live_server.url}/ur/library/")
    page.get_by_role("link", name=module.title_ur).click()
    page.wait_for_url(f"**/ur/library/{module.slug}/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    heading = page.locator("article.module h1")
    assert heading.inner_text() == module.title_ur
    assert page.evaluate("getComputedStyle(document.querySelector('article.module')).direction") == "rtl"
    # Right-to-left: the heading starts at the right edge of the page.
    box = heading.bounding_box()
    assert box["x"] + box["width"] > page.viewport_size["width"] * 0.6
    screenshot(page, "curriculum-module-ur")


@pytest.mark.django_db(transaction=True)
def test_sindhi_reader_gets_sindhi_first_and_english_blocks_left_to_right(page, live_server, screenshot):
    from curriculum.models import TranslationStatus

    module = _module()
    module.title_sd = "ڪوڙا ايس ايم ايس"
    module.status_sd = TranslationStatus.NEEDS_REVIEW
    module.summary_ur = ""  # the summary exists only in English: read from there, marked as such
    module.save()
    page.goto(f"{live_server.url}/sd/library/")
    screenshot(page, "curriculum-library-sd")
    page.get_by_role("link", name="ڪوڙا ايس ايم ايس").click()
    page.wait_for_url(f"**/sd/library/{module.slug}/")  # evaluating mid-navigation finds no document
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("article.module").get_attribute("lang") == "sd"
    assert page.locator(".draft-notice").is_visible()
    assert page.locator(".fallback-notice").count() == 0
    summary = page.locator(".module-summary")
    assert summary.get_attribute("lang") == "en"
    assert summary.evaluate("node => getComputedStyle(node).direction") == "ltr"
    assert "Naskh" not in summary.evaluate("node => getComputedStyle(node).fontFamily")
    screenshot(page, "curriculum-module-sd-draft")

    module.status_sd = TranslationStatus.DRAFT  # a draft is never shown: Urdu, and the page says so
    module.save()
    page.goto(f"{live_server.url}/sd/library/{module.slug}/")
    assert page.locator("article.module").get_attribute("lang") == "ur"
    assert page.locator(".fallback-notice").is_visible()
    assert page.locator("h1").inner_text() == module.title_ur
    screenshot(page, "curriculum-module-sd-fallback")


@pytest.mark.django_db(transaction=True)
def test_offline_pack_renders_from_disk_with_the_network_blocked(browser, tmp_path, screenshot):
    """Its own browser context: the shared `page` fixture injects axe-core, whose XHR for
    stylesheets is refused on file:// (a harness artefact, not the pack's). The pack's markup is
    the module page's, which the RTL test checks with axe."""
    module = _module()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    pack.refresh_from_db()
    with pack.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        archive.extractall(tmp_path / "pack")
    context = browser.new_context(offline=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    blocked = []

    def only_files(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page.goto((tmp_path / "pack" / "index.html").as_uri())
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("h1").inner_text() == module.title_ur
    assert page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("document.fonts.check('20px \"Noto Nastaliq Urdu\"', 'اردو')")
    assert page.evaluate(
        "[...document.fonts].some(f => f.family.includes('Nastaliq') && f.status === 'loaded')"
    )
    link = page.locator(".material-list a").first.get_attribute("href")
    assert (tmp_path / "pack" / link).exists()
    assert blocked == []
    assert errors == []
    screenshot(page, "curriculum-offline-pack-ur")
    context.close()
