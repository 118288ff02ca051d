import zipfile

import pytest

from curriculum import services
from tests.curriculum.factories import ActivityFactory, ModuleFactory, MythFactCardFactory, material

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _module():
    module = ModuleFactory(slug="fake-sms")
    ActivityFactory(module=module)
    MythFactCardFactory(module=module)
    material(module, language="ur")
    return module


def test_urdu_module_page_is_right_to_left(page, live_server, screenshot):
    module = _module()
    page.goto(f"{live_server.url}/ur/library/")
    page.get_by_role("link", name=module.title_ur).click()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    heading = page.locator("article.module h1")
    assert heading.inner_text() == module.title_ur
    assert page.evaluate("getComputedStyle(document.querySelector('article.module')).direction") == "rtl"
    # Right-to-left: the heading starts at the right edge of the page.
    box = heading.bounding_box()
    assert box["x"] + box["width"] > page.viewport_size["width"] * 0.6
    screenshot(page, "curriculum-module-ur")


def test_offline_pack_renders_from_disk_with_the_network_blocked(page, tmp_path, screenshot):
    module = _module()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    pack.refresh_from_db()
    with pack.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        archive.extractall(tmp_path / "pack")
    context = page.context
    context.set_offline(True)
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
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('20px \"Noto Nastaliq Urdu\"', 'اردو')")
    assert page.evaluate(
        "[...document.fonts].some(f => f.family.includes('Nastaliq') && f.status === 'loaded')"
    )
    link = page.locator(".material-list a").first.get_attribute("href")
    assert (tmp_path / "pack" / link).exists()
    assert blocked == []
    screenshot(page, "curriculum-offline-pack-ur")
