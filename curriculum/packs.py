"""Offline packs: one module in one language as a zip that works from a USB stick or a WhatsApp
share. index.html is printable and self-contained (its CSS and fonts are inside the zip, nothing is
fetched from a network); materials sit in materials/<language>/."""

import hashlib
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from curriculum.content import module_context
from curriculum.handouts import font_faces, font_paths
from curriculum.models import Module

# Bump when what a pack contains changes shape, so every pack is rebuilt once.
PACK_FORMAT = "3"


def pack_fingerprint(module: Module, language: str) -> str:
    """A hash of everything that goes into the pack: when any of it changes, the pack is stale."""
    parts = [PACK_FORMAT, language, module.updated_at.isoformat()]
    parts += [module.status_in(code) for code, _name in settings.LANGUAGES]
    parts += [
        f"{material.pk}:{material.sha256}:{material.language}:{material.updated_at.isoformat()}"
        for material in sorted(module.materials.all(), key=lambda material: material.pk)
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _stylesheet() -> str:
    faces = "\n".join(
        f'@font-face {{ font-family: "{face["family"]}"; font-weight: {face["weight"]}; '
        f'src: url("{face["url"]}") format("woff2"); }}'
        for face in font_faces(base="fonts")
    )
    css = [faces]
    for name in ("css/hifazat.css", "curriculum/curriculum.css"):
        # The site's own @font-face rules point at ../fonts/, outside the pack: the pack's come first.
        css.append(re.sub(r"@font-face\s*\{[^}]*\}", "", Path(finders.find(name)).read_text()))
    return "\n".join(css)


def pack_write(module: Module, language: str, target, progress: Callable[[int], None]) -> None:
    """Write the zip for `module` in `language` into the open binary file `target`."""
    with translation.override(language):
        context = module_context(module, language)
        if context is None:
            raise ValueError(f"module {module.pk} has no showable translation for {language}")
        context.update(
            {
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
                "font_family": settings.LANGUAGE_FONTS.get(language),
                "in_pack": True,
            }
        )
        index = render_to_string("curriculum/pack/index.html", context)
    progress(20)
    materials = context["materials"]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", index)
        archive.writestr("pack.css", _stylesheet())
        archive.write(Path(finders.find("fonts/OFL.txt")), "fonts/OFL.txt")
        for path in font_paths():
            archive.write(path, f"fonts/{path.name}", compress_type=zipfile.ZIP_STORED)
        progress(40)
        for number, material in enumerate(materials, start=1):
            with material.file.open("rb") as handle:
                # Already-compressed formats (PDF, images, audio) are stored, not deflated again.
                with archive.open(f"materials/{material.language}/{material.download_name}", "w") as entry:
                    while chunk := handle.read(1024 * 1024):
                        entry.write(chunk)
            progress(40 + int(55 * number / max(len(materials), 1)))
