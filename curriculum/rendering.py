"""Module text in the language a page shows: field lookup along the fallback chain, and Markdown
bodies rendered then sanitised with nh3 (editors may paste HTML; only harmless tags survive)."""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "code",
    "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip


def translated_in(obj, field: str, chain) -> tuple[str, str | None]:
    """(the field in the first language of `chain` where it is not empty, that language)."""
    for code in chain:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value, code
    return "", None


def translated(obj, field: str, chain) -> str:
    """The field in the first language of `chain` where it is not empty."""
    return translated_in(obj, field, chain)[0]


def render_markdown(text: str) -> SafeString:
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
