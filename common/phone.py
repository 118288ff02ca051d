"""Pakistani phone numbers: validated and normalised with phonenumbers, typed in any digits."""

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.text import ascii_digits, clean_text


def normalise_phone(value: str) -> str:
    """Return the number in E.164 (+923001234567), or raise ValidationError with a clear message.

    Accepts 03001234567, 0300-1234567, +92 300 1234567, 923001234567 and the same in ۰۱۲ digits.
    """
    raw = ascii_digits(clean_text(value)).replace("\u200c", "")
    try:
        number = phonenumbers.parse(raw, "PK")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("Enter a Pakistani phone number, for example 0300 1234567."), code="invalid_phone"
        ) from error
    if not phonenumbers.is_valid_number(number) or number.country_code != 92:
        raise ValidationError(
            _("Enter a Pakistani phone number, for example 0300 1234567."), code="invalid_phone"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """How Pakistanis write it: 0300 1234567."""
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
        kwargs.setdefault("help_text", _("For example 0300 1234567."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        return normalise_phone(value)
