"""Who receives whom, by the lede's verb ("was received by", "called on", "hosted")."""

from __future__ import annotations

import polars as pl

from flows.transform.cue_patterns import phrase_regex
from flows.transform.frames import shift_in
from flows.transform.participants.context import Shared, lede_tokens
from flows.transform.verb_context import _phrase_starts, guest_relative, visiting_guest


def verb_direction(ctx: Shared, parts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Who receives whom by the lede's verb, and the host country that direction gives.

    Takes parts (one row per participant per meeting) from `meeting_place`. Returns (parts,
    meetings): parts, same grain, with _dir (who the verb says receives: agent, subject,
    object), _dir_host (a lede lead hosts by it), _dir_c / _dir_gc (the hosts' / guests' country
    by it) and host_country updated; meetings (one row per meeting) with the columns read for the
    direction (_led_after, _led_before, _rel_dir, _vis_dir, _visit_first)."""
    meetings = ctx.meetings
    sentences = ctx.sentences
    refs = ctx.refs
    t = ctx.t
    cues = ctx.cues
    # Who receives whom by the lede's verb, whatever the place: the subject of "hosted ... for",
    # "received" or "held a video call with" hosts; the subject of "paid a courtesy call on" or
    # "called on" visits; the agent of "was received by" hosts. Their country is the host country.
    verb = pl.col("verb_value").fill_null("")
    # "X met with a delegation led by Y": the delegation named after the verb is the visiting
    # side, so the subject receives it; "A German delegation led by Y met X": named before the
    # verb, it is the subject that visits
    led_by = (
        lede_tokens(t, meetings)
        # (before the verb the noun may be further back: "A delegation of the State Duma led by Y")
        .with_columns(
            pl.col("low")
            .is_in(cues.get("visitor_noun", []))
            .cast(pl.Int32)
            .cum_sum()
            .over("sid")
            .alias("_nouns")
        )
        .filter((pl.col("low") == "led") & (shift_in(pl.col("low"), -1, "sid") == "by"))
        .group_by("article_id", maintain_order=True)
        .agg(
            ((pl.col("pos") > pl.col("_vp")) & pl.col("prev_low").is_in(cues.get("visitor_noun", [])))
            .any()
            .alias("_led_after"),
            ((pl.col("pos") < pl.col("_vp")) & (pl.col("_nouns") > 0)).any().alias("_led_before"),
        )
    )
    meetings = (
        meetings.join(led_by, on="article_id", how="left", maintain_order="left")
        .join(
            guest_relative(
                meetings, cues.get("guest_relative"), cues.get("guest_apposition"), cues.get("visitor_noun")
            ),
            on="article_id",
            how="left",
            maintain_order="left",
        )
        .join(_visit_then_meet(t, meetings, refs, cues), on="article_id", how="left", maintain_order="left")
        .join(
            visiting_guest(meetings, cues.get("guest_adjective")),
            on="article_id",
            how="left",
            maintain_order="left",
        )
    )
    direction = (
        pl.when(pl.col("passive_pos").is_not_null())
        .then(pl.lit("agent"))
        .when(pl.col("_led_after").fill_null(False))
        .then(pl.lit("subject"))
        .when(pl.col("_led_before").fill_null(False))
        .then(pl.lit("object"))
        # "A met with B, who paid a visit to the Embassy": the visitor is the one the clause describes
        .when(pl.col("_rel_dir").is_not_null())
        .then(pl.col("_rel_dir"))
        # "A met with visiting Osaka Mayor B": the visitor is the one the adjective describes
        .when(pl.col("_vis_dir").is_not_null())
        .then(pl.col("_vis_dir"))
        # "Consul General X visited Long Beach and met with Mayor Y": the subject visits
        .when(pl.col("_visit_first").fill_null(False))
        .then(pl.lit("object"))
        # "was received in Hamburg on Monday by X": the subject of a passive receiving verb visits
        # (not "was pleased to welcome X": an infinitive after the adjective, the subject welcomes)
        .when(
            verb.is_in(cues.get("host_subject_verb", []))
            & pl.col("verb_after_be").fill_null(False)
            & ~verb.str.contains(r"\bto\b")
        )
        .then(pl.lit("object"))
        .when(verb.is_in(cues.get("host_subject_verb", [])))
        .then(pl.lit("subject"))
        .when(verb.is_in(cues.get("guest_subject_verb", [])))
        .then(pl.lit("object"))
    )
    parts = parts.join(
        meetings.select("article_id", direction.alias("_dir")),
        on="article_id",
        how="left",
        maintain_order="left",
    )
    lead_in_lede = ~pl.col("is_member") & pl.col("_in_lede")
    dir_host = (
        pl.when(lead_in_lede & (pl.col("_dir") == "agent"))
        .then(pl.col("is_agent"))
        .when(lead_in_lede & (pl.col("_dir") == "subject"))
        .then(pl.col("before_verb"))
        .when(lead_in_lede & (pl.col("_dir") == "object"))
        .then(~pl.col("before_verb"))
    )
    # "At the invitation of Lower Saxony, Minister-President H held a video conference with ...":
    # the lede's lead of the inviting place's country hosts, the others are its guests
    parts = parts.join(
        _inviting_country(t, meetings, cues.get("inviter_marker", [])), on="article_id", how="left"
    ).with_columns(
        pl.when(
            pl.col("_inv_c").is_not_null() & (pl.col("_inv_c") == pl.col("country")).any().over("article_id")
        )
        .then(pl.col("country") == pl.col("_inv_c"))
        .alias("_inv_host")
    )
    dir_host = (
        pl.when(lead_in_lede & pl.col("_inv_host").is_not_null())
        .then(pl.col("_inv_host"))
        .otherwise(dir_host)
    )
    # "Vice Governor A held talks with the Charge d'Affaires of the Brazilian Embassy, B, at the
    # embassy in Beijing": a meeting at a diplomatic mission or residence (`mission_venue`), its
    # verb saying nobody's direction, is hosted by the diplomats leading in the lede
    mission = r"(?i)\bat\s+(?:the|his|her|their|its)\s+(?:[\w'’\-]+\s+){0,3}?" + phrase_regex(
        cues.get("mission_venue", [])
    ).removeprefix("(?i)")
    diplomat = pl.col("title_kind").fill_null("") == "diplomat"
    at_mission = (
        lead_in_lede.fill_null(False)
        & pl.col("_lede_text").str.contains(mission).fill_null(False)
        & (lead_in_lede & diplomat).fill_null(False).any().over("article_id")
        & (lead_in_lede & ~diplomat).fill_null(False).any().over("article_id")
    )
    parts = parts.join(
        meetings.select("article_id", pl.col("evidence").alias("_lede_text")),
        on="article_id",
        how="left",
        maintain_order="left",
    )
    dir_host = pl.when(dir_host.is_null() & at_mission).then(diplomat).otherwise(dir_host)
    parts = parts.with_columns(dir_host.alias("_dir_host")).drop("_inv_c", "_inv_host", "_lede_text")
    dir_country = pl.col("country").filter(pl.col("_dir_host").fill_null(False)).drop_nulls().first()
    guest_dir_country = pl.col("country").filter(~pl.col("_dir_host").fill_null(True)).drop_nulls().first()
    parts = parts.with_columns(
        dir_country.over("article_id").alias("_dir_c"), guest_dir_country.over("article_id").alias("_dir_gc")
    )
    # "Premier Whitfield hosted Shanghai Vice Mayor Hua ...": the guests' own country is not where
    # they are received; the hosts are at home in the country the article names most after it
    received_abroad = _most_named_except(
        t,
        sentences,
        parts.filter(pl.col("_dir_gc").is_not_null() & (pl.col("_dir_gc") == pl.col("host_country")))
        .select("article_id", pl.col("_dir_gc").alias("_except"))
        .unique(),
        "_abroad_c",
    )
    parts = (
        parts.join(received_abroad, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("_dir_c").is_not_null())
            .then(pl.col("_dir_c"))
            .when(pl.col("_dir_gc").is_not_null() & (pl.col("_dir_gc") == pl.col("host_country")))
            .then(pl.col("_abroad_c"))
            .otherwise(pl.col("host_country"))
            .alias("host_country")
        )
        .drop("_abroad_c")
    )
    return parts, meetings


def _inviting_country(t: pl.DataFrame, meetings: pl.DataFrame, inviter_markers: list[str]) -> pl.DataFrame:
    """(article_id, _inv_c): the country of the one place or country named right after an
    `inviter_marker` ("At the invitation of Lower Saxony, ...", "at the invitation of the Hokkaido
    Government") before the lede's verb: whoever invited hosts the meeting, a video call too."""
    if not inviter_markers:
        return pl.DataFrame(schema={"article_id": pl.String, "_inv_c": pl.String})
    starts = _phrase_starts(inviter_markers)
    after_marker = shift_in(starts, 2, "sid").fill_null(False) | (
        shift_in(starts, 3, "sid").fill_null(False) & (pl.col("prev_low") == "the")
    )
    return (
        lede_tokens(t.with_columns(after_marker.alias("_after_inv")), meetings)
        .filter(
            pl.col("_after_inv")
            & pl.col("lab").is_in(["place", "country"])
            & pl.col("iso2").is_not_null()
            & (pl.col("pos") < pl.col("_vp"))
        )
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("iso2").unique().alias("_c"))
        .filter(pl.col("_c").list.len() == 1)
        .select("article_id", pl.col("_c").list.first().alias("_inv_c"))
    )


def _most_named_except(t, sentences, excluded: pl.DataFrame, alias: str) -> pl.DataFrame:
    """Per article of `excluded` (article_id, _except), the country other than `_except` that its
    countries, demonyms and places name most (ties: the one named first)."""
    return (
        t.filter(
            pl.col("lab").is_in(["country", "demonym", "place"])
            & pl.col("iso2").is_not_null()
            & (pl.col("span_start") == pl.col("pos"))
        )
        .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .join(excluded, on="article_id", how="inner", maintain_order="left")
        .filter(pl.col("iso2") != pl.col("_except"))
        .group_by("article_id", "iso2", maintain_order=True)
        .agg(pl.len().alias("n"), (pl.col("sid") * 1_000_000 + pl.col("pos")).min().alias("_first"))
        .sort(["article_id", "n", "_first"], descending=[False, True, False])
        .unique(subset=["article_id"], keep="first", maintain_order=True)
        .select("article_id", pl.col("iso2").alias(alias))
    )


def _visit_then_meet(
    t: pl.DataFrame, meetings: pl.DataFrame, refs: pl.DataFrame, cues: dict[str, list[str]]
) -> pl.DataFrame:
    """(article_id, _visit_first): "Consul General X visited Long Beach and met with Mayor Y",
    "Governor X travelled to Osaka and held talks with ...": a lede whose subject goes to a place
    (`visit_verb`) and then ("and", "and later") meets: the subject is the visitor. Not a
    visit in a relative clause ("Y, who visited Hainan last year, met X"). A visit to a foreign
    mission (`mission_noun`: embassy, consulate, residence) is a visit wherever it stands; a firm's
    seat is not ("visited the Lingang plant of X": an inspection at home)."""
    verbs = cues.get("visit_verb", [])
    lede = meetings.select("article_id", pl.col("lede_sid").alias("sid"), pl.col("verb_pos").alias("_vp"))
    tl = lede_tokens(t, meetings)
    first_name = (
        refs.join(lede.select("sid"), on="sid", how="inner")
        .group_by("sid")
        .agg(pl.col("start").min().alias("_n0"))
    )
    relative = (
        tl.filter(pl.col("low").is_in(cues.get("relative_pronoun", [])))
        .group_by("sid")
        .agg(pl.col("pos").min().alias("_rel"))
    )
    and_before_verb = tl.filter(
        (pl.col("low") == "and") & (pl.col("pos") < pl.col("_vp")) & (pl.col("pos") >= pl.col("_vp") - 2)
    ).select("sid", pl.col("pos").alias("_and"))
    # (only places between the verb and "and": "visited the Lingang plant of X and met its CEO" is
    # an inspection at home, no visit abroad)
    other_word = ~(pl.col("lab").is_in(["place", "country"]) | pl.col("low").is_in(["to", "in", "and", ","]))
    return (
        tl.filter(pl.col("low").is_in([v.split()[0] for v in verbs]) & (pl.col("pos") < pl.col("_vp")))
        .select("article_id", "sid", pl.col("pos").alias("_visit_pos"))
        .join(first_name, on="sid", how="inner")
        .join(and_before_verb, on="sid", how="inner")
        .join(relative, on="sid", how="left")
        .filter(
            (pl.col("_n0") < pl.col("_visit_pos"))
            & (pl.col("_visit_pos") < pl.col("_and"))
            & ~(pl.col("_rel") < pl.col("_visit_pos")).fill_null(False)
        )
        .join(tl.select("sid", "pos", "lab", "low"), on="sid", how="inner")
        .filter((pl.col("pos") > pl.col("_visit_pos")) & (pl.col("pos") < pl.col("_and")))
        .group_by("article_id", "sid", "_visit_pos")
        .agg(
            other_word.any().alias("_other"),
            pl.col("lab").is_in(["place", "country"]).any().alias("_place"),
            # ("visited the Embassy of Poland in Beijing and held talks with Ambassador Y": a foreign
            # mission, `mission_noun`, is the visited side's home wherever it stands)
            pl.col("low").is_in(cues.get("mission_noun", [])).any().alias("_mission"),
        )
        .filter((~pl.col("_other") & pl.col("_place")) | pl.col("_mission"))
        .select("article_id", pl.lit(True).alias("_visit_first"))
        .unique()
    )
