from datetime import timedelta
from types import SimpleNamespace

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.phone import PakistaniPhoneField
from common.text import clean_text
from notifications.models import Channel, Delivery
from notifications.reminders import AnnouncementRule
from notifications.rules import message_render
from notifications.sms import sms_length
from regions.models import District


def sms_segments_of_announcement(text: str, language: str) -> int:
    """Segments of the SMS as it will go out (with the template's "Hifazat: " in that language)."""
    message = message_render(
        template=AnnouncementRule.template,
        channel=Channel.SMS,
        language=language,
        context={"announcement": SimpleNamespace(message=text)},
    )
    return sms_length(message.body).segments


class DeliveryFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *Delivery.Status.choices]
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All channels")), *Channel.choices]
    )


class AnnouncementForm(forms.Form):
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none())
    message_ur = forms.CharField(
        label=_("Message in Urdu"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "rtl", "lang": "ur"}),
    )
    message_sd = forms.CharField(
        label=_("Message in Sindhi"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "rtl", "lang": "sd"}),
    )
    message_ps = forms.CharField(
        label=_("Message in Pashto"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "rtl", "lang": "ps"}),
    )
    message_en = forms.CharField(
        label=_("Message in English"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr", "lang": "en"}),
    )
    send_at = forms.DateTimeField(
        label=_("Send at"),
        help_text=_("Pakistan time. SMS are not sent between 21:00 and 08:00; they wait until the morning."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "dir": "ltr"}, format="%Y-%m-%dT%H:%M"),
    )
    send_sms = forms.BooleanField(
        label=_("Send by SMS (to ambassadors who gave a number)"), required=False, initial=True
    )
    send_email = forms.BooleanField(label=_("Send by email"), required=False, initial=True)

    LANGUAGES = ("ur", "sd", "ps", "en")

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault(
            "send_at", timezone.localtime().replace(second=0, microsecond=0)
        )
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = (
            District.objects.in_scope_of(user).active().select_related("province")
        )

    def clean(self):
        data = super().clean()
        messages = {
            language: clean_text(data.get(f"message_{language}") or "") for language in self.LANGUAGES
        }
        if not any(messages.values()):
            raise forms.ValidationError(_("Write the message in at least one language."))
        for language, text in messages.items():
            if text and data.get("send_sms") and sms_segments_of_announcement(text, language) > 2:
                self.add_error(
                    f"message_{language}",
                    _("This is longer than two SMS. Shorten it, or send it by email only."),
                )
        if not data.get("send_sms") and not data.get("send_email"):
            raise forms.ValidationError(_("Choose SMS, email or both."))
        send_at = data.get("send_at")
        if send_at and send_at < timezone.now() - timedelta(minutes=10):
            self.add_error("send_at", _("This time has passed. Choose now or a later time."))
        elif send_at and send_at > timezone.now() + timedelta(days=366):
            # Also keeps the times computed from it (quiet hours, expiry) inside the calendar.
            self.add_error("send_at", _("Choose a time within the next year."))
        data["messages"] = {language: text for language, text in messages.items() if text}
        return data


class PhoneForm(forms.Form):
    phone = PakistaniPhoneField(label=_("Mobile number for SMS"), required=False)
    sms_enabled = forms.BooleanField(
        label=_("Send me SMS reminders and announcements"), required=False, initial=True
    )
