# qualbridge: every target bootstraps .venv itself, with the exact versions of requirements.lock.
# PYTHON picks the interpreter (3.11 to 3.13); .venv is rebuilt when its version differs.
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do \
	command -v $$p >/dev/null 2>&1 && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
VENV_VERSION = $(shell test -x $(BIN)/python && $(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
STAMP := $(VENV)/.installed-$(PY_VERSION)
LOCK := requirements.lock

.PHONY: demo test lint typecheck format bench bench-run bench-long-lines bench-ingest bench-compare bench-autocode bench-dask demo-sites \
	evaluate examples lock check-python clean clean-venv distclean

check-python:
	@case "$(PY_VERSION)" in 3.11|3.12|3.13) ;; \
	*) echo "qualbridge needs Python 3.11 to 3.13; $(PYTHON) is '$(PY_VERSION)' (set PYTHON=...)"; exit 2;; esac

# The stamp names the Python version: another version (or a changed lock) rebuilds .venv.
$(STAMP): pyproject.toml $(LOCK) | check-python
	@if [ -x $(BIN)/python ] && [ "$(VENV_VERSION)" != "$(PY_VERSION)" ]; then \
		echo ".venv has Python $(VENV_VERSION); rebuilding it with $(PY_VERSION)"; rm -rf $(VENV); fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed*
	touch $(STAMP)

lock: $(STAMP)  ## re-resolve requirements.lock from pyproject.toml (3.11-3.13), keeping current pins
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--no-header -o $(LOCK)

demo: $(STAMP)  ## run the whole pipeline on the bundled demo consortium
	$(BIN)/qualbridge demo

test: $(STAMP)  ## run the test suite (two worker processes, one test file each at a time)
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: $(STAMP)  ## ruff, formatting and the type checker
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/typecheck.py

typecheck: $(STAMP)  ## mypy over the installed layout (strict on schemas and the ground floor)
	$(BIN)/python scripts/typecheck.py

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

demo-sites: $(STAMP)  ## the demo as two sites: each runs and releases, the hub merges and compares
	$(BIN)/qualbridge demo --sites

bench-dask: $(STAMP)  ## de-identification speed on a Dask LocalCluster, 1 vs 2 workers (BENCH_ARGS=...)
	$(BIN)/python benchmarks/deid_dask.py $(BENCH_ARGS)

evaluate: $(STAMP)  ## recall and precision on every shipped gold set, dev and test, beside vanilla Presidio
	$(BIN)/qualbridge evaluate --misses 10

bench: $(STAMP)  ## deid-text vs Presidio on PriMock57 (QUALBRIDGE_PRIMOCK57=dir, BENCH_ARGS=...), then bench-run
	$(BIN)/python benchmarks/deid_speed.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/run_speed.py $(RUN_BENCH_ARGS)

bench-run: $(STAMP)  ## a whole qualbridge run vs raw spaCy on 38,000 generated utterances (RUN_BENCH_ARGS="--scale 0.1")
	$(BIN)/python benchmarks/run_speed.py $(RUN_BENCH_ARGS)

bench-long-lines: $(STAMP)  ## de-identification cost per word of a 2,000- vs a 20,000-word utterance (1.0 = linear)
	$(BIN)/python benchmarks/long_lines.py

bench-ingest: $(STAMP)  ## ingest speed on a generated 10M-word corpus vs de-identification (BENCH_ARGS=...)
	$(BIN)/python benchmarks/ingest_speed.py $(BENCH_ARGS)

bench-compare: $(STAMP)  ## coverage and comparison speed at 250k/500k/1M utterances, 30 themes, B=2000 (BENCH_ARGS=...)
	$(BIN)/python benchmarks/compare_speed.py $(BENCH_ARGS)

bench-autocode: $(STAMP)  ## auto-coding: train + cross-validation on 20k utterances, 8 themes; corrected coverage (BENCH_ARGS=...)
	$(BIN)/python benchmarks/autocode_speed.py $(BENCH_ARGS)

examples: $(STAMP)  ## regenerate the demo consortium, the test fixture and the gold set
	$(BIN)/python examples/generate_demo.py --out examples/demo --per-study 12 --output-dir ../../out/demo
	$(BIN)/python examples/evaluation/generate_gold.py --out examples/evaluation/gold.jsonl
	$(BIN)/python examples/evaluation/generate_gold.py --out examples/evaluation/heldout.jsonl --seed 99
	$(BIN)/python examples/generate_demo.py --out tests/fixtures/mini --per-study 3 --seed 1

clean:  ## outputs and caches (keeps .venv)
	rm -rf out .prefect .pytest_cache .ruff_cache

clean-venv:  ## the virtualenv; the next target rebuilds it from requirements.lock
	rm -rf $(VENV)

distclean: clean clean-venv
