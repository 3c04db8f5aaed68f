# The two commands a newcomer needs: `make run` and `make test`.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask
HOST ?= 127.0.0.1
PORT ?= 5000
PYTEST_ARGS ?=
# Parallel test workers (pytest-xdist); each test file runs whole in one of them.
TEST_WORKERS ?= 2
PYTEST := $(PYTHON) -m pytest -q -n $(TEST_WORKERS) --dist loadfile
BENCH_ANSWERS ?= 100000
JOB_WORKERS ?= 2

export FLASK_APP := manage
export FORUM_CONFIG ?= development

.PHONY: run test test-sqlite test-postgres serve-prod serve-worker bench lint format seed screenshots clean

$(VENV)/.installed: requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## run: install, migrate, seed demo content into an empty database, index it for search if the
## index is empty, and serve on HOST:PORT
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: $(VENV)/.installed
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty
	$(FLASK) search reindex --if-empty
	@# The job queue's worker (mail, above all) runs beside the web server and stops with it.
	$(FLASK) jobs worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(FLASK) run --host $(HOST) --port $(PORT)

# The Nu Html Checker (node_modules/vnu-jar/build/dist/vnu.jar) comes from the npm package vnu-jar,
# pinned in package-lock.json. --ignore-scripts: its postinstall would try to download a Java
# runtime, and the machine has Java already (.ci/run installs it when missing).
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## test: the whole suite on SQLite (browser tests included), then again on PostgreSQL when
## TEST_DATABASE_URL is set (browser tests left out: they test the pages, not the database)
test: test-sqlite test-postgres

test-sqlite: $(VENV)/.dev-installed node_modules/.installed
	env -u TEST_DATABASE_URL FORUM_CONFIG=testing $(PYTEST) $(PYTEST_ARGS)

test-postgres: $(VENV)/.dev-installed
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "Running the suite again on $$TEST_DATABASE_URL"; \
		FORUM_CONFIG=testing $(PYTEST) -m "not browser" $(PYTEST_ARGS); \
	else \
		echo "TEST_DATABASE_URL is not set: skipping the PostgreSQL run."; \
	fi

## serve-prod: gunicorn with gunicorn.conf.py; needs SECRET_KEY, DATABASE_URL, SITE_URL (and REDIS_URL);
## run `make serve-worker` (flask jobs worker: mail, notifications, digests) beside it
serve-prod: $(VENV)/.installed
	FORUM_CONFIG=production $(FLASK) db upgrade
	FORUM_CONFIG=production $(VENV)/bin/gunicorn -c gunicorn.conf.py wsgi:app

## serve-worker: the job queue's worker for production (run one or more beside serve-prod)
serve-worker: $(VENV)/.installed
	FORUM_CONFIG=production $(FLASK) jobs worker --workers $(JOB_WORKERS)

## bench: page cost at 1,000 and 1,000,000 answers, then load under gunicorn (BENCH_SIZES to change),
## then search timings over BENCH_ANSWERS answers, then posting with 10,000 followers and a digest
## run for 100,000 members (BENCH_DATABASE_URL for PostgreSQL)
bench: $(VENV)/.dev-installed
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y --no-install-recommends wrk >/dev/null; } || echo "wrk is missing: the load part will be skipped"
	$(PYTHON) -m tools.bench pages
	$(PYTHON) -m tools.bench search --answers $(BENCH_ANSWERS)
	$(PYTHON) -m tools.bench notifications

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

seed: $(VENV)/.installed
	$(FLASK) seed-demo

## screenshots: docs/screenshots/*.png of the main pages at 1280 and 390 px, from demo content
screenshots: $(VENV)/.dev-installed
	$(PYTHON) -m tests.browser.screenshots docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
