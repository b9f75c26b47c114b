"""The leads of each meeting: people named in the sentences that report it."""

from __future__ import annotations

import polars as pl

from flows.transform.frames import shift_in
from flows.transform.participants.context import Shared


def lead_references(
    ctx: Shared,
    repeats: pl.DataFrame,
    own_meeting: pl.DataFrame,
    led: pl.DataFrame,
    group_next: pl.DataFrame,
    group_including: pl.DataFrame,
    group_spokesman: pl.DataFrame,
    diplomat_speaker: pl.DataFrame,
    addressing: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The leads of each meeting: people named in the lede and in the sentences reporting it.

    Takes the sentence sets of `same_meeting_sentences` and `group_member_sentences` (and of
    `groups.envoys_addressing`).
    Returns (lead_sids, lead_refs): lead_sids one row per (article_id, sid) of a sentence naming
    leads, with its flags; lead_refs one row per (article_id, name): where the person is first
    named among those sentences, is_member, is_agent, before_verb, _in_lede, own_meeting."""
    flags = ctx.flags
    refs = ctx.refs
    people = ctx.people
    t = ctx.t
    cues = ctx.cues
    lede = ctx.lede
    lead_sids = (
        pl.concat(
            [
                lede.select("article_id", pl.col("lede_sid").alias("sid")),
                repeats,
                led,
                group_next,
                group_including,
                group_spokesman,
                diplomat_speaker,
                *([addressing] if addressing is not None else []),
            ]
        )
        .unique(maintain_order=True)
        .join(
            flags.select(
                "sid",
                "verb_pos",
                "passive_pos",
                "member_pos",
                "member_value",
                "escort_pos",
                "has_group",
                "with_pos",
                "trail_pos",
                "led_pos",
                "speech_pos",
            ),
            on="sid",
            how="left",
            maintain_order="left",
        )
        .with_columns(
            # "envoys from 26 countries, including A, B": each listed guest heads their own side
            # (so does each one "The group included" lists after a lede meeting a group)
            pl.when(pl.col("has_group") | pl.col("sid").is_in(group_including.get_column("sid").implode()))
            .then(None)
            # "the Consul General of Chile, A, together with the Consul General of Peru, B, ... was
            # received by ...": before the verb, "together with" joins co-leads of the subject
            .when(
                (pl.col("member_pos") < pl.col("verb_pos")).fill_null(False)
                & pl.col("member_value").is_in(cues.get("co_lead_marker", []))
            )
            .then(None)
            .otherwise(pl.col("member_pos"))
            .alias("member_pos"),
            pl.col("verb_pos").fill_null(-1),
        )
    )
    # "A met with B on Thursday, while Mayor C met on the same day with D": after the first meeting
    # verb, a name with a meeting verb of its own right after it (no other name between) is the
    # subject of that second clause
    # (an infinitive has no subject of its own: "a visit to the only city to have hosted both Games")
    infinitive = (pl.col("prev_low") == "to") | (
        (pl.col("prev_low") == "have") & (shift_in(pl.col("low"), 2, "sid") == "to")
    )
    verbs = t.filter(
        (pl.col("lab") == "meeting_verb")
        & (pl.col("span_start") == pl.col("pos"))
        & ~infinitive.fill_null(False)
    ).select("sid", pl.col("pos").alias("_vpos"))
    # (a name or a relative pronoun between ends it: "met with B, who hosted a dinner" is B's aside)
    named_at = pl.concat(
        [
            refs.select("sid", pl.col("start").alias("_nstart")),
            t.filter(pl.col("low").is_in(cues.get("relative_pronoun", []))).select(
                "sid", pl.col("pos").alias("_nstart")
            ),
        ],
        how="vertical_relaxed",
    )
    second_subject = (
        refs.join(lead_sids.select("sid", "verb_pos"), on="sid", how="inner")
        .filter(pl.col("start") > pl.col("verb_pos"))
        .select("sid", "start", "end")
        .unique()
        .join(verbs, on="sid", how="inner")
        .filter(pl.col("_vpos") > pl.col("end"))
        .group_by("sid", "start", "end")
        .agg(pl.col("_vpos").min())
        # (the verb right after the name, an adverb at most between: "while Mayor C also met";
        # ", her first meeting with the city's leadership" is a noun phrase about B's meeting)
        .filter(pl.col("_vpos") - pl.col("end") <= 2)
        .join(named_at, on="sid", how="left")
        .group_by("sid", "start", "_vpos")
        .agg(
            ((pl.col("_nstart") > pl.col("start")) & (pl.col("_nstart") < pl.col("_vpos")))
            .any()
            .alias("_between")
        )
        .filter(~pl.col("_between"))
        .select("sid", "start", pl.lit(True).alias("_second_subject"))
    )
    # "Meeting with Ambassador B on Monday, Mayor A said ...", "At a meeting with B, A said ...": a
    # sentence opening with its meeting words (no name before them) names the meeting's subject
    # right before the first speech verb, after a comma closing the opening clause
    commas = t.filter(pl.col("low") == ",").select("sid", pl.col("pos").alias("_comma"))
    opener_subject = (
        refs.join(lead_sids.select("sid", "verb_pos", "speech_pos"), on="sid", how="inner")
        .filter((pl.col("start") < pl.col("verb_pos")).any().over("sid").not_())
        .filter(
            (pl.col("start") > pl.col("verb_pos"))
            & (pl.col("end") < pl.col("speech_pos"))
            & (pl.col("speech_pos") - pl.col("end") <= 2)
        )
        .join(commas, on="sid", how="inner")
        .filter((pl.col("_comma") > pl.col("verb_pos")) & (pl.col("_comma") < pl.col("start")))
        .select("sid", "start", pl.lit(True).alias("_second_subject"))
        .unique()
    )
    second_subject = pl.concat([second_subject, opener_subject]).unique(subset=["sid", "start"])
    lead_refs = (
        refs.filter(~pl.col("proxy").fill_null(False))
        .join(lead_sids, on=["article_id", "sid"], how="inner", maintain_order="left")
        # "In his talks with B, Li said President X had stressed ...": who is named in what was said
        # after the meeting words is cited, not at the meeting
        .filter(
            ~(
                (pl.col("start") > pl.col("speech_pos")) & (pl.col("speech_pos") > pl.col("verb_pos"))
            ).fill_null(False)
        )
        .join(second_subject, on=["sid", "start"], how="left", maintain_order="left")
        .join(lede.select("article_id", "lede_sid"), on="article_id", how="left", maintain_order="left")
        # "On Monday, Minister Lindahl met with Mayor Ren Boqing": in the lede a surname stands for
        # the full name the article gave before
        .join(
            people.select("article_id", "name", pl.col("first_sent").alias("_first_sent")),
            on=["article_id", "name"],
            how="left",
            maintain_order="left",
        )
        .join(own_meeting, on="sid", how="left", maintain_order="left")
        .filter(
            (pl.col("ntok") >= 2)
            | pl.col("own_meeting").fill_null(False)
            | (
                (pl.col("sid") == pl.col("lede_sid"))
                & (pl.col("_first_sent") < pl.col("sent_no")).fill_null(False)
            )
        )
        # "In his talks with Barreiros, Li said President Xi had stressed ...": a name after the
        # speech verb of a sentence reporting the meeting is cited, not present
        .filter(~(pl.col("start") > pl.col("speech_pos")).fill_null(False))
        # ("Accompanied by Y, X met Z": a marker opening the sentence stops at the subject, the last
        # of two or more names before the verb; "Accompanied by Y, the delegation met Z" keeps Y)
        .with_columns(
            pl.when(
                ((pl.col("start") < pl.col("verb_pos")) & (pl.col("start") > pl.col("member_pos")))
                .sum()
                .over("sid")
                >= 2
            )
            .then(pl.col("start").filter(pl.col("start") < pl.col("verb_pos")).max().over("sid"))
            .alias("_subject_start")
        )
        .with_columns(
            (
                (
                    pl.col("member_pos").is_not_null()
                    & (pl.col("start") > pl.col("member_pos"))
                    # ("X, accompanied by Y, met Z": a marker before the verb reaches up to the verb)
                    & ~((pl.col("member_pos") < pl.col("verb_pos")) & (pl.col("start") > pl.col("verb_pos")))
                    & ~(
                        (pl.col("member_pos") <= 1) & (pl.col("start") == pl.col("_subject_start"))
                    ).fill_null(False)
                )
                | (
                    (pl.col("start") > pl.col("with_pos")).fill_null(False)
                    & (pl.col("start") < pl.col("trail_pos")).fill_null(False)
                )
                # "Ambassador A accompanied Mayor B ... to meet with C": A escorts, a member
                | (
                    (pl.col("start") < pl.col("escort_pos")) & (pl.col("escort_pos") < pl.col("verb_pos"))
                ).fill_null(False)
            ).alias("is_member"),
            # "The delegation was led by X and included Y": listed after the marker in a "led by"
            # sentence, a member of the visiting delegation
            (
                pl.col("member_pos").is_not_null()
                & (pl.col("start") > pl.col("member_pos"))
                & (pl.col("member_pos") > pl.col("led_pos")).fill_null(False)
            ).alias("_led_member"),
            (pl.col("passive_pos").is_not_null() & (pl.col("start") > pl.col("passive_pos"))).alias(
                "is_agent"
            ),
            ((pl.col("start") < pl.col("verb_pos")) | pl.col("_second_subject").fill_null(False)).alias(
                "before_verb"
            ),
            (pl.col("sid") == pl.col("lede_sid")).alias("_in_lede"),
        )
        # a lead named in the lede is read there ("In Osaka, Xie called on Governor T" after "a
        # delegation led by Vice Mayor Xie Dongming visited Japan"): the lede's verb sets the side
        .sort("article_id", pl.col("_in_lede").not_(), "sent_no", "start")
        .select(
            "article_id",
            "name",
            "sid",
            "is_member",
            "is_agent",
            "before_verb",
            "_in_lede",
            "_led_member",
            pl.col("own_meeting").fill_null(False),
            pl.col("start").alias("_start"),
            pl.col("_second_subject").fill_null(False),
        )
        .unique(subset=["article_id", "name"], keep="first", maintain_order=True)
    )
    return lead_sids, lead_refs
