"""The date of each meeting, from the lede's stated day, weekday or date and the published date."""

from __future__ import annotations

import re

import polars as pl

from flows.transform import dates
from flows.transform.cue_patterns import phrase_regex
from flows.transform.frames import can_match


def meeting_dates(
    meetings: pl.DataFrame, published: pl.DataFrame, cues: dict[str, list[str]] | None = None
) -> pl.DataFrame:
    """meeting_date and weekday from the meeting sentences, first one that states it. The lede's own
    day comes first: "met B yesterday. The city hosted B's predecessor on April 28" is yesterday's
    meeting (an explicit date of another sentence had won over the lede's relative day or weekday).
    A date in an aside about another event (`dates.other_event_aside`: ", three days before the
    opening of the festival on Saturday, May 11", ", ahead of the expo that opens on Saturday")
    dates that event; so does one in a clause of the lede about another event when the rest of the
    lede states a day (`dates.strip_other_event_clauses`: "After the fair closed on May 5, A met B on
    Wednesday", "A, who will visit Suzhou on Friday, met B on Wednesday", "A arrived in Beijing on
    Monday and met B on Wednesday")."""
    aside = dates.other_event_aside(cues)
    verbs = (cues or {}).get("meeting_verb", [])
    rows = (
        meetings.select(
            "article_id",
            "meeting_texts",
            "meeting_sids",
            "lede_sid",
            "summary_sids",
            # (a weekday read off the lede's date is not stated: the output's weekday stays null)
            pl.when(pl.col("lede_wd_from_date").fill_null(False))
            .then(None)
            .otherwise(pl.col("lede_wd"))
            .alias("lede_wd")
            if "lede_wd_from_date" in meetings.columns
            else pl.col("lede_wd"),
            (pl.col("lede_dateline") if "lede_dateline" in meetings.columns else pl.lit(False)).alias(
                "_lede_dateline"
            ),
        )
        .explode("meeting_texts", "meeting_sids")
        .rename({"meeting_texts": "text"})
        .with_columns(
            pl.col("text").str.replace(aside, ""),
            pl.int_range(pl.len()).over("article_id").alias("k"),
            # the lede and the summary before it (the lede's day text)
            (
                (pl.col("meeting_sids") == pl.col("lede_sid"))
                | pl.col("summary_sids").list.contains(pl.col("meeting_sids"))
            )
            .fill_null(False)
            .alias("_of_lede"),
        )
        .join(published, on="article_id", how="left", maintain_order="left")
    )
    # a dated dateline is the day the report speaks from: "today", "yesterday" and weekdays
    # count from it (a press release published the day after says "today")
    dateline = dates.dateline_date(pl.col("text").first().over("article_id"), pl.col("published_date"))
    if not can_match(rows, "text", dates.DATELINE_DASH_RE):
        dateline = pl.lit(None, dtype=pl.Date)
    rows = (
        rows.with_columns(dateline.alias("_dateline"))
        .with_columns(pl.coalesce("_dateline", "published_date").alias("_anchor"))
        .with_columns(
            dates.stated_weekday(pl.col("text")).alias("weekday"),
            dates.explicit_meeting_date(pl.col("text"), pl.col("_anchor")).alias("explicit"),
            dates.relative_meeting_date(pl.col("text"), pl.col("_anchor")).alias("relative"),
        )
        .sort("article_id", "k")
    )
    # the lede's sentences without their clauses about another event, read again only where that
    # leaves something out
    main = (
        rows.filter("_of_lede")
        .with_columns(
            dates.strip_other_event_clauses(
                pl.col("text"), verbs, (cues or {}).get("aside_event_preposition", [])
            ).alias("_main")
        )
        .filter(pl.col("_main") != pl.col("text"))
    )
    read = [
        dates.stated_weekday(pl.col("_main")).alias("_main_wd"),
        dates.explicit_meeting_date(pl.col("_main"), pl.col("_anchor")).alias("_main_explicit"),
        dates.relative_meeting_date(pl.col("_main"), pl.col("_anchor")).alias("_main_relative"),
    ]
    if main.height == 0:  # (no such clause: nulls of the same types, the patterns not run)
        read = [
            pl.lit(None, dtype=rows.schema[c]).alias(name)
            for c, name in [
                ("weekday", "_main_wd"),
                ("explicit", "_main_explicit"),
                ("relative", "_main_relative"),
            ]
        ]
    main = main.select("article_id", "k", *read)
    rows = rows.join(main, on=["article_id", "k"], how="left", maintain_order="left")
    lede = lambda c: pl.col(c).filter(pl.col("_of_lede")).drop_nulls().first()  # noqa: E731
    # (what the lede states without those clauses, when it states a day; else what it states)
    main_stated = (
        pl.col("_main_wd").is_not_null()
        | pl.col("_main_explicit").is_not_null()
        | pl.col("_main_relative").is_not_null()
    )
    rows = rows.with_columns(
        pl.when(main_stated).then(pl.col("_main_wd")).otherwise(pl.col("weekday")).alias("_lede_wd"),
        pl.when(main_stated)
        .then(pl.col("_main_explicit"))
        .otherwise(pl.col("explicit"))
        .alias("_lede_explicit"),
        pl.when(main_stated)
        .then(pl.col("_main_relative"))
        .otherwise(pl.col("relative"))
        .alias("_lede_relative"),
    )
    out = rows.group_by("article_id", maintain_order=True).agg(
        pl.col("weekday").drop_nulls().first(),
        pl.col("explicit").drop_nulls().first(),
        pl.col("relative").drop_nulls().first(),
        lede("_lede_wd"),
        lede("_lede_explicit"),
        lede("_lede_relative"),
        pl.col("_anchor").first(),
        pl.col("_dateline").first(),
        pl.col("lede_wd").first().alias("_found_wd"),
        pl.col("_lede_dateline").first().fill_null(False),
    )
    return out.with_columns(
        # a wire report that states no other time reports a meeting of its dateline's day
        pl.coalesce(
            "_lede_explicit",
            "_lede_relative",
            dates.weekday_on_or_before(pl.col("_anchor"), pl.col("_lede_wd")),
            # (a lede stating no day of its own is on its dateline's day, before another sentence's;
            # issue 15a)
            pl.when(pl.col("_lede_dateline")).then(pl.col("_dateline")),
            "explicit",
            "relative",
            # (the lede's day as find_meetings read it: a repeat of the lede's, not a trip summary's:
            # "A delegation led by Z wrapped up a visit ... on Wednesday. In Budapest on Monday, Z was
            # received by B"; issue 12c)
            dates.weekday_on_or_before(pl.col("_anchor"), pl.col("_found_wd")),
            dates.weekday_on_or_before(pl.col("_anchor"), pl.col("weekday")),
            "_dateline",
        ).alias("meeting_date"),
        pl.coalesce("_lede_wd", "_found_wd", "weekday").alias("weekday"),
    ).select("article_id", "weekday", "meeting_date")


def day_summary_dates(
    meetings: pl.DataFrame,
    sentences: pl.DataFrame,
    flags: pl.DataFrame,
    published: pl.DataFrame,
    cues: dict[str, list[str]] | None = None,
) -> pl.DataFrame:
    """(article_id, _sum_md, _sum_wd): the day a sentence before the lede gives the whole day of
    meetings ("Guangzhou's top two officials met separate guests from Southeast Asia on Wednesday.
    Fang ... received N ...", "X held three meetings with foreign guests ... on Tuesday. In the
    morning, X met ..."): a sentence with a meeting verb or a meeting noun (`ordinal_meeting_noun`,
    also in the plural) stating a weekday or a date, of no future or other time, the last such
    before the lede. It dates the meetings no sentence of their own dates (issue 14a, kind K5)."""
    cues = cues or {}
    nouns = cues.get("ordinal_meeting_noun", [])
    not_now = phrase_regex(cues.get("future_marker", []) + cues.get("other_time_marker", []))
    noun = r"(?i)\b(?:" + "|".join(nouns or ["$^"]) + r")s?\b"
    return (
        sentences.join(meetings.select("article_id", "lede_sent"), on="article_id")
        .filter(pl.col("sent_no") < pl.col("lede_sent"))
        .join(flags.select("sid", "verb_pos"), on="sid", how="left")
        .filter(
            (pl.col("verb_pos").is_not_null() | pl.col("text").str.contains(noun))
            & ~pl.col("text").str.contains(not_now)
        )
        .join(published, on="article_id", how="left")
        .with_columns(
            dates.stated_weekday(pl.col("text")).alias("_sum_wd"),
            dates.explicit_meeting_date(pl.col("text"), pl.col("published_date")).alias("_date"),
        )
        .filter(pl.col("_sum_wd").is_not_null() | pl.col("_date").is_not_null())
        .sort("article_id", "sent_no")
        .group_by("article_id", maintain_order=True)
        .agg(pl.all().last())
        .select(
            "article_id",
            pl.coalesce(
                "_date", dates.weekday_on_or_before(pl.col("published_date"), pl.col("_sum_wd"))
            ).alias("_sum_md"),
            "_sum_wd",
        )
    )


def next_day_clause_pattern(markers: list[str]) -> str:
    """A day ("on Friday", "on November 9", "on 9 November"), then after "and" a `next_day_marker`
    ("... and B the following day")."""
    day = r"(?:" + dates.WEEKDAY_RE + r"|" + dates.MONTH_RE + r"\s+\d{1,2}|\d{1,2}\s+" + dates.MONTH_RE + r")"
    return (
        r"(?i)\bon\s+"
        + day
        + r"\b[^.;]{0,40}?\s+and\s+[^.;]{0,160}?\b(?:"
        + "|".join(re.escape(w) for w in markers)
        + r")\b"
    )


def following_day_dates(m: pl.DataFrame, meetings: pl.DataFrame, markers: list[str] | None) -> pl.DataFrame:
    """The meeting rows (article_id, k, n_meetings, meeting_date, weekday, ...) with the second of
    two meetings dated the day after the first where the lede says so: "met with the leadership of
    A on Friday and with a delegation of B the following day" (`next_day_marker` after the lede's
    "and", a weekday or date before it). Its weekday is not stated: null (issue 14a, kind K8)."""
    if not markers:
        return m
    told = meetings.filter(pl.col("evidence").str.contains(next_day_clause_pattern(markers))).select(
        "article_id"
    )
    if told.height == 0:
        return m
    first = (
        m.join(told, on="article_id", how="semi")
        .filter((pl.col("k") == 1) & (pl.col("n_meetings") == 2))
        .select("article_id", pl.col("meeting_date").alias("_first_md"))
        .drop_nulls()
    )
    second = (pl.col("k") == 2) & pl.col("_first_md").is_not_null()
    return (
        m.join(first, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(second)
            .then(pl.col("_first_md").dt.offset_by("1d"))
            .otherwise(pl.col("meeting_date"))
            .alias("meeting_date"),
            pl.when(second).then(None).otherwise(pl.col("weekday")).alias("weekday"),
        )
        .drop("_first_md")
    )
