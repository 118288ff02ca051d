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
