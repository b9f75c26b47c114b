"""The Prefect 3 flow `meetings-etl`: extract -> transform -> validate -> load -> build models -> publish.

Tasks are one per stage, or one per batch of files for extract and transform (never one per
document: each task run costs Prefect bookkeeping). Task bodies only call module functions; the flow
is a few small stage functions. Nothing reaches the published warehouse unless every stage passed.

A run holds the warehouse's writer lock from start to publish and is incremental by content
(flows/incremental.py): unchanged files are not decoded or transformed, and only new or changed
articles reach the transform.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from flows.settings import Settings, configure_prefect_environment

configure_prefect_environment()  # offline, project-local, quiet: before prefect is imported

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.utilities.hashing import file_hash  # noqa: E402

from flows import batches, faults, incremental, load, models, observe  # noqa: E402
from flows.extract import Extracted, extract_files, list_inputs  # noqa: E402
from flows.io_policy import io_task_options  # noqa: E402
from flows.transform import Tables  # noqa: E402
from flows.validate import validate_tables  # noqa: E402


def load_reference_data(reference_dir: Path):
    """The extractor's reference lookups (imported lazily: the transform package loads them)."""
    from flows.transform.reference import load_reference

    return load_reference(Path(reference_dir))


def run_transform(documents: pl.DataFrame, reference) -> Tables:
    from flows.transform import transform

    return transform(documents, reference)


# Retries with backoff and timeouts (flows/io_policy.py); submitted tasks run in worker threads.
IO_TASK_OPTIONS = io_task_options(Settings())
IO_SUBMITTED_TASK_OPTIONS = io_task_options(Settings(), timeout=False)


# Inputs are frames: hashing them for Prefect's cache would cost more than the work itself.
@task(name="list-inputs", cache_policy=NO_CACHE, **IO_TASK_OPTIONS)
def list_inputs_task(input_path: Path) -> list[tuple[Path, str]]:
    return list_inputs(input_path)


@task(
    name="extract", task_run_name="extract-batch-{index}", cache_policy=NO_CACHE, **IO_SUBMITTED_TASK_OPTIONS
)
def extract_task(
    files: list[tuple[Path, str]], max_bytes: int, index: int, known: dict[str, str] | None = None
) -> Extracted:
    return extract_files(files, max_bytes, known)


@task(name="plan", cache_policy=NO_CACHE)
def plan_task(
    settings: Settings, previous: incremental.Previous, extracted: Extracted, files: list[tuple[Path, str]]
) -> incremental.Plan:
    by_name = {relative: path for path, relative in files}

    def reread(names: list[str]) -> pl.DataFrame:
        return extract_files([(by_name[n], n) for n in names], settings.max_file_bytes).documents

    return incremental.plan(
        previous,
        extracted,
        [relative for _, relative in files],
        reread,
        prune=settings.prune,
        full_refresh=settings.full_refresh,
    )


@task(name="reference", cache_policy=NO_CACHE, **IO_TASK_OPTIONS)
def reference_task(reference_dir: Path):
    return load_reference_data(reference_dir)


@task(name="transform", task_run_name="transform-batch-{index}", cache_policy=NO_CACHE)
def transform_task(documents: pl.DataFrame, reference, index: int) -> Tables:
    return run_transform(documents, reference)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(
    tables: Tables, expectations_dir: Path, sample_size: int, data_docs_dir: Path | None = None
) -> pl.DataFrame:
    validation = validate_tables(tables, expectations_dir, sample_size, data_docs_dir)
    validation.raise_if_failed()
    return validation.results


@task(name="stage", cache_policy=NO_CACHE)
def stage_task(settings: Settings) -> Path:
    return load.prepare_staging(
        settings.warehouse, settings.storage_compatibility_version, settings.full_refresh
    )


@task(name="load", cache_policy=NO_CACHE)
def load_task(staging: Path, run: load.RunData) -> load.LoadStats:
    return load.load_run(staging, run)


@task(name="build-models", cache_policy=NO_CACHE)
def models_task(staging: Path, sql_dir: Path, load_id: str) -> pl.DataFrame:
    return models.build_models(staging, sql_dir, load_id)


@task(name="publish", cache_policy=NO_CACHE, **IO_TASK_OPTIONS)
def publish_task(staging: Path, published: Path, load_id: str) -> None:
    load.publish(staging, published, load_id)


class StageTimer:
    """Wall-clock seconds per stage, for the run summary."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            with observe.stage(stage):  # run logger, progress listeners, failures named by stage
                yield
        finally:
            self.seconds[stage] = round(self.seconds.get(stage, 0.0) + time.perf_counter() - start, 3)


def extract_stage(settings: Settings, previous: incremental.Previous) -> incremental.Plan:
    """All input files, read in batches (one task each); files unchanged since the last load are
    only hashed. Then the plan: which inputs are new, changed, unchanged or rejected, what to build."""
    files = list_inputs_task(settings.input_path)
    known = {} if settings.full_refresh else previous.known_hashes()
    chunks = batches.split_batches(files, settings.batch_size)
    futures = [
        extract_task.submit(chunk, settings.max_file_bytes, i, known) for i, chunk in enumerate(chunks)
    ]
    extracted = batches.combine_extracted([f.result() for f in futures])
    return plan_task(settings, previous, extracted, files)


def transform_stage(documents: pl.DataFrame, settings: Settings) -> Tables:
    """Per-batch transform of the documents, combined into one set of tables (none: no work)."""
    if documents.height == 0:
        return batches.empty_tables()
    reference = reference_task(settings.reference_dir)
    size = max(1, settings.batch_size)
    parts = [documents.slice(offset, size) for offset in range(0, documents.height, size)] or [documents]
    futures = [transform_task.submit(part, reference, i) for i, part in enumerate(parts)]
    return batches.combine_tables([f.result() for f in futures])


def publish_stage(settings: Settings, run: load.RunData, timer: StageTimer) -> load.LoadStats:
    """Load and build models in a staging file, then swap it in; on any failure drop the staging file.
    Call with the warehouse lock held (the flow holds it for the whole run)."""
    staging = stage_task(settings)
    try:
        faults.hold_before(settings, "load")
        with timer("load"):
            stats = load_task(staging, run)
        faults.hold_before(settings, "models")
        with timer("models"):
            models_task(staging, settings.sql_dir, run.load_id)
        faults.hold_before(settings, "publish")
        with timer("publish"):
            publish_task(staging, settings.warehouse, run.load_id)
    except BaseException:
        load.discard(staging)
        raise
    return stats


# Prefect versions a flow by hashing its function's file, which `observed` would make observe.py's.
@flow(name="meetings-etl", log_prints=False, version=file_hash(__file__))
@observe.observed  # a failed run's state names its stage; every run leaves a markdown artifact
def meetings_etl(
    input_path: str | None = None,
    warehouse: str | None = None,
    full_refresh: bool = False,
    batch_size: int | None = None,
    prune: bool = False,
    wait: bool = True,
) -> dict:
    """Run the whole pipeline; returns a summary of counts, the load id and seconds per stage.

    The warehouse's writer lock is held for the whole run, so the run plans against the state it
    publishes over. wait=False fails at once (load.WarehouseBusy) when another run holds it.
    """
    settings = Settings().with_overrides(
        input_path=input_path,
        warehouse=warehouse,
        full_refresh=full_refresh,
        batch_size=batch_size,
        prune=prune,
    )
    with load.warehouse_lock(settings.warehouse, wait=wait, on_wait=load.print_waiting):
        return run_pipeline(settings)


def run_pipeline(settings: Settings) -> dict:
    """The stages of one run, under the writer lock."""
    timer = StageTimer()
    started_at = load.utc_now()
    load_id = load.new_load_id(started_at)
    with timer("extract"):
        plan = extract_stage(settings, incremental.read_previous(settings.warehouse))
    with timer("transform"):
        tables = transform_stage(plan.documents, settings)
    with timer("validate"):
        if tables.articles.height:
            dq_results = validate_task(
                tables, settings.expectations_dir, settings.dq_sample_size, settings.data_docs_dir
            )
        else:  # nothing new or changed: nothing to validate either
            dq_results = pl.DataFrame(schema={k: v for k, v in load.DQ_SCHEMA.items() if k != "load_id"})
    run = load.RunData(
        load_id=load_id,
        started_at=started_at,
        tables=tables,
        rejects=incremental.run_rejects(plan),
        dq_results=dq_results,
        files_seen=plan.counts["files_seen"],
        input_path=str(settings.input_path),
        full_refresh=settings.full_refresh,
        themes_csv=settings.reference_dir / "themes.csv",
        changes=plan.changes,
    )
    stats = publish_stage(settings, run, timer)
    counts = plan.counts
    return {
        "load_id": load_id,
        "warehouse": str(settings.warehouse),
        "files_seen": counts["files_seen"],
        "articles": stats.totals["articles"],
        "articles_new": counts["articles_new"],
        "articles_changed": counts["articles_changed"],
        "articles_unchanged": counts["articles_unchanged"],
        "meetings": stats.totals["meetings"],
        "participants": stats.totals["participants"],
        "themes": stats.totals["meeting_themes"],
        "agreements": stats.totals["agreements"],
        "rejects": counts["rejects"],
        "transformed": tables.articles.height,
        "articles_deleted": counts["articles_deleted"],
        "sources_absent": counts["sources_absent"],
        "sources_pruned": counts["sources_pruned"],
        "seconds": timer.seconds,
    }
