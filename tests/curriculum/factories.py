"""Curriculum test data. Topics come from the data migration (their slugs are stable)."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from curriculum import services
from curriculum.models import (
    Activity,
    Material,
    Module,
    MythFactCard,
    QuizAnswer,
    QuizQuestion,
    Topic,
    TranslationStatus,
)

# A small but real PDF (one empty page), enough for puremagic and a browser.
PDF_BYTES = (
    (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    + b"%"
    + bytes(range(256)) * 8
    + b"\n"
)


def topic(slug: str = "scams-fraud") -> Topic:
    """A seed topic: the data migration made it, and tests/conftest.py puts it back after a flush."""
    return Topic.objects.get(slug=slug)


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    slug = factory.Sequence(lambda n: f"module-{n}")
    topic = factory.LazyFunction(topic)
    title_en = factory.Sequence(lambda n: f"Spotting fake SMS {n}")
    title_ur = factory.Sequence(lambda n: f"جعلی ایس ایم ایس کی پہچان {n}")
    summary_en = "Learn to recognise fake payment messages."
    summary_ur = "جعلی ادائیگی کے پیغامات پہچاننا سیکھیں۔"
    objectives_en = "Recognise a fake SMS\nReport it"
    objectives_ur = "جعلی پیغام پہچانیں\nاس کی شکایت کریں"
    body_en = "Never share your **OTP**."
    body_ur = "اپنا **او ٹی پی** کبھی کسی کو نہ بتائیں۔"
    status_en = TranslationStatus.PUBLISHED
    status_ur = TranslationStatus.PUBLISHED


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    module = factory.SubFactory(ModuleFactory)
    position = factory.Sequence(int)
    kind = Activity.Kind.ACTIVITY
    minutes = 15
    title_en = "Sort real and fake messages"
    title_ur = "اصلی اور جعلی پیغامات الگ کریں"
    instructions_en = "Give each group five printed messages."
    instructions_ur = "ہر گروپ کو پانچ چھپے ہوئے پیغامات دیں۔"


class MythFactCardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MythFactCard

    module = factory.SubFactory(ModuleFactory)
    position = factory.Sequence(int)
    myth_en = "The bank may ask for your OTP."
    myth_ur = "بینک آپ سے او ٹی پی مانگ سکتا ہے۔"
    fact_en = "No bank ever asks for your OTP."
    fact_ur = "کوئی بینک کبھی او ٹی پی نہیں مانگتا۔"


def pdf_upload(name: str = "handout.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def material(
    module: Module | None = None, *, language: str = "ur", kind: str = Material.Kind.HANDOUT, **kwargs
) -> Material:
    return services.material_create(
        module=module or ModuleFactory(),
        kind=kind,
        language=language,
        title=kwargs.pop("title", "ہینڈ آؤٹ"),
        uploaded=kwargs.pop("uploaded", None) or pdf_upload(),
        **kwargs,
    )


# Three questions (English, Urdu); the answer marked True is the right one.
QUIZ = [
    (
        ("Who may ask you for the OTP in your SMS?", "آپ کے ایس ایم ایس والا او ٹی پی کون مانگ سکتا ہے؟"),
        [
            (("Your bank", "آپ کا بینک"), False),
            (("Nobody", "کوئی نہیں"), True),
            (("A prize caller", "انعام والا"), False),
        ],
    ),
    (
        ("Which number sends real BISP messages?", "بی آئی ایس پی کے اصل پیغامات کس نمبر سے آتے ہیں؟"),
        [(("8171", "8171 سے"), True), (("Any number", "کسی بھی نمبر سے"), False)],
    ),
    (
        ("A caller says you won a car. What is it?", "کال کرنے والا کہتا ہے آپ نے گاڑی جیتی ہے۔ یہ کیا ہے؟"),
        [
            (("Good luck", "خوش قسمتی"), False),
            (("Fraud", "دھوکا"), True),
            (("A bank offer", "بینک کی پیشکش"), False),
        ],
    ),
]


def module_quiz(module: Module) -> list[QuizQuestion]:
    """Give `module` the three-question quiz above (English and Urdu)."""
    questions = []
    for position, ((text_en, text_ur), answers) in enumerate(QUIZ):
        question = QuizQuestion.objects.create(
            module=module, position=position, text_en=text_en, text_ur=text_ur
        )
        for place, ((answer_en, answer_ur), correct) in enumerate(answers):
            QuizAnswer.objects.create(
                question=question, position=place, text_en=answer_en, text_ur=answer_ur, is_correct=correct
            )
        questions.append(question)
    return questions
