"""Rendered fragments cached until their data changes.

A namespace has a version number in the cache; keys embed it, and `namespace_changed` bumps it,
so every cached fragment of the namespace is retired at once without listing keys. Apps connect
`retire_on_change` to the models a fragment shows, so any save or delete (admin edits included)
retires it. A page rendered by another request between the save and its commit can still cache
the old state; fragments therefore also expire after a short time (the caller's timeout).
"""

import hashlib

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save


def fragment_key(namespace: str, *parts: str) -> str:
    version = cache.get_or_set(f"{namespace}:version", 1, None)
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]
    return f"{namespace}:{version}:{digest}"


def namespace_changed(namespace: str) -> None:
    try:
        cache.incr(f"{namespace}:version")
    except ValueError:
        cache.set(f"{namespace}:version", 1, None)


def retire_on_change(namespace: str, *models) -> None:
    """Bump `namespace` whenever any of `models` is saved or deleted."""

    def changed(**kwargs) -> None:
        namespace_changed(namespace)

    for model in models:
        post_save.connect(
            changed, sender=model, weak=False, dispatch_uid=f"{namespace}-{model.__name__}-save"
        )
        post_delete.connect(
            changed, sender=model, weak=False, dispatch_uid=f"{namespace}-{model.__name__}-delete"
        )
