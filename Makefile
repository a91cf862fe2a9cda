# qualbridge: every target bootstraps .venv itself from pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench examples clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## run the whole pipeline on the bundled demo consortium
	$(BIN)/qualbridge demo

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

examples: $(STAMP)  ## regenerate the demo consortium and the test fixture
	$(BIN)/python examples/generate_demo.py --out examples/demo --per-study 12
	$(BIN)/python examples/generate_demo.py --out tests/fixtures/mini --per-study 3 --seed 7

clean:
	rm -rf out .prefect .pytest_cache .ruff_cache
