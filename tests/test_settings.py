"""Production mode refuses to start without its secrets and passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


def production_env(**overrides) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "SECRET_KEY",
            "FIELD_ENCRYPTION_KEYS",
            "DJANGO_DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        HIFAZAT_ENV="production",
        SECRET_KEY="p" * 20 + Fernet.generate_key().decode(),
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        ALLOWED_HOSTS="hifazat.example",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/hifazat",
        EMAIL_URL="smtp://mailer:secret@mail.hifazat.example:587",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_without_secret_key_stops_with_a_clear_message():
    env = production_env()
    del env["SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_without_encryption_keys_stops():
    env = production_env()
    del env["FIELD_ENCRYPTION_KEYS"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is not set" in result.stderr


def test_production_settings_pass_the_deployment_checks_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_embedded_default_needs_no_environment():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "HIFAZAT_ENV"}
    }
    result = run_manage("check", env=env)
    assert result.returncode == 0, result.stderr


def test_production_refuses_an_encryption_key_that_is_not_a_fernet_key_without_printing_it():
    result = run_manage(
        "check", env=production_env(FIELD_ENCRYPTION_KEYS=f"{Fernet.generate_key().decode()},oops-typo-key")
    )
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS entry 2 is not a valid Fernet key" in result.stderr
    assert "oops-typo-key" not in result.stderr


def test_production_refuses_the_development_encryption_key():
    from django.conf import settings

    result = run_manage(
        "check", env=production_env(FIELD_ENCRYPTION_KEYS=settings.DEVELOPMENT_FIELD_ENCRYPTION_KEYS[0])
    )
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS entry 1 is the development key" in result.stderr


def test_production_refuses_printing_sms_and_defaults_to_the_outbox_file():
    refused = run_manage("check", env=production_env(SMS_BACKEND="console"))
    assert refused.returncode != 0
    assert "SMS_BACKEND=console prints phone numbers and messages to the logs" in refused.stderr
    shown = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.SMS_BACKEND)", env=production_env()
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == "file"


def test_docker_compose_publishes_the_web_port_on_loopback_only_and_sets_a_real_sms_backend():
    import re

    compose = (ROOT / "docker-compose.yml").read_text()
    published = re.findall(r'^\s+- "([\d.:]+)"$', compose, flags=re.MULTILINE)
    assert published == ["127.0.0.1:8000:8000"]
    assert "SMS_BACKEND: ${SMS_BACKEND:-file}" in compose
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "var", ".git"} <= set(ignored)
