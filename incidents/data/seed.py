"""Seed content for report categories, help contacts and reply templates (0002 data migration).

Numbers change: after seeding this is data, edited in the admin, never template text. The Urdu,
Sindhi and Pashto texts are machine-assisted drafts (translations_reviewed=False) for review.
Check every number and web address before launch.
"""

# (slug, parent slug, {lang: name}, {lang: guidance lines})
CATEGORIES = [
    (
        "scam",
        None,
        {"en": "Scam or fraud", "ur": "فراڈ یا دھوکا", "sd": "فراڊ يا ٺڳي", "ps": "درغلي یا چل ول"},
        {
            "en": "Do not send money or share any code (OTP, PIN) with anyone, even if they say they are from a bank or the government.\nCall your bank or wallet helpline now to block your account or card if you shared a code or lost money.\nKeep screenshots of messages, numbers and transaction IDs; do not delete the chat.\nReport the number: forward scam SMS to PTA and block the number.",
            "ur": "کسی کو پیسے نہ بھیجیں اور کوئی کوڈ (OTP، PIN) نہ بتائیں، چاہے وہ خود کو بینک یا حکومت کا نمائندہ کہے۔\nاگر آپ نے کوڈ بتا دیا یا پیسے گئے ہیں تو ابھی اپنے بینک یا والیٹ کی ہیلپ لائن پر کال کر کے اکاؤنٹ یا کارڈ بند کروائیں۔\nپیغامات، نمبروں اور ٹرانزیکشن آئی ڈی کے اسکرین شاٹ محفوظ رکھیں؛ چیٹ ڈیلیٹ نہ کریں۔\nنمبر کی شکایت کریں: فراڈ ایس ایم ایس پی ٹی اے کو بھیجیں اور نمبر بلاک کریں۔",
            "sd": "ڪنهن کي به پئسا نه موڪليو ۽ ڪو به ڪوڊ (OTP، PIN) نه ٻڌايو، ڀلي هو پاڻ کي بئنڪ يا سرڪار جو ماڻهو سڏي.\nجيڪڏهن توهان ڪوڊ ٻڌايو يا پئسا ويا آهن ته هاڻي ئي پنهنجي بئنڪ يا واليٽ جي هيلپ لائن تي ڪال ڪري اڪائونٽ يا ڪارڊ بند ڪرايو.\nپيغامن، نمبرن ۽ ٽرانزيڪشن آءِ ڊي جا اسڪرين شاٽ سنڀالي رکو؛ چيٽ ڊليٽ نه ڪريو.\nنمبر جي شڪايت ڪريو: فراڊ ايس ايم ايس پي ٽي اي ڏانهن موڪليو ۽ نمبر بلاڪ ڪريو.",
            "ps": "هېچا ته پیسې مه لېږئ او هېڅ کوډ (OTP، PIN) مه ورکوئ، که څه هم ځان د بانک یا حکومت استازی وبولي.\nکه مو کوډ ورکړی یا پیسې مو له لاسه ورکړې، همدا اوس خپل بانک یا والټ هیلپ لاین ته زنګ ووهئ او حساب یا کارت بند کړئ.\nد پیغامونو، شمېرو او ټرانزکشن آی ډي سکرین شاټونه وساتئ؛ چټ مه ړنګوئ.\nد شمېرې شکایت وکړئ: د درغلۍ ایس ایم ایس پي ټي اې ته ولېږئ او شمېره بلاک کړئ.",
        },
    ),
    (
        "fake-aid",
        "scam",
        {
            "en": "Fake aid or BISP message",
            "ur": "جعلی امداد یا بی آئی ایس پی پیغام",
            "sd": "جعلي امداد يا بي آءِ ايس پي پيغام",
            "ps": "جعلي مرسته یا د بي آی ایس پي پیغام",
        },
        {},
    ),
    (
        "wallet-otp",
        "scam",
        {
            "en": "Mobile wallet or bank code (OTP) theft",
            "ur": "موبائل والیٹ یا بینک کوڈ (OTP) کی چوری",
            "sd": "موبائل واليٽ يا بئنڪ ڪوڊ (OTP) جي چوري",
            "ps": "د موبایل والټ یا بانک کوډ (OTP) غلا",
        },
        {},
    ),
    (
        "fake-prize",
        "scam",
        {
            "en": "Fake prize or lottery",
            "ur": "جعلی انعام یا لاٹری",
            "sd": "جعلي انعام يا لاٽري",
            "ps": "جعلي انعام یا لاټري",
        },
        {},
    ),
    (
        "fake-job",
        "scam",
        {
            "en": "Fake job offer",
            "ur": "جعلی نوکری کی پیشکش",
            "sd": "جعلي نوڪري جي آڇ",
            "ps": "جعلي دندې وړاندیز",
        },
        {},
    ),
    (
        "investment",
        "scam",
        {"en": "Investment scam", "ur": "سرمایہ کاری کا فراڈ", "sd": "سيڙپ جي ٺڳي", "ps": "د پانګونې درغلي"},
        {},
    ),
    (
        "loan-app",
        "scam",
        {
            "en": "Loan app harassment",
            "ur": "قرض ایپ کی طرف سے ہراسانی",
            "sd": "قرض ايپ پاران هراساني",
            "ps": "د پور اپلیکیشن لخوا ځورونه",
        },
        {},
    ),
    (
        "impersonation-call",
        "scam",
        {
            "en": "Call from someone pretending to be a bank, police or relative",
            "ur": "بینک، پولیس یا رشتہ دار بن کر کی گئی کال",
            "sd": "بئنڪ، پوليس يا مائٽ بڻجي ڪيل ڪال",
            "ps": "د بانک، پولیسو یا خپلوان په نوم زنګ",
        },
        {},
    ),
    (
        "harassment",
        None,
        {
            "en": "Harassment or threats",
            "ur": "ہراسانی یا دھمکیاں",
            "sd": "هراساني يا ڌمڪيون",
            "ps": "ځورونه یا ګواښونه",
        },
        {
            "en": "It is not your fault. Do not pay or send more pictures to anyone who threatens you.\nKeep evidence: screenshots showing the account name, link, date and messages. Do not delete the chat.\nUse the platform's report and block tools, and turn on two-step verification on your accounts.\nThe DRF Cyber Harassment Helpline gives free, confidential advice, including to women and young people.",
            "ur": "اس میں آپ کا کوئی قصور نہیں۔ دھمکی دینے والے کو پیسے نہ دیں اور مزید تصویریں نہ بھیجیں۔\nثبوت محفوظ رکھیں: اکاؤنٹ کا نام، لنک، تاریخ اور پیغامات والے اسکرین شاٹ۔ چیٹ ڈیلیٹ نہ کریں۔\nپلیٹ فارم پر رپورٹ اور بلاک کریں، اور اپنے اکاؤنٹس پر دو مرحلہ تصدیق آن کریں۔\nڈی آر ایف سائبر ہراسمنٹ ہیلپ لائن مفت اور رازدارانہ مشورہ دیتی ہے، خواتین اور نوجوانوں کو بھی۔",
            "sd": "ان ۾ توهان جو ڪو ڏوهه ناهي. ڌمڪي ڏيندڙ کي پئسا نه ڏيو ۽ وڌيڪ تصويرون نه موڪليو.\nثبوت سنڀاليو: اڪائونٽ جو نالو، لنڪ، تاريخ ۽ پيغامن وارا اسڪرين شاٽ. چيٽ ڊليٽ نه ڪريو.\nپليٽ فارم تي رپورٽ ۽ بلاڪ ڪريو، ۽ پنهنجن اڪائونٽن تي ٻه مرحلا تصديق آن ڪريو.\nڊي آر ايف سائبر هراسمينٽ هيلپ لائن مفت ۽ رازداري سان صلاح ڏئي ٿي، عورتن ۽ نوجوانن کي به.",
            "ps": "دا ستاسو ګناه نه ده. هغه چا ته چې ګواښ کوي پیسې مه ورکوئ او نورې انځورونه مه ورلېږئ.\nشواهد وساتئ: د حساب نوم، لینک، نېټه او پیغامونه لرونکي سکرین شاټونه. چټ مه ړنګوئ.\nپه پلیټفارم کې راپور او بلاک وکړئ، او په خپلو حسابونو دوه پړاوه تایید فعال کړئ.\nد ډي آر ایف سایبر ځورونې هیلپ لاین وړیا او محرمه مشوره ورکوي، ښځو او ځوانانو ته هم.",
        },
    ),
    (
        "blackmail",
        "harassment",
        {
            "en": "Blackmail or sextortion",
            "ur": "بلیک میلنگ یا جنسی بلیک میلنگ",
            "sd": "بليڪ ميلنگ يا جنسي بليڪ ميلنگ",
            "ps": "بلیک میل یا جنسي بلیک میل",
        },
        {},
    ),
    (
        "intimate-images",
        "harassment",
        {
            "en": "Private pictures shared without consent",
            "ur": "نجی تصاویر بغیر اجازت پھیلانا",
            "sd": "ذاتي تصويرون اجازت کان سواءِ ڦهلائڻ",
            "ps": "شخصي انځورونه پرته له اجازې خپرول",
        },
        {},
    ),
    (
        "fake-profile",
        "harassment",
        {
            "en": "Fake profile in my name",
            "ur": "میرے نام سے جعلی پروفائل",
            "sd": "منهنجي نالي سان جعلي پروفائل",
            "ps": "زما په نوم جعلي پروفایل",
        },
        {},
    ),
    (
        "stalking",
        "harassment",
        {
            "en": "Stalking or being followed online",
            "ur": "آن لائن پیچھا کرنا",
            "sd": "آن لائن پيڇو ڪرڻ",
            "ps": "آنلاین تعقیب",
        },
        {},
    ),
    ("threats", "harassment", {"en": "Threats", "ur": "دھمکیاں", "sd": "ڌمڪيون", "ps": "ګواښونه"}, {}),
    (
        "hacked-account",
        "harassment",
        {"en": "Hacked account", "ur": "ہیک شدہ اکاؤنٹ", "sd": "هيڪ ٿيل اڪائونٽ", "ps": "هیک شوی حساب"},
        {},
    ),
    (
        "misinformation",
        None,
        {
            "en": "False news or misinformation",
            "ur": "جھوٹی خبر یا غلط معلومات",
            "sd": "ڪوڙي خبر يا غلط معلومات",
            "ps": "دروغجنه خبر یا غلط معلومات",
        },
        {
            "en": "Do not forward it. Check the news with a trusted source first.\nKeep a screenshot and the link, and tell us where you saw it.",
            "ur": "اسے آگے نہ بھیجیں۔ پہلے کسی قابلِ اعتماد ذریعے سے خبر کی تصدیق کریں۔\nاسکرین شاٹ اور لنک محفوظ رکھیں، اور ہمیں بتائیں کہ آپ نے یہ کہاں دیکھا۔",
            "sd": "ان کي اڳتي نه موڪليو. پهريان ڪنهن ڀروسي جوڳي ذريعي سان خبر جي تصديق ڪريو.\nاسڪرين شاٽ ۽ لنڪ سنڀالي رکو، ۽ اسان کي ٻڌايو ته توهان اهو ڪٿي ڏٺو.",
            "ps": "مه یې نورو ته لېږئ. لومړی خبر له باوري سرچینې سره وګورئ.\nسکرین شاټ او لینک وساتئ، او موږ ته ووایاست چې چېرته مو ولید.",
        },
    ),
    (
        "privacy",
        None,
        {
            "en": "Privacy violation",
            "ur": "رازداری کی خلاف ورزی",
            "sd": "رازداري جي ڀڃڪڙي",
            "ps": "د محرمیت سرغړونه",
        },
        {
            "en": "Change your passwords and check which apps and devices can see your accounts.\nKeep screenshots of where your information appeared.",
            "ur": "اپنے پاس ورڈ بدلیں اور دیکھیں کون سی ایپس اور آلات آپ کے اکاؤنٹس تک رسائی رکھتے ہیں۔\nجہاں آپ کی معلومات ظاہر ہوئیں، ان کے اسکرین شاٹ محفوظ رکھیں۔",
            "sd": "پنهنجا پاسورڊ بدلايو ۽ ڏسو ته ڪهڙيون ايپس ۽ ڊوائيس توهان جي اڪائونٽن تائين پهچ رکن ٿيون.\nجتي توهان جي معلومات ظاهر ٿي، انهن جا اسڪرين شاٽ سنڀالي رکو.",
            "ps": "خپل پاسورډونه بدل کړئ او وګورئ چې کوم اپلیکیشنونه او وسایل ستاسو حسابونو ته لاسرسی لري.\nچېرې چې ستاسو معلومات ښکاره شوي، د هغو سکرین شاټونه وساتئ.",
        },
    ),
    (
        "question",
        None,
        {
            "en": "I have a question or need advice",
            "ur": "میرا ایک سوال ہے یا مشورہ چاہیے",
            "sd": "منهنجو هڪ سوال آهي يا صلاح گهرجي",
            "ps": "زه یوه پوښتنه لرم یا مشورې ته اړتیا لرم",
        },
        {
            "en": "Thank you for asking. A trained case handler will answer here; come back with your code in a day or two.",
            "ur": "پوچھنے کا شکریہ۔ ایک تربیت یافتہ کیس ہینڈلر یہیں جواب دے گا؛ ایک دو دن بعد اپنے کوڈ کے ساتھ واپس آئیں۔",
            "sd": "پڇڻ جو مهرباني. هڪ تربيت يافته ڪيس هينڊلر هتي ئي جواب ڏيندو؛ هڪ ٻن ڏينهن کانپوءِ پنهنجي ڪوڊ سان واپس اچو.",
            "ps": "د پوښتنې مننه. یو روزل شوی قضیه څارونکی به همدلته ځواب درکړي؛ یوه دوه ورځې وروسته له خپل کوډ سره بېرته راشئ.",
        },
    ),
    ("other", None, {"en": "Something else", "ur": "کچھ اور", "sd": "ٻيو ڪجهه", "ps": "بل څه"}, {}),
]

# (slug, kind, phone, website, [category slugs], {lang: name}, {lang: description})
CONTACTS = [
    (
        "police-15",
        "emergency",
        "15",
        "",
        [],
        {"en": "Police emergency", "ur": "پولیس ایمرجنسی", "sd": "پوليس ايمرجنسي", "ps": "د پولیسو بیړني"},
        {
            "en": "Call if someone is in danger now.",
            "ur": "اگر کوئی ابھی خطرے میں ہے تو کال کریں۔",
            "sd": "جيڪڏهن ڪو هاڻي خطري ۾ آهي ته ڪال ڪريو.",
            "ps": "که څوک همدا اوس په خطر کې وي زنګ ووهئ.",
        },
    ),
    (
        "rescue-1122",
        "emergency",
        "1122",
        "",
        [],
        {"en": "Rescue 1122", "ur": "ریسکیو 1122", "sd": "ريسڪيو 1122", "ps": "ریسکیو 1122"},
        {
            "en": "Ambulance and rescue.",
            "ur": "ایمبولینس اور ریسکیو۔",
            "sd": "ايمبولينس ۽ ريسڪيو.",
            "ps": "امبولانس او ژغورنه.",
        },
    ),
    (
        "madadgaar-1098",
        "emergency",
        "1098",
        "",
        [],
        {
            "en": "Madadgaar national helpline",
            "ur": "مددگار قومی ہیلپ لائن",
            "sd": "مددگار قومي هيلپ لائن",
            "ps": "مددګار ملي هیلپ لاین",
        },
        {
            "en": "For children and women in danger or distress.",
            "ur": "خطرے یا پریشانی میں بچوں اور خواتین کے لیے۔",
            "sd": "خطري يا پريشاني ۾ ٻارن ۽ عورتن لاءِ.",
            "ps": "په خطر یا ستونزه کې ماشومانو او ښځو لپاره.",
        },
    ),
    (
        "nccia-1799",
        "referral",
        "1799",
        "",
        [],
        {
            "en": "NCCIA cybercrime helpline",
            "ur": "این سی سی آئی اے سائبر کرائم ہیلپ لائن",
            "sd": "اين سي سي آءِ اي سائبر ڪرائيم هيلپ لائن",
            "ps": "د این سي سي آی اې سایبري جرمونو هیلپ لاین",
        },
        {
            "en": "National Cyber Crime Investigation Agency: official complaints about online fraud, blackmail and harassment.",
            "ur": "نیشنل سائبر کرائم انویسٹی گیشن ایجنسی: آن لائن فراڈ، بلیک میلنگ اور ہراسانی کی سرکاری شکایت۔",
            "sd": "نيشنل سائبر ڪرائيم انويسٽيگيشن ايجنسي: آن لائن فراڊ، بليڪ ميلنگ ۽ هراساني جي سرڪاري شڪايت.",
            "ps": "ملي سایبري جرمونو د څېړنې اداره: د آنلاین درغلۍ، بلیک میل او ځورونې رسمي شکایت.",
        },
    ),
    (
        "drf-helpline",
        "referral",
        "0800-39393",
        "https://digitalrightsfoundation.pk/",
        ["harassment", "privacy"],
        {
            "en": "DRF Cyber Harassment Helpline",
            "ur": "ڈی آر ایف سائبر ہراسمنٹ ہیلپ لائن",
            "sd": "ڊي آر ايف سائبر هراسمينٽ هيلپ لائن",
            "ps": "د ډي آر ایف سایبر ځورونې هیلپ لاین",
        },
        {
            "en": "Free and confidential legal, digital and emotional support.",
            "ur": "مفت اور رازدارانہ قانونی، ڈیجیٹل اور جذباتی مدد۔",
            "sd": "مفت ۽ رازداري سان قانوني، ڊجيٽل ۽ جذباتي مدد.",
            "ps": "وړیا او محرمه حقوقي، ډیجیټل او احساساتي ملاتړ.",
        },
    ),
    (
        "pta-complaints",
        "referral",
        "0800-55055",
        "https://complaint.pta.gov.pk/",
        ["scam", "misinformation"],
        {
            "en": "PTA complaints",
            "ur": "پی ٹی اے شکایات",
            "sd": "پي ٽي اي شڪايتون",
            "ps": "د پي ټي اې شکایتونه",
        },
        {
            "en": "Report scam SMS, calls and SIMs used for fraud.",
            "ur": "فراڈ ایس ایم ایس، کالز اور فراڈ میں استعمال ہونے والی سمز کی شکایت۔",
            "sd": "فراڊ ايس ايم ايس، ڪالن ۽ فراڊ ۾ استعمال ٿيل سمن جي شڪايت.",
            "ps": "د درغلۍ ایس ایم ایس، زنګونو او په درغلۍ کې کارول شویو سیمونو شکایت.",
        },
    ),
    (
        "bank-helpline",
        "referral",
        "",
        "",
        ["scam"],
        {
            "en": "Your bank or mobile wallet helpline",
            "ur": "آپ کے بینک یا موبائل والیٹ کی ہیلپ لائن",
            "sd": "توهان جي بئنڪ يا موبائل واليٽ جي هيلپ لائن",
            "ps": "ستاسو د بانک یا موبایل والټ هیلپ لاین",
        },
        {
            "en": "Call first to block your account or card. The number is on your card or in the app (Easypaisa 3737, JazzCash 4444).",
            "ur": "سب سے پہلے کال کر کے اکاؤنٹ یا کارڈ بند کروائیں۔ نمبر کارڈ پر یا ایپ میں ہوتا ہے (ایزی پیسہ 3737، جاز کیش 4444)۔",
            "sd": "سڀ کان پهريان ڪال ڪري اڪائونٽ يا ڪارڊ بند ڪرايو. نمبر ڪارڊ تي يا ايپ ۾ هوندو آهي (ايزي پيسا 3737، جاز ڪيش 4444).",
            "ps": "لومړی زنګ ووهئ او حساب یا کارت بند کړئ. شمېره په کارت یا اپلیکیشن کې ده (ایزي پیسه 3737، جاز کېش 4444).",
        },
    ),
    (
        "banking-mohtasib",
        "referral",
        "",
        "https://www.bmp.gov.pk/",
        ["scam"],
        {
            "en": "Banking Mohtasib Pakistan",
            "ur": "بینکنگ محتسب پاکستان",
            "sd": "بئنڪنگ محتسب پاڪستان",
            "ps": "د پاکستان بانکي محتسب",
        },
        {
            "en": "If your bank does not resolve your complaint, you can complain to the Banking Mohtasib.",
            "ur": "اگر بینک آپ کی شکایت حل نہ کرے تو بینکنگ محتسب کو شکایت کر سکتے ہیں۔",
            "sd": "جيڪڏهن بئنڪ توهان جي شڪايت حل نه ڪري ته بئنڪنگ محتسب کي شڪايت ڪري سگهو ٿا.",
            "ps": "که بانک ستاسو شکایت حل نه کړي، بانکي محتسب ته شکایت کولی شئ.",
        },
    ),
]

# ({lang: title}, {lang: body})
REPLY_TEMPLATES = [
    (
        {
            "en": "We received your report",
            "ur": "ہمیں آپ کی رپورٹ مل گئی",
            "sd": "اسان کي توهان جي رپورٽ ملي وئي",
            "ps": "ستاسو راپور مو ترلاسه کړ",
        },
        {
            "en": "Thank you for telling us. A case handler is looking at your report. Please come back with your code in a day or two for our advice.",
            "ur": "ہمیں بتانے کا شکریہ۔ ایک کیس ہینڈلر آپ کی رپورٹ دیکھ رہا ہے۔ ہمارے مشورے کے لیے ایک دو دن بعد اپنے کوڈ کے ساتھ واپس آئیں۔",
            "sd": "اسان کي ٻڌائڻ جو مهرباني. هڪ ڪيس هينڊلر توهان جي رپورٽ ڏسي رهيو آهي. اسان جي صلاح لاءِ هڪ ٻن ڏينهن کانپوءِ پنهنجي ڪوڊ سان واپس اچو.",
            "ps": "له موږ سره د شریکولو مننه. یو قضیه څارونکی ستاسو راپور ګوري. زموږ د مشورې لپاره یوه دوه ورځې وروسته له خپل کوډ سره بېرته راشئ.",
        },
    ),
    (
        {
            "en": "Please report to the NCCIA",
            "ur": "براہ کرم این سی سی آئی اے کو رپورٹ کریں",
            "sd": "مهرباني ڪري اين سي سي آءِ اي کي رپورٽ ڪريو",
            "ps": "مهرباني وکړئ این سي سي آی اې ته راپور ورکړئ",
        },
        {
            "en": "What happened to you is a crime. You can file an official complaint with the NCCIA cybercrime helpline 1799. Keep your screenshots ready. We are here if you need help with the complaint.",
            "ur": "آپ کے ساتھ جو ہوا وہ جرم ہے۔ آپ این سی سی آئی اے سائبر کرائم ہیلپ لائن 1799 پر سرکاری شکایت درج کر سکتے ہیں۔ اپنے اسکرین شاٹ تیار رکھیں۔ شکایت میں مدد چاہیے تو ہم حاضر ہیں۔",
            "sd": "توهان سان جيڪو ٿيو اهو ڏوهه آهي. توهان اين سي سي آءِ اي سائبر ڪرائيم هيلپ لائن 1799 تي سرڪاري شڪايت داخل ڪري سگهو ٿا. پنهنجا اسڪرين شاٽ تيار رکو. شڪايت ۾ مدد گهرجي ته اسان حاضر آهيون.",
            "ps": "څه چې له تاسو سره شوي، جرم دی. تاسو کولی شئ د این سي سي آی اې سایبري جرمونو هیلپ لاین 1799 ته رسمي شکایت وکړئ. خپل سکرین شاټونه چمتو وساتئ. که په شکایت کې مرستې ته اړتیا لرئ، موږ دلته یو.",
        },
    ),
]
