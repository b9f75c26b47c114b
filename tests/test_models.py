"""flows/models.py: discovery, dependency order and view building of versioned SQL models."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.models import ModelError, build_models, build_order, dependencies, discover_models
from flows.settings import PROJECT_ROOT

SQL_DIR = PROJECT_ROOT / "sql"


def contract(*columns: str, grain: str = "one row per number") -> str:
    """A minimal contract YAML: `name TYPE` per column."""
    lines = ["description: A test model.", f"grain: {grain}", "columns:"]
    for column in columns:
        name, data_type = column.split(" ", 1)
        lines += [f"  - name: {name}", f"    data_type: {data_type}", f"    description: The {name}."]
    return "\n".join(lines) + "\n"


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


@pytest.fixture
def base_db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA core")
    con.execute("CREATE TABLE core.nums AS SELECT range AS n FROM range(5)")
    con.close()
    return path


def test_project_models_are_the_contract_ones_with_grain_comments():
    models = discover_models(SQL_DIR)
    assert [(m.name, m.version, m.is_latest) for m in models] == [
        ("agreements", 1, True),
        ("article_sources", 1, True),
        ("articles", 1, True),
        ("counterpart_summary", 1, True),
        ("countries", 1, True),
        ("meeting_events", 1, True),
        ("meeting_themes", 1, True),
        ("meetings", 1, True),
        ("meetings_by_month", 1, True),
        ("participants", 1, False),
        ("participants", 2, True),
        ("people", 1, True),
        ("theme_trends", 1, True),
        ("themes", 1, True),
    ]
    for model in models:
        assert model.path.read_text().startswith("-- Grain: one row per ")
        assert len(model.checksum) == 64
        assert model.contract is not None and model.contract.grain.startswith("one row per ")


def test_versions_and_dependencies_build_in_order(tmp_path: Path, base_db: Path):
    sql = write(
        tmp_path / "sql",
        {
            # The mart reads the latest staging model and pins v1 of another: both must come first.
            "marts/report.v1.sql": "-- Grain: one row.\nSELECT (SELECT count(*) FROM analytics.stg_nums) AS latest_rows,"
            " (SELECT count(*) FROM analytics.stg_nums_v1) AS v1_rows",
            "marts/report.v1.yml": contract("latest_rows BIGINT", "v1_rows BIGINT", grain="one row"),
            "staging/stg_nums.v1.sql": "-- Grain: one row per number.\nSELECT n FROM core.nums;",
            "staging/stg_nums.v1.yml": contract("n BIGINT"),
            "staging/stg_nums.v2.sql": "-- Grain: one row per even number.\nSELECT n FROM core.nums WHERE n % 2 = 0",
            "staging/stg_nums.v2.yml": contract("n BIGINT"),
        },
    )
    models = discover_models(sql)
    report = next(m for m in models if m.name == "report")
    assert dependencies(report, models) == {("stg_nums", 2), ("stg_nums", 1)}
    assert [m.view for m in build_order(models)] == ["stg_nums_v1", "stg_nums_v2", "report_v1"]

    built = build_models(base_db, sql, load_id="L1")
    assert built.select("name", "version", "is_latest", "row_count").rows() == [
        ("stg_nums", 1, False, 5),
        ("stg_nums", 2, True, 3),
        ("report", 1, True, 1),
    ]
    con = duckdb.connect(str(base_db), read_only=True)
    assert con.execute("SELECT latest_rows, v1_rows FROM analytics.report").fetchall() == [(3, 5)]
    assert con.execute("SELECT count(*) FROM analytics.stg_nums").fetchall() == [(3,)]
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = 'analytics' ORDER BY 1"
    ).fetchall()
    assert views == [("report",), ("report_v1",), ("stg_nums",), ("stg_nums_v1",), ("stg_nums_v2",)]
    assert con.execute("SELECT name, version, load_id FROM meta.models ORDER BY 1, 2").fetchall() == [
        ("report", 1, "L1"),
        ("stg_nums", 1, "L1"),
        ("stg_nums", 2, "L1"),
    ]
    con.close()


def test_row_counts_are_reused_only_when_asked_and_for_unchanged_sql(tmp_path: Path, base_db: Path):
    sql = write(
        tmp_path / "sql",
        {
            "staging/stg_nums.v1.sql": "-- Grain: one row per number.\nSELECT n FROM core.nums",
            "staging/stg_nums.v1.yml": contract("n BIGINT"),
            "staging/odd_nums.v1.sql": "-- Grain: one row per odd number.\nSELECT n FROM core.nums WHERE n % 2 = 1",
            "staging/odd_nums.v1.yml": contract("n BIGINT"),
        },
    )
    counts = lambda built: dict(zip(built["name"], built["row_count"], strict=True))  # noqa: E731
    assert counts(build_models(base_db, sql, load_id="L1")) == {"odd_nums": 2, "stg_nums": 5}
    # The caller vouches that core did not change: the recorded counts are taken as they are (the
    # row added behind its back shows that no view was counted) ...
    con = duckdb.connect(str(base_db))
    con.execute("INSERT INTO core.nums VALUES (5)")
    con.close()
    assert counts(build_models(base_db, sql, load_id="L2", reuse_row_counts=True)) == {
        "odd_nums": 2,
        "stg_nums": 5,
    }
    # ... except for a model whose SQL changed since; without the promise everything is counted.
    write(
        sql,
        {
            "staging/odd_nums.v1.sql": "-- Grain: one row per odd number.\nSELECT n FROM core.nums WHERE n % 2 = 1 "
        },
    )
    assert counts(build_models(base_db, sql, load_id="L3", reuse_row_counts=True)) == {
        "odd_nums": 3,
        "stg_nums": 5,
    }
    assert counts(build_models(base_db, sql, load_id="L4")) == {"odd_nums": 3, "stg_nums": 6}


def test_references_in_comments_and_strings_are_not_dependencies(tmp_path: Path):
    sql = write(
        tmp_path / "sql",
        {
            "a.v1.sql": "-- reads analytics.nothing\nSELECT 'analytics.ghost' AS s /* analytics.none */ FROM core.nums"
        },
    )
    (model,) = discover_models(sql)
    assert dependencies(model, [model]) == set()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"a.v1.sql": "SELECT * FROM analytics.b", "b.v1.sql": "SELECT * FROM analytics.a"},
            "cycle: a_v1 -> b_v1",
        ),
        ({"a.v1.sql": "SELECT * FROM analytics.missing"}, "analytics.missing is not a model"),
        ({"a.v1.sql": "DELETE FROM core.nums"}, "must be a SELECT"),
        ({"a.v1.sql": "SELECT 1; DROP TABLE core.nums"}, "one SELECT statement"),
        ({"a.sql": "SELECT 1"}, "named <name>.v<N>.sql"),
        ({"x/a.v1.sql": "SELECT 1", "y/a.v1.sql": "SELECT 2"}, "also defined in"),
    ],
)
def test_invalid_models_are_refused(tmp_path: Path, files: dict[str, str], message: str):
    sql = write(tmp_path / "sql", files)
    with pytest.raises(ModelError, match=message):
        build_order(discover_models(sql))


def test_sql_error_names_the_file_and_leaves_no_views(tmp_path: Path, base_db: Path):
    sql = write(
        tmp_path / "sql",
        {
            "ok.v1.sql": "SELECT n FROM core.nums",
            "ok.v1.yml": contract("n BIGINT"),
            "bad.v1.sql": "SELECT nope FROM core.nums",
            "bad.v1.yml": contract("nope BIGINT"),
        },
    )
    with pytest.raises(ModelError, match=r"bad\.v1\.sql: .*nope"):
        build_models(base_db, sql, load_id="L1")
    con = duckdb.connect(str(base_db), read_only=True)
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE schema_name = 'analytics'").fetchall() == [
        (0,)
    ]
    con.close()
