"""The real Prefect flow `meetings-etl` end to end (stub transform), under one session test harness."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
from pathlib import Path

import duckdb
import pytest
from conftest import bad_side_transform, input_sources, stub_transform, write_inputs

import flows.pipeline as pipeline
from flows.settings import PROJECT_ROOT
from flows.validate import ValidationFailed

pytestmark = pytest.mark.slow

# Output contract v1 (docs/upstream/CONTRACT.md): columns in order, with their DuckDB types.
CONTRACT = {
    "meetings": [
        ("meeting_id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("source_file", "VARCHAR"),
        ("headline", "VARCHAR"),
        ("published_date", "DATE"),
        ("meeting_date", "DATE"),
        ("weekday", "VARCHAR"),
        ("location", "VARCHAR"),
        ("counterpart_countries", "VARCHAR[]"),
        ("counterpart_org", "VARCHAR"),
        ("evidence", "VARCHAR"),
    ],
    "participants": [
        ("meeting_id", "VARCHAR"),
        ("source_file", "VARCHAR"),
        ("person_name", "VARCHAR"),
        ("title", "VARCHAR"),
        ("organization", "VARCHAR"),
        ("country", "VARCHAR"),
        ("side", "VARCHAR"),
        ("role", "VARCHAR"),
        ("evidence", "VARCHAR"),
    ],
    "meeting_themes": [
        ("meeting_id", "VARCHAR"),
        ("source_file", "VARCHAR"),
        ("theme", "VARCHAR"),
        ("raised_by", "VARCHAR"),
        ("evidence", "VARCHAR"),
    ],
    "themes": [("code", "VARCHAR"), ("label", "VARCHAR"), ("description", "VARCHAR")],
}
COLUMNS_SQL = (
    "SELECT column_name, data_type FROM information_schema.columns "
    "WHERE table_schema = 'analytics' AND table_name = ? ORDER BY ordinal_position"
)
STAGES = {"extract", "transform", "validate", "load", "models", "publish"}


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def analytics_snapshot(path: Path) -> dict[str, list[tuple]]:
    return {name: query(path, f"SELECT * FROM analytics.{name} ORDER BY ALL") for name in CONTRACT}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_flow(transform, **params) -> dict:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "run_transform", transform)
        mp.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
        return pipeline.meetings_etl(**params)


@pytest.fixture(scope="module")
def two_runs(prefect_harness, tmp_path_factory):
    """The same input run twice into one warehouse, with a snapshot after each run."""
    root = tmp_path_factory.mktemp("flow")
    folder = write_inputs(root / "input")
    warehouse = root / "wh" / "meetings.duckdb"
    first = run_flow(stub_transform, input_path=str(folder), warehouse=str(warehouse))
    after_first = analytics_snapshot(warehouse)
    second = run_flow(stub_transform, input_path=str(folder), warehouse=str(warehouse))
    return {"warehouse": warehouse, "first": first, "second": second, "after_first": after_first}


def test_summary_counts_every_table(two_runs):
    first = two_runs["first"]
    assert {
        k: first[k]
        for k in ("files_seen", "articles", "articles_new", "meetings", "participants", "themes", "rejects")
    } == {
        "files_seen": 5,
        "articles": 3,
        "articles_new": 3,
        "meetings": 2,
        "participants": 4,
        "themes": 3,
        "rejects": 2,
    }
    assert set(first["seconds"]) == STAGES
    assert first["warehouse"] == str(two_runs["warehouse"])


def test_contract_columns_and_types(two_runs):
    for name, columns in CONTRACT.items():
        assert query(two_runs["warehouse"], COLUMNS_SQL, [f"{name}_v1"]) == columns, name
        # the latest version keeps the contract's columns, in order; later versions only add
        assert query(two_runs["warehouse"], COLUMNS_SQL, [name])[: len(columns)] == columns, name


def test_rerun_on_same_input_gives_identical_tables_and_ids(two_runs):
    warehouse = two_runs["warehouse"]
    assert analytics_snapshot(warehouse) == two_runs["after_first"]
    assert two_runs["second"]["articles_new"] == 0
    assert two_runs["second"]["load_id"] != two_runs["first"]["load_id"]
    assert query(warehouse, "SELECT count(*), count(DISTINCT meeting_id) FROM analytics.meetings") == [(2, 2)]
    assert query(
        warehouse, "SELECT count(*), count(DISTINCT (meeting_id, person_name)) FROM analytics.participants"
    ) == [(4, 4)]
    assert query(
        warehouse,
        "SELECT meeting_date, weekday, location, counterpart_countries FROM analytics.meetings ORDER BY 1",
    ) == [
        (dt.date(2024, 3, 21), "Thursday", "Shanghai", ["NZ"]),
        (dt.date(2024, 5, 6), "Monday", "Suzhou", ["SE"]),
    ]


def test_models_exist_as_v1_and_latest(two_runs):
    views = query(
        two_runs["warehouse"],
        "SELECT view_name FROM duckdb_views() WHERE schema_name = 'analytics' ORDER BY 1",
    )
    models = [
        "agreements",
        "article_sources",
        "articles",
        "counterpart_summary",
        "countries",
        "meeting_events",
        "meeting_themes",
        "meetings",
        "meetings_by_month",
        "participants",
        "people",
        "theme_trends",
        "themes",
    ]
    assert [v[0] for v in views] == sorted([*models, *(f"{m}_v1" for m in models), "participants_v2"])
    assert query(two_runs["warehouse"], "SELECT count(*) FROM analytics.themes") == [(16,)]


def test_meta_tables_record_both_runs(two_runs):
    warehouse = two_runs["warehouse"]
    first, second = two_runs["first"]["load_id"], two_runs["second"]["load_id"]
    assert query(
        warehouse,
        "SELECT load_id, status, files_seen, articles_new, rejects FROM meta.loads ORDER BY started_at",
    ) == [(first, "success", 5, 3, 2), (second, "success", 5, 0, 2)]
    assert query(warehouse, "SELECT count(*) FROM meta.loads WHERE finished_at >= started_at") == [(2,)]
    assert query(
        warehouse, "SELECT load_id, count(*), bool_and(success) FROM meta.dq_results GROUP BY 1 ORDER BY 1"
    ) == [(first, 31, True)]  # the second run transformed nothing: nothing to validate
    assert query(
        warehouse,
        "SELECT load_id, source_file, stage FROM meta.rejects WHERE load_id = ? ORDER BY 2",
        [second],
    ) == [
        (second, "d_scan.pdf", "extract"),
        (second, "e_empty.txt", "extract"),
    ]
    assert query(
        warehouse,
        "SELECT name, version, is_latest, row_count FROM meta.models WHERE load_id = ? ORDER BY 1",
        [second],
    ) == [
        ("agreements", 1, True, 0),
        ("article_sources", 1, True, 3),
        ("articles", 1, True, 3),
        ("counterpart_summary", 1, True, 2),
        ("countries", 1, True, 249),
        ("meeting_events", 1, True, 2),
        ("meeting_themes", 1, True, 3),
        ("meetings", 1, True, 2),
        ("meetings_by_month", 1, True, 3),
        ("participants", 1, False, 4),
        ("participants", 2, True, 4),
        ("people", 1, True, 4),
        ("theme_trends", 1, True, 48),
        ("themes", 1, True, 16),
    ]


def test_failed_validation_names_the_expectation_and_publishes_nothing(two_runs, tmp_path: Path):
    warehouse = two_runs["warehouse"]
    before = digest(warehouse)
    with pytest.raises(ValidationFailed) as raised:  # full refresh: the same input is transformed again
        run_flow(
            bad_side_transform,
            input_path=str(write_inputs(tmp_path / "in")),
            warehouse=str(warehouse),
            full_refresh=True,
        )
    assert "participants: expect_column_values_to_be_in_set(side) (1 of 4 rows, e.g. 'visitor')" in str(
        raised.value
    )
    assert "Anna Berg" in str(raised.value)
    assert digest(warehouse) == before
    # Only the warehouse, its lock and the GX Data Docs of this (failed) run: no staging leftovers.
    assert sorted(p.name for p in warehouse.parent.iterdir()) == [
        "data_docs",
        "meetings.duckdb",
        "meetings.duckdb.lock",
    ]


def test_small_batches_and_duplicate_files_give_the_same_tables(two_runs, tmp_path: Path):
    folder = write_inputs(tmp_path / "in")
    (folder / "z_copy.txt").write_text((folder / "a_nz.txt").read_text())
    warehouse = tmp_path / "meetings.duckdb"
    summary = run_flow(stub_transform, input_path=str(folder), warehouse=str(warehouse), batch_size=2)
    assert (summary["files_seen"], summary["articles"], summary["rejects"]) == (6, 3, 2)
    assert analytics_snapshot(warehouse) == two_runs["after_first"]
    # The copy is the same article under a second name, not a reject.
    assert query(
        warehouse,
        "SELECT source_file, is_primary FROM analytics.article_sources WHERE article_id = "
        "(SELECT article_id FROM analytics.meetings WHERE location = 'Shanghai') ORDER BY 1",
    ) == [("a_nz.txt", True), ("z_copy.txt", False)]


@pytest.mark.skipif(
    importlib.util.find_spec("flows.transform.pipeline") is None,
    reason="the real transform is not written yet",
)
def test_real_transform_on_the_seed_articles(dev_flow):
    # the flow on the bundled corpus (conftest.dev_flow: the same run test_end_to_end reads)
    summary, warehouse = dev_flow
    # (files_seen counts sources: a JSONL feed's records each)
    assert summary["files_seen"] == input_sources(PROJECT_ROOT / "seeds" / "articles")
    assert summary["articles"] + summary["rejects"] >= summary["files_seen"]
    assert query(warehouse, "SELECT count(*) FROM analytics.meetings") == [(summary["meetings"],)]
    for name, columns in CONTRACT.items():
        assert query(warehouse, COLUMNS_SQL, [name])[: len(columns)] == columns, name


def test_single_file_without_meetings_still_counts_its_article(prefect_harness, tmp_path: Path):
    folder = write_inputs(tmp_path / "in")
    warehouse = tmp_path / "meetings.duckdb"
    summary = run_flow(stub_transform, input_path=str(folder / "c_weather.txt"), warehouse=str(warehouse))
    assert {
        k: summary[k] for k in ("files_seen", "articles", "meetings", "participants", "themes", "rejects")
    } == {
        "files_seen": 1,
        "articles": 1,
        "meetings": 0,
        "participants": 0,
        "themes": 0,
        "rejects": 0,
    }
    assert query(warehouse, "SELECT source_file, meeting_count FROM core.articles") == [("c_weather.txt", 0)]
    assert query(warehouse, "SELECT count(*) FROM analytics.meetings") == [(0,)]
