from celery import shared_task


@shared_task(acks_late=True)
def cases_unacknowledged_alert_task() -> int:
    from incidents.services import cases_unacknowledged_alert

    return cases_unacknowledged_alert()


@shared_task(acks_late=True)
def cases_purge_expired_task() -> int:
    """Nightly: closed cases past retention, then evidence files that belong to no case."""
    from incidents.services import cases_purge_expired, evidence_orphans_remove

    purged = cases_purge_expired()
    evidence_orphans_remove()
    return purged
