"""Incremental loads by content: which inputs are new, changed, unchanged or rejected, and what to
(re)build, from the hashes kept in `core.sources`.

Rules (README "Incremental runs"):
- A file with the size and modification time recorded at the last load is not even read; one whose
  bytes hash as at the last load is not decoded, parsed or transformed. Either way its sources
  (the file, or each JSONL line) count as unchanged (or as the same rejects, with their reasons).
- An input is *new* when its source_file was never loaded, *unchanged* when it gives the article it
  gave before, *changed* otherwise (an edited file, or one rejected before). Each input is exactly one
  of new, changed, unchanged or reject: files_seen = articles_new + articles_changed
  + articles_unchanged + rejects.
- An article (article_id = hash of its text) is the same article under every name it appears under.
  `core.sources` lists all its names; its rows (core.articles, meetings, participants, ...) are built
  once, from its *primary* source: the first of its sources in path order. The contract's single
  source_file column names that primary source.
- An article's rows are rebuilt only when it is new to the warehouse or its primary source changed;
  rows of articles no source gives any more are deleted. An edited file thus replaces its earlier
  rows, and a copy under a second name changes no row (unless it sorts first: then the rows are
  rebuilt from it, exactly as a full refresh would build them).
- A source whose file is absent from this run's input is kept with its rows (the warehouse keeps
  what it was given), unless the run prunes: then it is dropped, and so are the rows of articles no
  other source gives. `--full-refresh` plans against an empty warehouse: everything in the input is
  extracted and transformed, nothing else is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.extract import DOCUMENT_SCHEMA, SOURCE_SCHEMA, Extracted, KnownFile
from flows.load import Changes, _attach_previous, connect

ARTICLE_KEYS = {"article_id": pl.String, "source_file": pl.String}


@dataclass(frozen=True)
class Previous:
    """The published warehouse's state: core.sources and the primary source of each article."""

    sources: pl.DataFrame  # SOURCE_SCHEMA
    articles: pl.DataFrame  # article_id, source_file

    def known_files(self) -> dict[str, KnownFile]:
        """input_file -> what the last load recorded of it, for files that can be skipped."""
        files = (
            self.sources.group_by("input_file")
            .agg(
                pl.col("file_hash").n_unique().alias("n"),
                pl.col("file_hash").first(),
                pl.col("file_size").first(),
                pl.col("file_mtime_ns").first(),
            )
            .filter((pl.col("n") == 1) & pl.col("file_hash").is_not_null())
        )
        return {
            name: KnownFile(file_hash, size, mtime_ns)
            for name, file_hash, size, mtime_ns in zip(
                files["input_file"],
                files["file_hash"],
                files["file_size"],
                files["file_mtime_ns"],
                strict=True,
            )
        }


def empty_previous() -> Previous:
    return Previous(pl.DataFrame(schema=SOURCE_SCHEMA), pl.DataFrame(schema=ARTICLE_KEYS))


def read_previous(published: Path) -> Previous:
    """State of the published warehouse (read-only: writers never open the published file)."""
    published = Path(published)
    if not published.exists():
        return empty_previous()
    con = connect()
    try:
        _attach_previous(con, published)
        tables = {
            row[0]
            for row in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'previous' AND schema_name = 'core'"
            ).fetchall()
        }
        if "articles" not in tables:
            return empty_previous()
        articles = con.sql("SELECT article_id, source_file FROM previous.core.articles").pl()
        if "sources" in tables:
            present = {
                row[0]
                for row in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE database_name = 'previous' "
                    "AND schema_name = 'core' AND table_name = 'sources'"
                ).fetchall()
            }
            # columns added since the file was written read as NULL (such files are read and hashed)
            columns = [name if name in present else f"NULL AS {name}" for name in SOURCE_SCHEMA]
            sources = con.sql(f"SELECT {', '.join(columns)} FROM previous.core.sources").pl()
        else:
            # A warehouse from before core.sources: its articles are the sources (not skippable).
            sources = con.sql(
                "SELECT source_file, regexp_replace(source_file, '#[0-9]+$', '') AS input_file, "
                "NULL AS file_hash, content_hash, article_id, NULL AS stage, NULL AS reason, "
                "NULL AS file_size, NULL AS file_mtime_ns FROM previous.core.articles"
            ).pl()
        con.execute("DETACH previous")
    finally:
        con.close()
    return Previous(sources.cast(SOURCE_SCHEMA), articles.cast(ARTICLE_KEYS))


@dataclass(frozen=True)
class Plan:
    # One row per article to (re)build whose primary source this run extracted, with the columns
    # the extraction had (a streamed run keeps metadata only: its text waits in spill files).
    documents: pl.DataFrame
    changes: Changes  # what the load applies besides inserting the transformed tables
    run_sources: pl.DataFrame  # this run's inputs with `change` (new, changed, unchanged, reject)
    # Whole documents re-read from unchanged files that now hold an article's primary source.
    reread: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=DOCUMENT_SCHEMA))
    # Nothing to build, delete or repoint, and core.sources as published: the run leaves the article
    # tables exactly as they are (models over them then keep their row counts).
    core_unchanged: bool = False

    @property
    def counts(self) -> dict:
        return self.changes.counts

    @property
    def build_count(self) -> int:
        return self.documents.height + self.reread.height

    def all_documents(self) -> pl.DataFrame:
        """Every document to transform (when `documents` has its text), in source order."""
        return pl.concat([self.documents, self.reread.select(self.documents.columns)]).sort("source_file")


def plan(
    previous: Previous,
    extracted: Extracted,
    listed_files: list[str],
    reread: Callable[[list[str]], pl.DataFrame],
    prune: bool = False,
    full_refresh: bool = False,
) -> Plan:
    """Decide what this run builds, deletes and records.

    extracted: this run's extraction with previous.known_files() (unchanged files only in
    `skipped`); listed_files: every input file of this run (relative paths); reread(input_files):
    documents of files that were skipped but hold the new primary source of an article.
    With full_refresh the plan starts from an empty warehouse; previous still sets the
    new/changed/unchanged accounting.
    """
    base = empty_previous() if full_refresh else previous
    skipped = extracted.skipped.select("input_file")
    # an unchanged file's inputs as recorded, with the size and mtime it has now (a touched file
    # is then recognised by them next time)
    reproduced = (
        base.sources.drop("file_size", "file_mtime_ns")
        .join(extracted.skipped.select("input_file", "file_size", "file_mtime_ns"), on="input_file")
        .select(list(SOURCE_SCHEMA))
    )
    run_sources = pl.concat([extracted.sources.select(list(SOURCE_SCHEMA)), reproduced]).sort("source_file")
    listed = pl.DataFrame({"input_file": listed_files}, schema={"input_file": pl.String})
    absent = base.sources.join(listed, on="input_file", how="anti")
    kept = absent.clear() if prune else absent
    sources = (
        pl.concat([run_sources, kept])
        .unique("source_file", keep="first", maintain_order=True)
        .sort("source_file")
    )

    # Accounting: each input of this run against what the warehouse knew of it.
    before = previous.sources.select(
        "source_file", pl.col("article_id").alias("_before"), pl.lit(True).alias("_known")
    )
    run_sources = (
        run_sources.join(before, on="source_file", how="left")
        .with_columns(
            pl.when(pl.col("article_id").is_null())
            .then(pl.lit("reject"))
            .when(pl.col("_known").is_null())
            .then(pl.lit("new"))
            .when(pl.col("_before").eq_missing(pl.col("article_id")))
            .then(pl.lit("unchanged"))
            .otherwise(pl.lit("changed"))
            .alias("change")
        )
        .drop("_before", "_known")
    )

    # Articles after this run, each with its primary source; what the warehouse has now.
    wanted = (
        sources.filter(pl.col("article_id").is_not_null())
        .group_by("article_id")
        .agg(pl.col("source_file").min().alias("primary"))
    )
    current = base.articles.rename({"source_file": "current"})
    joined = wanted.join(current, on="article_id", how="left")
    build = joined.filter(pl.col("current").is_null() | (pl.col("current") != pl.col("primary")))
    gone = current.join(wanted, on="article_id", how="anti").select("article_id")

    # The text of each primary source to build from: extracted now, re-read from a skipped file,
    # or nowhere (a file absent from the input): then the rows stay and only name the new primary.
    documents = extracted.documents.join(
        build.select(pl.col("primary").alias("source_file")), on="source_file", how="semi"
    )
    missing = build.join(documents.select(pl.col("source_file").alias("primary")), on="primary", how="anti")
    to_read = (
        missing.join(sources.select(pl.col("source_file").alias("primary"), "input_file"), on="primary")
        .join(skipped, on="input_file", how="semi")
        .get_column("input_file")
        .unique()
        .sort()
        .to_list()
    )
    more = pl.DataFrame(schema=DOCUMENT_SCHEMA)
    if to_read:
        more = reread(to_read).join(
            missing.select(pl.col("primary").alias("source_file")), on="source_file", how="semi"
        )
    built = pl.concat([documents.select("source_file"), more.select("source_file")])
    unbuilt = build.join(built.select(pl.col("source_file").alias("primary")), on="primary", how="anti")
    retarget = (
        unbuilt.filter(pl.col("current").is_not_null())
        .join(sources.select(pl.col("source_file").alias("primary"), "content_hash"), on="primary")
        .select("article_id", pl.col("primary").alias("source_file"), "content_hash")
    )
    rebuilt = build.join(unbuilt, on="article_id", how="anti").filter(pl.col("current").is_not_null())
    delete = pl.concat([gone, rebuilt.select("article_id")]).unique().sort("article_id")

    changes_by_kind = run_sources.get_column("change").value_counts()
    by_kind = dict(zip(changes_by_kind["change"].to_list(), changes_by_kind["count"].to_list(), strict=True))
    counts = {
        "files_seen": run_sources.height,
        "articles_new": by_kind.get("new", 0),
        "articles_changed": by_kind.get("changed", 0),
        "articles_unchanged": by_kind.get("unchanged", 0),
        "rejects": by_kind.get("reject", 0),
        "input_files": len(listed_files),
        "sources_absent": absent.height,
        "sources_pruned": absent.height if prune else 0,
        "articles_deleted": gone.height,
        "prune": prune,
    }
    core_unchanged = (
        not full_refresh
        and build.height == 0
        and delete.height == 0
        and sources.equals(previous.sources.select(sources.columns).sort("source_file"))
    )
    return Plan(
        documents=documents.sort("source_file"),
        changes=Changes(sources=sources, delete_articles=delete, retarget=retarget, counts=counts),
        run_sources=run_sources,
        reread=more.sort("source_file"),
        core_unchanged=core_unchanged,
    )


def run_rejects(plan_: Plan) -> pl.DataFrame:
    """One row per rejected input of this run (reproduced ones keep their stored reason)."""
    return plan_.run_sources.filter(pl.col("change") == "reject").select("source_file", "stage", "reason")
