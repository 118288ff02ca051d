import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from common.phone import display_phone, normalise_phone
from common.text import clean_code, clean_text


@pytest.mark.parametrize(
    "typed",
    [
        "03001234567",
        "0300-1234567",
        "+92 300 1234567",
        "923001234567",
        "۰۳۰۰۱۲۳۴۵۶۷",
        "٠٣٠٠١٢٣٤٥٦٧",
        "\u200f0300\u200b1234567",
    ],
)
def test_pakistani_mobile_numbers_in_any_digits_normalise_to_e164(typed):
    assert normalise_phone(typed) == "+923001234567"


@pytest.mark.parametrize("typed", ["12345", "+44 20 7946 0958", "abc", "0300-12345"])
def test_other_input_is_refused_with_a_clear_message(typed):
    for language, expected in [("en", "Pakistani phone number"), ("ur", "پاکستانی فون نمبر")]:
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                normalise_phone(typed)
            assert expected in str(error.value)


@pytest.mark.parametrize("language", ["ur", "sd", "ps"])
def test_the_example_number_is_isolated_left_to_right_in_every_language(language):
    from common.phone import PakistaniPhoneField

    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            normalise_phone("12345")
        message = error.value.messages[0]
        # First-strong isolate around the number: plain text (escaped HTML, SMS) keeps its order.
        assert "\u20660300 1234567\u2069" in message and "Pakistani" not in message
        help_text = str(PakistaniPhoneField().help_text)
        assert '<bdi dir="ltr">0300 1234567</bdi>' in help_text and "example" not in help_text


def test_display_is_the_national_format():
    assert display_phone("+923001234567") == "0300 1234567"


def test_clean_text_keeps_urdu_and_drops_invisible_marks():
    assert clean_text("\u200fعائشہ\u200b  خان ") == "عائشہ خان"
    assert clean_code(" ۱۲۳ ۴۵\u200c۶ ") == "123456"
