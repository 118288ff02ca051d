from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common.text import ascii_digits, clean_text
from common.widgets import QuickSelect
from incidents import receipts
from incidents.models import Case, Category, Contact
from incidents.selectors import categories_for_form
from incidents.uploads import EvidenceRejected, clean_evidence, message_too_large, too_large_message
from regions.forms import DistrictChoiceField

NARRATIVE_MAX = 10_000
MESSAGE_MAX = 5_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files; each is checked by content and cleaned (images re-encoded) here."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Screenshots or documents (optional)"))
        kwargs.setdefault(
            "help_text",
            _(
                "Pictures (JPEG, PNG, WebP) or PDF, up to 5 files. Pictures are cleaned of hidden location data."
            ),
        )
        super().__init__(**kwargs)
        self.widget.attrs.update({"accept": "image/jpeg,image/png,image/webp,application/pdf"})

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(uploads) > settings.INCIDENT_UPLOAD_MAX_FILES:
            raise forms.ValidationError(
                _("Please send at most %(count)s files at a time.")
                % {"count": settings.INCIDENT_UPLOAD_MAX_FILES}
            )
        too_large = message_too_large(uploads)
        if too_large:
            raise forms.ValidationError(too_large)
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(clean_evidence(upload))
            except EvidenceRejected as rejection:
                errors.append(
                    forms.ValidationError(
                        _("The file %(name)s was not accepted: %(reason)s"),
                        params={"name": upload.name[:80], "reason": rejection.message},
                    )
                )
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class EvidenceFormMixin:
    """Reports oversized files that the in-memory upload handler skipped before they reached us."""

    def oversized_check(self, request) -> None:
        for name in getattr(request, "oversized_uploads", []):
            self.add_error(
                "evidence",
                _("The file %(name)s was not accepted: %(reason)s")
                % {"name": (name or "")[:80], "reason": too_large_message()},
            )


class SafetyForm(forms.Form):
    danger = forms.TypedChoiceField(
        label=_("Is anyone in immediate danger right now?"),
        choices=[("yes", _("Yes, someone is in danger now")), ("no", _("No"))],
        widget=forms.RadioSelect,
    )


class ReportForm(EvidenceFormMixin, forms.Form):
    immediate_danger = forms.BooleanField(required=False, widget=forms.HiddenInput)
    category = forms.TypedChoiceField(label=_("What happened?"), coerce=int, choices=())
    channel = forms.ChoiceField(label=_("Where did it happen?"), choices=Case.Channel.choices)
    when = forms.ChoiceField(label=_("When did it happen?"), choices=Case.When.choices)
    district = DistrictChoiceField(
        label=_("Your district (optional)"),
        required=False,
        empty_label=_("I prefer not to say"),
    )
    money_lost_pkr = forms.CharField(
        label=_("Money lost, in rupees (optional)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off"}),
    )
    narrative = forms.CharField(
        label=_("Tell us what happened"),
        help_text=_("Write in any language. Do not write passwords or codes you received."),
        max_length=NARRATIVE_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
    )
    evidence = EvidenceField()
    contact_consent = forms.BooleanField(
        label=_("I agree to be contacted by a Hifazat case handler"),
        required=False,
    )
    contact = forms.CharField(
        label=_("How can we reach you safely? (optional)"),
        help_text=_("Only if you ticked the box above. A phone number or email, and the best time to call."),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    # A honeypot for naive bots; hidden from people (CSS and aria-hidden), never a captcha.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Choose what happened")), *categories_for_form()]
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_category(self):
        category = Category.objects.filter(pk=self.cleaned_data["category"], active=True).first()
        if category is None:
            raise forms.ValidationError(_("Please choose what happened."))
        return category

    def clean_money_lost_pkr(self):
        value = ascii_digits(clean_text(self.cleaned_data.get("money_lost_pkr", "")))
        value = (
            value.replace(",", "").replace("٬", "").replace(" ", "").removeprefix("Rs").removeprefix("PKR")
        )
        if not value:
            return None
        if not value.isdigit() or len(value) > 12:
            raise forms.ValidationError(_("Please write the amount in numbers only, for example 5000."))
        return int(value)

    def clean_narrative(self):
        value = clean_text(self.cleaned_data.get("narrative", "")).strip()
        if not value:
            raise forms.ValidationError(_("Please tell us what happened, in a few words."))
        return value

    def clean_contact(self):
        return clean_text(self.cleaned_data.get("contact", ""))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact") and not cleaned.get("contact_consent"):
            self.add_error(
                "contact_consent",
                _("Tick this box if you want us to contact you, or leave the contact field empty."),
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class FollowUpForm(forms.Form):
    code = forms.CharField(
        label=_("Case code"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off"}),
    )
    secret = forms.CharField(
        label=_("Secret"),
        max_length=60,
        widget=forms.PasswordInput(
            render_value=True, attrs={"inputmode": "numeric", "dir": "ltr", "autocomplete": "off"}
        ),
    )

    def clean_code(self):
        return receipts.normalise(self.cleaned_data["code"])

    def clean_secret(self):
        return receipts.normalise(self.cleaned_data["secret"])


class ReporterMessageForm(EvidenceFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
    )
    evidence = EvidenceField(label=_("Add screenshots or documents (optional)"))

    def clean_body(self):
        return clean_text(self.cleaned_data.get("body", ""))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("body") and not cleaned.get("evidence") and not self.errors:
            raise forms.ValidationError(_("Write a message or add a file."))
        return cleaned


# --- Case handlers ---------------------------------------------------------------------------------


class QueueFilterForm(forms.Form):
    # QuickSelect: these four selects, through Django's per-option templates, were a fifth of the
    # queue page's time.
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All open cases")), *Case.Status.choices],
        widget=QuickSelect,
    )
    category = forms.TypedChoiceField(
        label=_("Category"), required=False, coerce=int, empty_value=None, choices=(), widget=QuickSelect
    )
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[("", _("Anyone")), ("me", _("Assigned to me")), ("none", _("Not assigned"))],
        widget=QuickSelect,
    )
    district = forms.TypedChoiceField(
        label=_("District"), required=False, coerce=int, empty_value=None, choices=(), widget=QuickSelect
    )

    def __init__(self, *args, categories=(), districts=(), **kwargs):
        """`categories` and `districts`: (id, name) choices (selectors.queue_labels, in the user's scope)."""
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("All categories")), *categories]
        self.fields["district"].choices = [("", _("All districts")), *districts]


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(
        label=_("Assign to"), coerce=int, empty_value=None, required=False, choices=()
    )

    def __init__(self, *args, colleagues=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.colleagues = {user.pk: user for user in colleagues}
        self.fields["assignee"].choices = [("", _("Nobody")), *[(u.pk, str(u)) for u in colleagues]]

    def clean_assignee(self):
        pk = self.cleaned_data.get("assignee")
        return self.colleagues.get(pk) if pk else None


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=())

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = case.TRANSITIONS.get(Case.Status(case.status), set())
        self.fields["status"].choices = [
            (value, label) for value, label in Case.Status.choices if value in allowed
        ]


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note (never shown to the reporter)"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the reporter"),
        help_text=_("Write in the reporter's language. They read it when they come back with their code."),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_body(self):
        return clean_text(self.cleaned_data["body"])


class ReferralForm(forms.Form):
    contact = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Contact.objects.filter(active=True, kind=Contact.Kind.REFERRAL),
        empty_label=_("Another organisation (write below)"),
    )
    to_whom = forms.CharField(label=_("Other organisation or person"), required=False, max_length=200)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("contact") and not clean_text(cleaned.get("to_whom", "")):
            raise forms.ValidationError(_("Choose an organisation or write who the case was referred to."))
        return cleaned


class DeleteForm(forms.Form):
    reason = forms.CharField(label=_("Why delete this case now?"), max_length=200)
    confirm = forms.BooleanField(label=_("I understand the content and files are deleted for good"))
