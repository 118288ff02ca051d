"""An SMS backend for the worker tests: the file backend, slowed down so a kill lands mid-batch."""

import time

from notifications.channels import FileSmsBackend


class SlowFileSmsBackend(FileSmsBackend):
    def send(self, *, to: str, body: str, reference: str) -> None:
        time.sleep(0.02)
        super().send(to=to, body=body, reference=reference)
