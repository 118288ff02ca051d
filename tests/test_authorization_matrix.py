"""Role x URL -> status, generated from the URLconf (DESIGN.md, Roles and scope)."""

from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.authz import THIRD_PARTY_SAMPLES, all_rules
from tests.world import ROLES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = {"config"} | {path.parent.name for path in PROJECT_ROOT.glob("*/apps.py")}


def project_url_names() -> set[str]:
    """Names of every URL pattern whose view lives in this project (third-party views excluded)."""
    names: set[str] = set()

    def walk(patterns, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, ":".join(filter(None, [namespace, pattern.namespace])) or None)
            elif isinstance(pattern, URLPattern):
                module = getattr(pattern.callback, "__module__", "") or ""
                if module.split(".")[0] in PROJECT_PACKAGES:
                    assert pattern.name, f"unnamed URL pattern {pattern.pattern} in {module}"
                    names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_is_classified():
    unclassified = project_url_names() - all_rules().keys()
    assert not unclassified, f"classify these URLs in a tests/<app>/authz.py RULES: {sorted(unclassified)}"


def test_no_rule_for_a_url_that_no_longer_exists():
    stale = all_rules().keys() - project_url_names()
    assert not stale, f"rules for URL names that no longer exist: {sorted(stale)}"


def _request(world, rule, role):
    url = rule.url(world) if callable(rule.url) else rule.url
    client = world.client(role)
    response = getattr(client, rule.method)(url, data=rule.data)
    return url, response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(all_rules()))
def test_project_url(world, name):
    rule = all_rules()[name]
    wrong = {}
    for role in ROLES:
        url, status = _request(world, rule, role)
        if status != rule.expect[role]:
            wrong[role] = (url, status, rule.expect[role])
    assert not wrong, f"{name}: role -> (url, got, expected): {wrong}"


@pytest.mark.django_db
@pytest.mark.parametrize("family", sorted(THIRD_PARTY_SAMPLES))
def test_third_party_url_family(world, family):
    rule = THIRD_PARTY_SAMPLES[family]
    wrong = {}
    for role in ROLES:
        url, status = _request(world, rule, role)
        if status != rule.expect[role]:
            wrong[role] = (url, status, rule.expect[role])
    assert not wrong, f"{family}: role -> (url, got, expected): {wrong}"
