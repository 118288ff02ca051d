"""Generated handouts follow the module's text: an edit in the admin regenerates the handouts whose
text changed (and only those), the nightly task catches edits made elsewhere, and a repeated task
changes nothing. Celery runs the tasks eagerly, in this process, after the change commits."""

import io
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from config.celery import app
from curriculum import services
from curriculum.models import Material, Module
from curriculum.tasks import handout_refresh_task, handouts_refresh_stale_task
from tests.curriculum.factories import ModuleFactory, MythFactCardFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager():
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def module_with_handouts() -> Module:
    module = ModuleFactory(summary_en="Learn to spot fake payment messages.")
    MythFactCardFactory(module=module)
    module = Module.objects.prefetch_related("cards").get(pk=module.pk)
    for language in ("en", "ur"):
        services.handout_generate(module=module, language=language)
    return module


def handout(module: Module, language: str) -> Material:
    return Material.objects.get(module=module, language=language, generated=True)


def pdf_text(material: Material) -> str:
    with material.file.open("rb") as stored:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(stored.read())).pages)


class FormFields(HTMLParser):
    """The fields a browser would send for the admin's change form, as they are on the page."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.setdefault(name, []).append(attrs.get("value", "on"))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def test_editing_the_urdu_summary_in_the_admin_regenerates_only_the_urdu_handout(
    client, module_with_handouts, django_capture_on_commit_callbacks
):
    from accounts.models import User

    module = module_with_handouts
    english_before, urdu_before = handout(module, "en"), handout(module, "ur")
    urdu_text_before = pdf_text(urdu_before)
    translator = UserFactory(role=User.Role.TRANSLATOR, is_staff=True, is_superuser=True, with_mfa=True)
    client.force_login(translator)
    url = f"/admin/curriculum/module/{module.pk}/change/"
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    data = parser.data
    data["summary_ur"] = ["بی آئی ایس پی کے اصل پیغامات صرف 4321 سے آتے ہیں۔"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    urdu_after, english_after = handout(module, "ur"), handout(module, "en")
    assert urdu_after.sha256 != urdu_before.sha256
    assert "4321" in pdf_text(urdu_after) and "4321" not in urdu_text_before  # the PDF people get
    assert english_after.sha256 == english_before.sha256  # the English text did not change


def test_the_nightly_task_regenerates_handouts_edited_outside_the_admin_once(
    module_with_handouts, django_capture_on_commit_callbacks
):
    module = module_with_handouts
    card = module.cards.get()
    card.fact_en = "No bank, wallet or government office ever asks for your OTP."
    card.save()  # an ORM edit: nothing refreshed the handout yet
    before, urdu_before = handout(module, "en"), handout(module, "ur")

    with django_capture_on_commit_callbacks(execute=True):
        handouts_refresh_stale_task.apply()
    after = handout(module, "en")
    assert after.sha256 != before.sha256
    assert "government office" in pdf_text(after)
    assert handout(module, "ur").updated_at == urdu_before.updated_at  # its Urdu text is the same

    # Nothing is stale any more; a redelivered task changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.handouts_refresh_stale() == []
    handout_refresh_task.apply(args=[module.pk, "en"])
    assert handout(module, "en").updated_at == after.updated_at


def test_handouts_are_refreshed_at_night_before_the_packs():
    from config.schedules import BEAT_SCHEDULE

    handouts = BEAT_SCHEDULE["curriculum-handouts-refresh-stale"]
    packs = BEAT_SCHEDULE["curriculum-packs-refresh-stale"]
    assert handouts["task"] == "curriculum.tasks.handouts_refresh_stale_task"
    assert (min(handouts["schedule"].hour), min(handouts["schedule"].minute)) < (
        min(packs["schedule"].hour),
        min(packs["schedule"].minute),
    )
