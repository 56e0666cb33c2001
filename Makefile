# Every target sets up its own virtual environment first, so a fresh clone needs only
# `make serve` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
READERS := tests/readers/node_modules/.installed
BENCH_TOOLS := bench/lighthouse/node_modules/.installed
# Material prints an end-of-life notice on every build; the notice is known and noted.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
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

# Every benchmark, one table; the record goes to bench/RESULTS.md. Needs Chromium.
bench: $(STAMP) $(BENCH_TOOLS)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache tests/readers/node_modules bench/lighthouse/node_modules
