"""Export of the latest analytics models as files, for file-based BI tools (Parquet).

Reads the published warehouse through a read-only connection, so it runs while `meetings run`
publishes. Each file is written beside its final name and renamed over it: a tool reading
`<name>.parquet` sees the previous export or the new one, never a half-written file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

FORMATS = ("parquet",)
VERSIONED_RE = re.compile(r".+_v[0-9]+")  # model names never end in _v<N> (flows/models.py)


class ExportError(RuntimeError):
    """The export could not be written; the message says why in one paragraph."""


@dataclass(frozen=True)
class Exported:
    name: str
    path: Path
    rows: int


def latest_models(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The latest version of every model: the analytics views without a _v<N> suffix."""
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE database_name = current_database() "
        "AND schema_name = 'analytics' ORDER BY view_name"
    ).fetchall()
    return [name for (name,) in views if not VERSIONED_RE.fullmatch(name)]


def export(warehouse: Path, folder: Path, fmt: str = "parquet") -> list[Exported]:
    """Write every latest analytics model to `folder/<name>.<fmt>`; return what was written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    warehouse, folder = Path(warehouse), Path(folder)
    if not warehouse.exists():
        raise ExportError(f"no warehouse at {warehouse}: run `meetings run` first (or pass --warehouse)")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        raise ExportError(f"cannot open {warehouse} read-only: {exc}") from exc
    written = []
    try:
        for name in latest_models(con):
            target = folder / f"{name}.{fmt}"
            partial = folder / f".{name}.{fmt}.partial-{os.getpid()}"
            try:
                con.execute(
                    f'COPY (SELECT * FROM analytics."{name}") TO ? (FORMAT {fmt}, COMPRESSION zstd)',
                    [str(partial)],
                )
                rows = con.execute("SELECT count(*) FROM read_parquet(?)", [str(partial)]).fetchall()[0][0]
                os.replace(partial, target)
            except duckdb.Error as exc:
                raise ExportError(f"exporting analytics.{name} failed: {exc}") from exc
            finally:
                partial.unlink(missing_ok=True)
            written.append(Exported(name, target, int(rows)))
    finally:
        con.close()
    if not written:
        raise ExportError(f"{warehouse} has no analytics models: run `meetings run` first")
    return written
