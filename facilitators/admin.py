from django.contrib import admin

from facilitators.models import AmbassadorProfile


@admin.register(AmbassadorProfile)
class AmbassadorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "level", "district", "languages", "background"]
    list_filter = ["level", "background", "district__province"]
    search_fields = ["user__email", "user__full_name", "organisation"]
    autocomplete_fields = ["district"]
    raw_id_fields = ["user", "mentor"]
