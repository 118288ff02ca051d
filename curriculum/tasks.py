from celery import shared_task


@shared_task(bind=True, acks_late=True, max_retries=3, retry_backoff=True)
def pack_build_task(self, pack_id: int) -> None:
    """Thin shell: the service is idempotent, so a redelivered task does no harm."""
    from curriculum.models import OfflinePack
    from curriculum.services import pack_build

    try:
        pack_build(pack_id=pack_id)
    except OfflinePack.DoesNotExist:
        return
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task(acks_late=True, ignore_result=True)
def packs_refresh_stale_task() -> None:
    """Daily (config/schedules.py): queue rebuilds of packs whose module changed; each build is its
    own `pack_build_task(pack_id)`. Idempotent: a second run finds them queued, not stale-and-ready."""
    from curriculum.services import packs_refresh_stale

    packs_refresh_stale()


@shared_task(bind=True, acks_late=True, max_retries=3, retry_backoff=True)
def handout_refresh_task(self, module_id: int, language: str) -> None:
    """Thin shell: regenerates the handout only if its text changed (safe to run twice)."""
    from curriculum.services import handout_refresh

    try:
        handout_refresh(module_id=module_id, language=language)
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task(acks_late=True, ignore_result=True)
def handouts_refresh_stale_task() -> None:
    """Daily (config/schedules.py): queue the regeneration of handouts whose module text changed."""
    from curriculum.services import handouts_refresh_stale

    handouts_refresh_stale()
