import datetime

import factory
from django.utils import timezone

from tests import factories
from tests.curriculum.factories import ModuleFactory, module_quiz
from workshops.models import Registration, Workshop, WorkshopTopic


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Staying safe online {n}")
    language = "ur"
    format = Workshop.Format.IN_PERSON
    district = factory.LazyFunction(lambda: factories.district("Karachi Central"))
    town = "Nazimabad"
    address = "Community hall, Block 3"
    venue_kind = Workshop.VenueKind.COMMUNITY_CENTRE
    audience = Workshop.Audience.EVERYONE
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda workshop: workshop.starts_at + datetime.timedelta(hours=2))
    capacity = 30
    status = Workshop.Status.PUBLISHED

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            for topic in extracted if extracted is not None else ["scams-fraud"]:
                WorkshopTopic.objects.create(workshop=self, topic=topic)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    workshop = factory.SubFactory(WorkshopFactory)
    name = "عائشہ خان"
    phone = factory.Sequence(lambda n: f"+92300{1000000 + n:07d}")
    language = "ur"
    consent = True
    status = Registration.Status.CONFIRMED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """As workshops.services does after every registration: the workshop's stored counts follow."""
        registration = super()._create(model_class, *args, **kwargs)
        Workshop.objects.filter(pk=registration.workshop_id).registration_counts_refresh()
        return registration


def quiz_workshop(*, started_minutes_ago=30, **kwargs):
    """A published workshop (Urdu unless `language` says otherwise) under way, using one module with
    the three-question quiz of tests.curriculum.factories. Returns (workshop, module, questions)."""
    starts = timezone.now() - datetime.timedelta(minutes=started_minutes_ago)
    workshop = WorkshopFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **kwargs)
    module = ModuleFactory(title_en="Fake payment messages", title_ur="جعلی ادائیگی کے پیغامات")
    questions = module_quiz(module)
    workshop.modules.add(module)
    return workshop, module, questions


def quiz_responses():
    """The quiz answers as a facilitator's report reads them: the answer buffer written first."""
    from workshops.models import QuizResponse
    from workshops.services import quiz_answers_flush

    quiz_answers_flush()
    return QuizResponse.objects.all()
