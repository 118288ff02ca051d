from django.db import models
from django.utils.translation import gettext_lazy as _


class Background(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    STUDENT = "student", _("University or college student")
    WOMENS_GROUP = "womens_group", _("Member of a women-led community group")
    HEALTH_WORKER = "health_worker", _("Health worker (for example a Lady Health Worker)")
    CIVIL_SOCIETY = "civil_society", _("Civil-society worker")
    PARENT = "parent", _("Parent")
    OTHER = "other", _("Other")


class Availability(models.TextChoices):
    WEEKDAY_MORNINGS = "weekday_mornings", _("Weekday mornings")
    WEEKDAY_AFTERNOONS = "weekday_afternoons", _("Weekday afternoons")
    WEEKDAY_EVENINGS = "weekday_evenings", _("Weekday evenings")
    WEEKENDS = "weekends", _("Weekends")
    ONLINE = "online", _("Online sessions")
