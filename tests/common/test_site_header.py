"""The site header is kept in each worker's memory (config/templatetags/frame.py), yet every visitor
sees their own: the menu for who they are, in their language, with their own CSRF token and address."""

import re

import pytest
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(
    r'<form class="language-switcher"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" value="(\w+)">'
)


def header(html: str) -> str:
    return html[html.index("<header") : html.index("</header>")]


def words(language: str, *texts: str) -> list[str]:
    with translation.override(language):
        return [translation.gettext(text) for text in texts]


def test_a_signed_in_person_sees_their_menu_and_an_anonymous_visitor_never_does(client):
    person = UserFactory()
    anonymous_before = header(Client().get("/ur/library/").content.decode())
    client.force_login(person)
    signed_in = header(client.get("/ur/library/").content.decode())
    anonymous_after = header(Client().get("/ur/library/").content.decode())

    dashboard, sign_out, sign_in = words("ur", "Dashboard", "Sign out", "Sign in")
    assert dashboard in signed_in and sign_out in signed_in and sign_in not in signed_in
    for page in (anonymous_before, anonymous_after):
        assert sign_in in page and sign_out not in page and dashboard not in page
    assert person.email not in signed_in and person.full_name not in signed_in


def test_switching_language_switches_the_header_and_its_current_page():
    visitor = Client()
    english = header(visitor.get("/en/library/").content.decode())
    urdu = header(visitor.get("/ur/library/").content.decode())
    assert '<a href="/en/library/" aria-current="page">Library</a>' in english
    (library,) = words("ur", "Library")
    assert f'<a href="/ur/library/" aria-current="page">{library}</a>' in urdu
    assert "Library<" not in urdu
    assert 'aria-current="page"' not in header(visitor.get("/ur/").content.decode())


def test_each_visitor_gets_their_own_csrf_token_and_return_address():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get("/ur/workshops/?district=1").content.decode()
    second_page = second.get("/ur/library/").content.decode()
    assert 'name="next" value="/ur/workshops/?district=1"' in first_page
    assert 'name="next" value="/ur/library/"' in second_page
    first_token, second_token = TOKEN.search(first_page)[1], TOKEN.search(second_page)[1]
    assert first_token != second_token
    switched = second.post(
        "/i18n/setlang/", {"language": "sd", "next": "/ur/library/", "csrfmiddlewaretoken": second_token}
    )
    assert switched.status_code == 302 and switched["Location"] == "/sd/library/"
