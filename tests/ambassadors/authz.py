"""Who may open each ambassadors URL. Objects are built in Sindh (Karachi Central)."""

import datetime

from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.ambassadors.factories import (
    AmbassadorProfileFactory,
    ApplicationFactory,
    CertificateFactory,
    WorkshopFactory,
    enrol,
    full_track,
    trainee,
)
from tests.authz import Rule, everyone, only

ANY_COORDINATOR = {"coordinator": 200, "coordinator_elsewhere": 200, "admin": 200}
COORDINATORS = {"coordinator": 200, "admin": 200}
COORDINATOR_REDIRECT = {"coordinator": 302, "admin": 302}


def _own_profile(world):
    from ambassadors.models import Track
    from facilitators.models import AmbassadorProfile

    profile, _created = AmbassadorProfile.objects.get_or_create(
        user=world.users["ambassador"], defaults={"level": "trainee", "languages": ["ur"]}
    )
    enrol(profile, Track.objects.get(is_default=True)) if not profile.enrolments.exists() else None
    return profile


def _default_step(world, kind: str) -> str:
    from ambassadors.models import TrackStep

    _own_profile(world)
    step = TrackStep.objects.get(track__is_default=True, kind=kind)
    return step.pk


def welcome_url(world) -> str:
    from accounts.models import User

    user = User.objects.create_user(email=f"new{User.objects.count()}@hifazat.test")
    user.set_unusable_password()
    user.save()
    token = default_token_generator.make_token(user)
    return f"/en/ambassadors/welcome/{urlsafe_base64_encode(force_bytes(user.pk))}/{token}/"


def attempt_url(world) -> str:
    from ambassadors.models import QuizAttempt, TrackStep

    profile = _own_profile(world)
    step = TrackStep.objects.get(track__is_default=True, kind="pass_quiz")
    attempt = QuizAttempt.objects.create(
        profile=profile, quiz=step.quiz, step=step, language="en", order=[], submitted_at=timezone.now()
    )
    return f"/en/ambassadors/me/attempts/{attempt.pk}/"


def confirmation_url(world) -> str:
    from ambassadors.models import StepProgress

    track, steps = full_track()
    learner = trainee()
    enrolment = enrol(learner, track)
    workshop = WorkshopFactory(
        lead_facilitator=AmbassadorProfileFactory(),
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-2),
    )
    for key in ("study", "quiz", "observe"):
        StepProgress.objects.create(
            enrolment=enrolment, step=steps[key], status="completed", completed_at=timezone.now()
        )
    progress = StepProgress.objects.create(
        enrolment=enrolment, step=steps["cofacilitate"], status="waiting", workshop=workshop
    )
    return f"/en/ambassadors/me/confirmations/{progress.pk}/"


def certificate(suffix: str):
    return lambda world: f"/en/ambassadors/certificates/{CertificateFactory().code}/{suffix}"


def own_certificate_language(world) -> str:
    return f"/en/ambassadors/certificates/{CertificateFactory(profile=_own_profile(world)).code}/language/"


def review(suffix: str):
    return lambda world: f"/en/ambassadors/review/{ApplicationFactory().pk}/{suffix}"


def resend_url(world) -> str:
    from ambassadors.services import application_approve

    application = application_approve(
        application=ApplicationFactory(), actor=world.users["admin"], base_url="http://testserver/"
    )
    return f"/en/ambassadors/review/{application.pk}/resend/"


def directory(suffix: str, **kwargs):
    return lambda world: f"/en/ambassadors/directory/{AmbassadorProfileFactory(**kwargs).pk}/{suffix}"


RULES = {
    "ambassadors:apply": Rule("/en/ambassadors/apply/", everyone()),
    # Without an application in the session, the reference page sends people to the form.
    "ambassadors:applied": Rule("/en/ambassadors/apply/received/", everyone(302)),
    "ambassadors:welcome": Rule(welcome_url, everyone()),
    "ambassadors:certificate_verify": Rule("/en/certificates/verify/", everyone()),
    "ambassadors:home": Rule(
        lambda world: (_own_profile(world), "/en/ambassadors/me/")[1], only({"ambassador": 200})
    ),
    "ambassadors:step": Rule(
        lambda world: f"/en/ambassadors/me/steps/{_default_step(world, 'observe_workshop')}/",
        only({"ambassador": 200}),
    ),
    "ambassadors:quiz": Rule(
        lambda world: f"/en/ambassadors/me/steps/{_default_step(world, 'pass_quiz')}/quiz/",
        only({"ambassador": 200}),
    ),
    "ambassadors:attempt": Rule(attempt_url, only({"ambassador": 200})),
    "ambassadors:confirmations": Rule(
        lambda world: (_own_profile(world), "/en/ambassadors/me/confirmations/")[1],
        only({"ambassador": 200, "admin": 200}),
    ),
    # Only the workshop's lead (not in the world) or an admin may confirm.
    "ambassadors:confirmation_decide": Rule(
        confirmation_url, only({"admin": 302}), method="post", data={"decision": "confirm"}
    ),
    # The ambassador's certificate PDF: coordinators whose scope holds the ambassador, admins (and its owner).
    "ambassadors:certificate_pdf": Rule(certificate("certificate.pdf"), only(COORDINATORS)),
    "ambassadors:certificate_language": Rule(
        own_certificate_language, only({"ambassador": 302}), method="post", data={"language": "sd"}
    ),
    "ambassadors:certificate_revoke": Rule(
        certificate("revoke/"),
        only(COORDINATOR_REDIRECT),
        method="post",
        data={"reason": "Issued by mistake"},
    ),
    "ambassadors:review_queue": Rule("/en/ambassadors/review/", only(ANY_COORDINATOR)),
    "ambassadors:review_detail": Rule(review(""), only(COORDINATORS)),
    "ambassadors:review_approve": Rule(review("approve/"), only(COORDINATOR_REDIRECT), method="post"),
    "ambassadors:review_decline": Rule(
        review("decline/"),
        only(COORDINATOR_REDIRECT),
        method="post",
        data={"reason": "Outside our programme area"},
    ),
    "ambassadors:review_resend": Rule(resend_url, only(COORDINATOR_REDIRECT), method="post"),
    "ambassadors:directory": Rule("/en/ambassadors/directory/", only(ANY_COORDINATOR)),
    "ambassadors:directory_export": Rule("/en/ambassadors/directory/export.csv", only(ANY_COORDINATOR)),
    "ambassadors:directory_detail": Rule(directory(""), only(COORDINATORS)),
    "ambassadors:directory_mentor": Rule(
        directory("mentor/", level="trainee"), only(COORDINATOR_REDIRECT), method="post", data={"mentor": ""}
    ),
    "ambassadors:directory_enrol": Rule(
        lambda world: f"/en/ambassadors/directory/{AmbassadorProfileFactory().pk}/enrol/",
        only(COORDINATOR_REDIRECT),
        method="post",
        data={"track": ""},
    ),
    "ambassadors:directory_promote": Rule(directory("promote/"), only(COORDINATOR_REDIRECT), method="post"),
}
