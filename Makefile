# Rounds: every way to work on the project is a target here. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 5000
CHROMIUM ?= /usr/bin/chromium
export HOST PORT

.PHONY: help install run serve migrate seed test test-fast lint format bench browser clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv and install Rounds with its dev extras

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

migrate: install ## apply database migrations (DATABASE_URL, default SQLite in instance/)
	$(FLASK) db upgrade

seed: install ## load the demo community (idempotent)
	$(FLASK) seed

run: migrate ## install, migrate, seed demo content on first run, serve on $HOST:$PORT
	$(FLASK) seed --if-empty
	$(FLASK) serve --host $(HOST) --port $(PORT)

browser: ## make sure Debian's chromium is there for the browser tests
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "Could not install chromium: the browser tests will be skipped."; \
	else echo "No chromium at $(CHROMIUM) and no root to install it: browser tests will be skipped."; fi

test: install browser ## the whole suite: SQLite, plus PostgreSQL when TEST_DATABASE_URL is set
	@if [ -z "$$TEST_DATABASE_URL" ]; then echo "Note: TEST_DATABASE_URL is not set, so the PostgreSQL half of the suite is skipped."; fi
	@if [ -z "$$TEST_REDIS_URL" ]; then echo "Note: TEST_REDIS_URL is not set, so the multi-process Redis tests are skipped."; fi
	$(PY) -m pytest -q -n auto

test-fast: install ## the suite without the browser tests
	$(PY) -m pytest -q -n auto -m "not browser"

lint: install ## ruff (lint + format check), mypy, import-linter's layers contract
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: install ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install ## run the benchmarks in bench/ (they print figures)
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean: ## remove the virtualenv and caches (keeps instance/ and its database)
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
