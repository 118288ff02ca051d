"""The ambassador's own pages: training progress, steps, quizzes, confirmations, certificates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ambassadors import access, selectors, services
from ambassadors.certificate_pdf import certificate_pdf
from ambassadors.forms import CertificateLanguageForm, QuizForm, ReturnForm, WorkshopStepForm
from ambassadors.models import QuizAttempt, StepProgress, TrackStep
from common.http import or_404


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    profile = or_404(selectors.ambassador_profile_of(request.user))
    tracks = selectors.track_states(profile=profile)
    next_step = next((track.next_step for track in tracks if track.next_step), None)
    return render(
        request,
        "ambassadors/home.html",
        {
            "profile": profile,
            "tracks": tracks,
            "next_step": next_step,
            "upcoming": selectors.upcoming_facilitated(profile=profile),
            "reach": selectors.reach_of(profile=profile),
            "materials": selectors.materials_for(profile=profile),
            "certificates": list(profile.certificates.select_related("track")),
            "confirmations": selectors.confirmations_for(user=request.user).count(),
            "language_form": CertificateLanguageForm(
                initial={"language": profile.chosen_certificate_language}
            ),
        },
    )


@login_required
def step(request: HttpRequest, step_id: int) -> HttpResponse:
    profile = or_404(selectors.ambassador_profile_of(request.user))
    enrolment, track_step, state = or_404(selectors.enrolment_step(profile=profile, step_id=step_id))
    workshop_form = None
    if track_step.is_workshop_step:
        workshop_form = WorkshopStepForm(
            request.POST or None, workshops=services.workshops_for_step(profile=profile, step=track_step)
        )
    if request.method == "POST":
        try:
            if track_step.kind == TrackStep.Kind.STUDY_MODULE:
                services.study_step_complete(enrolment=enrolment, step=track_step)
                messages.success(request, _("Well done: this step is complete."))
                return redirect("ambassadors:home")
            if workshop_form is not None and workshop_form.is_valid():
                progress = services.workshop_step_submit(
                    enrolment=enrolment, step=track_step, workshop=workshop_form.cleaned_data["workshop"]
                )
                if progress.status == StepProgress.Status.COMPLETED:
                    messages.success(request, _("Well done: this step is complete."))
                else:
                    messages.success(
                        request, _("Sent for confirmation. You will see it here once it is confirmed.")
                    )
                return redirect("ambassadors:home")
        except ValidationError as error:
            _errors(request, error)
    next_try = None
    if track_step.kind == TrackStep.Kind.PASS_QUIZ and state.state in ("open", "returned"):
        next_try = services.quiz_next_try_at(profile=profile, step=track_step)
    return render(
        request,
        "ambassadors/step.html",
        {
            "enrolment": enrolment,
            "step": track_step,
            "state": state,
            "workshop_form": workshop_form,
            "next_try": next_try,
            "attempts": QuizAttempt.objects.filter(
                profile=profile, step=track_step, submitted_at__isnull=False
            )[:5]
            if track_step.kind == TrackStep.Kind.PASS_QUIZ
            else [],
        },
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
def quiz(request: HttpRequest, step_id: int) -> HttpResponse:
    profile = or_404(selectors.ambassador_profile_of(request.user))
    enrolment, track_step, state = or_404(selectors.enrolment_step(profile=profile, step_id=step_id))
    if track_step.kind != TrackStep.Kind.PASS_QUIZ:
        raise Http404
    language, unreviewed = selectors.quiz_language(track_step.quiz, translation.get_language())
    try:
        attempt = services.quiz_attempt_start(enrolment=enrolment, step=track_step, language=language)
    except ValidationError as error:
        _errors(request, error)
        return redirect("ambassadors:step", step_id=step_id)
    questions = selectors.attempt_questions(attempt=attempt, language=language)
    form = QuizForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        attempt = services.quiz_attempt_submit(attempt=attempt, answers=form.answers())
        return redirect("ambassadors:attempt", pk=attempt.pk)
    return render(
        request,
        "ambassadors/quiz.html",
        {
            "step": track_step,
            "quiz": track_step.quiz,
            "attempt": attempt,
            "form": form,
            "content_language": language,
            "unreviewed": unreviewed,
            "fell_back": language != translation.get_language(),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def attempt(request: HttpRequest, pk: int) -> HttpResponse:
    profile = or_404(selectors.ambassador_profile_of(request.user))
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("quiz", "step"), pk=pk, profile=profile, submitted_at__isnull=False
    )
    questions = selectors.attempt_questions(attempt=attempt, language=attempt.language)
    correct = {
        choice.question_id: choice.pk
        for question in questions
        for choice in question.question.choices.all()
        if choice.is_correct
    }
    next_try = None
    if not attempt.passed and attempt.step is not None:
        next_try = services.quiz_next_try_at(profile=profile, step=attempt.step)
    return render(
        request,
        "ambassadors/attempt.html",
        {
            "attempt": attempt,
            "questions": questions,
            "correct": correct,
            "next_try": next_try,
            "language": attempt.language,
        },
    )


@login_required
def confirmations(request: HttpRequest) -> HttpResponse:
    if selectors.ambassador_profile_of(request.user) is None and not request.user.is_admin:
        raise Http404
    items = list(selectors.confirmations_for(user=request.user))
    return render(request, "ambassadors/confirmations.html", {"items": items, "return_form": ReturnForm()})


@login_required
@require_POST
def confirmation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    progress = get_object_or_404(selectors.confirmations_for(user=request.user), pk=pk)
    try:
        if request.POST.get("decision") == "confirm":
            services.step_progress_confirm(progress=progress, actor=request.user)
            messages.success(request, _("Confirmed. Thank you for mentoring."))
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Tell the ambassador why, so they know what to do next."))
                return redirect("ambassadors:confirmations")
            services.step_progress_return(
                progress=progress, actor=request.user, note=form.cleaned_data["note"]
            )
            messages.success(request, _("The ambassador will see your note."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("ambassadors:confirmations")


@login_required
@require_POST
def certificate_language(request: HttpRequest, code: str) -> HttpResponse:
    profile = or_404(selectors.ambassador_profile_of(request.user))
    certificate = or_404(access.certificate_for(user=request.user, code=code))
    if certificate.profile_id != profile.pk:
        raise Http404
    form = CertificateLanguageForm(request.POST)
    if form.is_valid():
        services.certificate_language_set(certificate=certificate, language=form.cleaned_data["language"])
        messages.success(request, _("The certificate will be in the language you chose."))
    return redirect("ambassadors:home")


@login_required
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    """The PDF, for its ambassador, coordinators in scope and admins. The QR code points to the
    verify page in the certificate's language."""
    certificate = or_404(access.certificate_for(user=request.user, code=code))
    with translation.override(certificate.language):
        path = reverse("ambassadors:certificate_verify")
    verify_url = request.build_absolute_uri(f"{path}?code={certificate.display_code}")
    response = HttpResponse(
        certificate_pdf(certificate, verify_url=verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="hifazat-certificate-{certificate.code}-{certificate.language}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
