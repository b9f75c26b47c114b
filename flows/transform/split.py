"""Several meetings in one article: "met separately with A and B", "held brief separate talks",
"on 26 and 27 June, respectively". One meeting per guest lead; hosts take part in each.

Which meeting a later sentence is about follows the guest it names ("Tan was accompanied by ...",
"Meeting Duarte, Zhou said ..."); a sentence naming no guest continues the previous one's, and one
naming several (the lede) belongs to all. Grain of the sentence map: one row per sentence per meeting.
"""

from __future__ import annotations

import polars as pl

from flows.transform import dates
from flows.transform.frames import can_match
from flows.transform.meeting_dates import next_day_clause_pattern
from flows.transform.meetings import meeting_dates, phrase_regex

DAYS_RE = (
    r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s+and\s+(\d{1,2})(?:st|nd|rd|th)?\s+"
    + dates.MONTH_RE
)
# ... and month first: "on June 26 and 27, respectively"
DAYS_MDY_RE = (
    r"(?i)\b"
    + dates.MONTH_RE
    + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s+and\s+(\d{1,2})(?:st|nd|rd|th)?\b"
)


# "met A in Hobart on Monday and B in Melbourne on Wednesday": each object of the verb with a
# place and a day of its own is a meeting of its own, as "separately" says
STOP_BY_STOP_RE = (
    r"\bin \p{Lu}[\p{L}'’\- ]{0,40}? on "
    + dates.WEEKDAY_RE
    + r"\b[^.;]{0,160}?\band\b[^.;]{0,160}?\bin \p{Lu}[\p{L}'’\- ]{0,40}? on "
    + dates.WEEKDAY_RE
    + r"\b"
)
# (what it needs: " on " twice; without it in any row the pattern is skipped, `frames.can_match`)
STOP_BY_STOP_NEEDLE = r"(?s) on .* on "


# ... and "met A in Hangzhou on the 16th and B on the 17th": the day of the month alone (Korean and
# Japanese releases), the second object's place left out; two different days
STOP_DAY_RE = (
    r"\bin \p{Lu}[\p{L}'’\- ]{0,40}? on the (\d{1,2}(?:st|nd|rd|th))\b[^.;]*?\band\b[^.;]*?"
    r"\bon the (\d{1,2}(?:st|nd|rd|th))\b"
)
STOP_DAY_NEEDLE = r"\bon the \d"


def stop_by_stop_sids(sentences: pl.DataFrame) -> pl.DataFrame:
    """(sid): sentences naming two meetings, each with its place and weekday ("met A in Hobart on
    Monday and B in Melbourne on Wednesday") or its day of the month ("met A in Hangzhou on the
    16th and B on the 17th"); read like `separately` where meetings are planned and dated."""
    by_weekday = sentences.head(0).select("sid")
    if can_match(sentences, "text", STOP_BY_STOP_NEEDLE):
        by_weekday = sentences.filter(pl.col("text").str.contains(STOP_BY_STOP_RE)).select("sid")
    # (the day-of-month form is read only where two such days stand: a cheap count first)
    by_day = sentences.filter(pl.col("text").str.count_matches(r"\bon the \d{1,2}(?:st|nd|rd|th)\b") >= 2)
    if by_day.height:
        by_day = by_day.filter(
            pl.col("text").str.extract(STOP_DAY_RE, 1) != pl.col("text").str.extract(STOP_DAY_RE, 2)
        )
    by_day = by_day.select("sid")
    return pl.concat([by_weekday, by_day]).unique(maintain_order=True)


def overview_lede_sids(
    meetings: pl.DataFrame,
    parts: pl.DataFrame,
    refs: pl.DataFrame,
    sentences: pl.DataFrame,
    flags: pl.DataFrame,
    published: pl.DataFrame,
) -> pl.DataFrame:
    """(sid): a lede summing up a trip or a day by naming every counterpart after its verb, with no
    day of its own ("A led a delegation to Hungary and Serbia this week, holding talks with B and
    C", "A wrapped up a visit during which he was received by B, C and D"), where each counterpart
    is then named again, alone, in a meeting sentence of a day of its own, each on another day ("In
    Budapest on Monday, B met with A", "On Wednesday ..., where C received A"): the lede is read
    like `separately`, one meeting per counterpart, each dated by its own sentence (issue 14a)."""
    lede_leads = parts.filter((pl.col("role") == "lead") & pl.col("_in_lede").fill_null(False))
    shape = (
        lede_leads.group_by("article_id")
        .agg(
            pl.col("name").filter(pl.col("before_verb").fill_null(False)).n_unique().alias("_n_subj"),
            pl.col("name").filter(~pl.col("before_verb").fill_null(False)).n_unique().alias("_n_obj"),
        )
        .filter((pl.col("_n_subj") == 1) & (pl.col("_n_obj") >= 2))
    )
    if shape.height == 0:
        return sentences.select("sid").head(0)
    lede = (
        meetings.join(shape.select("article_id", "_n_obj"), on="article_id")
        .join(published, on="article_id", how="left")
        .filter(dates.stated_day(pl.col("day_text"), pl.col("published_date")).is_null())
        .select("article_id", "lede_sid", "lede_sent", "published_date", "_n_obj")
    )
    objects = lede_leads.filter(~pl.col("before_verb").fill_null(False)).select("article_id", "name").unique()
    stops = (
        refs.join(lede.select("article_id", "lede_sent", "published_date"), on="article_id")
        .filter(pl.col("sent_no") > pl.col("lede_sent"))
        .join(flags.filter(pl.col("verb_pos").is_not_null()).select("sid"), on="sid", how="semi")
        .join(objects.with_columns(pl.lit(True).alias("_obj")), on=["article_id", "name"], how="left")
        .group_by("article_id", "sid", "sent_no", "published_date")
        .agg(
            pl.col("name").filter(pl.col("_obj").fill_null(False)).unique().alias("_objs"),
        )
        .filter(pl.col("_objs").list.len() == 1)
        .join(sentences.select("sid", "text"), on="sid")
        .with_columns(dates.stated_day(pl.col("text"), pl.col("published_date")).alias("_day"))
        .drop_nulls("_day")
        .sort("article_id", "sent_no")
        .with_columns(pl.col("_objs").list.first().alias("name"))
        .unique(subset=["article_id", "name"], keep="first", maintain_order=True)
        .group_by("article_id")
        .agg(pl.col("name").n_unique().alias("_n"), pl.col("_day").n_unique().alias("_n_days"))
    )
    return (
        lede.join(stops, on="article_id")
        .filter((pl.col("_n") == pl.col("_n_obj")) & (pl.col("_n_days") == pl.col("_n_obj")))
        .select(pl.col("lede_sid").alias("sid"))
    )


def next_day_clause_sids(sentences: pl.DataFrame, markers: list[str] | None) -> pl.DataFrame:
    """(sid): "met A on November 9 and B the next day", "met with A on Friday and with B the
    following day": a day, then after "and" a `next_day_marker`: two meetings, read like
    `separately` (dated by `meeting_dates.following_day_dates`; issue 14a)."""
    if not markers:
        return sentences.select("sid").head(0)
    return sentences.filter(pl.col("text").str.contains(next_day_clause_pattern(markers))).select("sid")


def _two_day_pattern(verbs: list[str]) -> str:
    """A weekday, then ", and" a second meeting verb, then another weekday (groups 1 and 2)."""
    return (
        r"\bon "
        + dates.WEEKDAY_RE
        + r"\b[^.;]{0,40}?,?\s+and\s+(?:(?:was|were|also|then|later)\s+){0,2}"
        # (or the verb left out, its "with" repeated: "met with A on Tuesday, and with B on
        # Wednesday", issue 12d)
        + r"(?:"
        + phrase_regex(verbs).removeprefix("(?i)")
        + r"|with\b)"
        + r"[^.;]{0,160}?\bon "
        + dates.WEEKDAY_RE
        + r"\b"
    )


def two_day_clause_sids(sentences: pl.DataFrame, verbs: list[str] | None) -> pl.DataFrame:
    """(sid): sentences reporting one meeting on a weekday, then ", and" a second meeting verb
    (`meeting_verb`, `passive_host`) on another weekday ("A held talks with B in Budapest on
    Tuesday, and was received by Mayor C on Wednesday"); read like `separately` where meetings are
    planned and dated."""
    if not verbs:
        return sentences.select("sid").head(0)
    pattern = _two_day_pattern(verbs)
    return sentences.filter(
        pl.col("text").str.extract(pattern, 1) != pl.col("text").str.extract(pattern, 2)
    ).select("sid")


def guest_order(parts: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """(article_id, name, k): guest leads numbered by first mention; where one guest met several
    hosts ("the Sichuan delegation ... met separately with Minister A and Mayor B"), the hosts."""
    # (the position within the first sentence naming them, not the smallest of any sentence)
    first = (
        refs.sort("article_id", "sent_no", "start")
        .group_by("article_id", "name", maintain_order=True)
        .agg(pl.col("sent_no").first().alias("_s"), pl.col("start").first().alias("_p"))
    )
    leads = parts.filter(pl.col("role") == "lead").with_columns(
        (pl.col("side") == "guest").sum().over("article_id").alias("_ng"),
        (pl.col("side") == "host").sum().over("article_id").alias("_nh"),
    )
    one_guest_many_hosts = (pl.col("_ng") == 1) & (pl.col("_nh") >= 2)
    # "In Budapest, Ke met with Minister A, and in Belgrade with Minister B, respectively": one
    # subject meeting several people the lede names after its verb meets each of them in turn,
    # whichever side the article's host country puts them on
    in_lede = pl.col("_in_lede").fill_null(False)
    subject = in_lede & pl.col("before_verb").fill_null(False)
    leads = leads.with_columns(
        subject.sum().over("article_id").alias("_n_subj"),
        (in_lede & ~pl.col("before_verb").fill_null(False)).sum().over("article_id").alias("_n_obj"),
        pl.col("side").filter(subject).first().over("article_id").alias("_subj_side"),
    )
    one_subject = (pl.col("_n_subj") == 1) & (pl.col("_n_obj") >= 2)
    return (
        leads.filter(
            pl.when(one_subject)
            # (and the other side's leads of meetings of their own after the lede: "Also on
            # Thursday, ..."; a traveller's next stop past the ones listed, issue 14a: "... on 26
            # and 27 June, respectively. ... On Saturday, Zheng was received in Jakarta by R")
            .then(
                (in_lede & ~pl.col("before_verb").fill_null(False))
                | (~in_lede & (pl.col("side") != pl.col("_subj_side")).fill_null(pl.col("side") == "guest"))
            )
            .when(one_guest_many_hosts)
            .then(pl.col("side") == "host")
            .otherwise(pl.col("side") == "guest")
        )
        .select("article_id", "name")
        .join(first, on=["article_id", "name"], how="left", maintain_order="left")
        .sort("article_id", "_s", "_p")
        .with_columns(pl.int_range(1, pl.len() + 1).over("article_id").cast(pl.Int32).alias("k"))
        .select("article_id", "name", "k")
    )


def nth_meeting_sids(sentences: pl.DataFrame, ordinals: list[str], nouns: list[str]) -> pl.DataFrame:
    """(sid, nth): "Lao Ambassador A attended the first meeting": a sentence naming a meeting by its
    order (`meeting_ordinal`, listed in order: first, second, ...; `ordinal_meeting_noun`) is about
    that meeting of the report."""
    if not ordinals or not nouns:
        return pl.DataFrame(schema={"sid": pl.Int64, "nth": pl.Int32})
    which = (
        pl.col("text")
        .str.to_lowercase()
        .str.extract(r"\bthe\s+(" + "|".join(ordinals) + r")\s+(?:" + "|".join(nouns) + r")\b", 1)
    )
    return (
        sentences.select("sid", which.alias("_ord"))
        .drop_nulls()
        .with_columns(
            pl.col("_ord")
            .replace_strict({w: i for i, w in enumerate(ordinals, 1)}, default=None, return_dtype=pl.Int32)
            .alias("nth")
        )
        .select("sid", "nth")
    )


def plan_meetings(
    meetings: pl.DataFrame,
    parts: pl.DataFrame,
    refs: pl.DataFrame,
    sentences: pl.DataFrame,
    sep_sids: pl.DataFrame,
    every_sids: pl.DataFrame | None = None,
    published: pl.DataFrame | None = None,
    nth_sids: pl.DataFrame | None = None,
    next_day: list[str] | None = None,
    pronouns: list[str] | None = None,
    visitor_nouns: list[str] | None = None,
    separate_every: list[str] | None = None,
    later_day: list[str] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(meeting rows: article_id, meeting_id, k, n_meetings; sentence map: sid, meeting_id;
    guest order)."""
    order = guest_order(parts, refs)
    n_guests = order.group_by("article_id", maintain_order=True).agg(pl.col("k").max().alias("n_guests"))
    # split only when a sentence reporting the meeting says so
    lead_sids = parts.select("article_id", "sid").unique(maintain_order=True)
    says_separately = (
        lead_sids.join(sep_sids, on="sid", how="inner", maintain_order="left")
        .select("article_id")
        .unique(maintain_order=True)
    )
    split = says_separately.join(
        n_guests.filter(pl.col("n_guests") >= 2), on="article_id", how="inner", maintain_order="left"
    )
    # "On Tuesday, Wang met with Novi Sad Mayor K": a later sentence reporting a meeting on another
    # day than the lede's, with a lead the lede does not name, is a meeting of its own (k = 2, 3 ...)
    later = later_meetings(
        meetings, parts, sentences, published, next_day, pronouns, visitor_nouns, later_day
    ).join(split.select("article_id"), on="article_id", how="anti", maintain_order="left")
    n_later = later.group_by("article_id", maintain_order=True).agg(pl.col("lk").max().alias("n_later"))
    # (the later meetings' leads, read once for the steps below)
    leads_of_later = later_leads(later, parts, refs)
    m = (
        meetings.select("article_id", "lede_sent")
        .join(split, on="article_id", how="left", maintain_order="left")
        .join(n_later, on="article_id", how="left", maintain_order="left")
        .with_columns(pl.coalesce("n_guests", "n_later", pl.lit(1)).alias("n_meetings"))
    )
    rows = (
        m.with_columns(pl.int_ranges(1, pl.col("n_meetings") + 1).alias("k"))
        .explode("k")
        .with_columns(
            pl.col("k").cast(pl.Int32),
            pl.format("{}-{}", pl.col("article_id"), pl.col("k")).alias("meeting_id"),
        )
        .join(
            later.select(
                "article_id",
                pl.col("lk").alias("k"),
                pl.col("weekday").alias("later_weekday"),
                pl.col("date").alias("later_date"),
                pl.col("sid").alias("later_sid"),
                pl.col("next_day").alias("later_next_day"),
                pl.col("anaphor").alias("later_anaphor"),
            ),
            on=["article_id", "k"],
            how="left",
            maintain_order="left",
        )
        .select(
            "article_id",
            "meeting_id",
            "k",
            "n_meetings",
            "later_weekday",
            "later_date",
            "later_sid",
            pl.col("later_next_day").fill_null(False),
            pl.col("later_anaphor").fill_null(False),
        )
    )
    # Focus of each sentence from the lede on: the one guest it names, else the previous focus.
    named = (
        refs.join(
            order.join(split.select("article_id"), on="article_id"),
            on=["article_id", "name"],
            how="inner",
            maintain_order="left",
        )
        .group_by("sid", maintain_order=True)
        .agg(pl.col("k").n_unique().alias("_n"), pl.col("k").first().alias("_k"))
        .with_columns(pl.when(pl.col("_n") == 1).then(pl.col("_k")).otherwise(0).alias("focus"))
        .select("sid", "focus")
    )
    # "In Malacca, Zheng recalled ...": a sentence opening on the place of one meeting's lead
    # ("Chief Minister of Malacca") is about that meeting, when it names none of the others'
    place_lead = (
        parts.filter((pl.col("role") == "lead") & pl.col("place").is_not_null())
        .select("article_id", "name", pl.col("place").alias("_place"))
        .join(order.join(split.select("article_id"), on="article_id"), on=["article_id", "name"], how="inner")
    )
    in_place = pl.col("text").str.extract(r"^\s*In\s+(\p{Lu}[\p{L}'’\- ]{1,40}?)\s*,", 1)
    if not can_match(sentences, "text", r"^\s*In\s"):
        in_place = pl.lit(None, dtype=pl.String)
    at_place = (
        sentences.select("sid", "article_id", in_place.alias("_place"))
        .drop_nulls("_place")
        .join(place_lead, on=["article_id", "_place"], how="inner", maintain_order="left")
        .group_by("sid", maintain_order=True)
        .agg(pl.col("k").n_unique().alias("_n"), pl.col("k").first().alias("focus"))
        .filter(pl.col("_n") == 1)
        .select("sid", "focus")
        .join(named, on="sid", how="anti")
    )
    named = pl.concat([at_place, named], how="vertical_relaxed")
    # ... and from a later meeting's sentence on, sentences are about it; before, about the first
    later_focus = later.select("sid", pl.col("lk").alias("_lk"))
    # ("In Budapest on Monday, Qian and Horvath ...": a sentence naming a lead of the first meeting
    # only turns back to it)
    first_only = (
        parts.filter((pl.col("role") == "lead") & pl.col("_in_lede").fill_null(False))
        .select("article_id", "name")
        .join(later.select("article_id").unique(), on="article_id", how="inner")
        .join(leads_of_later, on=["article_id", "name"], how="anti")
        .join(refs.select("article_id", "name", "sid"), on=["article_id", "name"], how="inner")
        .select("sid", pl.lit(1, dtype=pl.Int32).alias("focus"))
        .unique()
    )
    # ("Meeting Somphone in the afternoon, Yang said ...": so does a sentence after a later
    # meeting's own naming a lead of that meeting only, who leads no other, to that meeting; not one
    # before it: "Ambassador A and Vice Mayor S attended the meeting. Later that day, S met ...")
    lede_leads = parts.filter((pl.col("role") == "lead") & pl.col("_in_lede").fill_null(False)).select(
        "article_id", "name"
    )
    later_only = (
        leads_of_later.join(lede_leads, on=["article_id", "name"], how="anti")
        .filter(pl.col("lk").n_unique().over("article_id", "name") == 1)
        .join(later.select("article_id", "lk", pl.col("sid").alias("_lsid")), on=["article_id", "lk"])
        .join(refs.select("article_id", "name", "sid"), on=["article_id", "name"], how="inner")
        .filter(pl.col("sid") > pl.col("_lsid"))
        .select("sid", pl.col("lk").alias("focus"))
        .unique()
    )
    one_meeting = (
        pl.concat([first_only, later_only], how="vertical_relaxed")
        .group_by("sid", maintain_order=True)
        .agg(pl.col("focus").n_unique().alias("_n"), pl.col("focus").first())
        .filter(pl.col("_n") == 1)
        .select("sid", "focus")
    )
    named = pl.concat(
        [
            named,
            one_meeting,
            later_focus.rename({"_lk": "focus"}),
            meetings.join(n_later, on="article_id", how="inner", maintain_order="left").select(
                pl.col("lede_sid").alias("sid"), pl.lit(1, dtype=pl.Int32).alias("focus")
            ),
        ],
        how="vertical_relaxed",
    ).unique(subset=["sid"], keep="last", maintain_order=True)
    sent = (
        sentences.select("sid", "article_id", "sent_no")
        .join(
            m.select("article_id", "lede_sent", "n_meetings"),
            on="article_id",
            how="inner",
            maintain_order="left",
        )
        .join(named, on="sid", how="left", maintain_order="left")
        .sort("article_id", "sent_no")
        .with_columns(pl.when(pl.col("sent_no") >= pl.col("lede_sent")).then(pl.col("focus")).alias("focus"))
        .with_columns(pl.col("focus").forward_fill().over("article_id").fill_null(0))
    )
    # "The delegation also held an investment promotion event in Tokyo on Thursday." after Wednesday's
    # meeting of a trip: a sentence naming no lead on another weekday than its meeting's is another
    # event of the trip, about no meeting (`off_day_sids`)
    off_day = off_day_sids(sent, sentences, meetings, rows, later, parts, refs)
    if off_day.height:
        sent = sent.with_columns(
            pl.when(pl.col("sid").is_in(off_day["sid"].implode()))
            .then(-1)
            .otherwise(pl.col("focus"))
            .alias("focus")
        )
    # "Vice Governor Z attended the talks." after "held brief separate talks with A and B": the
    # talks are all of them, when the sentence names no guest and opens a paragraph of its own
    # (`every_separate_meeting`; inside a guest's paragraph it is about that guest's talks)
    if separate_every:
        both = (
            sentences.join(split.select("article_id"), on="article_id", how="semi")
            .filter(
                pl.col("text").str.to_lowercase().str.contains(r"\b(?:" + "|".join(separate_every) + r")\b")
                & (pl.col("sent_no") == pl.col("sent_no").min().over("article_id", "para_no"))
            )
            .select("sid")
            .join(named.filter(pl.col("focus") > 0), on="sid", how="anti")
        )
        every_sids = both if every_sids is None else pl.concat([every_sids, both])
    # "Vice Governor Z accompanied Xu." after the trip's last meeting: the traveller's companion is
    # at every meeting (`trip_companion_sids`)
    companions = trip_companion_sids(sentences, parts, refs, order, split, later, n_later)
    if companions.height:
        every_sids = companions if every_sids is None else pl.concat([every_sids, companions])
    # "Vice Mayor Z attended both meetings": a sentence about every meeting (`every_meeting` in
    # cues.csv) belongs to all of them, whichever guest the previous sentence named
    if every_sids is not None:
        sent = sent.with_columns(
            pl.when(pl.col("sid").is_in(every_sids["sid"].implode()))
            .then(0)
            .otherwise(pl.col("focus"))
            .alias("focus")
        )
    # "A attended the first meeting": the meeting of that order, whichever guest came before
    if nth_sids is not None:
        sent = (
            sent.join(nth_sids, on="sid", how="left", maintain_order="left")
            .with_columns(
                pl.when(pl.col("nth") <= pl.col("n_meetings"))
                .then(pl.col("nth"))
                .otherwise(pl.col("focus"))
                .alias("focus")
            )
            .drop("nth")
        )
    # "C was present at the meeting in Sao Paulo": the meeting whose own sentence opens on that place
    # ("In Sao Paulo on Monday, ...", "In Santiago, ..."), whichever stop was told before
    at_stop = stop_meeting_sids(sentences, meetings, later)
    if at_stop.height and every_sids is not None:
        # ("Z accompanied Guo at both meetings, and C attended the meeting in Vladivostok": a sentence
        # about every meeting stays so)
        at_stop = at_stop.join(every_sids.select("sid"), on="sid", how="anti")
    if at_stop.height:
        sent = (
            sent.join(at_stop, on="sid", how="left", maintain_order="left")
            .with_columns(pl.coalesce("_stop_k", "focus").alias("focus"))
            .drop("_stop_k")
        )
    sentence_map = (
        sent.join(
            rows.select("article_id", "meeting_id", "k"), on="article_id", how="inner", maintain_order="left"
        )
        .filter((pl.col("focus") == 0) | (pl.col("focus") == pl.col("k")) | (pl.col("n_meetings") == 1))
        .select("sid", "article_id", "meeting_id")
    )
    order = pl.concat(
        [order.with_columns(pl.lit(None, dtype=pl.Int32).alias("lk")), leads_of_later],
        how="vertical_relaxed",
    )
    return rows, sentence_map, order


def off_day_sids(
    sent: pl.DataFrame,
    sentences: pl.DataFrame,
    meetings: pl.DataFrame,
    rows: pl.DataFrame,
    later: pl.DataFrame,
    parts: pl.DataFrame,
    refs: pl.DataFrame,
) -> pl.DataFrame:
    """(sid): in an article of a trip's meetings on different days, a sentence after the lede that
    is no meeting's own, names no lead and states a weekday other than the one of the meeting it
    would be about (split 56: "The delegation also held a Shandong investment promotion event in
    Tokyo on Thursday." after Wednesday's meeting): its themes and people are no meeting's."""
    if later.height == 0:
        return pl.DataFrame(schema={"sid": pl.Int64})
    days = pl.concat(
        [
            meetings.select(
                "article_id", pl.lit(1, dtype=pl.Int32).alias("focus"), pl.col("lede_wd").alias("_wd")
            ),
            rows.filter(pl.col("later_weekday").is_not_null()).select(
                "article_id", pl.col("k").alias("focus"), pl.col("later_weekday").alias("_wd")
            ),
        ],
        how="vertical_relaxed",
    ).drop_nulls("_wd")
    leads = parts.filter(pl.col("role") == "lead").select("article_id", "name").unique()
    naming_lead = refs.join(leads, on=["article_id", "name"], how="semi").select("sid").unique()
    return (
        sent.join(later.select("article_id").unique(), on="article_id", how="semi")
        .filter(pl.col("sent_no") > pl.col("lede_sent"))
        .join(later.select("sid"), on="sid", how="anti")
        .join(meetings.select(pl.col("lede_sid").alias("sid")), on="sid", how="anti")
        .join(naming_lead, on="sid", how="anti")
        .join(days, on=["article_id", "focus"], how="inner")
        .join(sentences.select("sid", "text"), on="sid")
        .with_columns(dates.stated_weekday(pl.col("text")).alias("_said"))
        .filter(pl.col("_said").is_not_null() & (pl.col("_said") != pl.col("_wd")))
        .select("sid")
    )


STOP_OPENING_RE = r"^\s*In\s+(\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,2})(?:\s+on\b|\s*,)"
# ("On Monday, Zhu met with Governor T and Mayor M in Osaka.": the place closing the stop's sentence; 15a)
STOP_CLOSING_RE = r"\bin\s+(\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,2})\s*[.!]?\s*$"
AT_STOP_RE = r"\bthe\s+(?:meeting|talks)\s+in\s+(\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,2})"


def stop_meeting_sids(sentences: pl.DataFrame, meetings: pl.DataFrame, later: pl.DataFrame) -> pl.DataFrame:
    """(sid, _stop_k): "Consul General C was present at the meeting in Sao Paulo" (split 56): the
    meeting of a trip whose own sentence, the lede (k 1) or a later meeting's, opens on that place
    ("In Sao Paulo on Monday, the delegation was received by ..."), when one meeting's does."""
    if later.height == 0:
        return pl.DataFrame(schema={"sid": pl.Int64, "_stop_k": pl.Int32})
    own = pl.concat(
        [
            meetings.join(later.select("article_id").unique(), on="article_id", how="semi").select(
                "article_id", pl.col("lede_sid").alias("sid"), pl.lit(1, dtype=pl.Int32).alias("_stop_k")
            ),
            later.select("article_id", "sid", pl.col("lk").alias("_stop_k")),
        ],
        how="vertical_relaxed",
    )
    places = (
        own.join(sentences.select("sid", "text"), on="sid")
        .with_columns(
            pl.coalesce(
                pl.col("text").str.extract(STOP_OPENING_RE, 1), pl.col("text").str.extract(STOP_CLOSING_RE, 1)
            ).alias("_place")
        )
        .drop_nulls("_place")
        .group_by("article_id", "_place")
        .agg(pl.col("_stop_k").min(), pl.len().alias("_n"))
        .filter(pl.col("_n") == 1)
        .select("article_id", "_place", "_stop_k")
    )
    return (
        sentences.join(places.select("article_id").unique(), on="article_id", how="semi")
        .with_columns(pl.col("text").str.extract(AT_STOP_RE, 1).alias("_place"))
        .drop_nulls("_place")
        .join(places, on=["article_id", "_place"])
        .select("sid", "_stop_k")
    )


# "Vice Governor Z accompanied Xu.", "... accompanied Liu on the visit.": the accompanied person
# named last, nothing after but the trip itself
COMPANION_RE = (
    r"\baccompanied\s+(?:the\s+)?\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,3}"
    r"(?:\s+(?:on|during|throughout|for)\s+(?:the|this|his|her|their)\s+(?:visit|trip|tour|mission))?"
    r"\s*[.!]?\s*$"
)


def trip_companion_sids(
    sentences: pl.DataFrame,
    parts: pl.DataFrame,
    refs: pl.DataFrame,
    order: pl.DataFrame,
    split: pl.DataFrame,
    later: pl.DataFrame,
    n_later: pl.DataFrame,
) -> pl.DataFrame:
    """(sid): "Ma Qiulin, vice governor of Jiangsu, accompanied Xu." after the last meeting of an
    article of several, where Xu leads every one of them (the traveller of a trip, the host of
    separate meetings) and the sentence names no other lead: the companion is at every meeting,
    not only the last one told (split 56). A companion of one meeting's guest ("accompanied
    Bosman at the meeting", "accompanied the delegation in Dublin") keeps to that meeting."""
    several = pl.concat([later.select("article_id"), split.select("article_id")]).unique()
    if several.height == 0:  # (an article of one meeting: COMPANION_RE is not even compiled)
        return sentences.select("sid").head(0)
    cand = (
        sentences.join(several, on="article_id", how="semi")
        .filter(pl.col("text").str.contains(COMPANION_RE))
        .select("sid", "article_id", "sent_no")
    )
    if cand.height == 0:
        return cand.select("sid")
    lede_leads = (
        parts.filter((pl.col("role") == "lead") & pl.col("_in_lede").fill_null(False))
        .select("article_id", "name")
        .unique()
    )
    all_leads = parts.filter(pl.col("role") == "lead").select("article_id", "name").unique()
    # the traveller: a lede lead named in every later meeting's own sentence
    travellers = (
        later_leads(later, parts, refs)
        .join(lede_leads, on=["article_id", "name"], how="semi")
        .group_by("article_id", "name")
        .agg(pl.col("lk").n_unique().alias("_n"))
        .join(n_later, on="article_id")
        .filter(pl.col("_n") == pl.col("n_later") - 1)
        .select("article_id", "name")
    )
    # the host of separate meetings: a lede lead who is no guest of one of them
    hosts = lede_leads.join(split.select("article_id"), on="article_id", how="semi").join(
        order.select("article_id", "name"), on=["article_id", "name"], how="anti"
    )
    every_lead = pl.concat([travellers, hosts]).unique()
    # after the last meeting's own sentence
    last = pl.concat(
        [
            later.group_by("article_id").agg(pl.col("sent_no").max().alias("_last")),
            split.select("article_id", pl.lit(0, dtype=pl.Int64).alias("_last")),
        ],
        how="vertical_relaxed",
    )
    named = (
        cand.join(last, on="article_id")
        .filter(pl.col("sent_no") > pl.col("_last"))
        .join(refs.select("sid", "name"), on="sid")
        .join(all_leads, on=["article_id", "name"], how="semi")
    )
    return (
        named.join(
            every_lead.with_columns(pl.lit(True).alias("_every")), on=["article_id", "name"], how="left"
        )
        .group_by("sid")
        .agg(pl.col("_every").fill_null(False).all())
        .filter("_every")
        .select("sid")
    )


def later_meetings(
    meetings: pl.DataFrame,
    parts: pl.DataFrame,
    sentences: pl.DataFrame,
    published: pl.DataFrame | None = None,
    next_day: list[str] | None = None,
    pronouns: list[str] | None = None,
    visitor_nouns: list[str] | None = None,
    later_day: list[str] | None = None,
) -> pl.DataFrame:
    """(article_id, sid, lk, weekday, date, next_day, anaphor, pronoun, delegation, sent_no): later sentences
    reporting a meeting of their own, k from 2: on another weekday or part of the day than the lede's ("In the afternoon, Wu sat
    down with B"), on another date ("In Sao Paulo on March 6, Lou met A. ... In Buenos Aires on
    March 9, Lou met B"), or on the day after (`next_day`: "The next morning, A travelled to Muan,
    where he met B")."""
    if published is None:
        published = meetings.select("article_id", pl.lit(None, dtype=pl.Date).alias("published_date"))
    lede = meetings.select(
        "article_id", "lede_sid", pl.col("day_text").alias("_lede_text"), "lede_wd", "lede_pod"
    ).join(published, on="article_id", how="left", maintain_order="left")
    later = (
        parts.filter((pl.col("role") == "lead") & pl.col("sid").is_not_null())
        .select("article_id", "sid", pl.col("own_meeting").fill_null(False))
        .unique(subset=["article_id", "sid"], maintain_order=True)
        .join(lede, on="article_id", maintain_order="left")
        .filter(pl.col("sid") != pl.col("lede_sid"))
        .join(sentences.select("sid", "sent_no", "text"), on="sid", maintain_order="left")
    )
    if later.height == 0:  # (no lead named after the lede: none of the patterns below is run)
        flag = pl.lit(None, dtype=pl.Boolean)
        return later.select(
            "article_id",
            "sid",
            pl.lit(None, dtype=pl.Int32).alias("lk"),
            pl.lit(None, dtype=pl.String).alias("weekday"),
            pl.lit(None, dtype=pl.Date).alias("date"),
            *[flag.alias(c) for c in ("next_day", "anaphor", "pronoun", "delegation")],
            pl.lit(None, dtype=pl.String).alias("title_word"),
            "sent_no",
        )
    return (
        later
        # ("On Wednesday morning, Yao chaired ... That afternoon he met B": the day told just before)
        .join(dates.anaphoric_day(sentences, published), on="sid", how="left", maintain_order="left")
        .with_columns(
            pl.col("lede_wd").alias("_lede_wd"),
            pl.coalesce(dates.stated_weekday(pl.col("text")), "_anaphor_day").alias("weekday"),
            # (dated by the day told before, its own weekday is not stated: the record's stays null)
            (dates.stated_weekday(pl.col("text")).is_null() & pl.col("_anaphor_day").is_not_null()).alias(
                "anaphor"
            ),
            dates.stated_part_of_day(pl.col("text")).alias("_pod"),
            dates.explicit_meeting_date(pl.col("_lede_text"), pl.col("published_date")).alias("_lede_date"),
            dates.explicit_meeting_date(pl.col("text"), pl.col("published_date")).alias("date"),
            dates.opens_next_day(pl.col("text"), next_day).alias("next_day"),
        )
        .pipe(_stop_place_dates, sentences, published, meetings)
        .filter(
            # (a stop told by a date after a lede told by a weekday is on the date's weekday: "On
            # Monday, Zhou met Governor S ... On the 25th, Zhou held talks with Governor A"; 15a K10)
            dates.another_time(
                pl.coalesce(
                    "weekday",
                    pl.when(pl.col("_lede_date").is_null()).then(pl.col("date").dt.strftime("%A")),
                ),
                pl.col("lede_wd"),
                pl.col("_pod"),
                pl.col("lede_pod"),
            )
            | pl.col("next_day")
            # ("Later that day, Sheng also met a delegation of ...": meetings.py)
            | pl.col("own_meeting")
            | (
                pl.col("_lede_date").is_not_null()
                & pl.col("date").is_not_null()
                & (pl.col("date") != pl.col("_lede_date"))
            )
        )
        .sort("article_id", "sent_no")
        .with_columns((pl.int_range(pl.len()).over("article_id") + 2).cast(pl.Int32).alias("lk"))
        .pipe(_later_day_dates, sentences, published, later_day)
        # ("That afternoon he met B": its subject a personal pronoun, `subject_pronoun`, later_leads)
        .with_columns(
            pl.col("text")
            # (two openers before it too: "On Wednesday, in Shenzhen, he met B"; 15a)
            .str.contains(
                r"(?i)^\W*(?:[^,.;]{0,40}?[\s,]\s*){0,2}(?:" + "|".join(pronouns or ["$^"]) + r")\s"
            )
            .alias("pronoun"),
            # ("On Saturday, the delegation was received by B": the travelling body, issue 12c)
            pl.col("text")
            .str.contains(
                r"(?i)^\W*(?:[^,.;]{0,40}?[\s,]\s*)?the\s+(?:\p{L}+\s+)?(?:"
                + "|".join(visitor_nouns or ["$^"])
                + r")\s"
            )
            .alias("delegation"),
            # ("On Wednesday, the minister met Governor B": the office a lede lead holds, issue 15a)
            pl.col("text")
            .str.extract(r"(?i)^\W*(?:[^,.;]{0,40}?[\s,]\s*){0,2}the\s+(\p{L}+)\s+\p{Ll}", 1)
            .str.to_lowercase()
            .alias("title_word"),
        )
        .select(
            "article_id",
            "sid",
            "lk",
            "weekday",
            "date",
            "next_day",
            "anaphor",
            "pronoun",
            "delegation",
            "title_word",
            "sent_no",
        )
    )


def lede_stop_place_dates(
    meetings: pl.DataFrame, sentences: pl.DataFrame, published: pl.DataFrame
) -> pl.DataFrame:
    """(article_id, _place_date): the day a sentence listing the trip's stops gives the place the
    lede opens on ("In Guangzhou, A met B"), for a lede stating no day of its own (issue 15a, K13)."""
    lede_place = (
        meetings.select("article_id", "lede_sid")
        .join(sentences.select(pl.col("sid").alias("lede_sid"), "text"), on="lede_sid")
        .select("article_id", pl.col("text").str.extract(STOP_OPENING_RE, 1).alias("_place"))
        .drop_nulls()
    )
    if lede_place.height == 0:
        return pl.DataFrame(schema={"article_id": pl.String, "_place_date": pl.Date})
    pd = dates.place_dates(
        sentences.join(lede_place.select("article_id"), on="article_id", how="semi"), published
    )
    return (
        lede_place.join(pd, on=["article_id", "_place"])
        .select("article_id", "_place_date")
        .unique("article_id")
    )


def _stop_place_dates(
    later: pl.DataFrame, sentences: pl.DataFrame, published: pl.DataFrame, meetings: pl.DataFrame
) -> pl.DataFrame:
    """ "... holding talks in Khabarovsk on July 3 and in Vladivostok on July 5. ... In Khabarovsk,
    Wang met A. ... In Vladivostok, Wang was received by B": a stop opening on a place (a later
    one, and the lede) with no date of its own takes the day the report gives that place, so the
    two stops are told apart (issue 15a, K13)."""
    pd = dates.place_dates(sentences.join(later.select("article_id").unique(), on="article_id"), published)
    if pd.height == 0:
        return later
    lede_text = meetings.select("article_id", "lede_sid").join(
        sentences.select(pl.col("sid").alias("lede_sid"), pl.col("text").alias("_lede_full")), on="lede_sid"
    )
    return (
        later.with_columns(pl.col("text").str.extract(STOP_OPENING_RE, 1).alias("_place"))
        .join(pd, on=["article_id", "_place"], how="left", maintain_order="left")
        .join(
            lede_text.select("article_id", "_lede_full"), on="article_id", how="left", maintain_order="left"
        )
        .with_columns(pl.col("_lede_full").str.extract(STOP_OPENING_RE, 1).alias("_lede_place"))
        .join(
            pd.rename({"_place": "_lede_place", "_place_date": "_lede_place_date"}),
            on=["article_id", "_lede_place"],
            how="left",
            maintain_order="left",
        )
        .with_columns(
            pl.coalesce("date", "_place_date").alias("date"),
            pl.coalesce("_lede_date", "_lede_place_date").alias("_lede_date"),
        )
        .drop("_place", "_place_date", "_lede_full", "_lede_place", "_lede_place_date")
    )


def _later_day_dates(
    later: pl.DataFrame, sentences: pl.DataFrame, published: pl.DataFrame, markers: list[str] | None
) -> pl.DataFrame:
    """A later stop opening on a `later_day_marker` (issue 15a, K11) is dated by it: "Two days
    later, in Kigali, Xu held talks with C" by the day before it (the previous stop's date, else
    the lede's) plus the days counted; "On the last day of the visit, Luo was received by C" by the
    last day of the span the article states ("from October 12 to 16"). Its weekday is not stated."""
    marker = dates.later_day_marker(pl.col("text"), markers)
    if not markers or not later.select(marker.is_not_null().any()).item():
        return later
    spans = dates.span_end_dates(
        sentences.join(later.select("article_id").unique(), on="article_id"), published
    )
    return (
        later.with_columns(marker.alias("_ld"))
        .with_columns(dates.marker_day_count(pl.col("_ld")).alias("_n"))
        .with_columns(
            # (the day before: the previous later stop's date, else the lede's)
            pl.coalesce(pl.col("date").shift(1).over("article_id"), "_lede_date").alias("_before")
        )
        .join(spans, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("_ld").is_null())
            .then(pl.col("date"))
            .when(pl.col("_n").is_not_null())
            .then(pl.col("_before") + pl.duration(days=pl.col("_n")))
            .otherwise(pl.col("_span_end"))
            .alias("date")
        )
        .drop("_ld", "_n", "_before", "_span_end")
    )


def later_leads(later: pl.DataFrame, parts: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """(article_id, name, k, lk): leads of later meetings: everyone the later sentence names; and
    when its subject is a pronoun naming none of the lede's leads ("On Wednesday morning, Yao
    chaired ... That afternoon he met B"), the lede's lead named last before it (he)."""
    leads = parts.filter(pl.col("role") == "lead").select("article_id", "name").unique(maintain_order=True)
    named = (
        refs.join(later.select("article_id", "sid", "lk"), on=["article_id", "sid"], maintain_order="left")
        .join(leads, on=["article_id", "name"], how="inner", maintain_order="left")
        .select("article_id", "name", pl.lit(None, dtype=pl.Int32).alias("k"), "lk")
        .unique(maintain_order=True)
    )
    if "pronoun" not in later.columns:
        return named
    lede_leads = (
        parts.filter((pl.col("role") == "lead") & pl.col("_in_lede").fill_null(False))
        .select("article_id", "name")
        .unique()
    )
    names_lede_lead = named.join(lede_leads, on=["article_id", "name"], how="semi").select("article_id", "lk")
    # "On Monday, Xu met with Lord Mayor A ... In Hamburg, he was received by First Mayor B": the
    # pronoun of a later stop goes on with the lede's one subject, the traveller, not with the
    # previous stop's host named after it (issue 15a, K12)
    subject = (
        parts.filter(
            (pl.col("role") == "lead")
            & pl.col("_in_lede").fill_null(False)
            & pl.col("before_verb").fill_null(False)
        )
        .select("article_id", "name")
        .unique()
        .filter(pl.len().over("article_id") == 1)
        if "before_verb" in parts.columns
        else lede_leads.clear()
    )
    he_subject = (
        later.filter("pronoun")
        .join(names_lede_lead, on=["article_id", "lk"], how="anti")
        .select("article_id", "lk")
        .join(subject, on="article_id", how="inner")
        .select("article_id", "name", pl.lit(None, dtype=pl.Int32).alias("k"), "lk")
    )
    he = (
        later.filter("pronoun")
        .join(names_lede_lead, on=["article_id", "lk"], how="anti")
        .join(subject, on="article_id", how="anti")
        .select("article_id", "lk", pl.col("sent_no").alias("_later_no"))
        .join(
            refs.join(lede_leads, on=["article_id", "name"], how="semi").select(
                "article_id", "name", "sent_no", "start"
            ),
            on="article_id",
        )
        .filter(pl.col("sent_no") < pl.col("_later_no"))
        .sort("article_id", "lk", "sent_no", "start")
        .group_by("article_id", "lk", maintain_order=True)
        .agg(pl.col("name").last())
        .select("article_id", "name", pl.lit(None, dtype=pl.Int32).alias("k"), "lk")
    )
    # "On Saturday, the delegation was received by B": the visiting side of the lede (its guest
    # leads) leads that meeting too (issue 12c)
    body = pl.DataFrame(schema=named.schema)
    if "delegation" in later.columns and "side" in parts.columns:
        body = (
            later.filter("delegation")
            .select("article_id", "lk")
            .join(
                parts.filter((pl.col("role") == "lead") & (pl.col("side") == "guest"))
                .join(
                    later.group_by("article_id").agg(pl.col("sid").min().alias("_first_later")),
                    on="article_id",
                )
                # (or named before the first later meeting's sentence, the delegation's head of a
                # "led by" sentence above a lede naming no guest: "An Urumqi delegation led by Party
                # Secretary Y visited ... On Friday, akim D met with the delegation. ... On Sunday,
                # the delegation was received in Shymkent by akim O"; issue 14a)
                .filter(pl.col("_in_lede").fill_null(False) | (pl.col("sid") < pl.col("_first_later")))
                .select("article_id", "name")
                .unique(),
                on="article_id",
            )
            .select("article_id", "name", pl.lit(None, dtype=pl.Int32).alias("k"), "lk")
        )
    # "On Wednesday, the minister met Governor B in Hangzhou" after "Minister A was received by C":
    # "the <office>" opening a later stop that names none of the lede's leads is the one lede lead
    # whose title ends on that word (issue 15a, K12')
    by_title = pl.DataFrame(schema=named.schema)
    if "title_word" in later.columns and "title" in parts.columns:
        holders = (
            parts.filter((pl.col("role") == "lead") & pl.col("_in_lede").fill_null(False))
            .select(
                "article_id",
                "name",
                pl.col("title").str.to_lowercase().str.extract(r"(\p{L}+)$", 1).alias("title_word"),
            )
            .drop_nulls("title_word")
            .unique()
            .filter(pl.len().over("article_id", "title_word") == 1)
        )
        by_title = (
            later.filter(pl.col("title_word").is_not_null())
            .join(names_lede_lead, on=["article_id", "lk"], how="anti")
            .select("article_id", "lk", "title_word")
            .join(holders, on=["article_id", "title_word"], how="inner")
            .select("article_id", "name", pl.lit(None, dtype=pl.Int32).alias("k"), "lk")
        )
    return pl.concat([named, he_subject, he, body, by_title], how="vertical_relaxed").unique(
        maintain_order=True
    )


def assign_participants(
    parts: pl.DataFrame,
    rows: pl.DataFrame,
    sentence_map: pl.DataFrame,
    order: pl.DataFrame,
    respective_sids: pl.DataFrame | None = None,
):
    """Hosts lead every meeting of their article; guest lead k leads meeting k; members go to the
    meetings of the sentence that names them."""
    guests = order.filter(pl.col("lk").is_null()).drop("lk")
    p = parts.join(guests, on=["article_id", "name"], how="left", maintain_order="left")
    # "Mayor A and Vice Mayor B met Ambassador C and Consul General D respectively": a lede saying
    # "respectively" whose subjects, all hosts, are as many as the guests it meets pairs them in
    # order (A with C, B with D)
    respective_k = None
    if respective_sids is not None:
        subjects = (
            p.filter(
                pl.col("_in_lede").fill_null(False)
                & (pl.col("role") == "lead")
                & pl.col("before_verb").fill_null(False)
                & pl.col("sid").is_in(respective_sids["sid"].implode())
            )
            .with_columns(
                (pl.col("side") == "host").all().over("article_id").alias("_all_hosts"),
                pl.col("k").is_null().all().over("article_id").alias("_no_guest"),
                pl.len().over("article_id").alias("_n_subj"),
            )
            .filter(pl.col("_all_hosts") & pl.col("_no_guest") & (pl.col("_n_subj") >= 2))
            .sort("article_id", "_start")
            .with_columns(pl.int_range(1, pl.len() + 1).over("article_id").cast(pl.Int32).alias("_resp_k"))
        )
        n_guests = guests.group_by("article_id").agg(pl.col("k").max().alias("_ng"))
        respective_k = (
            subjects.join(n_guests, on="article_id", how="inner")
            .filter(pl.col("_n_subj") == pl.col("_ng"))
            .select("article_id", "name", "_resp_k")
        )
    # "A met with B, while C met on the same day with D": where the lede has a second clause with
    # a subject of its own, a host lead leads the meeting of the first guest named after them
    lede_leads = p.filter(pl.col("_in_lede").fill_null(False) & (pl.col("role") == "lead"))
    clause_articles = lede_leads.filter("_second_subject").select("article_id").unique()
    guest_at = lede_leads.filter(pl.col("k").is_not_null()).select(
        "article_id", pl.col("_start").alias("_gstart"), pl.col("k").alias("_clause_k")
    )
    clause_k = (
        lede_leads.filter(pl.col("side") == "host")
        .join(clause_articles, on="article_id", how="inner")
        .select("article_id", "name", "_start")
        .join(guest_at, on="article_id", how="inner")
        .filter(pl.col("_gstart") > pl.col("_start"))
        .sort("_gstart")
        .group_by("article_id", "name")
        .agg(pl.col("_clause_k").first())
    )
    p = p.join(clause_k, on=["article_id", "name"], how="left", maintain_order="left")
    if respective_k is not None:
        p = (
            p.join(respective_k, on=["article_id", "name"], how="left", maintain_order="left")
            .with_columns(pl.coalesce("_clause_k", "_resp_k").alias("_clause_k"))
            .drop("_resp_k")
        )
    # "On the same day, Mayor C met with Governor D": a host lead first named in a later sentence
    # reporting a meeting of its own leads only the meeting of the guest that sentence names, and
    # the lede's hosts do not lead that one
    own = p.filter((pl.col("role") == "lead") & pl.col("own_meeting").fill_null(False))
    own_host_k = (
        own.filter(pl.col("k").is_null() & (pl.col("side") == "host"))
        .select("article_id", "name", "sid")
        .join(
            own.filter(pl.col("k").is_not_null()).select("article_id", "sid", pl.col("k").alias("_own_k")),
            on=["article_id", "sid"],
            how="inner",
        )
        .group_by("article_id", "name", maintain_order=True)
        .agg(pl.col("_own_k").unique())
    )
    taken = (
        own_host_k.explode("_own_k")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("_own_k").unique().alias("_taken_k"))
    )
    p = p.join(own_host_k, on=["article_id", "name"], how="left", maintain_order="left").join(
        taken, on="article_id", how="left", maintain_order="left"
    )
    # later meetings: a lead named in a later meeting's sentence leads that one, and the first
    # meeting only when the lede names them too
    later = order.filter(pl.col("lk").is_not_null()).select("article_id", "name", "lk")
    in_later = later.group_by("article_id", "name", maintain_order=True).agg(pl.col("lk").alias("_lks"))
    # (a lead first named before the first later meeting's sentence, in the lede or in a sentence
    # repeating it ("On Tuesday, Huang met with A" after a lede summing up the trip), leads the first)
    has_later = (
        rows.group_by("article_id")
        .agg(
            pl.col("later_sid").min().alias("_first_later_sid"),
            pl.col("later_sid").is_not_null().any().alias("_later"),
        )
        .filter("_later")
    )
    leads = (
        p.filter(pl.col("role") == "lead")
        .join(in_later, on=["article_id", "name"], how="left", maintain_order="left")
        .join(has_later, on="article_id", how="left", maintain_order="left")
        .join(
            rows.select("article_id", "meeting_id", pl.col("k").alias("_mk"), "n_meetings"),
            on="article_id",
            maintain_order="left",
        )
        .with_columns(
            pl.col("_lks").list.contains(pl.col("_mk")).fill_null(False).alias("_named_later"),
        )
        .filter(
            pl.when(pl.col("_later").fill_null(False))
            # (a lead named only in the lede or in sentences repeating it, never in a later
            # meeting's sentence, leads the first: "On Tuesday, Huang met with Lord Mayor P")
            .then(
                pl.col("_named_later")
                | (
                    (pl.col("_mk") == 1)
                    & (
                        pl.col("_in_lede").fill_null(False)
                        | (pl.col("sid") < pl.col("_first_later_sid")).fill_null(False)
                        | pl.col("_lks").is_null()
                    )
                )
            )
            .otherwise(
                (
                    pl.col("k").is_null()
                    & (pl.col("_clause_k").is_null() | (pl.col("_clause_k") == pl.col("_mk")))
                    & pl.when(pl.col("_own_k").is_not_null())
                    .then(pl.col("_own_k").list.contains(pl.col("_mk")))
                    .otherwise(~pl.col("_taken_k").list.contains(pl.col("_mk")).fill_null(False))
                )
                | (pl.col("k") == pl.col("_mk"))
                | (pl.col("n_meetings") == 1)
            )
        )
        .drop("_mk", "n_meetings", "_lks", "_later", "_first_later_sid", "_named_later", "_own_k", "_taken_k")
    )
    # (a member said to attend in several sentences attends the meetings of each: "Lu attended the
    # meeting" in Munich, "He was accompanied by Lu" in Budapest)
    members = (
        p.filter(pl.col("role") == "member")
        .with_columns(pl.col("member_sids").fill_null(pl.concat_list("sid")).alias("_msid"))
        .explode("_msid")
        .join(
            sentence_map.select(pl.col("sid").alias("_msid"), "meeting_id"),
            on="_msid",
            how="inner",
            maintain_order="left",
        )
        .unique(subset=["meeting_id", "name"], keep="first", maintain_order=True)
        .drop("_msid")
    )
    return pl.concat([leads, members], how="diagonal_relaxed")


def counterpart_sides(p: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """ "In Budapest, Ke met A, and in Belgrade B, respectively", "On Wednesday, the delegation
    travelled to Rotterdam, where Bao met Mayor C": one person leading several meetings of the
    article meets a counterpart in each. Where all the leads of one of those meetings came out on
    the traveller's side (the article's host country is the first stop's), the leads of that
    meeting alone are the other side: the hosts of a later stop abroad, or the guests at home."""
    multi = rows.filter(pl.col("n_meetings") > 1).select("meeting_id")
    leads = p.join(multi, on="meeting_id", how="inner").filter(pl.col("role") == "lead")
    span = leads.group_by("article_id", "name").agg(pl.col("meeting_id").n_unique().alias("_n_led"))
    per_meeting = (
        leads.join(span, on=["article_id", "name"], how="left")
        .group_by("meeting_id")
        .agg(
            pl.col("side").n_unique().alias("_n_sides"),
            pl.col("side").first().alias("_side"),
            (pl.col("_n_led") >= 2).any().alias("_has_traveller"),
            (pl.col("_n_led") == 1).any().alias("_has_own"),
        )
        .filter((pl.col("_n_sides") == 1) & pl.col("_has_traveller") & pl.col("_has_own"))
        .select("meeting_id", "_side")
    )
    flip = (
        pl.col("_side").is_not_null()
        & (pl.col("role") == "lead")
        & (pl.col("_n_led") == 1)
        & (pl.col("side") == pl.col("_side"))
    )
    return (
        p.join(per_meeting, on="meeting_id", how="left", maintain_order="left")
        .join(span, on=["article_id", "name"], how="left", maintain_order="left")
        .with_columns(
            pl.when(flip)
            .then(pl.when(pl.col("side") == "host").then(pl.lit("guest")).otherwise(pl.lit("host")))
            .otherwise(pl.col("side"))
            .alias("side")
        )
        .drop("_side", "_n_led")
    )


def entourage_sides(p: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """ "Governor Park met Party Secretary A in Hangzhou on the 16th and Vice Mayor B on the 17th.
    ... C, Director-General of the provincial bureau, attended both meetings": where one side's
    lead leads every meeting of the article and the other side's leads change from meeting to
    meeting, a member present at every meeting travels with the constant lead (the visitor's
    entourage on a trip, the host's staff when a host met guests separately); a country of the
    other side, as taken for a member of no stated country, becomes the constant lead's."""
    multi = rows.filter(pl.col("n_meetings") > 1).select("meeting_id", "article_id", "n_meetings")
    q = p.join(multi.drop("article_id"), on="meeting_id", how="inner")
    if q.is_empty():
        return p
    present = q.group_by("article_id", "name", "role", "side").agg(
        pl.col("meeting_id").n_unique().alias("_n_in"), pl.col("n_meetings").first()
    )
    constant = (
        present.filter((pl.col("role") == "lead") & (pl.col("_n_in") == pl.col("n_meetings")))
        .group_by("article_id")
        .agg(pl.col("side").n_unique().alias("_n"), pl.col("side").first().alias("_const_side"))
        .filter(pl.col("_n") == 1)
        .drop("_n")
    )
    const_country = (
        q.join(constant, on="article_id")
        .filter((pl.col("role") == "lead") & (pl.col("side") == pl.col("_const_side")))
        .group_by("article_id")
        .agg(pl.col("country").drop_nulls().unique().alias("_cc"))
        .filter(pl.col("_cc").list.len() == 1)
        .select("article_id", pl.col("_cc").list.first().alias("_const_country"))
    )
    other_country = (
        q.join(constant, on="article_id")
        .filter((pl.col("role") == "lead") & (pl.col("side") != pl.col("_const_side")))
        .group_by("article_id")
        .agg(pl.col("country").drop_nulls().unique().alias("_oc"))
        .filter(pl.col("_oc").list.len() == 1)
        .select("article_id", pl.col("_oc").list.first().alias("_other_country"))
    )
    everywhere = present.filter(
        (pl.col("role") == "member") & (pl.col("_n_in") == pl.col("n_meetings"))
    ).select("article_id", "name", pl.lit(True).alias("_everywhere"))
    # (not a diplomat, whose posting says whose envoy they are: "French Consul General in Wuhan B
    # attended both meetings" hosted in France; nor a member said to accompany a named lead)
    settled = (pl.col("title_kind").fill_null("") == "diplomat") | pl.col("_beside").is_not_null()
    move = (
        pl.col("_everywhere").fill_null(False)
        & ~settled
        & pl.col("_const_side").is_not_null()
        & (pl.col("side") != pl.col("_const_side"))
    )
    return (
        p.join(everywhere, on=["article_id", "name"], how="left", maintain_order="left")
        .join(constant, on="article_id", how="left", maintain_order="left")
        .join(const_country, on="article_id", how="left", maintain_order="left")
        .join(other_country, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(move & (pl.col("country").is_null() | (pl.col("country") == pl.col("_other_country"))))
            .then(pl.coalesce("_const_country", "country"))
            .otherwise(pl.col("country"))
            .alias("country"),
            pl.when(move).then(pl.col("_const_side")).otherwise(pl.col("side")).alias("side"),
        )
        .drop("_everywhere", "_const_side", "_const_country", "_other_country")
    )


def _nth(items: pl.Expr, k: pl.Expr, most: int = 12) -> pl.Expr:
    """items[k - 1] with literal indices (list.get with a per-row index panicked on large frames)."""
    out = pl.lit(None, dtype=pl.String)
    for i in range(most, 0, -1):
        out = pl.when(k == i).then(items.list.get(i - 1, null_on_oob=True)).otherwise(out)
    return out


def stop_texts(order: pl.DataFrame, refs: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """(article_id, k, _stop_text): the sentence first naming the lead of meeting k ("On Saturday,
    Zheng was received in Jakarta by Minister R"), which tells the day of that stop."""
    first = (
        refs.sort("article_id", "sent_no", "start")
        .group_by("article_id", "name", maintain_order=True)
        .agg(pl.col("sid").first())
    )
    return (
        order.filter(pl.col("lk").is_null() & pl.col("k").is_not_null())
        .join(first, on=["article_id", "name"], how="inner", maintain_order="left")
        .join(sentences.select("sid", pl.col("text").alias("_stop_text")), on="sid", maintain_order="left")
        .unique(subset=["article_id", "k"], keep="first", maintain_order=True)
        .select("article_id", "k", "_stop_text")
    )


def respective_dates(
    rows: pl.DataFrame,
    meetings: pl.DataFrame,
    published: pl.DataFrame,
    stops: pl.DataFrame | None = None,
    separate_words: list[str] | None = None,
    two_day_verbs: list[str] | None = None,
) -> pl.DataFrame:
    """(meeting_id, meeting_date, weekday) for meetings dated one by one ("on 26 and 27 June,
    respectively", "on Monday and Tuesday, respectively"); a meeting past the ones listed there
    ("... respectively. On Saturday, Zheng was received in Jakarta by R") is dated by the sentence
    first naming its lead (`stops`: stop_texts). A lede of separate meetings (`separately` in
    cues.csv) stating one weekday per meeting ("met separately with A on Thursday and with B on
    Friday") dates them in the same order."""
    lede = meetings.select("article_id", pl.col("evidence").alias("text"))
    separate = phrase_regex(separate_words or [])
    # (not the day of a report: "on Friday, Dazhong Daily reported on Sunday")
    n_weekdays = (
        pl.col("text")
        .str.replace_all(dates.OTHER_EVENT_WEEKDAY_RE, " ")
        .str.extract_all(r"\b" + dates.WEEKDAY_RE + r"\b")
        .list.len()
    )
    if stops is None:
        stops = pl.DataFrame(schema={"article_id": pl.String, "k": pl.Int32, "_stop_text": pl.String})
    r = (
        rows.filter(pl.col("n_meetings") > 1)
        .join(lede, on="article_id", maintain_order="left")
        .join(published, on="article_id", how="left", maintain_order="left")
        .join(stops, on=["article_id", "k"], how="left", maintain_order="left")
    )
    # (the costly patterns only where some row can match them, `frames.can_match`)
    stop_day = pl.col("text").str.contains(STOP_DAY_NEEDLE)
    ordinals = [pl.lit(None, dtype=pl.String)] * 2
    if can_match(r, "text", STOP_DAY_NEEDLE):
        stop_day = pl.col("text").str.contains(STOP_DAY_RE)
        ordinals = [pl.col("text").str.extract(STOP_DAY_RE, 1), pl.col("text").str.extract(STOP_DAY_RE, 2)]
    stop_by_stop = pl.col("text").str.contains(STOP_BY_STOP_NEEDLE)
    if can_match(r, "text", STOP_BY_STOP_NEEDLE):
        stop_by_stop = pl.col("text").str.contains(STOP_BY_STOP_RE)
    if r.height == 0:  # (no article of several meetings: none of the patterns below is run)
        r = r.select(
            "meeting_id",
            pl.lit(None, dtype=pl.Date).alias("meeting_date"),
            pl.lit(None, dtype=pl.String).alias("weekday"),
        )
    else:
        r = (
            r.filter(
                pl.col("text").str.contains(r"(?i)\brespectively\b")
                | stop_day
                | (
                    (
                        pl.col("text").str.contains(separate)
                        | stop_by_stop
                        # ("... with B on Tuesday, and was received by C on Wednesday": two_day_clause_sids)
                        | pl.col("text").str.contains(_two_day_pattern(two_day_verbs or ["\x00"]))
                    )
                    & (n_weekdays == pl.col("n_meetings"))
                )
            )
            .with_columns(
                pl.concat_list(
                    pl.coalesce(
                        pl.col("text").str.extract(DAYS_RE, 1), pl.col("text").str.extract(DAYS_MDY_RE, 2)
                    ),
                    pl.coalesce(
                        pl.col("text").str.extract(DAYS_RE, 2), pl.col("text").str.extract(DAYS_MDY_RE, 3)
                    ),
                ).alias("_days"),
                pl.coalesce(
                    pl.col("text").str.extract(DAYS_RE, 3), pl.col("text").str.extract(DAYS_MDY_RE, 1)
                ).alias("_month"),
                # ("met A in Hangzhou on the 16th and B on the 17th": STOP_DAY_RE)
                pl.concat_list(*ordinals).alias("_ordinals"),
                pl.col("text").str.extract_all(r"\b" + dates.WEEKDAY_RE + r"\b").alias("_wds"),
            )
            .with_columns(
                pl.when(pl.col("_month").is_not_null())
                .then(pl.format("on {} {}", _nth(pl.col("_days"), pl.col("k")), pl.col("_month")))
                .when(pl.col("_ordinals").list.first().is_not_null())
                .then(pl.format("on the {}", _nth(pl.col("_ordinals"), pl.col("k"))))
                .alias("_on"),
                pl.when(pl.col("_wds").list.len() == pl.col("n_meetings"))
                .then(_nth(pl.col("_wds"), pl.col("k")))
                .alias("weekday"),
            )
            .with_columns(
                pl.coalesce(
                    dates.explicit_meeting_date(pl.col("_on").fill_null(""), pl.col("published_date")),
                    dates.weekday_on_or_before(pl.col("published_date"), pl.col("weekday")),
                ).alias("meeting_date")
            )
            # (past the listed days: the day its own sentence states)
            .with_columns(
                (
                    pl.col("_on").is_null()
                    & pl.col("weekday").is_null()
                    & (pl.col("k") > pl.col("_days").list.drop_nulls().list.len())
                ).alias("_past_listed")
            )
            .with_columns(
                pl.when(pl.col("_past_listed"))
                .then(dates.stated_weekday(pl.col("_stop_text")))
                .otherwise(pl.col("weekday"))
                .alias("weekday"),
                pl.when(pl.col("_past_listed"))
                .then(
                    pl.coalesce(
                        dates.explicit_meeting_date(pl.col("_stop_text"), pl.col("published_date")),
                        dates.weekday_on_or_before(
                            pl.col("published_date"), dates.stated_weekday(pl.col("_stop_text"))
                        ),
                    )
                )
                .otherwise(pl.col("meeting_date"))
                .alias("meeting_date"),
            )
        )
    # a later meeting of its own is dated by the date or weekday its sentence states
    later = (
        rows.filter(pl.col("later_weekday").is_not_null() | pl.col("later_date").is_not_null())
        .join(published, on="article_id", how="left", maintain_order="left")
        .select(
            "meeting_id",
            pl.coalesce(
                "later_date", dates.weekday_on_or_before(pl.col("published_date"), pl.col("later_weekday"))
            ).alias("meeting_date"),
            pl.when(pl.col("later_anaphor")).then(None).otherwise(pl.col("later_weekday")).alias("weekday"),
        )
    )
    # ... and one on the day after ("The next morning, ...") by the lede's date plus one day, with
    # no weekday stated
    after = rows.filter(
        pl.col("later_next_day") & pl.col("later_weekday").is_null() & pl.col("later_date").is_null()
    )
    if after.height == 0:  # (none: the lede's date is not read)
        lede_date = pl.DataFrame(schema={"article_id": pl.String, "_lede": pl.Date})
    else:
        lede_date = meeting_dates(meetings, published).select(
            "article_id", pl.col("meeting_date").alias("_lede")
        )
    after = (
        after.join(lede_date, on="article_id", how="inner", maintain_order="left")
        .drop_nulls("_lede")
        .select(
            "meeting_id",
            pl.col("_lede").dt.offset_by("1d").alias("meeting_date"),
            pl.lit(None, dtype=pl.String).alias("weekday"),
        )
    )
    return pl.concat(
        [r.select("meeting_id", "meeting_date", "weekday"), later, after], how="vertical_relaxed"
    )


def own_sentence_dates(
    rows: pl.DataFrame,
    sentence_map: pl.DataFrame,
    sentences: pl.DataFrame,
    flags: pl.DataFrame,
    published: pl.DataFrame,
    meetings: pl.DataFrame,
    not_now: list[str] | None = None,
) -> pl.DataFrame:
    """(meeting_id, _own_md, _own_wd): the day of each of several meetings stated by the first
    meeting sentence that belongs to it alone ("Vice Mayor S met separately with A and B. ... S met
    A on Wednesday. ... On Thursday morning, S met B"), for a lede that states no day itself; a
    sentence of a future or other time (`not_now`: "is also scheduled to meet C on Wednesday") dates
    nothing."""
    several = rows.filter(pl.col("n_meetings") > 1).select("meeting_id")
    if several.height == 0:  # (no article of several meetings: none of the patterns below is run)
        return several.select(
            "meeting_id",
            pl.lit(None, dtype=pl.Date).alias("_own_md"),
            pl.lit(None, dtype=pl.String).alias("_own_wd"),
        )
    alone = sentence_map.group_by("sid").agg(pl.len().alias("_n")).filter(pl.col("_n") == 1).select("sid")
    no_day_lede = meetings.filter(
        dates.stated_weekday(pl.col("day_text")).is_null()
        & dates.explicit_meeting_date(pl.col("day_text"), pl.lit(None, dtype=pl.Date)).is_null()
    ).select("article_id")
    later = phrase_regex(not_now or [])
    return (
        sentence_map.join(several, on="meeting_id")
        .join(no_day_lede, on="article_id")
        .join(alone, on="sid")
        .join(flags.filter(pl.col("verb_pos").is_not_null()).select("sid"), on="sid")
        .join(sentences.select("sid", "text"), on="sid")
        .filter(~pl.col("text").str.contains(later))
        .join(published, on="article_id", how="left")
        .with_columns(
            dates.stated_weekday(pl.col("text")).alias("_own_wd"),
            dates.explicit_meeting_date(pl.col("text"), pl.col("published_date")).alias("_date"),
        )
        .filter(pl.col("_own_wd").is_not_null() | pl.col("_date").is_not_null())
        .sort("meeting_id", "sid")
        .unique(subset=["meeting_id"], keep="first", maintain_order=True)
        .select(
            "meeting_id",
            pl.coalesce(
                "_date", dates.weekday_on_or_before(pl.col("published_date"), pl.col("_own_wd"))
            ).alias("_own_md"),
            "_own_wd",
        )
    )
