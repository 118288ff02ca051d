"""Demo data for `make run`: cases in Sindh for the demo case handler (handler@hifazat.example), some
without a district for the nationwide handler (nationwide@hifazat.example, every category), and
enough of them that the public impact page shows reports of harm by category (5 or more in four
categories). Cases go through `case_submit` (encrypted, tallied), never the ORM."""

from incidents.models import Case, Category

ORDER = 60

# category slug, district (None: the reporter did not say), language, narrative
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
    # Each kind of harm at least 5 times, in at most four Sindh districts and some without a district:
    # the public page (by province) then hides both the Sindh and the "other" cell of every category,
    # so no total gives a hidden cell away and every category total shows. Without a district: only a nationwide handler (nationwide@hifazat.example) and admins see it.
    ("question", None, "ur", "کیا بینک کبھی فون پر او ٹی پی مانگتا ہے؟ مجھے ایسی کال آئی تھی۔"),
    ("wallet-otp", "Karachi Central", "sd", "ڪال ڪندڙ چيو ته منهنجو جاز ڪيش بند ٿيندو، مون ڪوڊ ٻڌائي ڇڏيو."),
    ("fake-prize", "Karachi Central", "sd", "پيغام آيو ته مون انعام کٽيو آهي، پهرين فيس موڪليو."),
    ("loan-app", "Karachi Central", "ur", "قرض والی ایپ میرے رشتہ داروں کو میری تصویریں بھیج رہی ہے۔"),
    ("impersonation-call", None, "sd", "پوليس جو ماڻهو ٿي ڪال ڪئي ۽ پٽ کي ڇڏائڻ لاءِ پئسا گهريا."),
    ("fake-job", None, "ur", "نوکری کے اشتہار کے لیے رجسٹریشن فیس مانگی گئی۔"),
    ("fake-profile", "Hyderabad", "ur", "کسی نے میرے نام سے جعلی فیس بک اکاؤنٹ بنا لیا ہے۔"),
    ("threats", "Hyderabad", "sd", "هڪ نمبر تان روز ڌمڪي وارا پيغام اچن ٿا."),
    ("hacked-account", "Hyderabad", "ur", "میرا واٹس ایپ اکاؤنٹ کسی اور کے پاس چلا گیا ہے۔"),
    ("stalking", None, "ur", "ایک شخص ہر جگہ میری پوسٹس پر آ کر پیغام بھیجتا ہے۔"),
    ("misinformation", "Sukkur", "sd", "سيلاب بابت ڪوڙي وڊيو واٽس ايپ گروپن ۾ پکڙجي رهي آهي."),
    ("misinformation", "Sukkur", "ur", "پولیو کے قطروں کے بارے میں جھوٹا آڈیو پیغام پھیل رہا ہے۔"),
    ("misinformation", "Sukkur", "sd", "امداد جي ڪوڙي لسٽ جو پيغام پکڙيل آهي."),
    ("misinformation", "Sukkur", "ur", "بجلی کے بل معاف ہونے کی جھوٹی خبر۔"),
    ("misinformation", None, "en", "A fake notice about school closures is being shared in family groups."),
    ("question", "Thatta", "sd", "ٻارن جي فون تي ڪهڙيون سيٽنگون رکڻ گهرجن؟"),
    ("question", "Thatta", "ur", "میں اپنی والدہ کا فون کیسے محفوظ کروں؟"),
    ("question", "Thatta", "sd", "ڪوڊ ڪنهن کي به نه ڏيڻ گهرجي؟ بئنڪ کي به نه؟"),
    ("privacy", "Larkana", "ur", "دکان دار نے میرے شناختی کارڈ کی تصویر واٹس ایپ گروپ میں ڈال دی۔"),
    ("privacy", "Larkana", "sd", "منهنجو فون نمبر ۽ پتو هڪ پيج تي رکيو ويو آهي."),
    ("privacy", "Larkana", "ur", "کلینک نے میری رپورٹ بغیر اجازت کسی اور کو بھیج دی۔"),
    ("privacy", "Larkana", "sd", "اسڪول جي گروپ ۾ ٻارن جون تصويرون نالن سان رکيون ويون."),
    ("privacy", None, "ur", "ایک ایپ میرے رابطے مانگ رہی ہے، کیا یہ ٹھیک ہے؟"),
    ("other", "Mirpur Khas", "ur", "میرے بیٹے کو آن لائن گیم میں پیسے خرچ کرنے پر مجبور کیا جا رہا ہے۔"),
    ("other", "Mirpur Khas", "sd", "ڪنهن منهنجي نالي سان سم ڪارڊ ورتو آهي."),
    ("other", "Mirpur Khas", "ur", "کسی نے میری دکان کے بارے میں جھوٹے ریویو لکھے ہیں۔"),
    ("other", "Mirpur Khas", "sd", "منهنجي ڀاءُ جو اي ميل کولڻ ۾ نٿو اچي."),
    ("other", None, "en", "My elderly father keeps getting calls from unknown foreign numbers."),
]


def load() -> list[str]:
    from incidents import services
    from regions.models import District

    lines = _nationwide_scope()
    # Idempotent: the demo's cases are added once, in order (a second run finds them all there).
    missing = DEMO_CASES[Case.objects.count() :]
    if not missing:
        return [*lines, "Incidents: cases already present, none added."]
    lines.append("Demo reports (code / secret), open them at /ur/report/follow-up/:")
    for slug, district_name, language, narrative in missing:
        receipt = services.case_submit(
            category=Category.objects.get(slug=slug),
            channel=Case.Channel.WHATSAPP,
            when=Case.When.WEEK,
            district=District.objects.filter(name_en=district_name, province__code="SD").first()
            if district_name
            else None,
            narrative=narrative,
            language=language,
        )
        if len(lines) <= 3:  # a few codes to try; the others only fill the figures
            lines.append(f"  {receipt.code} / {receipt.secret}")
    if len(missing) > 3:
        lines.append(
            f"  ... and {len(missing) - 3} more reports (some without a district: nationwide@hifazat.example)."
        )
    return lines


def _nationwide_scope() -> list[str]:
    """The nationwide handler's scope: every district and every category (no categories chosen),
    and the cases whose district is not known. There is no service for scopes (the admin edits them)."""
    from accounts.models import User
    from incidents.models import HandlerScope

    user = User.objects.filter(email="nationwide@hifazat.example").first()
    if user is None:
        return []
    HandlerScope.objects.update_or_create(user=user, defaults={"nationwide": True})
    return []
