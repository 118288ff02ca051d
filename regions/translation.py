from modeltranslation.translator import TranslationOptions, register

from regions.models import District, Province


@register(Province)
class ProvinceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(District)
class DistrictTranslationOptions(TranslationOptions):
    fields = ("name",)
