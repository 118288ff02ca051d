from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info

from curriculum.rendering import render_markdown, translated, translated_in

register = template.Library()


@register.simple_tag
def lang_attrs(code: str) -> SafeString:
    """`lang` and `dir` of a block in language `code`, both always said: an English block inside a
    right-to-left page must be left-to-right (and gets the Latin font, hifazat.css), an Urdu notice
    inside that English block right-to-left again."""
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        bidi = False
    return format_html('lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


@register.simple_tag(takes_context=True)
def tr_lang(context, obj, field: str, chain=None, always=False) -> SafeString:
    """` lang=".." dir=".."` for the element showing `field` when its text comes from a fallback
    language (a field empty in the shown language), else nothing: the enclosing block says it.
    `always=True` inside a block in another language (the interface's)."""
    chain = chain or context["content_chain"]
    _value, code = translated_in(obj, field, chain)
    if code is None or (code == chain[0] and not always):
        return SafeString("")
    return format_html(" {}", lang_attrs(code))


@register.simple_tag(takes_context=True)
def tr(context, obj, field: str, chain=None) -> str:
    """`{% tr module "title" %}`: the field in the page's content language, or its fallback."""
    return translated(obj, field, chain or context["content_chain"])


@register.simple_tag(takes_context=True)
def tr_markdown(context, obj, field: str, chain=None) -> SafeString:
    return render_markdown(translated(obj, field, chain or context["content_chain"]))


@register.simple_tag(takes_context=True)
def tr_lines(context, obj, field: str, chain=None) -> list[str]:
    text = translated(obj, field, chain or context["content_chain"])
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


@register.filter
def language_name(code: str) -> str:
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.filter
def language_local_name(code: str) -> str:
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code
