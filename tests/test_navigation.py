"""The menu and the home page's links: every entry is there, and a renamed URL fails loudly (a test
error), never silently leaves the menu."""

import pytest
from django.urls import NoReverseMatch

from config import context_processors

pytestmark = pytest.mark.django_db


def test_the_menu_and_the_home_page_link_every_public_section(client):
    page = client.get("/ur/").content.decode()
    for path in ("/ur/workshops/", "/ur/library/", "/ur/report/", "/ur/ambassadors/apply/", "/ur/impact/"):
        assert f'href="{path}"' in page, path


def test_a_renamed_url_in_the_menu_fails_loudly(client, monkeypatch):
    monkeypatch.setattr(
        context_processors,
        "MAIN_NAVIGATION",
        [*context_processors.MAIN_NAVIGATION, ("workshops:gone", "Gone")],
    )
    with pytest.raises(NoReverseMatch):
        client.get("/en/library/")
