from celery import shared_task


@shared_task(ignore_result=True)
def worker_heartbeat_task() -> None:
    """Beat queues this every minute; a worker running it proves tasks are being taken."""
    from common.services import worker_heartbeat_record

    worker_heartbeat_record()
