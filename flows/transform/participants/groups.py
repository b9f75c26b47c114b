"""Sentences naming the members of a group the lede meets ("They were A; B; and C")."""

from __future__ import annotations

import polars as pl

from flows.transform.cue_patterns import phrase_regex
from flows.transform.participants.context import Shared


def group_member_sentences(ctx: Shared) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Sentences naming the members of a group the lede meets, read from `ctx`.

    Returns (group_next, group_including, group_spokesman, diplomat_speaker), each one row per
    (article_id, sid): the list right after a lede meeting a group, a later "The envoys,
    including A, B" or "The group included" sentence, whoever speaks for the lede's group, and a
    diplomat speaking after a lede meeting a group of envoys."""
    meetings = ctx.meetings
    sentences = ctx.sentences
    flags = ctx.flags
    refs = ctx.refs
    t = ctx.t
    cues = ctx.cues
    lede = ctx.lede
    # "X met with the heads of three delegations. They were A; B; and C": the sentence right after
    # a lede meeting a group ("executives", "envoys": `group_noun`) that lists names, says nothing
    # and reports no attendance, names the group's members: each heads their own side
    # ("Among them were A; B; and C": a `group_list_marker` opening the list names the group's
    # members, as an attendance cue it names a delegation's members when the lede meets no group)
    # (no sentence meeting a group, `has_group`, which every one of the four reads below needs in
    # its lede: none of them, and no pattern read)
    if flags.height == 0 or not flags.select(pl.col("has_group").any()).item():
        empty = pl.DataFrame(
            schema={"article_id": sentences.schema["article_id"], "sid": sentences.schema["sid"]}
        )
        speaker = pl.DataFrame(schema={"article_id": sentences.schema["article_id"], "sid": t.schema["sid"]})
        return empty, empty.clone(), empty.clone(), speaker
    lede_group = meetings.select("article_id", "lede_sid", "lede_sent").join(
        flags.filter("has_group").select(pl.col("sid").alias("lede_sid")), on="lede_sid", how="inner"
    )
    group_list = pl.col("text").str.contains(
        r"(?i)^\W*" + phrase_regex(cues.get("group_list_marker", [])).removeprefix("(?i)")
    )
    # ("A, vice president of X, and B, CEO of Y, took part in the discussion": a list closed by the
    # group's part in it, `group_list_closer`, names its members too; "also took part" adds members)
    group_closer = pl.col("text").str.contains(phrase_regex(cues.get("group_list_closer", []))) & ~pl.col(
        "text"
    ).str.contains(r"(?i)\balso\b")
    group_next = (
        sentences.join(flags, on="sid", maintain_order="left")
        .join(lede_group, on="article_id", how="inner", maintain_order="left")
        .filter(
            (pl.col("sent_no") == pl.col("lede_sent") + 1)
            & pl.col("speech_pos").is_null()
            & pl.col("verb_pos").is_null()
            & (~pl.col("has_attend").fill_null(False) | group_list | group_closer)
        )
        # (a list: two names or more)
        .join(
            refs.filter(pl.col("ntok") >= 2).group_by("sid").agg(pl.col("name").n_unique().alias("_n")),
            on="sid",
            how="inner",
        )
        .filter(pl.col("_n") >= 2)
        .select("article_id", "sid")
    )
    # "X met with envoys from 26 countries. ... The envoys, including A, B and C, also visited
    # ...": a later sentence naming the lede's group ("The envoys, including") lists its heads
    group_lede = (
        lede.join(
            flags.select(pl.col("sid").alias("lede_sid"), "has_group"), on="lede_sid", maintain_order="left"
        )
        .filter(pl.col("has_group").fill_null(False))
        .select("article_id")
    )
    # (also "The group included A, B and C" after a lede meeting "the consuls general of Laos,
    # Myanmar and Thailand": `group_list_opener` opening the sentence)
    group_including = (
        sentences.filter(
            pl.col("text").str.contains(
                r"(?i)^The\s+"
                + phrase_regex(cues.get("group_noun", [])).removeprefix("(?i)")
                + r"\s*,\s*including\b"
            )
            | pl.col("text").str.contains(
                "(?i)^" + phrase_regex(cues.get("group_list_opener", [])).removeprefix("(?i)")
            )
        )
        .join(group_lede, on="article_id", how="inner", maintain_order="left")
        .join(flags.filter(pl.col("speech_pos").is_null()).select("sid"), on="sid", how="inner")
        .select("article_id", "sid")
    )
    # "X met with envoys from 26 countries. ... Speaking on behalf of the envoys, Ambassador A said
    # ...": whoever speaks for the lede's group (`spokesman_for` + `group_noun`) heads a guest side
    group_spokesman = (
        sentences.filter(
            pl.col("text").str.contains(
                phrase_regex(cues.get("spokesman_for", []))
                + r"\s+(?:the\s+)?(?:\p{L}+\s+){0,2}?"
                + phrase_regex(cues.get("group_noun", [])).removeprefix("(?i)")
            )
        )
        .join(group_lede, on="article_id", how="inner", maintain_order="left")
        .select("article_id", "sid")
    )
    # ("Speaking on behalf of the diplomats, A said ... Cambodian Ambassador B said Cambodia hoped
    # ...": after a lede meeting a group of envoys (`diplomat_group`) one of whom speaks for them, a
    # diplomat who speaks in a sentence reporting no meeting is one of them too)
    diplomat_groups = cues.get("diplomat_group", [])
    envoy_lede = (
        lede.join(
            sentences.select(pl.col("sid").alias("lede_sid"), "text"), on="lede_sid", maintain_order="left"
        )
        .filter(pl.col("text").str.contains(phrase_regex(diplomat_groups)))
        .select("article_id")
        .join(group_spokesman.select("article_id").unique(), on="article_id", how="semi")
    )
    diplomat_speaker = (
        t.filter((pl.col("lab") == "title") & (pl.col("kind") == "diplomat"))
        .select("sid", pl.col("pos").alias("_tpos"))
        .join(flags.select("sid", "speech_pos", "verb_pos"), on="sid", maintain_order="left")
        .filter(pl.col("verb_pos").is_null() & (pl.col("_tpos") < pl.col("speech_pos")).fill_null(False))
        .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .join(envoy_lede, on="article_id", how="semi")
        .select("article_id", "sid")
        .unique(maintain_order=True)
    )
    return group_next, group_including, group_spokesman, diplomat_speaker


def envoys_addressing(ctx: Shared, led: pl.DataFrame) -> pl.DataFrame:
    """Sentences naming more heads of a group of envoys that no one leads, one row per
    (article_id, sid).

    "A was among envoys from 18 countries received by Governor C ... Ambassador D and Ambassador E
    also addressed the meeting": after a lede meeting a group of envoys (`group_noun` and
    `diplomat_group`), diplomats said to address the meeting (`group_address`) in a sentence
    reporting no meeting and naming no other office are more of the group's heads, each leading
    their own side (issue 13a). A group led by one of them (`led`: the "led by" sentences of
    `same_meeting_sentences`) has one head: "envoys ... led by Ambassador A. Ambassador D also
    spoke at the meeting" names a member."""
    sentences = ctx.sentences
    flags = ctx.flags
    t = ctx.t
    group_envoy_lede = (
        ctx.lede.join(
            sentences.select(pl.col("sid").alias("lede_sid"), "text"), on="lede_sid", maintain_order="left"
        )
        .join(
            flags.select(pl.col("sid").alias("lede_sid"), "has_group"), on="lede_sid", maintain_order="left"
        )
        .filter(
            pl.col("has_group").fill_null(False)
            & pl.col("text").str.contains(phrase_regex(ctx.cues.get("diplomat_group", [])))
        )
        .select("article_id")
        .join(led.select("article_id"), on="article_id", how="anti")
    )
    # (only diplomats' offices in the sentence: "Vice Governor B addressed the meeting" is a host's)
    envoys_only = (
        t.filter(pl.col("lab") == "title")
        .group_by("sid")
        .agg((pl.col("kind") == "diplomat").all().alias("_all_diplomats"))
        .filter("_all_diplomats")
        .select("sid")
    )
    return (
        sentences.filter(pl.col("text").str.contains(phrase_regex(ctx.cues.get("group_address", []))))
        .join(group_envoy_lede, on="article_id", how="semi")
        .join(envoys_only, on="sid", how="semi")
        .join(flags.filter(pl.col("verb_pos").is_null()).select("sid"), on="sid", how="semi")
        .select("article_id", "sid")
    )
