from notifications.sms import GSM7, UCS2, sms_length


def test_plain_english_fits_160_characters_in_one_sms():
    assert sms_length("a" * 160).segments == 1
    assert sms_length("a" * 160).encoding == GSM7
    assert sms_length("a" * 161).segments == 2
    assert sms_length("a" * 306).segments == 2
    assert sms_length("a" * 307).segments == 3


def test_gsm_extension_characters_count_twice():
    assert sms_length("€" * 80).units == 160
    assert sms_length("€" * 80).segments == 1
    assert sms_length("€" * 81).segments == 2


def test_urdu_is_ucs2_with_70_characters_in_one_sms():
    urdu = "آپ کی ورکشاپ کل صبح دس بجے ہے۔"
    assert sms_length(urdu).encoding == UCS2
    assert sms_length("ب" * 70).segments == 1


def test_urdu_sms_longer_than_70_characters_is_two_segments():
    text = "حفاظت: آپ کی ڈیجیٹل حفاظت ورکشاپ کل صبح دس بجے کراچی سینٹرل کمیونٹی ہال میں ہے۔"
    assert len(text) > 70
    length = sms_length(text)
    assert (length.encoding, length.segments, length.per_segment) == (UCS2, 2, 67)
    assert sms_length("ب" * 134).segments == 2
    assert sms_length("ب" * 135).segments == 3


def test_sindhi_and_pashto_letters_and_one_latin_accent_force_ucs2():
    assert sms_length("ڪالهه ورڪشاپ").encoding == UCS2
    assert sms_length("ښه راغلاست").encoding == UCS2
    assert sms_length("Workshop ✓").encoding == UCS2


def test_an_emoji_takes_two_ucs2_units():
    assert sms_length("🙂").units == 2
    assert sms_length("🙂" * 35).segments == 1
    assert sms_length("🙂" * 36).segments == 2
