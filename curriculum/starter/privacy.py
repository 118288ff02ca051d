"""Starter module: digital rights, privacy and responsible internet use."""

MODULE = {
    "slug": "privacy-settings-and-your-rights",
    "topic": "rights-privacy",
    "audience": "parents",
    "level": "beginner",
    "duration_minutes": 90,
    "title": {
        "en": "Privacy settings and your rights online",
        "ur": "پرائیویسی سیٹنگز اور آن لائن آپ کے حقوق",
        "sd": "پرائيويسي سيٽنگز ۽ آن لائن توهان جا حق",
        "ps": "د محرمیت تنظیمات او آنلاين ستاسو حقونه",
    },
    "summary": {
        "en": "Phones are often shared in the family, and what we post can be seen by strangers. This session "
        "walks through the privacy settings of WhatsApp and Facebook, a screen lock for a shared phone, and "
        "the rights people in Pakistan have online, including where to complain when they are violated.",
        "ur": "گھر میں فون اکثر مشترک ہوتے ہیں، اور جو ہم پوسٹ کرتے ہیں اسے اجنبی بھی دیکھ سکتے ہیں۔ یہ سیشن واٹس ایپ اور "
        "فیس بک کی پرائیویسی سیٹنگز، مشترکہ فون کے لیے اسکرین لاک، اور پاکستان میں لوگوں کے آن لائن حقوق کا جائزہ "
        "لیتا ہے، یہ بھی کہ ان کی خلاف ورزی ہو تو شکایت کہاں کریں۔",
        "sd": "گهر ۾ فون اڪثر گڏيل هوندا آهن، ۽ جيڪو اسان پوسٽ ڪريون ٿا اهو اجنبي به ڏسي سگهن ٿا. هي سيشن واٽس ايپ ۽ "
        "فيس بڪ جون پرائيويسي سيٽنگز، گڏيل فون لاءِ اسڪرين لاڪ، ۽ پاڪستان ۾ ماڻهن جا آن لائن حق ڏيکاري ٿو، اهو "
        "به ته انهن جي ڀڃڪڙي ٿئي ته شڪايت ڪٿي ڪجي.",
        "ps": "په کور کې ټیلیفونونه اکثره ګډ وي، او هغه څه چې موږ یې خپروو ناپېژندل شوي هم لیدلی شي. دا غونډه د واټس "
        "اپ او فېسبوک د محرمیت تنظیمات، د ګډ ټیلیفون لپاره د سکرین قفل، او په پاکستان کې د خلکو آنلاين حقونه "
        "ښيي، او دا چې د هغو د سرغړونې په صورت کې چېرته شکایت وکړو.",
    },
    "objectives": {
        "en": "Set WhatsApp and Facebook so that only known contacts see your photo, posts and phone number\n"
        "Protect a shared phone with a screen lock and app lock, and sign out of accounts on others' phones\n"
        "Explain in simple words the right to privacy and dignity and what the law says about online crimes\n"
        "Know where to complain: the NCCIA for online crimes, the PTA for SIMs and fraud calls, DRF for help",
        "ur": "واٹس ایپ اور فیس بک کو اس طرح سیٹ کرنا کہ صرف جاننے والے آپ کی تصویر، پوسٹس اور فون نمبر دیکھیں\n"
        "مشترکہ فون کو اسکرین لاک اور ایپ لاک سے محفوظ کرنا، اور دوسروں کے فون پر اکاؤنٹس سے سائن آؤٹ کرنا\n"
        "پرائیویسی اور عزت کے حق اور آن لائن جرائم کے بارے میں قانون کو آسان الفاظ میں سمجھانا\n"
        "شکایت کی جگہ جاننا: آن لائن جرائم کے لیے این سی سی آئی اے، سم اور فراڈ کالوں کے لیے پی ٹی اے، مدد کے لیے ڈی آر ایف",
        "sd": "واٽس ايپ ۽ فيس بڪ کي اهڙي طرح سيٽ ڪرڻ ته رڳو سڃاڻو توهان جي تصوير، پوسٽون ۽ فون نمبر ڏسن\n"
        "گڏيل فون کي اسڪرين لاڪ ۽ ايپ لاڪ سان محفوظ ڪرڻ، ۽ ٻين جي فون تي اڪائونٽن مان سائن آئوٽ ڪرڻ\n"
        "پرائيويسي ۽ عزت جي حق ۽ آن لائن ڏوهن بابت قانون کي آسان لفظن ۾ سمجهائڻ\n"
        "شڪايت جي جاءِ ڄاڻڻ: آن لائن ڏوهن لاءِ اين سي سي آءِ اي، سم ۽ ٺڳيءَ جي ڪالن لاءِ پي ٽي اي، مدد لاءِ ڊي آر ايف",
        "ps": "واټس اپ او فېسبوک داسې تنظیمول چې یوازې پېژندل شوي کسان ستاسو انځور، پوسټونه او د ټیلیفون شمېره ووینې\n"
        "ګډ ټیلیفون د سکرین قفل او اپ قفل سره خوندي کول، او د نورو په ټیلیفونونو کې له حسابونو وتل\n"
        "د محرمیت او عزت حق او د آنلاين جرمونو په اړه قانون په ساده ټکو پوهول\n"
        "د شکایت ځای پېژندل: د آنلاين جرمونو لپاره اېن سي سي آی اې، د سیم او درغلیو زنګونو لپاره پي ټي اې، د "
        "مرستې لپاره ډي آر اېف",
    },
    "prerequisites": {
        "en": "Participants who have a smartphone bring it; others pair with someone who does.",
        "ur": "جن شرکاء کے پاس اسمارٹ فون ہے وہ ساتھ لائیں؛ باقی کسی فون والے کے ساتھ بیٹھیں۔",
    },
    "body": {
        "en": "- **WhatsApp:** Settings > Privacy: profile photo, 'about' and 'last seen' to 'My contacts'; "
        "Groups to 'My contacts' so strangers cannot add you.\n"
        "- **Facebook:** check who can see your posts and your friends list, and turn off being found by your "
        "phone number.\n"
        "- **Shared phones:** use a screen lock, sign out of your accounts on other people's phones, and do "
        "not save passwords on a shared phone.\n"
        "- **Your rights:** the Constitution of Pakistan protects the dignity of every person and the privacy "
        "of the home (Article 14) and freedom of expression within the law (Article 19). The Prevention of "
        "Electronic Crimes Act (PECA) 2016 makes it a crime to access someone's account or data without "
        "permission and to share intimate images of a person without consent.\n"
        "- **Where to complain:** the NCCIA for online crimes; the PTA (complaint.pta.gov.pk) for SIMs "
        "issued in your name and fraud calls; the Digital Rights Foundation helpline 0800-39393 for advice.",
        "ur": "- **واٹس ایپ:** سیٹنگز > پرائیویسی: پروفائل تصویر، 'اباؤٹ' اور 'لاسٹ سین' کو 'مائی کانٹیکٹس' پر؛ گروپس "
        "کو 'مائی کانٹیکٹس' پر تاکہ اجنبی آپ کو شامل نہ کر سکیں۔\n"
        "- **فیس بک:** دیکھیں کہ آپ کی پوسٹس اور دوستوں کی فہرست کون دیکھ سکتا ہے، اور فون نمبر سے تلاش کیے جانے کا "
        "آپشن بند کریں۔\n"
        "- **مشترکہ فون:** اسکرین لاک استعمال کریں، دوسروں کے فون پر اپنے اکاؤنٹس سے سائن آؤٹ کریں، اور مشترکہ فون پر "
        "پاس ورڈ محفوظ نہ کریں۔\n"
        "- **آپ کے حقوق:** آئین پاکستان ہر شخص کی عزت اور گھر کی پرائیویسی (آرٹیکل 14) اور قانون کے دائرے میں اظہار "
        "رائے کی آزادی (آرٹیکل 19) کا تحفظ کرتا ہے۔ الیکٹرانک جرائم کی روک تھام کا قانون (پیکا) 2016 کسی کے اکاؤنٹ "
        "یا ڈیٹا تک بغیر اجازت رسائی اور کسی کی نجی تصاویر بغیر رضامندی پھیلانے کو جرم قرار دیتا ہے۔\n"
        "- **شکایت کہاں کریں:** آن لائن جرائم کے لیے این سی سی آئی اے؛ آپ کے نام پر جاری سمز اور فراڈ کالوں کے لیے "
        "پی ٹی اے (complaint.pta.gov.pk)؛ مشورے کے لیے ڈیجیٹل رائٹس فاؤنڈیشن ہیلپ لائن 0800-39393۔",
    },
    "facilitator_notes": {
        "en": "Menus change between app versions: check the steps on a current phone before the session. In "
        "mixed groups, some women may not be able to change settings on a phone a relative controls; offer "
        "private help and never push anyone to act against their safety at home.",
        "ur": "ایپ کے ورژن بدلنے سے مینو بدل جاتے ہیں: سیشن سے پہلے کسی نئے فون پر قدم جانچ لیں۔ مخلوط گروپوں میں کچھ خواتین "
        "ایسے فون کی سیٹنگز نہیں بدل سکتیں جو کسی رشتہ دار کے قبضے میں ہو؛ نجی مدد کی پیشکش کریں اور کسی کو گھر میں "
        "اپنی حفاظت کے خلاف قدم اٹھانے پر مجبور نہ کریں۔",
    },
    "activities": [
        {
            "kind": "activity",
            "minutes": 15,
            "title": {"en": "Who can see me?", "ur": "مجھے کون دیکھ سکتا ہے؟"},
            "instructions": {
                "en": "In pairs, participants look at each other's public WhatsApp profile (with permission) and "
                "list what a stranger could learn: photo, name, status, phone number.",
                "ur": "جوڑوں میں شرکاء (اجازت سے) ایک دوسرے کا عوامی واٹس ایپ پروفائل دیکھیں اور لکھیں کہ کوئی اجنبی کیا جان "
                "سکتا ہے: تصویر، نام، اسٹیٹس، فون نمبر۔",
            },
        },
        {
            "kind": "input",
            "minutes": 30,
            "title": {"en": "Settings, step by step", "ur": "سیٹنگز، قدم بہ قدم"},
            "instructions": {
                "en": "Walk through WhatsApp privacy, Facebook audience and a phone screen lock. Helpers assist; "
                "nobody is asked to hand over their phone.",
                "ur": "واٹس ایپ پرائیویسی، فیس بک آڈینس اور فون کے اسکرین لاک کو قدم بہ قدم دکھائیں۔ مددگار مدد کریں؛ کسی سے "
                "اپنا فون حوالے کرنے کو نہیں کہا جاتا۔",
            },
        },
        {
            "kind": "discussion",
            "minutes": 25,
            "title": {"en": "Is this allowed?", "ur": "کیا اس کی اجازت ہے؟"},
            "instructions": {
                "en": "Read short situations (a cousin opens your Facebook, a shopkeeper keeps a copy of your CNIC, "
                "someone posts your picture without asking). Groups discuss: is it a right being violated, and "
                "where could you complain?",
                "ur": "مختصر صورت حال پڑھیں (کوئی کزن آپ کا فیس بک کھولتا ہے، دکاندار آپ کے شناختی کارڈ کی کاپی رکھ لیتا ہے، "
                "کوئی آپ کی تصویر پوچھے بغیر پوسٹ کرتا ہے)۔ گروپ بات کریں: کیا کسی حق کی خلاف ورزی ہو رہی ہے، اور شکایت "
                "کہاں ہو سکتی ہے؟",
            },
        },
        {
            "kind": "synthesis",
            "minutes": 20,
            "title": {"en": "My privacy checklist", "ur": "میری پرائیویسی چیک لسٹ"},
            "instructions": {
                "en": "Each participant ticks what they changed today and picks one thing to help a family member "
                "with. Share the complaint channels.",
                "ur": "ہر شریک نشان لگائے کہ آج اس نے کیا بدلا اور گھر کے کسی فرد کی مدد کے لیے ایک کام چنے۔ شکایت کے ذرائع بتائیں۔",
            },
        },
    ],
    "cards": [
        {
            "myth": {
                "en": "I have nothing to hide, so privacy settings do not matter for me.",
                "ur": "میرے پاس چھپانے کو کچھ نہیں، اس لیے پرائیویسی سیٹنگز میرے لیے اہم نہیں۔",
                "sd": "مون وٽ لڪائڻ لاءِ ڪجهه ناهي، تنهن ڪري پرائيويسي سيٽنگز مون لاءِ اهم ناهن.",
                "ps": "زه د پټولو لپاره څه نه لرم، نو د محرمیت تنظیمات زما لپاره مهم نه دي.",
            },
            "fact": {
                "en": "Scammers and harassers use ordinary details (your photo, your children's school, your "
                "number) to trick or threaten you. Showing them only to people you know is protection, not secrecy.",
                "ur": "دھوکے باز اور ہراساں کرنے والے عام معلومات (آپ کی تصویر، بچوں کا اسکول، آپ کا نمبر) سے دھوکہ دیتے یا "
                "دھمکاتے ہیں۔ یہ صرف جاننے والوں کو دکھانا حفاظت ہے، راز داری نہیں۔",
                "sd": "ٺڳ ۽ هراسان ڪندڙ عام معلومات (توهان جي تصوير، ٻارن جو اسڪول، توهان جو نمبر) سان دوکو ڏين يا ڌمڪائين ٿا. "
                "اهي رڳو سڃاڻن کي ڏيکارڻ حفاظت آهي، لڪائڻ ناهي.",
                "ps": "درغلګر او ځوروونکي عادي معلومات (ستاسو انځور، د ماشومانو ښوونځی، ستاسو شمېره) د غولولو یا ګواښلو "
                "لپاره کاروي. دا یوازې پېژندل شویو ته ښودل ساتنه ده، پټول نه دي.",
            },
        },
        {
            "myth": {
                "en": "Nothing can be done if someone posts my pictures online without asking.",
                "ur": "اگر کوئی میری تصاویر بغیر پوچھے آن لائن لگا دے تو کچھ نہیں ہو سکتا۔",
                "sd": "جيڪڏهن ڪو منهنجون تصويرون پڇڻ کان سواءِ آن لائن رکي ته ڪجهه به نٿو ٿي سگهي.",
                "ps": "که څوک زما انځورونه پرته له پوښتنې آنلاين خپاره کړي نو هېڅ نه شي کېدای.",
            },
            "fact": {
                "en": "You can report the post to the platform, and sharing intimate images without consent is a "
                "crime under PECA 2016: the NCCIA takes complaints and DRF (0800-39393) can help.",
                "ur": "آپ پلیٹ فارم کو پوسٹ کی رپورٹ کر سکتے ہیں، اور نجی تصاویر بغیر رضامندی پھیلانا پیکا 2016 کے تحت جرم "
                "ہے: این سی سی آئی اے شکایت لیتی ہے اور ڈی آر ایف (0800-39393) مدد کر سکتی ہے۔",
                "sd": "توهان پليٽ فارم کي پوسٽ جي رپورٽ ڪري سگهو ٿا، ۽ ذاتي تصويرون رضامندي کان سواءِ پکيڙڻ پيڪا 2016 تحت "
                "ڏوهه آهي: اين سي سي آءِ اي شڪايت وٺي ٿي ۽ ڊي آر ايف (0800-39393) مدد ڪري سگهي ٿي.",
                "ps": "تاسو پلېټفارم ته د پوسټ راپور ورکولی شئ، او پرته له رضایت شخصي انځورونه خپرول د پیکا 2016 له مخې "
                "جرم دی: اېن سي سي آی اې شکایت اخلي او ډي آر اېف (0800-39393) مرسته کولی شي.",
            },
        },
        {
            "myth": {
                "en": "A SIM registered in my name can only be used by me.",
                "ur": "میرے نام پر رجسٹرڈ سم صرف میں ہی استعمال کر سکتا ہوں۔",
                "sd": "منهنجي نالي تي رجسٽرڊ سم رڳو مان ئي استعمال ڪري سگهان ٿو.",
                "ps": "زما په نوم ثبت شوی سیم یوازې زه کارولی شم.",
            },
            "fact": {
                "en": "Fraudsters get SIMs issued on other people's CNICs. Check the SIMs in your name by sending "
                "your CNIC number to 668, and ask your operator to block any you do not know.",
                "ur": "دھوکے باز دوسروں کے شناختی کارڈ پر سمز جاری کروا لیتے ہیں۔ اپنا شناختی کارڈ نمبر 668 پر بھیج کر اپنے نام "
                "پر سمز چیک کریں، اور جو آپ کی نہ ہو اسے آپریٹر سے بند کروائیں۔",
                "sd": "ٺڳ ٻين جي شناختي ڪارڊ تي سمون جاري ڪرائيندا آهن. پنهنجو شناختي ڪارڊ نمبر 668 تي موڪلي پنهنجي نالي تي "
                "سمون چيڪ ڪريو، ۽ جيڪا توهان جي نه هجي اها آپريٽر کان بند ڪرايو.",
                "ps": "درغلګر د نورو په شناختي کارتونو سیمونه اخلي. خپله د شناختي کارت شمېره 668 ته ولېږئ او په خپل نوم "
                "سیمونه وګورئ، او کوم چې ستاسو نه وي هغه د آپرېټر له لارې بند کړئ.",
            },
        },
    ],
    "quiz": [
        {
            "question": {
                "en": "In WhatsApp privacy settings, who should see your profile photo and 'last seen'?",
                "ur": "واٹس ایپ کی پرائیویسی سیٹنگز میں آپ کی پروفائل تصویر اور 'لاسٹ سین' کون دیکھ سکے؟",
                "sd": "واٽس ايپ جي پرائيويسي سيٽنگز ۾ توهان جي پروفائل تصوير ۽ 'لاسٽ سين' ڪير ڏسي سگهي؟",
                "ps": "د واټس اپ د محرمیت په تنظیماتو کې ستاسو د پروفایل انځور او 'وروستی لیدل' څوک یې "
                "ولیدلی شي؟",
            },
            "answers": [
                {
                    "en": "Everyone",
                    "ur": "سب لوگ",
                    "sd": "سڀ ماڻهو",
                    "ps": "ټول خلک",
                },
                {
                    "en": "Anyone who has your number",
                    "ur": "ہر وہ شخص جس کے پاس آپ کا نمبر ہو",
                    "sd": "هر اهو ماڻهو جنهن وٽ توهان جو نمبر هجي",
                    "ps": "هر هغه څوک چې ستاسو شمېره لري",
                },
                {
                    "en": "Only 'My contacts'",
                    "ur": "صرف 'مائی کانٹیکٹس'",
                    "sd": "رڳو 'مائي ڪانٽيڪٽس'",
                    "ps": "یوازې 'زما اړیکې'",
                    "correct": True,
                },
            ],
        },
        {
            "question": {
                "en": "You opened your Facebook on a relative's phone. What should you do when you finish?",
                "ur": "آپ نے کسی رشتہ دار کے فون پر اپنا فیس بک کھولا۔ کام ختم ہونے پر کیا کرنا چاہیے؟",
                "sd": "توهان ڪنهن مائٽ جي فون تي پنهنجو فيس بڪ کوليو. ڪم پورو ٿيڻ تي ڇا ڪرڻ گهرجي؟",
                "ps": "تاسو د یو خپلوان په ټیلیفون کې خپل فېسبوک خلاص کړ. کله چې کار پای ته ورسېږي باید څه "
                "وکړئ؟",
            },
            "answers": [
                {
                    "en": "Sign out of your account",
                    "ur": "اپنے اکاؤنٹ سے سائن آؤٹ کریں",
                    "sd": "پنهنجي اڪائونٽ مان سائن آئوٽ ڪريو",
                    "ps": "له خپل حساب څخه ووځئ",
                    "correct": True,
                },
                {
                    "en": "Save your password on that phone",
                    "ur": "اس فون پر اپنا پاس ورڈ محفوظ کر دیں",
                    "sd": "ان فون تي پنهنجو پاس ورڊ محفوظ ڪريو",
                    "ps": "په هغه ټیلیفون کې خپل پاسورډ خوندي کړئ",
                },
                {
                    "en": "Leave it open for next time",
                    "ur": "اگلی بار کے لیے کھلا چھوڑ دیں",
                    "sd": "ايندڙ ڀيري لاءِ کليل ڇڏي ڏيو",
                    "ps": "د بل ځل لپاره یې خلاص پرېږدئ",
                },
            ],
        },
        {
            "question": {
                "en": "Someone posts your private pictures online without asking. Can anything be done?",
                "ur": "کوئی آپ کی نجی تصاویر بغیر پوچھے آن لائن لگا دیتا ہے۔ کیا کچھ ہو سکتا ہے؟",
                "sd": "ڪو توهان جون ذاتي تصويرون پڇڻ کان سواءِ آن لائن رکي ٿو. ڇا ڪجهه ٿي سگهي ٿو؟",
                "ps": "څوک ستاسو شخصي انځورونه پرته له پوښتنې آنلاين خپروي. ایا څه کېدای شي؟",
            },
            "answers": [
                {
                    "en": "No, nothing can be done",
                    "ur": "نہیں، کچھ نہیں ہو سکتا",
                    "sd": "نه، ڪجهه به نٿو ٿي سگهي",
                    "ps": "نه، هېڅ نه شي کېدای",
                },
                {
                    "en": "Yes: it is a crime; complain to the NCCIA",
                    "ur": "جی ہاں: یہ جرم ہے؛ این سی سی آئی اے کو شکایت کریں",
                    "sd": "ها: اهو ڏوهه آهي؛ اين سي سي آءِ اي وٽ شڪايت ڪريو",
                    "ps": "هو: دا جرم دی؛ اېن سي سي آی اې ته شکایت وکړئ",
                    "correct": True,
                },
            ],
        },
        {
            "question": {
                "en": "How can you check which SIMs are registered on your CNIC?",
                "ur": "آپ کیسے دیکھ سکتے ہیں کہ آپ کے شناختی کارڈ پر کون سی سمز رجسٹرڈ ہیں؟",
                "sd": "توهان ڪيئن ڏسي سگهو ٿا ته توهان جي شناختي ڪارڊ تي ڪهڙيون سمون رجسٽرڊ آهن؟",
                "ps": "تاسو څنګه کتلی شئ چې ستاسو په شناختي کارت کوم سیمونه ثبت شوي دي؟",
            },
            "answers": [
                {
                    "en": "You cannot check this",
                    "ur": "یہ معلوم نہیں کیا جا سکتا",
                    "sd": "اها خبر نٿي پئجي سگهي",
                    "ps": "دا نه شي معلومېدای",
                },
                {
                    "en": "Send your CNIC number to 668",
                    "ur": "اپنا شناختی کارڈ نمبر 668 پر بھیجیں",
                    "sd": "پنهنجو شناختي ڪارڊ نمبر 668 تي موڪليو",
                    "ps": "خپله د شناختي کارت شمېره 668 ته ولېږئ",
                    "correct": True,
                },
                {
                    "en": "Ask any shopkeeper to tell you",
                    "ur": "کسی بھی دکاندار سے پوچھ لیں",
                    "sd": "ڪنهن به دڪاندار کان پڇو",
                    "ps": "له هر دوکاندار څخه وپوښتئ",
                },
            ],
        },
    ],
}
