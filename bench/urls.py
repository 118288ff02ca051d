from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def bare(request):
    """The baseline: a Django view that does nothing, behind the same middleware as every page."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *project_urlpatterns]
