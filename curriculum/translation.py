from modeltranslation.translator import TranslationOptions, register

from curriculum.models import Activity, Module, MythFactCard, QuizAnswer, QuizQuestion, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Module)
class ModuleTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "objectives", "prerequisites", "facilitator_notes", "body")


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("title", "instructions")


@register(MythFactCard)
class MythFactCardTranslationOptions(TranslationOptions):
    fields = ("myth", "fact")


@register(QuizQuestion)
class QuizQuestionTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(QuizAnswer)
class QuizAnswerTranslationOptions(TranslationOptions):
    fields = ("text",)
