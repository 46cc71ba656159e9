# The two set-up commands: `make run` and `make test`. Everything else is a helper target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= detente.duckdb

.PHONY: run test lint typecheck unit venv clean

$(STAMP): pyproject.toml requirements.lock web/package.json web/package-lock.json scripts/web_vendor.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	scripts/web_vendor.sh
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/detente ingest examples --db $(DB)
	$(BIN)/detente events --db $(DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -m "not model"

test: lint typecheck
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) $(DB) .mypy_cache .ruff_cache .pytest_cache
