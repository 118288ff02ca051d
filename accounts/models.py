from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager):
    """Users sign in by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, role=User.Role.ADMIN)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        AMBASSADOR = "ambassador", _("Ambassador")
        CASE_HANDLER = "case_handler", _("Case handler")
        TRANSLATOR = "translator", _("Translator")
        ADMIN = "admin", _("Admin")

    # Roles whose accounts guard confidential data: they must set up MFA before anything else.
    MFA_REQUIRED_ROLES = {Role.CASE_HANDLER, Role.ADMIN}

    username = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.AMBASSADOR)
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The whole province is in scope unless districts are chosen."),
    )
    districts = models.ManyToManyField(
        "regions.District",
        verbose_name=_("districts"),
        blank=True,
        related_name="+",
        help_text=_("Narrows the scope to these districts."),
    )
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="ur"
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.role == self.Role.ADMIN

    @property
    def requires_mfa(self) -> bool:
        return self.is_admin or self.is_staff or self.role in self.MFA_REQUIRED_ROLES

    def has_role(self, *roles: str) -> bool:
        return self.is_admin or self.role in roles
