"""Pakistani phone numbers: validated and normalised with phonenumbers, typed in any digits."""

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from common.text import ascii_digits, clean_text

PHONE_EXAMPLE = "0300 1234567"
# Unicode first-strong isolate ... pop directional isolate: plain text (error messages are escaped,
# SMS has no HTML) keeps "0300 1234567" in its order inside a right-to-left sentence; without it the
# bidi algorithm shows "1234567 0300".
LTR_ISOLATE = "\u2066{}\u2069"


def _invalid_phone_message() -> str:
    return gettext("Enter a Pakistani phone number, for example %(number)s.") % {
        "number": LTR_ISOLATE.format(PHONE_EXAMPLE)
    }


def _phone_example_help() -> SafeString:
    """The form hint, with the example number in a left-to-right <bdi> (help texts are HTML)."""
    sentence = conditional_escape(gettext("For example %(number)s."))
    return mark_safe(sentence % {"number": format_html('<bdi dir="ltr">{}</bdi>', PHONE_EXAMPLE)})  # noqa: S308


invalid_phone_message = lazy(_invalid_phone_message, str)
phone_example_help = lazy(_phone_example_help, SafeString)


def normalise_phone(value: str) -> str:
    """Return the number in E.164 (+923001234567), or raise ValidationError with a clear message.

    Accepts 03001234567, 0300-1234567, +92 300 1234567, 923001234567 and the same in ۰۱۲ digits.
    """
    raw = ascii_digits(clean_text(value)).replace("\u200c", "")
    try:
        number = phonenumbers.parse(raw, "PK")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(invalid_phone_message(), code="invalid_phone") from error
    if not phonenumbers.is_valid_number(number) or number.country_code != 92:
        raise ValidationError(invalid_phone_message(), code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """How Pakistanis write it: 0300 1234567."""
    if len(e164) == 13 and e164.startswith("+923") and e164[1:].isascii() and e164[1:].isdigit():
        # A mobile number, the usual case, written without parsing: exports format thousands.
        return f"0{e164[3:6]} {e164[6:]}"
    try:
        return phonenumbers.format_number(
            phonenumbers.parse(e164, "PK"), phonenumbers.PhoneNumberFormat.NATIONAL
        )
    except phonenumbers.NumberParseException:
        return e164


class PakistaniPhoneField(forms.CharField):
    """A form field that cleans to E.164. Renders as type=tel with a Latin-digit hint."""

    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "dir": "ltr"})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("help_text", phone_example_help())
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        return normalise_phone(value)
