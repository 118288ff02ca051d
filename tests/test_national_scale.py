"""National data (issue #18): `manage.py national_data` makes it, and every staff page runs the same
number of queries at two sizes of it and with more staff (the national figures are in
docs/scaling.md, measured with bench/staff_pages.py)."""

import pytest
from django.core.management import call_command
from django.db import transaction

from accounts.models import User
from ambassadors.models import Application
from bench.staff_pages import query_counts
from common.management.commands.national_data import MARK, national_data_create
from facilitators.models import AmbassadorProfile
from incidents.models import Case, Message
from notifications.models import Delivery
from tests import factories
from workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


class _Undo(Exception):
    pass


def _counts_at(scale: float, *, more_staff: int = 0) -> dict:
    """Query counts of every staff page with national data at `scale`, all undone afterwards."""
    result = {}
    try:
        with transaction.atomic():
            national_data_create(scale=scale, log=lambda line: None)
            for n in range(more_staff):
                factories.case_handler("SD", full_name=f"Extra handler {n}")
                factories.coordinator("SD")
            result = query_counts()
            raise _Undo
    except _Undo:
        pass
    return result


def test_national_data_makes_the_volumes_at_a_small_scale_and_only_once(capsys):
    call_command("national_data", here=True, scale=0.002)
    assert "National data made in" in capsys.readouterr().out
    assert AmbassadorProfile.objects.filter(user__email__startswith=f"{MARK}ambassador-").count() == 20
    assert Workshop.objects.filter(title__startswith="[national]").count() == 40
    assert Registration.objects.count() == 1_200
    assert Case.objects.count() == 400
    assert Message.objects.count() == 1_000
    assert Delivery.objects.count() == 1_880
    assert Application.objects.filter(status="pending").count() > 0
    # Encrypted texts read back as text, and case handlers see the cases of their province.
    case = Case.objects.filter(district__province__code="SD").first()
    assert case.narrative and case.messages.first().body
    handler = User.objects.get(email=f"{MARK}handler-sd-0@hifazat.test")
    assert Case.objects.visible_to(handler).filter(pk=case.pk).exists()

    call_command("national_data", here=True, scale=0.002)
    assert "already there" in capsys.readouterr().out
    assert Registration.objects.count() == 1_200


def test_national_data_refuses_a_scale_out_of_range():
    with pytest.raises(Exception, match="--scale"):
        call_command("national_data", here=True, scale=2)


def test_staff_pages_run_as_many_queries_at_two_sizes_and_with_more_staff():
    small = _counts_at(0.002)
    large = _counts_at(0.006, more_staff=6)
    assert small and set(small) == set(large)
    for page, (status, queries) in small.items():
        assert status == 200, page
        assert queries > 2, page  # counted: a session and a user at the least
    grew = {page: (small[page][1], large[page][1]) for page in small if small[page] != large[page]}
    assert not grew, grew
