"""Batching helpers between extract and transform: split inputs, spill and re-read documents,
keep a bounded number of batches in flight, drop duplicate articles, combine.

A run streams: each batch of files is extracted on the task runner, its documents (with their text)
are written to a spill file and only their metadata stays in memory for the plan; then each spill
file is read back, filtered to the articles the plan builds, and transformed. Memory thus holds a
few batches of text whatever the corpus size.

Grain of the documents frame: one row per article record; after `dedupe_documents` one row per
distinct article_id (the first file in path order wins), so article ids are unique across batches.
"""

from __future__ import annotations

import os
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows.extract import DOCUMENT_SCHEMA, REJECT_SCHEMA, Extracted
from flows.transform import Tables, schema

TABLE_SCHEMAS = {
    "articles": schema.ARTICLES,
    "meetings": schema.MEETINGS,
    "participants": schema.PARTICIPANTS,
    "meeting_themes": schema.MEETING_THEMES,
    "agreements": schema.AGREEMENTS,
}


class Opaque:
    """A value handed to or from a Prefect task as it is.

    Prefect walks every list, tuple, dict and dataclass argument element by element to find
    futures (seconds for a list of 100k files); file lists and hash maps hold none, so they travel
    wrapped. And Prefect keeps every task's arguments and return value until the flow run ends
    (measured with Prefect 3.8: +0.45 MB per task handing a 2 MB frame each way, without bound),
    so whatever is handed over per batch is wrapped and emptied once used (`take`, `Submitted`):
    the empty wrapper is all that stays."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def take(self):
        """The value, leaving the wrapper empty."""
        value, self.value = self.value, None
        return value

    def __getstate__(self):
        return self.value

    def __setstate__(self, value) -> None:
        self.value = value


class Submitted:
    """A submitted task's future with the wrappers handed to it. `result()` takes the task's value
    out of its wrapper and empties the arguments' wrappers (a Dask worker had its own copies)."""

    def __init__(self, future, *handed: Opaque) -> None:
        self.future = future
        self.handed = handed

    def result(self):
        out = self.future.result()
        for wrapper in self.handed:
            wrapper.value = None
        return out.take() if isinstance(out, Opaque) else out


def split_batches(files: Sequence[tuple[str, str]], batch_size: int) -> list[list[tuple[str, str]]]:
    """Consecutive slices of at most batch_size files (at least one batch, maybe empty)."""
    size = max(1, int(batch_size))
    batches = [list(files[i : i + size]) for i in range(0, len(files), size)]
    return batches or [[]]


def combine_extracted(parts: Sequence[Extracted]) -> Extracted:
    return Extracted(
        documents=pl.concat([p.documents for p in parts], how="vertical"),
        rejects=pl.concat([p.rejects for p in parts], how="vertical"),
        files_seen=sum(p.files_seen for p in parts),
        sources=pl.concat([p.sources for p in parts], how="vertical"),
        skipped=pl.concat([p.skipped for p in parts], how="vertical"),
    )


def dedupe_documents(documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents with unique article_id, one reject row per duplicate naming the file it repeats).

    The same text in two files is one article: without this, batches would load it twice and
    the key expectations would fail on data that is merely repeated.
    """
    ordered = documents.with_row_index("_order")
    first = ordered.group_by("article_id").agg(
        pl.col("_order").min().alias("_first"), pl.col("source_file").sort_by("_order").first().alias("_kept")
    )
    marked = ordered.join(first, on="article_id", how="left")
    kept = marked.filter(pl.col("_order") == pl.col("_first")).sort("_order").select(documents.columns)
    rejects = (
        marked.filter(pl.col("_order") != pl.col("_first"))
        .sort("_order")
        .select(
            pl.col("source_file"),
            pl.lit("dedupe").alias("stage"),
            pl.format("duplicate of {}: same article text", pl.col("_kept")).alias("reason"),
        )
        .cast(REJECT_SCHEMA)
    )
    return kept, rejects


def empty_tables() -> Tables:
    return Tables(**{name: pl.DataFrame(schema=cols) for name, cols in TABLE_SCHEMAS.items()})


def combine_tables(parts: Sequence[Tables]) -> Tables:
    """One Tables from per-batch Tables, each frame conformed to the schema's columns and types."""
    if not parts:
        return empty_tables()
    return Tables(
        **{
            name: pl.concat([schema.conform(getattr(p, name), cols) for p in parts], how="vertical")
            for name, cols in TABLE_SCHEMAS.items()
        }
    )


def in_order(items: Iterable, submit: Callable, ahead: int) -> Iterator:
    """submit(item, index) for each item; yields each future's result, in order.

    The first `ahead` items are submitted at once; each time a result is taken the next item is
    submitted, so at most `ahead` batches run or wait besides the one the caller works on: the
    work overlaps, and memory holds ahead + 1 batches whatever the input size.
    """
    pending: deque = deque()
    numbered = enumerate(items)

    def fill() -> None:
        while len(pending) < max(1, ahead):
            nxt = next(numbered, None)
            if nxt is None:
                return
            pending.append(submit(nxt[1], nxt[0]))

    def results() -> Iterator:
        while pending:
            result = pending.popleft().result()
            fill()
            yield result

    fill()  # the first batches start now, while the caller still sets up
    return results()


@dataclass(frozen=True)
class Spilled:
    """One extracted batch whose documents wait in a spill file: metadata stays, text does not."""

    path: Path | None  # None: the batch gave no document
    rows: int


DOCUMENT_META = ("article_id", "source_file", "record_date", "record_title", "url", "content_hash")


def spill(extracted: Extracted, path: Path) -> tuple[Extracted, Spilled]:
    """Write a batch's documents to `path` (Parquet); return the batch without their text."""
    documents = extracted.documents
    if documents.height:
        path.parent.mkdir(parents=True, exist_ok=True)
        documents.write_parquet(path, compression="lz4", statistics=False)
    kept = Extracted(
        documents=documents.select(DOCUMENT_META),
        rejects=extracted.rejects,
        files_seen=extracted.files_seen,
        sources=extracted.sources,
        skipped=extracted.skipped,
    )
    return kept, Spilled(path if documents.height else None, documents.height)


def read_spilled(spilled: Spilled, wanted: pl.DataFrame) -> pl.DataFrame:
    """The spilled documents whose source_file is in `wanted` (a source_file column), in file order."""
    if spilled.path is None:
        return pl.DataFrame(schema=DOCUMENT_SCHEMA)
    return (
        pl.scan_parquet(spilled.path)
        .join(wanted.lazy().select("source_file"), on="source_file", how="semi", maintain_order="left")
        .collect()
    )


@dataclass(frozen=True)
class Transformed:
    """One transformed batch, with the seconds it took and the process that ran it."""

    tables: Tables
    seconds: float
    worker: str  # host:pid (a thread pool's is the flow's own process; Dask's are its workers)


def timed_transform(documents: pl.DataFrame, transform: Callable[[pl.DataFrame], Tables]) -> Transformed:
    started = time.perf_counter()
    tables = transform(documents)
    return Transformed(tables, time.perf_counter() - started, f"{socket.gethostname()}:{os.getpid()}")
