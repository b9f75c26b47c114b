"""Agreements signed at or after a meeting ("attended the signing of a memorandum of understanding
on port cooperation"). Grain: one row per distinct agreement subject per meeting."""

from __future__ import annotations

import re

import polars as pl

from flows.transform.reference import Reference


def find_agreements(sentences: pl.DataFrame, sentence_map: pl.DataFrame, ref: Reference) -> pl.DataFrame:
    """sentence_map: (sid, meeting_id, source_file). Agreement nouns and signing words come from
    seeds/reference/cues.csv."""
    nouns = sorted(ref.cues.get("agreement_noun", []), key=len, reverse=True)
    signing = sorted(ref.cues.get("signing", []), key=len, reverse=True)
    if not nouns or not signing:
        return pl.DataFrame(
            schema={
                "meeting_id": pl.String,
                "source_file": pl.String,
                "subject": pl.String,
                "evidence": pl.String,
            }
        )
    noun_re = "|".join(re.escape(n) for n in nouns)
    subject_re = rf"(?i)\b((?:{noun_re})(?:\s+(?:on|for|to|in|between)\s+[^,.;]+)?)"
    sign_re = r"(?i)\b(?:" + "|".join(re.escape(s) for s in signing) + r")\b"
    rows = (
        sentences.filter(
            pl.col("text").str.contains(sign_re) & pl.col("text").str.contains(rf"(?i)\b(?:{noun_re})\b")
        )
        .join(
            sentence_map.select("sid", "meeting_id", "source_file"),
            on="sid",
            how="inner",
            maintain_order="left",
        )
        .with_columns(pl.col("text").str.extract_all(subject_re).alias("subject"))
        .explode("subject")
        .drop_nulls("subject")
        .with_columns(
            pl.col("subject")
            .str.replace(r"(?i)\s+(?:was|were|signed|at|after|during)\b.*$", "")
            .str.strip_chars()
            .alias("subject")
        )
        .filter(pl.col("subject").str.len_chars() > 2)
        .sort("meeting_id", "sent_no")
        .unique(
            subset=["meeting_id", pl.col("subject").str.to_lowercase()], keep="first", maintain_order=True
        )
    )
    # "memorandum of understanding" and "memorandum of understanding on climate ...": keep the longer
    longer = rows.select("meeting_id", pl.col("subject").str.to_lowercase().alias("_long"))
    shadowed = (
        rows.with_columns(pl.col("subject").str.to_lowercase().alias("_short"))
        .join(longer, on="meeting_id", maintain_order="left")
        .filter((pl.col("_long") != pl.col("_short")) & pl.col("_long").str.starts_with(pl.col("_short")))
        .select("meeting_id", "subject")
        .unique(maintain_order=True)
    )
    return rows.join(shadowed, on=["meeting_id", "subject"], how="anti", maintain_order="left").select(
        "meeting_id", "source_file", "subject", pl.col("text").alias("evidence")
    )
