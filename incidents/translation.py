from modeltranslation.translator import TranslationOptions, register

from incidents.models import Category, Contact, ReplyTemplate


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "guidance")


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(ReplyTemplate)
class ReplyTemplateTranslationOptions(TranslationOptions):
    fields = ("title", "body")
