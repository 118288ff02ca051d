"""Upgrading a database from before the profile moved to the facilitators app keeps every row and link.

The database is taken back to main's state before the move (ambassadors 0003, workshops 0007, no
facilitators app), filled with a profile that leads and co-facilitates a workshop, is enrolled on a
track and holds a permission granted on the profile's content type; then migrated forward.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE_MOVE = [("ambassadors", "0003_default_track"), ("workshops", "0007_registration_workshop_status")]


def migrate_back_to_before_the_move():
    """Unapply the facilitators app (and what depends on it); return the models as they were then."""
    executor = MigrationExecutor(connection)
    executor.migrate([("facilitators", None), *BEFORE_MOVE])
    return executor.loader.project_state(BEFORE_MOVE).apps


@pytest.mark.django_db(transaction=True)
def test_profiles_workshops_enrolments_and_permissions_survive_the_move():
    old = migrate_back_to_before_the_move()
    try:
        assert (
            not old.is_installed("facilitators") or "ambassadorprofile" not in old.all_models["facilitators"]
        )
        OldProfile = old.get_model("ambassadors", "AmbassadorProfile")
        User = old.get_model("accounts", "User")
        ContentType = old.get_model("contenttypes", "ContentType")
        Permission = old.get_model("auth", "Permission")
        district = old.get_model("regions", "District").objects.first()

        lead_user = User.objects.create(email="lead@example.org", full_name="Ayesha Soomro")
        co_user = User.objects.create(email="co@example.org", full_name="Bilal Khan")
        lead = OldProfile.objects.create(
            user=lead_user, level="certified", district=district, phone="+923001234567"
        )
        co = OldProfile.objects.create(user=co_user, level="trainee", mentor=lead, calendar_token="co-token")
        workshop = old.get_model("workshops", "Workshop").objects.create(
            title="Safe phones",
            district=district,
            town="Hyderabad",
            venue_kind="school",
            capacity=30,
            starts_at=timezone.now(),
            ends_at=timezone.now() + datetime.timedelta(hours=2),
            language="ur",
            lead_facilitator=lead,
        )
        workshop.co_facilitators.add(co)
        track = old.get_model("ambassadors", "Track").objects.create(name="Move test", slug="move-test")
        old.get_model("ambassadors", "Enrolment").objects.create(profile=co, track=track)
        content_type, _created = ContentType.objects.get_or_create(
            app_label="ambassadors", model="ambassadorprofile"
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename="change_ambassadorprofile", defaults={"name": "Can change"}
        )
        co_user.user_permissions.add(permission)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import User
    from ambassadors.models import Enrolment
    from facilitators.models import AmbassadorProfile
    from workshops.models import Workshop

    ContentType.objects.clear_cache()
    moved_lead = AmbassadorProfile.objects.get(pk=lead.pk)
    moved_co = AmbassadorProfile.objects.get(pk=co.pk)
    assert (moved_lead.user.email, moved_lead.phone, moved_lead.district_id) == (
        "lead@example.org",
        "+923001234567",
        district.pk,
    )
    assert moved_co.mentor == moved_lead and moved_co.calendar_token == "co-token"
    moved_workshop = Workshop.objects.get(pk=workshop.pk)
    assert moved_workshop.lead_facilitator == moved_lead
    assert list(moved_workshop.co_facilitators.all()) == [moved_co]
    assert list(moved_co.co_facilitated_workshops.all()) == [moved_workshop]
    assert Enrolment.objects.get(profile=moved_co).track_id == track.pk

    # The same content type row, now under the new app: the granted permission still works.
    assert ContentType.objects.get_for_model(AmbassadorProfile).pk == content_type.pk
    assert Permission.objects.get(pk=permission.pk).content_type_id == content_type.pk
    assert User.objects.get(pk=co_user.pk).has_perm("facilitators.change_ambassadorprofile")

    # New rows go to the same table, and deleting a profile a workshop leads is still refused.
    AmbassadorProfile.objects.create(user=User.objects.create(email="new@example.org"))
    assert AmbassadorProfile.objects.count() == 3
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        moved_lead.delete()
