"""Workshops record the curriculum modules they use; the detail pages link them."""

import pytest

from tests import factories
from tests.curriculum.factories import ModuleFactory
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import WorkshopFactory
from tests.workshops.test_manage import form_data
from tests.workshops.test_query_counts import count_queries, make_workshops
from workshops import demo
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def test_coordinator_chooses_two_modules_and_the_urdu_page_shows_them(client):
    with_urdu = ModuleFactory(
        slug="fake-sms", title_en="Spotting fake SMS", title_ur="جعلی ایس ایم ایس کی پہچان"
    )
    english_only = ModuleFactory(slug="otp-safety", title_en="Keep your OTP safe", title_ur="")
    ModuleFactory(slug="not-chosen", title_en="Not chosen", title_ur="منتخب نہیں")
    client.force_login(factories.coordinator("SD"))
    form_page = client.get("/ur/workshops/manage/new/").content.decode()
    assert "جعلی ایس ایم ایس کی پہچان" in form_page and 'name="modules"' in form_page

    response = client.post(
        "/en/workshops/manage/new/",
        form_data(modules=[with_urdu.pk, english_only.pk], lead_facilitator=AmbassadorProfileFactory().pk),
    )
    workshop = Workshop.objects.get()
    assert response["Location"] == f"/en/workshops/manage/{workshop.pk}/"
    assert set(workshop.modules.all()) == {with_urdu, english_only}
    client.post(f"/en/workshops/manage/{workshop.pk}/publish/")
    assert Workshop.objects.get().status == "published"

    client.logout()
    html = client.get(f"/ur/workshops/{workshop.pk}/").content.decode()
    assert "نصاب کے استعمال شدہ ماڈیول" in html  # the heading, translated
    assert "جعلی ایس ایم ایس کی پہچان" in html  # the Urdu title
    assert "Keep your OTP safe" in html  # no Urdu title: the English fallback
    assert 'href="/ur/library/fake-sms/"' in html
    assert 'href="/ur/library/otp-safety/"' in html
    assert "منتخب نہیں" not in html


def test_a_module_can_be_removed_on_edit(client):
    kept, removed = ModuleFactory(title_en="Kept module"), ModuleFactory(title_en="Removed module")
    coordinator = factories.coordinator("SD")
    workshop = WorkshopFactory(district=factories.district("Karachi Central"), status="draft")
    workshop.modules.set([kept, removed])
    client.force_login(coordinator)
    edit_page = client.get(f"/en/workshops/manage/{workshop.pk}/edit/").content.decode()
    assert edit_page.count("checked") >= 2
    data = form_data(modules=[kept.pk])
    response = client.post(f"/en/workshops/manage/{workshop.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(workshop.modules.all()) == [kept]
    detail = client.get(f"/en/workshops/manage/{workshop.pk}/").content.decode()
    modules_shown, history = detail.split('id="history"')
    assert "Kept module" in modules_shown and "Removed module" not in modules_shown
    # The workshop's history says what the coordinator changed.
    assert "was <bdi>Kept module, Removed module</bdi>, now <bdi>Kept module</bdi>" in history


def test_an_unknown_module_is_refused_and_the_form_keeps_what_was_typed(client):
    client.force_login(factories.coordinator("SD"))
    response = client.post("/en/workshops/manage/new/", form_data(modules=["999999"], title="Keep me"))
    assert response.status_code == 200
    assert not Workshop.objects.exists()
    assert "Keep me" in response.content.decode()


def test_public_list_query_count_stays_constant_with_modules(client):
    modules = ModuleFactory.create_batch(2)
    make_workshops(5)
    for workshop in Workshop.objects.all():
        workshop.modules.set(modules)
    small = count_queries(client, "/ur/workshops/", 5)
    make_workshops(45)
    for workshop in Workshop.objects.all():
        workshop.modules.set(modules)
    assert count_queries(client, "/ur/workshops/", 20) == small


def test_detail_pages_list_modules_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    workshop = WorkshopFactory()
    workshop.modules.set(ModuleFactory.create_batch(1))
    client.get(f"/en/workshops/{workshop.pk}/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(f"/en/workshops/{workshop.pk}/")
    workshop.modules.set(ModuleFactory.create_batch(6))
    with CaptureQueriesContext(connection) as six:
        html = client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    assert len(one) == len(six)
    assert html.count('href="/en/library/module-') == 6


def test_demo_workshops_link_the_starter_module_of_their_topic():
    from accounts import demo as accounts_demo
    from curriculum.starter import starter_curriculum_load

    accounts_demo.load()
    starter_curriculum_load(with_handouts=False)
    demo.load()
    demo.load()
    banking = Workshop.objects.get(title="Spotting mobile banking scams")
    assert "fake-payments-and-otp-theft" in set(banking.modules.values_list("slug", flat=True))
    for workshop in Workshop.objects.all():
        assert workshop.modules.count() == len(workshop.topics)


def test_the_attendance_page_links_the_modules_materials_for_the_facilitator(client):
    lead = AmbassadorProfileFactory()
    workshop = WorkshopFactory(lead_facilitator=lead)
    workshop.modules.set([ModuleFactory(slug="fake-sms", title_ur="جعلی ایس ایم ایس کی پہچان")])
    client.force_login(lead.user)
    html = client.get(f"/ur/workshops/manage/{workshop.pk}/attendance/").content.decode()
    assert '<a href="/ur/library/fake-sms/">جعلی ایس ایم ایس کی پہچان</a>' in html
    assert "ماڈیول کا مواد" in html
