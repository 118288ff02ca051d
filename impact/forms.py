import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import FilterDateField
from regions.models import District, Province

DEFAULT_DAYS = 365
LONGEST_YEARS = 10


class DistrictInScopeField(forms.ModelChoiceField):
    def label_from_instance(self, district):
        return f"{district.name} ({district.province.name})"


class DashboardFilterForm(forms.Form):
    """Period and region of the dashboard. Provinces and districts are limited to the user's scope,
    so an id from elsewhere is an invalid choice, never a way to read another region."""

    date_from = FilterDateField(label=_("From"), required=False)
    date_to = FilterDateField(label=_("To"), required=False)
    province = forms.ModelChoiceField(
        label=_("Province or territory"),
        queryset=Province.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    district = DistrictInScopeField(
        label=_("District"), queryset=District.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        districts = District.objects.in_scope_of(user).select_related("province")
        self.fields["district"].queryset = districts.order_by("province__position", "name")
        self.fields["province"].queryset = Province.objects.filter(
            pk__in=districts.values("province_id")
        ).order_by("position", "name")

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("date_to") or today
        start = data.get("date_from") or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise forms.ValidationError(_("The start of the period must be on or before its end."))
        if (end - start).days > LONGEST_YEARS * 366:
            raise forms.ValidationError(
                _("Choose a period of at most %(years)s years.") % {"years": LONGEST_YEARS}
            )
        province, district = data.get("province"), data.get("district")
        if province and district and district.province_id != province.pk:
            self.add_error("district", _("This district is not in the province you chose."))
        data["start"], data["end"] = start, end
        return data

    def period(self) -> tuple[datetime.date, datetime.date]:
        today = timezone.localdate()
        return today - datetime.timedelta(days=DEFAULT_DAYS - 1), today
