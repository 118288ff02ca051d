"""Starter module: cyber harassment and safe social media."""

MODULE = {
    "slug": "whatsapp-takeover-and-sextortion",
    "topic": "harassment-social-media",
    "audience": "women",
    "level": "beginner",
    "duration_minutes": 90,
    "title": {
        "en": "WhatsApp account takeover and sextortion: what to do",
        "ur": "واٹس ایپ اکاؤنٹ پر قبضہ اور جنسی بلیک میلنگ: کیا کریں",
        "sd": "واٽس ايپ اڪائونٽ تي قبضو ۽ جنسي بليڪ ميلنگ: ڇا ڪجي",
        "ps": "پر واټس اپ حساب قبضه او جنسي تور: څه وکړو",
    },
    "summary": {
        "en": "A stranger or a 'friend' asks for the 6-digit WhatsApp code that just arrived, and the account "
        "is gone. Someone threatens to share private pictures unless you pay. This session shows how to "
        "lock WhatsApp with two-step verification, how to respond to blackmail without paying, and where "
        "women and girls can get confidential help.",
        "ur": "کوئی اجنبی یا 'دوست' ابھی آنے والا واٹس ایپ کا چھ ہندسوں کا کوڈ مانگتا ہے، اور اکاؤنٹ ہاتھ سے نکل جاتا ہے۔ "
        "کوئی دھمکی دیتا ہے کہ پیسے نہ دیے تو نجی تصاویر پھیلا دے گا۔ اس سیشن میں سکھایا جاتا ہے کہ ٹو اسٹیپ "
        "ویریفکیشن سے واٹس ایپ کیسے محفوظ کریں، پیسے دیے بغیر بلیک میلنگ کا سامنا کیسے کریں، اور خواتین اور "
        "لڑکیاں رازداری کے ساتھ مدد کہاں سے لے سکتی ہیں۔",
        "sd": "ڪو اجنبي يا 'دوست' واٽس ايپ جو ڇهن انگن وارو ڪوڊ گهري ٿو جيڪو اڃا آيو آهي، ۽ اڪائونٽ هٿ مان نڪري وڃي ٿو. "
        "ڪو ڌمڪي ڏئي ٿو ته پئسا نه ڏنا ته ذاتي تصويرون پکيڙيندو. هن سيشن ۾ سيکاريو وڃي ٿو ته ٽو اسٽيپ ويريفڪيشن "
        "سان واٽس ايپ ڪيئن محفوظ ڪجي، پئسا ڏيڻ کان سواءِ بليڪ ميلنگ کي ڪيئن منهن ڏجي، ۽ عورتون ۽ ڇوڪريون "
        "رازداريءَ سان مدد ڪٿان وٺي سگهن ٿيون.",
        "ps": "یو ناپېژندل شوی یا 'ملګری' د واټس اپ هغه شپږ رقمي کوډ غواړي چې همدا اوس راغلی، او حساب له لاسه ووځي. "
        "څوک ګواښ کوي چې که پیسې ورنه کړې نو شخصي انځورونه به خپاره کړي. په دې غونډه کې ښودل کېږي چې څنګه واټس "
        "اپ په دوه ګامه تصدیق خوندي کړو، څنګه پرته له پیسو ورکولو د تور سره مخ شو، او ښځې او نجونې چېرته پټه "
        "مرسته ترلاسه کولی شي.",
    },
    "objectives": {
        "en": "Explain why the 6-digit WhatsApp code must never be shared, even with friends or family\n"
        "Turn on two-step verification and hide profile photo and 'last seen' from strangers\n"
        "Respond to sextortion safely: do not pay, keep evidence, block and report\n"
        "Know confidential help: the Digital Rights Foundation helpline 0800-39393 and the NCCIA",
        "ur": "یہ سمجھانا کہ واٹس ایپ کا چھ ہندسوں کا کوڈ کبھی کسی کو نہیں بتانا، چاہے دوست ہو یا رشتہ دار\n"
        "ٹو اسٹیپ ویریفکیشن آن کرنا اور پروفائل تصویر اور 'لاسٹ سین' اجنبیوں سے چھپانا\n"
        "جنسی بلیک میلنگ کا محفوظ جواب: پیسے نہ دیں، ثبوت محفوظ رکھیں، بلاک کریں اور رپورٹ کریں\n"
        "رازدارانہ مدد جاننا: ڈیجیٹل رائٹس فاؤنڈیشن ہیلپ لائن 0800-39393 اور این سی سی آئی اے",
        "sd": "سمجهائڻ ته واٽس ايپ جو ڇهن انگن وارو ڪوڊ ڪڏهن به ڪنهن کي نه ٻڌائجي، ڀلي دوست هجي يا مائٽ\n"
        "ٽو اسٽيپ ويريفڪيشن آن ڪرڻ ۽ پروفائل تصوير ۽ 'لاسٽ سين' اجنبين کان لڪائڻ\n"
        "جنسي بليڪ ميلنگ جو محفوظ جواب: پئسا نه ڏيو، ثبوت سنڀاليو، بلاڪ ڪريو ۽ رپورٽ ڪريو\n"
        "رازدارانه مدد ڄاڻڻ: ڊجيٽل رائيٽس فائونڊيشن هيلپ لائين 0800-39393 ۽ اين سي سي آءِ اي",
        "ps": "دا پوهول چې د واټس اپ شپږ رقمي کوډ هېچا ته نه ویل کېږي، که ملګری وي که خپلوان\n"
        "دوه ګامه تصدیق فعالول او د پروفایل انځور او 'وروستی لیدل' له ناپېژندلو پټول\n"
        "جنسي تور ته خوندي ځواب: پیسې مه ورکوئ، شواهد وساتئ، بلاک او راپور ورکړئ\n"
        "پټه مرسته پېژندل: د ډیجیټل رایټس فاونډېشن مرستندویه کرښه 0800-39393 او اېن سي سي آی اې",
    },
    "prerequisites": {
        "en": "Participants bring their own phones if they wish; nobody is asked to show their messages.",
        "ur": "شرکاء چاہیں تو اپنے فون ساتھ لائیں؛ کسی سے اس کے پیغامات دکھانے کو نہیں کہا جاتا۔",
    },
    "body": {
        "en": "- **The 6-digit code is the key to your WhatsApp.** A message like 'I sent my code to your number "
        "by mistake, please forward it' is the most common trick, often from a hacked friend's account.\n"
        "- **Turn on two-step verification:** WhatsApp > Settings > Account > Two-step verification. Choose "
        "a PIN that is not your birthday.\n"
        "- **Sextortion is a crime, and it is not your fault.** Do not pay: paying brings more demands. Do "
        "not delete the chat; take screenshots of the messages and the account name, then block and report.\n"
        "- **Confidential help:** Digital Rights Foundation cyber harassment helpline 0800-39393 (free); a "
        "complaint to the NCCIA (formerly the FIA Cyber Crime Wing).",
        "ur": "- **چھ ہندسوں کا کوڈ آپ کے واٹس ایپ کی چابی ہے۔** 'غلطی سے میرا کوڈ آپ کے نمبر پر آ گیا ہے، براہ کرم بھیج "
        "دیں' جیسا پیغام سب سے عام چال ہے، اکثر کسی دوست کے ہیک شدہ اکاؤنٹ سے۔\n"
        "- **ٹو اسٹیپ ویریفکیشن آن کریں:** واٹس ایپ > سیٹنگز > اکاؤنٹ > ٹو اسٹیپ ویریفکیشن۔ ایسا پن چنیں جو آپ کی "
        "تاریخ پیدائش نہ ہو۔\n"
        "- **جنسی بلیک میلنگ جرم ہے، اور اس میں آپ کا قصور نہیں۔** پیسے نہ دیں: پیسے دینے سے مطالبے بڑھتے ہیں۔ چیٹ "
        "ڈیلیٹ نہ کریں؛ پیغامات اور اکاؤنٹ کے نام کے اسکرین شاٹ لیں، پھر بلاک اور رپورٹ کریں۔\n"
        "- **رازدارانہ مدد:** ڈیجیٹل رائٹس فاؤنڈیشن سائبر ہراسمنٹ ہیلپ لائن 0800-39393 (مفت)؛ این سی سی آئی اے "
        "(سابقہ ایف آئی اے سائبر کرائم ونگ) کو شکایت۔",
    },
    "facilitator_notes": {
        "en": "This topic can be painful. Say at the start that nobody has to share anything personal, and "
        "that you will stay after the session for private questions. Never ask a participant to show images. "
        "If someone discloses abuse, listen, do not judge, and give the helpline number privately.",
        "ur": "یہ موضوع تکلیف دہ ہو سکتا ہے۔ شروع میں بتائیں کہ کسی کو ذاتی بات بتانے کی ضرورت نہیں، اور آپ سیشن کے بعد "
        "نجی سوالات کے لیے رکیں گی۔ کسی شریک سے کبھی تصاویر دکھانے کو نہ کہیں۔ اگر کوئی زیادتی کا ذکر کرے تو سنیں، "
        "فیصلہ نہ سنائیں، اور ہیلپ لائن کا نمبر الگ سے دیں۔",
    },
    "activities": [
        {
            "kind": "activity",
            "minutes": 15,
            "title": {"en": "The code message", "ur": "کوڈ والا پیغام"},
            "instructions": {
                "en": "Read out the message 'I sent my code to your number by mistake, please forward it'. Ask: "
                "what would you do? What happens if you forward it?",
                "ur": "یہ پیغام پڑھ کر سنائیں: 'غلطی سے میرا کوڈ آپ کے نمبر پر آ گیا ہے، براہ کرم بھیج دیں'۔ پوچھیں: آپ کیا "
                "کریں گی؟ اگر آپ اسے بھیج دیں تو کیا ہوگا؟",
            },
        },
        {
            "kind": "input",
            "minutes": 25,
            "title": {"en": "Lock your WhatsApp together", "ur": "مل کر اپنا واٹس ایپ محفوظ کریں"},
            "instructions": {
                "en": "Step by step on participants' phones: two-step verification, profile photo and 'last "
                "seen' to 'My contacts', who can add you to groups. Helpers go round to assist.",
                "ur": "شرکاء کے فون پر قدم بہ قدم: ٹو اسٹیپ ویریفکیشن، پروفائل تصویر اور 'لاسٹ سین' کو 'مائی کانٹیکٹس' پر، "
                "اور یہ کہ کون آپ کو گروپ میں شامل کر سکتا ہے۔ مددگار گھوم کر مدد کریں۔",
            },
        },
        {
            "kind": "discussion",
            "minutes": 25,
            "title": {
                "en": "Aisha's story: responding to blackmail",
                "ur": "عائشہ کی کہانی: بلیک میلنگ کا جواب",
            },
            "instructions": {
                "en": "Tell a short fictional story: Aisha receives threats to share edited pictures unless she "
                "pays. In groups, list what she should do first, who she can tell, and what she should not do.",
                "ur": "ایک مختصر فرضی کہانی سنائیں: عائشہ کو دھمکی ملتی ہے کہ پیسے نہ دیے تو ایڈٹ شدہ تصاویر پھیلا دی جائیں گی۔ "
                "گروپوں میں لکھیں کہ اسے پہلے کیا کرنا چاہیے، وہ کس کو بتا سکتی ہے، اور اسے کیا نہیں کرنا چاہیے۔",
            },
        },
        {
            "kind": "synthesis",
            "minutes": 25,
            "title": {"en": "Help numbers in every phone", "ur": "ہر فون میں مدد کے نمبر"},
            "instructions": {
                "en": "Everyone saves the DRF helpline 0800-39393 in their contacts. Recap the four steps: do "
                "not pay, keep evidence, block and report, ask for help.",
                "ur": "سب اپنے کانٹیکٹس میں ڈی آر ایف ہیلپ لائن 0800-39393 محفوظ کریں۔ چار قدم دہرائیں: پیسے نہ دیں، ثبوت "
                "رکھیں، بلاک اور رپورٹ کریں، مدد مانگیں۔",
            },
        },
    ],
    "cards": [
        {
            "myth": {
                "en": "It is fine to send the WhatsApp code to a friend who asks for it.",
                "ur": "اگر کوئی دوست واٹس ایپ کا کوڈ مانگے تو بھیج دینے میں کوئی حرج نہیں۔",
                "sd": "جيڪڏهن ڪو دوست واٽس ايپ جو ڪوڊ گهري ته موڪلڻ ۾ ڪو حرج ناهي.",
                "ps": "که یو ملګری د واټس اپ کوډ وغواړي نو لېږل یې کومه ستونزه نه ده.",
            },
            "fact": {
                "en": "Your friend's account may already be hacked. Whoever gets the code takes over your "
                "WhatsApp. Never share it with anyone.",
                "ur": "ہو سکتا ہے آپ کے دوست کا اکاؤنٹ پہلے ہی ہیک ہو چکا ہو۔ جسے کوڈ ملتا ہے وہ آپ کا واٹس ایپ لے لیتا ہے۔ "
                "یہ کوڈ کبھی کسی کو نہ بتائیں۔",
                "sd": "ٿي سگهي ٿو توهان جي دوست جو اڪائونٽ اڳ ئي هيڪ ٿي چڪو هجي. جنهن کي ڪوڊ ملي ٿو اهو توهان جو واٽس ايپ "
                "وٺي وٺي ٿو. اهو ڪوڊ ڪڏهن به ڪنهن کي نه ٻڌايو.",
                "ps": "کېدای شي ستاسو د ملګري حساب مخکې هېک شوی وي. چا ته چې کوډ ورسېږي هغه ستاسو واټس اپ نیسي. دا کوډ "
                "هېڅکله هېچا ته مه ورکوئ.",
            },
        },
        {
            "myth": {
                "en": "If someone blackmails you with pictures, paying once will make them stop.",
                "ur": "اگر کوئی تصاویر کے ذریعے بلیک میل کرے تو ایک بار پیسے دینے سے وہ رک جائے گا۔",
                "sd": "جيڪڏهن ڪو تصويرن ذريعي بليڪ ميل ڪري ته هڪ ڀيرو پئسا ڏيڻ سان هو رڪجي ويندو.",
                "ps": "که څوک د انځورونو له لارې تور ولګوي، یو ځل پیسې ورکول به یې ودروي.",
            },
            "fact": {
                "en": "Paying usually brings more demands. Do not pay; keep screenshots, block, report the "
                "account and call the DRF helpline 0800-39393 for confidential help.",
                "ur": "پیسے دینے سے عموماً مطالبے بڑھ جاتے ہیں۔ پیسے نہ دیں؛ اسکرین شاٹ رکھیں، بلاک کریں، اکاؤنٹ کی رپورٹ کریں "
                "اور رازدارانہ مدد کے لیے ڈی آر ایف ہیلپ لائن 0800-39393 پر کال کریں۔",
                "sd": "پئسا ڏيڻ سان عام طور مطالبا وڌي ويندا آهن. پئسا نه ڏيو؛ اسڪرين شاٽ رکو، بلاڪ ڪريو، اڪائونٽ جي رپورٽ "
                "ڪريو ۽ رازدارانه مدد لاءِ ڊي آر ايف هيلپ لائين 0800-39393 تي فون ڪريو.",
                "ps": "پیسې ورکول معمولا نورې غوښتنې راولي. پیسې مه ورکوئ؛ سکرین شاټونه وساتئ، بلاک یې کړئ، د حساب راپور "
                "ورکړئ او د پټې مرستې لپاره د ډي آر اېف مرستندویه کرښې 0800-39393 ته زنګ ووهئ.",
            },
        },
        {
            "myth": {
                "en": "A woman who is harassed online must have done something to invite it.",
                "ur": "جس عورت کو آن لائن ہراساں کیا جائے اس نے ضرور خود کچھ کیا ہوگا۔",
                "sd": "جنهن عورت کي آن لائن هراسان ڪيو وڃي ان ضرور پاڻ ڪجهه ڪيو هوندو.",
                "ps": "هغه ښځه چې آنلاين ځورول کېږي، حتما یې پخپله څه کړي دي.",
            },
            "fact": {
                "en": "Harassment is the harasser's crime, never the victim's fault. Blaming her keeps her silent; "
                "listening and helping her report protects her.",
                "ur": "ہراسانی ہراساں کرنے والے کا جرم ہے، متاثرہ کا قصور کبھی نہیں۔ الزام دینا اسے خاموش کر دیتا ہے؛ سننا اور "
                "رپورٹ کرنے میں مدد کرنا اس کی حفاظت کرتا ہے۔",
                "sd": "هراسمينٽ هراسان ڪندڙ جو ڏوهه آهي، متاثره جو قصور ڪڏهن به نه. الزام ڏيڻ کيس خاموش ڪري ٿو؛ ٻڌڻ ۽ "
                "رپورٽ ڪرڻ ۾ مدد ڪرڻ سندس حفاظت ڪري ٿو.",
                "ps": "ځورونه د ځوروونکي جرم دی، هېڅکله د قرباني ګناه نه ده. ملامتول یې چوپ کوي؛ اورېدل او د راپور په "
                "ورکولو کې مرسته یې ساتنه کوي.",
            },
        },
    ],
    "quiz": [
        {
            "question": {
                "en": "A friend writes: 'I sent my code to your number by mistake, please forward it.' What "
                "should you do?",
                "ur": "ایک دوست کا پیغام آتا ہے: 'غلطی سے میرا کوڈ آپ کے نمبر پر آ گیا ہے، براہ کرم بھیج "
                "دیں'۔ آپ کو کیا کرنا چاہیے؟",
                "sd": "هڪ دوست جو نياپو اچي ٿو: 'غلطيءَ سان منهنجو ڪوڊ توهان جي نمبر تي اچي ويو آهي، مهرباني "
                "ڪري موڪلي ڏيو'. توهان کي ڇا ڪرڻ گهرجي؟",
                "ps": "یو ملګری پیغام لیکي: 'زما کوډ په غلطۍ ستاسو شمېرې ته راغلی، مهرباني وکړئ را یې "
                "ولېږئ'. تاسو باید څه وکړئ؟",
            },
            "answers": [
                {
                    "en": "Forward it, because a friend asked",
                    "ur": "بھیج دیں، کیونکہ دوست نے مانگا ہے",
                    "sd": "موڪلي ڏيو، ڇاڪاڻ ته دوست گهريو آهي",
                    "ps": "ویې لېږئ، ځکه چې ملګري غوښتی دی",
                },
                {
                    "en": "Forward it, then delete the message",
                    "ur": "بھیج دیں، پھر پیغام ڈیلیٹ کر دیں",
                    "sd": "موڪلي ڏيو، پوءِ نياپو ڊليٽ ڪري ڇڏيو",
                    "ps": "ویې لېږئ، بیا پیغام پاک کړئ",
                },
                {
                    "en": "Never send it: the friend's account may be hacked",
                    "ur": "کبھی نہ بھیجیں: ہو سکتا ہے دوست کا اکاؤنٹ ہیک ہو چکا ہو",
                    "sd": "ڪڏهن به نه موڪليو: ٿي سگهي ٿو دوست جو اڪائونٽ هيڪ ٿي چڪو هجي",
                    "ps": "هېڅکله یې مه لېږئ: کېدای شي د ملګري حساب هېک شوی وي",
                    "correct": True,
                },
            ],
        },
        {
            "question": {
                "en": "Which WhatsApp setting locks your account with a PIN?",
                "ur": "واٹس ایپ کی کون سی سیٹنگ آپ کے اکاؤنٹ کو پن سے محفوظ کرتی ہے؟",
                "sd": "واٽس ايپ جي ڪهڙي سيٽنگ توهان جي اڪائونٽ کي پن سان محفوظ ڪري ٿي؟",
                "ps": "د واټس اپ کوم تنظیم ستاسو حساب په پن خوندي کوي؟",
            },
            "answers": [
                {
                    "en": "Two-step verification",
                    "ur": "ٹو اسٹیپ ویریفکیشن",
                    "sd": "ٽو اسٽيپ ويريفڪيشن",
                    "ps": "دوه ګامه تصدیق",
                    "correct": True,
                },
                {
                    "en": "Showing 'last seen' to everyone",
                    "ur": "'لاسٹ سین' سب کو دکھانا",
                    "sd": "'لاسٽ سين' سڀني کي ڏيکارڻ",
                    "ps": "'وروستی لیدل' ټولو ته ښودل",
                },
                {
                    "en": "Letting anyone add you to groups",
                    "ur": "ہر کسی کو گروپ میں شامل کرنے کی اجازت دینا",
                    "sd": "هر ڪنهن کي گروپ ۾ شامل ڪرڻ جي اجازت ڏيڻ",
                    "ps": "هر چا ته اجازه ورکول چې په ګروپونو کې مو ورګډ کړي",
                },
            ],
        },
        {
            "question": {
                "en": "Someone threatens to share your pictures unless you pay. What should you do?",
                "ur": "کوئی دھمکی دیتا ہے کہ پیسے نہ دیے تو آپ کی تصاویر پھیلا دے گا۔ آپ کو کیا کرنا چاہیے؟",
                "sd": "ڪو ڌمڪي ڏئي ٿو ته پئسا نه ڏنا ته توهان جون تصويرون پکيڙيندو. توهان کي ڇا ڪرڻ گهرجي؟",
                "ps": "څوک ګواښ کوي چې که پیسې ورنه کړئ نو ستاسو انځورونه به خپاره کړي. تاسو باید څه وکړئ؟",
            },
            "answers": [
                {
                    "en": "Pay once, then he will stop",
                    "ur": "ایک بار پیسے دے دیں، پھر وہ رک جائے گا",
                    "sd": "هڪ ڀيرو پئسا ڏيو، پوءِ هو رڪجي ويندو",
                    "ps": "یو ځل پیسې ورکړئ، بیا به ودرېږي",
                },
                {
                    "en": "Do not pay; keep screenshots, block and report",
                    "ur": "پیسے نہ دیں؛ اسکرین شاٹ رکھیں، بلاک اور رپورٹ کریں",
                    "sd": "پئسا نه ڏيو؛ اسڪرين شاٽ رکو، بلاڪ ڪريو ۽ رپورٽ ڪريو",
                    "ps": "پیسې مه ورکوئ؛ سکرین شاټونه وساتئ، بلاک او راپور ورکړئ",
                    "correct": True,
                },
                {
                    "en": "Delete the whole chat at once",
                    "ur": "فوراً ساری چیٹ ڈیلیٹ کر دیں",
                    "sd": "فوري طور سڄي چيٽ ڊليٽ ڪري ڇڏيو",
                    "ps": "سمدستي ټول چیټ پاک کړئ",
                },
            ],
        },
        {
            "question": {
                "en": "Where can women and girls get free, confidential help for online harassment?",
                "ur": "خواتین اور لڑکیاں آن لائن ہراسانی کے لیے مفت اور رازدارانہ مدد کہاں سے لے سکتی ہیں؟",
                "sd": "عورتون ۽ ڇوڪريون آن لائن هراسمينٽ لاءِ مفت ۽ رازدارانه مدد ڪٿان وٺي سگهن ٿيون؟",
                "ps": "ښځې او نجونې د آنلاين ځورونې لپاره وړیا او پټه مرسته چېرته ترلاسه کولی شي؟",
            },
            "answers": [
                {
                    "en": "Nowhere: they must stay silent",
                    "ur": "کہیں سے نہیں: انہیں خاموش رہنا چاہیے",
                    "sd": "ڪٿان به نه: انهن کي خاموش رهڻ گهرجي",
                    "ps": "هېڅ ځای نه: هغوی باید چوپې پاتې شي",
                },
                {
                    "en": "The DRF helpline 0800-39393",
                    "ur": "ڈی آر ایف ہیلپ لائن 0800-39393",
                    "sd": "ڊي آر ايف هيلپ لائين 0800-39393",
                    "ps": "د ډي آر اېف مرستندویه کرښه 0800-39393",
                    "correct": True,
                },
            ],
        },
    ],
}
