import pytest

from accounts import demo as accounts_demo
from ambassadors import demo
from ambassadors.models import Application, Certificate, StepProgress
from facilitators.models import AmbassadorProfile
from workshops import demo as workshops_demo

pytestmark = pytest.mark.django_db


def test_demo_data_shows_progress_and_is_idempotent(client):
    accounts_demo.load()
    workshops_demo.load()
    demo.load()
    counts = (Certificate.objects.count(), StepProgress.objects.count(), Application.objects.count())
    demo.load()
    assert (Certificate.objects.count(), StepProgress.objects.count(), Application.objects.count()) == counts
    ayesha = AmbassadorProfile.objects.get(user__email="ambassador@hifazat.example")
    certificate = ayesha.certificates.get()
    assert ayesha.level == "certified" and certificate.is_valid
    assert client.get("/en/certificates/verify/", {"code": certificate.display_code}).status_code == 200
    assert ayesha.enrolments.filter(completed_at__isnull=True).exists()  # a second track under way
    client.force_login(ayesha.user)
    assert "Co-facilitate a women-only session" in client.get("/en/ambassadors/me/").content.decode()
    assert Application.objects.filter(status="pending").count() == 4
