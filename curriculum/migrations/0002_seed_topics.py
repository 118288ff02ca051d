"""The four seed topics. Their slugs are stable: workshops and links refer to them."""

from django.db import migrations

TOPICS = [
    {
        "slug": "scams-fraud",
        "title_en": "Online scams and digital fraud",
        "title_ur": "آن لائن فراڈ اور ڈیجیٹل دھوکہ دہی",
        "title_sd": "آن لائن ٺڳي ۽ ڊجيٽل دوکو",
        "title_ps": "آنلاين درغلي او ډيجيټل فرېب",
        "description_en": "Fake payment messages, OTP theft, account takeover and prize calls: how to spot them and what to do.",
        "description_ur": "جعلی ادائیگی کے پیغامات، او ٹی پی کی چوری، اکاؤنٹ پر قبضہ اور انعامی کالیں: انہیں کیسے پہچانیں اور کیا کریں۔",
    },
    {
        "slug": "harassment-social-media",
        "title_en": "Cyber harassment and safe social media",
        "title_ur": "سائبر ہراسانی اور محفوظ سوشل میڈیا",
        "title_sd": "سائبر هراسمينٽ ۽ محفوظ سوشل ميڊيا",
        "title_ps": "سایبري ځورونه او خوندي ټولنیزې رسنۍ",
        "description_en": "Blackmail, fake profiles and unwanted messages: protecting yourself and helping others.",
        "description_ur": "بلیک میلنگ، جعلی پروفائل اور ناپسندیدہ پیغامات: اپنی حفاظت اور دوسروں کی مدد۔",
    },
    {
        "slug": "misinformation",
        "title_en": "Misinformation, disinformation and verifying content",
        "title_ur": "غلط معلومات، گمراہ کن معلومات اور مواد کی تصدیق",
        "title_sd": "غلط معلومات، گمراهه ڪندڙ معلومات ۽ مواد جي تصديق",
        "title_ps": "ناسمه معلومات، غولوونکي معلومات او د منځپانګې تصدیق",
        "description_en": "Checking forwarded messages, photos and videos before sharing them.",
        "description_ur": "آگے بھیجے گئے پیغامات، تصاویر اور ویڈیوز کو شیئر کرنے سے پہلے جانچنا۔",
    },
    {
        "slug": "rights-privacy",
        "title_en": "Digital rights, privacy and responsible internet use",
        "title_ur": "ڈیجیٹل حقوق، پرائیویسی اور ذمہ دارانہ انٹرنیٹ استعمال",
        "title_sd": "ڊجيٽل حق، پرائيويسي ۽ ذميوار انٽرنيٽ استعمال",
        "title_ps": "ډیجیټل حقونه، محرمیت او مسؤلانه انټرنېټ کارول",
        "description_en": "Privacy settings, your rights online and where to complain.",
        "description_ur": "پرائیویسی سیٹنگز، آن لائن آپ کے حقوق اور شکایت کہاں کریں۔",
    },
]


def seed(apps, schema_editor):
    Topic = apps.get_model("curriculum", "Topic")
    for position, data in enumerate(TOPICS):
        values = {"title": data["title_en"], "description": data["description_en"], "position": position}
        values.update({key: value for key, value in data.items() if key != "slug"})
        Topic.objects.update_or_create(slug=data["slug"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
