"""Sindhi and Pashto descriptions of the four seed topics (0002 seeded only their titles). Fills a
field only where it is empty: nothing an editor wrote is changed."""

from django.db import migrations

TEXTS = {
    "scams-fraud": {
        "description_sd": "ڪوڙا ادائيگي وارا نياپا، او ٽي پي جي چوري، اڪائونٽ تي قبضو ۽ انعامي ڪالون: انهن کي ڪيئن "
        "سڃاڻجي ۽ ڇا ڪجي.",
        "description_ps": "جعلي د تادیې پیغامونه، د او ټي پي غلا، پر حساب قبضه او انعامي زنګونه: څنګه یې وپېژنئ او "
        "څه وکړئ.",
    },
    "harassment-social-media": {
        "description_sd": "بليڪ ميلنگ، ڪوڙيون پروفائلون ۽ اڻ وڻندڙ نياپا: پنهنجو بچاءُ ۽ ٻين جي مدد.",
        "description_ps": "بلیک میل، جعلي پروفایلونه او ناغوښتي پیغامونه: د ځان ساتنه او له نورو سره مرسته.",
    },
    "misinformation": {
        "description_sd": "اڳتي موڪليل نياپن، تصويرن ۽ وڊيوز کي ٻين سان ونڊڻ کان اڳ جانچڻ.",
        "description_ps": "رالېږل شوي پیغامونه، انځورونه او ویډیوګانې له شریکولو مخکې ارزول.",
    },
    "rights-privacy": {
        "description_sd": "پرائيويسي سيٽنگون، آن لائن توهان جا حق ۽ شڪايت ڪٿي ڪجي.",
        "description_ps": "د محرمیت ترتیبات، آنلاین ستاسو حقونه او شکایت چېرته وکړئ.",
    },
}


def fill(apps, schema_editor):
    Topic = apps.get_model("curriculum", "Topic")
    for topic in Topic.objects.filter(slug__in=TEXTS):
        changed = [name for name, text in TEXTS[topic.slug].items() if not getattr(topic, name)]
        for name in changed:
            setattr(topic, name, TEXTS[topic.slug][name])
        if changed:
            topic.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0004_material_source_fingerprint")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
