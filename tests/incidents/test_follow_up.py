"""Coming back with the code and secret: status, messages, more evidence; rate-limited guessing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from incidents import services
from incidents.models import Evidence, Message
from tests.incidents import factories as incident_factories

pytestmark = pytest.mark.django_db

WRONG = "We could not open a case with this code and secret"


def open_case(client, code, secret, language="en", **extra):
    return client.post(f"/{language}/report/follow-up/", {"code": code, "secret": secret, **extra})


def test_follow_up_shows_status_and_the_handler_reply():
    from django.test import Client

    client = Client()
    receipt = incident_factories.submit(narrative="میرے ساتھ دھوکا ہوا")
    handler = incident_factories.handler("SD")
    services.case_reply_send(case=receipt.case, actor=handler, body="براہ کرم اپنے بینک کو فوراً کال کریں۔")
    response = open_case(client, receipt.code, receipt.secret, language="ur")
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "میرے ساتھ دھوکا ہوا" in html
    assert "براہ کرم اپنے بینک کو فوراً کال کریں۔" in html
    assert 'data-testid="case-status"' in html


def test_code_and_secret_typed_in_urdu_digits_with_spaces_work(client):
    receipt = incident_factories.submit()
    to_urdu = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    code = f"{receipt.code[:4]} {receipt.code[4:]}".translate(to_urdu)
    secret = "-".join(receipt.secret[i : i + 4] for i in range(0, 12, 4)).translate(to_urdu) + "\u200c"
    assert open_case(client, code, secret).status_code == 200


def test_wrong_code_and_wrong_secret_give_the_same_answer(client):
    receipt = incident_factories.submit()
    wrong_secret = open_case(client, receipt.code, "000000000000")
    wrong_code = open_case(client, "99999999", receipt.secret)
    for response in (wrong_secret, wrong_code):
        assert response.status_code == 400
        assert WRONG in response.content.decode()

    # Nothing else in the page tells the two apart.
    def strip(response):
        html = response.content.decode()
        for value, placeholder in (
            (receipt.code, "X"),
            ("99999999", "X"),
            (receipt.secret, "Y"),
            ("000000000000", "Y"),
        ):
            html = html.replace(value, placeholder)
        return html

    import re

    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", strip(wrong_secret)) == token.sub("", strip(wrong_code))


def test_failed_attempts_are_rate_limited_even_for_the_right_secret(client, settings):
    settings.INCIDENT_FOLLOW_UP_FAILURES_PER_15_MINUTES = 3
    receipt = incident_factories.submit()
    for _attempt in range(3):
        assert open_case(client, receipt.code, "111111111111").status_code == 400
    blocked = open_case(client, receipt.code, receipt.secret)
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()


def test_another_network_is_not_blocked(client, settings):
    settings.INCIDENT_FOLLOW_UP_FAILURES_PER_15_MINUTES = 2
    receipt = incident_factories.submit()
    for _attempt in range(2):
        client.post("/en/report/follow-up/", {"code": "1", "secret": "2"}, REMOTE_ADDR="10.1.2.3")
    assert (
        client.post(
            "/en/report/follow-up/", {"code": receipt.code, "secret": receipt.secret}, REMOTE_ADDR="10.1.2.99"
        ).status_code
        == 429
    )  # same /24
    assert (
        client.post(
            "/en/report/follow-up/", {"code": receipt.code, "secret": receipt.secret}, REMOTE_ADDR="10.1.3.1"
        ).status_code
        == 200
    )


def test_reporter_adds_a_message_and_more_evidence(client):
    receipt = incident_factories.submit()
    photo = SimpleUploadedFile("more.png", incident_factories.png(), content_type="image/png")
    response = open_case(
        client,
        receipt.code,
        receipt.secret,
        action="message",
        body="He called again today.",
        evidence=[photo],
    )
    assert response.status_code == 200
    assert "Your message was sent" in response.content.decode()
    assert Message.objects.get(case=receipt.case).body == "He called again today."
    assert Evidence.objects.filter(case=receipt.case).count() == 1
    assert "He called again today." in response.content.decode()


def test_empty_message_is_explained(client):
    receipt = incident_factories.submit()
    response = open_case(client, receipt.code, receipt.secret, action="message", body="")
    assert response.status_code == 400
    assert "Write a message or add a file." in response.content.decode()


def test_submissions_are_rate_limited_per_network(client, settings):
    from tests.incidents.test_report import report_data

    settings.INCIDENT_SUBMISSIONS_PER_HOUR = 2
    for _attempt in range(2):
        assert client.post("/en/report/", report_data()).status_code == 200
    blocked = client.post("/en/report/", report_data(narrative="third one"))
    assert blocked.status_code == 429
    assert "third one" in blocked.content.decode()  # what they typed is kept


def test_messages_to_one_case_are_limited_per_hour_whatever_the_connection(settings):
    from django.test import Client

    settings.INCIDENT_FOLLOW_UP_MESSAGES_PER_HOUR = 2
    receipt, other = incident_factories.submit(), incident_factories.submit()
    for number in range(2):
        sent = open_case(
            Client(REMOTE_ADDR=f"198.51.{number}.9"),
            receipt.code,
            receipt.secret,
            action="message",
            body=f"Message {number}",
        )
        assert sent.status_code == 200
    refused = open_case(
        Client(REMOTE_ADDR="198.51.7.9"), receipt.code, receipt.secret, action="message", body="A third one"
    )
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "This case has received many messages in the last hour. Please try again later." in html
    assert "A third one" in html  # what was typed stays in the box
    assert Message.objects.filter(case=receipt.case).count() == 2
    assert (
        open_case(Client(), other.code, other.secret, action="message", body="Mine").status_code == 200
    )  # another case: its own limit


def test_the_files_of_one_message_are_capped_together_before_any_is_decoded(client, settings):
    settings.INCIDENT_UPLOAD_MAX_TOTAL_PIXELS = 3_000
    receipt = incident_factories.submit()
    photos = [
        SimpleUploadedFile(f"{n}.png", incident_factories.png(size=(40, 40)), content_type="image/png")
        for n in range(2)
    ]  # 1,600 pixels each: one fits, two do not
    response = open_case(
        client, receipt.code, receipt.secret, action="message", body="Two pictures", evidence=photos
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        "These pictures are too large together. Please send fewer pictures, or smaller screenshots." in html
    )
    assert Evidence.objects.filter(case=receipt.case).count() == 0
    settings.INCIDENT_UPLOAD_MAX_TOTAL_BYTES = len(incident_factories.png(size=(40, 40))) + 10
    settings.INCIDENT_UPLOAD_MAX_TOTAL_PIXELS = 10_000
    photos = [
        SimpleUploadedFile(f"{n}.png", incident_factories.png(size=(40, 40)), content_type="image/png")
        for n in range(2)
    ]
    response = open_case(
        client, receipt.code, receipt.secret, action="message", body="Two pictures", evidence=photos
    )
    assert response.status_code == 400
    assert "These files are too large together." in response.content.decode()
    one = SimpleUploadedFile("one.png", incident_factories.png(size=(40, 40)), content_type="image/png")
    accepted = open_case(client, receipt.code, receipt.secret, action="message", body="One", evidence=[one])
    assert accepted.status_code == 200 and Evidence.objects.filter(case=receipt.case).count() == 1
