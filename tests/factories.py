"""factory_boy factories shared by every test package. Regions come from the data migration."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.models import User
from regions.models import District, Province


def province(code: str) -> Province:
    return Province.objects.get(code=code)


def district(name: str, province_code: str | None = None) -> District:
    queryset = District.objects.filter(name_en=name)
    if province_code:
        queryset = queryset.filter(province__code=province_code)
    return queryset.get()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@hifazat.test")
    full_name = factory.Faker("name")
    role = User.Role.AMBASSADOR
    language = "ur"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "correct horse battery staple")
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def with_mfa(self, create, extracted, **kwargs):
        """`UserFactory(with_mfa=True)` gives the user an activated TOTP authenticator."""
        if create and extracted:
            TOTP.activate(self, generate_totp_secret())


def coordinator(province_code: str = "SD", **kwargs) -> User:
    return UserFactory(role=User.Role.COORDINATOR, province=province(province_code), **kwargs)


def case_handler(province_code: str = "SD", with_mfa: bool = True, **kwargs) -> User:
    return UserFactory(
        role=User.Role.CASE_HANDLER, province=province(province_code), with_mfa=with_mfa, **kwargs
    )


def admin_user(**kwargs) -> User:
    return UserFactory(role=User.Role.ADMIN, is_staff=True, is_superuser=True, with_mfa=True, **kwargs)
