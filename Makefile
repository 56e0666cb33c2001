# Every target sets up its own virtual environment first, so a fresh clone needs only
# `make serve` or `make test` (`make test-fast` skips the browser, slow, node and pandoc tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# pip-tools lives in a venv of its own, so only `make lock` ever needs it.
LOCK_VENV := $(VENV)/lock-tools
READERS := tests/readers/node_modules/.installed
BENCH_TOOLS := bench/lighthouse/node_modules/.installed
# Material prints an end-of-life notice on every build; the notice is known and noted.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint typecheck lock bench clean

# Exact versions with their hashes come from requirements.lock; the project itself is not in
# the lock, so it goes in last, without its dependencies.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# A GIFT parser (gift-pegjs, pinned in the lock file) reads the GIFT exports back in the tests.
$(READERS): tests/readers/package-lock.json
	npm ci --prefix tests/readers --no-audit --no-fund
	touch $(READERS)

# Lighthouse and a static server that compresses like a real host (pinned in the lock file).
$(BENCH_TOOLS): bench/lighthouse/package-lock.json
	npm ci --prefix bench/lighthouse --no-audit --no-fund
	touch $(BENCH_TOOLS)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check quizgen tests bench
	$(BIN)/ruff format --check quizgen tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck $(READERS)
	$(BIN)/python -m pytest

# Everything but the tests marked browser (Chromium), slow (over ~2 s) or node (npm's GIFT reader).
test-fast: lint typecheck
	$(BIN)/python -m pytest -m "not browser and not slow and not node and not pandoc"

# Rewrites requirements.lock from pyproject.toml (the dev extra and all it pulls in), keeping
# each pin that still fits; `make lock LOCK_ARGS=--upgrade` moves every pin to the newest allowed.
# quizgen itself is left out of the lock (the install above adds it with --no-deps), so
# pip-compile's warning that quizgen is not pinned is expected.
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip pip-tools
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --extra dev --strip-extras \
		--unsafe-package quizgen --no-emit-index-url --no-emit-find-links $(LOCK_ARGS) \
		--output-file requirements.lock pyproject.toml

# Every benchmark, one table; the record goes to bench/RESULTS.md. Needs Chromium.
bench: $(STAMP) $(BENCH_TOOLS)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache tests/readers/node_modules bench/lighthouse/node_modules
