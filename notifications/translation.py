from modeltranslation.translator import TranslationOptions, register

from notifications.models import Announcement


@register(Announcement)
class AnnouncementTranslationOptions(TranslationOptions):
    # Coordinators write in the languages they can; each ambassador gets theirs, else the fallback.
    fields = ("message",)
