"""The Prefect 3 flow `meetings-etl`: extract -> transform -> validate -> load -> build models -> publish.

Input files stream through in batches of `batch_size`: each batch is extracted and transformed on
the task runner (threads by default, or Dask), then validated and appended to a staging file, so
memory holds a few batches whatever the corpus size. Tasks are one per stage or per batch (never
one per document: each task run costs Prefect bookkeeping). Task bodies only call module
functions. Nothing reaches the published warehouse unless every stage passed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.settings import Settings, configure_prefect_environment

configure_prefect_environment()  # offline, project-local, quiet: before prefect is imported

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from flows import batches, load, models  # noqa: E402
from flows.extract import list_inputs  # noqa: E402
from flows.transform import Tables  # noqa: E402
from flows.validate import SuiteRunner, Validation, combine_validations  # noqa: E402


def load_reference_data(reference_dir: Path):
    """The extractor's reference lookups (imported lazily: the transform package loads them)."""
    from flows.transform.reference import load_reference

    return load_reference(Path(reference_dir))


def run_transform(documents: pl.DataFrame, reference) -> Tables:
    from flows.transform import transform

    return transform(documents, reference)


# Inputs are frames: hashing them for Prefect's cache would cost more than the work itself.
@task(name="list-inputs", cache_policy=NO_CACHE)
def list_inputs_task(input_path: Path) -> list[tuple[Path, str]]:
    return list_inputs(input_path)


@task(name="reference", cache_policy=NO_CACHE)
def reference_task(reference_dir: Path):
    return load_reference_data(reference_dir)


# Runs on the flow's task runner (threads, or Dask workers): reads its files and transforms them.
@task(name="extract-transform", task_run_name="extract-transform-batch-{index}", cache_policy=NO_CACHE)
def extract_transform_task(
    files: list[tuple[Path, str]], max_bytes: int, reference, index: int
) -> batches.BatchResult:
    return batches.process_batch(files, max_bytes, lambda documents: run_transform(documents, reference))


@task(name="stage", cache_policy=NO_CACHE)
def stage_task(settings: Settings) -> Path:
    return load.prepare_staging(
        settings.warehouse, settings.storage_compatibility_version, settings.full_refresh
    )


# Runs in the flow's process, chunk after chunk: validate, then append to the staging file.
@task(name="validate-load", task_run_name="validate-load-chunk-{index}", cache_policy=NO_CACHE)
def validate_load_task(
    staging: Path, batch: batches.BatchResult, suites: SuiteRunner, index: int
) -> tuple[Validation, load.LoadStats | None, dict[str, float]]:
    started = time.perf_counter()
    validation = suites.run(batch.tables)
    validated = time.perf_counter()
    stats = load.load_batch(staging, batch.tables, batch.rejects) if validation.ok else None
    return validation, stats, {"validate": validated - started, "load": time.perf_counter() - validated}


@task(name="finish-load", cache_policy=NO_CACHE)
def finish_load_task(staging: Path, run: load.RunData, stats: load.LoadStats) -> None:
    load.finish_load(staging, run, stats)


@task(name="build-models", cache_policy=NO_CACHE)
def models_task(staging: Path, sql_dir: Path, load_id: str) -> pl.DataFrame:
    return models.build_models(staging, sql_dir, load_id)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(staging: Path, published: Path, load_id: str) -> None:
    load.publish(staging, published, load_id)


class StageTimer:
    """Wall-clock seconds per stage, for the run summary."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + seconds, 3)

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - start)


@dataclass
class Streamed:
    """What a streamed run keeps besides the staging file: counts, rejects, validation results."""

    files_seen: int = 0
    batch_count: int = 0
    chunk_count: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(batches.TABLE_SCHEMAS, 0))
    rejects: list[pl.DataFrame] = field(default_factory=list)
    validations: list[Validation] = field(default_factory=list)
    stats: load.LoadStats = field(default_factory=lambda: load.LoadStats(0, 0))
    workers: set[str] = field(default_factory=set)


def stream_stage(settings: Settings, staging: Path, timer: StageTimer) -> Streamed:
    """Batches of files through extract+transform (on the task runner) -> validate -> load.

    Only a few batches are in memory at a time: `batches_in_flight` are transformed while the
    flow collects finished ones into a chunk of about `load_chunk_size` articles, which it
    validates and appends to the staging file (the output tables are small next to what the
    transform needs; GX and DuckDB have a fixed cost per call). Extract and transform seconds are
    summed over batches (they overlap with validate and load). Raises ValidationFailed at the
    first chunk that fails.
    """
    files = list_inputs_task(settings.input_path)
    reference = reference_task(settings.reference_dir)

    def submit(batch_files: list[tuple[Path, str]], index: int):
        return extract_transform_task.submit(batch_files, settings.max_file_bytes, reference, index)

    file_batches = batches.split_batches(files, settings.batch_size)
    results = batches.in_order(file_batches, submit, settings.batches_in_flight)  # first ones start now
    with timer("validate"):
        suites = SuiteRunner(settings.expectations_dir, settings.dq_sample_size)
    seen = batches.SeenArticles()
    out = Streamed()
    chunk: list[batches.BatchResult] = []

    def validate_and_load() -> None:
        batch = batches.merge_results(chunk)
        chunk.clear()
        validation, stats, seconds = validate_load_task(staging, batch, suites, out.chunk_count)
        out.chunk_count += 1
        for stage, value in {**batch.seconds, **seconds}.items():
            timer.add(stage, value)
        out.validations.append(validation)
        if not validation.ok:
            combine_validations(out.validations, settings.dq_sample_size).raise_if_failed()
        out.stats += stats
        out.files_seen += batch.files_seen
        out.rejects.append(batch.rejects)
        out.workers.update(batch.worker.split(","))
        for name, rows in batch.tables.counts().items():
            out.counts[name] += rows

    for result in results:
        chunk.append(seen.drop_repeats(result))
        out.batch_count += 1
        if sum(b.tables.articles.height for b in chunk) >= settings.load_chunk_size:
            validate_and_load()
    if chunk:
        validate_and_load()
    return out


def publish_stage(
    settings: Settings, run: load.RunData, stats: load.LoadStats, staging: Path, timer: StageTimer
) -> None:
    """Bookkeeping and models in the staging file, then swap it in."""
    with timer("load"):
        finish_load_task(staging, run, stats)
    with timer("models"):
        models_task(staging, settings.sql_dir, run.load_id)
    with timer("publish"):
        publish_task(staging, settings.warehouse, run.load_id)


@flow(name="meetings-etl", log_prints=False)
def meetings_etl(
    input_path: str | None = None,
    warehouse: str | None = None,
    full_refresh: bool = False,
    batch_size: int | None = None,
) -> dict:
    """Run the whole pipeline; returns a summary of counts, the load id and seconds per stage.

    Everything is written to a staging file under the warehouse's writer lock and swapped in at
    the end; on any failure the staging file is dropped and the published warehouse is unchanged.
    """
    flow_started = time.perf_counter()
    settings = Settings().with_overrides(
        input_path=input_path, warehouse=warehouse, full_refresh=full_refresh, batch_size=batch_size
    )
    timer = StageTimer()
    started_at = load.utc_now()
    load_id = load.new_load_id(started_at)
    with load.warehouse_lock(settings.warehouse):
        staging = stage_task(settings)
        try:
            out = stream_stage(settings, staging, timer)
            rejects = pl.concat(out.rejects)
            dq = combine_validations(out.validations, settings.dq_sample_size)
            run = load.RunData(
                load_id=load_id,
                started_at=started_at,
                tables=None,
                rejects=rejects,
                dq_results=dq.results,
                files_seen=out.files_seen,
                input_path=str(settings.input_path),
                full_refresh=settings.full_refresh,
                themes_csv=settings.reference_dir / "themes.csv",
                counts=out.counts,
            )
            publish_stage(settings, run, out.stats, staging, timer)
        except BaseException:
            load.discard(staging)
            raise
    return {
        "load_id": load_id,
        "warehouse": str(settings.warehouse),
        "files_seen": out.files_seen,
        "articles": out.counts["articles"],
        "articles_new": out.stats.articles_new,
        "meetings": out.counts["meetings"],
        "participants": out.counts["participants"],
        "themes": out.counts["meeting_themes"],
        "agreements": out.counts["agreements"],
        "rejects": rejects.height,
        "seconds": timer.seconds,
        "batches": out.batch_count,
        "chunks": out.chunk_count,
        "workers": sorted(out.workers),
        "flow_seconds": round(time.perf_counter() - flow_started, 3),
    }
