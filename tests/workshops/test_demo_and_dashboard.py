import datetime

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from facilitators.models import AmbassadorProfile
from tests import factories
from workshops import demo
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def test_demo_workshops_are_published_idempotent_and_one_starts_in_about_two_hours():
    accounts_demo.load()
    demo.load()
    demo.load()
    workshops = Workshop.objects.filter(title__in=[row[0] for row in demo.DEMO_WORKSHOPS])
    assert workshops.count() == len(demo.DEMO_WORKSHOPS)
    # The sessions already held (workshops/demo_past.py; tests/accounts/test_demo_data.py) come too.
    assert Workshop.objects.count() == len(demo.DEMO_WORKSHOPS) + 15
    assert set(workshops.values_list("status", flat=True)) == {"published"}
    assert set(workshops.values_list("district__province__code", flat=True)) == {"SD", "PB"}
    soon = timezone.now() + datetime.timedelta(hours=2)
    assert workshops.filter(starts_at__range=(soon - datetime.timedelta(minutes=5), soon)).count() == 1
    profile = AmbassadorProfile.objects.get(user__email="ambassador@hifazat.example")
    assert profile.level == "certified"
    assert set(workshops.values_list("lead_facilitator", flat=True)) == {profile.pk}


def test_dashboard_cards(client):
    client.force_login(factories.coordinator())
    assert "/en/workshops/manage/" in client.get("/en/dashboard/").content.decode()
    client.force_login(factories.UserFactory(role="ambassador"))
    assert "/en/workshops/mine/" in client.get("/en/dashboard/").content.decode()


@pytest.mark.parametrize("language", ["en", "ur", "sd", "ps"])
def test_public_pages_stay_light(client, language):
    """HTML+CSS of the list and detail pages within the 60 KB budget (fonts excluded)."""
    from pathlib import Path

    from django.conf import settings

    from tests.workshops.factories import WorkshopFactory

    for n in range(50):
        workshop = WorkshopFactory(title=f"A fairly long workshop title number {n}")
    css = sum(
        (Path(settings.BASE_DIR) / "static" / name).stat().st_size for name in ("css/hifazat-workshops.css",)
    )
    for path in (f"/{language}/workshops/", f"/{language}/workshops/{workshop.pk}/"):
        html = client.get(path).content
        assert len(html) + css < 60 * 1024, (path, len(html))
