"""Atomic publishing with real processes: a reader holding the published file during a run, a run
killed with SIGKILL inside its staging window, and a build that breaks a contract."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import load_without_prefect, stub_transform, write_inputs

from flows.cli import main
from flows.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow

SEEDS = PROJECT_ROOT / "seeds" / "articles"
ITALY, CALIFORNIA = "000_0ee11f2a8dcb9823.txt", "004_0fa582f4bb3a2a9f.txt"

# A BI tool in miniature: one read-only connection, held open, asked every 50 ms what it sees.
READER = r"""
import json, sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
with open(sys.argv[2], "a", buffering=1) as log:
    while True:
        try:
            articles = con.execute("SELECT count(*) FROM analytics.articles").fetchall()[0][0]
            loads = con.execute("SELECT count(*) FROM meta.loads").fetchall()[0][0]
            log.write(json.dumps({"t": time.time(), "articles": articles, "loads": loads}) + "\n")
        except Exception as exc:
            log.write(json.dumps({"t": time.time(), "error": str(exc)}) + "\n")
        time.sleep(0.05)
"""


def query(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wait_for(condition, what: str, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            raise AssertionError(f"process ended (exit {proc.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A published warehouse holding the tiny input (3 articles, one load)."""
    path = tmp_path / "wh" / "meetings.duckdb"
    load_without_prefect(write_inputs(tmp_path / "tiny"), path, build_models=True)
    return path


@pytest.fixture
def seed_input(tmp_path: Path) -> Path:
    """Two seed articles for the real extractor: a run on them adds 2 articles (5 in all)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in (ITALY, CALIFORNIA):
        shutil.copy(SEEDS / name, folder / name)
    return folder


def test_a_reader_holding_the_file_keeps_answering_during_a_whole_run(
    prefect_harness, published: Path, seed_input: Path, tmp_path: Path
):
    log = tmp_path / "reader.log"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(published), str(log)])
    try:
        wait_for(
            lambda: log.exists() and log.read_text().count("\n") >= 1, "the reader's first answer", reader
        )
        started = time.time()
        assert main(["run", "--input", str(seed_input), "--warehouse", str(published), "--quiet"]) == 0
        finished = time.time()
        time.sleep(0.5)
        assert reader.poll() is None, "the reader died during the run"
    finally:
        reader.kill()
        reader.wait(30)

    answers = [json.loads(line) for line in log.read_text().splitlines() if line.endswith("}")]
    assert [a for a in answers if "error" in a] == []
    # Its snapshot stays the file it opened: the previous data, never a half-built state.
    assert {(a["articles"], a["loads"]) for a in answers} == {(3, 1)}
    during = [a["t"] for a in answers if started <= a["t"] <= finished]
    assert len(during) >= 10, f"only {len(during)} answers during a {finished - started:.1f} s run"
    times = [a["t"] for a in answers]
    assert times[-1] > finished  # still answering after the run
    gaps = [b - a for a, b in itertools.pairwise(times) if started <= b <= finished]
    assert max(gaps) < 3.0, f"the reader stalled for {max(gaps):.1f} s"
    # A new connection sees the run's data.
    assert query(published, "SELECT count(*) FROM analytics.articles") == [(5,)]
    assert query(published, "SELECT count(*) FROM meta.loads") == [(2,)]
    assert query(published, f"SELECT count(*) FROM analytics.participants WHERE source_file = '{ITALY}'") == [
        (3,)
    ]


def test_a_run_killed_in_its_build_stage_leaves_the_previous_warehouse(
    prefect_harness, published: Path, seed_input: Path, tmp_path: Path
):
    from prefect.settings import PREFECT_API_URL

    before = digest(published)
    script = Path(sys.executable).parent / "meetings"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "flows.cli"]
    stderr = tmp_path / "run.err"
    env = {
        **os.environ,
        "PREFECT_API_URL": PREFECT_API_URL.value(),  # the session's test server: no server start-up
        "MEETINGS_HOLD_BEFORE_STAGE": "models",
        "MEETINGS_HOLD_SECONDS": "120",
    }
    with open(stderr, "w") as err:
        run = subprocess.Popen(
            [*command, "run", "--input", str(seed_input), "--warehouse", str(published), "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
    try:
        wait_for(lambda: "holding before stage models" in stderr.read_text(), "the build stage", run)
        staging = published.with_name(f"meetings.duckdb.staging-{run.pid}")
        # The run is mid-way: its staging file holds the loaded rows, the published file doesn't.
        assert query(staging, "SELECT count(*) FROM core.articles") == [(5,)]
        os.kill(run.pid, signal.SIGKILL)
        assert run.wait(30) == -signal.SIGKILL
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(30)

    assert digest(published) == before
    assert query(published, "SELECT count(*) FROM analytics.articles") == [(3,)]
    assert query(published, "SELECT count(*), min(status) FROM meta.loads") == [(1, "success")]
    assert staging.exists()  # the crashed run's leftover, removed by the next run

    assert main(["run", "--input", str(seed_input), "--warehouse", str(published), "--quiet"]) == 0
    assert query(published, "SELECT count(*) FROM analytics.articles") == [(5,)]
    assert query(published, "SELECT count(*) FROM meta.loads") == [(2,)]
    # no staging file left; only the GX Data Docs of a validation may sit beside (flows/data_docs.py)
    assert sorted(p.name for p in published.parent.iterdir() if p.name != "data_docs") == [
        "meetings.duckdb",
        "meetings.duckdb.lock",
    ]


def test_a_model_that_breaks_its_contract_fails_the_run_and_publishes_nothing(
    prefect_harness, published: Path, tmp_path: Path, monkeypatch, capsys
):
    import flows.pipeline as pipeline

    monkeypatch.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
    monkeypatch.setattr(pipeline, "run_transform", stub_transform)
    sql = Path(shutil.copytree(PROJECT_ROOT / "sql", tmp_path / "sql"))
    model = sql / "marts" / "meetings_by_month.v1.sql"
    text = model.read_text()
    assert text.count("AS BIGINT) AS undated_meetings") == 1
    model.write_text(text.replace("AS BIGINT) AS undated_meetings", "AS BIGINT) AS meetings_without_date"))
    monkeypatch.setenv("MEETINGS_SQL_DIR", str(sql))
    before = digest(published)
    assert main(["run", "--input", str(tmp_path / "tiny"), "--warehouse", str(published)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "meetings: run failed: model meetings_by_month v1 (analytics.meetings_by_month_v1) does not match "
        "its contract meetings_by_month.v1.yml: column undated_meetings (BIGINT) is missing; "
        "column meetings_without_date (BIGINT) is not in the contract"
    )
    assert err.rstrip().endswith(f"Nothing was published: {published} is unchanged.")
    assert digest(published) == before


def test_a_tool_holding_the_file_read_write_fails_the_run_with_a_reason(published: Path, tmp_path: Path):
    """The one thing that blocks a run: DuckDB allows one writer or many readers, never both."""
    from flows import load

    ready = tmp_path / "ready"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, pathlib, sys, time; con = duckdb.connect(sys.argv[1]); "
            "pathlib.Path(sys.argv[2]).touch(); time.sleep(120)",
            str(published),
            str(ready),
        ]
    )
    try:
        wait_for(ready.exists, "the read-write connection", holder)
        before = digest(published)
        with pytest.raises(load.LoadError) as raised:
            load.prepare_staging(published, "v1.5.0")
    finally:
        holder.kill()
        holder.wait(30)
    message = str(raised.value)
    assert message.startswith(f"{published} is open read-write in another process")
    assert f"(PID {holder.pid})" in message
    assert message.endswith(
        "BI tools and notebooks must open the warehouse read-only (see README, 'Connect a BI tool')"
    )
    assert digest(published) == before
    # no staging file left; only the GX Data Docs of a validation may sit beside (flows/data_docs.py)
    assert sorted(p.name for p in published.parent.iterdir() if p.name != "data_docs") == [
        "meetings.duckdb",
        "meetings.duckdb.lock",
    ]
