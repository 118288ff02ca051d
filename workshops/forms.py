"""Forms validate what people type; the services decide. Bad input keeps what was typed."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.forms import FilterDateField
from common.phone import PakistaniPhoneField
from common.text import ascii_digits, clean_text
from common.widgets import QuickSelect
from curriculum.models import Module
from curriculum.rendering import translated
from curriculum.selectors import language_chain
from facilitators.models import AmbassadorProfile
from regions.models import District
from workshops.models import Feedback, Topic, WalkInCount, Workshop
from workshops.services import EDITABLE_FIELDS, facilitator_problems, past_session_problems


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", attrs={"dir": "ltr"}, **kwargs)


class LocalDateTimeField(forms.DateTimeField):
    """A date and time in Asia/Karachi, typed in any digits."""

    widget = LocalDateTimeInput

    def to_python(self, value):
        if isinstance(value, str):
            value = ascii_digits(clean_text(value))
        return super().to_python(value)


class FacilitatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, profile):
        return f"{profile} ({profile.get_level_display()})"


class FacilitatorMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, profile):
        return f"{profile} ({profile.get_level_display()})"


class ModuleMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Curriculum modules ordered by topic, each labelled "topic: title" in the page language."""

    def label_from_instance(self, module):
        chain = language_chain(get_language() or settings.LANGUAGE_CODE)
        topic = translated(module.topic, "title", chain) or module.topic.slug
        title = translated(module, "title", chain) or module.slug
        return f"{topic}: {title}"


def module_choices():
    return Module.objects.select_related("topic").order_by(
        "topic__position", "topic__slug", "position", "slug"
    )


class WorkshopForm(forms.ModelForm):
    records_past = False  # PastSessionForm: times before now are the point
    FACILITATORS_SHOWN = 100
    facilitators_cut = False
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple, required=True
    )
    starts_at = LocalDateTimeField(label=_("Starts (Pakistan time)"))
    ends_at = LocalDateTimeField(label=_("Ends (Pakistan time)"))
    lead_facilitator = FacilitatorChoiceField(
        label=_("Lead facilitator"), queryset=AmbassadorProfile.objects.none(), required=False
    )
    co_facilitators = FacilitatorMultipleChoiceField(
        label=_("Co-facilitators"),
        queryset=AmbassadorProfile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    modules = ModuleMultipleChoiceField(
        label=_("Curriculum modules used"),
        queryset=Module.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Workshop
        fields = list(EDITABLE_FIELDS)  # the one list, shared with the services
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, find: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.in_scope_of(user).select_related("province")
        self._facilitator_choices(user=user, find=clean_text(find)[:80])
        self.fields["modules"].queryset = module_choices()
        if self.instance.pk:
            self.initial["topics"] = self.instance.topics
        for name in ("title", "town", "address", "partner_organisation"):
            self.fields[name].strip = True

    def _chosen_facilitators(self) -> tuple[list[int], list[int]]:
        """Ids already on the workshop, and ids in the posted form: both stay listed."""
        current, posted = [], []
        if self.instance.pk:
            current = [
                self.instance.lead_facilitator_id,
                *self.instance.co_facilitators.values_list("pk", flat=True),
            ]
        if self.is_bound:
            co = self.data.get(self.add_prefix("co_facilitators"))
            posted = [self.data.get(self.add_prefix("lead_facilitator"))]
            posted += (
                self.data.getlist(self.add_prefix("co_facilitators"))
                if hasattr(self.data, "getlist")
                else co or []
            )

        def ids(values):
            return sorted({int(pk) for pk in values if pk and str(pk).isascii() and str(pk).isdigit()})

        return ids(current), ids(posted)

    def _facilitator_choices(self, *, user, find: str) -> None:
        """Facilitators of the coordinator's region only (a national list is thousands of options).

        The form accepts anyone active in the region, so the service can say why someone cannot lead.
        The lists shown offer as leads only those who may lead, narrowed by `find` (name, email or
        district: a plain GET search that works without JavaScript) and cut at FACILITATORS_SHOWN
        names each, so a province of a thousand ambassadors still renders at once; the page then
        says to search. Those already chosen stay listed and choosable wherever they are."""
        current, posted = self._chosen_facilitators()
        region = District.objects.scope_filter(user, field="district")
        profiles = AmbassadorProfile.objects.active().select_related("user").order_by("user__full_name", "pk")
        if region:
            profiles = profiles.filter(region | Q(pk__in=current))
        self.fields["lead_facilitator"].queryset = profiles
        self.fields["co_facilitators"].queryset = profiles
        shown = profiles
        if find:
            shown = shown.filter(
                Q(user__full_name__icontains=find)
                | Q(user__email__icontains=find)
                | Q(district__name__icontains=find)
            )
        limit = self.FACILITATORS_SHOWN
        leads = list(shown.filter(level__in=AmbassadorProfile.LEADING_LEVELS)[: limit + 1])
        co = list(shown[: limit + 1])
        self.facilitators_cut = len(leads) > limit or len(co) > limit
        kept = list(profiles.filter(pk__in=current + posted)) if current or posted else []

        def listed(people):
            merged = {person.pk: person for person in [*people[:limit], *kept]}
            return sorted(merged.values(), key=lambda person: (person.user.full_name, person.pk))

        lead_field, co_field = self.fields["lead_facilitator"], self.fields["co_facilitators"]
        lead_field.widget.choices = [("", lead_field.empty_label)] + [
            (person.pk, lead_field.label_from_instance(person)) for person in listed(leads)
        ]
        co_field.widget.choices = [(person.pk, co_field.label_from_instance(person)) for person in listed(co)]

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])

    def clean_town(self):
        return clean_text(self.cleaned_data["town"])

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The workshop must end after it starts."))
            return cleaned
        if starts_at and not self.instance.pk and not self.records_past and starts_at < timezone.now():
            self.add_error("starts_at", _("Choose a time in the future."))
        if (
            cleaned.get("format") == Workshop.Format.IN_PERSON
            and cleaned.get("venue_kind") == Workshop.VenueKind.ONLINE
        ):
            self.add_error("venue_kind", _("An in-person workshop needs a physical venue."))
        problems = facilitator_problems(
            lead=cleaned.get("lead_facilitator"),
            co_facilitators=cleaned.get("co_facilitators") or [],
            language=cleaned.get("language", ""),
            women_only=cleaned.get("women_only", False),
            starts_at=starts_at,
            ends_at=ends_at,
            workshop_id=self.instance.pk,
        )
        for problem in problems:
            self.add_error(None, problem)
        return cleaned

    def _post_clean(self):
        # The service validates the instance; skip ModelForm's own model validation of the partial form.
        pass

    def service_fields(self) -> dict:
        """What `workshop_create` / `workshop_update` take, topics and facilitators included."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PastSessionForm(WorkshopForm):
    """A session held offline, recorded afterwards within WORKSHOPS_RECORD_PAST_DAYS (no seats: nobody
    booked; the head counts come from the WalkInForm on the same page)."""

    records_past = True

    class Meta(WorkshopForm.Meta):
        fields = [name for name in WorkshopForm.Meta.fields if name not in ("capacity", "online_details")]

    def clean(self):
        cleaned = super().clean()
        if "ends_at" in self.errors:
            return cleaned
        problems = past_session_problems(starts_at=cleaned.get("starts_at"), ends_at=cleaned.get("ends_at"))
        for name, problem in problems.items():
            self.add_error(name, problem)
        return cleaned


class RescheduleForm(forms.Form):
    starts_at = LocalDateTimeField(label=_("Starts (Pakistan time)"))
    ends_at = LocalDateTimeField(label=_("Ends (Pakistan time)"))

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The workshop must end after it starts."))
        elif starts_at and starts_at < timezone.now():
            self.add_error("starts_at", _("Choose a time in the future."))
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason (shown to participants)"), max_length=255, required=False)


DISTRICT_CHOICES_SECONDS = 300


def district_choices() -> list:
    """Active districts grouped by province, in the page language.

    Cached for a few minutes per language: building ~160 translated names took longer than
    the rest of the public list page, and district names change a few times a year.
    """
    from itertools import groupby

    from django.core.cache import cache
    from django.utils.translation import get_language

    key = f"workshops:district-choices:{get_language()}"
    choices = cache.get(key)
    if choices is None:
        districts = (
            District.objects.active().select_related("province").order_by("province__position", "name")
        )
        choices = [
            (str(province), [(district.pk, str(district)) for district in group])
            for province, group in groupby(districts, key=lambda district: district.province)
        ]
        cache.set(key, choices, DISTRICT_CHOICES_SECONDS)
    return choices


class PublicFilterForm(forms.Form):
    district = forms.TypedChoiceField(
        label=_("District"), coerce=int, required=False, empty_value=None, widget=QuickSelect
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *settings.LANGUAGES],
        required=False,
        widget=QuickSelect,
    )
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", _("All topics")), *Topic.choices], required=False, widget=QuickSelect
    )
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=[("", _("Everyone")), *Workshop.Audience.choices[1:]],
        required=False,
        widget=QuickSelect,
    )
    date_from = FilterDateField(label=_("From"), required=False)
    date_to = FilterDateField(label=_("To"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("All districts")), *district_choices()]


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = PakistaniPhoneField(label=_("Mobile number"))
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    language = forms.ChoiceField(label=_("Language for messages"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree that Hifazat keeps my name and number to manage this workshop and sends me "
            "reminders about it. They are deleted after the workshop."
        ),
        required=True,
        error_messages={"required": _("Please agree so that we can keep your seat.")},
    )

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise ValidationError(_("Please write your name."))
        return name

    def clean_email(self):
        return clean_text(self.cleaned_data.get("email") or "").lower()


class CountField(forms.IntegerField):
    """A number of people or answers. Text, not type=number: phones' Urdu keyboards type ۰۱۲, which
    type=number refuses."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "size": 5})

    def __init__(self, *, max_value: int = 100_000, **kwargs):
        super().__init__(min_value=0, max_value=max_value, required=False, **kwargs)

    def to_python(self, value):
        return super().to_python(ascii_digits(clean_text(value)) if isinstance(value, str) else value)


class WalkInForm(forms.Form):
    """A number box for each gender x age band."""

    def __init__(self, *args, workshop: Workshop | None, **kwargs):
        super().__init__(*args, **kwargs)
        existing = (
            {(cell.gender, cell.age_band): cell.count for cell in workshop.walk_ins.all()} if workshop else {}
        )
        self.rows = []
        for gender, gender_label in WalkInCount.Gender.choices:
            row = []
            for band, band_label in WalkInCount.AgeBand.choices:
                name = f"walkin_{gender}_{band}"
                self.fields[name] = CountField(
                    label=_("%(gender)s, %(age)s") % {"gender": gender_label, "age": band_label},
                    initial=existing.get((gender, band), 0),
                    max_value=5000,
                )
                row.append(name)
            self.rows.append((gender_label, row))

    def grid(self) -> list:
        return [(label, [self[name] for name in names]) for label, names in self.rows]

    def counts(self) -> dict[tuple[str, str], int]:
        return {
            (gender, band): self.cleaned_data.get(f"walkin_{gender}_{band}") or 0
            for gender in WalkInCount.Gender.values
            for band in WalkInCount.AgeBand.values
        }


class AttendanceForm(WalkInForm):
    """Who came (a tick per registration) and the walk-in head counts. After a mistake in a number
    box, the ticks shown are the ones just sent, not the saved ones: nothing typed is lost."""

    def __init__(self, *args, workshop: Workshop, registrations: list, **kwargs):
        super().__init__(*args, workshop=workshop, **kwargs)
        self.registrations = registrations

    def ticked(self) -> set[int]:
        """Ids of the people ticked: what was sent when the form is bound (ids of people no longer on
        the list, e.g. cancelled meanwhile, are ignored), else who is recorded as present."""
        if not self.is_bound:
            return {registration.pk for registration in self.registrations if registration.attended}
        known = {registration.pk for registration in self.registrations}
        sent = self.data.getlist("present") if hasattr(self.data, "getlist") else []
        return {int(value) for value in sent if str(value).isdigit() and int(value) in known}


class QuizTotalsForm(forms.Form):
    """Class totals of one module's paper quiz; several of these share one page (prefix per module).
    All four boxes empty means "not taken on paper"."""

    pre_participants = CountField(label=_("People who took the quiz before"))
    pre_correct = CountField(label=_("Correct answers before, all together"))
    post_participants = CountField(label=_("People who took the quiz after"))
    post_correct = CountField(label=_("Correct answers after, all together"))

    def __init__(self, *args, quiz, tally=None, **kwargs):
        if tally is not None:
            kwargs["initial"] = {name: getattr(tally, name) for name in self.base_fields}
        super().__init__(*args, prefix=f"module-{quiz.module.pk}", **kwargs)
        self.quiz = quiz

    def is_empty(self) -> bool:
        return all(self.cleaned_data.get(name) is None for name in self.fields)

    def clean(self):
        cleaned = super().clean()
        if self.errors or self.is_empty():
            return cleaned
        if any(cleaned.get(name) is None for name in self.fields):
            raise ValidationError(_("Fill in all four numbers, or leave all four empty."))
        questions = len(self.quiz.questions)
        for people, correct in (("pre_participants", "pre_correct"), ("post_participants", "post_correct")):
            if cleaned[correct] > cleaned[people] * questions:
                self.add_error(
                    correct,
                    _("There cannot be more correct answers than people times questions (%(questions)d).")
                    % {"questions": questions},
                )
        return cleaned


DONT_KNOW = "dont-know"


class QuizAnswersForm(forms.Form):
    """One participant's answers to the quizzes of a workshop's modules. Every question offers
    "I don't know", so nobody has to guess, and every question needs an answer.

    Made for a set of quizzes by `for_quizzes`, which the quiz view keeps with the quizzes in the
    worker's memory: building the fields was a tenth of a quiz answer's time, and so was Django's
    deep copy of them for each form. Every form of the class shares its fields, which nothing here
    changes (validating and drawing a form only read them); change them on a copy if ever needed."""

    shared_fields: dict = {}  # set by for_quizzes
    sections: list = []  # (quiz, field names) for each quiz, set by for_quizzes

    @classmethod
    def for_quizzes(cls, quizzes) -> type["QuizAnswersForm"]:
        fields = {}
        sections = []
        for quiz in quizzes:
            names = []
            for question in quiz.questions:
                name = f"question-{question.pk}"
                fields[name] = forms.ChoiceField(
                    label=question.page_text,
                    choices=[(str(answer.pk), answer.page_text) for answer in question.page_answers]
                    + [(DONT_KNOW, _("I don't know"))],
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer, or “I don't know”.")},
                )
                names.append(name)
            sections.append((quiz, names))
        return type(cls.__name__, (cls,), {"shared_fields": fields, "sections": sections})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)  # the questions end in "?" already
        self.fields = dict(self.shared_fields)

    def grouped(self) -> list:
        return [(quiz, [self[name] for name in names]) for quiz, names in self.sections]

    def chosen(self) -> dict[int, int | None]:
        return {
            int(name.removeprefix("question-")): None if value == DONT_KNOW else int(value)
            for name, value in self.cleaned_data.items()
        }


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["useful", "confidence", "would_recommend"]
        widgets = {"useful": forms.RadioSelect, "confidence": forms.RadioSelect}

    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend it to a friend or relative?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class FacilitatorReportForm(forms.Form):
    notes = forms.CharField(
        label=_("How the session went"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    issues_raised = forms.CharField(
        label=_("Issues participants raised"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    follow_ups = forms.CharField(
        label=_("Follow-ups needed"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


def month_from_query(value: str | None) -> tuple[int, int]:
    today = timezone.localdate()
    try:
        parsed = datetime.datetime.strptime(ascii_digits(value or ""), "%Y-%m")
    except ValueError:
        return today.year, today.month
    if not 2000 <= parsed.year <= 2100:
        return today.year, today.month
    return parsed.year, parsed.month
