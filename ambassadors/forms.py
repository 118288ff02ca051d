"""Forms validate what people type; the services decide. Bad input keeps what was typed."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ambassadors.models import Application, Availability, Background
from ambassadors.models.certificates import CODE_LENGTH
from ambassadors.models.codes import normalise_code
from common.phone import PakistaniPhoneField
from common.text import clean_text
from facilitators.models import AmbassadorProfile
from regions.forms import DistrictChoiceField
from regions.models import District, Province

LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES]


class CleanCharField(forms.CharField):
    """Text typed on a phone: NFC, no invisible direction marks, single spaces."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class ApplicationForm(forms.Form):
    full_name = CleanCharField(
        label=_("Your full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = PakistaniPhoneField(label=_("Mobile number"))
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        help_text=_(
            "You will sign in with it once you are approved. Without one, a coordinator will call you."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    district = DistrictChoiceField(label=_("District"))
    province = forms.ModelChoiceField(
        label=_("Province or territory (if your district is not listed)"),
        queryset=Province.objects.all(),
        required=False,
    )
    district_other = CleanCharField(
        label=_("Your district (if it is not listed)"), max_length=80, required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        required=False,
        choices=[("", _("Prefer not to say")), *AmbassadorProfile.Gender.choices],
        help_text=_("Asked only so that women-only sessions can be led by women."),
    )
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages you speak"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    languages_taught = forms.MultipleChoiceField(
        label=_("Languages you could run a session in"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    background = forms.ChoiceField(
        label=_("Which describes you best?"), choices=Background.choices, widget=forms.RadioSelect
    )
    organisation = CleanCharField(
        label=_("School, university, group or organisation (optional)"), max_length=160, required=False
    )
    motivation = CleanCharField(
        label=_("Why do you want to become an ambassador?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    availability = forms.MultipleChoiceField(
        label=_("When could you run sessions?"),
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Hifazat coordinators keep these details to review my application and contact me. "
            "They are not shared with anyone else."
        ),
        error_messages={
            "required": _("Please agree, so that we can review your application and contact you.")
        },
    )

    def clean(self):
        data = super().clean()
        if "district" in data and data.get("district") is None:
            if not data.get("province"):
                self.add_error(
                    "province", _("Choose your province or territory, since your district is not listed.")
                )
            if not data.get("district_other"):
                self.add_error("district_other", _("Write the name of your district."))
        return data

    def service_fields(self, *, language: str) -> dict:
        data = self.cleaned_data
        return {
            "full_name": data["full_name"],
            "phone": data["phone"],
            "email": (data["email"] or "").lower(),
            "district": data["district"],
            "province": data.get("province"),
            "district_other": data.get("district_other", "") if data["district"] is None else "",
            "gender": data["gender"],
            "languages_spoken": data["languages_spoken"],
            "languages_taught": data["languages_taught"],
            "background": data["background"],
            "organisation": data["organisation"],
            "motivation": data["motivation"],
            "availability": data["availability"],
            "consent": data["consent"],
            "language": language,
        }


class ScopedDistrictField(forms.ModelChoiceField):
    def __init__(self, *, user, **kwargs):
        super().__init__(
            queryset=District.objects.in_scope_of(user)
            .select_related("province")
            .order_by("province__position", "name"),
            required=False,
            empty_label=_("Any district"),
            **kwargs,
        )


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Application.Status.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *LANGUAGE_CHOICES]
    )
    background = forms.ChoiceField(
        label=_("Background"), required=False, choices=[("", _("Any background")), *Background.choices]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"] = ScopedDistrictField(user=user, label=_("District"))
        self.order_fields(["status", "district", "language", "background"])


class ApproveForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address to sign in with"),
        required=False,
        help_text=_("Needed if the applicant gave none: ask them for it first."),
        widget=forms.EmailInput(attrs={"dir": "ltr"}),
    )


class DeclineForm(forms.Form):
    reason = CleanCharField(
        label=_("Reason (kept for coordinators; the applicant gets a polite notice without it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DirectoryFilterForm(forms.Form):
    q = CleanCharField(label=_("Name or organisation"), required=False, max_length=100)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *LANGUAGE_CHOICES]
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[
            ("", _("Any level")),
            *[choice for choice in AmbassadorProfile.Level.choices if choice[0] != "applicant"],
        ],
    )
    background = forms.ChoiceField(
        label=_("Background"), required=False, choices=[("", _("Any background")), *Background.choices]
    )
    availability = forms.ChoiceField(
        label=_("Available"), required=False, choices=[("", _("Any time")), *Availability.choices]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"] = ScopedDistrictField(user=user, label=_("District"))
        self.order_fields(["q", "district", "language", "level", "background", "availability"])


class MentorForm(forms.Form):
    mentor = forms.ModelChoiceField(
        label=_("Mentor (a master trainer)"), queryset=AmbassadorProfile.objects.none(), required=False
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = choices
        self.fields["mentor"].empty_label = _("No mentor")


class EnrolForm(forms.Form):
    track = forms.ModelChoiceField(
        label=_("Enrol in another track"), queryset=None, empty_label=_("Choose a track")
    )

    def __init__(self, *args, tracks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = tracks


class RevokeForm(forms.Form):
    reason = CleanCharField(label=_("Reason for revoking"), max_length=300)


class WorkshopStepForm(forms.Form):
    workshop = forms.ModelChoiceField(
        label=_("Which workshop?"), queryset=None, empty_label=_("Choose a workshop")
    )

    def __init__(self, *args, workshops, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workshop"].queryset = workshops
        self.fields["workshop"].label_from_instance = lambda workshop: (
            f"{workshop.title} ({workshop.district.name}, {workshop.starts_at:%Y-%m-%d})"
        )


class ReturnForm(forms.Form):
    note = CleanCharField(
        label=_("What should the ambassador know?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class CertificateLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the certificate"), choices=LANGUAGE_CHOICES)


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("Printed on the certificate, for example 7K3Q9-XPA2M."),
        widget=forms.TextInput(
            attrs={"dir": "ltr", "autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"], prefix="HZ", length=CODE_LENGTH)
        if not code:
            raise forms.ValidationError(_("Type the code printed on the certificate."))
        return code


class QuizForm(forms.Form):
    """One radio group per question, in the try's shuffled order. Unanswered questions are errors;
    the answers already chosen stay chosen."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for shown in questions:
            self.fields[f"q{shown.question.pk}"] = forms.TypedChoiceField(
                label=shown.text,
                choices=shown.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer to this question.")},
            )

    def answers(self) -> dict[int, int]:
        return {shown.question.pk: self.cleaned_data[f"q{shown.question.pk}"] for shown in self.questions}
