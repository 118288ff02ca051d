"""Demo data for `make run`: the default track (with a study step per starter module), a second
track, the demo ambassador certified with her certificate and part-way through the second track,
a trainee half-way through, and applications waiting in the coordinator's queue. Idempotent."""

from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from ambassadors.models import Application, Certificate, Enrolment, StepProgress, Track, TrackStep
from ambassadors.services import certificate_issue
from ambassadors.starter import default_track_load
from facilitators.models import AmbassadorProfile
from regions.models import District

ORDER = 30  # after accounts (0), workshops and curriculum (20)

WOMEN_TRACK = {
    "slug": "women-only-sessions",
    "name_en": "Women-only sessions",
    "name_ur": "صرف خواتین کے سیشن",
    "name_sd": "رڳو عورتن جا سيشن",
    "name_ps": "یوازې د ښځو غونډې",
    "description_en": "For certified ambassadors who will lead sessions for women and girls: safe spaces, "
    "handling disclosures of harassment, and referral.",
    "description_ur": "ان سند یافتہ سفیروں کے لیے جو خواتین اور لڑکیوں کے سیشن کروائیں گی: محفوظ ماحول، ہراسانی کی"
    " بات سننا، اور مدد کے لیے رہنمائی۔",
}

APPLICATIONS = [
    # name, phone, district, background, languages taught, language
    ("سسئی چانڊيو", "+923331234501", "Hyderabad", "womens_group", ["sd"], "sd"),
    ("Kamran Shaikh", "+923451234502", "Karachi Central", "student", ["ur", "en"], "en"),
    ("نسرین بی بی", "+923001234503", "Sukkur", "health_worker", ["ur", "sd"], "ur"),
    ("گل خان", "+923151234504", "Lahore", "parent", ["ur", "ps"], "ps"),
]


def _women_track() -> Track:
    track, created = Track.objects.get_or_create(
        slug=WOMEN_TRACK["slug"], defaults={"certifies": False, "position": 10}
    )
    if created:
        for name, value in WOMEN_TRACK.items():
            setattr(track, name, value)
        track.save()
        observe = TrackStep.objects.create(
            track=track,
            kind=TrackStep.Kind.OBSERVE_WORKSHOP,
            position=10,
            title_en="Observe a women-only session",
            title_ur="صرف خواتین کے ایک سیشن کا مشاہدہ کریں",
        )
        cofacilitate = TrackStep.objects.create(
            track=track,
            kind=TrackStep.Kind.COFACILITATE_WORKSHOP,
            position=20,
            title_en="Co-facilitate a women-only session",
            title_ur="صرف خواتین کے ایک سیشن میں شریک سہولت کار بنیں",
        )
        cofacilitate.prerequisites.add(observe)
    return track


def _complete(enrolment: Enrolment, steps) -> None:
    now = timezone.now()
    for step in steps:
        StepProgress.objects.get_or_create(
            enrolment=enrolment,
            step=step,
            defaults={"status": StepProgress.Status.COMPLETED, "completed_at": now},
        )


@transaction.atomic
def load() -> list[str]:
    lines = default_track_load()
    default = Track.objects.get(is_default=True)
    women = _women_track()

    user = User.objects.filter(email="ambassador@hifazat.example").first()
    profile = AmbassadorProfile.objects.filter(user=user).first() if user else None
    if profile is not None:
        if not profile.background:
            profile.background = "teacher"
            profile.organisation = "Government Girls Secondary School, Nazimabad"
            profile.availability = ["weekday_afternoons", "weekends"]
            profile.languages_spoken = ["ur", "sd", "en"]
            profile.phone = profile.phone or "+923001234567"
            profile.save()
        enrolment, _created = Enrolment.objects.get_or_create(profile=profile, track=default)
        _complete(enrolment, default.steps.all())
        if enrolment.completed_at is None:
            enrolment.completed_at = timezone.now()
            enrolment.save(update_fields=["completed_at"])
        certificate = Certificate.objects.filter(profile=profile, track=default).first() or certificate_issue(
            profile=profile, level=AmbassadorProfile.Level.CERTIFIED, track=default
        )
        second, _created = Enrolment.objects.get_or_create(profile=profile, track=women)
        _complete(second, women.steps.filter(position=10))
        lines.append(
            f"Ambassadors: {user.email} is certified; certificate {certificate.display_code} "
            f"(check it at /en/certificates/verify/?code={certificate.display_code})."
        )

    trainee_user, created = User.objects.get_or_create(
        email="trainee@hifazat.example",
        defaults={"full_name": "بلال چانڊيو", "role": User.Role.AMBASSADOR, "language": "sd"},
    )
    if created:
        from allauth.account.models import EmailAddress

        trainee_user.set_password(DEMO_PASSWORD)
        trainee_user.province_id = (
            District.objects.filter(name_en="Hyderabad").values_list("province_id", flat=True).first()
        )
        trainee_user.save()
        EmailAddress.objects.create(user=trainee_user, email=trainee_user.email, verified=True, primary=True)
    trainee, _created = AmbassadorProfile.objects.get_or_create(
        user=trainee_user,
        defaults={
            "level": AmbassadorProfile.Level.TRAINEE,
            "languages": ["sd", "ur"],
            "languages_spoken": ["sd", "ur", "en"],
            "district": District.objects.filter(name_en="Hyderabad").first(),
            "gender": AmbassadorProfile.Gender.MAN,
            "background": "student",
            "organisation": "University of Sindh, Jamshoro",
            "availability": ["weekday_evenings", "weekends"],
            "mentor": None,
        },
    )
    enrolment, _created = Enrolment.objects.get_or_create(profile=trainee, track=default)
    _complete(enrolment, default.steps.filter(kind=TrackStep.Kind.STUDY_MODULE))
    lines.append(
        f"Ambassadors: trainee {trainee_user.email} ({DEMO_PASSWORD}) has studied the modules; the quiz is next."
    )

    lines += _practicum(default)
    created_applications = 0
    for name, phone, district_name, background, taught, language in APPLICATIONS:
        if Application.objects.filter(phone=phone).exists():
            continue
        district = District.objects.filter(name_en=district_name).select_related("province").first()
        Application.objects.create(
            full_name=name,
            phone=phone,
            district=district,
            province=district.province if district else None,
            background=background,
            languages_spoken=list(dict.fromkeys([*taught, "ur"])),
            languages_taught=taught,
            motivation="I have seen people in my area lose money to fake BISP messages and want to help.",
            availability=["weekends"],
            consent=True,
            language=language,
        )
        created_applications += 1
    lines.append(f"Ambassadors: {created_applications} applications added to the review queue.")
    return lines


def _practicum(default: Track) -> list[str]:
    """The trainee who co-facilitated a past demo session (workshops/demo_past.py) has done every step
    before it and submitted her co-facilitation: it waits for the lead, the demo ambassador, to confirm
    at /en/ambassadors/me/confirmations/. Through the training services, in the track's order."""
    from ambassadors.services.training import quiz_step_complete, study_step_complete, workshop_step_submit
    from workshops.demo_past import PRACTICUM_EMAIL
    from workshops.models import Workshop

    profile = AmbassadorProfile.objects.filter(user__email=PRACTICUM_EMAIL).first()
    if profile is None:
        return []
    cofacilitated = Workshop.objects.filter(co_facilitators=profile).order_by("starts_at").first()
    observed = (
        Workshop.objects.filter(status=Workshop.Status.COMPLETED, starts_at__lt=timezone.now())
        .exclude(pk=getattr(cofacilitated, "pk", None))
        .order_by("starts_at")
        .first()
    )
    if cofacilitated is None or observed is None:
        return []
    enrolment, _created = Enrolment.objects.get_or_create(profile=profile, track=default)
    done = set(enrolment.progress.values_list("step_id", flat=True))
    for step in default.steps.order_by("position"):
        if step.pk in done:
            continue
        if step.kind == TrackStep.Kind.STUDY_MODULE:
            study_step_complete(enrolment=enrolment, step=step)
        elif step.kind == TrackStep.Kind.PASS_QUIZ:
            quiz_step_complete(enrolment=enrolment, step=step)
        elif step.kind == TrackStep.Kind.OBSERVE_WORKSHOP:
            workshop_step_submit(enrolment=enrolment, step=step, workshop=observed)
        elif step.kind == TrackStep.Kind.COFACILITATE_WORKSHOP:
            workshop_step_submit(enrolment=enrolment, step=step, workshop=cofacilitated)
            break
        else:
            break
    return [
        f"Ambassadors: trainee {PRACTICUM_EMAIL} ({DEMO_PASSWORD}) co-facilitated “{cofacilitated.title}”; "
        "her step waits for ambassador@hifazat.example to confirm it at /en/ambassadors/me/confirmations/."
    ]
