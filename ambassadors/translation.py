from modeltranslation.translator import TranslationOptions, register

from ambassadors.models import Choice, Question, Quiz, Track, TrackStep


@register(Track)
class TrackTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(TrackStep)
class TrackStepTranslationOptions(TranslationOptions):
    fields = ("title", "instructions")


@register(Quiz)
class QuizTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "explanation")


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("text",)
