"""The side (host or guest) of each meeting's leads."""

from __future__ import annotations

import polars as pl

from flows.transform.frames import shift_in
from flows.transform.participants.context import Shared, lede_tokens

# Words that open a when or where right after a meeting verb, so the verb has no object ("A and B
# held talks in Shanghai on Monday"): grammar, not reference data.
NO_OBJECT_NEXT = [
    "in",
    "on",
    "at",
    ",",
    ".",
    "here",
    "yesterday",
    "today",
    "this",
    "during",
    "via",
    "by",
    "ahead",
]


def lead_sides(ctx: Shared, parts: pl.DataFrame, meetings: pl.DataFrame, led: pl.DataFrame) -> pl.DataFrame:
    """The side (host/guest) of each lead: at home, by their group in the sentence, by
    direction, by a "led by" sentence; plus the group/country columns the members' sides read.

    Takes parts (one row per participant per meeting), the meetings of `verb_direction` and `led`
    (sids of "led by" sentences). Returns parts, same grain, with `side` of the leads, `home`
    (the host is at home there), the guests' countries (_guest_c, _n_guest_c, _one_guest_c) and
    the place of a member's firm or office (_place_iso2, _branch_place) the members' sides read."""
    t = ctx.t
    home_countries = ctx.home_countries
    # Sides of the leads. A lead whose country is known is host when at home. Leads without one
    # take the side of their own group in the sentence (the agent of "was received by X", else the
    # subject or the object of "met"), and a group with no known side is the other group's opposite.
    parts = parts.join(
        meetings.select("article_id", pl.col("passive_pos").is_not_null().alias("passive")),
        on="article_id",
        how="left",
        maintain_order="left",
    )
    lead_mask = ~pl.col("is_member")
    group = pl.when(pl.col("passive")).then(pl.col("is_agent")).otherwise(pl.col("before_verb"))
    # (an international organisation's official represents no country, ANNOTATION.md: a city
    # named near them, "the Shanghai-based lender", is no home of theirs, so no side follows)
    known = (
        pl.col("country").is_not_null()
        & pl.col("host_country").is_not_null()
        & (pl.col("org_kind").fill_null("") != "intl_org")
    )
    # On a trip abroad from home (the host country outside home_countries.csv, a lead from one of
    # them), everyone from abroad receives the travellers at a stop of theirs, whatever its country
    # ("Zheng met A, Chief Minister of Malacca, and B, Governor of Central Java")
    parts = parts.with_columns(
        (
            (~pl.col("host_country").is_in(home_countries)).fill_null(False)
            & (lead_mask & pl.col("country").is_in(home_countries)).any().over("article_id")
        ).alias("_abroad")
    )
    known_side = (
        pl.when(known & pl.col("_abroad"))
        .then(~pl.col("country").is_in(home_countries))
        .when(known)
        .then(pl.col("country") == pl.col("host_country"))
    )
    # "Mayor A and Italian Ambassador B held talks": a lede whose leads are all its subjects (none
    # after the verb, no passive) names both sides in one group, so no lead takes another's side
    # from the group; each stands alone (and one of no known side is the known ones' opposite)
    lede_lead = lead_mask & pl.col("_in_lede").fill_null(False)
    # (a verb with no object: the word after it opens a when or where, "held talks in Shanghai";
    # not "met the president of the NDB", "met with a Macao delegation": someone unnamed is met)
    no_object = (
        lede_tokens(t, meetings)
        .filter((pl.col("pos") > pl.col("_vp")) & (pl.col("lab") != "meeting_verb"))
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("low").first().is_in(NO_OBJECT_NEXT).alias("_no_object"))
    )
    parts = parts.join(no_object, on="article_id", how="left", maintain_order="left")
    reciprocal = (
        pl.col("_no_object").fill_null(False)
        & ~pl.col("passive").fill_null(False)
        & ~(lede_lead & ~pl.col("before_verb").fill_null(True)).any().over("article_id")
        & (lede_lead.cast(pl.Int32).sum().over("article_id") >= 2)
    )
    grp_key = pl.when(reciprocal & lede_lead).then(pl.col("name")).otherwise(pl.col("_grp").cast(pl.String))
    parts = parts.with_columns(group.alias("_grp"), known_side.alias("_known_host"))
    parts = parts.with_columns(grp_key.alias("_grp_key"))
    grp_host = (
        pl.col("_known_host")
        .filter(lead_mask & pl.col("_known_host").is_not_null())
        .mean()
        .over("article_id", "_grp_key")
    )
    other_host = (
        pl.col("_known_host")
        .filter(lead_mask & pl.col("_known_host").is_not_null())
        .mean()
        .over("article_id")
    )
    parts = parts.with_columns(grp_host.alias("_grp_host"), other_host.alias("_any_host"))
    # "The delegation was jointly led by A, Chairwoman of the German Chamber, and the Chamber's
    # General Manager B": the heads a "led by" sentence names (outside the lede) head one side
    led_heads = led.select("sid", pl.lit(True).alias("_led_sent"))
    parts = parts.join(led_heads, on="sid", how="left", maintain_order="left").with_columns(
        pl.col("_known_host")
        .filter(lead_mask & pl.col("_known_host").is_not_null())
        .mean()
        .over("article_id", "sid")
        .alias("_led_host")
    )
    # (not the subject of a later meeting's own verb: "Later the same day, Vice Mayor H met with a
    # delegation led by the Mayor of Antwerp, K": H heads no side with K; issue 15c)
    led_side = (
        pl.col("_led_sent").fill_null(False)
        & ~pl.col("_in_lede").fill_null(False)
        & ~(
            pl.col("own_meeting").fill_null(False)
            & pl.col("before_verb").fill_null(False)
            & ~pl.col("passive").fill_null(False)
        )
    )
    # by grammar alone: the agent of a passive, or the subject of an active verb, receives
    grammar_host = pl.col("_grp")
    lead_is_host = (
        pl.when(pl.col("_dir_host").is_not_null())
        .then(pl.col("_dir_host"))
        .when(pl.col("_known_host").is_not_null())
        .then(pl.col("_known_host"))
        .when(led_side & pl.col("_led_host").is_not_null())
        .then(pl.col("_led_host") >= 0.5)
        .when(pl.col("_grp_host").is_not_null())
        .then(pl.col("_grp_host") >= 0.5)
        .when(pl.col("_any_host").is_not_null())
        .then(pl.col("_any_host") < 0.5)
        .otherwise(grammar_host)
    )
    parts = parts.with_columns(
        pl.when(lead_is_host).then(pl.lit("host")).otherwise(pl.lit("guest")).alias("_lead_side")
    )
    host_lead_country = (
        pl.col("country")
        .filter(lead_mask & (pl.col("_lead_side") == "host"))
        .drop_nulls()
        .first()
        .over("article_id")
    )
    # (not the guest heading a later meeting of their own: "On the same day, C met Governor D")
    guest_countries = (
        pl.col("country")
        .filter(lead_mask & (pl.col("_lead_side") == "guest") & ~pl.col("own_meeting").fill_null(False))
        .drop_nulls()
    )
    parts = parts.with_columns(
        pl.coalesce(host_lead_country, pl.col("host_country")).alias("home"),
        guest_countries.n_unique().over("article_id").alias("_n_guest_c"),
        guest_countries.first().over("article_id").alias("_guest_c"),
    )
    # the host is at home in the corpus prior's countries (or not known)
    parts = parts.with_columns(
        (pl.col("home").is_null() | pl.col("home").is_in(home_countries)).alias("_home_is_prior")
    )
    # "Mao, chairman of Ningbo Zhoushan Port Group": the city of a member's firm or office (no
    # country of theirs: a city beside a business title is where the firm is) says whose side
    # they are on: the home side's, or the guests' one country's
    place_iso2 = (
        t.filter((pl.col("lab") == "place") & pl.col("iso2").is_not_null())
        .select(pl.col("value").alias("place"), pl.col("iso2").alias("_place_iso2"))
        # (a name of places in two countries: the first country by code, whatever the batch's order)
        .sort("place", "_place_iso2")
        .unique(subset=["place"], keep="first", maintain_order=True)
    )
    # (not a firm's branch, the place after the firm: "General Manager of Siemens Healthineers'
    # Hangzhou plant", "chair of the chamber's Shanghai chapter" serve the visiting firm or chamber;
    # "chairman of Xiamen Zhongyuan Port Group" serves a firm of the city)
    branch_place = (
        t.filter(
            (pl.col("lab") == "place")
            & (pl.col("span_start") == pl.col("pos"))
            & (
                shift_in(pl.col("poss"), 1, "sid").fill_null(False)
                | shift_in(pl.col("lab"), 1, "sid").is_in(["org", "ORGNAME", "CAPS"]).fill_null(False)
            )
        )
        .select("sid", pl.col("value").alias("place"), pl.lit(True).alias("_branch_place"))
        .unique()
    )
    parts = (
        parts.join(place_iso2, on="place", how="left", maintain_order="left")
        .join(branch_place, on=["sid", "place"], how="left", maintain_order="left")
        .with_columns(pl.when(pl.col("_n_guest_c") == 1).then(pl.col("_guest_c")).alias("_one_guest_c"))
    )
    return parts


def own_verb_sides(parts: pl.DataFrame, flags: pl.DataFrame, t: pl.DataFrame, cues: dict) -> pl.DataFrame:
    """ "On Monday, Mayor A visited Fukuoka, where he was received by Mayor B. ... On Thursday,
    Fukuoka Deputy Mayor C visited Suzhou and met with Vice Mayor D": a later sentence naming two
    leads the lede does not name, one on each side of a verb that tells who visits (`visit_verb`
    before the meeting verb, `guest_subject_verb`, `host_subject_verb`, a passive's agent), is a
    meeting in its own direction: its people take their sides from its verb, not from the lede's."""
    rows = parts.filter(
        ~pl.col("is_member") & ~pl.col("_in_lede").fill_null(False) & pl.col("sid").is_not_null()
    ).select("article_id", "name", "sid", "_start")
    if rows.is_empty():
        return parts
    visit_first_words = list({v.split()[0].lower() for v in cues.get("visit_verb", [])})
    visits = (
        t.filter(pl.col("low").is_in(visit_first_words))
        .group_by("sid")
        .agg(pl.col("pos").min().alias("_visit_pos"))
        .with_columns(pl.col("sid").cast(rows.schema["sid"]))
    )
    verb = pl.col("verb_value").fill_null("")
    after_be = pl.col("verb_after_be").fill_null(False)
    direction = (
        pl.when(pl.col("passive_pos").is_not_null())
        .then(pl.lit("agent"))
        .when((pl.col("_visit_pos") < pl.col("verb_pos")).fill_null(False))
        .then(pl.lit("object"))
        .when(verb.is_in(cues.get("host_subject_verb", [])) & after_be)
        .then(pl.lit("object"))
        .when(verb.is_in(cues.get("host_subject_verb", [])))
        .then(pl.lit("subject"))
        .when(verb.is_in(cues.get("guest_subject_verb", [])))
        .then(pl.lit("object"))
    )
    pivot = pl.when(pl.col("_dir") == "agent").then(pl.col("passive_pos")).otherwise(pl.col("verb_pos"))
    before = pl.col("_start") < pivot
    host = (
        pl.when(pl.col("_dir") == "agent")
        .then(~before)
        .when(pl.col("_dir") == "subject")
        .then(before)
        .when(pl.col("_dir") == "object")
        .then(~before)
    )
    own = (
        rows.join(
            flags.select("sid", "verb_pos", "passive_pos", "verb_value", "verb_after_be").with_columns(
                pl.col("sid").cast(rows.schema["sid"])
            ),
            on="sid",
            how="inner",
        )
        .join(visits, on="sid", how="left")
        .filter(pl.col("verb_pos").is_not_null())
        .with_columns(direction.alias("_dir"))
        .filter(pl.col("_dir").is_not_null())
        .with_columns(host.alias("_own_host"))
        # (one lead on each side of the verb)
        .filter(pl.col("_own_host").n_unique().over("sid") == 2)
        .select(
            "article_id",
            "name",
            "sid",
            pl.when("_own_host").then(pl.lit("host")).otherwise(pl.lit("guest")).alias("_own_side"),
        )
    )
    if own.is_empty():
        return parts
    return (
        parts.join(own, on=["article_id", "name", "sid"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_own_side", "side").alias("side"))
        .drop("_own_side")
    )
