"""Dates and file sizes in Sindhi and Pashto are Sindhi and Pashto, not Urdu (config/formats).

Django ships no sd/ps formats or catalog, and an untranslated string falls back to Urdu: before these
formats and catalog entries, /sd/ and /ps/ pages showed Urdu month and weekday names ("ھفتہ" misspelt)
and Urdu units, in the English order "دسمبر 5, 2026"."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import dates, translation
from django.utils.formats import date_format, get_format

from tests import factories
from tests.curriculum.factories import ModuleFactory, material, pdf_upload
from tests.workshops.factories import WorkshopFactory

KARACHI = ZoneInfo("Asia/Karachi")
SATURDAY_IN_AUGUST = datetime.datetime(2031, 8, 16, 15, 30, tzinfo=KARACHI)
# What a reader of each language sees for that day: weekday, month, and the Urdu words a Sindhi or
# Pashto page must no longer show.
AUGUST = {"en": "August", "ur": "اگست", "sd": "آگسٽ", "ps": "اګست"}
SATURDAY = {"en": "Saturday", "ur": "ہفتہ", "sd": "ڇنڇر", "ps": "شنبه"}
# Monday to Sunday, as the coordinators' month calendar heads its columns (and as the SMS say them).
WEEK = {
    "sd": ["سومر", "اڱارو", "اربع", "خميس", "جمعو", "ڇنڇر", "آچر"],
    "ps": ["دوشنبه", "درېشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"],
}
MEGABYTES = {"en": "MB", "ur": "میگا بائٹ", "sd": "ميگا بائيٽ", "ps": "ميګابايټه"}
OWN_LETTERS = {"sd": set("ڪڳڄٺڏڍڙڦڱٻڀٽڻڇ"), "ps": set("ټډړښږځڅګڼۍې")}


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_dates_read_day_month_year_with_the_languages_own_names(language):
    with translation.override(language):
        assert date_format(SATURDAY_IN_AUGUST, "DATE_FORMAT") == f"16 {AUGUST[language]} 2031"
        assert date_format(SATURDAY_IN_AUGUST, "l") == SATURDAY[language]
        assert date_format(SATURDAY_IN_AUGUST, "D") == SATURDAY[language]
        assert date_format(SATURDAY_IN_AUGUST, "M") == AUGUST[language]  # no Latin-style abbreviations
        assert date_format(SATURDAY_IN_AUGUST, "N") == AUGUST[language]
        assert get_format("FIRST_DAY_OF_WEEK") == 1


def test_urdu_saturday_is_spelt_with_the_urdu_heh():
    with translation.override("ur"):
        assert str(dates.WEEKDAYS[5]) == str(dates.WEEKDAYS_ABBR[5]) == "ہفتہ"
        assert "ھ" not in str(dates.WEEKDAYS[5])


@pytest.mark.parametrize("language", ["sd", "ps"])
def test_no_sindhi_or_pashto_date_word_falls_back_to_urdu(language):
    names = [
        *dates.WEEKDAYS.values(),
        *dates.WEEKDAYS_ABBR.values(),
        *dates.MONTHS.values(),
        *dates.MONTHS_3.values(),
        *dates.MONTHS_AP.values(),
        *dates.MONTHS_ALT.values(),
    ]
    with translation.override("ur"):
        urdu_weekdays = {str(name) for name in dates.WEEKDAYS.values()}
        urdu_months = [str(name) for name in dates.MONTHS.values()]
    with translation.override(language):
        own = [str(name) for name in names]
        assert not {str(name) for name in dates.WEEKDAYS.values()} & urdu_weekdays
        months = [str(name) for name in dates.MONTHS.values()]
        # Some months are written alike (مارچ، جون، نومبر); most are not.
        assert sum(mine != urdu for mine, urdu in zip(months, urdu_months, strict=True)) >= 6
    assert all(name and not name.isascii() for name in own)
    assert OWN_LETTERS[language] & set("".join(own))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ur", "sd", "ps"])
def test_the_workshop_page_and_list_show_the_date_in_the_page_language(client, language):
    workshop = WorkshopFactory(
        title="Staying safe on WhatsApp",
        starts_at=SATURDAY_IN_AUGUST,
        ends_at=SATURDAY_IN_AUGUST + datetime.timedelta(hours=2),
    )
    detail = client.get(f"/{language}/workshops/{workshop.pk}/").content.decode()
    listing = client.get(f"/{language}/workshops/").content.decode()
    # The list's cards abbreviate ("Sat 16 Aug 2031"); Urdu, Sindhi and Pashto write whole names.
    assert f"{SATURDAY[language]} 16 {AUGUST[language]} 2031" in detail
    short = "Sat 16 Aug 2031" if language == "en" else f"{SATURDAY[language]} 16 {AUGUST[language]} 2031"
    assert short in listing
    for page in (detail, listing):
        if language in ("sd", "ps"):
            assert AUGUST["ur"] not in page and "ھفتہ" not in page
    assert "ھفتہ" not in detail  # Django's own Urdu spelling
    assert "15:30" in detail and "17:30" in detail


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sd", "ps"])
def test_the_coordinators_month_calendar_is_in_the_page_language(client, language):
    client.force_login(factories.coordinator("SD"))
    WorkshopFactory(starts_at=SATURDAY_IN_AUGUST, ends_at=SATURDAY_IN_AUGUST + datetime.timedelta(hours=2))
    page = client.get(f"/{language}/workshops/manage/calendar/", {"month": "2031-08"}).content.decode()
    assert f"{AUGUST[language]} 2031" in page
    headings = re.findall(r'<th scope="col">([^<]*)</th>', page)
    assert headings == WEEK[language]
    assert AUGUST["ur"] not in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sd", "ps"])
def test_certificates_carry_the_date_in_their_language(language):
    from ambassadors.certificate_pdf import certificate_html
    from tests.ambassadors.factories import CertificateFactory

    certificate = CertificateFactory(language=language)
    certificate.issued_at = SATURDAY_IN_AUGUST
    html = certificate_html(certificate, verify_url="https://hifazat.example/")
    assert f"16 {AUGUST[language]} 2031" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ur", "sd", "ps"])
def test_a_file_size_on_a_library_page_reads_in_the_language(client, language):
    module = ModuleFactory(
        title_sd="جعلي ايس ايم ايس جي سڃاڻپ",
        title_ps="د جعلي ايس ايم ايس پېژندنه",
        summary_sd="جعلي پيغام سڃاڻڻ سکو.",
        summary_ps="جعلي پيغامونه وپېژنئ.",
        status_sd="published",
        status_ps="published",
    )
    big = pdf_upload(content=b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024 + 200 * 1024))  # 3.2 MB
    material(module, language=language, uploaded=big)
    page = client.get(f"/{language}/library/{module.slug}/").content.decode().replace("\xa0", " ")
    assert f"3.2 {MEGABYTES[language]}" in page
    if language != "en":
        assert "3.2 MB" not in page and "م ۔ ب" not in page
