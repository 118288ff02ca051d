"""Demo data for `make run`: a few cases in Sindh for the demo case handler (handler@hifazat.example)."""

from incidents.models import Case, Category

ORDER = 60

DEMO_CASES = [
    (
        "fake-aid",
        "Karachi Central",
        "ur",
        "مجھے بی آئی ایس پی کے نام سے پیغام آیا کہ 25000 روپے ملیں گے، کوڈ بھیجیں۔",
    ),
    ("blackmail", "Hyderabad", "sd", "ڪو ماڻهو منهنجي تصويرن جي ڌمڪي ڏئي پئسا گهري رهيو آهي."),
    (
        "question",
        "Karachi Central",
        "en",
        "How do I turn on two-step verification on WhatsApp for my mother?",
    ),
]


def load() -> list[str]:
    from incidents import services
    from regions.models import District

    if Case.objects.exists():
        return ["Incidents: cases already present, none added."]
    lines = ["Demo reports (code / secret), open them at /ur/report/follow-up/:"]
    for slug, district_name, language, narrative in DEMO_CASES:
        receipt = services.case_submit(
            category=Category.objects.get(slug=slug),
            channel=Case.Channel.WHATSAPP,
            when=Case.When.WEEK,
            district=District.objects.filter(name_en=district_name, province__code="SD").first(),
            narrative=narrative,
            language=language,
        )
        lines.append(f"  {receipt.code} / {receipt.secret}")
    return lines
