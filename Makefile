# Hifazat. `make run` starts everything on the embedded default; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
LANGS := ur sd ps

.PHONY: install run test bench messages compilemessages stylesheets lint typecheck format ci clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

compilemessages: install
	@if command -v msgfmt >/dev/null; then \
		$(PY) manage.py compilemessages --ignore=.venv -v0; \
	else \
		echo "msgfmt (gettext) not installed: using the compiled catalogs shipped in locale/"; \
	fi

run: install compilemessages
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py demo_data
	PORT=$(PORT) $(PY) scripts/run_embedded.py

test: install compilemessages
	@if [ -n "$$DATABASE_URL" ]; then echo "Running the tests on $$(echo $$DATABASE_URL | cut -d: -f1) and $${REDIS_URL:-no Redis}"; \
	else echo "Running the tests on SQLite (no DATABASE_URL): PostgreSQL-only tests are skipped"; fi
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install compilemessages
	$(PY) bench/run.py

messages: install
	$(PY) manage.py makemessages --no-location --no-obsolete --ignore=.venv --ignore=var --ignore=tests $(addprefix -l ,$(LANGS))
	$(PY) scripts/fix_plural_forms.py locale

stylesheets: install  # after editing static/css/hifazat.css or an app's stylesheet (common/stylesheets.py)
	$(PY) manage.py stylesheets

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Services and selectors, with django-stubs (configuration: [tool.mypy] in pyproject.toml).
typecheck: install
	$(PY) -m mypy

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

ci:
	.ci/run

clean:
	rm -rf var .pytest_cache test-artifacts
