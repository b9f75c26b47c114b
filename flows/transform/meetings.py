"""Meetings from sentences, labelled tokens and person mentions.

A meeting is reported by the first sentence that names a person next to a meeting verb ("met",
"held talks", "was received by") outside reported speech (`find_meetings`; `sentence_flags` says
where each sentence's verbs and markers stand, `resolve_people` resolves surnames). Its leads are
the people named there; members are those said to attend, accompany or be present; the host side
is the one at home where the meeting took place: `participants/` (one module per stage).
"""

from __future__ import annotations

import re

import polars as pl

from flows.transform import dates
from flows.transform.cue_patterns import SPEECH, elsewhen, phrase_regex, states_this_day
from flows.transform.frames import can_match, shift_in

# Moved out of this module (meetings.py finds meetings); importable from here as before.
from flows.transform.meeting_dates import meeting_dates  # noqa: F401
from flows.transform.participants import listed_guest_countries, participants_and_sides  # noqa: F401
from flows.transform.references import (  # noqa: F401
    named_title_references,
    object_pronoun_lede_refs,
    pronoun_lede_refs,
    title_references,
)


def sentence_flags(
    t: pl.DataFrame,
    passive_words: list[str] | None = None,
    attend_objects: list[str] | None = None,
    trailing_attendance: list[str] | None = None,
    attend_verbs: list[str] | None = None,
    bare_attend_verbs: list[str] | None = None,
) -> pl.DataFrame:
    """One row per sentence: where its meeting verb, first speech verb and member marker stand.

    attend_verbs: words that report attendance only with an object such as "meeting" ("joined the
    Lord Mayor for the meeting"); they neither label tokens nor keep a sentence from being a lede.
    bare_attend_verbs: attendance verbs that need no object ("Vice Governor Fang Wei attended.")."""
    first = lambda cond: pl.col("pos").filter(cond).min()  # noqa: E731
    # "..., with A and B in attendance", "...; A was present": names between the last ", with" or
    # ";" and a trailing attendance cue are attendees even inside the lede
    # (a one-word cue such as "present" is no token label, so it is read from the word itself)
    trail = (
        (pl.col("lab") == "attendance") & pl.col("value").str.to_lowercase().is_in(trailing_attendance or [])
    ) | (
        pl.col("low").is_in([w for w in trailing_attendance or [] if " " not in w])
        & ~pl.col("lab").is_in(["attendance", "meeting_verb", "speech_verb"])
        & ~shift_in(pl.col("low"), 1, "sid").fill_null("").is_in(["to", "will", "would", "can", "could"])
    )
    trail_at = (
        t.filter(trail).group_by("sid", maintain_order=True).agg(pl.col("pos").min().alias("trail_pos"))
    )
    t = t.join(trail_at, on="sid", how="left", maintain_order="left").with_columns(
        shift_in(pl.col("tok"), 1, "sid").alias("_prev_tok")
    )
    # "was received yesterday by X": a "by" shortly after was/were + a receiving participle marks
    # the host even with words in between (the fixed phrase "was received by" is the common case)
    words = passive_words or []
    near = lambda k, vals: shift_in(pl.col("low").is_in(vals), k, "sid").fill_null(False)  # noqa: E731
    agent_by = (
        (pl.col("low") == "by")
        & pl.any_horizontal([near(k, words) for k in range(1, 5)])
        & pl.any_horizontal([near(k, ["was", "were"]) for k in range(2, 7)])
    )
    # "A was among envoys from 18 countries received by B", "A was one of the ambassadors received
    # by B": a receiving participle right before "by", in a group the subject is said to be among,
    # marks the host however long the group's description (issue 13a)
    # (tokens are sorted by sid, pos: "was among" earlier in the sentence is carried forward)
    among_at = near(1, ["was", "were"]) & (
        (pl.col("low") == "among")
        | ((pl.col("low") == "one") & (shift_in(pl.col("low"), -1, "sid") == "of").fill_null(False))
    )
    among_before = pl.when(among_at).then(pl.col("sid")).forward_fill() == pl.col("sid")
    agent_by = agent_by | ((pl.col("low") == "by") & near(1, words) & among_before.fill_null(False))
    # "Vice Governor Fang Wei attended.", "On the Chinese side, X took part.": an attendance verb
    # that needs no object closes the sentence (a place may follow: where they sat)
    last_word = (
        pl.col("pos")
        .filter(~pl.col("lab").is_in(["place", "country"]) & ~pl.col("low").is_in(["in", "from"]))
        .max()
        .over("sid")
    )
    # ("Vice Mayor A also attended, along with B": a comma and a member marker after it go on
    # with who else attended, no object)
    then_member = (shift_in(pl.col("tok"), -1, "sid") == ",") & (
        shift_in(pl.col("lab"), -2, "sid") == "member_marker"
    )
    bare_final = _phrase_ends(bare_attend_verbs or []) & (
        (pl.col("pos") == last_word) | then_member.fill_null(False)
    )
    # "A met with B ... and was hosted to lunch by him": a passive receiving phrase whose agent is
    # an object pronoun, after a meeting verb, names as host the one "met with" named (its agent
    # group starts at the meeting verb, not at "by")
    pronoun_agent = (
        (pl.col("lab") == "passive_host")
        & (shift_in(pl.col("lab"), -1, "sid") != "passive_host").fill_null(True)
        & shift_in(pl.col("low"), -1, "sid").is_in(["him", "her", "them"]).fill_null(False)
    )
    participle_by = pl.col("low").is_in(words) & (shift_in(pl.col("low"), -1, "sid") == "by").fill_null(False)
    t = t.with_columns(
        agent_by.alias("_agent_by"),
        bare_final.alias("_bare_final"),
        pronoun_agent.alias("_pron_agent"),
        participle_by.alias("_participle_by"),
    )
    meet_pos = first(pl.col("lab") == "meeting_verb")
    passive_at = first((pl.col("lab") == "passive_host") | pl.col("_agent_by"))
    return t.group_by("sid", maintain_order=True).agg(
        first(
            pl.col("lab").is_in(["meeting_verb", "passive_host"])
            | pl.col("_agent_by")
            | ((pl.col("lab") == "separately") & pl.col("value").str.contains("talks|meetings"))
        ).alias("verb_pos"),
        (pl.col("lab") == "separately").any().alias("has_sep"),
        pl.when(pl.col("_pron_agent").any() & (meet_pos < passive_at))
        .then(meet_pos)
        .otherwise(passive_at)
        .alias("passive_pos"),
        # (a receiving participle right before "by" is a passive, no speech verb: "A was among
        # envoys welcomed by B"; issue 13a)
        first(pl.col("lab").is_in(SPEECH) & ~pl.col("_participle_by")).alias("speech_pos"),
        first(pl.col("lab") == "member_marker").alias("member_pos"),
        # ("A accompanied B to meet with C": who escorts stands before `escort`, verb_context.py)
        first(pl.col("lab") == "escort").alias("escort_pos"),
        # ("X, accompanied by Y, met Z": a member marker before the verb leaves the sentence a lede)
        first(pl.col("lab").is_in(["attendance", "delegation_member"])).alias("attend_pos"),
        pl.col("value")
        .filter(pl.col("lab") == "member_marker")
        .first()
        .str.to_lowercase()
        .alias("member_value"),
        (
            pl.col("lab").is_in(["attendance", "member_marker", "delegation_member"])
            | pl.col("low").is_in(attend_verbs or [])
            | pl.col("_bare_final")
        )
        .any()
        .alias("has_attend"),
        first(
            pl.col("lab").is_in(["attendance", "member_marker", "delegation_member"])
            | pl.col("low").is_in(attend_verbs or [])
            | pl.col("_bare_final")
        ).alias("attend_any_pos"),
        (pl.col("lab") == "delegation_member").any().alias("has_delegation_member"),
        (pl.col("lab") == "led_by").any().alias("has_led_by"),
        first(pl.col("lab") == "led_by").alias("led_pos"),
        (pl.col("lab") == "group_noun").any().alias("has_group"),
        (
            # "attended the Boao Forum for Asia Annual Conference": an object capitalised inside the
            # sentence is part of a named event, another event than the meeting
            (
                pl.col("low").is_in(attend_objects or [])
                & ((pl.col("tok") == pl.col("low")) | (pl.col("pos") == 0))
            ).any()
            # "Vice Governor Fang Wei attended." / "also attended" / "attended in Changchun": nothing
            # else was attended
            | pl.col("_bare_final").any()
        ).alias("has_attend_object"),
        pl.coalesce(
            pl.col("value").filter(pl.col("lab").is_in(["attendance", "member_marker"])).first(),
            pl.col("low").filter(pl.col("low").is_in(attend_verbs or [])).first(),
        ).alias("attend_cue"),
        # the phrase of the meeting verb ("hosted", "paid a courtesy call"): who receives whom
        pl.col("value")
        .filter(
            pl.col("lab").is_in(["meeting_verb", "passive_host"])
            | ((pl.col("lab") == "separately") & pl.col("value").str.contains("talks|meetings"))
        )
        .first()
        .str.to_lowercase()
        .alias("verb_value"),
        pl.col("prev_low")
        .filter(pl.col("lab").is_in(["meeting_verb", "passive_host"]))
        .first()
        .is_in(["was", "were", "is", "are", "been", "being"])
        .alias("verb_after_be"),
        # "travelled to Chengdu to meet provincial leaders": an infinitive of purpose
        (
            pl.col("prev_low").filter(pl.col("lab").is_in(["meeting_verb", "passive_host"])).first() == "to"
        ).alias("verb_after_to"),
        pl.col("trail_pos").first(),
        pl.col("pos")
        .filter(
            (((pl.col("low") == "with") & (pl.col("_prev_tok") == ",")) | (pl.col("tok") == ";"))
            & (pl.col("pos") < pl.col("trail_pos"))
        )
        .max()
        .alias("with_pos"),
    )


def _phrase_ends(phrases: list[str]) -> pl.Expr:
    """True on the last word of any of `phrases` (one or more words: "attended", "took part")."""
    ends = [
        pl.all_horizontal(
            [
                shift_in(pl.col("low"), k, "sid").eq(w).fill_null(False)
                for k, w in enumerate(reversed(p.split()))
            ]
        )
        for p in phrases
        if p.strip()
    ]
    return pl.any_horizontal(ends) if ends else pl.lit(False)


def resolve_people(mentions: pl.DataFrame, sentences: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Full names per article (attributes from their most informative mention) and every mention
    (single surnames included) mapped to the full name it refers to."""
    m = mentions.join(sentences.select("sid", "article_id", "sent_no"), on="sid", maintain_order="left")
    # "Indonesian Ambassador to China Wibowo": one word after a title, and no word of a longer name
    # of the article, is a person known by one name (a mononym), not a surname
    # ("Consul General in Shanghai Suwarni": after a diplomat's posting too, where a place before
    # a word of a body's name is no posting: "chairman of the Kaohsiung Importers and ..."; "with
    # Rusdianto, Governor of Central Sulawesi": before an apposition that gives the title, right
    # after a verb or a function word)
    posting = (pl.col("b_lab") == "place") & (pl.col("title_kind") == "diplomat")
    after_title = (
        pl.col("b_lab").is_in(["title", "country"])
        | posting
        | (
            pl.col("before_chain").is_null()
            & pl.col("after_chain").is_not_null()
            & pl.col("b_lab").is_in(["not_name", "meeting_verb"])
        )
    )
    # "Princess Marie-Claire of Belgium": one word after a style and before "of" and the country it
    # names is a person known by one name, though no office is named
    styled = (
        (pl.col("b_lab") == "honorific")
        & pl.col("after_chain").is_not_null()
        & pl.col("country").is_not_null()
    )
    words = (
        m.filter(pl.col("ntok") >= 2)
        .select("article_id", pl.col("name").str.split(" ").alias("_w"))
        .explode("_w")
        .unique()
    )
    mononym = (
        m.filter(
            (pl.col("ntok") == 1)
            & ((pl.col("title").is_not_null() & after_title) | styled)
            & ~pl.col("proxy").fill_null(False)
            # "Chief Minister of Pakistan's Punjab province", "CEO of Singapore's CapitaLand
            # Investment": a word a country owns is a place or a firm of it, no person
            & ~((pl.col("b_lab") == "country") & pl.col("b_poss").fill_null(False))
        )
        .join(words, left_on=["article_id", "name"], right_on=["article_id", "_w"], how="anti")
        .select("sid", "start", pl.lit(True).alias("_mono"))
    )
    m = (
        m.join(mononym, on=["sid", "start"], how="left", maintain_order="left")
        .with_columns(pl.when(pl.col("_mono")).then(2).otherwise(pl.col("ntok")).alias("ntok"))
        .drop("_mono")
    )
    full = m.filter(pl.col("ntok") >= 2)
    # "Mayor of Nagaokakyo Masahiro Tsujimoto" and elsewhere "Masahiro Tsujimoto": a run of three or
    # more words right after an office's "of" (a connector before it, a title in its chain) whose
    # words after the first are another full name of the article opens on the place the office is
    # of, not on a given name (a place missing from places.csv)
    others = full.select("article_id", pl.col("name").alias("_short")).unique()
    full = full.with_columns(pl.col("name").str.splitn(" ", 2).struct.field("field_1").alias("_rest"))
    renamed = (
        full.filter((pl.col("ntok") >= 3) & (pl.col("b_lab") == "CONN") & pl.col("title").is_not_null())
        .select("article_id", "sid", "start", pl.col("_rest").alias("_short"))
        .join(others, on=["article_id", "_short"], how="semi")
    )
    full = (
        full.join(renamed, on=["article_id", "sid", "start"], how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("_short", "name").alias("name"),
            pl.when(pl.col("_short").is_not_null())
            .then(pl.col("ntok") - 1)
            .otherwise(pl.col("ntok"))
            .cast(full.schema["ntok"])
            .alias("ntok"),
        )
        .drop("_short", "_rest")
    )
    # "Ahmad Faizal" and later "Ahmad Faizal bin Hussin": a name that begins or ends another,
    # longer name of the same article is that person (the longest form is kept)
    names = full.select("article_id", "name").unique(maintain_order=True)
    longer = (
        names.join(names.rename({"name": "_long"}), on="article_id", how="inner", maintain_order="left")
        .filter(
            pl.col("_long").str.starts_with(pl.col("name") + " ")
            # "Rodrigo Sáenz de la Vega" later "Sáenz de la Vega said": a compound surname
            | pl.col("_long").str.ends_with(" " + pl.col("name"))
            # "Viktor Andreyevich Pashinin" later "Viktor Pashinin": a two-word name whose first and
            # last words open and close a longer name is it without the patronymic or middle name
            | (
                (pl.col("name").str.count_matches(" ") == 1)
                & (pl.col("_long").str.count_matches(" ") >= 2)
                & pl.col("_long").str.starts_with(pl.col("name").str.split(" ").list.first() + " ")
                & pl.col("_long").str.ends_with(" " + pl.col("name").str.split(" ").list.last())
            )
        )
        .sort(pl.col("_long").str.len_chars(), "_long", descending=[True, False])
        .unique(subset=["article_id", "name"], keep="first", maintain_order=True)
    )
    full = (
        full.join(longer, on=["article_id", "name"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_long", "name").alias("name"))
        .drop("_long")
    )
    people = (
        full.sort("article_id", "sent_no", "start")
        .group_by("article_id", "name", maintain_order=True)
        .agg(
            pl.col("title").drop_nulls().first(),
            pl.col("title_kind").drop_nulls().first(),
            pl.col("country").drop_nulls().first(),
            pl.col("place").drop_nulls().first(),
            pl.col("org").drop_nulls().first(),
            pl.col("org_kind").drop_nulls().first(),
            pl.col("org_ref").drop_nulls().first(),
            pl.col("first_tok").first(),
            pl.col("last_tok").first(),
            pl.col("sent_no").min().alias("first_sent"),
        )
    )
    # A surname alone ("Gong said", "Newsom's") refers to the full name with that first or last word.
    keys = (
        pl.concat(
            [
                people.select(
                    "article_id",
                    "name",
                    "first_sent",
                    pl.col("last_tok").alias("key"),
                    pl.lit(0).alias("pref"),
                ),
                people.select(
                    "article_id",
                    "name",
                    "first_sent",
                    pl.col("first_tok").alias("key"),
                    pl.lit(1).alias("pref"),
                ),
                # ... or, after those, an inner word of a longer name ("Hurtado" for "Mauricio
                # Hurtado Vera", "Tan" for "Peter Tan Boon Huat")
                people.filter(pl.col("name").str.count_matches(" ") >= 2)
                .select(
                    "article_id",
                    "name",
                    "first_sent",
                    pl.col("name").str.split(" ").list.slice(1, 8).list.head(-1).alias("key"),
                    pl.lit(2).alias("pref"),
                )
                .explode("key"),
            ]
        )
        # ties: the person named first, then by name, so the result never depends on row order
        .sort("article_id", "key", "pref", "first_sent", "name")
        .unique(subset=["article_id", "key"], keep="first", maintain_order=True)
    )
    singles = (
        m.filter(pl.col("ntok") == 1)
        .join(
            keys.select("article_id", pl.col("key").alias("name"), pl.col("name").alias("full")),
            on=["article_id", "name"],
            how="inner",
            maintain_order="left",
        )
        .with_columns(pl.col("full").alias("name"))
        .drop("full")
    )
    refs = pl.concat([full, singles], how="vertical_relaxed").select(
        "article_id", "sid", "sent_no", "start", "end", "name", "ntok", "title", "proxy"
    )
    return people, refs


def find_meetings(
    sentences: pl.DataFrame,
    flags: pl.DataFrame,
    refs: pl.DataFrame,
    cues: dict[str, list[str]] | None = None,
    published: pl.DataFrame | None = None,
    title_refs: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per article that reports a meeting: the lede sentence (its evidence).

    title_refs: (sid, start) of people named by their title alone ("the Ambassador"), from
    named_title_references."""
    cues = cues or {}
    # "In 2023, Yang met with ...": a meeting of the past told as background (a sentence opening
    # with a year before the published one)
    year = (
        pl.col("text")
        .str.extract(r"(?i)^\s*(?:in|back in|during)\s+(?:\p{L}+\s+)?((?:19|20)\d{2})\b", 1)
        .cast(pl.Int32)
    )
    if published is not None:
        sentences = sentences.join(
            published.select(
                "article_id",
                pl.col("published_date").dt.year().cast(pl.Int32).alias("_pub_year"),
                pl.col("published_date").dt.month().cast(pl.Int32).alias("_pub_month"),
                pl.col("published_date").alias("_pub_date"),
                *([pl.col("headline").alias("_headline")] if "headline" in published.columns else []),
            ),
            on="article_id",
            how="left",
            maintain_order="left",
        )
    else:
        sentences = sentences.with_columns(
            pl.lit(None, dtype=pl.Int32).alias("_pub_year"),
            pl.lit(None, dtype=pl.Int32).alias("_pub_month"),
            pl.lit(None, dtype=pl.Date).alias("_pub_date"),
        )
    if "_headline" not in sentences.columns:
        sentences = sentences.with_columns(pl.lit(None, dtype=pl.String).alias("_headline"))
    past = (year < pl.col("_pub_year")).fill_null(False)
    this_day = states_this_day()
    # "Last year, Fu met with more than 30 visiting delegations", "Over the past year, Mayor X met
    # with visiting mayors ...": a period of many meetings (`habitual_period`) sums them up, it
    # reports none of them, even when the article has no other meeting
    habitual = pl.col("text").str.contains(phrase_regex(cues.get("habitual_period", []))) & ~this_day
    # ... when the article reports another meeting ("met ... last week" may be the meeting itself)
    # "..., where it had met Governor Z on Sunday": a pluperfect meeting happened before the one
    # reported, whatever day it names
    pluperfect = pl.col("text").str.contains(phrase_regex(cues.get("pluperfect_meeting", [])))
    # "The delegation arrived from Hanoi, where Yang held talks with B on Sunday", "Yang came to
    # Vientiane from Hanoi, where he met B": a meeting told as what happened at the place the
    # travellers came from (`earlier_stop_verb`, "from", a place, ", where") is an earlier stop of
    # the trip, whatever day it names
    capitalised = r"(?-i:(?:[\s,]+\p{Lu}[\p{L}\-']*){1,4})"
    earlier_stop = pl.col("text").str.contains(
        phrase_regex(cues.get("earlier_stop_verb", []))
        + r"(?:\s+(?:to|in)"
        + capitalised
        + r")?\s+from"
        + capitalised
        + r",\s*where\b"
    )
    # (read only when some sentence holds ", where", which every match needs: frames.can_match;
    # else the needle's own result, False, null on null)
    if not can_match(sentences, "text", r",\s*where\b"):
        earlier_stop = pl.col("text").str.contains(r",\s*where\b")
    # "In October, Governor X met ..." in a report published in May: a month with no day, other
    # than the month of publication, is a time of its own in the past
    own_month = dates._month_number(
        pl.col("text").str.extract(r"(?i)^\s*(?:in|back in)\s+" + dates.MONTH_RE + r"\s*,", 1)
    )
    other_month = (own_month != pl.col("_pub_month")).fill_null(False)
    # "Prime Minister X, who hosted Premier Y in Wellington in June, has said ...": a meeting told
    # with a month and no day of its own ("in June", not "in June 5"), other than the month of
    # publication, and no day of this meeting, happened (or will happen) at another time: it is
    # never the meeting the report is about
    stated_months = (
        pl.col("text")
        .str.extract_all(r"\bin\s+" + dates.MONTH_RE + r"(?:\s*\d)?")
        .list.eval(
            dates._month_number(
                pl.element()
                .filter(~pl.element().str.contains(r"\d$"))
                .str.extract(r"\s(\S+)$", 1)
                .str.strip_chars(".")
            )
        )
    )
    # (told in a relative clause about someone: "..., who hosted Y in June," is their past; a
    # digest's own "In June, Governor X met Y" is the meeting reported, ANNOTATION.md)
    # (the clause's own meeting verb: not "X, who took office in March, met Y")
    clause_verb = phrase_regex(cues.get("meeting_verb", [])).removeprefix("(?i)")
    in_relative = pl.col("text").str.contains(
        r"(?i),\s*(?:"
        + "|".join(cues.get("relative_pronoun", ["who"]))
        + r")\b[^,]*?"
        + clause_verb
        + r"[^,]*\bin\s+"
        + dates.MONTH_RE
    )
    month_elsewhen = (
        (
            (stated_months.list.min() != pl.col("_pub_month"))
            | (stated_months.list.max() != pl.col("_pub_month"))
        ).fill_null(False)
        & in_relative
        & ~this_day
    )
    background = elsewhen(cues) | other_month & ~this_day | pluperfect | earlier_stop
    # "Over the past year, leaders received guests from 40 countries. In October, X met ...": after
    # a sentence summing up a period of many meetings, meetings with a time of their own in the
    # past are its examples, not a meeting the article reports
    after_habitual = habitual.cast(pl.Int32).cum_sum().over("article_id", order_by="sent_no") > 0
    # "X is expected to meet Y next week": a meeting yet to happen
    # (also a meeting said not to have happened: "The mayor did not meet them", `negation_marker`)
    future_meeting = (
        phrase_regex(cues.get("future_marker", []) + cues.get("negation_marker", []))
        + r"\s+(?:\w+\s+)?"
        + phrase_regex(cues.get("future_verb", [])).removeprefix("(?i)")
    )
    # (people a sentence only cites are nobody it reports meeting: "Organisers have received
    # congratulatory letters from C and from D" names no one who met; issue 15b)
    full_in_sentence = (
        refs.filter((pl.col("ntok") >= 2) & ~pl.col("proxy").fill_null(False))
        .group_by("sid", maintain_order=True)
        .agg(pl.len().alias("n_names"))
    )
    # "At the invitation of Mayor R, Vice Mayor B visited Auckland. During the visit, B held talks
    # with R": where no meeting sentence names anyone in full, one naming two people by surname
    # (both named in full before) reports the meeting
    by_surname = (
        refs.filter((pl.col("ntok") == 1) & ~pl.col("proxy").fill_null(False))
        .group_by("sid", maintain_order=True)
        .agg(pl.col("name").n_unique().alias("_n_surnames"))
    )
    # "In the evening, the Ambassador hosted a reception for the Hungarian community": a sentence
    # naming its people by title alone is no lede when a sentence of the article names people by
    # name next to a meeting verb ("Ambassador Kerekes called on Mayor Ma")
    by_name = refs.filter(pl.col("ntok") >= 2)
    if title_refs is not None:
        by_name = by_name.join(title_refs.select("sid", "start"), on=["sid", "start"], how="anti")
    by_name = by_name.group_by("sid", maintain_order=True).agg(pl.len().alias("n_by_name"))
    cand = (
        sentences.with_columns(
            after_habitual.alias("_after_habitual"), pl.len().over("article_id", "para_no").alias("_para_len")
        )
        .join(flags, on="sid", how="left", maintain_order="left")
        .join(full_in_sentence, on="sid", how="left", maintain_order="left")
        .join(by_name, on="sid", how="left", maintain_order="left")
        .join(by_surname, on="sid", how="left", maintain_order="left")
        .with_columns(
            (pl.col("verb_pos").is_not_null() & (pl.col("n_names").fill_null(0) >= 1))
            .any()
            .over("article_id")
            .alias("_named_meeting")
        )
    )
    told_now = (
        pl.col("verb_pos").is_not_null()
        # "He said President X pointed out in a meeting with Y": reported speech, not this meeting
        & (pl.col("speech_pos").is_null() | (pl.col("speech_pos") > pl.col("verb_pos")))
        # "Y attended the meeting with X" reports an attendee, not the meeting
        & (pl.col("attend_pos").is_null() | (pl.col("attend_pos") > pl.col("verb_pos")))
        # "X is expected to meet Y next week": a meeting yet to happen
        # (not one told in a relative clause: "A, who will visit Suzhou on Friday, met B")
        & ~pl.col("text").str.replace_all(dates.RELATIVE_CLAUSE_RE, ",").str.contains(future_meeting)
        & ~past
        & ~month_elsewhen
        & ~habitual
    )
    # "The Premier of NSW, A, has welcomed Governor B to Sydney ... Mr A hosted Mr B at Parliament
    # House on Monday": a sentence naming people by surname only, where another names them in full,
    # is no meeting sentence of its own, but may state the lede's day (`_repeat_weekday`; issue 14b)
    # (told_now read once, for both filters)
    cand = cand.with_columns(told_now.alias("_told_now"))
    surname_repeats = cand.filter(
        pl.col("_told_now")
        & (pl.col("n_names").fill_null(0) == 0)
        & (pl.col("_n_surnames").fill_null(0) >= 2)
        & ~background.fill_null(False)
    ).select("article_id", "sid", "sent_no", "text")
    cand = (
        cand.filter(
            pl.col("_told_now")
            & (
                (pl.col("n_names").fill_null(0) >= 1)
                | (~pl.col("_named_meeting") & (pl.col("_n_surnames").fill_null(0) >= 2))
            )
        )
        .drop("_told_now")
        .with_columns((background | _side_stop(cues)).alias("_background"))
        .filter(
            ~(
                pl.col("_background")
                & ((~pl.col("_background")).any().over("article_id") | pl.col("_after_habitual"))
            )
        )
        # "Sir A travelled to Chengdu to meet provincial and city leaders" (a standfirst): a meeting
        # verb after "to" tells the purpose of a trip, no meeting; it is the lede only when no
        # other sentence reports one
        .with_columns(pl.col("verb_after_to").fill_null(False).alias("_purpose"))
        .filter(~(pl.col("_purpose") & (~pl.col("_purpose")).any().over("article_id")))
        .with_columns(
            (
                (pl.col("n_by_name").fill_null(0) > 0)
                | ~(pl.col("n_by_name").fill_null(0) > 0).any().over("article_id")
            ).alias("_may_lead")
        )
        .sort("article_id", "sent_no")
    )
    summaries = trip_summaries(cand, refs)
    cand = (
        cand.join(summaries, on="sid", how="left", maintain_order="left")
        .with_columns(pl.col("_summary").fill_null(False))
        .with_columns(
            ((~pl.col("_summary")).cast(pl.Int32).cum_sum().over("article_id") == 0).alias("_before_lede")
        )
        # "Governor N (centre) is received by Governor W in Guangzhou." (a caption, no day) then "N was
        # received on Friday (12th) by W": the first weekday stated by a sentence repeating the lede
        # (naming one of its people) is the lede's day when the lede states none
        .join(
            _repeat_weekday(
                cand.join(summaries.filter("_summary"), on="sid", how="anti"), refs, surname_repeats
            ),
            on="article_id",
            how="left",
            maintain_order="left",
        )
    )
    # the lede is the first meeting sentence that is no summary of the trip (and may lead, above); the summary still
    # reports the meetings' day ("held two rounds of talks ... on Tuesday"), so it stays one of
    # the meeting sentences
    first = lambda c: pl.col(c).filter(pl.col("_may_lead") & ~pl.col("_summary")).first()  # noqa: E731
    return (
        cand.group_by("article_id", maintain_order=True)
        .agg(
            first("sid").alias("lede_sid"),
            first("sent_no").alias("lede_sent"),
            first("text").alias("evidence"),
            # (the lede's day may be told by the summary before it: "... on Tuesday. In the morning, ...")
            pl.concat_str(
                pl.col("text").filter(pl.col("_summary") & pl.col("_before_lede")).str.join(" "),
                first("text"),
                separator=" ",
            )
            .str.strip_chars()
            .alias("day_text"),
            pl.col("sid").filter(pl.col("_summary") & pl.col("_before_lede")).alias("summary_sids"),
            pl.col("sid").alias("meeting_sids"),
            pl.col("text").alias("meeting_texts"),
            first("verb_pos"),
            first("passive_pos"),
            first("member_pos"),
            first("verb_value"),
            first("verb_after_be"),
            # the time of the lede's meeting, other meetings of the report are told apart by: its
            # weekday, else (a lede summing up a trip: "led a delegation to the UK this week, holding
            # talks with city leaders") the first weekday a meeting sentence states, as its date reads
            # (the weekday of day_text, the summary's included, comes first); and the part of the
            # day it states ("In the morning, X met ...")
            pl.coalesce(
                dates.stated_weekday(first("text")),
                pl.col("_repeat_wd").first(),
                dates.stated_weekday(pl.col("text").filter(~pl.col("_summary"))).drop_nulls().first(),
                dates.stated_weekday(pl.col("text")).drop_nulls().first(),
            ).alias("lede_wd"),
            dates.stated_part_of_day(first("text")).alias("lede_pod"),
            first("_pub_date").alias("_pub_date"),
        )
        # (issue 14a: "On October 8 local time, Deng met A in Santiago. ... On Friday, Deng was
        # received by B in La Plata": a lede stating a date and no weekday is on that date's
        # weekday, before any other sentence's, so a later stop told by a weekday is told apart
        # from it; a weekday read off the date is no weekday stated, `lede_wd_from_date`)
        .with_columns(
            dates.explicit_meeting_date(pl.col("evidence"), pl.col("_pub_date"))
            .dt.strftime("%A")
            .alias("_date_wd")
        )
        # (issue 15a: "MILAN, April 15 (Xinhua) -- Visiting Governor A met with B here ... Earlier,
        # on Monday, A met with C in Paris": a lede stating no day of its own, its dateline dated,
        # is on the dateline's day, so the earlier stop told by a weekday is told apart from it)
        .with_columns(
            (
                pl.col("_date_wd").is_null()
                & dates.stated_weekday(pl.col("evidence")).is_null()
                & dates.relative_meeting_date(pl.col("evidence"), pl.col("_pub_date")).is_null()
                & dates.dateline_date(pl.col("evidence"), pl.col("_pub_date")).is_not_null()
            ).alias("lede_dateline")
        )
        .with_columns(
            pl.when(pl.col("lede_dateline"))
            .then(dates.dateline_date(pl.col("evidence"), pl.col("_pub_date")).dt.strftime("%A"))
            .otherwise(pl.col("_date_wd"))
            .alias("_date_wd")
        )
        .with_columns(
            (dates.stated_weekday(pl.col("evidence")).is_null() & pl.col("_date_wd").is_not_null()).alias(
                "lede_wd_from_date"
            )
        )
        .with_columns(
            pl.when(pl.col("lede_wd_from_date"))
            .then(pl.col("_date_wd"))
            .otherwise(pl.col("lede_wd"))
            .alias("lede_wd")
        )
        .drop("_pub_date", "_date_wd")
        .with_columns(pl.coalesce(dates.stated_weekday(pl.col("day_text")), "lede_wd").alias("lede_wd"))
    )


def _side_stop(cues: dict[str, list[str]]) -> pl.Expr:
    """ "Ambassador of Kazakhstan visits Xi'an" (the headline), then "On Sunday, the Ambassador
    visited Baoji, where he was welcomed by Mayor C ... On Tuesday, the Ambassador met with B,
    Party Secretary of Xi'an": a stop of the trip told as a visit to a place (`trip_stop_verb`,
    a place, ", where") the headline's visit does not name, before a meeting sentence naming the
    place the headline's visit does, is another stop of the trip, not the meeting reported (C is
    only mentioned). Over the candidate meeting sentences of an article, in order."""
    stops = cues.get("trip_stop_verb", [])
    words = [w for w in cues.get("visit_word", []) if not w.endswith("ing")]
    if not stops or not words:
        return pl.lit(False)
    place = r"(\p{Lu}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,3})"
    stop_place = pl.col("text").str.extract(phrase_regex(stops) + r"\s+" + place + r",\s*where\b", 1)
    # (split 56: or the place opening a sentence that is a paragraph of its own, nothing more said
    # of that stop: "In Beijing on Monday, Techera met Vice President C and held talks with her
    # counterpart.", where the headline names the tour's other stops: "... visits Shanghai, Zhejiang")
    stop_place = pl.coalesce(
        stop_place,
        pl.when(pl.col("_para_len") == 1).then(
            pl.col("text").str.extract(r"^\s*In\s+" + place + r"(?:\s+on\b|\s*,)", 1)
        ),
    )
    headline_place = pl.col("_headline").str.extract(
        r"\b(?i:"
        + "|".join(re.escape(w) for w in words)
        + r")(?:[ \t]+(?:to|in))?[ \t]+(?:the[ \t]+)?"
        + place,
        1,
    )
    # ("Finnish minister in Harbin": a headline line closing on where its people are)
    headline_place = pl.coalesce(
        headline_place, pl.col("_headline").str.extract(r"(?m)\bin[ \t]+" + place + r"[ \t]*$", 1)
    )
    lower = pl.col("text").str.to_lowercase()
    names_headline_place = lower.str.contains(headline_place.str.to_lowercase(), literal=True).fill_null(
        False
    )
    later = (
        names_headline_place.cast(pl.Int32)
        .reverse()
        .cum_sum()
        .reverse()
        .over("article_id", order_by="sent_no")
        - names_headline_place.cast(pl.Int32)
    ) > 0
    elsewhere = ~pl.col("_headline").str.to_lowercase().str.contains(
        stop_place.str.to_lowercase(), literal=True
    )
    return (stop_place.is_not_null() & elsewhere & later).fill_null(False)


def trip_summaries(cand: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """(sid, _summary): "X has concluded a visit to Malaysia and Indonesia, during which he held
    talks with local leaders in Malacca, Semarang and Jakarta", "X held two rounds of talks with
    leaders of Hai Phong on Tuesday": a meeting sentence naming people only before its verb, whose
    other side is a group of people unnamed (`group_noun`), sums up meetings the article then
    reports one by one; it is no lede when a later meeting sentence names someone after its verb.

    cand: meeting sentences (sid, article_id, sent_no, verb_pos, has_group, has_sep), sorted."""
    after_verb = (
        refs.filter(pl.col("ntok") >= 2)
        .join(cand.select("sid", "verb_pos"), on="sid", how="inner")
        .group_by("sid")
        .agg((pl.col("start") > pl.col("verb_pos")).any().alias("_named_after"))
    )
    c = cand.select("sid", "article_id", "sent_no", "has_group", "has_sep").join(
        after_verb, on="sid", how="left", maintain_order="left"
    )
    # ("held brief separate talks on Thursday with the heads of three companies" is split into its
    # meetings as the lede, `separately`)
    one_sided = (
        pl.col("has_group").fill_null(False)
        & ~pl.col("_named_after").fill_null(False)
        & ~pl.col("has_sep").fill_null(False)
    )
    # (a later meeting sentence of the article naming someone after its verb)
    later_named = (
        pl.col("_named_after")
        .fill_null(False)
        .cast(pl.Int32)
        .reverse()
        .cum_sum()
        .reverse()
        .over("article_id")
        > 0
    )
    return c.with_columns((one_sided & later_named).alias("_summary")).select("sid", "_summary")


def _repeat_weekday(
    cand: pl.DataFrame, refs: pl.DataFrame, surname_repeats: pl.DataFrame | None = None
) -> pl.DataFrame:
    """(article_id, _repeat_wd): the first weekday stated by a meeting sentence that names one of
    the people of the first (the lede). `cand` holds no summary of the trip ("A delegation led by
    Governor Z wrapped up a visit to Hungary and Serbia on Wednesday, holding talks with ... leaders"
    tells the trip's last day, not the lede's; issue 12c). Else (issue 14b) the first weekday of a
    sentence of `surname_repeats` (a meeting verb, people named by surname only) naming every one
    of the lede's people, two or more ("Mr A hosted Mr B at Parliament House on Monday")."""
    first = cand.group_by("article_id", maintain_order=True).agg(pl.col("sid").first().alias("_lede"))
    lede_names = refs.join(first, left_on=["article_id", "sid"], right_on=["article_id", "_lede"]).select(
        "article_id", "name"
    )
    named = refs.join(lede_names.unique(), on=["article_id", "name"], how="semi").select("sid").unique()
    stated = _first_stated_weekday(cand.join(named, on="sid", how="semi"), "_repeat_wd")
    if surname_repeats is None or surname_repeats.height == 0:
        return stated
    # (every person the lede names: "Sun met separately with A and B. Sun met A on Wednesday" is
    # the day of one of the separate meetings, not of the lede's)
    n_lede = lede_names.group_by("article_id").agg(pl.col("name").n_unique().alias("_n_all"))
    both = (
        refs.join(lede_names.unique(), on=["article_id", "name"], how="semi")
        .group_by("article_id", "sid")
        .agg(pl.col("name").n_unique().alias("_n_lede"))
        .join(n_lede, on="article_id")
        .filter((pl.col("_n_lede") >= 2) & (pl.col("_n_lede") == pl.col("_n_all")))
        .select("sid")
    )
    by_surname = _first_stated_weekday(surname_repeats.join(both, on="sid", how="semi"), "_surname_wd")
    return (
        first.select("article_id")
        .join(stated, on="article_id", how="left")
        .join(by_surname, on="article_id", how="left")
        .select("article_id", pl.coalesce("_repeat_wd", "_surname_wd").alias("_repeat_wd"))
        .drop_nulls("_repeat_wd")
    )


def _first_stated_weekday(sentences: pl.DataFrame, alias: str) -> pl.DataFrame:
    """(article_id, <alias>): the weekday the first of an article's sentences (article_id,
    sent_no, text) to state one states."""
    return (
        sentences.with_columns(dates.stated_weekday(pl.col("text")).alias(alias))
        .drop_nulls(alias)
        .sort("article_id", "sent_no")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col(alias).first())
    )
