from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common.text import clean_text
from curriculum.models import Material, Module
from curriculum.uploads import material_file_check


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    audience = forms.ChoiceField(
        label=_("Audience"), required=False, choices=[("", _("Any audience")), *Module.Audience.choices]
    )
    available = forms.ChoiceField(
        label=_("Available in"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [
            ("", _("All topics")),
            *[(topic.slug, topic.title) for topic in topics],
        ]

    def clean_q(self) -> str:
        return clean_text(self.cleaned_data.get("q") or "")

    def filters(self) -> dict[str, str]:
        """The valid filters; a field with a bad value is ignored (its error is shown)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "query": cleaned.get("q", ""),
            "topic": cleaned.get("topic", ""),
            "audience": cleaned.get("audience", ""),
            "available": cleaned.get("available", ""),
        }


class MaterialAdminForm(forms.ModelForm):
    """Upload form for editors: the file is checked by its content before anything is stored."""

    class Meta:
        model = Material
        fields = ["module", "kind", "language", "title", "file", "license", "attribution", "position"]

    def clean(self):
        cleaned = super().clean()
        uploaded = cleaned.get("file")
        if uploaded is not None and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            try:
                self.checked_file = material_file_check(uploaded=uploaded, kind=cleaned.get("kind") or "")
            except forms.ValidationError as error:
                self.add_error("file", error)
        return cleaned
