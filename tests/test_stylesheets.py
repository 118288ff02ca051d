"""One stylesheet per page: each app's combined stylesheet (the frame, then the app's rules) is
current with its sources (common/stylesheets.py), and a page links exactly one."""

import re

import pytest
from django.core.management import call_command

from common import stylesheets


def test_combined_stylesheets_are_current_with_their_sources():
    # A failure here: run `manage.py stylesheets` after editing css/hifazat.css or an app's file.
    call_command("stylesheets", "--check")
    for path, content in stylesheets.combined().items():
        app = path.stem.removeprefix("hifazat-")
        frame = (path.parents[1] / "css" / "hifazat.css").read_text()
        own = (path.parents[1] / app / f"{app}.css").read_text()
        assert content.index(frame.strip()) < content.index(own.strip())  # the cascade of the two files


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ur", "sd", "ps"])
def test_each_public_page_links_one_stylesheet(client, language):
    from tests.curriculum.factories import ModuleFactory
    from tests.workshops.factories import WorkshopFactory

    workshop, module = WorkshopFactory(), ModuleFactory()
    pages = {
        "/": "css/hifazat.css",
        "/workshops/": "css/hifazat-workshops.css",
        f"/workshops/{workshop.pk}/": "css/hifazat-workshops.css",
        "/library/": "css/hifazat-curriculum.css",
        f"/library/{module.slug}/": "css/hifazat-curriculum.css",
        "/report/": "css/hifazat-incidents.css",
        "/ambassadors/apply/": "css/hifazat-ambassadors.css",
        "/certificates/verify/": "css/hifazat-ambassadors.css",
        "/impact/": "css/hifazat-impact.css",
    }
    for path, stylesheet in pages.items():
        html = client.get(f"/{language}{path}").content.decode()
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert links == [f"/static/{stylesheet}"], (path, links)
