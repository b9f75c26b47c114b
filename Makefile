# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 90

.PHONY: install run test lint format report clean bench

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,dask]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/meetings run

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Benchmark (bench/RESULTS.md has the full set: ARTICLES="1000 10000 100000" and --incremental --make-run).
ARTICLES ?= 1000 10000
bench: $(STAMP)
	$(BIN)/python bench/run.py --articles $(ARTICLES) --repeats 3

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .prefect warehouse/*.duckdb* .pytest_cache
