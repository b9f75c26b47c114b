"""Reference data (seeds/reference/*.csv) loaded into one lookup table of token phrases.

Grain of `vocab`: one row per lowercase phrase (tokens joined by one space) with the category it
belongs to (title, country, demonym, place, org, cue categories, ...) and its canonical value.
Everything the extractor knows about words lives in these files, none of it in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import polars as pl

# Same tokeniser everywhere: reference phrases and article sentences must split identically.
TOKEN_PATTERN = r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-\.&][\p{L}\p{M}\p{N}]+)*|\d+|[,;:()]"
_POSS_RE = re.compile(r"['’]s\b")
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w]*(?:['’\-\.&]\w+)*|\d+|[,;:()]")

# When a phrase is in several lists, the first category here wins.
CATEGORY_PRIORITY = [
    "passive_host",
    "title",
    "org",
    "country",
    "place",
    "demonym",
    "honorific",
    "meeting_verb",
    "attendance",
    "member_marker",
    "led_by",
    "name_particle",
    "delegation_member",
    "group_noun",
    "separately",
    "speech_verb",
    "reported",
    "org_word",
    "not_name",
]
MAX_NGRAM = 6
# Cue lists read as word lists by the rules that need them, never as token labels (a word such as
# "welcomed" or "will" keeps its own label: speech verb, or a name like "Will").
LIST_ONLY = [
    "remote_meeting_noun",
    "civic_venue",
    "postnominal_member",
    "gerund_meeting_verb",
    "verb_split_adverb",
    "talks_clause",
    "talks_purpose",
    "message_noun",
    "message_verb",
    "conferred_noun",
    "talks_topic_marker",
    "not_topic_word",
    "past_visit_preposition",
    "signatory",
    "group_list_closer",
    "group_address",
    "signing_witness",
    "host_subject_verb",
    "guest_subject_verb",
    "trailing_attendance",
    "visit_word",
    "remote_meeting_verb",
    "chain_connector",
    "passive_participle",
    "surname_homograph",
    "month_homograph",
    "given_name_homograph",
    "inner_style",
    "verb_homograph",
    "delegation_part_word",
    "market_noun",
    "firm_noun",
    "delegation_object",
    "place_suffix",
    "party_word",
    "party_only_title",
    "group_list_opener",
    "proxy_noun",
    "proxy_to_noun",
    "meal_noun",
    "mission_noun",
    "predecessor_noun",
    "secretary_body_word",
    "attend_verb",
    "bare_attend_verb",
    "org_suffix",
    "attend_object",
    "future_marker",
    "future_verb",
    "other_meeting_marker",
    "firm_seat_word",
    "relative_pronoun",
    "aside_time_unit",
    "aside_time_preposition",
    "habitual_period",
    "spokesman_for",
    "secondary_title",
    "same_day_marker",
    "exhort_verb",
    "media_report_verb",
    "greeting_verb",
    "invitation_verb",
    "inviter_marker",
    "aside_passive_verb",
    "aside_reduced_verb",
    "aside_place_relative",
    "aside_sequence_verb",
    "determiner",
    "next_day_marker",
    "later_day_marker",
    "earlier_stop_marker",
    "guest_relative",
    "guest_apposition",
    "guest_adjective",
    "talks_followup",
    "caption_position",
    "list_member_marker",
    "group_list_marker",
    "other_event_word",
    "diplomat_group",
    "origin_word",
    "visit_verb",
    "subject_pronoun",
    "object_pronoun",
    "quote_told_verb",
    "speech_time_conjunction",
    "gerund_meeting_verb",
    "gerund_opener",
    "meeting_ordinal",
    "ordinal_meeting_noun",
    "no_theme_phrase",
    "boilerplate_turn_verb",
    "abroad_time",
    "co_lead_marker",
    "boilerplate_heading",
    "credit_role",
    "broadcast_label",
    "compass_word",
    "itinerary_noun",
    "earlier_stop_verb",
    "trip_stop_verb",
    "onward_stop_verb",
    "clause_attend_word",
    "stand_in_marker",
    "every_meeting",
    "every_separate_meeting",
    "event_audience",
    "event_host_verb",
    "escort_verb",
    "negation_marker",
    "institution_word",
    "vocation_noun",
    "mission_venue",
    "relation_noun",
    "proxy_verb",
    "source_noun",
    "aside_event_preposition",
    "authored_noun",
    "cabinet_title",
    "government_head",
    "escorted_noun",
    "escort_visit_verb",
    "escort_tail",
]


_INNER_CAP_RE = re.compile(r"[a-z][^\W\d_]*[A-Z]")  # a lower-case letter, later a capital


def phrase_key(text: str) -> str:
    return " ".join(t.lower() for t in _TOKEN_RE.findall(text))


@dataclass(frozen=True)
class Reference:
    vocab: pl.DataFrame  # phrase, ntok, cat, value, iso2, kind, rank
    themes: pl.DataFrame  # code, label, description
    theme_keywords: pl.DataFrame  # theme, phrase
    theme_negative: list[str]
    cues: dict[str, list[str]]
    countries: pl.DataFrame  # iso2, name
    home_countries: list[str]  # prior for the host location when a report states none

    @cached_property
    def known_words(self) -> list[str]:
        """Every word (lower case, 4+ letters) of the titles, places, countries and theme phrases:
        a word hyphenated at a wrapped page's line break that is one of these is one word.
        (Read once per Reference; callers do not change the list.)"""
        phrases = pl.concat([self.vocab.select("phrase"), self.theme_keywords.select("phrase")])
        return (
            phrases.select(pl.col("phrase").str.to_lowercase().str.extract_all(r"\p{L}{4,}").alias("w"))
            .explode("w")
            .drop_nulls()
            .unique()["w"]
            .to_list()
        )


def _read(path: Path, columns: list[str]) -> pl.DataFrame:
    if not path.exists():
        return pl.DataFrame(schema=dict.fromkeys(columns, pl.String))
    df = pl.read_csv(path, infer_schema=False, encoding="utf8")
    for c in columns:
        if c not in df.columns:
            df = df.with_columns(pl.lit(None, dtype=pl.String).alias(c))
    return df.select(columns)


def _aliases(df: pl.DataFrame, name_col: str, alias_col: str) -> pl.DataFrame:
    """One row per spelling: the name and each pipe-separated alias."""
    return (
        df.with_columns(
            pl.concat_list(pl.col(name_col), pl.col(alias_col).fill_null("").str.split("|")).alias("_phrase")
        )
        .explode("_phrase")
        .filter(pl.col("_phrase").str.strip_chars() != "")
    )


@lru_cache(maxsize=4)
def load_reference(reference_dir: Path) -> Reference:
    reference_dir = Path(reference_dir)
    parts: list[pl.DataFrame] = []
    cols = ["phrase", "cat", "value", "iso2", "kind", "rank"]

    titles = _read(reference_dir / "titles.csv", ["phrase", "title", "kind", "rank"])
    parts.append(
        titles.select(
            pl.col("phrase"),
            pl.lit("title").alias("cat"),
            pl.col("title").alias("value"),
            pl.lit(None, pl.String).alias("iso2"),
            "kind",
            "rank",
        )
    )

    countries = _read(reference_dir / "countries.csv", ["iso2", "name", "aliases", "demonyms"])
    c = _aliases(countries, "name", "aliases")
    parts.append(
        c.select(
            pl.col("_phrase").alias("phrase"),
            pl.lit("country").alias("cat"),
            pl.col("name").alias("value"),
            "iso2",
            pl.lit("country").alias("kind"),
            pl.lit(None, pl.String).alias("rank"),
        )
    )
    d = countries.with_columns(pl.col("demonyms").fill_null("").str.split("|").alias("_phrase")).explode(
        "_phrase"
    )
    parts.append(
        d.filter(pl.col("_phrase") != "").select(
            pl.col("_phrase").alias("phrase"),
            pl.lit("demonym").alias("cat"),
            pl.col("name").alias("value"),
            "iso2",
            pl.lit("demonym").alias("kind"),
            pl.lit(None, pl.String).alias("rank"),
        )
    )

    places = _read(reference_dir / "places.csv", ["name", "iso2", "kind", "aliases"])
    p = _aliases(places, "name", "aliases")
    parts.append(
        p.select(
            pl.col("_phrase").alias("phrase"),
            pl.lit("place").alias("cat"),
            pl.col("name").alias("value"),
            "iso2",
            "kind",
            pl.lit(None, pl.String).alias("rank"),
        )
    )

    orgs = _read(reference_dir / "organizations.csv", ["name", "aliases", "kind", "iso2"])
    o = _aliases(orgs, "name", "aliases")
    parts.append(
        o.select(
            pl.col("_phrase").alias("phrase"),
            pl.lit("org").alias("cat"),
            pl.col("name").alias("value"),
            "iso2",
            "kind",
            pl.lit(None, pl.String).alias("rank"),
        )
    )

    cue_df = _read(reference_dir / "cues.csv", ["category", "phrase"])
    parts.append(
        cue_df.filter(~pl.col("category").is_in(LIST_ONLY)).select(
            "phrase",
            pl.col("category").alias("cat"),
            pl.col("phrase").alias("value"),
            pl.lit(None, pl.String).alias("iso2"),
            pl.lit(None, pl.String).alias("kind"),
            pl.lit(None, pl.String).alias("rank"),
        )
    )

    vocab = pl.concat([x.select(cols) for x in parts], how="vertical_relaxed")
    originals = vocab["phrase"].to_list()
    keys = [phrase_key(s) for s in originals]  # small: a few thousand phrases
    # "Chinese People's Political Consultative Conference": an article's tokens lose their
    # possessive "'s" (tokens.py), so a phrase written with one is looked up without it, and may
    # run on past the possessive (own_poss) where a place or title may not
    own_poss = [bool(_POSS_RE.search(k)) for k in keys]
    keys = [_POSS_RE.sub("", k) for k in keys]
    # "GE", "WHO", "SAP": an acronym matches only a token written in capitals, never "Ge" or "who"
    # "DuPont", "BlackRock": an organisation written with a capital inside one word matches only as
    # written, never a surname in title case ("Consul General Lise Dupont")
    exact = [
        o.strip()
        if " " not in o.strip()
        and len(o.strip()) > 1
        and (o.strip().isupper() or (c == "org" and _INNER_CAP_RE.search(o.strip())))
        else None
        for o, c in zip(originals, vocab["cat"].to_list(), strict=True)
    ]
    priority = {c: i for i, c in enumerate(CATEGORY_PRIORITY)}
    vocab = (
        vocab.with_columns(
            pl.Series("phrase", keys, dtype=pl.String),
            pl.Series("exact", exact, dtype=pl.String),
            pl.Series("own_poss", own_poss, dtype=pl.Boolean),
        )
        .filter(pl.col("phrase") != "")
        .with_columns(
            pl.col("phrase").str.count_matches(" ").add(1).cast(pl.Int32).alias("ntok"),
            pl.col("cat").replace_strict(priority, default=99).alias("_prio"),
            pl.col("rank").cast(pl.Int32, strict=False),
        )
        .filter(pl.col("ntok") <= MAX_NGRAM)
        # (a stable sort: of two values of one phrase and one category, "Congolese" for CD and CG,
        # the first in its file wins, not whichever the sort left first; issue 15e)
        .sort(["phrase", "_prio"], maintain_order=True)
        .unique(subset=["phrase"], keep="first", maintain_order=True)
        .drop("_prio")
    )
    cues = {
        cat: [phrase_key(p) for p in grp["phrase"].to_list()]
        for (cat,), grp in cue_df.group_by("category", maintain_order=True)
    }
    themes = _read(reference_dir / "themes.csv", ["code", "label", "description"])
    # (a phrase may name two fields: "new energy vehicles" is manufacturing and clean energy)
    kw = _read(reference_dir / "theme_keywords.csv", ["theme", "phrase"]).unique(
        subset=["theme", "phrase"], keep="first", maintain_order=True
    )
    neg = _read(reference_dir / "theme_negative_cues.csv", ["phrase"])["phrase"].str.to_lowercase().to_list()
    return Reference(
        vocab=vocab,
        themes=themes,
        theme_keywords=kw,
        theme_negative=neg,
        cues=cues,
        countries=countries.select("iso2", "name"),
        home_countries=_read(reference_dir / "home_countries.csv", ["iso2"])["iso2"].to_list(),
    )
