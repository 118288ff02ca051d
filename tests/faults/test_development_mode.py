"""Development mode without DJANGO_DEBUG=1 never shows Django's debug page, and still serves static
files (`make run`), with the settings read the way a real process reads them (a subprocess)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

SCRIPT = textwrap.dedent(
    """
    import django
    django.setup()
    from django.conf import settings
    from django.test import Client, override_settings
    from django.urls import path

    def boom(request):
        raise ValueError("my narrative: he asked for the code")

    urlpatterns = [path("boom", boom)]
    client = Client(raise_request_exception=False)
    print("DEBUG", settings.DEBUG)
    print("STATIC", client.get("/static/css/hifazat.css").status_code)
    with override_settings(ROOT_URLCONF=__name__):
        response = client.get("/boom")
    print("STATUS", response.status_code)
    print("LEAK", "he asked for the code" in response.content.decode() or "Traceback" in response.content.decode())
    """
)


def run(tmp_path, **env_overrides) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_DEBUG", "DATABASE_URL"}}
    env.update(
        HIFAZAT_ENV="development",
        HIFAZAT_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)


def test_development_without_django_debug_shows_no_debug_page_and_serves_static_files(tmp_path):
    seen = run(tmp_path)
    assert seen == {"DEBUG": "False", "STATIC": "200", "STATUS": "500", "LEAK": "False"}


def test_django_debug_1_still_turns_it_on_for_a_developer(tmp_path):
    assert run(tmp_path, DJANGO_DEBUG="1")["DEBUG"] == "True"
