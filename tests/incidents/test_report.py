"""Filing an anonymous report: the safety question, the form, the receipt and its guidance."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from incidents.models import Case, Contact, Evidence
from tests import factories
from tests.incidents import factories as incident_factories

pytestmark = pytest.mark.django_db


def report_data(**overrides):
    data = {
        "step": "report",
        "immediate_danger": "False",
        "category": incident_factories.category("wallet-otp").pk,
        "channel": "whatsapp",
        "when": "week",
        "district": factories.district("Karachi Central", "SD").pk,
        "money_lost_pkr": "۲۵,۰۰۰",
        "narrative": "Someone sent a message from BISP and asked for my code.",
        "contact_consent": "",
        "contact": "",
        "website": "",
    }
    data.update(overrides)
    return data


def receipt_from(html: str) -> tuple[str, str]:
    code = re.search(r'data-testid="case-code">([\d ]+)<', html).group(1).replace(" ", "")
    secret = re.search(r'data-testid="case-secret">([\d ]+)<', html).group(1).replace(" ", "")
    return code, secret


def test_first_question_is_about_immediate_danger(client):
    response = client.get("/ur/report/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'name="danger"' in response.content.decode()


def test_danger_shows_emergency_numbers_before_the_form(client):
    response = client.post("/en/report/", {"step": "safety", "danger": "yes"})
    html = response.content.decode()
    assert response.status_code == 200
    police = Contact.objects.get(slug="police-15")
    assert html.index(police.phone) < html.index('name="narrative"')
    assert "If someone is in danger, call for help now" in html


def test_no_danger_goes_straight_to_the_form(client):
    html = client.post("/en/report/", {"step": "safety", "danger": "no"}).content.decode()
    assert 'name="narrative"' in html
    assert "call for help now" not in html


def test_report_gives_a_receipt_once_with_guidance_in_the_page_language(client):
    response = client.post("/ur/report/", report_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    code, secret = receipt_from(html)
    assert len(code) == 8 and len(secret) == 12
    case = Case.objects.get(code=code)
    assert case.money_lost_pkr == 25000
    assert case.language == "ur"
    assert case.secret_hash.startswith("$argon2id$")
    assert secret not in case.secret_hash
    # Guidance of the scam family, in Urdu, and the official referral bodies from data.
    assert "اپنے بینک یا والیٹ کی ہیلپ لائن" in html
    assert "0800-55055" in html  # PTA, linked to scams
    assert "1799" in html  # NCCIA, for every category


def test_page_title_and_url_never_name_what_was_reported(client):
    response = client.post("/en/report/", report_data())
    title = re.search(r"<title>([^<]*)</title>", response.content.decode()).group(1)
    assert title.startswith("Safety help")
    assert response.request["PATH_INFO"] == "/en/report/"


def test_contact_details_need_explicit_consent(client):
    response = client.post("/en/report/", report_data(contact="0300 1234567"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tick this box" in html
    assert "Someone sent a message from BISP" in html  # what they typed is kept
    assert Case.objects.count() == 0

    response = client.post("/en/report/", report_data(contact="0300 1234567", contact_consent="on"))
    code, _secret = receipt_from(response.content.decode())
    case = Case.objects.get(code=code)
    assert case.contact == "0300 1234567" and case.contact_consent


def test_missing_narrative_keeps_the_rest_and_explains(client):
    response = client.post("/en/report/", report_data(narrative="  \u200b ", money_lost_pkr="12abc"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please tell us what happened" in html
    assert "Please write the amount in numbers only" in html
    assert 'value="whatsapp" selected' in html


def test_optional_fields_may_be_left_out(client):
    response = client.post(
        "/en/report/",
        report_data(district="other", money_lost_pkr="", category=incident_factories.category("question").pk),
    )
    code, _secret = receipt_from(response.content.decode())
    case = Case.objects.get(code=code)
    assert case.district is None and case.money_lost_pkr is None


def test_honeypot_stops_naive_bots(client):
    response = client.post("/en/report/", report_data(website="http://spam.example"))
    assert response.status_code == 400
    assert Case.objects.count() == 0


def test_every_language_renders_the_form(client):
    for language in ("en", "ur", "sd", "ps"):
        response = client.post(f"/{language}/report/", {"step": "safety", "danger": "no"})
        assert response.status_code == 200, language


def test_report_with_a_photo_stores_only_encrypted_bytes(client, settings):
    photo = SimpleUploadedFile("IMG_1234.jpg", incident_factories.jpeg_with_gps(), content_type="image/jpeg")
    response = client.post("/en/report/", report_data(evidence=[photo]))
    code, _secret = receipt_from(response.content.decode())
    evidence = Evidence.objects.get(case__code=code)
    assert evidence.content_type == "image/jpeg"
    assert evidence.name == "IMG_1234.jpg"
    stored = (settings.MEDIA_ROOT / evidence.file.name).read_bytes()
    assert not stored.startswith(b"\xff\xd8")  # not a JPEG: ciphertext
    assert "IMG_1234" not in evidence.file.name


def test_report_page_weight_is_under_budget(client):
    from django.contrib.staticfiles import finders

    html = client.post("/ur/report/", {"step": "safety", "danger": "yes"}).content
    weight = len(html)
    for path in re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        weight += len(open(finders.find(path.decode()), "rb").read())
    assert weight < 60 * 1024


def test_report_pages_load_nothing_from_another_site(client):
    pages = [
        client.get("/ur/report/"),
        client.post("/ur/report/", {"step": "safety", "danger": "yes"}),
        client.post("/ur/report/", report_data()),
        client.get("/ur/report/follow-up/"),
    ]
    for response in pages:
        html = response.content.decode()
        resources = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
        assert resources and all(url.startswith(("/", "data:")) for url in resources), resources
        assert "<script>" not in html  # no inline script (CSP)
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "data",
    [
        {"step": "report"},
        {"step": "report", "category": "not-a-number", "district": "99999999", "when": "yesterday"},
        {"step": "report", "category": "-1", "narrative": "x" * 20_000},
        {"step": "safety", "danger": "maybe"},
        {"step": "nonsense"},
    ],
)
def test_bad_input_never_gives_a_server_error(client, data):
    response = client.post("/sd/report/", data)
    assert response.status_code in {200, 400}


def test_bad_follow_up_input_never_gives_a_server_error(client):
    for data in (
        {},
        {"code": "x" * 500, "secret": ""},
        {"code": "۱۲", "secret": "\u200b", "action": "message"},
    ):
        assert client.post("/ps/report/follow-up/", data).status_code == 400


def test_receipt_numbers_stay_left_to_right_in_urdu(client):
    html = client.post("/ur/report/", report_data()).content.decode()
    assert 'dir="rtl"' in html
    assert '<bdi dir="ltr" data-testid="case-code">' in html
    assert '<bdi dir="ltr" data-testid="case-secret">' in html
