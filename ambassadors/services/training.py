"""Progress through a track: prerequisites, steps confirmed by another person, and certification
at the moment the last step is completed."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ambassadors.models import Certificate, Enrolment, StepProgress, Track, TrackStep
from ambassadors.services.certificates import certificate_issue
from facilitators.models import AmbassadorProfile
from workshops.models import Workshop


def _completed_step_ids(enrolment: Enrolment) -> set[int]:
    return set(
        enrolment.progress.filter(status=StepProgress.Status.COMPLETED).values_list("step_id", flat=True)
    )


def step_missing_prerequisites(*, enrolment: Enrolment, step: TrackStep) -> list[TrackStep]:
    """The prerequisites of `step` not yet completed in this enrolment (empty: the step is open)."""
    if step.track_id != enrolment.track_id:
        raise ValidationError(_("This step belongs to another track."))
    done = _completed_step_ids(enrolment)
    return [prerequisite for prerequisite in step.prerequisites.all() if prerequisite.pk not in done]


def _require_open(*, enrolment: Enrolment, step: TrackStep) -> None:
    missing = step_missing_prerequisites(enrolment=enrolment, step=step)
    if missing:
        raise ValidationError(
            _("Complete these steps first: %(steps)s.") % {"steps": ", ".join(str(item) for item in missing)}
        )
    if enrolment.progress.filter(step=step, status=StepProgress.Status.COMPLETED).exists():
        raise ValidationError(_("You have already completed this step."))


@transaction.atomic
def enrolment_create(*, profile: AmbassadorProfile, track: Track) -> Enrolment:
    enrolment, _created = Enrolment.objects.get_or_create(profile=profile, track=track)
    return enrolment


def _lock(enrolment: Enrolment) -> Enrolment:
    """Serialises progress on one enrolment: two completions at once cannot both miss certification."""
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("track", "profile__user")
        .get(pk=enrolment.pk)
    )


def _progress_save(
    *, enrolment: Enrolment, step: TrackStep, status: str, workshop: Workshop | None = None, actor=None
) -> StepProgress:
    now = timezone.now()
    values = {
        "status": status,
        "workshop": workshop,
        "note": "",
        "decided_by": actor,
        "completed_at": now if status == StepProgress.Status.COMPLETED else None,
    }
    try:
        with transaction.atomic():
            progress, _created = StepProgress.objects.update_or_create(
                enrolment=enrolment, step=step, defaults=values
            )
    except IntegrityError:  # a simultaneous submission of the same step: keep the one that won
        progress = StepProgress.objects.get(enrolment=enrolment, step=step)
    enrolment.last_progress_at = now
    enrolment.save(update_fields=["last_progress_at"])
    if status == StepProgress.Status.COMPLETED:
        _complete_if_finished(enrolment=enrolment)
    return progress


def _complete_if_finished(*, enrolment: Enrolment) -> Certificate | None:
    """Called under the enrolment lock after every completed step: certifies exactly when the last
    step of the track is completed, and only once."""
    if enrolment.completed_at is not None:
        return None
    step_ids = set(enrolment.track.steps.values_list("pk", flat=True))
    if not step_ids or not step_ids <= _completed_step_ids(enrolment):
        return None
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    profile = (
        AmbassadorProfile.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=enrolment.profile_id)
    )
    if enrolment.track.certifies and profile.level in (
        AmbassadorProfile.Level.APPLICANT,
        AmbassadorProfile.Level.TRAINEE,
    ):
        profile.level = AmbassadorProfile.Level.CERTIFIED
        profile.save(update_fields=["level", "updated_at"])
    return certificate_issue(profile=profile, level=profile.level, track=enrolment.track)


@transaction.atomic
def study_step_complete(*, enrolment: Enrolment, step: TrackStep) -> StepProgress:
    """The ambassador says they have studied the module (it is linked from the step)."""
    enrolment = _lock(enrolment)
    if step.kind != TrackStep.Kind.STUDY_MODULE:
        raise ValidationError(_("This step is not a module to study."))
    _require_open(enrolment=enrolment, step=step)
    return _progress_save(enrolment=enrolment, step=step, status=StepProgress.Status.COMPLETED)


def quiz_step_complete(*, enrolment: Enrolment, step: TrackStep) -> StepProgress:
    """Called by quiz_attempt_submit when a try passes (inside its transaction)."""
    enrolment = _lock(enrolment)
    _require_open(enrolment=enrolment, step=step)
    return _progress_save(enrolment=enrolment, step=step, status=StepProgress.Status.COMPLETED)


def workshops_for_step(*, profile: AmbassadorProfile, step: TrackStep):
    """Workshops the ambassador may name for a workshop step: it has started, is not cancelled, and
    (to co-facilitate or lead with a mentor) they are recorded as its co-facilitator."""
    queryset = (
        Workshop.objects.filter(
            status__in=[Workshop.Status.PUBLISHED, Workshop.Status.COMPLETED], starts_at__lte=timezone.now()
        )
        .select_related("district", "lead_facilitator__user")
        .order_by("-starts_at")
    )
    if step.kind == TrackStep.Kind.OBSERVE_WORKSHOP:
        return queryset.exclude(lead_facilitator=profile)
    return queryset.filter(co_facilitators=profile)


def step_confirmer_problem(*, profile: AmbassadorProfile, step: TrackStep, workshop: Workshop) -> str | None:
    """Why nobody could confirm this submission (None: someone can)."""
    if step.kind == TrackStep.Kind.COFACILITATE_WORKSHOP and workshop.lead_facilitator_id is None:
        return _("This workshop has no lead facilitator to confirm your part.")
    if step.kind == TrackStep.Kind.LEAD_UNDER_MENTOR:
        lead = workshop.lead_facilitator
        if not (lead and lead.is_master_trainer) and not (
            profile.mentor and profile.mentor.is_master_trainer
        ):
            return _(
                "A master trainer must confirm this step: either the workshop's lead facilitator is a "
                "master trainer, or your coordinator assigns you a mentor first."
            )
    return None


@transaction.atomic
def workshop_step_submit(*, enrolment: Enrolment, step: TrackStep, workshop: Workshop) -> StepProgress:
    """Observing completes at once; co-facilitating waits for the workshop's lead facilitator, leading
    under a mentor waits for a master trainer."""
    enrolment = _lock(enrolment)
    if not step.is_workshop_step:
        raise ValidationError(_("This step is not about a workshop."))
    _require_open(enrolment=enrolment, step=step)
    profile = enrolment.profile
    if not workshops_for_step(profile=profile, step=step).filter(pk=workshop.pk).exists():
        if step.kind == TrackStep.Kind.OBSERVE_WORKSHOP:
            raise ValidationError(_("Choose a workshop that has already taken place."))
        raise ValidationError(
            _("Choose a workshop that has already taken place and where you were a co-facilitator.")
        )
    if step.kind == TrackStep.Kind.OBSERVE_WORKSHOP:
        return _progress_save(
            enrolment=enrolment, step=step, status=StepProgress.Status.COMPLETED, workshop=workshop
        )
    problem = step_confirmer_problem(profile=profile, step=step, workshop=workshop)
    if problem:
        raise ValidationError(problem)
    return _progress_save(
        enrolment=enrolment, step=step, status=StepProgress.Status.WAITING, workshop=workshop
    )


def may_confirm(*, user, progress: StepProgress) -> bool:
    """Co-facilitation: the lead facilitator of that workshop. Leading under a mentor: a master
    trainer who led that workshop or mentors this trainee. Admins: both."""
    if not user.is_authenticated:
        return False
    if user.is_admin:
        return True
    profile = getattr(user, "ambassador_profile", None)
    workshop = progress.workshop
    if profile is None or workshop is None or profile.pk == progress.enrolment.profile_id:
        return False
    if progress.step.kind == TrackStep.Kind.COFACILITATE_WORKSHOP:
        return workshop.lead_facilitator_id == profile.pk
    if progress.step.kind == TrackStep.Kind.LEAD_UNDER_MENTOR:
        return profile.is_master_trainer and (
            workshop.lead_facilitator_id == profile.pk or progress.enrolment.profile.mentor_id == profile.pk
        )
    return False


@transaction.atomic
def step_progress_confirm(*, progress: StepProgress, actor) -> StepProgress:
    enrolment = _lock(progress.enrolment)
    progress = StepProgress.objects.select_related("step", "workshop", "enrolment__profile").get(
        pk=progress.pk
    )
    if not may_confirm(user=actor, progress=progress):
        raise ValidationError(_("You cannot confirm this step."))
    if progress.status != StepProgress.Status.WAITING:
        raise ValidationError(_("This step is not waiting for confirmation."))
    return _progress_save(
        enrolment=enrolment,
        step=progress.step,
        status=StepProgress.Status.COMPLETED,
        workshop=progress.workshop,
        actor=actor,
    )


@transaction.atomic
def step_progress_return(*, progress: StepProgress, actor, note: str) -> StepProgress:
    """Not confirmed, with a note the ambassador reads; they can submit the step again."""
    progress = (
        StepProgress.objects.select_for_update(of=("self",))
        .select_related("step", "workshop", "enrolment__profile")
        .get(pk=progress.pk)
    )
    if not may_confirm(user=actor, progress=progress):
        raise ValidationError(_("You cannot confirm this step."))
    if progress.status != StepProgress.Status.WAITING:
        raise ValidationError(_("This step is not waiting for confirmation."))
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Tell the ambassador why, so they know what to do next."))
    progress.status = StepProgress.Status.RETURNED
    progress.note = note[:500]
    progress.decided_by = actor
    progress.save(update_fields=["status", "note", "decided_by"])
    return progress
