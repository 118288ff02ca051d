"""Evidence uploads: kept in memory only, checked by content, images re-encoded without metadata.

Django's default handlers write any upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary
file: plaintext on disk. Report views replace them with `InMemoryEvidenceHandler`, which never
spills to disk and drops (SkipFile) a file as soon as it passes INCIDENT_UPLOAD_MAX_FILE_BYTES;
requests larger than INCIDENT_UPLOAD_MAX_REQUEST_BYTES are refused before the body is read.
"""

import io
import warnings
from dataclasses import dataclass

import puremagic
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
ALLOWED_TYPES = {**dict.fromkeys(IMAGE_FORMATS), "application/pdf": None}


class EvidenceRejected(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CleanFile:
    name: str
    content_type: str
    data: bytes


class InMemoryEvidenceHandler(FileUploadHandler):
    """Every file stays in memory; an oversized one is skipped and remembered on the request."""

    def __init__(self, request: HttpRequest | None = None):
        super().__init__(request)
        self.buffer: io.BytesIO | None = None
        self.received = 0
        if request is not None and not hasattr(request, "oversized_uploads"):
            request.oversized_uploads = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.INCIDENT_UPLOAD_MAX_FILE_BYTES:
            self.buffer = None
            if self.request is not None:
                self.request.oversized_uploads.append(self.file_name)
            raise SkipFile()
        self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        if self.buffer is None:
            return None
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


def install_memory_only_handlers(request: HttpRequest) -> None:
    request.upload_handlers = [InMemoryEvidenceHandler(request)]


def request_too_large(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.INCIDENT_UPLOAD_MAX_REQUEST_BYTES


def _reencode_image(data: bytes, content_type: str) -> bytes:
    """Decode and encode again from pixels only: EXIF, GPS, XMP, ICC comments are left behind."""
    max_pixels = settings.INCIDENT_UPLOAD_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise EvidenceRejected(
                    _("This picture is too large to accept. Please send a smaller screenshot.")
                )
            image.load()
    except EvidenceRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise EvidenceRejected(
            _("This picture is too large to accept. Please send a smaller screenshot.")
        ) from error
    except Exception as error:  # noqa: BLE001 - any decoder failure means "not a usable picture"
        raise EvidenceRejected(
            _("This file could not be opened as a picture. Please try another file.")
        ) from error
    # In place: a copy of a 40 MP picture is another 120 MB held at once.
    ImageOps.exif_transpose(image, in_place=True)
    target = IMAGE_FORMATS[content_type]
    if target == "JPEG" and image.mode not in {"RGB", "L"}:
        image = image.convert("RGB")
    # Only pixels are written: the metadata Pillow read (EXIF, XMP, ICC, comments, text chunks) is
    # dropped from the image and an empty EXIF is given, so nothing is carried over.
    image.info.clear()
    output = io.BytesIO()
    options = {"quality": 88} if target in {"JPEG", "WEBP"} else {"optimize": True}
    image.save(output, format=target, exif=b"", **options)
    image.close()
    return output.getvalue()


def picture_pixels(upload) -> int:
    """Width x height from the file's header, without decoding it (0 for what is not a picture)."""
    position = upload.tell()
    try:
        with Image.open(upload) as image:
            width, height = image.size
    except Exception:  # noqa: BLE001 - not a picture: the content check says so later
        return 0
    finally:
        upload.seek(position)
    return width * height


def message_too_large(uploads) -> str | None:
    """Why the files of one message are too much together, or None. Checked before any is decoded."""
    if sum(upload.size for upload in uploads) > settings.INCIDENT_UPLOAD_MAX_TOTAL_BYTES:
        megabytes = settings.INCIDENT_UPLOAD_MAX_TOTAL_BYTES // (1024 * 1024)
        return _(
            "These files are too large together. All files of one message can be at most %(size)s MB."
        ) % {"size": megabytes}
    if sum(picture_pixels(upload) for upload in uploads) > settings.INCIDENT_UPLOAD_MAX_TOTAL_PIXELS:
        return _("These pictures are too large together. Please send fewer pictures, or smaller screenshots.")
    return None


def _detected_type(data: bytes) -> str | None:
    """The type by content alone; the name and the browser's claimed type are ignored."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    try:
        matches = puremagic.magic_string(data[:8192])
    except (puremagic.PureError, ValueError):
        return None
    for match in matches:
        if match.mime_type in IMAGE_FORMATS:
            return match.mime_type  # confirmed below: Pillow must decode it as that picture
    return None


def too_large_message() -> str:
    megabytes = settings.INCIDENT_UPLOAD_MAX_FILE_BYTES // (1024 * 1024)
    return _("This file is too large. Each file can be at most %(size)s MB.") % {"size": megabytes}


def clean_evidence(upload) -> CleanFile:
    """Check an uploaded file by its content and make it safe to keep; raises EvidenceRejected."""
    if upload.size > settings.INCIDENT_UPLOAD_MAX_FILE_BYTES:
        raise EvidenceRejected(too_large_message())
    data = upload.read()
    content_type = _detected_type(data)
    if content_type is None:
        raise EvidenceRejected(
            _("This type of file cannot be accepted. Please send pictures (JPEG, PNG, WebP) or PDF files.")
        )
    if content_type in IMAGE_FORMATS:
        data = _reencode_image(data, content_type)
    name = (upload.name or "file").replace("\\", "/").rsplit("/", 1)[-1][:120]
    return CleanFile(name=name, content_type=content_type, data=data)
