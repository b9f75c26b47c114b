"""The Prefect 3 flow `meetings-etl`: extract -> transform -> validate -> load -> build models -> publish.

A run streams its input in batches of files, so memory holds a few batches whatever the corpus
size (docs/LOADING.md, "Scale"):
1. extract: each batch is read on the task runner; its documents go to a spill file beside the
   warehouse and only their metadata stays for the plan (flows/incremental.py: what is new,
   changed, unchanged, rejected; what to build). Unchanged files are only hashed.
2. transform: the spilled documents the plan builds are read back batch by batch and transformed
   on the task runner (threads, or Dask); at most `batches_in_flight` batches run at once.
3. finished batches are gathered into chunks of about `load_chunk_size` articles, each validated
   with the GX suites and appended to this run's staging file;
4. bookkeeping, models, then the staging file is swapped in.
Tasks are one per stage, per batch or per chunk (never one per document: each task run costs
Prefect bookkeeping). Task bodies only call module functions. Nothing reaches the published
warehouse unless every stage passed; the spill files are deleted whatever happens.

A run holds the warehouse's writer lock from start to publish and is incremental by content:
unchanged files are not decoded or transformed, and only new or changed articles reach the transform.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
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
from flows.validate import SuiteRunner, Validation, combine_validations  # noqa: E402


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
def list_inputs_task(input_path: Path) -> list[tuple[str, str]]:
    return list_inputs(input_path)


@task(
    name="extract", task_run_name="extract-batch-{index}", cache_policy=NO_CACHE, **IO_SUBMITTED_TASK_OPTIONS
)
def extract_task(
    files: batches.Opaque, max_bytes: int, index: int, known: batches.Opaque | None = None
) -> batches.Opaque:
    """-> Opaque(Extracted): arguments and result travel in wrappers emptied after use (batches.Opaque)."""
    return batches.Opaque(extract_files(files.take(), max_bytes, known.take() if known is not None else None))


@task(name="plan", cache_policy=NO_CACHE)
def plan_task(
    settings: Settings, previous: incremental.Previous, extracted: Extracted, listed: batches.Opaque
) -> incremental.Plan:
    files: list[tuple[str, str]] = listed.value
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
def transform_task(documents: batches.Opaque, reference, index: int) -> batches.Opaque:
    """-> Opaque(Transformed): the documents and tables travel in wrappers emptied after use."""
    return batches.Opaque(
        batches.timed_transform(documents.take(), lambda docs: run_transform(docs, reference))
    )


@task(name="validate", task_run_name="validate-chunk-{index}", cache_policy=NO_CACHE)
def validate_task(suites: SuiteRunner, tables: batches.Opaque, index: int) -> Validation:
    return suites.run(tables.value)


@task(name="stage", cache_policy=NO_CACHE)
def stage_task(settings: Settings, changes: load.Changes) -> Path:
    staging = load.prepare_staging(
        settings.warehouse, settings.storage_compatibility_version, settings.full_refresh
    )
    try:
        load.begin_load(staging, changes, batches.TABLE_SCHEMAS)
    except BaseException:
        load.discard(staging)
        raise
    return staging


@task(name="load", task_run_name="load-chunk-{index}", cache_policy=NO_CACHE)
def load_task(staging: Path, tables: batches.Opaque, index: int) -> None:
    load.append_tables(staging, tables.value)


@task(name="finish-load", cache_policy=NO_CACHE)
def finish_load_task(staging: Path, run: load.RunData, stats: load.LoadStats) -> load.LoadStats:
    return load.finish_load(staging, run, stats)


@task(name="build-models", cache_policy=NO_CACHE)
def models_task(staging: Path, sql_dir: Path, load_id: str, core_unchanged: bool = False) -> pl.DataFrame:
    return models.build_models(staging, sql_dir, load_id, reuse_row_counts=core_unchanged)


@task(name="publish", cache_policy=NO_CACHE, **IO_TASK_OPTIONS)
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
            with observe.stage(stage):  # run logger, progress listeners, failures named by stage
                yield
        finally:
            self.add(stage, time.perf_counter() - start)


def spill_dir(settings: Settings) -> Path:
    """This run's spill folder beside the warehouse (the lock holder's: leftovers are a crashed run's)."""
    return settings.warehouse.parent / f"{settings.warehouse.name}.spill-{os.getpid()}"


def remove_spills(settings: Settings) -> None:
    for leftover in settings.warehouse.parent.glob(f"{settings.warehouse.name}.spill-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def extract_stage(
    settings: Settings, previous: incremental.Previous, spills: Path
) -> tuple[incremental.Plan, list[batches.Spilled]]:
    """All input files, read in batches (one task each, a few at a time); files unchanged since the
    last load are not read (same size and mtime) or only hashed. Documents are spilled; then the plan: which inputs are new, changed,
    unchanged or rejected, and what to build."""
    files = list_inputs_task(settings.input_path)
    known = {} if settings.full_refresh else previous.known_files()

    def submit(chunk: list[tuple[str, str]], index: int):
        # Only this batch's hashes travel with the task (a Dask worker gets a copy of its arguments).
        hashes = {relative: known[relative] for _, relative in chunk if relative in known}
        files, known_files = batches.Opaque(chunk), batches.Opaque(hashes)
        future = extract_task.submit(files, settings.max_file_bytes, index, known_files)
        return batches.Submitted(future, files, known_files)

    metadata: list[Extracted] = []
    spilled: list[batches.Spilled] = []
    chunks = batches.split_batches(files, settings.batch_size)
    for index, extracted in enumerate(batches.in_order(chunks, submit, settings.batches_in_flight)):
        kept, spill = batches.spill(extracted, spills / f"batch-{index:06d}.parquet")
        metadata.append(kept)
        spilled.append(spill)
    plan = plan_task(settings, previous, batches.combine_extracted(metadata), batches.Opaque(files))
    return plan, spilled


@dataclass
class Streamed:
    """What the transform stage leaves besides the staging file: counts and validation results."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(batches.TABLE_SCHEMAS, 0))
    validations: list[Validation] = field(default_factory=list)
    suites: SuiteRunner | None = None
    batches: int = 0
    chunks: int = 0
    workers: set[str] = field(default_factory=set)
    transform_seconds: float = 0.0  # summed over batches (they overlap each other)
    validate_seconds: float = 0.0
    load_seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return any(not v.ok for v in self.validations)


def documents_to_build(plan: incremental.Plan, spilled: list[batches.Spilled]) -> Iterator[pl.DataFrame]:
    """The plan's documents with their text, batch by batch (read lazily: one batch at a time)."""
    wanted = plan.documents.select("source_file")
    if wanted.height:
        for spill in spilled:
            documents = batches.read_spilled(spill, wanted)
            if documents.height:
                yield documents
    if plan.reread.height:
        yield plan.reread


def transform_stage(
    settings: Settings, plan: incremental.Plan, spilled: list[batches.Spilled], staging: Path
) -> Streamed:
    """Transform the documents to build, batch by batch on the task runner; validate and load
    finished batches chunk by chunk (in order, so a run is deterministic). Stops at the first
    chunk that fails validation: the validate stage then reports it."""
    out = Streamed()
    if plan.build_count == 0:
        return out
    reference = reference_task(settings.reference_dir)

    def submit(documents: pl.DataFrame, index: int):
        handed = batches.Opaque(documents)
        return batches.Submitted(transform_task.submit(handed, reference, index), handed)

    chunk: list[Tables] = []

    def flush() -> None:
        tables = batches.combine_tables(chunk)
        chunk.clear()
        started = time.perf_counter()
        if out.suites is None:  # GX is imported and set up only when there is something to check
            out.suites = SuiteRunner(settings.expectations_dir, settings.dq_sample_size)
        handed = batches.Opaque(tables)  # emptied below: Prefect keeps task arguments (batches.Opaque)
        validation = validate_task(out.suites, handed, out.chunks)
        validated = time.perf_counter()
        out.validate_seconds += validated - started
        out.validations.append(validation)
        out.chunks += 1
        if validation.ok:
            load_task(staging, handed, out.chunks - 1)
            out.load_seconds += time.perf_counter() - validated
            for name, rows in tables.counts().items():
                out.counts[name] += rows
        handed.take()

    results = batches.in_order(documents_to_build(plan, spilled), submit, settings.batches_in_flight)
    for result in results:
        out.batches += 1
        out.transform_seconds += result.seconds
        out.workers.add(result.worker)
        chunk.append(result.tables)
        if sum(t.articles.height for t in chunk) >= settings.load_chunk_size:
            flush()
            if out.failed:
                break
    if chunk and not out.failed:
        flush()
    return out


def validate_stage(settings: Settings, out: Streamed) -> pl.DataFrame:
    """One result row per expectation over all chunks; Data Docs; raises if any chunk failed."""
    if out.suites is None:  # nothing new or changed: nothing to validate either
        return pl.DataFrame(schema={k: v for k, v in load.DQ_SCHEMA.items() if k != "load_id"})
    validation = combine_validations(out.validations, settings.dq_sample_size)
    out.suites.build_data_docs(settings.data_docs_dir)
    validation.raise_if_failed()
    return validation.results


def publish_stage(
    settings: Settings,
    run: load.RunData,
    stats: load.LoadStats,
    staging: Path,
    timer: StageTimer,
    core_unchanged: bool = False,
) -> load.LoadStats:
    """Bookkeeping and models in the staging file, then swap it in.
    Call with the warehouse lock held (the flow holds it for the whole run)."""
    faults.hold_before(settings, "load")
    with timer("load"):
        stats = finish_load_task(staging, run, stats)
    faults.hold_before(settings, "models")
    with timer("models"):
        # nothing in core changed: each model has the row count of its last build
        models_task(staging, settings.sql_dir, run.load_id, core_unchanged and not stats.reference_changed)
    faults.hold_before(settings, "publish")
    with timer("publish"):
        publish_task(staging, settings.warehouse, run.load_id)
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
    Where batches run is the flow's task runner: `meetings_etl.with_options(task_runner=...)`
    (flows/runners.py; `meetings run --task-runner dask`).
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
    flow_started = time.perf_counter()
    timer = StageTimer()
    started_at = load.utc_now()
    load_id = load.new_load_id(started_at)
    remove_spills(settings)  # a crashed run's
    spills = spill_dir(settings)
    staging = None
    try:
        with timer("extract"):
            plan, spilled = extract_stage(settings, incremental.read_previous(settings.warehouse), spills)
        staged_at = time.perf_counter()
        staging = stage_task(settings, plan.changes)  # a copy of the published core and meta tables
        timer.add("load", time.perf_counter() - staged_at)
        with timer("transform"):
            out = transform_stage(settings, plan, spilled, staging)
        # Validating and loading chunks happened inside the transform stage: count them where they belong.
        timer.add("transform", -(out.validate_seconds + out.load_seconds))
        timer.add("validate", out.validate_seconds)
        with timer("validate"):
            dq_results = validate_stage(settings, out)
        timer.add("load", out.load_seconds)
        run = load.RunData(
            load_id=load_id,
            started_at=started_at,
            tables=None,
            counts=out.counts,
            rejects=incremental.run_rejects(plan),
            dq_results=dq_results,
            files_seen=plan.counts["files_seen"],
            input_path=str(settings.input_path),
            full_refresh=settings.full_refresh,
            themes_csv=settings.reference_dir / "themes.csv",
            changes=plan.changes,
        )
        stats = load.LoadStats(int(plan.counts["articles_new"]), plan.changes.delete_articles.height)
        stats = publish_stage(settings, run, stats, staging, timer, plan.core_unchanged)
    except BaseException:
        if staging is not None:
            load.discard(staging)
        raise
    finally:
        shutil.rmtree(spills, ignore_errors=True)
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
        "transformed": out.counts["articles"],
        "articles_deleted": counts["articles_deleted"],
        "sources_absent": counts["sources_absent"],
        "sources_pruned": counts["sources_pruned"],
        "seconds": timer.seconds,
        "batches": out.batches,
        "chunks": out.chunks,
        "workers": sorted(out.workers),
        "transform_task_seconds": round(out.transform_seconds, 3),
        "flow_seconds": round(time.perf_counter() - flow_started, 3),
    }
