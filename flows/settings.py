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
    # Files per batch. The transform's memory grows with its batch (about 0.3 MB per article) and
    # each batch costs about a second of fixed validation work: 2,500 keeps both small.
    batch_size: int = field(default_factory=lambda: int(_env("batch_size", "2500")))
    # Batches extracted and transformed at once, ahead of the one being validated and loaded
    # (memory holds this many + 1 batches). The transform keeps about one core busy: 2 uses both
    # cores here; with Dask, use about the number of workers.
    batches_in_flight: int = field(default_factory=lambda: int(_env("batches_in_flight", "2")))
    # Articles validated and loaded together (transformed batches collected until this many): GX
    # and DuckDB cost about a second per call whatever its size, and these tables are small.
    load_chunk_size: int = field(default_factory=lambda: int(_env("load_chunk_size", "10000")))
    # Failing values / rows shown per failed expectation (messages and meta.dq_results details).
    dq_sample_size: int = field(default_factory=lambda: int(_env("dq_sample_size", "5")))
    full_refresh: bool = False
    # DuckDB 2.x files can't be opened by 1.x BI drivers; write the older storage format.
    storage_compatibility_version: str = field(
        default_factory=lambda: _env("storage_compatibility_version", "v1.5.0")
    )

    def with_overrides(self, **overrides: object) -> Settings:
        known = {f.name for f in fields(self)}
        clean = {k: v for k, v in overrides.items() if v is not None and k in known}
        for key in ("input_path", "warehouse", "reference_dir", "sql_dir", "expectations_dir"):
            if key in clean:
                clean[key] = Path(clean[key])
        return replace(self, **clean)


def configure_prefect_environment() -> None:
    """Offline, quiet, project-local Prefect unless the user configured otherwise."""
    os.environ.setdefault("PREFECT_HOME", str(PROJECT_ROOT / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
