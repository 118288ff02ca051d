from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# The public sections of the site, in menu order. A renamed or missing URL fails loudly
# (NoReverseMatch on every page, so in every test) instead of silently leaving the menu.
MAIN_NAVIGATION = [
    ("workshops:list", _("Workshops")),
    ("curriculum:library", _("Library")),
    ("incidents:report", _("Report a problem")),
    ("ambassadors:apply", _("Become an ambassador")),
    ("impact:public", _("Impact")),
]


def _navigation(request: HttpRequest) -> list[dict]:
    items = []
    for url_name, label in MAIN_NAVIGATION:
        url = reverse(url_name)
        items.append({"url": url, "label": label, "current": request.path.startswith(url)})
    return items


def site(request: HttpRequest) -> dict:
    """What every page's frame needs: site name, navigation, and the web font of the page language."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "page_font_file": settings.WEB_FONT_FILES.get(
            settings.LANGUAGE_FONTS.get(translation.get_language())
        ),
        "main_navigation": _navigation(request),
    }
