"""Admin permissions that come with a role, defined here in code rather than in database groups:
what a role may do in the admin is part of the product (DESIGN.md, Roles), reviewed like any other
code, and the same on every installation without a data migration to keep in step.

Only the Translator role has any today. Admins are superusers; the other roles work outside the
admin (coordinators, case handlers and ambassadors have their own scoped pages)."""

from django.contrib.auth.backends import BaseBackend

from accounts.models import User

# Translators open, edit and mark reviewed (the per-language status fields of a module are part of
# it) the curriculum's translatable content in the side-by-side admin. They do not add or delete
# rows (lesson structure is the curriculum editor's), upload materials, or see anything else.
TRANSLATOR_MODELS = ("module", "activity", "mythfactcard", "quizquestion", "quizanswer", "topic")
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    User.Role.TRANSLATOR: frozenset(
        f"curriculum.{action}_{model}" for model in TRANSLATOR_MODELS for action in ("view", "change")
    ),
}


class RolePermissionBackend(BaseBackend):
    """Grants each active staff user the permissions of their role (ROLE_PERMISSIONS)."""

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or not user_obj.is_staff or obj is not None:
            return set()
        return set(ROLE_PERMISSIONS.get(getattr(user_obj, "role", ""), ()))

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        return perm in self.get_all_permissions(user_obj, obj)

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return any(perm.startswith(f"{app_label}.") for perm in self.get_all_permissions(user_obj))
