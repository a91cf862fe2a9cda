# qualbridge: every target bootstraps .venv itself from pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench bench-ingest bench-compare bench-autocode bench-dask demo-sites evaluate examples clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## run the whole pipeline on the bundled demo consortium
	$(BIN)/qualbridge demo

test: $(STAMP)  ## run the test suite (two worker processes, one test file each at a time)
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

demo-sites: $(STAMP)  ## the demo as two sites: each runs and releases, the hub merges and compares
	$(BIN)/qualbridge demo --sites

bench-dask: $(STAMP)  ## de-identification speed on a Dask LocalCluster, 1 vs 2 workers (BENCH_ARGS=...)
	$(BIN)/python benchmarks/deid_dask.py $(BENCH_ARGS)

evaluate: $(STAMP)  ## de-identification recall and precision on the shipped gold set
	$(BIN)/qualbridge evaluate examples/evaluation/gold.jsonl --misses 10
	$(BIN)/qualbridge evaluate examples/evaluation/heldout.jsonl --misses 10

bench: $(STAMP)  ## de-identification speed on PriMock57 (QUALBRIDGE_PRIMOCK57=dir, BENCH_ARGS=...)
	$(BIN)/python benchmarks/deid_speed.py $(BENCH_ARGS)

bench-ingest: $(STAMP)  ## ingest speed on a generated 10M-word corpus vs de-identification (BENCH_ARGS=...)
	$(BIN)/python benchmarks/ingest_speed.py $(BENCH_ARGS)

bench-compare: $(STAMP)  ## coverage and comparison speed at 250k/500k/1M utterances, 30 themes, B=2000 (BENCH_ARGS=...)
	$(BIN)/python benchmarks/compare_speed.py $(BENCH_ARGS)

bench-autocode: $(STAMP)  ## auto-coding: train + cross-validation on 20k utterances, 8 themes; corrected coverage (BENCH_ARGS=...)
	$(BIN)/python benchmarks/autocode_speed.py $(BENCH_ARGS)

examples: $(STAMP)  ## regenerate the demo consortium, the test fixture and the gold set
	$(BIN)/python examples/generate_demo.py --out examples/demo --per-study 12
	$(BIN)/python examples/evaluation/generate_gold.py --out examples/evaluation/gold.jsonl
	$(BIN)/python examples/evaluation/generate_gold.py --out examples/evaluation/heldout.jsonl --seed 99
	$(BIN)/python examples/generate_demo.py --out tests/fixtures/mini --per-study 3 --seed 1

clean:
	rm -rf out .prefect .pytest_cache .ruff_cache
