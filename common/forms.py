"""Form fields shared by the apps."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from common.text import ascii_digits, clean_text


class FilterDateField(forms.DateField):
    """A date for filtering lists and figures, typed in any digits (۲۰۲۵-۰۳-۰۱ works), invisible
    characters removed, and within FIRST..LAST.

    Outside that range a date is not a typo anyone means, and the day after 9999-12-31 or the
    time zone's offset from 0001-01-01 do not exist: computing a period from them raised an
    OverflowError (a 500). Now it is a form error, in the visitor's language."""

    FIRST = datetime.date(1900, 1, 1)
    LAST = datetime.date(2100, 12, 31)
    widget = forms.DateInput(attrs={"type": "date", "dir": "ltr"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"min": self.FIRST.isoformat(), "max": self.LAST.isoformat()})

    def to_python(self, value):
        if isinstance(value, str):
            value = ascii_digits(clean_text(value))
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value and not self.FIRST <= value <= self.LAST:
            raise forms.ValidationError(
                _("Enter a date between %(first)s and %(last)s."),
                code="out_of_range",
                params={"first": self.FIRST.isoformat(), "last": self.LAST.isoformat()},
            )
