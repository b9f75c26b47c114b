"""What BI tools see: SQLAlchemy + duckdb-engine read-only (as Superset connects), the Parquet
export, and the generated data dictionary."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import duckdb
import pytest
import sqlalchemy as sa

from flows import dictionary
from flows.cli import main
from flows.export import ExportError, export
from flows.models import discover_models
from flows.settings import PROJECT_ROOT

SQL_DIR = PROJECT_ROOT / "sql"
MODELS = discover_models(SQL_DIR)
LATEST = sorted(m.name for m in MODELS if m.is_latest)


def superset_uri(path: Path) -> str:
    """The URI the README gives for Superset / SQLAlchemy."""
    return f"duckdb:///{path}?access_mode=read_only"


def test_sqlalchemy_inspector_lists_every_analytics_view_with_columns(stub_warehouse: Path):
    engine = sa.create_engine(superset_uri(stub_warehouse))
    try:
        inspector = sa.inspect(engine)
        expected_views = sorted({m.view for m in MODELS} | set(LATEST))
        assert sorted(inspector.get_view_names(schema="analytics")) == expected_views
        assert len(expected_views) == 27
        with warnings.catch_warnings():
            # duckdb-engine reflects LIST columns (meetings.counterpart_countries) as NullType, with a warning.
            warnings.filterwarnings("ignore", message="Did not recognize type 'list'")
            for model in MODELS:
                for view in (model.view, model.name) if model.is_latest else (model.view,):
                    columns = inspector.get_columns(view, schema="analytics")
                    assert [(c["name"], c["comment"]) for c in columns] == [
                        (c.name, c.description) for c in model.contract.columns
                    ], view
            assert inspector.get_table_comment("counterpart_summary", schema="analytics")["text"].startswith(
                "What each counterpart country or region met about"
            )
            types = {
                c["name"]: c["type"] for c in inspector.get_columns("meetings_by_month", schema="analytics")
            }
        assert isinstance(types["month"], sa.Date) and isinstance(types["meetings"], sa.BigInteger)

        with engine.connect() as con:
            rows = con.execute(
                sa.text(
                    "SELECT country_name, meetings, top_hosts FROM analytics.counterpart_summary ORDER BY 1"
                )
            ).all()
            assert [tuple(r) for r in rows] == [("New Zealand", 1, "Lu Jianhua"), ("Sweden", 1, "Wang Wei")]
            with pytest.raises(sa.exc.ProgrammingError, match="read-only mode"):
                con.execute(sa.text("CREATE TABLE analytics.junk AS SELECT 1"))
    finally:
        engine.dispose()


def test_export_writes_every_latest_model_as_parquet(stub_warehouse: Path, tmp_path: Path, capsys):
    out = tmp_path / "parquet"
    assert main(["export", "--format", "parquet", str(out), "--warehouse", str(stub_warehouse)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"{out / 'agreements.parquet'}  0 rows"
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.parquet" for name in LATEST]  # no partial files
    con = duckdb.connect()
    wh = duckdb.connect(str(stub_warehouse), read_only=True)
    try:
        for name in LATEST:
            file = str(out / f"{name}.parquet")
            assert (
                con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [file]).fetchall()
                == wh.execute(f"DESCRIBE SELECT * FROM analytics.{name}").fetchall()
            ), name
            sql = "SELECT * FROM {} ORDER BY ALL"
            assert (
                con.execute(sql.format(f"read_parquet('{file}')")).fetchall()
                == wh.execute(sql.format(f"analytics.{name}")).fetchall()
            ), name
    finally:
        con.close()
        wh.close()


def test_export_refuses_a_missing_warehouse(tmp_path: Path, capsys):
    with pytest.raises(ExportError, match="no warehouse at"):
        export(tmp_path / "none.duckdb", tmp_path / "out")
    assert main(["export", str(tmp_path / "out"), "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert capsys.readouterr().err.startswith("meetings: no warehouse at ")


def test_data_dictionary_is_current():
    """docs/warehouse.md is what the contracts say: after editing a YAML, run `make docs`."""
    committed = (PROJECT_ROOT / "docs" / "warehouse.md").read_text(encoding="utf-8")
    assert dictionary.render(SQL_DIR) == committed, "docs/warehouse.md is stale: run `meetings docs`"
    for name in LATEST:
        assert f"\n### analytics.{name}\n" in committed
    assert "| `counterpart_countries` | VARCHAR[] | ISO 3166-1 alpha-2 codes of the guest side" in committed
    assert "\n### meta.models\n" in committed


def test_docs_check_fails_when_a_description_changes(tmp_path: Path, monkeypatch, capsys):
    sql = Path(shutil.copytree(SQL_DIR, tmp_path / "sql"))
    output = tmp_path / "warehouse.md"
    shutil.copy(PROJECT_ROOT / "docs" / "warehouse.md", output)
    monkeypatch.setenv("MEETINGS_SQL_DIR", str(sql))
    assert main(["docs", "--check", "--output", str(output)]) == 0
    yml = sql / "marts" / "themes.v1.yml"
    yml.write_text(yml.read_text().replace("Short human-readable name", "Display name"))
    assert main(["docs", "--check", "--output", str(output)]) == 1
    assert "is stale: run `meetings docs`" in capsys.readouterr().err
    assert main(["docs", "--output", str(output)]) == 0
    assert "| `label` | VARCHAR | Display name of the theme. |" in output.read_text()
    assert main(["docs", "--check", "--output", str(output)]) == 0
