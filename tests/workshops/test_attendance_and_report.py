import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.curriculum.factories import ModuleFactory, module_quiz
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration, Workshop
from workshops.tokens import feedback_token

pytestmark = pytest.mark.django_db


def started_workshop(**kwargs):
    starts = timezone.now() - datetime.timedelta(minutes=30)
    return WorkshopFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **kwargs)


def test_facilitator_ticks_attendance_records_walk_ins_and_completes(client):
    lead = AmbassadorProfileFactory()
    workshop = started_workshop(lead_facilitator=lead)
    came, absent = RegistrationFactory(workshop=workshop), RegistrationFactory(workshop=workshop)
    client.force_login(lead.user)
    page = client.get(f"/ur/workshops/manage/{workshop.pk}/attendance/")
    assert page.status_code == 200
    response = client.post(
        f"/ur/workshops/manage/{workshop.pk}/attendance/",
        {
            "present": [came.pk],
            "walkin_women_18_29": "۴",
            "walkin_men_under_18": "2",
            "walkin_other_50_plus": "",
        },
    )
    assert response.status_code == 302
    assert Registration.objects.get(pk=came.pk).attended
    assert not Registration.objects.get(pk=absent.pk).attended
    client.post(f"/ur/workshops/manage/{workshop.pk}/complete/")
    assert Workshop.objects.get().status == "completed"
    html = client.get(f"/en/workshops/manage/{workshop.pk}/report/").content.decode()
    assert "Present in total" in html
    assert '<dd dir="ltr"><strong>7</strong></dd>' in html  # 1 registered + 6 walk-ins


def test_negative_or_absurd_walk_in_counts_are_refused_without_losing_ticks(client):
    lead = AmbassadorProfileFactory()
    workshop = started_workshop(lead_facilitator=lead)
    client.force_login(lead.user)
    response = client.post(f"/en/workshops/manage/{workshop.pk}/attendance/", {"walkin_women_18_29": "-3"})
    assert response.status_code == 200
    assert "greater than or equal to 0" in response.content.decode()


def test_other_ambassadors_cannot_open_a_workshop_they_do_not_facilitate(client):
    workshop = started_workshop(lead_facilitator=AmbassadorProfileFactory())
    client.force_login(AmbassadorProfileFactory().user)
    assert client.get(f"/en/workshops/manage/{workshop.pk}/attendance/").status_code == 404
    assert client.get(f"/en/workshops/manage/{workshop.pk}/").status_code == 404  # coordinator page


def test_co_facilitator_may_take_attendance(client):
    co = AmbassadorProfileFactory(level="trainee")
    workshop = started_workshop(lead_facilitator=AmbassadorProfileFactory())
    workshop.co_facilitators.add(co)
    client.force_login(co.user)
    assert client.get(f"/en/workshops/manage/{workshop.pk}/attendance/").status_code == 200


def test_a_future_workshop_cannot_be_completed(client):
    client.force_login(factories.coordinator("SD"))
    workshop = WorkshopFactory()
    html = client.post(f"/en/workshops/manage/{workshop.pk}/complete/", follow=True).content.decode()
    assert "only once it has started" in html
    assert Workshop.objects.get().status == "published"


def test_report_shows_knowledge_gain_feedback_and_facilitator_notes(client):
    lead = AmbassadorProfileFactory()
    workshop = started_workshop(lead_facilitator=lead, topics=["scams-fraud"])
    client.force_login(lead.user)
    # Class totals from paper: 20 people x 3 questions; 30 correct before (50%), 48 after (80%).
    module = ModuleFactory()
    module_quiz(module)
    workshop.modules.add(module)
    prefix = f"module-{module.pk}-"
    response = client.post(
        f"/en/workshops/manage/{workshop.pk}/quiz/",
        {
            prefix + "pre_participants": "20",
            prefix + "pre_correct": "30",
            prefix + "post_participants": "20",
            prefix + "post_correct": "48",
        },
    )
    assert response.status_code == 302
    client.post(
        f"/en/workshops/manage/{workshop.pk}/facilitator-report/",
        {"notes": "Lively group", "issues_raised": "Loan app threats", "follow_ups": "Refer two cases"},
    )
    for answer in ("yes", "yes", "no"):  # three people, three phones
        anonymous = client.__class__()
        feedback_url = f"/en/workshops/feedback/{feedback_token(workshop.pk)}/"
        anonymous.get(feedback_url)  # the page leaves its device token
        anonymous.post(feedback_url, {"useful": "4", "confidence": "more", "would_recommend": answer})
    html = client.get(f"/en/workshops/manage/{workshop.pk}/report/").content.decode()
    assert 'Average knowledge gain: <bdi dir="ltr">30.0</bdi> percentage points.' in html
    assert "Loan app threats" in html and "Refer two cases" in html
    assert '<dd dir="ltr">3</dd>' in html  # feedback answers
    assert "data:image/svg+xml" in html  # QR code of the feedback link for the handout


def test_a_bad_walk_in_count_keeps_every_tick_and_every_typed_value(client):
    lead = AmbassadorProfileFactory()
    workshop = started_workshop(lead_facilitator=lead)
    first, second, third = (RegistrationFactory(workshop=workshop, name=f"Person {n}") for n in range(3))
    # Saved earlier: only the third came. The form just sent ticks the first two instead.
    Registration.objects.filter(pk=third.pk).update(attended=True)
    client.force_login(lead.user)
    response = client.post(
        f"/en/workshops/manage/{workshop.pk}/attendance/",
        {"present": [first.pk, second.pk], "walkin_women_18_29": "x", "walkin_men_under_18": "۳"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a whole number." in html
    assert f'value="{first.pk}" id="present-{first.pk}" checked' in html
    assert f'value="{second.pk}" id="present-{second.pk}" checked' in html
    assert f'value="{third.pk}" id="present-{third.pk}">' in html  # not ticked in what was sent
    assert 'name="walkin_women_18_29" value="x"' in html
    assert 'name="walkin_men_under_18" value="۳"' in html
    # Nothing was saved: the error stopped the whole form.
    assert set(Registration.objects.filter(attended=True).values_list("pk", flat=True)) == {third.pk}
    # Sent again without the mistake, the ticks are saved.
    client.post(
        f"/en/workshops/manage/{workshop.pk}/attendance/",
        {"present": [first.pk, second.pk], "walkin_women_18_29": "1"},
    )
    assert set(Registration.objects.filter(attended=True).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    page = client.get(f"/en/workshops/manage/{workshop.pk}/attendance/").content.decode()
    assert f'value="{first.pk}" id="present-{first.pk}" checked' in page
    assert f'value="{third.pk}" id="present-{third.pk}">' in page
