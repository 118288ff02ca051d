from django import forms
from django.utils.translation import gettext_lazy as _

from regions.models import District


class DistrictChoiceField(forms.ModelChoiceField):
    """Active districts grouped by province, plus "other / not listed" (value `other`).

    Cleans to a District, or None for "other"/empty; district lists change, so people whose district
    is missing are never stuck.
    """

    OTHER = "other"

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", District.objects.active().select_related("province"))
        kwargs.setdefault("empty_label", _("Choose your district"))
        super().__init__(**kwargs)

    def _get_choices(self):
        groups: dict[str, list] = {}
        for district in self.queryset:
            groups.setdefault(str(district.province), []).append((district.pk, str(district)))
        return [("", self.empty_label), *groups.items(), (self.OTHER, _("Other / not listed"))]

    choices = property(_get_choices, forms.ChoiceField.choices.fset)

    def to_python(self, value):
        if value == self.OTHER:
            return None
        return super().to_python(value)

    def validate(self, value):
        # "other" cleans to None and is a valid answer even when the field is required.
        if value is None and self.required and self._raw_was_other:
            return
        super().validate(value)

    def clean(self, value):
        self._raw_was_other = value == self.OTHER
        return super().clean(value)
