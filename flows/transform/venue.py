"""Where a meeting took place, from how the report is framed rather than from the lede's grammar.

Reports of a trip abroad often state the meeting's place only in their dateline ("ALMATY -- Shaanxi
Governor X met with Almaty Mayor Y on Tuesday") or only by giving the time as the local time of
another place ("met with Luxembourg's Minister of the Economy Y on July 2 local time"). Without
these, the corpus prior (a place at home, `home_countries.csv`) would make the travelling Chinese
delegation the host. Both are weaker than a place stated in the lede or a visit's destination,
which `participants.participants_and_sides` tries first.
"""

from __future__ import annotations

import polars as pl

from flows.transform.dates import DATELINE_DASH_RE
from flows.transform.frames import can_match

# "ALMATY -- ", "CHIANG MAI, Thailand -- ", "NANJING, November 2 (China News) -- ", "LYON, France,
# Oct. 7 -- ": a place opening the paragraph, up to two comma parts (country, date), an optional
# agency in brackets, then a dash and the sentence
DATELINE_HEAD_RE = (
    r"^\s*(\p{Lu}[\p{L}\p{M}.'’\- ]{1,40}?)(?:,\s+[^,()–—]{2,30}?){0,2}\s*(?:\([^)]*\)\s*)?(?:--|[–—]|-)\s+\S"
)
# (both need a dash and a space: DATELINE_DASH_RE, `frames.can_match`)
# the whole head up to the dash (group 1), to know how many words of the sentence it holds
DATELINE_WHOLE_RE = (
    r"^(\s*\p{Lu}[\p{L}\p{M}.'’\- ]{1,40}?(?:,\s+[^,()–—]{2,30}?){0,2}\s*(?:\([^)]*\)\s*)?)(?:--|[–—]|-)\s+\S"
)


def dateline_places(sentences: pl.DataFrame, t: pl.DataFrame, lede: pl.DataFrame) -> pl.DataFrame:
    """(article_id, dateline_place, dateline_iso2): the place of a dateline opening a sentence at or
    before the lede, when the dateline's head is exactly a place (or country) of the reference.

    lede: (article_id, lede_sent). A dateline names where the report was filed, which for a wire or
    city paper is where the meeting took place; `home_countries.csv` is only the corpus prior."""
    head = pl.col("text").str.extract(DATELINE_HEAD_RE, 1).str.strip_chars().str.to_lowercase()
    if not can_match(sentences, "text", DATELINE_DASH_RE):
        head = pl.lit(None, dtype=pl.String)
    heads = (
        sentences.join(lede, on="article_id", how="inner", maintain_order="left")
        .filter(pl.col("sent_no") <= pl.col("lede_sent"))
        .with_columns(head.alias("_head"))
        .filter(pl.col("_head").is_not_null())
        .select("sid", "article_id", "sent_no", "_head")
    )
    # the tokens of the reference place that opens the sentence ("Chiang", "Mai": "chiang mai")
    opening = (
        t.join(heads.select("sid"), on="sid", how="inner", maintain_order="left")
        .filter(
            pl.col("lab").is_in(["place", "country"])
            & (pl.col("span_start") == 0)
            & pl.col("iso2").is_not_null()
        )
        .group_by("sid", maintain_order=True)
        .agg(
            pl.col("low").str.join(" ").alias("_words"),
            pl.col("value").first().alias("dateline_place"),
            pl.col("iso2").first().alias("dateline_iso2"),
        )
    )
    return (
        heads.join(opening, on="sid", how="inner", maintain_order="left")
        .filter(pl.col("_words") == pl.col("_head"))
        .sort("article_id", "sent_no")
        .unique(subset=["article_id"], keep="first", maintain_order=True)
        .select("article_id", "dateline_place", "dateline_iso2")
    )


def abroad_places(
    t: pl.DataFrame, lede: pl.DataFrame, home_countries: list[str], cues: dict[str, list[str]]
) -> pl.DataFrame:
    """(article_id, abroad_place, abroad_iso2): a lede giving its time as local time (`abroad_time`
    in cues.csv: "on July 2 local time") reports from away from the paper's home: the meeting took
    place in the one foreign country the lede names (its first city there, else the country).

    lede: (article_id, sid) of the lede sentence."""
    words = [w.lower() for w in cues.get("abroad_time", [])]
    if not words:
        return pl.DataFrame(
            schema={"article_id": pl.String, "abroad_place": pl.String, "abroad_iso2": pl.String}
        )
    lt = t.join(lede.select("sid"), on="sid", how="inner", maintain_order="left")
    # (a phrase of two words or more: its words in a row)
    cue = pl.lit(False)
    for phrase in words:
        parts = phrase.split()
        hit = pl.lit(True)
        for k, w in enumerate(parts):
            hit = hit & (pl.col("low").shift(-k).over("sid") == w).fill_null(False)
        cue = cue | hit
    abroad = lt.filter(cue).select("sid").unique()
    foreign = (
        lt.join(abroad, on="sid", how="inner", maintain_order="left")
        .filter(
            pl.col("lab").is_in(["country", "demonym", "place"])
            & pl.col("iso2").is_not_null()
            & ~pl.col("iso2").is_in(home_countries)
            & (pl.col("span_start") == pl.col("pos"))
        )
        .sort("sid", "pos")
    )
    return (
        foreign.group_by("article_id", maintain_order=True)
        .agg(
            pl.col("iso2").unique().alias("_isos"),
            pl.col("value").filter(pl.col("lab") == "place").first().alias("_city"),
            pl.col("value").filter(pl.col("lab") == "country").first().alias("_country"),
            pl.col("iso2").first().alias("abroad_iso2"),
        )
        .filter(pl.col("_isos").list.len() == 1)
        .select("article_id", pl.coalesce("_city", "_country").alias("abroad_place"), "abroad_iso2")
    )


def sentence_places(t: pl.DataFrame, sids: pl.DataFrame, attached: pl.DataFrame) -> pl.DataFrame:
    """(sid, sentence_iso2): the country of the first place a sentence names after "in", "at" or
    "to" that describes nobody ("On Sunday, Qian was in Munich, where he held talks with the city's
    Deputy Mayor X"): where the meeting that sentence reports took place.

    sids: (sid) the sentences to read; attached: (sid, chain) chains describing a person."""
    return (
        t.join(sids, on="sid", how="inner", maintain_order="left")
        .join(
            attached.with_columns(pl.lit(True).alias("_attached")),
            on=["sid", "chain"],
            how="left",
            maintain_order="left",
        )
        .filter(
            (pl.col("lab") == "place")
            & pl.col("iso2").is_not_null()
            & (pl.col("span_start") == pl.col("pos"))
            & pl.col("prev_low").is_in(["in", "at", "to"])
            & pl.col("_attached").is_null()
        )
        .sort("sid", "pos")
        .group_by("sid", maintain_order=True)
        .agg(pl.col("iso2").first().alias("sentence_iso2"))
    )
