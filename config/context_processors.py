from django.conf import settings
from django.http import HttpRequest
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


def site(request: HttpRequest) -> dict:
    """What every page's frame needs: site name and the web font of the page language. The menu is
    drawn by `{% site_header %}` (config/templatetags/frame.py), which reverses it once per worker."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "page_font_file": settings.WEB_FONT_FILES.get(
            settings.LANGUAGE_FONTS.get(translation.get_language())
        ),
    }
