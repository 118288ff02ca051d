from django import template
from django.utils.safestring import SafeString

from curriculum.rendering import render_markdown, translated

register = template.Library()


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
