"""An SMS backend for the worker tests: the file backend, slowed down so a kill lands mid-batch."""

import time

from notifications.channels import FileSmsBackend


class SlowFileSmsBackend(FileSmsBackend):
    def send(self, *, to: str, body: str, reference: str) -> None:
        time.sleep(0.02)
        super().send(to=to, body=body, reference=reference)


class OutOfTimeAfterHandingOverSmsBackend(FileSmsBackend):
    """The gateway took the message, then Celery's soft time limit fired before the answer was read
    (Celery raises SoftTimeLimitExceeded inside whatever code is running)."""

    def send(self, *, to: str, body: str, reference: str) -> None:
        from celery.exceptions import SoftTimeLimitExceeded

        super().send(to=to, body=body, reference=reference)
        raise SoftTimeLimitExceeded()
