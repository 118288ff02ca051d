from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from notifications.models import Announcement, Delivery, UserPhone


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "channel", "recipient_name", "to", "status", "segments", "attempts"]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["to", "recipient_name", "kind"]
    list_select_related = ["district"]
    readonly_fields = [field.name for field in Delivery._meta.concrete_fields]

    def has_add_permission(self, request) -> bool:
        return False

    def get_fields(self, request, obj=None):
        """A message whose text carries a secret is not shown, here as in the log."""
        fields = super().get_fields(request, obj)
        if obj is not None and obj.sensitive:
            return [name for name in fields if name != "body"]
        return fields


@admin.register(Announcement)
class AnnouncementAdmin(TranslationAdmin):
    list_display = ["send_at", "district", "send_sms", "send_email", "cancelled_at"]
    list_select_related = ["district"]


@admin.register(UserPhone)
class UserPhoneAdmin(admin.ModelAdmin):
    list_display = ["user", "phone", "sms_enabled"]
    search_fields = ["user__email", "phone"]
    list_select_related = ["user"]
