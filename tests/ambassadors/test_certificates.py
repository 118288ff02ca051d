"""Certificate PDFs in Urdu (text in logical order), verification by code, revocation, rate limit."""

import io
import shutil
import subprocess

import pytest
from django.utils import translation
from pypdf import PdfReader

from ambassadors import services
from ambassadors.certificate_pdf import certificate_pdf
from tests.ambassadors.factories import AmbassadorProfileFactory, CertificateFactory, TrackFactory

pytestmark = pytest.mark.django_db

URDU_NAME = "عائشہ سومرو"


def _plain(text: str) -> str:
    """pdftotext wraps right-to-left runs in embedding marks; the letters between them are what count."""
    for mark in "\u202a\u202b\u202c\u202d\u202e\u200e\u200f":
        text = text.replace(mark, "")
    return " ".join(text.split())


@pytest.fixture
def urdu_certificate():
    profile = AmbassadorProfileFactory(user__full_name=URDU_NAME, certificate_language="ur")
    track = TrackFactory(name_en="Ambassador foundation track", name_ur="سفیر کی بنیادی تربیت")
    return services.certificate_issue(profile=profile, level="certified", track=track)


def test_the_urdu_certificate_pdf_has_the_urdu_text_in_logical_order(urdu_certificate, artifacts, tmp_path):
    verify_url = f"http://testserver/ur/certificates/verify/?code={urdu_certificate.display_code}"
    pdf = certificate_pdf(urdu_certificate, verify_url=verify_url)
    with translation.override("ur"):
        level = str(urdu_certificate.get_level_display())
        heading = translation.gettext("This certificate is awarded to")
        code_label = translation.gettext("Verification code:")
    assert heading != "This certificate is awarded to", "the Urdu catalog is compiled"
    expected = [URDU_NAME, "سفیر کی بنیادی تربیت", level, heading, code_label.rstrip(":")]

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    extracted = _plain(reader.pages[0].extract_text())
    for text in expected:
        assert text in extracted, (text, extracted)
    assert urdu_certificate.display_code in extracted

    path = tmp_path / "certificate-ur.pdf"
    path.write_bytes(pdf)
    (artifacts / "certificate-ur.pdf").write_bytes(pdf)
    if shutil.which("pdftotext"):
        poppler_text = _plain(
            subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        )
        for text in expected:
            assert text in poppler_text, (text, poppler_text)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-singlefile", str(path), str(artifacts / "certificate-ur")],
            check=True,
        )
        assert (artifacts / "certificate-ur.png").stat().st_size > 5_000


@pytest.mark.parametrize("language", ["sd", "ps", "en"])
def test_certificates_in_the_other_languages(language, artifacts):
    profile = AmbassadorProfileFactory(user__full_name="Ayesha Soomro", certificate_language=language)
    certificate = services.certificate_issue(profile=profile, level="certified")
    pdf = certificate_pdf(certificate, verify_url="http://testserver/certificates/verify/?code=X")
    (artifacts / f"certificate-{language}.pdf").write_bytes(pdf)
    text = _plain(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    with translation.override(language):
        assert str(certificate.get_level_display()) in text
    assert "Ayesha Soomro" in text


def test_the_owner_downloads_the_pdf_and_it_links_to_the_verify_page(client, urdu_certificate):
    client.force_login(urdu_certificate.profile.user)
    response = client.get(f"/en/ambassadors/certificates/{urdu_certificate.code}/certificate.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert f"/ur/certificates/verify/?code={urdu_certificate.display_code}" in _plain(text).replace(" ", "")


def test_verify_says_valid_without_contact_details(client, urdu_certificate):
    profile = urdu_certificate.profile
    profile.phone = "+923001234567"
    profile.save()
    for typed in (
        urdu_certificate.display_code,
        urdu_certificate.code.lower(),
        " " + urdu_certificate.code + "\u200f",
    ):
        page = client.get("/ur/certificates/verify/", {"code": typed})
        text = page.content.decode()
        assert page.status_code == 200
        assert URDU_NAME in text and "result--revoked" not in text and 'class="result"' in text
        for private in (profile.user.email, "3001234567", profile.district.name):
            assert private not in text


def test_verify_says_revoked_after_revocation(client, urdu_certificate, world):
    services.certificate_revoke(
        certificate=urdu_certificate, actor=world.users["coordinator"], reason="Issued in error"
    )
    text = client.get("/en/certificates/verify/", {"code": urdu_certificate.code}).content.decode()
    assert "result--revoked" in text and "revoked" in text
    assert "Issued in error" not in text  # the reason stays with coordinators


def test_verify_says_unknown_and_guessing_is_rate_limited(client, settings, urdu_certificate):
    settings.CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES = 3
    for guess in ("AAAAA-AAAAA", "BBBBB-BBBBB", "CCCCC-CCCCC"):
        page = client.get("/en/certificates/verify/", {"code": guess})
        assert page.status_code == 200 and "result--unknown" in page.content.decode()
    limited = client.get("/en/certificates/verify/", {"code": urdu_certificate.code})
    assert limited.status_code == 429 and "result--limited" in limited.content.decode()
    assert URDU_NAME not in limited.content.decode()
    # Another connection is not affected; nothing about the address is kept in the database.
    other = client.get("/en/certificates/verify/", {"code": urdu_certificate.code}, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 200 and URDU_NAME in other.content.decode()


def test_valid_lookups_do_not_count_against_the_limit(client, settings, urdu_certificate):
    settings.CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES = 2
    for _index in range(5):
        assert client.get("/en/certificates/verify/", {"code": urdu_certificate.code}).status_code == 200


def test_coordinator_revokes_from_the_directory_and_others_get_404(client, world):
    certificate = CertificateFactory()
    client.force_login(world.users["coordinator_elsewhere"])
    assert (
        client.post(f"/en/ambassadors/certificates/{certificate.code}/revoke/", {"reason": "x"}).status_code
        == 404
    )
    client.force_login(world.users["coordinator"])
    assert (
        client.post(f"/en/ambassadors/certificates/{certificate.code}/revoke/", {"reason": ""}).status_code
        == 302
    )
    certificate.refresh_from_db()
    assert certificate.is_valid
    client.post(f"/en/ambassadors/certificates/{certificate.code}/revoke/", {"reason": "Left the programme"})
    certificate.refresh_from_db()
    assert not certificate.is_valid and certificate.revocation_reason == "Left the programme"


def test_the_ambassador_chooses_the_certificate_language(client, urdu_certificate):
    client.force_login(urdu_certificate.profile.user)
    client.post(f"/en/ambassadors/certificates/{urdu_certificate.code}/language/", {"language": "sd"})
    urdu_certificate.refresh_from_db()
    assert urdu_certificate.language == "sd"
    assert (
        client.post(
            f"/en/ambassadors/certificates/{urdu_certificate.code}/language/", {"language": "xx"}
        ).status_code
        == 302
    )
    urdu_certificate.refresh_from_db()
    assert urdu_certificate.language == "sd"


def test_a_code_that_begins_with_hz_verifies_typed_bare_or_with_the_printed_prefix(client, world):
    # One code in 1,024 begins with the letters of the "HZ" prefix people may type in front of it.
    certificate = CertificateFactory(code="HZP96MVH05")
    for typed in ("HZP96MVH05", "hzp96-mvh05", "HZ-HZP96-MVH05"):
        page = client.get("/en/certificates/verify/", {"code": typed})
        assert page.status_code == 200 and 'class="result"' in page.content.decode(), typed
    client.force_login(world.users["coordinator"])
    client.post(f"/en/ambassadors/certificates/{certificate.code}/revoke/", {"reason": "Left"})
    certificate.refresh_from_db()
    assert not certificate.is_valid
