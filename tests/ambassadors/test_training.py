"""Prerequisites hold, practicum steps are confirmed by the right person, and certification happens
exactly when the last step completes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ambassadors import services
from ambassadors.models import Certificate, StepProgress
from ambassadors.selectors import track_states
from facilitators.models import AmbassadorProfile
from tests.ambassadors.factories import AmbassadorProfileFactory, WorkshopFactory, enrol, full_track, trainee
from workshops.services import facilitator_problems, workshop_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def past_workshop(**kwargs):
    starts = timezone.now() - datetime.timedelta(days=3)
    return WorkshopFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **kwargs)


def pass_quiz(enrolment, step):
    attempt = services.quiz_attempt_start(enrolment=enrolment, step=step, language="en")
    right = {}
    for question in step.quiz.questions.prefetch_related("choices"):
        right[question.pk] = next(choice.pk for choice in question.choices.all() if choice.is_correct)
    return services.quiz_attempt_submit(attempt=attempt, answers=right)


@pytest.fixture
def setting():
    track, steps = full_track()
    person = trainee(user__full_name="Bilal Ahmed")
    enrolment = enrol(person, track)
    mentor = AmbassadorProfileFactory(level=AmbassadorProfile.Level.MASTER_TRAINER, user__full_name="Master")
    return track, steps, person, enrolment, mentor


def test_no_step_can_be_taken_before_its_prerequisites(setting):
    track, steps, person, enrolment, mentor = setting
    with pytest.raises(ValidationError, match="Complete these steps first"):
        services.quiz_attempt_start(enrolment=enrolment, step=steps["quiz"], language="en")
    workshop = past_workshop(lead_facilitator=mentor)
    with pytest.raises(ValidationError, match="Complete these steps first"):
        services.workshop_step_submit(enrolment=enrolment, step=steps["observe"], workshop=workshop)
    assert not StepProgress.objects.exists()
    states = {item.step.pk: item.state for item in track_states(profile=person)[0].steps}
    assert states[steps["study"].pk] == "open"
    assert all(states[steps[key].pk] == "locked" for key in ("quiz", "observe", "cofacilitate", "lead"))


def test_a_trainee_cannot_lead_a_workshop_only_co_facilitate(setting):
    track, steps, person, enrolment, mentor = setting
    starts = timezone.now() + datetime.timedelta(days=5)
    problems = facilitator_problems(
        lead=person,
        co_facilitators=[],
        language="ur",
        women_only=False,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    assert any("cannot lead" in problem for problem in problems)
    assert (
        facilitator_problems(
            lead=mentor,
            co_facilitators=[person],
            language="ur",
            women_only=False,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
        )
        == []
    )
    with pytest.raises(ValidationError):
        workshop_create(
            actor=None,
            topics=["scams-fraud"],
            title="Trainee-led",
            language="ur",
            district=person.district,
            town="Nazimabad",
            venue_kind="school",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            capacity=20,
            lead_facilitator=person,
        )


def test_certified_exactly_when_the_last_step_completes(setting):
    track, steps, person, enrolment, mentor = setting
    services.study_step_complete(enrolment=enrolment, step=steps["study"])
    assert pass_quiz(enrolment, steps["quiz"]).passed
    services.workshop_step_submit(
        enrolment=enrolment, step=steps["observe"], workshop=past_workshop(lead_facilitator=mentor)
    )

    lead = AmbassadorProfileFactory(user__full_name="Lead facilitator")
    cofacilitated = past_workshop(lead_facilitator=lead)
    cofacilitated.co_facilitators.add(person)
    progress = services.workshop_step_submit(
        enrolment=enrolment, step=steps["cofacilitate"], workshop=cofacilitated
    )
    assert progress.status == StepProgress.Status.WAITING
    with pytest.raises(ValidationError, match="cannot confirm"):
        services.step_progress_confirm(progress=progress, actor=mentor.user)  # not this workshop's lead
    services.step_progress_confirm(progress=progress, actor=lead.user)

    mentored = past_workshop(lead_facilitator=mentor)
    mentored.co_facilitators.add(person)
    progress = services.workshop_step_submit(enrolment=enrolment, step=steps["lead"], workshop=mentored)
    person.refresh_from_db()
    assert person.level == AmbassadorProfile.Level.TRAINEE, "waiting for confirmation is not completion"
    assert not Certificate.objects.exists()
    with pytest.raises(ValidationError):
        services.step_progress_confirm(progress=progress, actor=person.user)  # nobody confirms themselves
    services.step_progress_confirm(progress=progress, actor=mentor.user)

    person.refresh_from_db()
    enrolment.refresh_from_db()
    assert person.level == AmbassadorProfile.Level.CERTIFIED
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get()
    assert (certificate.profile, certificate.level, certificate.track) == (person, "certified", track)
    assert certificate.name == "Bilal Ahmed" and certificate.language == person.chosen_certificate_language
    assert (
        facilitator_problems(
            lead=person, co_facilitators=[], language="ur", women_only=False, starts_at=None, ends_at=None
        )
        == []
    )


def test_one_step_short_is_not_certified_and_confirming_twice_issues_one_certificate(setting):
    track, steps, person, enrolment, mentor = setting
    for key in ("study", "quiz", "observe", "cofacilitate"):
        StepProgress.objects.create(
            enrolment=enrolment, step=steps[key], status="completed", completed_at=timezone.now()
        )
    person.refresh_from_db()
    assert person.level == AmbassadorProfile.Level.TRAINEE
    mentored = past_workshop(lead_facilitator=mentor)
    mentored.co_facilitators.add(person)
    progress = services.workshop_step_submit(enrolment=enrolment, step=steps["lead"], workshop=mentored)
    services.step_progress_confirm(progress=progress, actor=mentor.user)
    with pytest.raises(ValidationError):
        services.step_progress_confirm(progress=progress, actor=mentor.user)
    assert Certificate.objects.count() == 1


def test_the_lead_may_decline_with_a_note_and_the_trainee_submits_again(setting):
    track, steps, person, enrolment, mentor = setting
    for key in ("study", "quiz", "observe"):
        StepProgress.objects.create(
            enrolment=enrolment, step=steps[key], status="completed", completed_at=timezone.now()
        )
    lead = AmbassadorProfileFactory()
    workshop = past_workshop(lead_facilitator=lead)
    workshop.co_facilitators.add(person)
    progress = services.workshop_step_submit(
        enrolment=enrolment, step=steps["cofacilitate"], workshop=workshop
    )
    with pytest.raises(ValidationError, match="why"):
        services.step_progress_return(progress=progress, actor=lead.user, note="  ")
    services.step_progress_return(progress=progress, actor=lead.user, note="You were not there on the day.")
    state = {item.step.pk: item for item in track_states(profile=person)[0].steps}[steps["cofacilitate"].pk]
    assert state.state == "returned" and state.progress.note == "You were not there on the day."
    again = services.workshop_step_submit(enrolment=enrolment, step=steps["cofacilitate"], workshop=workshop)
    assert again.pk == progress.pk and again.status == StepProgress.Status.WAITING


def test_a_workshop_step_needs_a_workshop_that_happened_and_where_they_co_facilitated(setting):
    track, steps, person, enrolment, mentor = setting
    for key in ("study", "quiz", "observe"):
        StepProgress.objects.create(
            enrolment=enrolment, step=steps[key], status="completed", completed_at=timezone.now()
        )
    future = WorkshopFactory(lead_facilitator=mentor)
    future.co_facilitators.add(person)
    with pytest.raises(ValidationError, match="already taken place"):
        services.workshop_step_submit(enrolment=enrolment, step=steps["cofacilitate"], workshop=future)
    not_theirs = past_workshop(lead_facilitator=mentor)
    with pytest.raises(ValidationError, match="co-facilitator"):
        services.workshop_step_submit(enrolment=enrolment, step=steps["cofacilitate"], workshop=not_theirs)


def test_leading_under_a_mentor_needs_a_master_trainer(setting):
    track, steps, person, enrolment, mentor = setting
    for key in ("study", "quiz", "observe", "cofacilitate"):
        StepProgress.objects.create(
            enrolment=enrolment, step=steps[key], status="completed", completed_at=timezone.now()
        )
    workshop = past_workshop(
        lead_facilitator=AmbassadorProfileFactory()
    )  # a certified lead, not a master trainer
    workshop.co_facilitators.add(person)
    with pytest.raises(ValidationError, match="master trainer"):
        services.workshop_step_submit(enrolment=enrolment, step=steps["lead"], workshop=workshop)
    services.ambassador_mentor_set(profile=person, mentor=mentor)
    progress = services.workshop_step_submit(enrolment=enrolment, step=steps["lead"], workshop=workshop)
    assert not services.may_confirm(user=workshop.lead_facilitator.user, progress=progress)
    assert services.may_confirm(user=mentor.user, progress=progress)


def test_a_certified_ambassador_can_be_made_master_trainer_with_a_certificate():
    profile = AmbassadorProfileFactory()
    certificate = services.ambassador_promote_master_trainer(profile=profile, actor=None)
    profile.refresh_from_db()
    assert profile.level == AmbassadorProfile.Level.MASTER_TRAINER and certificate.level == "master_trainer"
    with pytest.raises(ValidationError):
        services.ambassador_promote_master_trainer(profile=trainee(), actor=None)
