# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 90

.PHONY: install run test lint format report clean docs contracts export

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

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Data dictionary from the model contracts; release new model versions into sql/contracts.lock.
docs: $(STAMP)
	$(BIN)/meetings docs

contracts: $(STAMP)
	$(BIN)/meetings contracts --release

# Every latest analytics model as Parquet, for file-based BI tools.
export: $(STAMP)
	$(BIN)/meetings export --format parquet warehouse/parquet

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .prefect warehouse/*.duckdb* .pytest_cache
