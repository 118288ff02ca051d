"""What a page (or a pack, or a handout) about one module shows in one language."""

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from curriculum.models import Module
from curriculum.selectors import ContentLanguage, materials_for_page, module_content_language


def fallback_notice(content: ContentLanguage) -> str:
    if not content.fell_back:
        return ""
    return _("Not yet available in %(requested)s, shown in %(shown)s.") % {
        "requested": get_language_info(content.requested)["name_translated"],
        "shown": get_language_info(content.shown)["name_translated"],
    }


def module_context(module: Module, language: str) -> dict | None:
    """Template context for a module in `language`; None when no translation may be shown."""
    content = module_content_language(module, language)
    if content is None:
        return None
    return {
        "module": module,
        "content": content,
        "content_chain": content.chain,
        "fallback_notice": fallback_notice(content),
        "activities": list(module.activities.all()),
        "cards": list(module.cards.all()),
        "materials": materials_for_page(module, language),
        "total_minutes": sum(activity.minutes for activity in module.activities.all()),
    }
