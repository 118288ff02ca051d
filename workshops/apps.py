from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed

        from common.cache import namespace_changed, retire_on_change
        from curriculum.models import Module, QuizAnswer, QuizQuestion
        from workshops.models import Registration, Workshop, WorkshopTopic
        from workshops.selectors import PUBLIC_LIST, QUIZ_QUESTIONS

        # The cached public list shows seats left: any workshop, topic or registration change retires it.
        retire_on_change(PUBLIC_LIST, Workshop, WorkshopTopic, Registration)
        # The cached quiz questions: any module, question or answer edit, or a workshop's modules changing.
        retire_on_change(QUIZ_QUESTIONS, Module, QuizQuestion, QuizAnswer)
        m2m_changed.connect(
            lambda **kwargs: namespace_changed(QUIZ_QUESTIONS),
            sender=Workshop.modules.through,
            weak=False,
            dispatch_uid="workshops-quiz-questions-modules",
        )
