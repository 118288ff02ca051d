from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_safe

from accounts.models import User
from common.cache import fragment_key
from common.http import or_404
from common.pagecache import public_page
from curriculum import selectors, services
from curriculum.content import module_context
from curriculum.downloads import stored_file_response
from curriculum.forms import LibraryFilterForm
from curriculum.models import Material, OfflinePack
from curriculum.packs import pack_fingerprint
from curriculum.rendering import translated

LIBRARY_PAGE_SIZE = 24
LIBRARY = "curriculum:library"
LIBRARY_CACHE_SECONDS = 300
MODULE_PAGE = "curriculum:module"
MODULE_PAGE_CACHE_SECONDS = 300


@public_page(query=("q", "topic", "audience", "available", "page"))
@require_safe
def library(request: HttpRequest) -> HttpResponse:
    """The library. Its result list is cached per language and query until any curriculum content
    changes (common.cache): rendering two dozen translated cards is most of the page's cost."""
    language = translation.get_language()
    topics = selectors.topics()
    form = LibraryFilterForm(request.GET or None, topics=topics)
    filters = form.filters() if request.GET else {}
    # Per language: which translation each module shows depends on the page language alone.
    key = fragment_key(LIBRARY, language, request.GET.urlencode())
    results = cache.get(key)
    if results is None:
        page = Paginator(selectors.library_modules(language=language, **filters), LIBRARY_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        for module in page.object_list:
            module.content = selectors.module_content_language(module, language)
        query_string = request.GET.copy()
        query_string.pop("page", None)
        results = render_to_string(
            "curriculum/_library_results.html", {"page": page, "query_string": query_string.urlencode()}
        )
        cache.set(key, results, LIBRARY_CACHE_SECONDS)
    return render(request, "curriculum/library.html", {"form": form, "topics": topics, "results": results})


@public_page
@require_safe
def module_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A module's page. The rendered module (the same for every visitor in a language) is cached
    until any curriculum content changes, like the library list."""
    language = translation.get_language()
    key = fragment_key(MODULE_PAGE, slug, language)
    page = cache.get(key)
    if page is None:
        module = or_404(selectors.module_for_page(slug=slug))
        context = module_context(module, language)
        if context is None:
            raise Http404("no translation of this module may be shown")
        page = {
            "title": translated(module, "title", context["content_chain"]),
            "body": render_to_string("curriculum/includes/module_body.html", context, request=request),
        }
        cache.set(key, page, MODULE_PAGE_CACHE_SECONDS)
    return render(request, "curriculum/module.html", page)


@require_safe
def material_download(request: HttpRequest, pk: int) -> HttpResponse:
    material = get_object_or_404(Material.objects.select_related("module"), pk=pk)
    if selectors.module_content_language(material.module, material.language) is None and (
        selectors.module_content_language(material.module, translation.get_language()) is None
    ):
        raise Http404("the module of this material is not published")
    response = stored_file_response(
        request,
        field_file=material.file,
        content_type=material.content_type,
        download_name=material.download_name,
        etag=material.sha256,
        modified=material.updated_at,
        size=material.size,
    )
    starts_download = response.status_code == 200 or response.get("Content-Range", "").startswith("bytes 0-")
    if request.method == "GET" and starts_download:
        services.material_download_record(material=material, language=material.language)
    return response


def _visible_module(slug: str):
    module = or_404(selectors.module_for_page(slug=slug))
    content = selectors.module_content_language(module, translation.get_language())
    if content is None:
        raise Http404("no translation of this module may be shown")
    return module, content


@require_safe
def pack_status(request: HttpRequest, slug: str) -> HttpResponse:
    module, content = _visible_module(slug)
    language = translation.get_language()
    pack = services.pack_request(module=module, language=language)
    return render(
        request,
        "curriculum/pack_status.html",
        {
            "module": module,
            "pack": pack,
            "content_chain": content.chain,
            "current": services.pack_is_current(pack, pack.wanted_fingerprint),
            "refresh": pack.status in (OfflinePack.Status.QUEUED, OfflinePack.Status.BUILDING),
        },
    )


@require_safe
def pack_download(request: HttpRequest, slug: str) -> HttpResponse:
    module, _content = _visible_module(slug)
    language = translation.get_language()
    pack = OfflinePack.objects.filter(module=module, language=language).first()
    if pack is None or not services.pack_is_current(pack, pack_fingerprint(module, language)):
        return redirect("curriculum:pack_status", slug=module.slug)
    return stored_file_response(
        request,
        field_file=pack.file,
        content_type="application/zip",
        download_name=pack.download_name,
        etag=pack.fingerprint,
        modified=pack.built_at,
        size=pack.size,
    )


@login_required
@require_safe
def coverage(request: HttpRequest) -> HttpResponse:
    if not request.user.has_role(User.Role.COORDINATOR, User.Role.TRANSLATOR):
        raise Http404("translation coverage is for coordinators, translators and admins")
    return render(request, "curriculum/coverage.html", {"rows": selectors.coverage_rows()})
