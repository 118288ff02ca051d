from django.contrib import admin

from ambassadors.models import AmbassadorProfile


@admin.register(AmbassadorProfile)
class AmbassadorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "level", "district", "languages"]
    list_filter = ["level", "district__province"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["district"]
    raw_id_fields = ["user"]
