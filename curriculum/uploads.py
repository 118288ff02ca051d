"""Checks on material uploads: the type comes from the content (puremagic), never from the name;
anything a browser could run as a page (HTML, SVG, XML) is refused, and sizes are capped."""

import hashlib
from dataclasses import dataclass

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Detected extension -> (content type served, material kinds it may be).
ALLOWED_TYPES: dict[str, tuple[str, set[str]]] = {
    "pdf": ("application/pdf", {"handout", "slides", "poster"}),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", {"slides"}),
    "odp": ("application/vnd.oasis.opendocument.presentation", {"slides"}),
    "png": ("image/png", {"poster", "handout"}),
    "jpg": ("image/jpeg", {"poster", "handout"}),
    "webp": ("image/webp", {"poster", "handout"}),
    "mp3": ("audio/mpeg", {"audio"}),
    "ogg": ("audio/ogg", {"audio"}),
    "m4a": ("audio/mp4", {"audio"}),
}
ALIASES = {"jpeg": "jpg", "oga": "ogg", "opus": "ogg", "mp4": "m4a", "zip": "zip"}
# Markers of content a browser would render as a document and run script in.
ACTIVE_CONTENT_MARKERS = (
    b"<html",
    b"<!doctype",
    b"<script",
    b"<svg",
    b"<?xml",
    b"<body",
    b"<iframe",
    b"javascript:",
)
SNIFF_BYTES = 4096


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return settings.CURRICULUM_MAX_UPLOAD_MB * 1024 * 1024


def _detected_extension(head: bytes, filename: str) -> str | None:
    try:
        matches = puremagic.magic_string(head, filename=filename)
    except (puremagic.PureError, ValueError):
        return None
    for match in matches:
        extension = match.extension.lstrip(".").lower()
        extension = ALIASES.get(extension, extension)
        if extension == "zip":
            continue  # Office files are zips: decided by their inner name below
        if extension in ALLOWED_TYPES:
            return extension
    if head.startswith(b"PK"):
        if b"presentationml" in head or b"ppt/" in head:
            return "pptx"
        if b"application/vnd.oasis.opendocument.presentation" in head:
            return "odp"
    if head[4:12] in (b"ftypM4A ", b"ftypisom", b"ftypmp42"):
        return "m4a"
    return None


def material_file_check(*, uploaded: UploadedFile, kind: str) -> CheckedFile:
    """Raises ValidationError with a message the editor can act on."""
    size = uploaded.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_upload_bytes():
        raise ValidationError(
            _("The file is too large (%(size)s). The largest file accepted is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_upload_bytes())},
            code="too_large",
        )
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    lowered = head.lower()
    if any(marker in lowered for marker in ACTIVE_CONTENT_MARKERS) and not head.startswith(b"%PDF"):
        raise ValidationError(
            _(
                "This file is a web page or an SVG/XML image, which could run code in a browser. "
                "Upload a PDF, a PNG or JPEG image, slides or audio instead."
            ),
            code="active_content",
        )
    extension = _detected_extension(head, uploaded.name or "")
    if extension is None:
        raise ValidationError(
            _(
                "This type of file is not accepted. Upload a PDF, a PNG, JPEG or WebP image, "
                "PPTX or ODP slides, or MP3, OGG or M4A audio."
            ),
            code="type",
        )
    content_type, kinds = ALLOWED_TYPES[extension]
    if kind not in kinds:
        raise ValidationError(
            _("A file of type %(type)s cannot be used for this kind of material.")
            % {"type": extension.upper()},
            code="kind",
        )
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return CheckedFile(extension=extension, content_type=content_type, size=size, sha256=digest.hexdigest())
