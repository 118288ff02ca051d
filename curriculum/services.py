"""Writes of the curriculum: materials, download counters, translation status, generated handouts
and offline packs."""

import hashlib
import logging
import tempfile
from functools import partial

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from common.storage import stored_file_delete
from curriculum.models import Material, MaterialDownloadCount, Module, OfflinePack, TranslationStatus
from curriculum.uploads import CheckedFile, material_file_check

logger = logging.getLogger(__name__)


def material_file_store(*, material: Material, uploaded: UploadedFile, checked: CheckedFile) -> None:
    """Put a checked upload on the material (type, size, checksum from the content)."""
    material.content_type = checked.content_type
    material.extension = checked.extension
    material.size = checked.size
    material.sha256 = checked.sha256
    material.file.save(f"upload.{checked.extension}", uploaded, save=False)


@transaction.atomic
def material_create(
    *,
    module: Module,
    kind: str,
    language: str,
    title: str,
    uploaded: UploadedFile,
    license: str = Material.DEFAULT_LICENSE,
    attribution: str = "Hifazat contributors",
    position: int = 0,
) -> Material:
    checked = material_file_check(uploaded=uploaded, kind=kind)
    material = Material(
        module=module, kind=kind, language=language, title=title, license=license,
        attribution=attribution, position=position,
    )  # fmt: skip
    material_file_store(material=material, uploaded=uploaded, checked=checked)
    material.full_clean()
    material.save()
    return material


def material_download_record(*, material: Material, language: str) -> None:
    """Count one download. A counter row per material and language: nothing about who."""
    updated = MaterialDownloadCount.objects.filter(material=material, language=language).update(
        count=F("count") + 1
    )
    if not updated:
        with transaction.atomic():
            counter, created = MaterialDownloadCount.objects.select_for_update().get_or_create(
                material=material, language=language, defaults={"count": 1}
            )
            if not created:
                MaterialDownloadCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)


@transaction.atomic
def module_status_set(*, module: Module, language: str, status: str) -> Module:
    if status not in TranslationStatus.values:
        raise ValueError(f"unknown status {status!r}")
    setattr(module, f"status_{language}", status)
    module.save(update_fields=[f"status_{language}", "updated_at"])
    return module


@transaction.atomic
def handout_generate(*, module: Module, language: str) -> Material:
    """(Re)generate the module's handout PDF in `language` from its own text."""
    from curriculum.handouts import handout_fingerprint, handout_html, pdf_from_html
    from curriculum.rendering import translated

    html = handout_html(module, language)
    pdf = pdf_from_html(html)
    material = Material.objects.filter(
        module=module, language=language, kind=Material.Kind.HANDOUT, generated=True
    ).first()
    if material is None:
        material = Material(module=module, language=language, kind=Material.Kind.HANDOUT, generated=True)
    # The old PDF goes only once the new one is saved and committed: until then the row points to a
    # file that exists, on whichever node or bucket reads it.
    old_file = material.file.name if material.file else ""
    material.title = translated(module, "title", [language]) or module.title_en  # type: ignore[attr-defined]
    material.content_type = "application/pdf"
    material.extension = "pdf"
    material.size = len(pdf)
    material.sha256 = hashlib.sha256(pdf).hexdigest()
    material.source_fingerprint = handout_fingerprint(html)
    material.file.save("handout.pdf", ContentFile(pdf), save=False)
    material.save()
    if old_file and old_file != material.file.name:
        storage = material.file.storage
        transaction.on_commit(lambda: stored_file_delete(name=old_file, storage=storage))
    return material


def _handout_is_stale(material: Material, module: Module) -> bool:
    from curriculum.handouts import handout_fingerprint, handout_html

    return material.source_fingerprint != handout_fingerprint(handout_html(module, material.language))


def handouts_refresh(*, module: Module) -> list[str]:
    """After an edit: queue (after commit) the regeneration of the module's generated handouts whose
    text changed; returns their languages. Rendering the HTML to compare is cheap; the PDF is made by
    the worker."""
    from curriculum.tasks import handout_refresh_task

    module = Module.objects.prefetch_related("cards").get(pk=module.pk)
    stale = [
        material.language
        for material in Material.objects.filter(module=module, kind=Material.Kind.HANDOUT, generated=True)
        if _handout_is_stale(material, module)
    ]
    for language in stale:
        transaction.on_commit(partial(handout_refresh_task.delay, module.pk, language))
    return stale


def handout_refresh(*, module_id: int, language: str) -> bool:
    """Regenerate one generated handout if its text changed, then refresh the offline packs that hold
    it. Idempotent (a redelivered task finds it current); the row lock keeps two workers from writing
    the same file at once. Returns whether it was regenerated."""
    with transaction.atomic():
        material = (
            Material.objects.select_for_update()
            .filter(module_id=module_id, language=language, kind=Material.Kind.HANDOUT, generated=True)
            .first()
        )
        module = Module.objects.prefetch_related("cards").filter(pk=module_id).first()
        if material is None or module is None or not _handout_is_stale(material, module):
            return False
        handout_generate(module=module, language=language)
        module_packs_refresh(module=module)
    return True


def handouts_refresh_stale() -> list[tuple[int, str]]:
    """Nightly: queue every generated handout whose module text changed (edits outside the admin too)."""
    queued = []
    for module in Module.objects.filter(materials__generated=True).distinct():
        for language in handouts_refresh(module=module):
            queued.append((module.pk, language))
    return queued


def _pack_fingerprint_for(module_id: int, language: str) -> tuple[Module, str]:
    from curriculum.packs import pack_fingerprint

    module = Module.objects.prefetch_related("materials").get(pk=module_id)
    return module, pack_fingerprint(module, language)


@transaction.atomic
def pack_request(*, module: Module, language: str) -> OfflinePack:
    """Make sure a current pack exists or is being built; queue a build (after commit) if not.

    Idempotent: asking again while a build for the same content is queued queues nothing."""
    from curriculum.tasks import pack_build_task

    module, fingerprint = _pack_fingerprint_for(module.pk, language)
    pack, _created = OfflinePack.objects.get_or_create(module=module, language=language)
    pack = OfflinePack.objects.select_for_update().get(pk=pack.pk)
    if pack.status == OfflinePack.Status.READY and pack.fingerprint == fingerprint:
        return pack
    if pack.wanted_fingerprint == fingerprint and pack.status in (
        OfflinePack.Status.QUEUED,
        OfflinePack.Status.BUILDING,
    ):
        return pack
    pack.wanted_fingerprint = fingerprint
    pack.status = OfflinePack.Status.QUEUED
    pack.progress = 0
    pack.error = ""
    pack.save()
    transaction.on_commit(lambda: pack_build_task.delay(pack.pk))
    return pack


def module_packs_refresh(*, module: Module) -> None:
    """After an edit: queue a rebuild of every pack already made of this module (after commit).
    Packs nobody asked for yet are built on first request."""
    for language in OfflinePack.objects.filter(module=module).values_list("language", flat=True):
        pack_request(module=module, language=language)


def packs_refresh_stale() -> list[int]:
    """Nightly: queue a rebuild of every built pack whose module changed since it was built (edits
    made outside the admin, e.g. an ORM save or a data migration, do not refresh packs themselves).

    Reuses the fingerprint of `curriculum.packs` and `pack_request` (idempotent; the build is queued
    after its commit). Returns the ids of the packs queued. A few queries per 200 packs to compare."""
    from curriculum.packs import pack_fingerprint

    stale = []
    packs = (
        OfflinePack.objects.filter(status=OfflinePack.Status.READY)
        .select_related("module")
        .prefetch_related("module__materials")
        .order_by("pk")
    )
    for pack in packs.iterator(chunk_size=200):
        if pack.fingerprint != pack_fingerprint(pack.module, pack.language):
            stale.append(pack)
    queued = []
    for pack in stale:
        if pack_request(module=pack.module, language=pack.language).status == OfflinePack.Status.QUEUED:
            queued.append(pack.pk)
    if queued:
        logger.info("offline packs queued for rebuild: %s", queued)
    return queued


def pack_is_current(pack: OfflinePack, fingerprint: str) -> bool:
    return pack.status == OfflinePack.Status.READY and pack.fingerprint == fingerprint and bool(pack.file)


def pack_build(*, pack_id: int) -> OfflinePack:
    """Build the zip. Safe to run twice (Celery may redeliver): a pack already built from the
    current content is left alone; progress is committed as it goes so the page can show it."""
    from curriculum.packs import pack_write

    with transaction.atomic():
        pack = OfflinePack.objects.select_for_update().select_related("module").get(pk=pack_id)
        module, fingerprint = _pack_fingerprint_for(pack.module_id, pack.language)
        if pack_is_current(pack, fingerprint):
            return pack
        pack.status = OfflinePack.Status.BUILDING
        pack.progress = 5
        pack.wanted_fingerprint = fingerprint
        pack.save(update_fields=["status", "progress", "wanted_fingerprint", "updated_at"])

    def progress(percent: int) -> None:
        OfflinePack.objects.filter(pk=pack_id).update(progress=min(percent, 99))

    module = (
        Module.objects.prefetch_related("activities", "cards", "materials")
        .select_related("topic")
        .get(pk=module.pk)
    )
    try:
        with tempfile.TemporaryFile() as target:
            pack_write(module, pack.language, target, progress)
            target.seek(0)
            with transaction.atomic():
                pack = OfflinePack.objects.select_for_update().get(pk=pack_id)
                old_file = pack.file.name if pack.file else ""
                pack.file.save(
                    f"{module.slug}-{pack.language}-{fingerprint[:12]}.zip", File(target), save=False
                )
                pack.size = pack.file.size
                pack.fingerprint = fingerprint
                pack.status = OfflinePack.Status.READY
                pack.progress = 100
                pack.built_at = timezone.now()
                pack.error = ""
                pack.save()
                if old_file and old_file != pack.file.name:
                    storage = pack.file.storage
                    transaction.on_commit(lambda: stored_file_delete(name=old_file, storage=storage))
    except Exception as error:
        logger.exception("offline pack %s failed", pack_id)
        OfflinePack.objects.filter(pk=pack_id).update(
            status=OfflinePack.Status.FAILED, error=str(error)[:240]
        )
        raise
    # The module may have changed while we built: ask again, which queues only if it did.
    pack_request(module=module, language=pack.language)
    return pack
