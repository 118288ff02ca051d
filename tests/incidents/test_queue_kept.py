"""A handler's case queue kept in the worker's memory for them alone (common.pagecache.private_response):
served again without a query of its own, never to another handler or to someone signed out, and
retired at once by a new report, an assignment, a status change or a deleted case."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from incidents import services
from incidents.selectors import CASES_VERSION
from tests.incidents import factories as incident_factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def worker_memory_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queue(client: Client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/cases/")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_handlers_queue_is_kept_for_them_alone():
    sindh_case = incident_factories.case(district="Karachi Central")
    punjab_case = incident_factories.case(district="Lahore", province="PB")
    sindh = signed_in(incident_factories.handler("SD"))
    first, _cold = queue(sindh)
    again, warm = queue(sindh)
    assert warm == 2  # the session and the user: who is asking is checked every time
    assert sindh_case.code in again and again.count(sindh_case.code) == first.count(sindh_case.code)

    punjab_html, _queries = queue(signed_in(incident_factories.handler("PB")))
    assert punjab_case.code in punjab_html and sindh_case.code not in punjab_html
    signed_out = Client().get("/en/cases/")
    assert signed_out.status_code == 302 and sindh_case.code not in signed_out.content.decode()


def test_a_new_report_an_assignment_a_status_and_a_deletion_show_at_once():
    handler = incident_factories.handler("SD", full_name="Ayesha Soomro")
    case = incident_factories.case(district="Karachi Central")
    client = signed_in(handler)
    queue(client)

    new = incident_factories.case(district="Hyderabad")
    html, _queries = queue(client)
    assert new.code in html

    services.case_assign(case=case, actor=handler, assignee=handler)
    html, _queries = queue(client)
    assert "Ayesha Soomro" in html[html.index(case.code) :].split("</tr>")[0]

    services.case_status_change(case=case, actor=handler, status="triage")
    html, _queries = queue(client)
    assert "In triage" in html[html.index(case.code) :].split("</tr>")[0]

    services.case_delete(case=new, actor=handler)
    html, _queries = queue(client)
    assert new.code not in html


def test_a_case_change_bumps_the_cases_version_again_when_it_commits(django_capture_on_commit_callbacks):
    """A queue page rendered between the save and its commit (without the case) is not kept under
    the version that follows."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        incident_factories.case(district="Karachi Central")
        after_save = cache.get(CASES_VERSION)
    assert callbacks and cache.get(CASES_VERSION) != after_save


def test_a_handler_whose_authenticator_is_removed_is_sent_to_set_it_up_at_once():
    """Whether a staff user has set up MFA is kept in worker memory too (accounts.middleware)."""
    from allauth.mfa.models import Authenticator

    handler = incident_factories.handler("SD")
    client = signed_in(handler)
    queue(client)
    Authenticator.objects.filter(user=handler).delete()
    response = client.get("/en/cases/")
    assert response.status_code == 302 and "2fa" in response["Location"]
