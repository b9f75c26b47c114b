"""The scheduled deployment and what runs report, against a real Prefect API (the session harness).

The transform is the conftest stub, so the warehouse rows are exactly known; everything else is
the real flow: Prefect tasks, retries, GX, DuckDB, artifacts and run logs.
"""

from __future__ import annotations

import errno
from pathlib import Path
from uuid import UUID

import duckdb
import pytest
from conftest import bad_side_transform, stub_transform, write_inputs

import flows.pipeline as pipeline
from flows import deployment, run_artifact
from flows.settings import Settings

pytestmark = pytest.mark.slow

STAGES = ["extract", "transform", "validate", "load", "models", "publish"]


def query(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def client():
    from prefect import get_client

    return get_client(sync_client=True)


def flow_run_of(state) -> UUID:
    return state.state_details.flow_run_id


def task_run(flow_run_id: UUID, task_name: str):
    """The one run of task `task_name` in the flow run (run names get a random suffix)."""
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with client() as c:
        runs = c.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    [run] = [r for r in runs if r.name.rsplit("-", 1)[0] == task_name]
    return run


def artifact_markdown(flow_run_id: UUID) -> list[str]:
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with client() as c:
        artifacts = c.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
        )
    return [a.data for a in artifacts if a.key == run_artifact.ARTIFACT_KEY and a.type == "markdown"]


def run_log_messages(flow_run_id: UUID) -> list[str]:
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)  # run logs are sent in batches
    with client() as c:
        logs = c.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
    return [log.message for log in logs]


def test_io_tasks_retry_with_backoff_and_have_a_time_limit():
    for io_task in (pipeline.list_inputs_task, pipeline.reference_task, pipeline.publish_task):
        assert (io_task.retries, io_task.retry_delay_seconds, io_task.timeout_seconds) == (3, [2, 4, 8], 600)
    # Extract batches run in worker threads, where a timeout can't interrupt a blocked read: retries only.
    assert (pipeline.extract_task.retries, pipeline.extract_task.timeout_seconds) == (3, None)
    assert pipeline.validate_task.retries == 0  # bad data stays bad: no retry


def test_deployment_is_registered_with_its_cron_and_a_triggered_run_completes(
    prefect_harness, stubbed_transform, input_dir: Path, tmp_path: Path
):
    from prefect.deployments import run_deployment
    from prefect.flow_engine import run_flow

    warehouse = tmp_path / "wh" / "meetings.duckdb"
    settings = Settings().with_overrides(
        input_path=input_dir, warehouse=warehouse, schedule_timezone="Europe/Rome", work_pool="meetings-test"
    )
    registered = deployment.deploy(settings)

    with client() as c:
        stored = c.read_deployment_by_name("meetings-etl/daily")
        pool = c.read_work_pool("meetings-test")
    assert stored.id == registered.deployment_id
    assert [(s.schedule.cron, s.schedule.timezone, s.active) for s in stored.schedules] == [
        ("0 6 * * *", "Europe/Rome", True)
    ]
    assert stored.parameters == {"input_path": str(input_dir), "warehouse": str(warehouse)}
    assert (stored.work_pool_name, pool.type) == ("meetings-test", "process")
    assert stored.entrypoint == "flows.pipeline.meetings_etl"

    # An ad-hoc run, as `prefect deployment run meetings-etl/daily` creates it; executed here in
    # process, as a worker or `meetings serve` would execute it in a subprocess.
    flow_run = run_deployment("meetings-etl/daily", timeout=0)
    assert flow_run.state.is_scheduled()
    assert not warehouse.exists()
    run_flow(pipeline.meetings_etl, flow_run=flow_run, return_type="state")

    with client() as c:
        finished = c.read_flow_run(flow_run.id)
    assert (finished.state.type.value, finished.deployment_id) == ("COMPLETED", stored.id)
    assert query(warehouse, "SELECT location, counterpart_countries FROM analytics.meetings ORDER BY 1") == [
        ("Shanghai", ["NZ"]),
        ("Suzhou", ["SE"]),
    ]
    assert query(
        warehouse, "SELECT person_name, side FROM analytics.participants ORDER BY side, person_name"
    ) == [("Anna Berg", "guest"), ("Fiona Pemberton", "guest"), ("Lu Jianhua", "host"), ("Wang Wei", "host")]
    assert query(warehouse, "SELECT status, files_seen, rejects FROM meta.loads") == [("success", 5, 2)]


def test_deploy_and_serve_refuse_without_a_server(monkeypatch):
    monkeypatch.setattr(deployment, "api_url", lambda: None)
    for command in (deployment.deploy, deployment.serve):
        with pytest.raises(deployment.NoServer, match="PREFECT_API_URL"):
            command(Settings())


@pytest.fixture(scope="module")
def flaky_run(prefect_harness, tmp_path_factory):
    """One run whose first listing of the inputs fails with an I/O error (a share that hiccups)."""
    root = tmp_path_factory.mktemp("flaky")
    folder = write_inputs(root / "input")
    warehouse = root / "wh" / "meetings.duckdb"
    calls: list[str] = []
    real = pipeline.list_inputs

    def flaky_list_inputs(path):
        calls.append(str(path))
        if len(calls) == 1:
            raise OSError(errno.EIO, "Input/output error (injected)", str(path))
        return real(path)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "run_transform", stub_transform)
        mp.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
        mp.setattr(pipeline, "list_inputs", flaky_list_inputs)
        # The real backoff (2 s, 4 s, 8 s) is checked above; here only the retry counts.
        mp.setattr(
            pipeline, "list_inputs_task", pipeline.list_inputs_task.with_options(retry_delay_seconds=0)
        )
        state = pipeline.meetings_etl(input_path=str(folder), warehouse=str(warehouse), return_state=True)
    return {"state": state, "calls": calls, "folder": folder, "warehouse": warehouse}


def test_an_injected_read_failure_is_retried_then_the_run_succeeds(flaky_run):
    state = flaky_run["state"]
    assert state.is_completed()
    assert flaky_run["calls"] == [str(flaky_run["folder"])] * 2
    summary = state.result()
    assert (summary["files_seen"], summary["articles"], summary["meetings"], summary["rejects"]) == (
        5,
        3,
        2,
        2,
    )
    listing = task_run(flow_run_of(state), "list-inputs")
    assert (listing.run_count, listing.state.type.value) == (2, "COMPLETED")
    messages = run_log_messages(flow_run_of(state))
    assert any("Input/output error (injected)" in m and "Retry 1/3" in m for m in messages)


def test_run_logs_go_through_the_run_logger_stage_by_stage(flaky_run):
    messages = run_log_messages(flow_run_of(flaky_run["state"]))
    for stage in STAGES:
        assert f"stage {stage} started" in messages
        assert any(m.startswith(f"stage {stage} finished in ") for m in messages)
    load_id = flaky_run["state"].result()["load_id"]
    assert (
        f"run {load_id} published to {flaky_run['warehouse']}: files_seen 5, articles 3, articles_new 3, "
        "meetings 2, participants 4, themes 3, rejects 2" in messages
    )


def test_the_artifact_of_a_run_holds_its_counts(flaky_run):
    state = flaky_run["state"]
    load_id = state.result()["load_id"]
    [markdown] = artifact_markdown(flow_run_of(state))
    assert markdown.startswith(f"# meetings-etl run `{load_id}`: published\n")
    assert (
        "| articles | new articles | meetings | participants | themes | agreements | rejects |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 3 | 3 | 2 | 4 | 3 | 0 | 2 |"
    ) in markdown
    assert "## Rejects: 2" in markdown
    assert "| d_scan.pdf | extract | unsupported format: .pdf |" in markdown
    assert "## Data quality: 31 of 31 expectations passed" in markdown
    assert "| participants | 9 | 0 |" in markdown
    # Newest first: the Suzhou meeting (2024-05-06) before the Shanghai one (2024-03-21).
    assert markdown.index("| 2024-05-06 | Suzhou | Wang Wei | Anna Berg | SE |") < markdown.index(
        "| 2024-03-21 | Shanghai | Lu Jianhua | Fiona Pemberton | NZ |"
    )


def test_a_validation_failure_ends_the_run_failed_naming_stage_and_expectation(
    prefect_harness, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(pipeline, "run_transform", bad_side_transform)
    monkeypatch.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
    warehouse = tmp_path / "wh" / "meetings.duckdb"
    state = pipeline.meetings_etl(
        input_path=str(write_inputs(tmp_path / "in")), warehouse=str(warehouse), return_state=True
    )
    with client() as c:
        stored = c.read_flow_run(flow_run_of(state)).state
    assert stored.type.value == "FAILED"
    assert stored.message == (
        "stage validate failed: ValidationFailed: data validation failed: 1 expectation(s) failed: "
        "participants: expect_column_values_to_be_in_set(side) (1 of 4 rows, e.g. 'visitor')."
    )
    assert not warehouse.exists()
    [markdown] = artifact_markdown(flow_run_of(state))
    assert markdown.startswith("# meetings-etl run failed at stage validate\n")
    assert '| participants | expect_column_values_to_be_in_set(side) | 1 of 4 | ["visitor"] |' in markdown
    assert "30 of 31 expectations passed." in markdown
    # The GX Data Docs of this run show the failure, with the failing value.
    page = next((warehouse.parent / "data_docs" / "validations" / "participants").rglob("*.html"))
    assert "visitor" in page.read_text(encoding="utf-8")
    assert "participants" in (warehouse.parent / "data_docs" / "index.html").read_text(encoding="utf-8")


def test_a_missing_input_is_not_retried_and_the_failure_names_stage_extract(prefect_harness, tmp_path: Path):
    missing = tmp_path / "nowhere"
    state = pipeline.meetings_etl(
        input_path=str(missing), warehouse=str(tmp_path / "w.duckdb"), return_state=True
    )
    with client() as c:
        stored = c.read_flow_run(flow_run_of(state)).state
    assert stored.message == (
        f"stage extract failed: FileNotFoundError: input path does not exist: {missing}"
    )
    listing = task_run(flow_run_of(state), "list-inputs")
    assert (listing.run_count, listing.state.type.value) == (1, "FAILED")
