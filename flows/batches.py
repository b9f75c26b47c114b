"""Batching helpers between extract and transform: split inputs, drop duplicate articles, combine.

Grain of the documents frame: one row per article record; after `dedupe_documents` one row per
distinct article_id (the first file in path order wins), so article ids are unique across batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from flows.extract import REJECT_SCHEMA, Extracted
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
