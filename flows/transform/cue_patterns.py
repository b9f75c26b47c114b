"""Regular expressions and expressions built from cue lists (cues.csv), shared by the stages
that find meetings and their participants."""

from __future__ import annotations

import re

import polars as pl

from flows.transform import dates

SPEECH = ["speech_verb", "reported"]


def phrase_regex(phrases: list[str]) -> str:
    """Case-insensitive alternation of reference phrases on word boundaries (longest first)."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True) or ["\x00"]
    return r"(?i)\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b"


def states_this_day() -> pl.Expr:
    """A sentence stating the day of the meeting reported: a weekday, "yesterday", "today"."""
    return pl.col("text").str.contains(
        r"(?i)\b(?:"
        + dates.WEEKDAY_RE.strip("()")
        + r"|yesterday|today|tonight|this (?:morning|afternoon|evening))\b"
    )


def elsewhen(cues: dict[str, list[str]]) -> pl.Expr:
    """ "Last year, Governor X met Ambassador Y in Rome", "X met Y in Rome in 2018": a sentence with
    a time of its own in the past (`other_time_marker` in cues.csv, or a year before the published
    one, column `_pub_year`) and no day of this meeting (a weekday, "yesterday", "today") tells of
    another time. ("The delegation, led by A, was the first from Shanghai since 2019": a span
    "since" a year runs up to now; it dates no event of the past.)"""
    any_year = (
        pl.col("text")
        .str.extract_all(r"(?i)\b(?:in|during|back in)\s+((?:19|20)\d{2})\b")
        .list.eval(pl.element().str.extract(r"((?:19|20)\d{2})").cast(pl.Int32))
        .list.min()
    )
    other_time = r"(?i)\b(?:" + "|".join(cues.get("other_time_marker", []) or ["$^"]) + r")\b"
    return (
        (any_year < pl.col("_pub_year")).fill_null(False) | pl.col("text").str.contains(other_time)
    ) & ~states_this_day()
