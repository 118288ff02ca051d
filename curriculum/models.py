"""Curriculum: topics, modules with an ordered lesson plan, myth/fact cards, downloadable materials
and offline packs.

Translated text uses django-modeltranslation (`title_en`, `title_ur`, ...). Whether a language may be
shown is a per-language status on the module (`status_en`, `status_ur`, `status_sd`, `status_ps`):
one explicit field per language, so the admin shows them side by side and a library page filters
on them without a join. Activities and cards follow their module's status in each language.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class TranslationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NEEDS_REVIEW = "needs_review", _("Needs review")
    PUBLISHED = "published", _("Published")


def status_field(verbose_name) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=16, choices=TranslationStatus.choices, default=TranslationStatus.DRAFT
    )


class Topic(models.Model):
    """One of the seed topics (data migration 0002). Workshops reference topics by foreign key."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title or self.slug


class ModuleQuerySet(models.QuerySet):
    def published_in(self, language: str):
        return self.filter(**{f"status_{language}": TranslationStatus.PUBLISHED})


class Module(models.Model):
    """A teachable unit (one workshop session). Its primary key and slug are stable: workshops and
    quizzes reference it."""

    class Audience(models.TextChoices):
        GENERAL = "general", _("Everyone")
        WOMEN = "women", _("Women")
        YOUTH = "youth", _("Youth and students")
        PARENTS = "parents", _("Parents")
        ELDERLY = "elderly", _("Elderly people")

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="modules"
    )
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.GENERAL
    )
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.BEGINNER)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=90, validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    title = models.CharField(_("title"), max_length=160)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(
        _("learning objectives"), blank=True, help_text=_("One objective per line.")
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    facilitator_notes = models.TextField(_("facilitator notes"), blank=True, help_text=_("Markdown."))
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown. Limited HTML is removed."))

    status_en = status_field(_("status (English)"))
    status_ur = status_field(_("status (Urdu)"))
    status_sd = status_field(_("status (Sindhi)"))
    status_ps = status_field(_("status (Pashto)"))

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ModuleQuerySet.as_manager()

    class Meta:
        ordering = ["topic__position", "position", "slug"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return self.title or self.slug

    def status_in(self, language: str) -> str:
        return getattr(self, f"status_{language}")

    def objective_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in (self.objectives or "").splitlines() if line.strip(" -•\t")]


class Activity(models.Model):
    """One step of a module's lesson plan. Kinds follow ADIDS (activity, discussion, input,
    deepening, synthesis), the structure trainers know from the Security Education Companion."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("Activity")
        DISCUSSION = "discussion", _("Discussion")
        INPUT = "input", _("Input")
        DEEPENING = "deepening", _("Deepening")
        SYNTHESIS = "synthesis", _("Synthesis")

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="activities"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ACTIVITY)
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=10, validators=[MaxValueValidator(300)])
    title = models.CharField(_("title"), max_length=160)
    instructions = models.TextField(_("instructions"), blank=True)

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name = _("lesson activity")
        verbose_name_plural = _("lesson activities")

    def __str__(self) -> str:
        return self.title


class MythFactCard(models.Model):
    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="cards"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    myth = models.TextField(_("myth"))
    fact = models.TextField(_("fact"))

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name = _("myth/fact card")
        verbose_name_plural = _("myth/fact cards")

    def __str__(self) -> str:
        return (self.myth or "")[:60]


class QuizQuestion(models.Model):
    """One multiple-choice question of a module's short knowledge quiz, asked before and after a
    workshop (on a phone or on paper) to measure what participants learnt. Questions follow their
    module's translation status in each language, like activities and cards."""

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="quiz_questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=300)

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")

    def __str__(self) -> str:
        return (self.text or "")[:60]


class QuizAnswer(models.Model):
    question = models.ForeignKey(
        QuizQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("answer"), max_length=200)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            # "Exactly one" needs the whole set of answers: the admin's formset checks "at least one".
            models.UniqueConstraint(
                fields=["question"], condition=Q(is_correct=True), name="quiz_answer_one_correct"
            )
        ]

    def __str__(self) -> str:
        return (self.text or "")[:60]


def material_upload_to(material: "Material", filename: str) -> str:
    # The stored name never comes from the uploader: it is rebuilt from what we know.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"curriculum/materials/{material.module_id}/{material.kind}-{material.language}.{extension}"


class Material(models.Model):
    """A downloadable file of a module in one language (a handout in Urdu, the same handout in
    Sindhi is another row). Type, size and checksum are taken from the content at upload."""

    class Kind(models.TextChoices):
        HANDOUT = "handout", _("Handout")
        SLIDES = "slides", _("Slides")
        POSTER = "poster", _("Poster")
        AUDIO = "audio", _("Audio")

    DEFAULT_LICENSE = "CC BY-SA 4.0"

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="materials"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.HANDOUT)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=160)
    file = models.FileField(_("file"), upload_to=material_upload_to, max_length=255)
    content_type = models.CharField(_("content type"), max_length=80, editable=False)
    extension = models.CharField(_("file extension"), max_length=8, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    license = models.CharField(_("license"), max_length=80, default=DEFAULT_LICENSE)
    attribution = models.CharField(
        _("attribution"), max_length=240, blank=True, default="Hifazat contributors"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    generated = models.BooleanField(
        _("generated from the module"),
        default=False,
        editable=False,
        help_text=_("Handouts generated from the module's text are regenerated when it changes."),
    )
    # SHA-256 of the HTML a generated handout was made from: a different one means the text changed.
    source_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["module", "position", "kind", "language", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def download_name(self) -> str:
        """A file name safe in any browser and file system, whatever the title says."""
        return f"hifazat-{self.module.slug}-{self.kind}-{self.language}.{self.extension or 'bin'}"


class MaterialDownloadCount(models.Model):
    """How many times a material was downloaded, per language. No user, no address: a counter."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="download_counts")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["material", "language"], name="material_download_count_unique")
        ]
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")

    def __str__(self) -> str:
        return f"{self.material_id} {self.language}: {self.count}"


def pack_upload_to(pack: "OfflinePack", filename: str) -> str:
    return f"curriculum/packs/{pack.module_id}/{filename}"


class OfflinePack(models.Model):
    """A zip of one module in one language (printable HTML, fonts, materials), built by Celery.

    `fingerprint` is a hash of everything the pack contains; when the module or a material changes
    the current fingerprint differs and the pack is rebuilt."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be prepared")
        BUILDING = "building", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="packs"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to=pack_upload_to, max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64, blank=True)
    wanted_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    built_at = models.DateTimeField(_("built"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=240, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["module", "language"], name="offline_pack_unique")]
        verbose_name = _("offline pack")
        verbose_name_plural = _("offline packs")

    def __str__(self) -> str:
        return f"{self.module.slug} ({self.language})"

    @property
    def download_name(self) -> str:
        return f"hifazat-{self.module.slug}-{self.language}.zip"
