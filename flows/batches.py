"""Batching helpers between extract and transform: split inputs, drop duplicate articles, combine.

Grain of the documents frame: one row per article record; after `dedupe_documents` one row per
distinct article_id (the first file in path order wins). A run streams its batches: each is
extracted and transformed on its own (`process_batch`), then `SeenArticles` drops articles an
earlier batch already had, so article ids are unique across batches.
"""

from __future__ import annotations

import os
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.extract import REJECT_SCHEMA, Extracted, extract_files
from flows.transform import Tables, schema

TABLE_SCHEMAS = {
    "articles": schema.ARTICLES,
    "meetings": schema.MEETINGS,
    "participants": schema.PARTICIPANTS,
    "meeting_themes": schema.MEETING_THEMES,
    "agreements": schema.AGREEMENTS,
}


def split_batches(files: Sequence[tuple[Path, str]], batch_size: int) -> list[list[tuple[Path, str]]]:
    """Consecutive slices of at most batch_size files (at least one batch, maybe empty)."""
    size = max(1, int(batch_size))
    batches = [list(files[i : i + size]) for i in range(0, len(files), size)]
    return batches or [[]]


def combine_extracted(parts: Sequence[Extracted]) -> Extracted:
    return Extracted(
        documents=pl.concat([p.documents for p in parts], how="vertical"),
        rejects=pl.concat([p.rejects for p in parts], how="vertical"),
        files_seen=sum(p.files_seen for p in parts),
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


@dataclass(frozen=True)
class BatchResult:
    """One batch of files, extracted and transformed: its tables, its rejects, seconds per step."""

    tables: Tables
    rejects: pl.DataFrame  # source_file, stage, reason
    files_seen: int
    seconds: dict[str, float] = field(default_factory=dict)  # extract, transform
    worker: str = ""  # host:pid of the process that ran it (a thread pool's is the flow's own)


def process_batch(
    files: list[tuple[Path, str]], max_bytes: int, transform: Callable[[pl.DataFrame], Tables]
) -> BatchResult:
    """Read a batch of files, drop repeats within it, transform the rest."""
    started = time.perf_counter()
    extracted = extract_files(files, max_bytes)
    documents, duplicates = dedupe_documents(extracted.documents)
    extracted_at = time.perf_counter()
    tables = transform(documents)
    return BatchResult(
        tables=tables,
        rejects=pl.concat([extracted.rejects, duplicates]),
        files_seen=extracted.files_seen,
        seconds={
            "extract": extracted_at - started,
            "transform": time.perf_counter() - extracted_at,
        },
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )


def merge_results(parts: Sequence[BatchResult]) -> BatchResult:
    """Consecutive batches as one (for validating and loading several batches at once)."""
    if len(parts) == 1:
        return parts[0]
    seconds: dict[str, float] = {}
    for part in parts:
        for step, value in part.seconds.items():
            seconds[step] = seconds.get(step, 0.0) + value
    return BatchResult(
        tables=combine_tables([p.tables for p in parts]),
        rejects=pl.concat([p.rejects for p in parts]),
        files_seen=sum(p.files_seen for p in parts),
        seconds=seconds,
        worker=",".join(sorted({p.worker for p in parts})),
    )


class SeenArticles:
    """Article ids kept by earlier batches of a run, with their file: a later copy is a reject.

    Holds two short strings per article (about 50 bytes), the only state that grows with the run.
    """

    def __init__(self) -> None:
        self.frame = pl.DataFrame(schema={"article_id": pl.String, "_kept": pl.String})

    def drop_repeats(self, batch: BatchResult) -> BatchResult:
        ids = batch.tables.articles.select("article_id", "source_file")
        repeats = ids.join(self.frame, on="article_id", how="inner")
        if repeats.height:
            files = repeats.get_column("source_file").implode()
            tables = Tables(
                **{
                    name: getattr(batch.tables, name).filter(~pl.col("source_file").is_in(files))
                    for name in TABLE_SCHEMAS
                }
            )
            rejects = repeats.select(
                "source_file",
                pl.lit("dedupe").alias("stage"),
                pl.format("duplicate of {}: same article text", pl.col("_kept")).alias("reason"),
            ).cast(REJECT_SCHEMA)
            batch = BatchResult(
                tables=tables,
                rejects=pl.concat([batch.rejects, rejects]),
                files_seen=batch.files_seen,
                seconds=batch.seconds,
                worker=batch.worker,
            )
        kept = batch.tables.articles.select("article_id", pl.col("source_file").alias("_kept"))
        self.frame = pl.concat([self.frame, kept])
        return batch


def in_order(items: Iterable, submit: Callable, ahead: int) -> Iterator:
    """submit(item, index) for each item; yields each future's result in order.

    The first batches are submitted on the call, so they run while the caller still sets up. At
    most `ahead` submitted batches wait besides the one being consumed: the next batch is
    submitted before the caller works on the current one (overlap), but memory holds only
    ahead + 1 batches whatever the input size.
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

    fill()
    return results()
