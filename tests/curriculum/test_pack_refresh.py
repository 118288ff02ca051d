"""The nightly rebuild of offline packs whose module changed outside the admin."""

import pytest

from curriculum import services
from curriculum.models import OfflinePack
from curriculum.tasks import pack_build_task, packs_refresh_stale_task
from tests.curriculum.factories import ModuleFactory, material

pytestmark = pytest.mark.django_db


def built_pack(language: str = "ur") -> OfflinePack:
    module = ModuleFactory()
    material(module, language="ur")
    pack = services.pack_request(module=module, language=language)
    services.pack_build(pack_id=pack.pk)
    pack.refresh_from_db()
    assert pack.status == OfflinePack.Status.READY
    return pack


def test_daily_task_queues_exactly_the_pack_whose_module_was_edited_outside_the_admin(
    django_capture_on_commit_callbacks, monkeypatch
):
    edited, current = built_pack(), built_pack()
    module = edited.module
    module.summary_ur = "نیا خلاصہ"
    module.save()  # an ORM save: no admin hook refreshed the pack

    queued = []
    monkeypatch.setattr(pack_build_task, "delay", lambda pack_id: queued.append(pack_id))
    with django_capture_on_commit_callbacks(execute=True):
        packs_refresh_stale_task.apply()
    assert queued == [edited.pk]
    edited.refresh_from_db()
    current.refresh_from_db()
    assert edited.status == OfflinePack.Status.QUEUED
    assert current.status == OfflinePack.Status.READY

    # Run again before the build: nothing is queued twice; after the build, nothing is stale.
    with django_capture_on_commit_callbacks(execute=True):
        packs_refresh_stale_task.apply()
    assert queued == [edited.pk]
    services.pack_build(pack_id=edited.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.packs_refresh_stale() == []
    assert queued == [edited.pk]


def test_the_rebuild_is_on_the_nightly_schedule():
    from celery.schedules import crontab

    from config.schedules import BEAT_SCHEDULE

    entry = BEAT_SCHEDULE["curriculum-packs-refresh-stale"]
    assert entry["task"] == "curriculum.tasks.packs_refresh_stale_task"
    assert isinstance(entry["schedule"], crontab) and entry["schedule"].hour == {2}
