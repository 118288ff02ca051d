"""Case handlers: scope by region and category, the queue, workflow, replies, referrals, audit."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from common.pagecache import VERSION_KEY
from incidents import services
from incidents.models import AuditEntry, Case, Contact, Evidence, HandlerScope, Note, Referral, ReplyTemplate
from incidents.uploads import CleanFile
from tests import factories
from tests.incidents import factories as incident_factories

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_handlers_see_only_their_region():
    sindh_case = incident_factories.case(district="Karachi Central")
    punjab_case = incident_factories.case(district="Lahore", province="PB")
    sindh = signed_in(incident_factories.handler("SD"))
    assert sindh.get(f"/en/cases/{sindh_case.pk}/").status_code == 200
    assert sindh.get(f"/en/cases/{punjab_case.pk}/").status_code == 404
    html = sindh.get("/en/cases/").content.decode()
    assert sindh_case.code in html and punjab_case.code not in html


def test_handlers_limited_to_a_category_see_only_it_and_its_children():
    blackmail = incident_factories.case(category_slug="blackmail")
    prize = incident_factories.case(category_slug="fake-prize")
    client = signed_in(incident_factories.handler("SD", categories=["harassment"]))
    assert client.get(f"/en/cases/{blackmail.pk}/").status_code == 200
    assert client.get(f"/en/cases/{prize.pk}/").status_code == 404


def test_cases_without_a_district_go_to_nationwide_handlers():
    unlocated = incident_factories.case(district=None)
    assert signed_in(incident_factories.handler("SD")).get(f"/en/cases/{unlocated.pk}/").status_code == 404
    nationwide = incident_factories.handler("SD", nationwide=True)
    assert signed_in(nationwide).get(f"/en/cases/{unlocated.pk}/").status_code == 200


def test_other_roles_get_404_everywhere_even_admins_of_nothing():
    case = incident_factories.case()
    for user in (
        factories.coordinator("SD"),
        factories.UserFactory(role="ambassador", province=factories.province("SD")),
        factories.UserFactory(role="translator", is_staff=True, with_mfa=True),
    ):
        client = signed_in(user)
        for path in ("/en/cases/", f"/en/cases/{case.pk}/", f"/en/cases/{case.pk}/export/"):
            assert client.get(path).status_code == 404, (user.role, path)


def test_handlers_without_mfa_are_sent_to_set_it_up():
    client = signed_in(incident_factories.handler("SD", with_mfa=False))
    response = client.get("/en/cases/")
    assert response.status_code == 302
    assert "2fa" in response["Location"]


def test_queue_filters_by_status_category_and_assignment():
    handler = incident_factories.handler("SD")
    mine = incident_factories.case(category_slug="blackmail")
    services.case_assign(case=mine, actor=handler, assignee=handler)
    other = incident_factories.case(category_slug="fake-prize")
    client = signed_in(handler)
    harassment = incident_factories.category("harassment").pk
    html = client.get("/en/cases/", {"category": harassment}).content.decode()
    assert mine.code in html and other.code not in html
    html = client.get("/en/cases/", {"assigned": "me"}).content.decode()
    assert mine.code in html and other.code not in html
    html = client.get("/en/cases/", {"assigned": "none"}).content.decode()
    assert other.code in html and mine.code not in html
    services.case_status_change(case=other, actor=handler, status="triage")
    html = client.get("/en/cases/", {"status": "triage"}).content.decode()
    assert other.code in html and mine.code not in html
    assert (
        client.get("/en/cases/", {"status": "nonsense", "category": "x", "district": "y"}).status_code == 200
    )


def test_queue_filters_by_district_within_scope():
    central = incident_factories.case(district="Karachi Central")
    hyderabad = incident_factories.case(district="Hyderabad")
    client = signed_in(incident_factories.handler("SD"))
    html = client.get("/en/cases/", {"district": factories.district("Hyderabad", "SD").pk}).content.decode()
    assert hyderabad.code in html and central.code not in html
    assert "Lahore" not in client.get("/en/cases/").content.decode()  # only districts in scope are offered


def test_queue_never_decrypts_case_content(settings):
    from cryptography.fernet import Fernet

    incident_factories.case()
    client = signed_in(incident_factories.handler("SD"))
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # content now unreadable
    assert client.get("/en/cases/").status_code == 200


def test_queue_rows_show_category_district_status_and_assignee_in_the_page_language():
    handler = incident_factories.handler("SD", nationwide=True, full_name="Sana Handler")
    assigned = incident_factories.case(district="Karachi Central")
    services.case_assign(case=assigned, actor=handler, assignee=handler)
    unplaced = incident_factories.case(district=None)
    category = incident_factories.category()
    client = signed_in(handler)
    html = client.get("/en/cases/").content.decode()
    row = html[html.index(assigned.code) :].split("</tr>")[0]
    assert f"{category.parent.name_en}: {category.name_en}" in row
    assert "Karachi Central" in row and "New" in row and "Sana Handler" in row
    row = html[html.index(unplaced.code) :].split("</tr>")[0]
    assert row.count("—") == 2  # no district, nobody assigned
    urdu = client.get("/ur/cases/").content.decode()
    row = urdu[urdu.index(assigned.code) :].split("</tr>")[0]
    assert category.name_ur and category.name_ur in row


def test_queue_rows_are_escaped_and_mark_urgent_cases():
    handler = incident_factories.handler("SD", full_name='<b>Sana</b> "&"')
    case = incident_factories.case()
    services.case_assign(case=case, actor=handler, assignee=handler)
    Case.objects.filter(pk=case.pk).update(immediate_danger=True)
    html = signed_in(handler).get("/en/cases/").content.decode()
    row = html[html.rindex("<tr", 0, html.index(case.code)) :].split("</tr>")[0]
    assert "&lt;b&gt;Sana&lt;/b&gt; &quot;&amp;&quot;" in row and "<b>" not in row
    assert 'class="urgent"' in row and "<strong>danger</strong>" in row
    assert f'href="/en/cases/{case.pk}/"' in row


@pytest.mark.parametrize("rows", [3, 30])
def test_queue_runs_a_constant_number_of_queries(rows, django_assert_num_queries):
    handler = incident_factories.handler("SD", categories=["scam"])
    for index in range(rows):
        case = incident_factories.case()
        if index % 2:
            services.case_assign(case=case, actor=handler, assignee=handler)
    client = signed_in(handler)
    client.get("/en/cases/")  # warm up session, translations
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/cases/")
    assert response.status_code == 200
    assert len(queries) == QUEUE_QUERIES, [query["sql"] for query in queries]


# Session, user, MFA check, every category and every district (selectors.queue_labels: the filter's
# choices and the rows' names), the handler's scope (selectors.handler_scope: user districts, scope
# districts, handler scope, scope categories), count, page.
QUEUE_QUERIES = 11
# With the worker's memory on, as in production, for a page rendered afresh: session, user, count, page
# (the MFA check is in memory too: accounts.middleware). A kept page: session and user only.
QUEUE_QUERIES_FROM_MEMORY = 4


def test_category_and_district_names_come_from_worker_memory_and_a_saved_name_shows_at_once(settings):
    """With the worker's memory on (as in production), the queue reads no category or district; a
    category renamed in the admin shows on the next page all the same."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    handler = incident_factories.handler("SD", nationwide=True)
    case = incident_factories.case()
    client = signed_in(handler)
    client.get("/en/cases/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/cases/?status=new").content.decode()  # not kept yet: rendered
    assert len(queries) == QUEUE_QUERIES_FROM_MEMORY, [query["sql"] for query in queries]
    category = case.category
    category.name_en = "Renamed in the admin"
    category.save()
    html = client.get("/en/cases/").content.decode()
    row = html[html.index(case.code) :].split("</tr>")[0]
    assert "Renamed in the admin" in row


def test_a_changed_scope_shows_at_once_on_the_queue_and_a_new_report_too(settings):
    """The handler's scope comes from worker memory, but every way an admin changes it (districts,
    province, categories, nationwide, the scope removed) shows on the next page; so does a new case."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    central = incident_factories.case(district="Karachi Central", category_slug="blackmail")
    hyderabad = incident_factories.case(district="Hyderabad", category_slug="fake-prize")
    lahore = incident_factories.case(district="Lahore", province="PB", category_slug="fake-prize")
    unplaced = incident_factories.case(district=None, category_slug="fake-prize")
    handler = incident_factories.handler("SD")
    client = signed_in(handler)

    def shown() -> set[Case]:
        html = client.get("/en/cases/").content.decode()
        return {case for case in (central, hyderabad, lahore, unplaced) if case.code in html}

    assert shown() == {central, hyderabad}
    handler.districts.add(factories.district("Hyderabad", "SD"))
    assert shown() == {hyderabad}
    handler.districts.clear()
    handler.province = factories.province("PB")
    handler.save()
    assert shown() == {lahore}
    scope = HandlerScope.objects.create(user=handler, nationwide=True)
    assert shown() == {central, hyderabad, lahore, unplaced}
    scope.categories.add(incident_factories.category("fake-prize"))
    assert shown() == {hyderabad, lahore, unplaced}
    scope.nationwide = False
    scope.save()
    assert shown() == {lahore}
    scope.delete()
    assert shown() == {lahore}
    handler.province = factories.province("SD")
    handler.save()
    assert shown() == {central, hyderabad}
    new = incident_factories.case(district="Karachi Central")
    assert new.code in client.get("/en/cases/").content.decode()


def test_a_scope_change_bumps_the_data_version_again_when_it_commits(django_capture_on_commit_callbacks):
    """A queue page read between the save (which bumps the version) and its commit would otherwise
    keep the old scope under the new version."""
    handler = incident_factories.handler("SD")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        handler.districts.add(factories.district("Hyderabad", "SD"))
        after_save = cache.get(VERSION_KEY)
    assert callbacks and cache.get(VERSION_KEY) != after_save


def test_viewing_a_case_shows_its_content_and_writes_an_audit_row():
    handler = incident_factories.handler("SD")
    receipt = incident_factories.submit(
        narrative="They asked for my OTP", contact="0300-1111111", contact_consent=True
    )
    response = signed_in(handler).get(f"/en/cases/{receipt.case.pk}/")
    html = response.content.decode()
    assert "They asked for my OTP" in html and "0300-1111111" in html
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="view")
    assert entry.actor == handler and entry.case_code == receipt.code


def test_workflow_follows_the_allowed_transitions():
    handler = incident_factories.handler("SD")
    case = incident_factories.case()
    client = signed_in(handler)
    response = client.post(f"/en/cases/{case.pk}/status/", {"status": "advised"}, follow=True)
    assert "cannot move to this status" in response.content.decode()
    assert Case.objects.get(pk=case.pk).status == "new"
    for status in ("triage", "referred", "closed"):
        client.post(f"/en/cases/{case.pk}/status/", {"status": status})
        assert Case.objects.get(pk=case.pk).status == status
    case.refresh_from_db()
    assert case.closed_at is not None and case.acknowledged_at is not None
    assert AuditEntry.objects.filter(action="status").count() == 3


def test_assign_to_self_or_a_colleague_in_scope_but_not_outside():
    handler = incident_factories.handler("SD", full_name="Ayesha")
    colleague = incident_factories.handler("SD", full_name="Bilal")
    elsewhere = incident_factories.handler("PB", full_name="Chaudhry")
    case = incident_factories.case()
    client = signed_in(handler)
    page = client.get(f"/en/cases/{case.pk}/").content.decode()
    assert "Bilal" in page and "Chaudhry" not in page
    client.post(f"/en/cases/{case.pk}/assign/", {"assignee": colleague.pk})
    assert Case.objects.get(pk=case.pk).assignee == colleague
    response = client.post(f"/en/cases/{case.pk}/assign/", {"assignee": elsewhere.pk}, follow=True)
    assert "cannot be assigned" in response.content.decode()
    assert Case.objects.get(pk=case.pk).assignee == colleague


def test_notes_are_internal_and_encrypted():
    handler = incident_factories.handler("SD")
    receipt = incident_factories.submit()
    signed_in(handler).post(f"/en/cases/{receipt.case.pk}/note/", {"body": "Looks like the BISP scam wave"})
    assert Note.objects.get().body == "Looks like the BISP scam wave"
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM incidents_note")
        assert "BISP" not in cursor.fetchone()[0]
    reporter_page = Client().post("/en/report/follow-up/", {"code": receipt.code, "secret": receipt.secret})
    assert "BISP scam wave" not in reporter_page.content.decode()


def test_reply_template_is_offered_in_the_reporters_language():
    handler = incident_factories.handler("SD", language="en")
    case = incident_factories.case(language="ur")
    template = ReplyTemplate.objects.order_by("position").first()
    html = signed_in(handler).get(f"/en/cases/{case.pk}/", {"template": template.pk}).content.decode()
    assert template.body_ur in html
    assert template.body_en not in html


def test_sindhi_reporter_gets_the_sindhi_template_and_falls_back_when_missing():
    handler = incident_factories.handler("SD")
    template = ReplyTemplate.objects.order_by("position").first()
    sindhi_case = incident_factories.case(language="sd")
    assert (
        template.body_sd
        in signed_in(handler).get(f"/en/cases/{sindhi_case.pk}/", {"template": template.pk}).content.decode()
    )
    template.body_ps = ""
    template.save()
    pashto_case = incident_factories.case(language="ps")
    html = signed_in(handler).get(f"/en/cases/{pashto_case.pk}/", {"template": template.pk}).content.decode()
    assert template.body_ur in html


def test_reply_is_seen_by_the_reporter_and_moves_a_new_case_to_triage():
    handler = incident_factories.handler("SD")
    receipt = incident_factories.submit()
    signed_in(handler).post(f"/en/cases/{receipt.case.pk}/reply/", {"body": "Please call your bank now."})
    case = Case.objects.get(pk=receipt.case.pk)
    assert case.status == "triage" and case.acknowledged_at
    page = (
        Client()
        .post("/en/report/follow-up/", {"code": receipt.code, "secret": receipt.secret})
        .content.decode()
    )
    assert "Please call your bank now." in page
    assert handler.email not in page and handler.full_name not in page  # handlers stay anonymous too


def test_referral_log_records_to_whom_and_when():
    handler = incident_factories.handler("SD")
    case = incident_factories.case()
    nccia = Contact.objects.get(slug="nccia-1799")
    client = signed_in(handler)
    client.post(f"/en/cases/{case.pk}/referral/", {"contact": nccia.pk, "note": "complaint filed"})
    client.post(f"/en/cases/{case.pk}/referral/", {"to_whom": "Local women's shelter"})
    response = client.post(f"/en/cases/{case.pk}/referral/", {}, follow=True)
    assert "Choose an organisation" in response.content.decode()
    recipients = [referral.recipient for referral in Referral.objects.order_by("pk")]
    assert recipients == [nccia.name, "Local women's shelter"]
    page = client.get(f"/en/cases/{case.pk}/").content.decode()
    assert "Local women&#x27;s shelter" in page and "complaint filed" in page


def test_export_and_evidence_download_are_audited():
    handler = incident_factories.handler("SD")
    receipt = incident_factories.submit(
        narrative="exported story",
        files=[CleanFile(name="bill.pdf", content_type="application/pdf", data=b"%PDF-1.4 q")],
    )
    client = signed_in(handler)
    export = client.get(f"/en/cases/{receipt.case.pk}/export/")
    assert "exported story" in export.content.decode()
    assert "attachment" in export["Content-Disposition"]
    evidence = Evidence.objects.get()
    download = client.get(f"/en/cases/{receipt.case.pk}/files/{evidence.pk}/")
    assert download.content == b"%PDF-1.4 q"
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert "bill.pdf" not in download["Content-Disposition"]
    actions = set(AuditEntry.objects.filter(actor=handler).values_list("action", flat=True))
    assert {"export", "evidence"} <= actions


def test_deleting_a_case_removes_content_and_files_and_is_audited(
    settings, django_capture_on_commit_callbacks
):
    handler = incident_factories.handler("SD")
    receipt = incident_factories.submit(
        files=[CleanFile(name="a.pdf", content_type="application/pdf", data=b"%PDF-1 x")]
    )
    path = settings.MEDIA_ROOT / Evidence.objects.get().file.name
    assert path.exists()
    client = signed_in(handler)
    response = client.post(
        f"/en/cases/{receipt.case.pk}/delete/", {"reason": "reporter asked", "confirm": ""}
    )
    assert response.status_code == 200 and Case.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/cases/{receipt.case.pk}/delete/", {"reason": "reporter asked", "confirm": "on"}
        )
    assert response.status_code == 302
    assert not Case.objects.exists() and not Evidence.objects.exists()
    assert not path.exists()
    entry = AuditEntry.objects.get(action="delete")
    assert entry.case_code == receipt.code and entry.detail == "reporter asked" and entry.actor == handler


def test_admins_read_the_audit_log_and_nobody_edits_it():
    handler = incident_factories.handler("SD")
    case = incident_factories.case()
    services.case_view_record(case=case, actor=handler)
    entry = AuditEntry.objects.get()
    admin = signed_in(factories.admin_user())
    assert admin.get("/admin/incidents/auditentry/").status_code == 200
    assert admin.get(f"/admin/incidents/auditentry/{entry.pk}/change/").status_code == 200  # read-only view
    assert admin.get("/admin/incidents/auditentry/add/").status_code == 403
    assert (
        admin.post(f"/admin/incidents/auditentry/{entry.pk}/change/", {"action": "delete"}).status_code == 403
    )
    assert admin.get(f"/admin/incidents/auditentry/{entry.pk}/delete/").status_code == 403
    assert AuditEntry.objects.get().action == "view"
    translator = signed_in(factories.UserFactory(role="translator", is_staff=True, with_mfa=True))
    assert translator.get("/admin/incidents/auditentry/").status_code == 403


def test_case_contents_are_not_in_the_admin():
    admin = signed_in(factories.admin_user())
    assert admin.get("/admin/incidents/case/").status_code == 404


def test_dashboard_shows_the_queue_to_handlers_only():
    assert "/en/cases/" in signed_in(incident_factories.handler("SD")).get("/en/dashboard/").content.decode()
    assert "/en/cases/" not in signed_in(factories.coordinator("SD")).get("/en/dashboard/").content.decode()


def test_a_very_long_queue_says_so_instead_of_counting_everything(monkeypatch):
    from incidents.views import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "COUNT_CAP", 3)
    for _ in range(5):
        incident_factories.case()
    html = signed_in(incident_factories.handler("SD")).get("/en/cases/").content.decode()
    assert "More than 3 cases: use the filters" in html


@pytest.mark.postgres
def test_the_database_refuses_to_change_or_delete_audit_rows():
    from django.db import DatabaseError, transaction

    case = incident_factories.case()
    services.case_view_record(case=case, actor=incident_factories.handler("SD"))
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.update(action="delete")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().action == "view"
