"""The one settings object. Values come from defaults, then `MEETINGS_*` environment variables,
then explicit overrides (CLI flags)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(f"MEETINGS_{name.upper()}", default)


@dataclass(frozen=True)
class Settings:
    input_path: Path = field(
        default_factory=lambda: Path(_env("input", str(PROJECT_ROOT / "seeds" / "articles")))
    )
    warehouse: Path = field(
        default_factory=lambda: Path(_env("warehouse", str(PROJECT_ROOT / "warehouse" / "meetings.duckdb")))
    )
    reference_dir: Path = field(
        default_factory=lambda: Path(_env("reference_dir", str(PROJECT_ROOT / "seeds" / "reference")))
    )
    sql_dir: Path = field(default_factory=lambda: Path(_env("sql_dir", str(PROJECT_ROOT / "sql"))))
    expectations_dir: Path = field(
        default_factory=lambda: Path(_env("expectations_dir", str(PROJECT_ROOT / "expectations")))
    )
    max_file_bytes: int = field(default_factory=lambda: int(_env("max_file_bytes", str(5 * 1024 * 1024))))
    # Files per batch: one extract task and one transform task each. The transform's memory grows
    # with its batch (about 0.3 MB per article), so batches bound a run's memory.
    batch_size: int = field(default_factory=lambda: int(_env("batch_size", "1000")))
    # Batches extracted or transformed at once, ahead of the one the flow is consuming (memory holds
    # about this many + 1 batches). The transform keeps one core busy: the default uses both cores
    # of a small machine; with Dask, use about the number of workers.
    batches_in_flight: int = field(default_factory=lambda: int(_env("batches_in_flight", "2")))
    # Articles validated and loaded together (transformed batches are collected until this many):
    # GX and DuckDB cost about a second per call whatever its size, and these tables are small.
    load_chunk_size: int = field(default_factory=lambda: int(_env("load_chunk_size", "20000")))
    # DuckDB's memory for loading and building models; larger work spills to disk beside the file.
    duckdb_memory_limit: str = field(default_factory=lambda: _env("duckdb_memory_limit", "1GB"))
    # Where batch tasks run (flows/runners.py): Prefect's thread pool, or Dask (a local cluster,
    # or the scheduler at dask_address, tcp://HOST:PORT).
    task_runner: str = field(default_factory=lambda: _env("task_runner", "threads"))
    dask_address: str = field(default_factory=lambda: _env("dask_address", ""))
    # Failing values / rows shown per failed expectation (messages and meta.dq_results details).
    dq_sample_size: int = field(default_factory=lambda: int(_env("dq_sample_size", "5")))
    full_refresh: bool = False
    # Drop the rows of inputs absent from this run's input (default: keep them).
    prune: bool = False
    # DuckDB 2.x files can't be opened by 1.x BI drivers; write the older storage format.
    storage_compatibility_version: str = field(
        default_factory=lambda: _env("storage_compatibility_version", "v1.5.0")
    )
    # The data dictionary `meetings docs` generates from the model contracts in sql_dir.
    dictionary: Path = field(
        default_factory=lambda: Path(_env("dictionary", str(PROJECT_ROOT / "docs" / "warehouse.md")))
    )
    # Crash tests only (flows/faults.py): pause the run before this publish stage (load, models,
    # publish), with its staging file in place, for hold_seconds. Empty: never pause.
    hold_before_stage: str = field(default_factory=lambda: _env("hold_before_stage", ""))
    hold_seconds: float = field(default_factory=lambda: float(_env("hold_seconds", "300")))
    # The scheduled deployment `meetings-etl/daily` (flows/deployment.py): cron in this IANA time zone,
    # and the process work pool that `meetings deploy` registers it in.
    schedule_cron: str = field(default_factory=lambda: _env("schedule_cron", "0 6 * * *"))
    schedule_timezone: str = field(default_factory=lambda: _env("schedule_timezone", "UTC"))
    work_pool: str = field(default_factory=lambda: _env("work_pool", "meetings"))
    # I/O tasks (reading inputs, publishing): retries with exponential backoff (b, 2b, 4b ... seconds)
    # for transient file-system errors, and a time limit per attempt.
    io_retries: int = field(default_factory=lambda: int(_env("io_retries", "3")))
    io_retry_backoff_seconds: float = field(
        default_factory=lambda: float(_env("io_retry_backoff_seconds", "2"))
    )
    io_timeout_seconds: float = field(default_factory=lambda: float(_env("io_timeout_seconds", "600")))

    @property
    def data_docs_dir(self) -> Path:
        """GX Data Docs of the last run: a folder beside the warehouse."""
        return self.warehouse.parent / "data_docs"

    @property
    def report_path(self) -> Path:
        """`meetings report` writes here unless told otherwise: beside the warehouse."""
        return self.warehouse.parent / "report.html"

    def with_overrides(self, **overrides: object) -> Settings:
        known = {f.name for f in fields(self)}
        clean = {k: v for k, v in overrides.items() if v is not None and k in known}
        for key in ("input_path", "warehouse", "reference_dir", "sql_dir", "expectations_dir", "dictionary"):
            if key in clean:
                clean[key] = Path(clean[key])
        return replace(self, **clean)


def configure_prefect_environment() -> None:
    """Offline, quiet, project-local Prefect unless the user configured otherwise."""
    os.environ.setdefault("PREFECT_HOME", str(PROJECT_ROOT / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    # Run logs reach the API (the UI shows them) at INFO; the console shows warnings and worse only.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
