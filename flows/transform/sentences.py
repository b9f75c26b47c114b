"""Article bodies -> sentences. Grain: one row per sentence per article (sent_no from 0, para_no
from 0). Abbreviations ("Dr.", "U.S.") are protected before splitting; a sentence repeated right
after itself is kept once."""

from __future__ import annotations

import re

import polars as pl

from flows.transform.frames import can_match, row_in, shift_in

# Abbreviations whose period does not end a sentence (also the Indian honorifics "Smt.", "Shri.", "Thiru.").
ABBREV_RE = r"\b(Mr|Mrs|Ms|Smt|Shri|Thiru|Dr|Prof|Engr|Hj|Cllr|Cr|Assoc|Adm|Supt|Dept|St|Jr|Sr|Gen|Lt|Col|Capt|Rev|Hon|Rt|No|Co|Corp|Inc|Ltd|Mt|Messrs|Sen|Rep|Gov|Amb|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|e\.g|i\.e)\."
PROTECT = "\u2024"
# "Mayor Wang Fengmin (王凤民) met ...", "welcomed Duvallon（杜瓦隆）to ...": a romanised name's gloss in
# Chinese characters (half- or full-width brackets) is no word of the sentence; dropped, so the
# apposition after it describes the name before it ("Zhou Lin (周琳), Deputy Secretary-General of ...")
HAN_GLOSS_RE = r"\s*[(（]\s*\p{Han}[\p{Han}·・\s]*[)）]"  # one-dot leader: stands in for a protected period while splitting


def _caption_positions(positions: list[str] | None) -> str | None:
    """Regex of a photo caption's position note ("(second right)", "(front row, first left)",
    "(R)"): a parenthesis of `caption_position` words only, with the space before it."""
    if not positions:
        return None
    words = "|".join(sorted((re.escape(p) for p in positions), key=len, reverse=True))
    return r"(?i)\s*\((?:\s*(?:" + words + r")\b[\s,]*)+\)"


def split_sentences(articles: pl.DataFrame, caption_positions: list[str] | None = None) -> pl.DataFrame:
    """articles (article_id, body) -> (article_id, para_no, sent_no, text).

    caption_positions: words of a caption's position note ("Tang (second right), Party Secretary
    of Shanghai, and Mayor Ren (first right) pose with ..."); the note is dropped, so the
    apposition after it describes the name before it as in any sentence."""
    body = pl.col("body")
    note = _caption_positions(caption_positions)
    if note is not None:
        body = body.str.replace_all(note, "")
    # (a space stays where a word follows the closing bracket at once)
    body = body.str.replace_all(HAN_GLOSS_RE + r"([\p{L}\p{N}])", " ${1}").str.replace_all(HAN_GLOSS_RE, "")
    protected = body.str.replace_all(ABBREV_RE, "${1}" + PROTECT)
    # (initials, read only when some body holds a capital before a full stop: `can_match`)
    if can_match(articles, protected, r"\p{Lu}\."):
        protected = (
            protected.str.replace_all(r"\b(\p{Lu})\.(\p{Lu})\.", "${1}" + PROTECT + "${2}" + PROTECT)
            # two initials: "A. K. Menon"
            .str.replace_all(
                r"\b(\p{Lu})\.\s+(\p{Lu})\.\s+(\p{Lu}\p{Ll})", "${1}" + PROTECT + " ${2}" + PROTECT + " ${3}"
            )
            .str.replace_all(
                r"\b(\p{Lu})\.\s+(\p{Lu}[\p{Ll}])", "${1}" + PROTECT + " ${2}"
            )  # initials: "A. P. Moller"
        )
    marked = protected.str.replace_all(r"([.!?。][\"”’']?)\s+([\"“‘']?[\p{Lu}\d])", "${1}\n${2}")
    paragraphs = (
        articles.select("article_id", protected.alias("body"))
        .with_columns(pl.col("body").str.split("\n").alias("para"))
        .explode("para")
        .with_columns(row_in("article_id").alias("para_no"))
        .drop("body")
    )
    sentences = (
        paragraphs.with_columns(
            pl.col("para")
            # ("... together. ; Mayor K proposed ...": an item of a list opens a sentence too)
            # ("... Markus P. [Screen grab] Qin talks with ...": a bracketed label opens one too)
            .str.replace_all(r"([.!?。][\"”’']?)\s+((?:;\s+)?[\"“‘'\[]?[\p{Lu}\d])", "${1}\n${2}")
            .str.split("\n")
        )
        .explode("para")
        .rename({"para": "text"})
        .with_columns(pl.col("text").str.replace_all(PROTECT, ".", literal=True).str.strip_chars())
        .filter(pl.col("text").str.contains(r"\p{L}"))
        # "on Saturday. on Saturday." or a caption repeating a sentence verbatim right after it
        .filter(pl.col("text").ne_missing(shift_in(pl.col("text"), 1, "article_id")))
        .with_columns(row_in("article_id").cast(pl.Int32).alias("sent_no"))
    )
    del marked
    return sentences.select("article_id", pl.col("para_no").cast(pl.Int32), "sent_no", "text")
