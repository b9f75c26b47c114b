"""Load: publish a run's tables into the DuckDB warehouse, atomically.

Every run writes a staging file beside the published one (`<name>.staging-<pid>`): it copies the
published file's `core` and `meta` tables (so state carries between runs), replaces the rows of this
run's articles, records bookkeeping in `meta`, gets its models built, and only then is checkpointed
and swapped over the published path with `os.replace`. Readers see the old file or the new one,
never a half-written one; any failure deletes the staging file and leaves the published file as it
was. A lock file serialises writers so two runs can't overwrite each other's results.

Tables (schema.grain):
- core.articles: one row per article (key article_id);
- core.meetings: one row per meeting (key meeting_id);
- core.participants: one row per person per meeting (key meeting_id, person_name);
- core.meeting_themes: one row per theme per meeting (key meeting_id, theme);
- core.agreements: one row per agreement signed at a meeting;
- core.themes: one row per taxonomy code (reloaded from seeds/reference/themes.csv every run);
- meta.loads: one row per published run;
- meta.rejects: one row per input of a run that could not become an article;
- meta.dq_results: one row per expectation per run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

CORE_TABLES = ("articles", "meetings", "participants", "meeting_themes", "agreements")
CHILD_TABLES = ("participants", "meeting_themes", "agreements")  # rows hang off a meeting_id
KEYS = {
    "articles": ("article_id",),
    "meetings": ("meeting_id",),
    "participants": ("meeting_id", "person_name"),
    "meeting_themes": ("meeting_id", "theme"),
    "themes": ("code",),
}
CARRIED_SCHEMAS = ("core", "meta")  # analytics is rebuilt from sql/ on every run

LOADS_SCHEMA = {
    "load_id": pl.String,
    "started_at": pl.Datetime("us"),
    "finished_at": pl.Datetime("us"),
    "status": pl.String,
    "files_seen": pl.Int64,
    "articles_new": pl.Int64,
    "rejects": pl.Int64,
    "input_path": pl.String,
    "full_refresh": pl.Boolean,
    "articles": pl.Int64,
    "meetings": pl.Int64,
    "participants": pl.Int64,
    "meeting_themes": pl.Int64,
    "agreements": pl.Int64,
    "articles_replaced": pl.Int64,
    "dq_failed": pl.Int64,
}
REJECTS_SCHEMA = {"load_id": pl.String, "source_file": pl.String, "stage": pl.String, "reason": pl.String}
DQ_SCHEMA = {
    "load_id": pl.String,
    "suite": pl.String,
    "expectation": pl.String,
    "success": pl.Boolean,
    "details": pl.String,
}
THEMES_SCHEMA = {"code": pl.String, "label": pl.String, "description": pl.String}


class LoadError(RuntimeError):
    """The warehouse could not be written or published."""


class WarehouseBusy(LoadError):
    """Another run holds the warehouse's writer lock."""


@dataclass(frozen=True)
class RunData:
    """Everything one run publishes. Times are UTC."""

    load_id: str
    started_at: dt.datetime
    tables: object  # flows.transform.Tables
    rejects: pl.DataFrame  # source_file, stage, reason
    dq_results: pl.DataFrame  # suite, expectation, success, details
    files_seen: int
    input_path: str
    full_refresh: bool
    themes_csv: Path
    # Rows per table of the whole run, when `tables` doesn't hold it all (a run loaded in batches).
    counts: dict[str, int] | None = None


@dataclass(frozen=True)
class LoadStats:
    articles_new: int
    articles_replaced: int

    def __add__(self, other: LoadStats) -> LoadStats:
        return LoadStats(
            self.articles_new + other.articles_new, self.articles_replaced + other.articles_replaced
        )


def utc_now() -> dt.datetime:
    """Naive UTC timestamp (DuckDB TIMESTAMP): BI tools show it as is, whatever their time zone."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_load_id(started_at: dt.datetime) -> str:
    """Sortable and unique: start time plus a random suffix."""
    return f"{started_at:%Y%m%dT%H%M%S}-{os.urandom(3).hex()}"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def staging_path(published: Path) -> Path:
    return published.with_name(f"{published.name}.staging-{os.getpid()}")


@contextlib.contextmanager
def warehouse_lock(published: Path) -> Iterator[None]:
    """Exclusive writer lock beside the warehouse; fails fast when another run holds it."""
    published = Path(published)
    published.parent.mkdir(parents=True, exist_ok=True)
    with open(published.with_name(published.name + ".lock"), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise WarehouseBusy(
                f"another run is writing {published}; try again when it has finished"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def discard(staging: Path) -> None:
    """Delete a staging file and its WAL (missing files are fine)."""
    for path in (Path(staging), _wal(Path(staging))):
        path.unlink(missing_ok=True)


def prepare_staging(published: Path, storage_compatibility_version: str, full_refresh: bool = False) -> Path:
    """Create this run's staging file holding a copy of the published core/meta tables.

    With full_refresh only meta (run history) is carried over: core is rebuilt from this run alone.
    Call under `warehouse_lock`: any other staging file beside the warehouse is a crashed run's.
    """
    published = Path(published)
    published.parent.mkdir(parents=True, exist_ok=True)
    for leftover in published.parent.glob(f"{published.name}.staging-*"):
        leftover.unlink(missing_ok=True)
    staging = staging_path(published)
    try:
        con = duckdb.connect(
            str(staging), config={"storage_compatibility_version": storage_compatibility_version}
        )
        try:
            for schema in ("core", "meta", "analytics"):
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            if published.exists():
                schemas = ("meta",) if full_refresh else CARRIED_SCHEMAS
                _copy_previous(con, published, schemas)
        finally:
            con.close()
    except BaseException:
        discard(staging)
        raise
    return staging


def _attach_previous(con: duckdb.DuckDBPyConnection, published: Path) -> None:
    try:
        con.execute("ATTACH ? AS previous (READ_ONLY)", [str(published)])
    except duckdb.IOException as exc:
        # A WAL left by a crashed writer of an earlier file makes the published file unreadable;
        # it holds nothing of this file, so drop it and retry once.
        if "WAL" not in str(exc) or not _wal(published).exists():
            raise
        _wal(published).unlink()
        con.execute("ATTACH ? AS previous (READ_ONLY)", [str(published)])


def _copy_previous(con: duckdb.DuckDBPyConnection, published: Path, schemas: tuple[str, ...]) -> None:
    _attach_previous(con, published)
    try:
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'previous' "
            "AND list_contains(?, schema_name) ORDER BY ALL",
            [list(schemas)],
        ).fetchall()
        for schema, table in tables:
            target = f"{_ident(schema)}.{_ident(table)}"
            con.execute(f"CREATE TABLE {target} AS SELECT * FROM previous.{target}")
    finally:
        con.execute("DETACH previous")


def append_frame(con: duckdb.DuckDBPyConnection, schema: str, table: str, frame: pl.DataFrame) -> None:
    """Insert a polars frame by column name, creating the table or adding new columns as needed."""
    target = f"{_ident(schema)}.{_ident(table)}"
    con.register("_incoming", frame)
    try:
        con.execute(f"CREATE TABLE IF NOT EXISTS {target} AS SELECT * FROM _incoming WITH NO DATA")
        existing = {
            row[0]
            for row in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
                "AND schema_name = ? AND table_name = ?",
                [schema, table],
            ).fetchall()
        }
        # A transform that gained a column must not fail on last run's table: widen it.
        for name, dtype, *_ in con.execute("DESCRIBE SELECT * FROM _incoming").fetchall():
            if name not in existing:
                con.execute(f"ALTER TABLE {target} ADD COLUMN {_ident(name)} {dtype}")
        if frame.height:
            con.execute(f"INSERT INTO {target} BY NAME SELECT * FROM _incoming")
    finally:
        _unregister(con, "_incoming")


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Unregister without masking the error that aborted the transaction."""
    with contextlib.suppress(duckdb.Error):
        con.unregister(name)


def _ensure_table(con: duckdb.DuckDBPyConnection, schema: str, table: str, columns: dict) -> None:
    append_frame(con, schema, table, pl.DataFrame(schema=columns))


def load_run(staging: Path, run: RunData) -> LoadStats:
    """Write one run into the staging file: replace its articles' rows, add its bookkeeping rows.

    Rows are replaced per article: everything of an article id in this run, and of any article
    previously loaded from a file of this run (an edited file), is deleted before the insert, so a
    re-run on the same input leaves core.* exactly as it was.
    """
    tables = run.tables
    con = duckdb.connect(str(staging))
    try:
        con.execute("BEGIN TRANSACTION")
        for name in CORE_TABLES:
            _ensure_table(con, "core", name, dict(getattr(tables, name).schema))
        stats = _replace_articles(con, tables, run.rejects)
        for name in CORE_TABLES:
            append_frame(con, "core", name, getattr(tables, name))
        _load_themes(con, run.themes_csv)
        _write_meta(con, run, stats)
        _check_keys(con)
        con.execute("COMMIT")
        return stats
    finally:
        con.close()


def load_batch(staging: Path, tables, rejects: pl.DataFrame) -> LoadStats:
    """One batch of a streamed run (see load_run): replace its articles' rows, append its tables.

    Batches of one run hold distinct articles and files, so replacing per batch deletes exactly
    what one load_run over all of them would. Each batch commits on its own: the staging file is
    discarded whole if a later batch or stage fails.
    """
    con = duckdb.connect(str(staging))
    try:
        con.execute("BEGIN TRANSACTION")
        for name in CORE_TABLES:
            _ensure_table(con, "core", name, dict(getattr(tables, name).schema))
        stats = _replace_articles(con, tables, rejects)
        for name in CORE_TABLES:
            append_frame(con, "core", name, getattr(tables, name))
        con.execute("COMMIT")
        return stats
    finally:
        con.close()


def finish_load(staging: Path, run: RunData, stats: LoadStats) -> None:
    """After the last batch: the taxonomy, this run's bookkeeping rows, warehouse-wide key check."""
    con = duckdb.connect(str(staging))
    try:
        con.execute("BEGIN TRANSACTION")
        _load_themes(con, run.themes_csv)
        _write_meta(con, run, stats)
        _check_keys(con)
        con.execute("COMMIT")
    finally:
        con.close()


def _replace_articles(con: duckdb.DuckDBPyConnection, tables, rejects: pl.DataFrame) -> LoadStats:
    incoming_ids = tables.articles.select("article_id").unique()
    # Files of this run, including those rejected now: their earlier articles are stale.
    files = pl.concat([tables.articles.select("source_file"), rejects.select("source_file")]).unique()
    meeting_ids = tables.meetings.select("meeting_id").unique()
    con.register("_run_articles", incoming_ids)
    con.register("_run_files", files)
    con.register("_run_meetings", meeting_ids)
    try:
        articles_new = con.execute(
            "SELECT count(*) FROM _run_articles r WHERE r.article_id NOT IN (SELECT article_id FROM core.articles)"
        ).fetchall()[0][0]
        con.execute(
            "CREATE TEMP TABLE _stale_articles AS SELECT article_id FROM core.articles "
            "WHERE article_id IN (SELECT article_id FROM _run_articles) "
            "OR source_file IN (SELECT source_file FROM _run_files)"
        )
        con.execute(
            "CREATE TEMP TABLE _stale_meetings AS SELECT meeting_id FROM core.meetings "
            "WHERE article_id IN (SELECT article_id FROM _stale_articles) "
            "UNION SELECT meeting_id FROM _run_meetings"
        )
        for child in CHILD_TABLES:
            con.execute(
                f"DELETE FROM core.{child} WHERE meeting_id IN (SELECT meeting_id FROM _stale_meetings)"
            )
        con.execute("DELETE FROM core.meetings WHERE meeting_id IN (SELECT meeting_id FROM _stale_meetings)")
        replaced = con.execute("SELECT count(*) FROM _stale_articles").fetchall()[0][0]
        con.execute("DELETE FROM core.articles WHERE article_id IN (SELECT article_id FROM _stale_articles)")
        con.execute("DROP TABLE _stale_articles")
        con.execute("DROP TABLE _stale_meetings")
    finally:
        for name in ("_run_articles", "_run_files", "_run_meetings"):
            _unregister(con, name)
    return LoadStats(articles_new=int(articles_new), articles_replaced=int(replaced))


def _load_themes(con: duckdb.DuckDBPyConnection, themes_csv: Path) -> None:
    """The taxonomy as a table: reloaded whole, so an edited CSV is what the warehouse shows."""
    themes = pl.read_csv(themes_csv, schema=THEMES_SCHEMA)
    _ensure_table(con, "core", "themes", THEMES_SCHEMA)
    con.execute("DELETE FROM core.themes")
    append_frame(con, "core", "themes", themes)


def _write_meta(con: duckdb.DuckDBPyConnection, run: RunData, stats: LoadStats) -> None:
    tables = run.tables
    counts = run.counts if run.counts is not None else tables.counts()
    dq_failed = run.dq_results.filter(~pl.col("success")).height if run.dq_results.height else 0
    loads = pl.DataFrame(
        [
            {
                "load_id": run.load_id,
                "started_at": run.started_at,
                "finished_at": None,  # set when published
                "status": "staged",
                "files_seen": run.files_seen,
                "articles_new": stats.articles_new,
                "rejects": run.rejects.height,
                "input_path": run.input_path,
                "full_refresh": run.full_refresh,
                "articles": counts["articles"],
                "meetings": counts["meetings"],
                "participants": counts["participants"],
                "meeting_themes": counts["meeting_themes"],
                "agreements": counts["agreements"],
                "articles_replaced": stats.articles_replaced,
                "dq_failed": dq_failed,
            }
        ],
        schema=LOADS_SCHEMA,
    )
    rejects = run.rejects.select(pl.lit(run.load_id).alias("load_id"), "source_file", "stage", "reason")
    dq = run.dq_results.select(
        pl.lit(run.load_id).alias("load_id"), "suite", "expectation", "success", "details"
    )
    append_frame(con, "meta", "loads", loads)
    append_frame(con, "meta", "rejects", rejects.cast(REJECTS_SCHEMA))
    append_frame(con, "meta", "dq_results", dq.cast(DQ_SCHEMA))


def _check_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Keys must be unique across the whole warehouse, not just within this run."""
    problems = []
    for table, key in KEYS.items():
        cols = ", ".join(_ident(c) for c in key)
        dupes = con.execute(
            f"SELECT count(*) FROM (SELECT {cols} FROM core.{table} GROUP BY ALL HAVING count(*) > 1)"
        ).fetchall()[0][0]
        if dupes:
            problems.append(f"core.{table}: {dupes} duplicated key(s) ({', '.join(key)})")
    if problems:
        raise LoadError("warehouse keys not unique after load: " + "; ".join(problems))


def publish(staging: Path, published: Path, load_id: str) -> None:
    """Mark the run published, checkpoint, and swap the staging file over the published path."""
    staging, published = Path(staging), Path(published)
    con = duckdb.connect(str(staging))
    try:
        con.execute(
            "UPDATE meta.loads SET status = 'success', finished_at = ? WHERE load_id = ?",
            [utc_now(), load_id],
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    if _wal(staging).exists():  # everything must be in the main file before it is published
        raise LoadError(f"staging file still has a WAL after checkpoint: {_wal(staging)}")
    # A WAL beside the published path would be replayed into the new file and break it.
    _wal(published).unlink(missing_ok=True)
    os.replace(staging, published)
    _fsync_dir(published.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (best effort: not every file system supports it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
