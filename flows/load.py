"""Load: publish a run's tables into the DuckDB warehouse, atomically.

Every run writes a staging file beside the published one (`<name>.staging-<pid>`): it copies the
published file's `core` and `meta` tables (so state carries between runs), replaces the rows of this
run's articles, records bookkeeping in `meta`, gets its models built, and only then is checkpointed
and swapped over the published path with `os.replace`. Readers see the old file or the new one,
never a half-written one; any failure deletes the staging file and leaves the published file as it
was. A lock file serialises writers so two runs can't overwrite each other's results: a run holds it
from start to publish (so it plans against the state it will write over), a second run waits for it
or, asked not to wait, fails at once naming it. The kernel drops the lock of a killed run; the next run
deletes the staging file it left.

Tables (schema.grain):
- core.articles: one row per article (key article_id);
- core.meetings: one row per meeting (key meeting_id);
- core.participants: one row per person per meeting (key meeting_id, person_name);
- core.meeting_themes: one row per theme per meeting (key meeting_id, theme);
- core.agreements: one row per agreement signed at a meeting;
- core.themes: one row per taxonomy code (reloaded from seeds/reference/themes.csv every run);
- core.sources: one row per input (file, or JSONL line) known to the warehouse, with the article it
  gives (NULL when rejected: stage, reason) and the hashes that let a later run skip it unchanged; an
  article listed by several sources is the same content under several names (see flows/incremental.py);
- core.countries: one row per ISO code (reloaded from seeds/reference/countries.csv every run);
- meta.loads: one row per published run;
- meta.rejects: one row per input of a run that could not become an article;
- meta.dq_results: one row per expectation per run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from flows.extract import SOURCE_SCHEMA

CORE_TABLES = ("articles", "meetings", "participants", "meeting_themes", "agreements")
CHILD_TABLES = ("participants", "meeting_themes", "agreements")  # rows hang off a meeting_id
KEYS = {
    "articles": ("article_id",),
    "meetings": ("meeting_id",),
    "participants": ("meeting_id", "person_name"),
    "meeting_themes": ("meeting_id", "theme"),
    "themes": ("code",),
    "countries": ("iso2",),
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
    # Incremental accounting (per input): files_seen = articles_new + articles_changed
    # + articles_unchanged + rejects. See flows/incremental.py.
    "articles_changed": pl.Int64,
    "articles_unchanged": pl.Int64,
    "input_files": pl.Int64,
    "sources_absent": pl.Int64,
    "sources_pruned": pl.Int64,
    "articles_deleted": pl.Int64,
    "prune": pl.Boolean,
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
COUNTRIES_SCHEMA = {"iso2": pl.String, "name": pl.String}


class LoadError(RuntimeError):
    """The warehouse could not be written or published."""


class WarehouseBusy(LoadError):
    """Another run holds the warehouse's writer lock."""


@dataclass(frozen=True)
class Changes:
    """What an incremental run changes besides inserting its transformed tables (built by
    flows/incremental.py): the new core.sources, the articles whose rows go, the articles whose rows
    stay but now name another of their sources, and the run's accounting."""

    sources: pl.DataFrame  # the whole core.sources after this run
    delete_articles: pl.DataFrame  # article_id
    retarget: pl.DataFrame  # article_id, source_file, content_hash
    counts: dict  # articles_new, articles_changed, articles_unchanged, rejects, ... (LOADS_SCHEMA names)


@dataclass(frozen=True)
class RunData:
    """Everything one run publishes. Times are UTC."""

    load_id: str
    started_at: dt.datetime
    tables: object  # flows.transform.Tables (None for a streamed run: see counts)
    rejects: pl.DataFrame  # source_file, stage, reason
    dq_results: pl.DataFrame  # suite, expectation, success, details
    files_seen: int
    input_path: str
    full_refresh: bool
    themes_csv: Path
    changes: Changes | None = None  # None: replace the rows of this run's articles and files
    countries_csv: Path | None = None  # default: countries.csv beside themes_csv
    counts: dict | None = None  # rows per transformed table of this run; default tables.counts()


@dataclass(frozen=True)
class LoadStats:
    articles_new: int
    articles_replaced: int
    totals: dict = field(default_factory=dict)  # rows per core table after the load
    reference_changed: bool = True  # core.themes or core.countries differ from the published file


def connect(path: Path | None = None, **config: str) -> duckdb.DuckDBPyConnection:
    """A writer's DuckDB connection with the run's memory limit (larger work spills to disk
    beside the file instead of growing the process: DuckDB's default is 80% of the machine)."""
    from flows.settings import Settings

    limits = {"memory_limit": Settings().duckdb_memory_limit, **config}
    return duckdb.connect(str(path) if path is not None else ":memory:", config=limits)


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


def lock_path(published: Path) -> Path:
    published = Path(published)
    return published.with_name(published.name + ".lock")


def _holder(lock: Path) -> str:
    """Who holds a lock, as written in the lock file by its holder (best effort)."""
    with contextlib.suppress(OSError):
        text = lock.read_text(encoding="utf-8").strip()
        if text:
            return f" (held by {text})"
    return ""


@contextlib.contextmanager
def warehouse_lock(
    published: Path,
    wait: bool = False,
    on_wait: Callable[[str], None] | None = None,
    poll_seconds: float = 0.2,
) -> Iterator[None]:
    """Exclusive writer lock beside the warehouse (`<file>.lock`, an flock the kernel releases when
    its process dies). wait=False fails at once with WarehouseBusy naming the lock; wait=True calls
    on_wait(message) once and waits. Not re-entrant: a second acquisition, even in the same
    process, is another writer."""
    published = Path(published)
    published.parent.mkdir(parents=True, exist_ok=True)
    lock = lock_path(published)
    with open(lock, "a+", encoding="utf-8") as handle:
        waited = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                message = f"another run is writing {published}: lock {lock} is taken{_holder(lock)}"
                if not wait:
                    raise WarehouseBusy(f"{message}; try again when it has finished") from exc
                if not waited and on_wait is not None:
                    on_wait(f"{message}; waiting for it to finish")
                waited = True
                time.sleep(poll_seconds)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {utc_now():%Y-%m-%d %H:%M:%S} UTC\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def print_waiting(message: str) -> None:
    print(f"meetings: {message}", file=sys.stderr, flush=True)


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
        if published.exists() and not full_refresh:
            _copy_file(published, staging)
        con = connect(staging, storage_compatibility_version=storage_compatibility_version)
        try:
            if published.exists() and not full_refresh:
                _keep_only_carried(con)
            for schema in ("core", "meta", "analytics"):
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            if published.exists() and full_refresh:
                _copy_previous(con, published, ("meta",))
        finally:
            con.close()
    except BaseException:
        discard(staging)
        raise
    return staging


def _copy_file(published: Path, staging: Path) -> None:
    """Copy the published file byte for byte: far faster than copying its tables row by row (30 s
    at 100k articles), and the staging file then starts as the published state.

    A read-only attachment is held during the copy: it fails, naming the reason, when a process
    holds the file read-write, and while it is held no writer can start changing the file.
    """
    con = duckdb.connect()
    try:
        _attach_previous(con, published)
        shutil.copyfile(published, staging)
        con.execute("DETACH previous")
    finally:
        con.close()


def _keep_only_carried(con: duckdb.DuckDBPyConnection) -> None:
    """Drop everything of the copied file but the carried schemas: analytics is rebuilt from sql/,
    and tables users created in the published file are not carried over (README)."""
    objects = con.execute(
        "SELECT schema_name, view_name, 'VIEW' FROM duckdb_views() WHERE NOT internal "
        "AND database_name = current_database() AND NOT list_contains(?, schema_name) "
        "UNION ALL SELECT schema_name, table_name, 'TABLE' FROM duckdb_tables() "
        "WHERE database_name = current_database() AND NOT list_contains(?, schema_name) ORDER BY 3 DESC",
        [list(CARRIED_SCHEMAS), list(CARRIED_SCHEMAS)],
    ).fetchall()
    for schema, name, kind in objects:
        con.execute(f"DROP {kind} IF EXISTS {_ident(schema)}.{_ident(name)} CASCADE")
    con.execute("DROP SCHEMA IF EXISTS analytics CASCADE")


def _attach_previous(con: duckdb.DuckDBPyConnection, published: Path) -> None:
    try:
        con.execute("ATTACH ? AS previous (READ_ONLY)", [str(published)])
    except duckdb.IOException as exc:
        if "Could not set lock" in str(exc):
            # Read-only readers never block a run; a process holding the file read-write does.
            raise LoadError(
                f"{published} is open read-write in another process, so its rows can't be carried over "
                f"({exc}). BI tools and notebooks must open the warehouse read-only (see README, "
                "'Connect a BI tool')"
            ) from exc
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
    """Write one run into the staging file in one transaction: replace its articles' rows, add its
    bookkeeping rows.

    Rows are replaced per article. With run.changes (an incremental run) the articles it names are
    deleted, the transformed ones inserted, and core.sources replaced; without, everything of an
    article id in this run, and of any article previously loaded from a file of this run (an edited
    file), is deleted before the insert. Either way a re-run on the same input leaves core.* exactly
    as it was. A streamed run does the same in steps: begin_load, append_tables per chunk,
    finish_load.
    """
    tables = run.tables
    con = connect(staging)
    try:
        con.execute("BEGIN TRANSACTION")
        _ensure_core(con, {name: dict(getattr(tables, name).schema) for name in CORE_TABLES})
        if run.changes is None:
            stats = _replace_articles(con, tables, run.rejects)
        else:
            stats = _apply_changes(con, run.changes)
        _append(con, tables)
        totals, reference_changed = _finish(con, run, stats)
        con.execute("COMMIT")
        return LoadStats(stats.articles_new, stats.articles_replaced, totals, reference_changed)
    finally:
        con.close()


def _ensure_core(con: duckdb.DuckDBPyConnection, schemas: dict[str, dict]) -> None:
    for name in CORE_TABLES:
        _ensure_table(con, "core", name, schemas[name])
    _ensure_table(con, "core", "sources", SOURCE_SCHEMA)


def _append(con: duckdb.DuckDBPyConnection, tables) -> None:
    for name in CORE_TABLES:
        append_frame(con, "core", name, getattr(tables, name))


def _finish(con: duckdb.DuckDBPyConnection, run: RunData, stats: LoadStats) -> tuple[dict, bool]:
    """Reference tables, meta rows and the whole-warehouse checks; returns rows per core table and
    whether a reference table changed."""
    themes_changed = _load_themes(con, run.themes_csv)
    countries_changed = _load_countries(con, run.countries_csv or run.themes_csv.with_name("countries.csv"))
    _write_meta(con, run, stats)
    _check_keys(con)
    if run.changes is not None:
        _check_sources(con)
    totals = {name: con.execute(f"SELECT count(*) FROM core.{name}").fetchall()[0][0] for name in CORE_TABLES}
    return totals, themes_changed or countries_changed


@contextlib.contextmanager
def _transaction(staging: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(staging)
    try:
        con.execute("BEGIN TRANSACTION")
        yield con
        con.execute("COMMIT")
    finally:
        con.close()


def begin_load(staging: Path, changes: Changes, schemas: dict[str, dict]) -> LoadStats:
    """First step of a streamed load: create the core tables and apply the plan's deletions,
    retargets and core.sources. Each step commits in the staging file, which is dropped whole on
    any failure, so the published warehouse never sees a partial load."""
    with _transaction(staging) as con:
        _ensure_core(con, schemas)
        return _apply_changes(con, changes)


def append_tables(staging: Path, tables) -> None:
    """Insert one validated chunk of transformed tables."""
    with _transaction(staging) as con:
        _append(con, tables)


def finish_load(staging: Path, run: RunData, stats: LoadStats) -> LoadStats:
    """Last step of a streamed load: reference tables, meta rows, key and source checks."""
    with _transaction(staging) as con:
        totals, reference_changed = _finish(con, run, stats)
    return LoadStats(stats.articles_new, stats.articles_replaced, totals, reference_changed)


def _delete_articles(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Delete every core row of the article ids in the registered table `table`."""
    meetings = f"SELECT meeting_id FROM core.meetings WHERE article_id IN (SELECT article_id FROM {table})"
    for child in CHILD_TABLES:
        con.execute(f"DELETE FROM core.{child} WHERE meeting_id IN ({meetings})")
    con.execute(f"DELETE FROM core.meetings WHERE article_id IN (SELECT article_id FROM {table})")
    con.execute(f"DELETE FROM core.articles WHERE article_id IN (SELECT article_id FROM {table})")


def _apply_changes(con: duckdb.DuckDBPyConnection, changes: Changes) -> LoadStats:
    """Delete the rows of removed and rebuilt articles, point kept articles at their primary source,
    and replace core.sources. Every value travels as a bound frame, never inside SQL text."""
    con.register("_delete", changes.delete_articles.select("article_id"))
    con.register("_retarget", changes.retarget.select("article_id", "source_file", "content_hash"))
    try:
        _delete_articles(con, "_delete")
        con.execute(
            "UPDATE core.articles a SET source_file = r.source_file, content_hash = r.content_hash "
            "FROM _retarget r WHERE a.article_id = r.article_id"
        )
        con.execute(
            "UPDATE core.meetings m SET source_file = r.source_file "
            "FROM _retarget r WHERE m.article_id = r.article_id"
        )
        for child in CHILD_TABLES:
            con.execute(
                f"UPDATE core.{child} c SET source_file = r.source_file FROM _retarget r, core.meetings m "
                "WHERE c.meeting_id = m.meeting_id AND m.article_id = r.article_id"
            )
    finally:
        _unregister(con, "_delete")
        _unregister(con, "_retarget")
    con.execute("DELETE FROM core.sources")
    append_frame(con, "core", "sources", changes.sources.select(list(SOURCE_SCHEMA)).cast(SOURCE_SCHEMA))
    deleted = changes.delete_articles.height
    return LoadStats(articles_new=int(changes.counts["articles_new"]), articles_replaced=deleted)


def _check_sources(con: duckdb.DuckDBPyConnection) -> None:
    """core.articles holds exactly the articles core.sources lists, each under its first source."""
    missing = con.execute(
        "SELECT count(DISTINCT article_id) FROM core.sources WHERE article_id IS NOT NULL "
        "AND article_id NOT IN (SELECT article_id FROM core.articles)"
    ).fetchall()[0][0]
    orphans = con.execute(
        "SELECT count(*) FROM core.articles WHERE article_id NOT IN "
        "(SELECT article_id FROM core.sources WHERE article_id IS NOT NULL)"
    ).fetchall()[0][0]
    if missing or orphans:
        raise LoadError(
            f"core.sources and core.articles disagree: {missing} listed article(s) without rows, "
            f"{orphans} article(s) without a source"
        )


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


def _replace_reference(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, schema: dict) -> bool:
    """Replace core.<table> by `frame` unless it holds exactly that already; True when it changed."""
    _ensure_table(con, "core", table, schema)
    current = con.sql(f"SELECT {', '.join(schema)} FROM core.{table}").pl().cast(schema)
    if current.equals(frame.select(list(schema)).cast(schema)):
        return False
    con.execute(f"DELETE FROM core.{table}")
    append_frame(con, "core", table, frame)
    return True


def _load_themes(con: duckdb.DuckDBPyConnection, themes_csv: Path) -> bool:
    """The taxonomy as a table: reloaded whole, so an edited CSV is what the warehouse shows."""
    themes = pl.read_csv(themes_csv, schema=THEMES_SCHEMA)
    return _replace_reference(con, "themes", themes, THEMES_SCHEMA)


def _load_countries(con: duckdb.DuckDBPyConnection, countries_csv: Path) -> bool:
    """Country and region names by ISO code (for marts and BI joins), reloaded whole like themes."""
    countries = pl.read_csv(countries_csv, columns=list(COUNTRIES_SCHEMA), schema_overrides=COUNTRIES_SCHEMA)
    return _replace_reference(con, "countries", countries, COUNTRIES_SCHEMA)


def _write_meta(con: duckdb.DuckDBPyConnection, run: RunData, stats: LoadStats) -> None:
    counts = run.counts if run.counts is not None else run.tables.counts()
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
                **(run.changes.counts if run.changes is not None else {}),
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
    con = connect(staging)
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
