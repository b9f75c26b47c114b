"""The `meetings` console script: `meetings sql` (read-only) and `meetings run` (exit codes, summary)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import bad_side_transform, load_without_prefect, stub_transform, write_inputs

from flows.cli import main


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    path = root / "meetings.duckdb"
    load_without_prefect(write_inputs(root / "in"), path, build_models=True)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


SELECT = "SELECT location, counterpart_countries, meeting_date FROM analytics.meetings ORDER BY location"


def test_sql_csv(warehouse: Path, capsys):
    assert main(["sql", SELECT, "--warehouse", str(warehouse), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["location", "counterpart_countries", "meeting_date"],
        ["Shanghai", '["NZ"]', "2024-03-21"],
        ["Suzhou", '["SE"]', "2024-05-06"],
    ]


def test_sql_json_and_markdown_and_table(warehouse: Path, capsys):
    assert main(["sql", SELECT, "--warehouse", str(warehouse), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0] == {
        "location": "Shanghai",
        "counterpart_countries": ["NZ"],
        "meeting_date": "2024-03-21",
    }
    assert main(["sql", SELECT, "--warehouse", str(warehouse), "--format", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "| location | counterpart_countries | meeting_date |",
        "| --- | --- | --- |",
        '| Shanghai | ["NZ"] | 2024-03-21 |',
    ]
    assert (
        main(["sql", "SELECT count(*) AS n FROM analytics.participants", "--warehouse", str(warehouse)]) == 0
    )
    assert capsys.readouterr().out.splitlines() == ["n", "-", "4", "(1 row)"]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM core.meetings",
        "INSERT INTO core.themes VALUES ('x', 'y', 'z')",
        "CREATE TABLE analytics.junk AS SELECT 1",
        "DROP VIEW analytics.meetings",
        "COPY (SELECT 1) TO 'leak.csv'",
    ],
)
def test_sql_refuses_writes(warehouse: Path, statement: str, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = digest(warehouse)
    assert main(["sql", statement, "--warehouse", str(warehouse)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "meetings: refused: `meetings sql` opens the warehouse through a read-only connection"
    )
    assert digest(warehouse) == before
    assert list(tmp_path.iterdir()) == []


def test_sql_reports_missing_warehouse_and_bad_sql(tmp_path: Path, warehouse: Path, capsys):
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert "no warehouse at" in capsys.readouterr().err
    assert main(["sql", "SELECT nope FROM analytics.meetings", "--warehouse", str(warehouse)]) == 1
    assert 'Referenced column "nope" not found' in capsys.readouterr().err


def test_console_script_runs_sql(warehouse: Path):
    script = Path(sys.executable).parent / "meetings"
    if not script.exists():
        pytest.skip("package not installed as a console script in this environment")
    done = subprocess.run(
        [
            str(script),
            "sql",
            "SELECT count(*) AS n FROM analytics.meetings",
            "--warehouse",
            str(warehouse),
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (0, "n\n2\n")


@pytest.mark.slow
def test_run_prints_summary_then_fails_on_bad_data(prefect_harness, tmp_path: Path, monkeypatch, capsys):
    import flows.pipeline as pipeline

    monkeypatch.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
    monkeypatch.setattr(pipeline, "run_transform", stub_transform)
    folder = write_inputs(tmp_path / "in")
    warehouse = tmp_path / "wh" / "meetings.duckdb"
    args = ["run", "--input", str(folder), "--warehouse", str(warehouse)]
    assert main([*args, "--quiet"]) == 0
    assert capsys.readouterr().out == "articles=3 meetings=2 participants=4 themes=3 rejects=2\n"

    before = digest(warehouse)
    monkeypatch.setattr(pipeline, "run_transform", bad_side_transform)
    assert main([*args, "--full-refresh"]) == 1  # the unchanged input is only transformed again in full
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("meetings: data validation failed: 1 expectation(s) failed: ")
    assert "participants: expect_column_values_to_be_in_set(side)" in captured.err
    assert captured.err.rstrip().endswith(f"Nothing was published: {warehouse} is unchanged.")
    assert digest(warehouse) == before


@pytest.mark.slow
def test_run_reports_a_missing_input_in_one_paragraph(prefect_harness, tmp_path: Path, monkeypatch, capsys):
    assert main(["run", "--input", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.duckdb")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("meetings: run failed: input path does not exist: ")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "w.duckdb").exists()
