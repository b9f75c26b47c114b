"""flows/load.py on real DuckDB files: staging, replace-by-article, bookkeeping, atomic publish."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest
from conftest import THEMES_CSV, write_inputs
from conftest import load_without_prefect as run_once

from flows import load


def query(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def core_snapshot(path: Path) -> dict[str, list[tuple]]:
    return {t: query(path, f"SELECT * FROM core.{t} ORDER BY ALL") for t in (*load.CORE_TABLES, "themes")}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_load_writes_core_meta_and_themes(tmp_path: Path):
    published = tmp_path / "wh" / "meetings.duckdb"
    load_id, stats = run_once(write_inputs(tmp_path / "in"), published)
    assert (stats.articles_new, stats.articles_replaced) == (3, 0)
    assert query(published, "SELECT count(*) FROM core.articles") == [(3,)]
    assert query(published, "SELECT person_name, side FROM core.participants ORDER BY 1") == [
        ("Anna Berg", "guest"),
        ("Fiona Pemberton", "guest"),
        ("Lu Jianhua", "host"),
        ("Wang Wei", "host"),
    ]
    assert query(published, "SELECT count(*), min(code) FROM core.themes") == [(16, "agriculture_food")]
    assert query(
        published, "SELECT load_id, status, files_seen, articles_new, rejects, meetings FROM meta.loads"
    ) == [(load_id, "success", 5, 3, 2, 2)]
    assert query(published, "SELECT source_file, stage, reason FROM meta.rejects ORDER BY 1") == [
        ("d_scan.pdf", "extract", "unsupported format: .pdf"),
        ("e_empty.txt", "extract", "empty"),
    ]
    assert query(published, "SELECT load_id, suite, success FROM meta.dq_results") == [
        (load_id, "meetings", True)
    ]
    # Only the published file is left: no staging file, no WAL.
    assert sorted(p.name for p in published.parent.iterdir()) == ["meetings.duckdb", "meetings.duckdb.lock"]


def test_file_uses_the_configured_storage_version(tmp_path: Path):
    published = tmp_path / "meetings.duckdb"
    run_once(write_inputs(tmp_path / "in"), published)
    con = duckdb.connect()
    con.execute("ATTACH ? AS wh (READ_ONLY)", [str(published)])
    tags = con.execute("SELECT tags FROM duckdb_databases() WHERE database_name = 'wh'").fetchall()[0][0]
    con.close()
    assert tags["storage_version"] == "v1.5.0+"


def test_rerun_on_same_input_changes_no_core_row(tmp_path: Path):
    folder = write_inputs(tmp_path / "in")
    published = tmp_path / "meetings.duckdb"
    first_id, first = run_once(folder, published)
    before = core_snapshot(published)
    second_id, stats = run_once(folder, published)
    assert (stats.articles_new, stats.articles_replaced) == (0, 0)  # unchanged inputs: nothing rebuilt
    assert (first.reference_changed, stats.reference_changed) == (True, False)
    assert core_snapshot(published) == before
    assert query(published, "SELECT load_id, articles_new FROM meta.loads ORDER BY started_at") == [
        (first_id, 3),
        (second_id, 0),
    ]
    assert query(published, "SELECT count(*) FROM meta.rejects") == [(4,)]


def test_a_warehouse_without_file_sizes_is_read_by_hash_and_gains_them(tmp_path: Path):
    from flows import incremental

    folder = write_inputs(tmp_path / "in")
    published = tmp_path / "meetings.duckdb"
    run_once(folder, published)
    before = core_snapshot(published)
    con = duckdb.connect(str(published))
    con.execute("ALTER TABLE core.sources DROP COLUMN file_size")
    con.execute("ALTER TABLE core.sources DROP COLUMN file_mtime_ns")
    con.close()
    known = incremental.read_previous(published).known_files()
    assert known and all(k.size is None and k.mtime_ns is None for k in known.values())
    _, stats = run_once(folder, published)
    assert (stats.articles_new, stats.articles_replaced) == (0, 0)
    assert core_snapshot(published) == before
    assert query(
        published, "SELECT count(*) FROM core.sources WHERE file_size IS NULL AND file_hash IS NOT NULL"
    ) == [(0,)]


def test_an_edited_taxonomy_replaces_the_reference_table(tmp_path: Path):
    folder = write_inputs(tmp_path / "in")
    published = tmp_path / "meetings.duckdb"
    reference = tmp_path / "reference"
    reference.mkdir()
    for name in ("themes.csv", "countries.csv"):
        (reference / name).write_bytes((THEMES_CSV.parent / name).read_bytes())
    run_once(folder, published, themes_csv=reference / "themes.csv")
    label = query(published, "SELECT label FROM core.themes WHERE code = 'trade_investment'")[0][0]
    text = (reference / "themes.csv").read_text(encoding="utf-8")
    (reference / "themes.csv").write_text(
        text.replace(f",{label},", ",Trade and commerce,", 1), encoding="utf-8"
    )
    _, stats = run_once(folder, published, themes_csv=reference / "themes.csv")
    assert stats.reference_changed is True
    assert query(published, "SELECT label FROM core.themes WHERE code = 'trade_investment'") == [
        ("Trade and commerce",)
    ]


def test_edited_file_replaces_its_rows(tmp_path: Path):
    folder = write_inputs(tmp_path / "in")
    published = tmp_path / "meetings.duckdb"
    run_once(folder, published)
    (folder / "sub" / "b_se.txt").write_text(
        "date 2024-05-10\nSuzhou meets Swedish delegation\nWang Wei met Erik Lund from SE in Suzhou on Monday.\n"
    )
    _, stats = run_once(folder, published)
    assert (stats.articles_new, stats.articles_replaced) == (0, 1)  # an edit replaces, it adds nothing
    assert query(published, "SELECT count(*) FROM core.articles") == [(3,)]
    assert query(
        published, "SELECT person_name FROM core.participants WHERE source_file = 'sub/b_se.txt' ORDER BY 1"
    ) == [
        ("Erik Lund",),
        ("Wang Wei",),
    ]
    # The edited text no longer names trade: its theme row went with the old article.
    assert query(published, "SELECT theme FROM core.meeting_themes WHERE source_file = 'sub/b_se.txt'") == []


def test_a_file_rejected_now_loses_its_earlier_article(tmp_path: Path):
    folder = write_inputs(tmp_path / "in")
    published = tmp_path / "meetings.duckdb"
    run_once(folder, published)
    (folder / "c_weather.txt").write_text("")
    run_once(folder, published)
    assert query(published, "SELECT source_file FROM core.articles ORDER BY 1") == [
        ("a_nz.txt",),
        ("sub/b_se.txt",),
    ]


def test_full_refresh_keeps_history_but_rebuilds_core(tmp_path: Path):
    published = tmp_path / "meetings.duckdb"
    run_once(write_inputs(tmp_path / "in"), published)
    only = tmp_path / "only"
    only.mkdir()
    (only / "x.txt").write_text((tmp_path / "in" / "a_nz.txt").read_text())
    run_once(only, published, full_refresh=True)
    assert query(published, "SELECT source_file FROM core.articles") == [("x.txt",)]
    assert query(published, "SELECT count(*) FROM meta.loads") == [(2,)]


def test_failure_after_staging_leaves_published_file_untouched(tmp_path: Path, monkeypatch):
    folder = write_inputs(tmp_path / "in")
    published = tmp_path / "meetings.duckdb"
    run_once(folder, published)
    before = digest(published)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(load, "_write_meta", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        run_once(folder, published)
    assert digest(published) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("meetings")) == [
        "meetings.duckdb",
        "meetings.duckdb.lock",
    ]


def test_stale_wal_beside_published_file_is_dropped(tmp_path: Path):
    folder = write_inputs(tmp_path / "in")
    published = tmp_path / "meetings.duckdb"
    run_once(folder, published)
    # A WAL from a crashed writer of some other file: DuckDB refuses to open the pair.
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t AS SELECT 1 AS x")
    con.execute("CHECKPOINT")
    con.execute("INSERT INTO t VALUES (2)")
    wal = Path(str(other) + ".wal")
    stale = wal.read_bytes()
    con.close()
    Path(str(published) + ".wal").write_bytes(stale)
    run_once(folder, published)
    assert not Path(str(published) + ".wal").exists()
    assert query(published, "SELECT count(*) FROM meta.loads") == [(2,)]


def test_second_writer_is_refused_while_the_lock_is_held(tmp_path: Path):
    published = tmp_path / "meetings.duckdb"
    with (
        load.warehouse_lock(published),
        pytest.raises(load.WarehouseBusy, match="another run is writing"),
        load.warehouse_lock(published),
    ):
        pass


def test_duplicate_keys_across_the_warehouse_abort_the_load(tmp_path: Path):
    published = tmp_path / "meetings.duckdb"
    folder = write_inputs(tmp_path / "in")
    run_once(folder, published)
    before = digest(published)
    staging = load.prepare_staging(published, "v1.5.0")
    con = duckdb.connect(str(staging))
    con.execute("INSERT INTO core.meetings SELECT * FROM core.meetings LIMIT 1")
    with pytest.raises(load.LoadError, match=r"core.meetings: 1 duplicated key\(s\) \(meeting_id\)"):
        load._check_keys(con)
    con.close()
    load.discard(staging)
    assert digest(published) == before
    assert not staging.exists()


def test_staging_starts_as_the_published_state_without_user_objects(tmp_path: Path):
    """The staging file is a byte copy of the published one: core and meta as published, nothing
    else (analytics is rebuilt; tables users created in the file are not carried over)."""
    published = tmp_path / "wh" / "meetings.duckdb"
    run_once(write_inputs(tmp_path / "in"), published, build_models=True)
    con = duckdb.connect(str(published))
    con.execute("CREATE TABLE main.my_notes AS SELECT 1 AS x")
    con.execute("CREATE VIEW main.my_view AS SELECT * FROM core.articles")
    con.execute("CREATE SCHEMA scratch")
    con.execute("CREATE TABLE scratch.t AS SELECT 2 AS y")
    con.execute("CHECKPOINT")
    con.close()
    before = digest(published)
    staging = load.prepare_staging(published, "v1.5.0")
    try:
        assert core_snapshot(staging) == core_snapshot(published)
        assert query(staging, "SELECT count(*) FROM meta.loads") == query(
            published, "SELECT count(*) FROM meta.loads"
        )
        objects = query(
            staging,
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name NOT IN ('core', 'meta') "
            "UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal "
            "AND schema_name NOT IN ('core', 'meta')",
        )
        assert objects == []
        assert {r[0] for r in query(staging, "SELECT schema_name FROM duckdb_schemas()")} >= {
            "core",
            "meta",
            "analytics",
        }
    finally:
        load.discard(staging)
    assert digest(published) == before
