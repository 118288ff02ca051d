from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from regions.models import District, Province


@admin.register(Province)
class ProvinceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "code", "position"]


@admin.register(District)
class DistrictAdmin(TabbedTranslationAdmin):
    list_display = ["name", "province", "active"]
    list_filter = ["province", "active"]
    search_fields = ["name_en", "name_ur", "name_sd", "name_ps"]
