# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 90

.PHONY: install run test lint format report clean docs contracts export bench bench-full

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,dask]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/meetings run

report: $(STAMP)
	$(BIN)/meetings report

# Two pytest-xdist workers (the machines have 2 cores): ~1,000 rule tests each cost about a second of
# one core in the transform. Each worker has its own Prefect home and test server (tests/conftest.py).
# TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= 2
test: $(STAMP)
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS)

# Data dictionary from the model contracts; release new model versions into sql/contracts.lock.
docs: $(STAMP)
	$(BIN)/meetings docs

contracts: $(STAMP)
	$(BIN)/meetings contracts --release

# Every latest analytics model as Parquet, for file-based BI tools.
export: $(STAMP)
	$(BIN)/meetings export --format parquet warehouse/parquet

# Speed and memory against a plain read of the same files (bench/RESULTS.md has the full runs).
bench: $(STAMP)
	$(BIN)/python bench/run.py --articles 1000 10000 --repeats 3 --incremental --out bench/out/last-run.json

bench-full: $(STAMP)
	$(BIN)/python bench/run.py --articles 1000 10000 100000 --repeats 3 --incremental \
		--incremental-repeats 1 --make-run --out bench/out/last-run.json
	$(BIN)/python bench/run.py --articles 1000000 --repeats 1 --out bench/out/last-run-1m.json

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .prefect warehouse/*.duckdb* .pytest_cache
