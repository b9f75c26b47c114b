"""Runs at scale: batches streamed with bounded look-ahead, small batches equal to one batch, the
batch transform on Dask equal to the thread pool, and the CLI's early API server."""

from __future__ import annotations

import json
import math
import os
import socket
from pathlib import Path

import duckdb
import pytest

import flows.pipeline as pipeline
from flows import api_server, batches
from flows.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "seeds" / "articles"
# The batching tests run every third article of the corpus: batches of 4 over all of it (1,192
# articles, 298 batches) took over three minutes and say nothing more about batching
# (about 200 articles whatever the corpus's size: the batch checks cost per batch of 4, and the
# corpus grows every session)
SAMPLE_SIZE = 200


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """About SAMPLE_SIZE articles spread evenly over the corpus, in name order (all its formats stay
    in)."""
    import shutil

    folder = tmp_path_factory.mktemp("sample")
    paths = sorted(CORPUS.iterdir())
    for path in paths[:: max(1, len(paths) // SAMPLE_SIZE)]:
        shutil.copy(path, folder / path.name)
    return folder


EXPECTATIONS = sum(
    len(json.loads((PROJECT_ROOT / "expectations" / f"{suite}.json").read_text())["expectations"])
    for suite in ("articles", "meetings", "participants", "meeting_themes")
)
CORE = ("articles", "meetings", "participants", "meeting_themes", "agreements", "themes")
ANALYTICS = ("meetings", "participants", "meeting_themes", "themes")


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of the core and analytics tables, and the run's expectation results."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = {f"core.{t}": con.execute(f"SELECT * FROM core.{t} ORDER BY ALL").fetchall() for t in CORE}
        tables |= {
            f"analytics.{t}": con.execute(f"SELECT * FROM analytics.{t} ORDER BY ALL").fetchall()
            for t in ANALYTICS
        }
        tables["meta.dq_results"] = con.execute(
            "SELECT suite, expectation, success, details FROM meta.dq_results ORDER BY ALL"
        ).fetchall()
        tables["meta.loads"] = con.execute(
            "SELECT files_seen, articles_new, rejects, articles, meetings, participants, meeting_themes, "
            "agreements, articles_replaced, dq_failed FROM meta.loads"
        ).fetchall()
        return tables
    finally:
        con.close()


def test_in_order_keeps_at_most_ahead_plus_one_batches():
    events: list[str] = []

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            events.append(f"take {self.value}")
            return self.value

    def submit(item, index):
        events.append(f"submit {index}")
        return Done(item)

    results = batches.in_order(["a", "b", "c", "d"], submit, ahead=2)
    assert events == ["submit 0", "submit 1"]  # started before the caller consumes anything
    consumed = []
    for value in results:
        events.append(f"use {value}")
        consumed.append(value)
    assert consumed == ["a", "b", "c", "d"]
    # The next batch is submitted before the current one is used, never more than 2 ahead.
    assert events == [
        "submit 0", "submit 1",
        "take a", "submit 2", "use a",
        "take b", "submit 3", "use b",
        "take c", "use c",
        "take d", "use d",
    ]  # fmt: skip


def test_batches_handed_to_prefect_tasks_are_released_once_used(prefect_harness):
    """Prefect keeps every task's arguments and return value until the flow run ends; handed over
    in emptied wrappers, a run's batches do not pile up in memory."""
    import gc
    import weakref

    import polars as pl
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE

    @task(cache_policy=NO_CACHE)
    def double(frame: batches.Opaque, index: int) -> batches.Opaque:
        return batches.Opaque(frame.take().with_columns(pl.col("x") * 2))

    sent: list[weakref.ref] = []
    received: list[weakref.ref] = []

    def submit(frame: pl.DataFrame, index: int) -> batches.Submitted:
        sent.append(weakref.ref(frame))
        handed = batches.Opaque(frame)
        return batches.Submitted(double.submit(handed, index), handed)

    @flow
    def run() -> list[int]:
        frames = (pl.DataFrame({"x": [i, i + 1]}) for i in range(6))
        firsts = []
        for result in batches.in_order(frames, submit, 2):
            received.append(weakref.ref(result))
            firsts.append(result["x"][0])
        del result
        gc.collect()
        alive = [ref() is not None for ref in sent + received]
        assert alive == [False] * 12  # inside the run, where Prefect still holds what it was given
        return firsts

    assert run() == [0, 2, 4, 6, 8, 10]


def test_batch_validations_combine_to_the_whole_tables_result(stub_tables):
    import polars as pl

    from flows.transform import Tables
    from flows.validate import SuiteRunner, combine_validations

    stub_tables.participants = stub_tables.participants.with_columns(
        pl.when(pl.col("person_name") == "Anna Berg").then(pl.lit("visitor")).otherwise("side").alias("side")
    )
    runner = SuiteRunner(PROJECT_ROOT / "expectations", sample_size=5)
    whole = runner.run(stub_tables)
    halves = []
    for files in (["a_nz.txt"], ["sub/b_se.txt", "c_weather.txt"]):  # Anna Berg is in the second
        keep = pl.col("source_file").is_in(files)
        halves.append(
            runner.run(Tables(**{n: getattr(stub_tables, n).filter(keep) for n in stub_tables.counts()}))
        )
    assert halves[0].ok and not halves[1].ok
    combined = combine_validations(halves, sample_size=5)
    assert combined.results.rows() == whole.results.rows()
    [failure] = combined.failures
    assert (failure.suite, failure.expectation) == ("participants", "expect_column_values_to_be_in_set(side)")
    assert (failure.unexpected_count, failure.element_count, failure.sample_values) == (1, 4, ["visitor"])
    assert failure.sample_rows.select("person_name", "side").rows() == [("Anna Berg", "visitor")]
    assert str(combined.failures[0].summary()) == str(whole.failures[0].summary())


def test_configured_api_url_is_read_from_prefect_when_imported(prefect_harness):
    # Under the harness Prefect is imported and has an API: the CLI must not start its own server.
    url = api_server.configured_api_url()
    assert url is not None and url.startswith("http://")
    assert api_server.start_if_needed() is None


def run(warehouse: Path, corpus: Path, batch_size: int | None = None, runner=None) -> dict:
    flow = pipeline.meetings_etl if runner is None else pipeline.meetings_etl.with_options(task_runner=runner)
    summary = flow(input_path=str(corpus), warehouse=str(warehouse), batch_size=batch_size)
    return {"summary": summary, "tables": snapshot(warehouse)}


def comparable(summary: dict) -> dict:
    """The summary without what differs between any two runs (ids, timings, batching)."""
    drop = {"load_id", "warehouse", "seconds", "batches", "chunks", "flow_seconds", "workers"}
    drop.add("transform_task_seconds")
    return {k: v for k, v in summary.items() if k not in drop}


@pytest.fixture(scope="module")
def one_batch(prefect_harness, tmp_path_factory, sample) -> dict:
    """The sample in one batch on the thread pool (whatever its size against the default batch
    size): the run both the small batches and Dask are compared with. Read only."""
    files = len(list(sample.iterdir()))
    return run(tmp_path_factory.mktemp("one") / "one.duckdb", sample, batch_size=files)


@pytest.mark.slow
def test_small_batches_give_the_same_tables_as_one_batch(
    prefect_harness, tmp_path: Path, monkeypatch, sample, one_batch
):
    files = len(list(sample.iterdir()))
    one = one_batch
    # Batches of 4 files, validated and loaded in chunks of 3 batches (12 articles: the first
    # chunk size >= 10), the last chunk holding what is left.
    monkeypatch.setenv("MEETINGS_LOAD_CHUNK_SIZE", "10")
    small = run(tmp_path / "small.duckdb", sample, batch_size=4)
    batches_ = math.ceil(files / 4)
    assert (one["summary"]["batches"], one["summary"]["chunks"]) == (1, 1)
    assert (small["summary"]["batches"], small["summary"]["chunks"]) == (batches_, math.ceil(batches_ / 3))
    assert small["tables"] == one["tables"]
    assert comparable(small["summary"]) == comparable(one["summary"])
    # Facts, so that equal-but-empty tables can't pass: every article, a meeting for nearly every
    # one, and expectation results whose counts add up over the chunks.
    got = small["tables"]
    assert len(got["core.articles"]) == files >= 80
    meetings = len(got["analytics.meetings"])
    assert meetings == small["summary"]["meetings"] >= files * 0.9
    assert len(got["meta.dq_results"]) == EXPECTATIONS
    details = {(suite, expectation): json.loads(d) for suite, expectation, _, d in got["meta.dq_results"]}
    assert details[("articles", "expect_column_values_to_be_unique(article_id)")]["element_count"] == files
    assert details[("meetings", "expect_column_values_to_be_in_set(weekday)")]["element_count"] == meetings


@pytest.mark.slow
def test_dask_task_runner_gives_the_same_tables(prefect_harness, tmp_path: Path, sample, one_batch):
    from flows.runners import task_runner

    # Dask in batches of 12 against the thread pool's run of the whole sample in one batch (the
    # small-batches test checks that the thread pool's tables don't depend on the batch size).
    threads = one_batch
    dask = run(tmp_path / "dask.duckdb", sample, batch_size=12, runner=task_runner("dask", workers=2))
    assert dask["summary"]["batches"] == math.ceil(len(list(sample.iterdir())) / 12) > 1
    assert threads["summary"]["batches"] == 1
    # The batches ran in Dask worker processes, not in this one.
    workers = dask["summary"]["workers"]
    assert workers and f"{socket.gethostname()}:{os.getpid()}" not in workers
    assert threads["summary"]["workers"] == [f"{socket.gethostname()}:{os.getpid()}"]
    assert dask["tables"] == threads["tables"]
    assert comparable(dask["summary"]) == comparable(threads["summary"])
    assert len(dask["tables"]["analytics.meetings"]) == dask["summary"]["meetings"] > 0
