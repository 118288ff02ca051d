from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from ambassadors.models import (
    Application,
    Certificate,
    Choice,
    Enrolment,
    Question,
    Quiz,
    QuizAttempt,
    StepProgress,
    Track,
    TrackStep,
)


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["reference", "full_name", "district", "background", "status", "created_at"]
    list_filter = ["status", "background", "province"]
    search_fields = ["reference", "full_name", "phone", "email"]
    readonly_fields = ["reference", "decided_by", "decided_at", "profile", "created_at"]
    autocomplete_fields = ["district"]


class TrackStepInline(TranslationStackedInline):
    model = TrackStep
    extra = 0
    fields = ["position", "kind", "title", "instructions", "module", "quiz", "prerequisites"]
    autocomplete_fields = ["module"]
    filter_horizontal = ["prerequisites"]


@admin.register(Track)
class TrackAdmin(TabbedTranslationAdmin):
    """Coordinators define tracks here ("women-only sessions", "school sessions"): steps in order,
    each with the steps it needs first."""

    list_display = ["name", "is_default", "certifies", "active", "position"]
    list_editable = ["active", "position"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [TrackStepInline]


@admin.register(TrackStep)
class TrackStepAdmin(TabbedTranslationAdmin):
    list_display = ["title", "track", "position", "kind"]
    list_filter = ["track", "kind"]
    filter_horizontal = ["prerequisites"]
    autocomplete_fields = ["module"]


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(TabbedTranslationAdmin):
    list_display = ["text", "quiz", "position"]
    list_filter = ["quiz"]
    inlines = [ChoiceInline]


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(Quiz)
class QuizAdmin(TabbedTranslationAdmin):
    list_display = [
        "title",
        "pass_mark",
        "cooldown_minutes",
        "status_en",
        "status_ur",
        "status_sd",
        "status_ps",
    ]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [QuestionInline]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["profile", "track", "enrolled_at", "completed_at"]
    list_filter = ["track"]
    raw_id_fields = ["profile"]


@admin.register(StepProgress)
class StepProgressAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "step", "status", "completed_at"]
    list_filter = ["status", "step__kind"]
    raw_id_fields = ["enrolment", "workshop", "decided_by"]


@admin.register(QuizAttempt)
class QuizAttemptAdmin(admin.ModelAdmin):
    list_display = ["profile", "quiz", "started_at", "submitted_at", "correct", "total", "passed"]
    list_filter = ["quiz", "passed"]
    raw_id_fields = ["profile", "step"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "track", "issued_at", "revoked_at"]
    list_filter = ["level", "track"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "issued_at"]
    raw_id_fields = ["profile", "revoked_by"]
