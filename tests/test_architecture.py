"""The layers between the apps (docs/architecture.md), checked on every module's imports.

Each app may import only the apps in layers below its own. An import the other way round (workshops
importing ambassadors, say) is a cycle waiting to happen: the two apps can then no longer be read,
tested or changed alone. No module imports another app's private (`_`-prefixed) name or module
either: a name that others need is public, with a proper name, in the app where it belongs.

The imports are read with `ast` (nothing is executed), including those inside functions, which are
still dependencies even when written there to dodge an import cycle.
"""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom to top. An app may import any app in a lower layer, never one in its own or a higher layer.
LAYERS: list[tuple[str, ...]] = [
    ("common",),  # tools with no knowledge of the apps: caching, rate limits, phone numbers, PDFs
    ("regions",),  # provinces and districts
    ("accounts",),  # users, roles and scopes
    ("notifications",),  # the delivery log, channels and rules: the one way to send a message
    ("curriculum", "incidents", "facilitators"),  # the library; confidential reports; the facilitator profile
    ("workshops",),  # scheduling, registration, attendance, feedback
    ("ambassadors",),  # applications, training tracks, certificates (training happens in workshops)
    ("impact",),  # reads every app below it for anonymised figures
    ("config",),  # settings, URLs, site-wide views: wires everything together
]
LAYER_OF = {app: index for index, apps in enumerate(LAYERS) for app in apps}

# Whole-site entry points, not library code: they fill a database with data of every app, so they may
# import any app. Nothing imports them. Keep this list short; a new entry belongs in config/ or tests/.
ENTRY_POINTS = {
    "common/management/commands/national_data.py": "a national rollout's data, every app (bench, scale tests)",
    "notifications/demo.py": "demo deliveries about the demo workshops (`make run`)",
}

# Code outside the apps: checked for private names only.
OUTSIDE_APPS = ("tests", "bench", "scripts")


def project_modules(top: str):
    for path in sorted((ROOT / top).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts:
            continue  # history: a migration names the models as they were
        yield relative


def imports_of(path: Path):
    """(line, imported module, imported names) for every import in the file, at any depth."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module, [alias.name for alias in node.names]


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def is_entry_point(path: Path) -> bool:
    return path.as_posix() in ENTRY_POINTS


def layer_violations(path: Path) -> list[str]:
    own = path.parts[0]
    problems = []
    for line, module, _names in imports_of(path):
        target = module.split(".")[0]
        if target not in LAYER_OF or target == own or is_entry_point(path):
            continue
        if LAYER_OF[target] >= LAYER_OF[own]:
            problems.append(f"{path}:{line} imports {module}: {own} may not depend on {target}")
    return problems


def private_violations(path: Path) -> list[str]:
    own = path.parts[0]
    problems = []
    for line, module, names in imports_of(path):
        parts = module.split(".")
        if parts[0] not in LAYER_OF or parts[0] == own:
            continue
        private = [part for part in parts[1:] if is_private(part)] + [
            name for name in names if is_private(name)
        ]
        if private:
            problems.append(
                f"{path}:{line} imports {', '.join(private)} from {module}, private to {parts[0]}"
            )
    return problems


def test_every_app_is_in_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps <= set(LAYER_OF), f"put {sorted(apps - set(LAYER_OF))} in a layer in LAYERS"


@pytest.mark.parametrize("app", sorted(LAYER_OF))
def test_imports_go_down_the_layers(app):
    problems = [problem for path in project_modules(app) for problem in layer_violations(path)]
    assert not problems, "imports against the layers (docs/architecture.md):\n" + "\n".join(problems)


@pytest.mark.parametrize("top", [*sorted(LAYER_OF), *OUTSIDE_APPS])
def test_no_import_of_another_apps_private_names(top):
    problems = [problem for path in project_modules(top) for problem in private_violations(path)]
    assert not problems, "make these public, with a proper name, in the right app:\n" + "\n".join(problems)


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The check itself works: an upward import and a private name in a throwaway module are caught."""
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    module = tmp_path / "workshops" / "sneaky.py"
    module.parent.mkdir()
    module.write_text(
        "def f():\n    from ambassadors.models import Track\n    from facilitators.contact import _hidden\n"
    )
    path = module.relative_to(tmp_path)
    assert layer_violations(path) == [
        "workshops/sneaky.py:2 imports ambassadors.models: workshops may not depend on ambassadors"
    ]
    assert private_violations(path) == [
        "workshops/sneaky.py:3 imports _hidden from facilitators.contact, private to facilitators"
    ]
