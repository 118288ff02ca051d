# Production-like image: gunicorn serving Django (whitenoise for static files). The same image runs
# the Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 HIFAZAT_VAR_DIR=/var/lib/hifazat
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core curl \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 hifazat \
 && mkdir -p /var/lib/hifazat/media /var/lib/hifazat/sms && chown -R hifazat /var/lib/hifazat

WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --upgrade pip && pip install -e .
COPY --chown=hifazat . .
# collectstatic (hashed, compressed) runs under production settings; it needs their names, not
# their values, and no service: the placeholders below exist only during the build (production
# checks the encryption key's form, so a throw-away key is generated for it).
RUN python manage.py compilemessages --ignore=.venv -v0 \
 && HIFAZAT_ENV=production SECRET_KEY=build-only ALLOWED_HOSTS=build \
    FIELD_ENCRYPTION_KEYS="$(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
    DATABASE_URL=postgres://build/build EMAIL_URL=smtp://build python manage.py collectstatic --no-input -v0 \
 && chown -R hifazat /var/lib/hifazat

USER hifazat
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--access-logformat", "%(t)s %(m)s %(U)s %(s)s %(b)s %(M)sms"]
