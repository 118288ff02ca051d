from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from incidents.models import AuditEntry, Category, Contact, HandlerScope, ReplyTemplate


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ["name", "parent", "position", "active", "translations_reviewed"]
    list_filter = ["active", "parent"]


@admin.register(Contact)
class ContactAdmin(TranslationAdmin):
    list_display = ["name", "kind", "phone", "position", "active", "translations_reviewed"]
    list_filter = ["kind", "active"]
    filter_horizontal = ["categories"]


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(TranslationAdmin):
    list_display = ["title", "position", "translations_reviewed"]


@admin.register(HandlerScope)
class HandlerScopeAdmin(admin.ModelAdmin):
    list_display = ["user", "nationwide"]
    filter_horizontal = ["categories"]
    autocomplete_fields = []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            from accounts.models import User

            kwargs["queryset"] = User.objects.filter(role=User.Role.CASE_HANDLER)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Admins read the audit log; nobody adds, edits or deletes it, not even a superuser."""

    list_display = ["at", "actor", "action", "case_code", "detail"]
    list_filter = ["action"]
    search_fields = ["case_code", "actor__email"]
    date_hierarchy = "at"
    list_select_related = ["actor"]

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_admin

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_admin

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
