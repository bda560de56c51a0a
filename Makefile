# Two commands on a fresh machine: `make run` and `make test`. Everything else is installed here.
PYTHON_BOOT ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/igm_ci
REDIS_TEST_URL ?= redis://127.0.0.1:6379/9
PYTEST_ARGS ?= -n 2

.PHONY: install run test test-sqlite test-postgres lint bench services system-deps worker clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON_BOOT) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## make run: install, migrate, load IGM's data and serve on http://127.0.0.1:8000 (SQLite, tasks in-process)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_igm
	@if $(PY) manage.py help create_signing_certificate >/dev/null 2>&1; then $(PY) manage.py create_signing_certificate; fi
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: lint, then the whole suite on SQLite, then again on PostgreSQL + Redis + a Celery worker
test: install system-deps lint test-sqlite test-postgres

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_ENV=production DJANGO_SECRET_KEY=ci-only-$$(head -c 64 /dev/urandom | base64 | tr -dc a-zA-Z0-9) \
		DJANGO_ALLOWED_HOSTS=plan.igm.gob.gt $(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: install
	env -u DATABASE_URL -u CELERY_BROKER_URL $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: install services
	DATABASE_URL=$(PG_TEST_URL) CELERY_BROKER_URL=$(REDIS_TEST_URL) $(PY) -m pytest $(PYTEST_ARGS)

services:
	bash scripts/services-up.sh

system-deps:
	bash scripts/system-deps.sh

## make worker: a Celery worker for the PostgreSQL + Redis topology (see README)
worker: install
	$(BIN)/celery -A igm_plan worker --loglevel=INFO --concurrency=2

## make bench: performance benchmarks; figures are printed and recorded in README
bench: install services
	bash scripts/bench.sh

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
