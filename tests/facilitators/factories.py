import factory

from accounts.models import User
from facilitators.models import AmbassadorProfile
from tests import factories


class AmbassadorProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AmbassadorProfile

    user = factory.SubFactory(factories.UserFactory, role=User.Role.AMBASSADOR)
    level = AmbassadorProfile.Level.CERTIFIED
    languages = factory.LazyFunction(lambda: ["ur", "sd", "en"])
    gender = AmbassadorProfile.Gender.WOMAN
    district = factory.LazyFunction(lambda: factories.district("Karachi Central"))
