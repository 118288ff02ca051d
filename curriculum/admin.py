from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from curriculum import services
from curriculum.forms import MaterialAdminForm
from curriculum.models import (
    Activity,
    Material,
    MaterialDownloadCount,
    Module,
    MythFactCard,
    OfflinePack,
    QuizAnswer,
    QuizQuestion,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["title", "slug", "position"]
    readonly_fields = ["slug"]  # stable: workshops and links rely on it


class ActivityInline(TranslationStackedInline):
    model = Activity
    extra = 0
    fields = ["position", "kind", "minutes", "title", "instructions"]


class MythFactCardInline(TranslationStackedInline):
    model = MythFactCard
    extra = 0
    fields = ["position", "myth", "fact"]


class QuizQuestionInline(TranslationStackedInline):
    model = QuizQuestion
    extra = 0
    fields = ["position", "text"]
    show_change_link = True  # the answers are edited on the question's own page


class MaterialInline(admin.TabularInline):
    model = Material
    extra = 0
    fields = ["title", "kind", "language", "size", "license"]
    readonly_fields = ["title", "kind", "language", "size", "license"]
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # uploads go through the material form, which checks the file


@admin.register(Module)
class ModuleAdmin(TabbedTranslationAdmin):
    list_display = [
        "title",
        "topic",
        "audience",
        "status_en",
        "status_ur",
        "status_sd",
        "status_ps",
        "updated_at",
    ]
    list_filter = ["topic", "audience", "level", "status_ur", "status_sd", "status_ps"]
    search_fields = ["slug", "title_en", "title_ur", "title_sd", "title_ps"]
    list_select_related = ["topic"]
    fieldsets = [
        (None, {"fields": ["slug", "topic", "audience", "level", "duration_minutes", "position"]}),
        (
            _("Translation status"),
            {
                "fields": [("status_en", "status_ur", "status_sd", "status_ps")],
                "description": _(
                    "Readers see their own language whenever its title is filled and it is not a "
                    "draft. “Needs review” is shown with a notice that the translation is "
                    "not yet reviewed; mark it published after a native speaker has reviewed it. "
                    "Keep a language in draft until every field is translated."
                ),
            },
        ),
        (
            _("Text"),
            {"fields": ["title", "summary", "objectives", "prerequisites", "body", "facilitator_notes"]},
        ),
    ]
    inlines = [ActivityInline, MythFactCardInline, QuizQuestionInline, MaterialInline]
    actions = ["regenerate_handouts"]

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.module_packs_refresh(module=form.instance)
        services.handouts_refresh(module=form.instance)  # each regenerated one refreshes the packs again

    @admin.action(description=_("Regenerate the handout PDFs from the module text"))
    def regenerate_handouts(self, request, queryset):
        count = 0
        for module in queryset.prefetch_related("cards"):
            for code in ("en", "ur", "sd", "ps"):
                if module.status_in(code) != "draft" and getattr(module, f"title_{code}"):
                    services.handout_generate(module=module, language=code)
                    count += 1
        self.message_user(
            request,
            ngettext("%(count)d handout regenerated.", "%(count)d handouts regenerated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


class QuizAnswerFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        if len(kept) < 2:
            raise ValidationError(_("A question needs at least two answers."))
        if sum(1 for answer in kept if answer.get("is_correct")) != 1:
            raise ValidationError(_("Mark exactly one answer as correct."))


class QuizAnswerInline(TranslationTabularInline):
    model = QuizAnswer
    formset = QuizAnswerFormSet
    extra = 3
    fields = ["position", "text", "is_correct"]


@admin.register(QuizQuestion)
class QuizQuestionAdmin(TabbedTranslationAdmin):
    list_display = ["text", "module", "position"]
    list_filter = ["module__topic"]
    list_select_related = ["module"]
    search_fields = ["text_en", "text_ur", "text_sd", "text_ps", "module__slug"]
    fields = ["module", "position", "text"]
    inlines = [QuizAnswerInline]


class DownloadCountInline(admin.TabularInline):
    model = MaterialDownloadCount
    extra = 0
    readonly_fields = ["language", "count"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    form = MaterialAdminForm
    list_display = ["title", "module", "kind", "language", "size", "generated", "updated_at"]
    list_filter = ["kind", "language", "generated"]
    list_select_related = ["module"]
    readonly_fields = ["content_type", "size", "sha256", "generated"]
    inlines = [DownloadCountInline]

    def save_model(self, request, obj, form, change):
        checked = getattr(form, "checked_file", None)
        if checked is not None:
            services.material_file_store(material=obj, uploaded=form.cleaned_data["file"], checked=checked)
        super().save_model(request, obj, form, change)
        services.module_packs_refresh(module=obj.module)

    def delete_model(self, request, obj):
        module = obj.module
        super().delete_model(request, obj)
        services.module_packs_refresh(module=module)


@admin.register(OfflinePack)
class OfflinePackAdmin(admin.ModelAdmin):
    list_display = ["module", "language", "status", "progress", "size", "built_at"]
    list_filter = ["status", "language"]
    readonly_fields = [field.name for field in OfflinePack._meta.fields]

    def has_add_permission(self, request):
        return False
