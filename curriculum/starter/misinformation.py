"""Starter module: misinformation, disinformation and verifying content."""

MODULE = {
    "slug": "check-before-you-forward",
    "topic": "misinformation",
    "audience": "youth",
    "level": "beginner",
    "duration_minutes": 75,
    "title": {
        "en": "Check before you forward: videos, pictures and WhatsApp messages",
        "ur": "آگے بھیجنے سے پہلے جانچیں: ویڈیوز، تصاویر اور واٹس ایپ پیغامات",
        "sd": "اڳتي موڪلڻ کان اڳ جانچيو: وڊيوز، تصويرون ۽ واٽس ايپ نياپا",
        "ps": "مخکې له لېږلو وګورئ: ویډیوګانې، انځورونه او د واټس اپ پیغامونه",
    },
    "summary": {
        "en": "A shocking video arrives in the family group: it may be old, from another country, or edited. "
        "Forwarding it can spread panic, hatred or a fake cure. Participants practise four quick checks "
        "(stop, check the source, look for other reports, find the original) before they share anything.",
        "ur": "خاندانی گروپ میں ایک چونکا دینے والی ویڈیو آتی ہے: ہو سکتا ہے وہ پرانی ہو، کسی اور ملک کی ہو، یا ایڈٹ کی گئی "
        "ہو۔ اسے آگے بھیجنے سے خوف، نفرت یا کوئی جعلی علاج پھیل سکتا ہے۔ شرکاء کچھ بھی شیئر کرنے سے پہلے چار فوری "
        "جانچوں کی مشق کرتے ہیں (رکیں، ذریعہ دیکھیں، دوسری خبریں تلاش کریں، اصل تلاش کریں)۔",
        "sd": "خانداني گروپ ۾ هڪ حيران ڪندڙ وڊيو اچي ٿي: ٿي سگهي ٿو اها پراڻي هجي، ڪنهن ٻئي ملڪ جي هجي، يا ايڊٽ ٿيل هجي. "
        "ان کي اڳتي موڪلڻ سان ڊپ، نفرت يا ڪو ڪوڙو علاج پکڙجي سگهي ٿو. شرڪت ڪندڙ ڪجهه به شيئر ڪرڻ کان اڳ چار "
        "تڪڙيون جانچون سکن ٿا (رڪجو، ذريعو ڏسو، ٻيون خبرون ڳوليو، اصل ڳوليو).",
        "ps": "د کورنۍ ګروپ ته یوه حیرانوونکې ویډیو راځي: کېدای شي زړه وي، د بل هېواد وي، یا ایډیټ شوې وي. د هغې لېږل "
        "وېره، کرکه یا جعلي درملنه خپروي. ګډونوال مخکې له دې چې څه شریک کړي څلور چټکې ازموینې تمرینوي (ودرېږئ، "
        "سرچینه وګورئ، نور راپورونه ولټوئ، اصلي ومومئ).",
    },
    "objectives": {
        "en": "Pause before forwarding and ask who made the message and why\n"
        "Find out whether a photo or video is old or from elsewhere with a reverse image search\n"
        "Compare a claim with reliable news sources and official announcements\n"
        "Reply kindly in a family group when someone shares something false",
        "ur": "آگے بھیجنے سے پہلے رکنا اور پوچھنا کہ پیغام کس نے اور کیوں بنایا\n"
        "ریورس امیج سرچ سے جاننا کہ تصویر یا ویڈیو پرانی ہے یا کہیں اور کی ہے\n"
        "کسی دعوے کا قابل اعتماد خبروں اور سرکاری اعلانات سے موازنہ کرنا\n"
        "جب خاندانی گروپ میں کوئی غلط بات شیئر کرے تو نرمی سے جواب دینا",
        "sd": "اڳتي موڪلڻ کان اڳ رڪجڻ ۽ پڇڻ ته نياپو ڪنهن ۽ ڇو ٺاهيو\n"
        "ريورس اميج سرچ سان ڄاڻڻ ته تصوير يا وڊيو پراڻي آهي يا ڪنهن ٻي هنڌ جي آهي\n"
        "ڪنهن دعويٰ جو ڀروسي جوڳين خبرن ۽ سرڪاري اعلانن سان ڀيٽ ڪرڻ\n"
        "جڏهن خانداني گروپ ۾ ڪو غلط ڳالهه شيئر ڪري ته نرميءَ سان جواب ڏيڻ",
        "ps": "د لېږلو مخکې درېدل او پوښتل چې پیغام چا او ولې جوړ کړی\n"
        "د ریورس انځور لټون په مرسته موندل چې انځور یا ویډیو زړه ده یا د بل ځای ده\n"
        "د یوې ادعا پرتله د باوري خبرونو او رسمي اعلانونو سره\n"
        "کله چې څوک په کورني ګروپ کې ناسم شی شریک کړي نو په نرمۍ ځواب ورکول",
    },
    "prerequisites": {
        "en": "A few smartphones with internet for the group exercise (one per group is enough).",
        "ur": "گروپ مشق کے لیے انٹرنیٹ والے چند اسمارٹ فون (ہر گروپ کے لیے ایک کافی ہے)۔",
    },
    "body": {
        "en": "- **Stop.** Strong feelings (anger, fear, pride) are a warning sign. Wait before forwarding.\n"
        "- **Check the source.** Who first posted it? 'Forwarded many times' means nobody knows.\n"
        "- **Look for other reports.** If something big happened, several reliable news outlets will report it.\n"
        "- **Find the original.** Take a screenshot of the video and search it with Google Lens or another "
        "reverse image search: many 'new' videos are years old or from another country.\n"
        "- **When in doubt, don't forward.** Saying 'I could not confirm this' in the group also helps.",
        "ur": "- **رکیں۔** شدید جذبات (غصہ، خوف، فخر) خطرے کی علامت ہیں۔ آگے بھیجنے سے پہلے انتظار کریں۔\n"
        "- **ذریعہ دیکھیں۔** اسے سب سے پہلے کس نے پوسٹ کیا؟ 'کئی بار فارورڈ کیا گیا' کا مطلب ہے کسی کو معلوم نہیں۔\n"
        "- **دوسری خبریں تلاش کریں۔** اگر کوئی بڑا واقعہ ہوا ہے تو کئی قابل اعتماد خبر رساں ادارے اس کی خبر دیں گے۔\n"
        "- **اصل تلاش کریں۔** ویڈیو کا اسکرین شاٹ لے کر گوگل لینز یا کسی اور ریورس امیج سرچ سے تلاش کریں: بہت سی 'نئی' "
        "ویڈیوز برسوں پرانی یا کسی اور ملک کی ہوتی ہیں۔\n"
        "- **شک ہو تو آگے نہ بھیجیں۔** گروپ میں یہ کہنا کہ 'میں اس کی تصدیق نہیں کر سکا' بھی مدد کرتا ہے۔",
    },
    "facilitator_notes": {
        "en": "Choose examples that are not about religion or a political party, so the discussion stays "
        "about checking, not about sides. Prepare one old video that was re-shared as 'today' and its "
        "original source.",
        "ur": "ایسی مثالیں چنیں جو مذہب یا کسی سیاسی جماعت کے بارے میں نہ ہوں، تاکہ گفتگو جانچ پر رہے، فریقوں پر نہیں۔ ایک "
        "پرانی ویڈیو تیار رکھیں جو 'آج کی' کہہ کر دوبارہ پھیلائی گئی تھی، اور اس کا اصل ذریعہ بھی۔",
    },
    "activities": [
        {
            "kind": "activity",
            "minutes": 10,
            "title": {"en": "What did you receive this week?", "ur": "اس ہفتے آپ کو کیا موصول ہوا؟"},
            "instructions": {
                "en": "Ask participants to recall a forwarded message that surprised them. Did they forward it? Why?",
                "ur": "شرکاء سے کہیں کہ کوئی فارورڈ شدہ پیغام یاد کریں جس نے انہیں حیران کیا۔ کیا انہوں نے اسے آگے بھیجا؟ کیوں؟",
            },
        },
        {
            "kind": "input",
            "minutes": 20,
            "title": {"en": "Four quick checks", "ur": "چار فوری جانچیں"},
            "instructions": {
                "en": "Present the four checks (stop, source, other reports, original) with one worked example. "
                "Show a reverse image search live, or with printed screenshots if there is no connection.",
                "ur": "ایک حل شدہ مثال کے ساتھ چار جانچیں پیش کریں (رکیں، ذریعہ، دوسری خبریں، اصل)۔ ریورس امیج سرچ براہ راست "
                "دکھائیں، یا انٹرنیٹ نہ ہو تو چھپے ہوئے اسکرین شاٹس سے۔",
            },
        },
        {
            "kind": "deepening",
            "minutes": 30,
            "title": {"en": "Fact-checking race", "ur": "تصدیق کا مقابلہ"},
            "instructions": {
                "en": "Each group gets two forwarded posts (one true, one false) and ten minutes to decide which "
                "is which and show their evidence.",
                "ur": "ہر گروپ کو دو فارورڈ شدہ پوسٹس ملیں (ایک سچی، ایک جھوٹی) اور دس منٹ میں فیصلہ کریں کہ کون سی کیا ہے اور "
                "اپنا ثبوت دکھائیں۔",
            },
        },
        {
            "kind": "synthesis",
            "minutes": 15,
            "title": {"en": "A kind reply in the family group", "ur": "خاندانی گروپ میں نرم جواب"},
            "instructions": {
                "en": "Together write a polite reply to an uncle who shared a false video. Recap the four checks.",
                "ur": "مل کر اس چچا کے لیے ایک شائستہ جواب لکھیں جس نے جھوٹی ویڈیو شیئر کی۔ چار جانچیں دہرائیں۔",
            },
        },
    ],
    "cards": [
        {
            "myth": {
                "en": "If a video has been forwarded many times, it must be true.",
                "ur": "اگر کوئی ویڈیو کئی بار فارورڈ ہو چکی ہے تو وہ ضرور سچی ہوگی۔",
                "sd": "جيڪڏهن ڪا وڊيو ڪيترائي ڀيرا فارورڊ ٿي چڪي آهي ته اها ضرور سچي هوندي.",
                "ps": "که یوه ویډیو ډېر ځله فارورډ شوې وي، نو حتما رښتیا ده.",
            },
            "fact": {
                "en": "Being forwarded often only means many people shared it, not that anyone checked it. "
                "False stories often spread faster than true ones.",
                "ur": "بار بار فارورڈ ہونے کا مطلب صرف یہ ہے کہ بہت لوگوں نے اسے شیئر کیا، یہ نہیں کہ کسی نے جانچا۔ جھوٹی "
                "کہانیاں اکثر سچی کہانیوں سے تیز پھیلتی ہیں۔",
                "sd": "بار بار فارورڊ ٿيڻ جو مطلب رڳو اهو آهي ته گهڻن ماڻهن شيئر ڪيو، اهو نه ته ڪنهن جانچيو. ڪوڙيون ڳالهيون "
                "اڪثر سچين کان تيز پکڙجن ٿيون.",
                "ps": "ډېر ځله فارورډ کېدل یوازې دا معنا لري چې ډېرو خلکو شریک کړی، نه دا چې چا کتلی. دروغجنې کیسې "
                "اکثره تر رښتینو ګړندۍ خپرېږي.",
            },
        },
        {
            "myth": {
                "en": "A video cannot lie: if I can see it, it happened here and now.",
                "ur": "ویڈیو جھوٹ نہیں بول سکتی: اگر میں دیکھ رہا ہوں تو یہ یہیں اور ابھی ہوا ہے۔",
                "sd": "وڊيو ڪوڙ نٿي ڳالهائي سگهي: جيڪڏهن مان ڏسي رهيو آهيان ته اهو هتي ۽ هاڻي ٿيو آهي.",
                "ps": "ویډیو دروغ نه شي ویلای: که زه یې وینم نو همدلته او همدا اوس پېښ شوی.",
            },
            "fact": {
                "en": "Many viral videos are real but old, or filmed in another country, with a new false caption. "
                "A reverse image search of a screenshot often finds the original.",
                "ur": "بہت سی وائرل ویڈیوز اصلی ہوتی ہیں مگر پرانی، یا کسی اور ملک میں بنی ہوئی، نئی جھوٹی سرخی کے ساتھ۔ "
                "اسکرین شاٹ کی ریورس امیج سرچ سے اکثر اصل مل جاتی ہے۔",
                "sd": "گهڻيون وائرل وڊيوز اصلي هونديون آهن پر پراڻيون، يا ڪنهن ٻئي ملڪ ۾ ٺهيل، نئين ڪوڙي سرخيءَ سان. اسڪرين "
                "شاٽ جي ريورس اميج سرچ سان اڪثر اصل ملي ويندي آهي.",
                "ps": "ډېرې وایرل ویډیوګانې رښتیا وي خو زړې، یا په بل هېواد کې اخیستل شوې، له نوي دروغجن سرلیک سره. د "
                "سکرین شاټ ریورس انځور لټون اکثره اصلي مومي.",
            },
        },
        {
            "myth": {
                "en": "Forwarding a message 'just in case' does no harm.",
                "ur": "'احتیاطاً' پیغام آگے بھیج دینے میں کوئی نقصان نہیں۔",
                "sd": "'احتياط طور' نياپو اڳتي موڪلڻ ۾ ڪو نقصان ناهي.",
                "ps": "'د احتیاط لپاره' د پیغام لېږل هېڅ زیان نه لري.",
            },
            "fact": {
                "en": "False warnings and fake cures have led to panic, violence and people skipping real "
                "treatment. If you cannot confirm it, do not forward it.",
                "ur": "جھوٹی وارننگز اور جعلی علاج خوف، تشدد اور لوگوں کے اصل علاج چھوڑنے کا سبب بنے ہیں۔ اگر آپ تصدیق نہیں "
                "کر سکتے تو آگے نہ بھیجیں۔",
                "sd": "ڪوڙيون خبرداريون ۽ ڪوڙا علاج ڊپ، تشدد ۽ ماڻهن جي اصل علاج ڇڏڻ جو سبب بڻيا آهن. جيڪڏهن توهان تصديق "
                "نٿا ڪري سگهو ته اڳتي نه موڪليو.",
                "ps": "دروغجنو خبرتیاوو او جعلي درملنو وېره، تاوتریخوالی او د خلکو له اصلي درملنې لاس اخیستل رامنځته کړي. "
                "که تصدیق یې نه شئ کولی، مه یې لېږئ.",
            },
        },
    ],
    "quiz": [
        {
            "question": {
                "en": "A shocking video makes you very angry or afraid. What should you do first?",
                "ur": "ایک چونکا دینے والی ویڈیو آپ کو بہت غصہ یا خوف دلاتی ہے۔ سب سے پہلے کیا کرنا چاہیے؟",
                "sd": "هڪ حيران ڪندڙ وڊيو ڏسي توهان کي ڏاڍي ڪاوڙ يا ڊپ ٿئي ٿو. سڀ کان پهريان ڇا ڪرڻ گهرجي؟",
                "ps": "د یوې حیرانوونکې ویډیو په لیدو ډېره غوسه یا وېره درته پیدا کېږي. تر ټولو لومړی باید "
                "څه وکړئ؟",
            },
            "answers": [
                {
                    "en": "Forward it fast to warn everyone",
                    "ur": "سب کو خبردار کرنے کے لیے جلدی آگے بھیجیں",
                    "sd": "سڀني کي خبردار ڪرڻ لاءِ جلدي اڳتي موڪليو",
                    "ps": "ټولو ته د خبرتیا لپاره یې ژر ولېږئ",
                },
                {
                    "en": "Stop and wait before forwarding",
                    "ur": "رکیں اور آگے بھیجنے سے پہلے انتظار کریں",
                    "sd": "رڪجو ۽ اڳتي موڪلڻ کان اڳ انتظار ڪريو",
                    "ps": "ودرېږئ او د لېږلو مخکې انتظار وکړئ",
                    "correct": True,
                },
                {
                    "en": "Forward it 'just in case'",
                    "ur": "'احتیاطاً' آگے بھیج دیں",
                    "sd": "'احتياط طور' اڳتي موڪليو",
                    "ps": "'د احتیاط لپاره' یې ولېږئ",
                },
            ],
        },
        {
            "question": {
                "en": "A forwarded message says something big happened. How can you check it?",
                "ur": "ایک فارورڈ شدہ پیغام کہتا ہے کہ کوئی بڑا واقعہ ہوا ہے۔ آپ اسے کیسے جانچ سکتے ہیں؟",
                "sd": "هڪ فارورڊ ٿيل نياپو چوي ٿو ته ڪو وڏو واقعو ٿيو آهي. توهان ان کي ڪيئن جانچي سگهو ٿا؟",
                "ps": "یو فارورډ شوی پیغام وايي چې یوه لویه پېښه شوې ده. تاسو څنګه پوهېدلی شئ چې رښتیا ده؟",
            },
            "answers": [
                {
                    "en": "See if several reliable news outlets report it",
                    "ur": "دیکھیں کہ کئی قابل اعتماد خبر رساں ادارے اس کی خبر دیتے ہیں یا نہیں",
                    "sd": "ڏسو ته ڪيترائي ڀروسي جوڳا خبرن جا ادارا اها خبر ڏين ٿا يا نه",
                    "ps": "وګورئ چې ایا څو باوري خبري ادارې یې خبر ورکوي",
                    "correct": True,
                },
                {
                    "en": "It is true if many people forwarded it",
                    "ur": "اگر بہت لوگوں نے آگے بھیجا ہے تو سچ ہے",
                    "sd": "جيڪڏهن گهڻن ماڻهن اڳتي موڪليو آهي ته سچ آهي",
                    "ps": "که ډېرو خلکو لېږلی وي نو رښتیا ده",
                },
                {
                    "en": "Believe it because a relative sent it",
                    "ur": "مان لیں کیونکہ کسی رشتہ دار نے بھیجا ہے",
                    "sd": "مڃي وٺو ڇاڪاڻ ته ڪنهن مائٽ موڪليو آهي",
                    "ps": "ومنئ یې ځکه چې یو خپلوان لېږلی دی",
                },
            ],
        },
        {
            "question": {
                "en": "How can you find out if a 'new' video is really old or from another country?",
                "ur": "آپ کیسے جان سکتے ہیں کہ کوئی 'نئی' ویڈیو دراصل پرانی یا کسی اور ملک کی ہے؟",
                "sd": "توهان ڪيئن ڄاڻي سگهو ٿا ته ڪا 'نئين' وڊيو اصل ۾ پراڻي يا ڪنهن ٻئي ملڪ جي آهي؟",
                "ps": "تاسو څنګه پوهېدلی شئ چې یوه 'نوې' ویډیو په اصل کې زړه ده یا د بل هېواد ده؟",
            },
            "answers": [
                {
                    "en": "Count how many groups shared it",
                    "ur": "گنیں کہ کتنے گروپوں میں شیئر ہوئی",
                    "sd": "ڳڻيو ته ڪيترن گروپن ۾ شيئر ٿي",
                    "ps": "وشمېرئ چې په څو ګروپونو کې شریکه شوې",
                },
                {
                    "en": "Trust it if the picture is clear",
                    "ur": "اگر تصویر صاف ہے تو یقین کر لیں",
                    "sd": "جيڪڏهن تصوير صاف آهي ته يقين ڪري وٺو",
                    "ps": "که انځور روښانه وي نو باور پرې وکړئ",
                },
                {
                    "en": "Search a screenshot with Google Lens",
                    "ur": "اسکرین شاٹ لے کر گوگل لینز سے تلاش کریں",
                    "sd": "اسڪرين شاٽ وٺي گوگل لينز سان ڳوليو",
                    "ps": "سکرین شاټ واخلئ او په ګوګل لېنز یې ولټوئ",
                    "correct": True,
                },
            ],
        },
        {
            "question": {
                "en": "Your uncle shares a false video in the family group. What is a good reply?",
                "ur": "آپ کے چچا خاندانی گروپ میں ایک جھوٹی ویڈیو شیئر کرتے ہیں۔ اچھا جواب کیا ہے؟",
                "sd": "توهان جو چاچو خانداني گروپ ۾ هڪ ڪوڙي وڊيو شيئر ڪري ٿو. سٺو جواب ڇا آهي؟",
                "ps": "ستاسو تره د کورنۍ په ګروپ کې یوه دروغجنه ویډیو شریکوي. ښه ځواب کوم دی؟",
            },
            "answers": [
                {
                    "en": "Shout at him in front of everyone",
                    "ur": "سب کے سامنے ان پر چیخیں",
                    "sd": "سڀني جي سامهون مٿس رڙيون ڪريو",
                    "ps": "د ټولو په وړاندې پرې چیغې ووهئ",
                },
                {
                    "en": "Kindly write: 'I could not confirm this'",
                    "ur": "نرمی سے لکھیں: 'میں اس کی تصدیق نہیں کر سکا'",
                    "sd": "نرميءَ سان لکو: 'مان ان جي تصديق نه ڪري سگهيس'",
                    "ps": "په نرمۍ ولیکئ: 'ما د دې تصدیق ونه شو کړای'",
                    "correct": True,
                },
                {
                    "en": "Forward it to your other groups too",
                    "ur": "اسے اپنے دوسرے گروپوں میں بھی بھیج دیں",
                    "sd": "ان کي پنهنجن ٻين گروپن ۾ به موڪليو",
                    "ps": "دا خپلو نورو ګروپونو ته هم ولېږئ",
                },
            ],
        },
    ],
}
