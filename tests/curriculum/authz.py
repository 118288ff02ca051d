"""Who may open the curriculum pages: the library is public; coverage is for coordinators,
translators and admins (others 404, anonymous to sign in)."""

from curriculum import services
from tests.authz import Rule, everyone, only
from tests.curriculum import factories


def _module_url(world) -> str:
    return f"/en/library/{factories.ModuleFactory().slug}/"


def _material_url(world) -> str:
    return f"/ur/library/materials/{factories.material().pk}/download/"


def _pack_status_url(world) -> str:
    return f"/ur/library/{factories.ModuleFactory().slug}/offline/"


def _pack_url(world) -> str:
    module = factories.ModuleFactory()
    pack = services.pack_request(module=module, language="ur")
    services.pack_build(pack_id=pack.pk)
    return f"/ur/library/{module.slug}/offline/download/"


RULES = {
    "curriculum:library": Rule("/en/library/", everyone()),
    "curriculum:module": Rule(_module_url, everyone()),
    "curriculum:material_download": Rule(_material_url, everyone()),
    "curriculum:pack_status": Rule(_pack_status_url, everyone()),
    "curriculum:pack": Rule(_pack_url, everyone()),
    "curriculum:coverage": Rule(
        "/en/library/coverage/",
        only({"coordinator": 200, "coordinator_elsewhere": 200, "translator": 200, "admin": 200}),
    ),
}
