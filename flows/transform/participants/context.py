"""The inputs every stage of `participants_and_sides` reads, built once, and helpers several stages share."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from flows.transform.cue_patterns import phrase_regex
from flows.transform.frames import shift_in


@dataclass(frozen=True)
class Shared:
    """The frames of the batch the stages read (as given to `participants_and_sides`, `cues`
    never None), and what is built once from them: `lede` (one row per meeting: article_id,
    lede_sid, verb_pos, passive_pos, member_pos), `lede_names` (one row per person named in a
    lede: article_id, name) and `other_meeting` (the regex of `other_meeting_marker`)."""

    meetings: pl.DataFrame
    sentences: pl.DataFrame
    flags: pl.DataFrame
    refs: pl.DataFrame
    people: pl.DataFrame
    t: pl.DataFrame
    attached: pl.DataFrame
    home_countries: list[str]
    cues: dict[str, list[str]]
    published: pl.DataFrame | None
    asides: pl.DataFrame | None
    headlines: pl.DataFrame | None
    lede: pl.DataFrame
    lede_names: pl.DataFrame
    other_meeting: str


def shared_inputs(
    meetings: pl.DataFrame,
    sentences: pl.DataFrame,
    flags: pl.DataFrame,
    refs: pl.DataFrame,
    people: pl.DataFrame,
    t: pl.DataFrame,
    attached: pl.DataFrame,
    home_countries: list[str],
    cues: dict[str, list[str]] | None,
    published: pl.DataFrame | None,
    asides: pl.DataFrame | None,
    headlines: pl.DataFrame | None,
) -> Shared:
    """The `Shared` inputs of one batch."""
    cues = cues or {}
    lede = meetings.select("article_id", "lede_sid", "verb_pos", "passive_pos", "member_pos")
    lede_names = (
        refs.join(
            lede, left_on=["article_id", "sid"], right_on=["article_id", "lede_sid"], maintain_order="left"
        )
        .select("article_id", "name")
        .unique(maintain_order=True)
    )
    # a sentence marking another meeting of the same trip (`other_meeting_marker`)
    other_meeting = phrase_regex(cues.get("other_meeting_marker", []))
    return Shared(
        meetings=meetings,
        sentences=sentences,
        flags=flags,
        refs=refs,
        people=people,
        t=t,
        attached=attached,
        home_countries=home_countries,
        cues=cues,
        published=published,
        asides=asides,
        headlines=headlines,
        lede=lede,
        lede_names=lede_names,
        other_meeting=other_meeting,
    )


def premodifies(nouns: list[str], reach: int = 4) -> pl.Expr:
    """A token opening a place (or country) whose noun phrase ends on one of `nouns` ("a Sao
    Paulo business delegation"): within `reach` tokens comes the noun, with only the place's own
    words and lower-case modifiers between."""
    hit = pl.lit(False)
    between_ok = pl.lit(True)
    for k in range(1, reach + 1):
        hit = hit | (between_ok & shift_in(pl.col("low"), -k, "sid").is_in(nouns))
        own_word = shift_in(pl.col("span_start"), -k, "sid") == pl.col("pos")
        modifier = shift_in(pl.col("tok"), -k, "sid").str.contains(r"^\p{Ll}[\p{Ll}\-]*$")
        between_ok = between_ok & (own_word | modifier).fill_null(False)
    return hit.fill_null(False)


def postmodifies(nouns: list[str], reach: int = 5) -> pl.Expr:
    """A token opening a place (or country) in the "of"/"from" phrase right after one of `nouns`
    ("a delegation of the Brazilian state of Sao Paulo"): within `reach` tokens back come the noun
    and its "of" or "from", with only lower-case words and nationalities between."""
    hit = pl.lit(False)
    between_ok = pl.lit(True)
    for k in range(1, reach + 1):
        hit = hit | (
            between_ok
            & shift_in(pl.col("low"), k, "sid").is_in(["of", "from"])
            & shift_in(pl.col("low"), k + 1, "sid").is_in(nouns)
        )
        word = shift_in(pl.col("tok"), k, "sid").str.contains(r"^\p{Ll}[\p{Ll}\-]*$") | shift_in(
            pl.col("lab"), k, "sid"
        ).is_in(["demonym", "country"])
        between_ok = between_ok & word.fill_null(False)
    return hit.fill_null(False)


def lede_tokens(t: pl.DataFrame, meetings: pl.DataFrame) -> pl.DataFrame:
    """The tokens of each meeting's lede, with the position of its meeting verb (`_vp`)."""
    return t.join(
        meetings.select(pl.col("lede_sid").alias("sid"), pl.col("verb_pos").alias("_vp")),
        on="sid",
        how="inner",
        maintain_order="left",
    )
