from itertools import groupby

from django import forms
from django.utils.translation import gettext_lazy as _

from regions.models import District


class DistrictChoiceIterator(forms.models.ModelChoiceIterator):
    """Districts grouped by province (one query), then "other / not listed"."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        districts = self.queryset.select_related("province").order_by("province__position", "name")
        for province, group in groupby(districts, key=lambda district: district.province):
            yield (str(province), [self.choice(district) for district in group])
        yield (DistrictChoiceField.OTHER, _("Other / not listed"))


class DistrictChoiceField(forms.ModelChoiceField):
    """Active districts, plus "other / not listed" (value `other`), which cleans to None.

    District lists change; a person whose district is missing is never stuck.
    """

    OTHER = "other"
    iterator = DistrictChoiceIterator

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", District.objects.active())
        kwargs.setdefault("empty_label", _("Choose your district"))
        super().__init__(**kwargs)

    def clean(self, value):
        if value == self.OTHER:
            return None
        return super().clean(value)
