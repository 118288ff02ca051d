"""The disk fills (or the storage fails) while evidence is saved: the report is kept, the reporter is
told which file could not be kept, and no partial file is left to fill the disk further."""

import errno
import os
import subprocess
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from incidents.models import Case, Evidence, Message
from tests.faults.test_redis_down import report_data
from tests.incidents import factories as incident_factories

pytestmark = pytest.mark.django_db

NARRATIVE = "They sent a link that looked like my bank and took 25,000 rupees."


def pdf(size: int) -> bytes:
    return b"%PDF-1.4\n" + os.urandom(size)


class HalfWrittenStorage(FileSystemStorage):
    """A disk that fills up part-way through a file: half of it is written, then ENOSPC."""

    def _save(self, name, content):
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.read()
        path.write_bytes(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@pytest.fixture
def full_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.faults.test_disk_full.HalfWrittenStorage"},
    }
    return Path(settings.MEDIA_ROOT)


def test_the_report_is_saved_and_the_reporter_told_the_file_was_not_kept(client, full_storage):
    upload = SimpleUploadedFile("bank-sms.pdf", pdf(50_000), content_type="application/pdf")
    response = client.post("/en/report/", report_data(narrative=NARRATIVE, evidence=[upload]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="case-code"' in html and 'data-testid="case-secret"' in html
    assert "Your report was saved, but we could not keep the file you attached (bank-sms.pdf)" in html
    assert Case.objects.get().narrative == NARRATIVE
    assert not Evidence.objects.exists()
    assert files_under(full_storage) == []  # the half-written ciphertext was removed


def test_a_follow_up_message_is_sent_without_the_file_the_disk_could_not_keep(client, full_storage):
    receipt = incident_factories.submit()
    upload = SimpleUploadedFile("screenshot.pdf", pdf(20_000), content_type="application/pdf")
    response = client.post(
        "/en/report/follow-up/",
        {
            "code": receipt.code,
            "secret": receipt.secret,
            "action": "message",
            "body": "He called again today.",
            "evidence": [upload],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your message was sent, but we could not keep this file: screenshot.pdf." in html
    assert Message.objects.get(case=receipt.case).body == "He called again today."
    assert files_under(full_storage) == []


@pytest.fixture
def small_filesystem(settings, tmp_path):
    """A real 256 KB tmpfs as the media folder (needs root to mount; skipped otherwise)."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    settings.MEDIA_ROOT = mount_point
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_really_full_disk_keeps_the_report_and_leaves_no_partial_file(client, small_filesystem):
    small = SimpleUploadedFile("small.pdf", pdf(10_000), content_type="application/pdf")
    large = SimpleUploadedFile("large.pdf", pdf(400_000), content_type="application/pdf")
    response = client.post("/en/report/", report_data(narrative=NARRATIVE, evidence=[small, large]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="case-code"' in html
    assert "(large.pdf)" in html
    case = Case.objects.get()
    assert case.narrative == NARRATIVE
    assert [evidence.name for evidence in case.evidence.all()] == ["small.pdf"]
    assert files_under(small_filesystem) == [small_filesystem / case.evidence.get().file.name]
    # The next reporter still finds room.
    assert os.statvfs(small_filesystem).f_bavail * os.statvfs(small_filesystem).f_frsize > 200_000
