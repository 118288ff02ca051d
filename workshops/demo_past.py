"""Past demo sessions for `make run`, so the dashboard, the public impact page, the workshop reports
and the ambassadors' practicum have something real to show (called by workshops/demo.py).

Fifteen sessions held between 5 and 40 days before the first `demo_data`, five in each of Sindh,
Punjab and Khyber Pakhtunkhwa (fifteen districts), led by seven ambassadors: registrations ticked
present, walk-ins, paper quiz totals and phone quiz scores before and after, feedback and the
facilitator's report. Two were held offline and are recorded afterwards (`workshop_record_past`).
Every workshop and people figure the public impact page shows is 5 or more, so none reads "fewer
than 5". A trainee (practicum@hifazat.example) co-facilitated the first one: her practicum step
waits for the demo ambassador to confirm it (ambassadors/demo.py).

Writes go through the services, except two kinds of row the services rightly refuse once a session
is over: registrations (`registration_create` accepts them only while registration is open) and
phone quiz scores (`quiz_response_submit` only while the quiz is open). Those are created directly,
exactly as the services would have left them. Idempotent: a session is found again by its title.
"""

import datetime

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from facilitators.models import AmbassadorProfile
from regions.models import District, Province
from workshops.models import QuizResponse, QuizStage, Registration, Workshop
from workshops.selectors import quiz_question_count
from workshops.services import (
    attendance_record,
    facilitator_report_save,
    feedback_submit,
    quiz_tally_record,
    workshop_complete,
    workshop_create,
    workshop_publish,
    workshop_record_past,
)

PRACTICUM_EMAIL = "practicum@hifazat.example"

# key: email, full name, level, gender, languages taught, district, province code, can sign in
# fmt: off
FACILITATORS = {
    "ayesha": ("ambassador@hifazat.example", None, None, None, None, None, None, True),
    "sara": (PRACTICUM_EMAIL, "Sara Memon", "trainee", "woman", ["ur", "en"], "Karachi Central", "SD", True),
    "marvi": ("marvi@hifazat.example", "ماروي شاهه", "master_trainer", "woman", ["sd", "ur"], "Hyderabad", "SD", False),
    "ali": ("ali.jatoi@hifazat.example", "علي حسن جتوئي", "certified", "man", ["sd", "ur"], "Larkana", "SD", False),
    "zainab": ("zainab@hifazat.example", "زینب قریشی", "certified", "woman", ["ur", "en"], "Lahore", "PB", False),
    "hamza": ("hamza@hifazat.example", "حمزہ رشید", "certified", "man", ["ur", "en"], "Multan", "PB", False),
    "gul": ("gul.rahman@hifazat.example", "ګل رحمان", "certified", "man", ["ps", "ur"], "Peshawar", "KP", False),
    "shabana": ("shabana@hifazat.example", "شبانه ګل", "certified", "woman", ["ps", "ur"], "Mardan", "KP", False),
}
# fmt: on

NAMES = [
    "رخسانہ بی بی",
    "محمد عارف",
    "شازیہ پروین",
    "عبدالغفور",
    "نازیہ خان",
    "فرزانہ اختر",
    "عمران علی",
    "سمیرا ناز",
    "ساجد حسین",
    "ثمینہ کوثر",
    "کرن شہزادی",
    "بلال احمد",
    "زاہدہ پروین",
    "اسد اللہ",
]

S, H, M, R = "scams-fraud", "harassment-social-media", "misinformation", "rights-privacy"
FEEDBACK = [
    (4, "more", True), (4, "more", True), (3, "more", True), (4, "more", True),
    (3, "same", True), (2, "same", False), (4, "more", True), (3, "more", True),
]  # fmt: skip

# title, district, province, town, venue, language, topics, days ago, women only, lead, co-facilitators,
# registered, ticked present, walk-ins {(gender, age band): n}, share right (before, after), feedback
# answers, recorded afterwards. Five per province, two topics each: every public figure is 5 or more.
PAST = [
    ("Fake BISP messages: how to tell", "Karachi Central", "SD", "Nazimabad", "community_centre", "ur",
     [S, R], 40, False, "ayesha", ["sara"], 16, 13, {("women", "30_49"): 6, ("men", "50_plus"): 3},
     (0.42, 0.81), 8, False),
    ("Blackmail and fake accounts: where to find help", "Hyderabad", "SD", "Latifabad", "womens_centre", "sd",
     [H, R], 26, True, "marvi", [], 12, 11, {("women", "18_29"): 7, ("women", "under_18"): 4},
     (0.38, 0.77), 7, False),
    ("Privacy settings for the whole family", "Larkana", "SD", "Larkana city", "health_unit", "sd",
     [R, S], 9, False, "ali", [], 0, 0, {("women", "30_49"): 11, ("women", "18_29"): 6, ("men", "30_49"): 7},
     (0.40, 0.75), 6, True),
    ("Online loan apps and scam calls", "Sukkur", "SD", "New Sukkur", "union_council", "sd",
     [S, M], 5, False, "ayesha", [], 13, 10, {("men", "18_29"): 6, ("women", "50_plus"): 3},
     (0.45, 0.79), 6, False),
    ("Forwarded videos and false news", "Thatta", "SD", "Makli", "school", "sd",
     [M, H], 33, False, "ali", [], 15, 12, {("women", "18_29"): 5, ("men", "under_18"): 4},
     (0.36, 0.70), 7, False),
    ("Checking forwarded news before you share", "Lahore", "PB", "Model Town", "college", "ur",
     [M, S], 19, False, "zainab", [], 14, 12, {("men", "18_29"): 5, ("women", "18_29"): 4},
     (0.50, 0.84), 7, False),
    ("Safe social media for college students", "Rawalpindi", "PB", "Satellite Town", "college", "ur",
     [H, R], 23, False, "zainab", [], 18, 15, {("women", "18_29"): 6},
     (0.47, 0.83), 8, False),
    ("Fake prize and lottery calls", "Multan", "PB", "Gulgasht", "community_centre", "ur",
     [S, M], 14, False, "hamza", [], 12, 10, {("men", "50_plus"): 5, ("women", "50_plus"): 4},
     (0.33, 0.71), 6, False),
    ("Protecting your WhatsApp account", "Faisalabad", "PB", "Peoples Colony", "union_council", "ur",
     [R, H], 28, False, "hamza", [], 11, 9, {("men", "30_49"): 5, ("women", "30_49"): 4},
     (0.41, 0.78), 6, False),
    ("Mobile wallet safety for shopkeepers", "Bahawalpur", "PB", "Model Town B", "community_centre", "ur",
     [S, R], 7, False, "zainab", [], 0, 0, {("men", "30_49"): 9, ("women", "30_49"): 5, ("men", "50_plus"): 4},
     (0.39, 0.74), 6, True),
    ("Your phone, your privacy (Pashto)", "Peshawar", "KP", "Hayatabad", "school", "ps",
     [R, S], 12, False, "gul", [], 10, 9, {("men", "30_49"): 6, ("women", "30_49"): 5},
     (0.35, 0.72), 6, False),
    ("Harassment online: what you can do", "Mardan", "KP", "Sheikh Maltoon", "womens_centre", "ps",
     [H, R], 21, True, "shabana", [], 10, 9, {("women", "18_29"): 6},
     (0.37, 0.76), 7, False),
    ("Rumours after the floods", "Swat", "KP", "Mingora", "union_council", "ps",
     [M, H], 30, False, "gul", [], 12, 10, {("men", "18_29"): 4, ("women", "18_29"): 5},
     (0.44, 0.80), 6, False),
    ("Scam calls in the name of the bank", "Abbottabad", "KP", "Supply", "college", "ur",
     [S, M], 16, False, "shabana", [], 14, 11, {("women", "18_29"): 5},
     (0.48, 0.82), 7, False),
    ("Checking news with your children", "Charsadda", "KP", "Charsadda city", "school", "ps",
     [M, R], 37, False, "gul", [], 9, 8, {("women", "30_49"): 6, ("men", "30_49"): 3},
     (0.34, 0.69), 6, False),
]  # fmt: skip

REPORT = {
    "notes": "People came early and stayed after the session to ask about messages on their own phones.",
    "issues_raised": "Several people had received fake prize messages in the last month; two had shared a code.",
    "follow_ups": "Print more handouts in the local language; visit the girls' college next month.",
}


def _facilitator(key: str) -> AmbassadorProfile | None:
    email, name, level, gender, languages, district_name, province_code, can_sign_in = FACILITATORS[key]
    user = User.objects.filter(email=email).first()
    if name is None:  # the demo ambassador: workshops/demo.py made her profile already
        return AmbassadorProfile.objects.filter(user=user).first() if user else None
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD if can_sign_in else None,
            full_name=name,
            role=User.Role.AMBASSADOR,
            language=languages[0],
            province=Province.objects.filter(code=province_code).first(),
        )
        if can_sign_in:
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    profile, _created = AmbassadorProfile.objects.get_or_create(
        user=user,
        defaults={
            "level": level,
            "gender": gender,
            "languages": languages,
            "languages_spoken": list(dict.fromkeys([*languages, "ur"])),
            "district": District.objects.filter(name_en=district_name, province__code=province_code).first(),
            "background": "teacher",
        },
    )
    return profile


def _scores(n: int, questions: int, share: float) -> list[int]:
    """n people's scores out of `questions`, spread around `share` (deterministic)."""
    target = round(n * questions * share)
    scores = [target // n] * n
    for index in range(target - sum(scores)):
        scores[index % n] += 1
    for index in range(0, n - 1, 2):  # some spread, same total
        if scores[index] < questions and scores[index + 1] > 0:
            scores[index] += 1
            scores[index + 1] -= 1
    return scores


def _held(row, *, coordinator, now: datetime.datetime, link_modules) -> Workshop | None:
    (
        title,
        district_name,
        province_code,
        town,
        venue,
        language,
        topics,
        days_ago,
        women_only,
        lead_key,
        co_keys,
        registered,
        attended,
        walk_ins,
        (before, after),
        answers,
        afterwards,
    ) = row
    lead = _facilitator(lead_key)
    co_facilitators = [_facilitator(key) for key in co_keys]
    if lead is None or None in co_facilitators:
        return None
    starts_at = now - datetime.timedelta(days=days_ago, hours=2)
    fields = dict(
        title=title,
        description="A free, friendly session with examples from everyday life.",
        language=language,
        format=Workshop.Format.IN_PERSON,
        district=District.objects.get(name_en=district_name, province__code=province_code),
        town=town,
        address="",
        venue_kind=venue,
        audience=Workshop.Audience.WOMEN_GIRLS if women_only else Workshop.Audience.EVERYONE,
        women_only=women_only,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        partner_organisation="",
        lead_facilitator=lead,
    )
    if afterwards:
        workshop = workshop_record_past(
            actor=coordinator, topics=topics, co_facilitators=co_facilitators, walk_ins=walk_ins, **fields
        )
        link_modules(workshop, topics)
    else:
        workshop = workshop_create(
            actor=coordinator, topics=topics, co_facilitators=co_facilitators, capacity=30, **fields
        )
        link_modules(workshop, topics)
        workshop_publish(workshop=workshop, actor=coordinator)
        registrations = Registration.objects.bulk_create(
            Registration(
                workshop=workshop,
                name=NAMES[number % len(NAMES)],
                phone=f"+92302{workshop.pk % 100:02d}{number:05d}",
                language=language,
                consent=True,
                status=Registration.Status.CONFIRMED,
                created_at=starts_at - datetime.timedelta(days=3, minutes=number),
            )
            for number in range(registered)
        )
        ids = [registration.pk for registration in registrations] or list(
            workshop.registrations.order_by("pk").values_list("pk", flat=True)
        )
        workshop_complete(workshop=workshop, actor=coordinator)
        attendance_record(workshop=workshop, actor=coordinator, present_ids=ids[:attended], walk_ins=walk_ins)
    people = attended + sum(walk_ins.values())
    on_paper = people - 6 if not afterwards else people
    for module in workshop.modules.all():
        questions = quiz_question_count(module=module)
        if not questions:
            continue
        quiz_tally_record(
            workshop=workshop,
            module=module,
            pre_participants=on_paper,
            pre_correct=round(on_paper * questions * before),
            post_participants=on_paper,
            post_correct=round(on_paper * questions * after),
        )
        if not afterwards:  # six people answered on their phones too, before and after
            QuizResponse.objects.bulk_create(
                QuizResponse(
                    workshop=workshop,
                    module=module,
                    stage=stage,
                    questions=questions,
                    correct=correct,
                    language=language,
                )
                for stage, share in ((QuizStage.BEFORE, before), (QuizStage.AFTER, after))
                for correct in _scores(6, questions, share)
            )
    for useful, confidence, recommend in FEEDBACK[:answers]:
        feedback_submit(workshop=workshop, useful=useful, confidence=confidence, would_recommend=recommend)
    facilitator_report_save(workshop=workshop, actor=lead.user, **REPORT)
    return workshop


def load_past(*, coordinator, link_modules) -> list[str]:
    now = timezone.now().replace(second=0, microsecond=0)
    created = 0
    for row in PAST:
        if Workshop.objects.filter(title=row[0]).exists():
            continue
        created += _held(row, coordinator=coordinator, now=now, link_modules=link_modules) is not None
    return [
        f"Workshops: {created} past demo sessions added ({len(PAST)} in all, in Sindh, Punjab and Khyber "
        "Pakhtunkhwa, with attendance, quizzes, feedback and reports; two recorded afterwards). Figures at "
        "/en/impact/ and, for the coordinator, /en/impact/dashboard/."
    ]
