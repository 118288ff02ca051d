import factory

from ambassadors.models import Application, Certificate, Choice, Enrolment, Question, Quiz, Track, TrackStep
from facilitators.models import AmbassadorProfile
from tests import factories
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import WorkshopFactory

__all__ = ["AmbassadorProfileFactory", "WorkshopFactory"]


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    full_name = "عائشہ سومرو"
    phone = factory.Sequence(lambda n: f"+92301{2000000 + n:07d}")
    email = factory.Sequence(lambda n: f"applicant{n}@hifazat.test")
    district = factory.LazyFunction(lambda: factories.district("Karachi Central"))
    province = factory.LazyAttribute(
        lambda application: application.district.province if application.district else None
    )
    languages_spoken = factory.LazyFunction(lambda: ["ur", "sd"])
    languages_taught = factory.LazyFunction(lambda: ["ur"])
    background = "teacher"
    organisation = "Government Girls High School"
    motivation = "I want my students and their parents to be safe from scams."
    availability = factory.LazyFunction(lambda: ["weekends"])
    consent = True
    language = "ur"


def trainee(**kwargs) -> AmbassadorProfile:
    return AmbassadorProfileFactory(level=AmbassadorProfile.Level.TRAINEE, **kwargs)


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"quiz-{n}")
    title_en = "Quiz"
    title_ur = "کوئز"
    pass_mark = 70
    cooldown_minutes = 60
    status_en = "published"
    status_ur = "needs_review"

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        """`QuizFactory(questions=4)`: that many questions, each with one right answer out of three."""
        if not create:
            return
        for position in range(1, (extracted if extracted is not None else 4) + 1):
            question = Question.objects.create(
                quiz=self, position=position, text_en=f"Question {position}?", text_ur=f"سوال {position}؟"
            )
            for index, correct in enumerate([True, False, False], start=1):
                Choice.objects.create(
                    question=question,
                    position=index,
                    is_correct=correct,
                    text_en=f"{'Right' if correct else 'Wrong'} {position}.{index}",
                    text_ur=f"{'درست' if correct else 'غلط'} {position}.{index}",
                )


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    slug = factory.Sequence(lambda n: f"track-{n}")
    name_en = factory.Sequence(lambda n: f"Track {n}")
    name_ur = factory.Sequence(lambda n: f"تربیت {n}")
    certifies = True


def step(track: Track, kind: str, position: int, *, after: list[TrackStep] = (), **kwargs) -> TrackStep:
    created = TrackStep.objects.create(
        track=track,
        kind=kind,
        position=position,
        title_en=f"{kind} {position}",
        title_ur=f"مرحلہ {position}",
        **kwargs,
    )
    created.prerequisites.set(after)
    return created


def full_track(*, module=None) -> tuple[Track, dict[str, TrackStep]]:
    """study -> quiz -> observe -> co-facilitate -> lead under a mentor, each needing the one before."""
    from curriculum.models import Module, Topic

    track = TrackFactory()
    module = module or Module.objects.create(
        slug=f"module-for-{track.slug}", topic=Topic.objects.first(), title_en="Module", status_en="published"
    )
    steps = {}
    steps["study"] = step(track, "study_module", 10, module=module)
    steps["quiz"] = step(track, "pass_quiz", 20, quiz=QuizFactory(), after=[steps["study"]])
    steps["observe"] = step(track, "observe_workshop", 30, after=[steps["quiz"]])
    steps["cofacilitate"] = step(track, "cofacilitate_workshop", 40, after=[steps["observe"]])
    steps["lead"] = step(track, "lead_under_mentor", 50, after=[steps["cofacilitate"]])
    return track, steps


def enrol(profile: AmbassadorProfile, track: Track) -> Enrolment:
    return Enrolment.objects.create(profile=profile, track=track)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    profile = factory.SubFactory(AmbassadorProfileFactory)
    level = "certified"
    name = factory.LazyAttribute(lambda certificate: certificate.profile.user.full_name)
    language = "ur"
