"""Starter module: online scams and digital fraud. English and Urdu complete; Sindhi and Pashto
titles, summary, objectives and cards. Everything but English ships as "needs review"."""

MODULE = {
    "slug": "fake-payments-and-otp-theft",
    "topic": "scams-fraud",
    "audience": "general",
    "level": "beginner",
    "duration_minutes": 90,
    "title": {
        "en": "Fake payment messages and OTP theft",
        "ur": "جعلی ادائیگی کے پیغامات اور او ٹی پی کی چوری",
        "sd": "ڪوڙا ادائيگي جا نياپا ۽ او ٽي پي جي چوري",
        "ps": "جعلي د تادیې پیغامونه او د او ټي پي غلا",
    },
    "summary": {
        "en": "Fraudsters send fake BISP or Ehsaas payment SMS, pretend to be Easypaisa, JazzCash or a bank, "
        "or call to say you have won a prize. They all want the same thing: your OTP code, your PIN or a "
        "small 'fee'. This session teaches participants to recognise these tricks and what to do if money "
        "has already gone.",
        "ur": "دھوکے باز بی آئی ایس پی یا احساس کی جعلی ادائیگی کے ایس ایم ایس بھیجتے ہیں، ایزی پیسہ، جاز کیش یا بینک "
        "کے نمائندے بن کر بات کرتے ہیں، یا کال کر کے کہتے ہیں کہ آپ کا انعام نکلا ہے۔ سب کا مقصد ایک ہی ہے: آپ کا "
        "او ٹی پی کوڈ، پن یا کوئی چھوٹی سی 'فیس'۔ اس سیشن میں شرکاء یہ چالیں پہچاننا سیکھتے ہیں اور یہ بھی کہ "
        "اگر پیسے جا چکے ہوں تو کیا کرنا ہے۔",
        "sd": "ٺڳ بي آءِ ايس پي يا احساس جا ڪوڙا ادائيگي وارا ايس ايم ايس موڪليندا آهن، ايزي پيسا، جاز ڪيش يا بئنڪ جا "
        "نمائندا بڻجي ڳالهائيندا آهن، يا فون ڪري چوندا آهن ته توهان جو انعام نڪتو آهي. سڀني جو مقصد هڪ ئي آهي: "
        "توهان جو او ٽي پي ڪوڊ، پن يا ڪا ننڍي 'في'. هن سيشن ۾ شرڪت ڪندڙ اهي چالون سڃاڻڻ ۽ پئسا وڃڻ کان پوءِ ڇا ڪجي، "
        "سکن ٿا.",
        "ps": "درغلګر د بي آی اېس پي یا احساس جعلي د تادیې اېس اېم اېس لېږي، د ایزي پیسه، جاز کېش یا بانک استازي ځانونه "
        "ښيي، یا زنګ وهي او وايي چې تاسو انعام ګټلی دی. د ټولو موخه یوه ده: ستاسو او ټي پي کوډ، پن یا یوه وړه "
        "'فیس'. په دې غونډه کې ګډونوال دا چلونه پېژني او زده کوي چې که پیسې تللې وي نو څه وکړي.",
    },
    "objectives": {
        "en": "Recognise a fake BISP/Ehsaas payment message and know the official sender 8171\n"
        "Explain why an OTP or PIN must never be shared with anyone, including callers who claim to be "
        "from the bank\n"
        "Spot a fake prize call and refuse to pay any 'fee' or 'tax'\n"
        "Know the first steps after fraud: call the wallet or bank helpline, then complain to the PTA and "
        "the NCCIA",
        "ur": "بی آئی ایس پی/احساس کی جعلی ادائیگی کا پیغام پہچاننا اور سرکاری نمبر 8171 جاننا\n"
        "یہ سمجھانا کہ او ٹی پی یا پن کسی کو بھی نہیں بتانا، چاہے کال کرنے والا خود کو بینک کا نمائندہ کہے\n"
        "جعلی انعامی کال پہچاننا اور کوئی 'فیس' یا 'ٹیکس' ادا کرنے سے انکار کرنا\n"
        "دھوکے کے بعد پہلے قدم جاننا: والٹ یا بینک کی ہیلپ لائن پر کال، پھر پی ٹی اے اور این سی سی آئی اے کو شکایت",
        "sd": "بي آءِ ايس پي/احساس جو ڪوڙو ادائيگي وارو نياپو سڃاڻڻ ۽ سرڪاري نمبر 8171 ڄاڻڻ\n"
        "سمجهائڻ ته او ٽي پي يا پن ڪنهن کي به نه ٻڌائجي، ڀلي فون ڪندڙ پاڻ کي بئنڪ جو نمائندو چوي\n"
        "ڪوڙي انعامي ڪال سڃاڻڻ ۽ ڪا به 'في' يا 'ٽيڪس' ڏيڻ کان انڪار ڪرڻ\n"
        "ٺڳيءَ کان پوءِ پهريان قدم ڄاڻڻ: والٽ يا بئنڪ جي هيلپ لائين تي فون، پوءِ پي ٽي اي ۽ اين سي سي آءِ اي وٽ شڪايت",
        "ps": "د بي آی اېس پي/احساس جعلي د تادیې پیغام پېژندل او رسمي شمېره 8171 پېژندل\n"
        "دا پوهول چې او ټي پي یا پن هېچا ته نه ویل کېږي، که څه هم زنګ وهونکی ځان د بانک استازی وبولي\n"
        "جعلي انعامي زنګ پېژندل او د هرې 'فیس' یا 'مالیې' له ورکولو انکار\n"
        "له درغلۍ وروسته لومړني ګامونه پېژندل: د والټ یا بانک مرستندویه کرښې ته زنګ، بیا پي ټي اې او اېن سي سي "
        "آی اې ته شکایت",
    },
    "prerequisites": {
        "en": "None. Participants only need to know how to read an SMS on their phone; pair people who cannot "
        "read with someone who can.",
        "ur": "کوئی نہیں۔ شرکاء کو صرف فون پر ایس ایم ایس پڑھنا آنا چاہیے؛ جو پڑھ نہیں سکتے انہیں کسی پڑھنے والے کے ساتھ بٹھائیں۔",
    },
    "body": {
        "en": "- **The real BISP sender is 8171.** Any message about a BISP or Ehsaas payment from another "
        "number, or with a link to click, is fake. BISP never asks for a fee to release a payment.\n"
        "- **An OTP is the key to your account.** Easypaisa, JazzCash and banks never call to ask for it. "
        "Whoever asks for it is a thief, even if they know your name and CNIC number.\n"
        "- **You cannot win a prize you never entered.** Calls about a car, a gold set or a cash prize that "
        "first needs a 'tax' are fraud.\n"
        "- **If money is gone, act in the first hour:** call your wallet or bank helpline from the official "
        "number to block the account, keep the SMS and the caller's number, then complain to the PTA "
        "(complaint.pta.gov.pk) and to the NCCIA.",
        "ur": "- **بی آئی ایس پی کا اصل نمبر 8171 ہے۔** کسی اور نمبر سے آنے والا، یا کسی لنک والا، بی آئی ایس پی یا "
        "احساس کی ادائیگی کا پیغام جعلی ہے۔ بی آئی ایس پی رقم جاری کرنے کے لیے کبھی فیس نہیں مانگتا۔\n"
        "- **او ٹی پی آپ کے اکاؤنٹ کی چابی ہے۔** ایزی پیسہ، جاز کیش اور بینک کبھی اسے مانگنے کے لیے کال نہیں کرتے۔ "
        "جو مانگے وہ چور ہے، چاہے اسے آپ کا نام اور شناختی کارڈ نمبر معلوم ہو۔\n"
        "- **جس مقابلے میں آپ نے حصہ ہی نہیں لیا اس کا انعام نہیں نکلتا۔** گاڑی، سونے کے سیٹ یا نقد انعام کی کال "
        "جس میں پہلے 'ٹیکس' مانگا جائے، فراڈ ہے۔\n"
        "- **اگر پیسے چلے گئے ہوں تو پہلے گھنٹے میں قدم اٹھائیں:** سرکاری نمبر سے والٹ یا بینک کی ہیلپ لائن پر کال کر "
        "کے اکاؤنٹ بند کروائیں، پیغام اور کال کرنے والے کا نمبر محفوظ رکھیں، پھر پی ٹی اے (complaint.pta.gov.pk) "
        "اور این سی سی آئی اے کو شکایت کریں۔",
    },
    "facilitator_notes": {
        "en": "Bring printed examples of real and fake SMS (remove any real person's number). Many participants, "
        "or their relatives, will have lost money: never laugh at or blame anyone. Fraudsters are "
        "professionals. If someone lost money recently, help them call their helpline after the session.",
        "ur": "اصلی اور جعلی ایس ایم ایس کی چھپی ہوئی مثالیں ساتھ لائیں (کسی اصل شخص کا نمبر ہٹا دیں)۔ بہت سے شرکاء یا ان "
        "کے رشتہ دار پیسے گنوا چکے ہوں گے: کسی پر ہنسیں نہیں اور کسی کو الزام نہ دیں۔ دھوکے باز پیشہ ور ہوتے ہیں۔ "
        "اگر کسی کے پیسے حال ہی میں گئے ہوں تو سیشن کے بعد ہیلپ لائن پر کال کرنے میں ان کی مدد کریں۔",
    },
    "activities": [
        {
            "kind": "activity",
            "minutes": 15,
            "title": {"en": "Has this happened to you?", "ur": "کیا آپ کے ساتھ ایسا ہوا ہے؟"},
            "instructions": {
                "en": "Ask who has received a message or call about a BISP payment, a prize or a blocked "
                "account. Let two or three people tell what happened. Write the tricks they name on the board.",
                "ur": "پوچھیں کہ کس کو بی آئی ایس پی کی ادائیگی، انعام یا بند اکاؤنٹ کے بارے میں پیغام یا کال آئی ہے۔ دو تین "
                "لوگوں کو بتانے دیں کہ کیا ہوا۔ وہ جو چالیں بتائیں انہیں بورڈ پر لکھیں۔",
            },
        },
        {
            "kind": "discussion",
            "minutes": 15,
            "title": {"en": "Real or fake? Sorting messages", "ur": "اصلی یا جعلی؟ پیغامات کی چھانٹی"},
            "instructions": {
                "en": "Give each small group six printed messages (three real, three fake). Groups sort them and "
                "explain the clues: the sender number, spelling, a link, urgency, a request for a code or fee.",
                "ur": "ہر چھوٹے گروپ کو چھ چھپے ہوئے پیغامات دیں (تین اصلی، تین جعلی)۔ گروپ انہیں الگ کریں اور نشانیاں "
                "بتائیں: بھیجنے والا نمبر، ہجے، لنک، جلدی کا دباؤ، کوڈ یا فیس کا مطالبہ۔",
            },
        },
        {
            "kind": "input",
            "minutes": 20,
            "title": {"en": "How the OTP trick works", "ur": "او ٹی پی والی چال کیسے کام کرتی ہے"},
            "instructions": {
                "en": "Explain step by step: the thief starts a login or transfer with your number, the real "
                "service sends you an OTP, the thief calls pretending to be the bank and asks you to 'confirm' "
                "it. Stress: the OTP message itself says never to share it. Show the official 8171 sender.",
                "ur": "قدم بہ قدم سمجھائیں: چور آپ کے نمبر سے لاگ ان یا رقم کی منتقلی شروع کرتا ہے، اصل ادارہ آپ کو او ٹی پی "
                "بھیجتا ہے، چور بینک کا نمائندہ بن کر کال کرتا ہے اور اسے 'تصدیق' کے لیے مانگتا ہے۔ زور دیں: او ٹی پی کے "
                "پیغام میں خود لکھا ہوتا ہے کہ یہ کسی کو نہ بتائیں۔ سرکاری نمبر 8171 دکھائیں۔",
            },
        },
        {
            "kind": "deepening",
            "minutes": 25,
            "title": {"en": "Role play: the prize call", "ur": "کردار نگاری: انعامی کال"},
            "instructions": {
                "en": "In pairs, one plays a caller announcing a prize and asking for a 'tax' or a code, the "
                "other practises saying no and hanging up. Swap roles. Then practise the steps after fraud: "
                "which number to call first, what to keep as evidence.",
                "ur": "جوڑوں میں، ایک شخص انعام کا اعلان کرنے والا بنے جو 'ٹیکس' یا کوڈ مانگے، دوسرا انکار کر کے فون بند کرنے "
                "کی مشق کرے۔ پھر کردار بدلیں۔ اس کے بعد دھوکے کے بعد کے قدموں کی مشق کریں: پہلے کس نمبر پر کال کرنی ہے، "
                "ثبوت کے طور پر کیا رکھنا ہے۔",
            },
        },
        {
            "kind": "synthesis",
            "minutes": 15,
            "title": {"en": "Three rules to take home", "ur": "گھر لے جانے کے تین اصول"},
            "instructions": {
                "en": "Together agree on three rules (for example: 8171 only; never share OTP or PIN; no prize "
                "needs a fee). Hand out the handout and ask everyone to tell one family member tonight.",
                "ur": "مل کر تین اصول طے کریں (مثلاً: صرف 8171؛ او ٹی پی یا پن کبھی نہیں بتانا؛ کسی انعام کے لیے فیس نہیں)۔ "
                "ہینڈ آؤٹ تقسیم کریں اور سب سے کہیں کہ آج رات گھر کے ایک فرد کو بتائیں۔",
            },
        },
    ],
    "cards": [
        {
            "myth": {
                "en": "A message about my BISP payment is real if it mentions my name and CNIC number.",
                "ur": "اگر بی آئی ایس پی کی ادائیگی کے پیغام میں میرا نام اور شناختی کارڈ نمبر ہو تو وہ اصلی ہے۔",
                "sd": "جيڪڏهن بي آءِ ايس پي جي ادائيگي واري نياپي ۾ منهنجو نالو ۽ شناختي ڪارڊ نمبر هجي ته اهو سچو آهي.",
                "ps": "که د بي آی اېس پي د تادیې په پیغام کې زما نوم او د شناختي کارت شمېره وي نو هغه رښتیا دی.",
            },
            "fact": {
                "en": "Fraudsters buy leaked names and CNIC numbers. Real BISP messages come only from 8171 and "
                "never ask for a fee or a code.",
                "ur": "دھوکے باز چوری شدہ نام اور شناختی کارڈ نمبر خریدتے ہیں۔ بی آئی ایس پی کے اصل پیغامات صرف 8171 سے آتے "
                "ہیں اور کبھی فیس یا کوڈ نہیں مانگتے۔",
                "sd": "ٺڳ چوري ٿيل نالا ۽ شناختي ڪارڊ نمبر خريد ڪندا آهن. بي آءِ ايس پي جا سچا نياپا رڳو 8171 تان ايندا آهن "
                "۽ ڪڏهن به في يا ڪوڊ نه گهرندا آهن.",
                "ps": "درغلګر لیک شوي نومونه او د شناختي کارت شمېرې پېري. د بي آی اېس پي رښتیني پیغامونه یوازې له 8171 "
                "څخه راځي او هېڅکله فیس یا کوډ نه غواړي.",
            },
        },
        {
            "myth": {
                "en": "If the caller says he is from Easypaisa or JazzCash, it is safe to tell him the OTP.",
                "ur": "اگر کال کرنے والا کہے کہ وہ ایزی پیسہ یا جاز کیش سے ہے تو اسے او ٹی پی بتانا محفوظ ہے۔",
                "sd": "جيڪڏهن فون ڪندڙ چوي ته هو ايزي پيسا يا جاز ڪيش مان آهي ته کيس او ٽي پي ٻڌائڻ محفوظ آهي.",
                "ps": "که زنګ وهونکی ووايي چې د ایزي پیسه یا جاز کېش څخه دی، نو هغه ته او ټي پي ویل خوندي دي.",
            },
            "fact": {
                "en": "No wallet or bank ever asks for your OTP or PIN. Anyone who asks is trying to empty your "
                "account. Hang up and call the official helpline yourself.",
                "ur": "کوئی والٹ یا بینک کبھی آپ کا او ٹی پی یا پن نہیں مانگتا۔ جو مانگے وہ آپ کا اکاؤنٹ خالی کرنا چاہتا ہے۔ فون "
                "بند کریں اور خود سرکاری ہیلپ لائن پر کال کریں۔",
                "sd": "ڪو به والٽ يا بئنڪ ڪڏهن به توهان جو او ٽي پي يا پن نه گهرندو آهي. جيڪو گهري ٿو اهو توهان جو اڪائونٽ "
                "خالي ڪرڻ چاهي ٿو. فون بند ڪريو ۽ پاڻ سرڪاري هيلپ لائين تي فون ڪريو.",
                "ps": "هېڅ والټ یا بانک هېڅکله ستاسو او ټي پي یا پن نه غواړي. څوک چې یې غواړي ستاسو حساب تشول غواړي. زنګ "
                "بند کړئ او پخپله رسمي مرستندویه کرښې ته زنګ ووهئ.",
            },
        },
        {
            "myth": {
                "en": "To receive a prize you have won, it is normal to pay a small tax first.",
                "ur": "جیتا ہوا انعام لینے کے لیے پہلے تھوڑا سا ٹیکس دینا معمول کی بات ہے۔",
                "sd": "کٽيل انعام وٺڻ لاءِ پهريان ٿورو ٽيڪس ڏيڻ عام ڳالهه آهي.",
                "ps": "د ګټل شوي انعام د ترلاسه کولو لپاره لومړی لږ مالیه ورکول عادي خبره ده.",
            },
            "fact": {
                "en": "A real prize never needs a payment in advance. A call asking for a 'tax', 'fee' or a "
                "balance transfer to release a prize is always a fraud.",
                "ur": "اصلی انعام کے لیے کبھی پیشگی رقم نہیں دینی پڑتی۔ انعام کے لیے 'ٹیکس'، 'فیس' یا بیلنس منتقل کرنے کا "
                "مطالبہ کرنے والی کال ہمیشہ فراڈ ہوتی ہے۔",
                "sd": "سچي انعام لاءِ ڪڏهن به اڳواٽ رقم نه ڏيڻي پوندي آهي. انعام لاءِ 'ٽيڪس'، 'في' يا بيلنس موڪلڻ جو "
                "مطالبو ڪندڙ فون هميشه ٺڳي هوندو آهي.",
                "ps": "رښتیني انعام هېڅکله مخکې تادیه نه غواړي. هغه زنګ چې د انعام لپاره 'مالیه'، 'فیس' یا د بیلانس "
                "لېږد غواړي تل درغلي وي.",
            },
        },
        {
            "myth": {
                "en": "Once the money is gone, there is nothing you can do.",
                "ur": "ایک بار پیسے چلے جائیں تو کچھ نہیں ہو سکتا۔",
                "sd": "هڪ ڀيرو پئسا هليا وڃن ته پوءِ ڪجهه به نٿو ٿي سگهي.",
                "ps": "کله چې پیسې لاړې شي نو بیا هېڅ نه شي کېدای.",
            },
            "fact": {
                "en": "Call your wallet or bank helpline at once: a quick call can block the account and sometimes "
                "stop the transfer. Keep the SMS and numbers, and complain to the PTA and the NCCIA.",
                "ur": "فوراً اپنے والٹ یا بینک کی ہیلپ لائن پر کال کریں: جلدی کال سے اکاؤنٹ بند ہو سکتا ہے اور کبھی کبھی رقم "
                "کی منتقلی رک جاتی ہے۔ پیغامات اور نمبر محفوظ رکھیں، اور پی ٹی اے اور این سی سی آئی اے کو شکایت کریں۔",
                "sd": "فوري طور پنهنجي والٽ يا بئنڪ جي هيلپ لائين تي فون ڪريو: جلدي فون سان اڪائونٽ بند ٿي سگهي ٿو ۽ ڪڏهن "
                "رقم جي منتقلي رڪجي ويندي آهي. نياپا ۽ نمبر سنڀالي رکو، ۽ پي ٽي اي ۽ اين سي سي آءِ اي وٽ شڪايت ڪريو.",
                "ps": "سمدستي د خپل والټ یا بانک مرستندویه کرښې ته زنګ ووهئ: چټک زنګ حساب بندولی شي او کله ناکله لېږد "
                "دروي. پیغامونه او شمېرې وساتئ، او پي ټي اې او اېن سي سي آی اې ته شکایت وکړئ.",
            },
        },
    ],
    "quiz": [
        {
            "question": {
                "en": "Real BISP payment messages come from only one number. Which one?",
                "ur": "بی آئی ایس پی کی ادائیگی کے اصل پیغامات صرف ایک نمبر سے آتے ہیں۔ کون سا؟",
                "sd": "بي آءِ ايس پي جي ادائيگي جا سچا نياپا رڳو هڪ نمبر تان ايندا آهن. ڪهڙو؟",
                "ps": "د بي آی اېس پي د تادیې رښتیني پیغامونه یوازې له یوې شمېرې راځي. کومه یوه؟",
            },
            "answers": [
                {
                    "en": "Only from 8171",
                    "ur": "صرف 8171 سے",
                    "sd": "رڳو 8171 تان",
                    "ps": "یوازې له 8171 څخه",
                    "correct": True,
                },
                {
                    "en": "From any mobile number",
                    "ur": "کسی بھی موبائل نمبر سے",
                    "sd": "ڪنهن به موبائل نمبر تان",
                    "ps": "له هرې موبایل شمېرې څخه",
                },
                {
                    "en": "From any number that sends a link",
                    "ur": "کسی بھی نمبر سے جو لنک بھیجے",
                    "sd": "ڪنهن به نمبر تان جيڪو لنڪ موڪلي",
                    "ps": "له هرې هغې شمېرې څخه چې لینک لېږي",
                },
            ],
        },
        {
            "question": {
                "en": "A caller says he is from your bank and asks for the code in your SMS. What do you do?",
                "ur": "کال کرنے والا کہتا ہے کہ وہ آپ کے بینک سے ہے اور آپ کے ایس ایم ایس والا کوڈ مانگتا "
                "ہے۔ آپ کیا کریں گے؟",
                "sd": "فون ڪندڙ چوي ٿو ته هو توهان جي بئنڪ مان آهي ۽ توهان جي ايس ايم ايس وارو ڪوڊ گهري ٿو. "
                "توهان ڇا ڪندا؟",
                "ps": "زنګ وهونکی وايي چې هغه ستاسو له بانک څخه دی او ستاسو د اېس اېم اېس کوډ غواړي. تاسو به "
                "څه وکړئ؟",
            },
            "answers": [
                {
                    "en": "Tell him the code, he is from the bank",
                    "ur": "کوڈ بتا دیں، وہ بینک سے ہے",
                    "sd": "ڪوڊ ٻڌائي ڇڏيو، هو بئنڪ مان آهي",
                    "ps": "کوډ ورته ووایئ، هغه له بانک څخه دی",
                },
                {
                    "en": "Hang up and call the official helpline yourself",
                    "ur": "فون بند کریں اور خود سرکاری ہیلپ لائن پر کال کریں",
                    "sd": "فون بند ڪريو ۽ پاڻ سرڪاري هيلپ لائين تي فون ڪريو",
                    "ps": "زنګ بند کړئ او پخپله رسمي مرستندویه کرښې ته زنګ ووهئ",
                    "correct": True,
                },
                {
                    "en": "Tell him the code if he knows your CNIC number",
                    "ur": "اگر اسے آپ کا شناختی کارڈ نمبر معلوم ہو تو کوڈ بتا دیں",
                    "sd": "جيڪڏهن کيس توهان جو شناختي ڪارڊ نمبر خبر هجي ته ڪوڊ ٻڌائي ڇڏيو",
                    "ps": "که هغه ستاسو د شناختي کارت شمېره پېژني نو کوډ ورته ووایئ",
                },
            ],
        },
        {
            "question": {
                "en": "A caller says you won a car, but you must first pay a small tax. What is this?",
                "ur": "کال کرنے والا کہتا ہے کہ آپ نے گاڑی جیتی ہے، مگر پہلے تھوڑا سا ٹیکس دینا ہوگا۔ یہ کیا "
                "ہے؟",
                "sd": "فون ڪندڙ چوي ٿو ته توهان گاڏي کٽي آهي، پر پهريان ٿورو ٽيڪس ڏيڻو پوندو. هي ڇا آهي؟",
                "ps": "زنګ وهونکی وايي چې تاسو موټر ګټلی دی، خو لومړی باید لږ مالیه ورکړئ. دا څه دي؟",
            },
            "answers": [
                {
                    "en": "Good luck: pay the tax and get the car",
                    "ur": "خوش قسمتی: ٹیکس دیں اور گاڑی لیں",
                    "sd": "سٺي قسمت: ٽيڪس ڏيو ۽ گاڏي وٺو",
                    "ps": "ښه بخت: مالیه ورکړئ او موټر واخلئ",
                },
                {
                    "en": "A real prize, because the tax is small",
                    "ur": "اصلی انعام، کیونکہ ٹیکس تھوڑا سا ہے",
                    "sd": "سچو انعام، ڇاڪاڻ ته ٽيڪس ٿورو آهي",
                    "ps": "رښتینی انعام، ځکه چې مالیه لږه ده",
                },
                {
                    "en": "Fraud: a real prize never needs payment first",
                    "ur": "فراڈ: اصلی انعام کے لیے کبھی پہلے رقم نہیں دینی پڑتی",
                    "sd": "ٺڳي: سچي انعام لاءِ ڪڏهن به اڳواٽ رقم نه ڏيڻي پوندي آهي",
                    "ps": "درغلي: رښتینی انعام هېڅکله مخکې تادیه نه غواړي",
                    "correct": True,
                },
            ],
        },
        {
            "question": {
                "en": "Money has gone from your account after a fraud call. What should you do first?",
                "ur": "دھوکے والی کال کے بعد آپ کے اکاؤنٹ سے پیسے چلے گئے ہیں۔ سب سے پہلے کیا کرنا چاہیے؟",
                "sd": "ٺڳيءَ واري فون کان پوءِ توهان جي اڪائونٽ مان پئسا هليا ويا آهن. سڀ کان پهريان ڇا ڪرڻ "
                "گهرجي؟",
                "ps": "له درغلي زنګ وروسته ستاسو له حساب څخه پیسې تللې دي. تر ټولو لومړی باید څه وکړئ؟",
            },
            "answers": [
                {
                    "en": "Nothing: the money cannot come back",
                    "ur": "کچھ نہیں: پیسے واپس نہیں آ سکتے",
                    "sd": "ڪجهه به نه: پئسا واپس نٿا اچي سگهن",
                    "ps": "هېڅ نه: پیسې بېرته نه شي راتلای",
                },
                {
                    "en": "Call your wallet or bank helpline at once",
                    "ur": "فوراً اپنے والٹ یا بینک کی ہیلپ لائن پر کال کریں",
                    "sd": "فوري طور پنهنجي والٽ يا بئنڪ جي هيلپ لائين تي فون ڪريو",
                    "ps": "سمدستي د خپل والټ یا بانک مرستندویه کرښې ته زنګ ووهئ",
                    "correct": True,
                },
                {
                    "en": "Delete the SMS and the caller's number",
                    "ur": "ایس ایم ایس اور کال کرنے والے کا نمبر ڈیلیٹ کر دیں",
                    "sd": "ايس ايم ايس ۽ فون ڪندڙ جو نمبر ڊليٽ ڪري ڇڏيو",
                    "ps": "اېس اېم اېس او د زنګ وهونکي شمېره پاکه کړئ",
                },
            ],
        },
    ],
}
