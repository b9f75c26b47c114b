"""Date parsing as polars expressions: published dates from page headers, meeting dates from the
sentence that reports the meeting."""

from __future__ import annotations

import re

import polars as pl

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY_RE = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

ISO_RE = r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
MDY_RE = MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})"
DMY_RE = r"(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_RE + r",?\s+(\d{4})"
CN_RE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
# "5 SEP 2019", "SEP 5, 2019": a page header may print the month in capitals
MONTH_ANYCASE_RE = "(?i:" + MONTH_RE + ")"
MDY_ANYCASE_RE = MONTH_ANYCASE_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})"
DMY_ANYCASE_RE = r"(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_ANYCASE_RE + r",?\s+(\d{4})"
# "19.02.2024", "14/04/2024": numbers with the day first (European, Latin American, British
# headers); "04/14/2024" with a second number over 12 is month first (American)
DOTTED_RE = r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"
# "Publié le 18 octobre 2023", "1er mars 2024", "Stuttgart, 26. März 2025": a French or German
# page header names its month in its own language (day first; these are the languages' words for
# the months, not reference data about meetings)
LOCAL_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "januar": 1, "jänner": 1, "februar": 2, "märz": 3,
    "april": 4, "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10,
    "november": 11, "dezember": 12,
}  # fmt: skip
LOCAL_DMY_RE = (
    r"(?i)\b(\d{1,2})(?:er|\.)?\s+("
    + "|".join(sorted(LOCAL_MONTHS, key=len, reverse=True))
    + r")\s+(\d{4})\b"
)
SLASHED_RE = r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"


def _month_number(expr: pl.Expr) -> pl.Expr:
    return expr.str.to_lowercase().str.slice(0, 3).replace_strict(MONTHS, default=None, return_dtype=pl.Int32)


def _ymd(y: pl.Expr, m: pl.Expr, d: pl.Expr) -> pl.Expr:
    # pl.date raises on impossible dates; build a string and parse it leniently instead.
    return pl.format("{}-{}-{}", y, m, d).str.to_date("%Y-%-m-%-d", strict=False)


def _day_first(text: pl.Expr, pattern: str, swap_when_second_over_12: bool) -> pl.Expr:
    """A numeric date 'd<sep>m<sep>yyyy'; with `swap_when_second_over_12`, 'm/d/yyyy' when the
    second number can only be a day."""
    first = text.str.extract(pattern, 1).cast(pl.Int32, strict=False)
    second = text.str.extract(pattern, 2).cast(pl.Int32, strict=False)
    year = text.str.extract(pattern, 3)
    month_first = (second > 12) & (first <= 12) if swap_when_second_over_12 else pl.lit(False)
    day = pl.when(month_first).then(second).otherwise(first)
    month = pl.when(month_first).then(first).otherwise(second)
    return _ymd(year, month, day)


def parse_full_date(text: pl.Expr) -> pl.Expr:
    """First full date (with year) in a string: ISO, 'Oct 15, 2023', '15 October 2023', '5 SEP 2019',
    '2017年11月23日', '19.02.2024', '14/04/2024' (day first; '04/14/2024' month first), '18 octobre
    2023', '26. März 2025' (LOCAL_MONTHS)."""
    iso = _ymd(text.str.extract(ISO_RE, 1), text.str.extract(ISO_RE, 2), text.str.extract(ISO_RE, 3))
    mdy = _ymd(
        text.str.extract(MDY_ANYCASE_RE, 3),
        _month_number(text.str.extract(MDY_ANYCASE_RE, 1)),
        text.str.extract(MDY_ANYCASE_RE, 2),
    )
    dmy = _ymd(
        text.str.extract(DMY_ANYCASE_RE, 3),
        _month_number(text.str.extract(DMY_ANYCASE_RE, 2)),
        text.str.extract(DMY_ANYCASE_RE, 1),
    )
    cn = _ymd(text.str.extract(CN_RE, 1), text.str.extract(CN_RE, 2), text.str.extract(CN_RE, 3))
    dotted = _day_first(text, DOTTED_RE, swap_when_second_over_12=False)
    slashed = _day_first(text, SLASHED_RE, swap_when_second_over_12=True)
    local = _ymd(
        text.str.extract(LOCAL_DMY_RE, 3),
        text.str.extract(LOCAL_DMY_RE, 2)
        .str.to_lowercase()
        .replace_strict(LOCAL_MONTHS, default=None, return_dtype=pl.Int32),
        text.str.extract(LOCAL_DMY_RE, 1),
    )
    return pl.coalesce(iso, cn, mdy, dmy, dotted, slashed, local)


# A weekday that dates another event, not the meeting ("Jiefang Daily reported on Sunday"); "said" only
# in lower case ("Ambassador Omar Said of Egypt on Wednesday" names a man)
OTHER_EVENT_WEEKDAY_RE = (
    r"(?i)\b(?:reported|announced|published|wrote|(?-i:said)|will|would|to be held|scheduled for|next)\b[^.;]{0,30}?\b"
    + WEEKDAY_RE
    + r"(?:\s*\([^)]*\))?"
)
# "..., B said when the two met in Hefei on Friday": words said at the meeting, whose day follows
SAID_WHEN_RE = r"\bsaid\s+when\b"


def other_event_aside(cues: dict[str, list[str]] | None) -> str:
    """Regex of an aside about another event, from its comma to the next: a time counted from it
    (", three days before the opening of ...": `aside_time_unit`, `aside_time_preposition`) or a
    preposition putting it after the meeting (", ahead of the expo that opens on Saturday":
    `aside_event_preposition`); no match without cues."""
    cues = cues or {}
    units, preps = cues.get("aside_time_unit", []), cues.get("aside_time_preposition", [])
    events = cues.get("aside_event_preposition", [])
    parts = []
    if units and preps:
        parts.append(
            r",\s+(?:[\p{Ll}\d\-]+\s+){0,3}?(?:"
            + "|".join(re.escape(u) for u in units)
            + r")\s+(?:"
            + "|".join(re.escape(p) for p in preps)
            + r")\b[^,;]*"
        )
    if events:
        parts.append(r",?\s+(?:" + "|".join(re.escape(e) for e in events) + r")\b[^,;]*")
    # (to the next comma, and a date the aside's weekday goes on to: "on Saturday, May 11")
    date_tail = r"(?:,\s*" + MONTH_RE + r"\s+\d{1,2}\b(?:,?\s*\d{4})?)?"
    return "(?i)(?:" + "|".join(parts) + ")" + date_tail if parts else r"$^"


# ", who will visit Suzhou on Friday,": a relative clause between commas, about its person
RELATIVE_CLAUSE_RE = r"(?i),\s+(?:who|whose|which)\b[^,]*,"


def strip_other_event_clauses(
    text: pl.Expr, meeting_verbs: list[str], event_prepositions: list[str] | None = None
) -> pl.Expr:
    """The lede without its clauses that tell of another event, for its day: an opening
    subordinate clause ("After the fair closed on May 5, ...", "Ahead of Saturday's marathon, ...":
    `event_prepositions`), a relative clause between commas (", who will visit Suzhou on Friday,")
    and a first clause joined by "and" to the meeting verb's ("arrived in Beijing on Monday and met
    ..."). Read only while the rest states a day."""
    openers = ["after", "before", "since", "when", "while", "once", "as"] + [
        re.escape(p.lower()) for p in event_prepositions or []
    ]
    out = text.str.replace(r"(?i)^\W*(?:" + "|".join(openers) + r")\b[^,]*,", "").str.replace_all(
        RELATIVE_CLAUSE_RE, ","
    )
    if meeting_verbs:
        verbs = "|".join(re.escape(v) for v in sorted(meeting_verbs, key=len, reverse=True))
        out = out.str.replace(
            r"(?i)^[^,]*?\bon\s+"
            + WEEKDAY_RE.replace("(", "(?:")
            + r"\b[^,]*?\s+and\s+((?:then\s+|also\s+|later\s+)?(?:"
            + verbs
            + r")\b)",
            "$1",
        )
    return out


# "in Guangzhou since Sunday", "stays until Sunday": a weekday bounding a stay, no event's day
BOUNDING_WEEKDAY_RE = r"(?i)\b(?:since|until|till)\s+(?:last\s+|next\s+)?" + WEEKDAY_RE


def stated_weekday(sentence: pl.Expr) -> pl.Expr:
    cleaned = sentence.str.replace_all(SAID_WHEN_RE, "when").str.replace_all(OTHER_EVENT_WEEKDAY_RE, " ")
    cleaned = cleaned.str.replace_all(BOUNDING_WEEKDAY_RE, " ")
    return cleaned.str.extract(r"\b" + WEEKDAY_RE + r"\b", 1)


def next_day_opening(markers: list[str] | None) -> str:
    """Regex of a sentence opening on the day after the one told before ("The next morning, ...",
    "On the following day, ..."): `next_day_marker` in cues.csv."""
    if not markers:
        return r"$^"
    return r"(?i)^\W*(?:on\s+|early\s+|late\s+)?(?:" + "|".join(re.escape(m) for m in markers) + r")\b\s*,?"


def opens_next_day(sentence: pl.Expr, markers: list[str] | None) -> pl.Expr:
    """'The next morning, A travelled to Muan, where he met B', 'The following day, Speaker C met
    the delegation': a sentence opening on the day after the lede's reports a meeting of that day,
    never the lede's again (its date is the lede's plus one, with no weekday stated)."""
    return sentence.str.contains(next_day_opening(markers)).fill_null(False)


# "in the morning", "on Tuesday afternoon", "on the evening of May 3": a part of the day
PART_OF_DAY_RE = r"(?i)\b(?:in the|on the|this|that|" + WEEKDAY_RE + r")\s+(morning|afternoon|evening)\b"


def stated_part_of_day(sentence: pl.Expr) -> pl.Expr:
    """The first part of the day a sentence states (lower case), else null."""
    return (
        sentence.str.replace_all(SAID_WHEN_RE, "when")
        .str.replace_all(OTHER_EVENT_WEEKDAY_RE, " ")
        .str.extract(PART_OF_DAY_RE, 2)
        .str.to_lowercase()
    )


def another_time(wd: pl.Expr, lede_wd: pl.Expr, pod: pl.Expr, lede_pod: pl.Expr) -> pl.Expr:
    """A sentence's time differs from the lede's: another weekday, or another part of the day
    ("In the morning, X met A. ... In the afternoon, X met B"), both stated."""
    wd_differs = wd.is_not_null() & lede_wd.is_not_null() & (wd != lede_wd)
    pod_differs = pod.is_not_null() & lede_pod.is_not_null() & (pod != lede_pod)
    return (wd_differs | pod_differs).fill_null(False)


def explicit_meeting_date(sentence: pl.Expr, published: pl.Expr) -> pl.Expr:
    """'on August 12', 'on 12 August 2023', 'on Aug. 12': the year from the text, else from the
    published date (moved back a year when that would put the meeting after publication)."""
    # "on the afternoon of October 17", "on Thursday, 5 September": a part of the day or the
    # weekday may stand between "on" and the date
    lead = (
        # ("in the afternoon of November 21" likewise)
        r"(?i)\b(?:on\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
        r"|in\s+the\s+(?:morning|afternoon|evening|night)\s+of\s+)(?:"
        + WEEKDAY_RE.replace("(", "(?:")
        + r",?\s+)?"
    )
    md = lead + MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?"
    dm = (
        lead
        + r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+and\s+\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
        + MONTH_RE
        + r"(?:,?\s*(\d{4}))?"
    )
    month = pl.coalesce(
        _month_number(sentence.str.extract(md, 1)), _month_number(sentence.str.extract(dm, 2))
    )
    day = pl.coalesce(sentence.str.extract(md, 2), sentence.str.extract(dm, 1))
    year_stated = pl.coalesce(sentence.str.extract(md, 3), sentence.str.extract(dm, 3))
    pub_year = published.dt.year().cast(pl.String)
    guess = _ymd(pl.coalesce(year_stated, pub_year), month, day)
    prev = _ymd((published.dt.year() - 1).cast(pl.String), month, day)
    named_month = (
        pl.when(year_stated.is_null() & guess.is_not_null() & (guess > published)).then(prev).otherwise(guess)
    )
    # "on 2024-10-07": a numeric date after "on"
    iso = lead + ISO_RE + r"\b"
    numeric = _ymd(sentence.str.extract(iso, 1), sentence.str.extract(iso, 2), sentence.str.extract(iso, 3))
    return pl.coalesce(named_month, numeric, day_of_month_date(sentence, published, lead))


def day_of_month_date(sentence: pl.Expr, published: pl.Expr, lead: str) -> pl.Expr:
    """A diary's 'on the afternoon of the 19th', 'On the 20th Cao chaired ...', a translated report's
    'met ... on the 5th': a day of the month with no month, an ordinal after "on (the ... of) the",
    is of the published date's month (of the month before, when that would fall after publication).
    Not an ordinal that counts something ("on the 20th anniversary", "the 6th Import Expo"): the
    ordinal ends the phrase (a mark, a capital, a pronoun or a preposition)."""
    ordinal = lead + r"the\s+(\d{1,2})(?:st|nd|rd|th)\b"
    dom = (
        ordinal
        + r"(?:\s*\("
        + WEEKDAY_RE
        + r"\))?(?:\s*[,.;:)]|\s*$|\s+(?:he|she|they|we|it|in|at|when|during|and|with|to|as)\b)"
    )
    # (a capital after it only when it opens the sentence: "On the 20th Cao chaired ...", but
    # "met ... on the 6th China-Africa Expo" names an edition)
    opening = r"^\W*" + ordinal + r"\s+(?-i:\p{Lu})"
    day = pl.coalesce(sentence.str.extract(dom, 1), sentence.str.extract(opening, 1)).cast(
        pl.Int32, strict=False
    )
    this_month = _ymd(published.dt.year().cast(pl.String), published.dt.month().cast(pl.String), day)
    before = published.dt.offset_by("-1mo")
    last_month = _ymd(before.dt.year().cast(pl.String), before.dt.month().cast(pl.String), day)
    return pl.when(this_month.is_not_null() & (this_month > published)).then(last_month).otherwise(this_month)


def stated_day(sentence: pl.Expr, published: pl.Expr) -> pl.Expr:
    """The weekday a sentence dates its event to: the weekday it states, else the weekday of the
    date it states ("On 26 September, ..." in 2024 is a Thursday). Two sentences of a report stating
    different days tell different events apart, whether one gives a weekday and the other a date."""
    return pl.coalesce(stated_weekday(sentence), explicit_meeting_date(sentence, published).dt.strftime("%A"))


def relative_meeting_date(sentence: pl.Expr, published: pl.Expr) -> pl.Expr:
    lower = sentence.str.to_lowercase()
    return (
        pl.when(lower.str.contains(r"\bthe day before yesterday\b"))
        .then(published - pl.duration(days=2))
        .when(lower.str.contains(r"\byesterday\b"))
        .then(published - pl.duration(days=1))
        .when(lower.str.contains(r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b"))
        .then(published)
        .otherwise(None)
    )


def weekday_on_or_before(published: pl.Expr, weekday: pl.Expr) -> pl.Expr:
    """Latest date on or before `published` whose weekday is `weekday`."""
    target = weekday.replace_strict(
        {w: i + 1 for i, w in enumerate(WEEKDAYS)}, default=None, return_dtype=pl.Int32
    )
    back = (published.dt.weekday().cast(pl.Int32) - target + 7) % 7
    return published - pl.duration(days=back)


# "Shenzhen, 27 March 2025 – ...", "HAIKOU, Dec. 5 (Xinhua) -- ...": a dateline opening the lede
# (what every dateline pattern needs, a dash and a space: without one in any row a stage skips them,
# `frames.can_match`)
DATELINE_DASH_RE = r"[-–—]\s"
DATELINE_RE = r"^\s*\p{Lu}[\p{L}\p{M} .'\-]{1,40},\s+([^,()–—]{3,24}?)\s*(?:\([^)]*\)\s*)?(?:--|[–—-])\s"


def dateline_date(sentence: pl.Expr, published: pl.Expr) -> pl.Expr:
    """The date of a dateline opening the sentence, the year from the text or else from the
    published date (a year back when that would fall after publication); null without one."""
    head = sentence.str.extract(DATELINE_RE, 1)
    full = parse_full_date(head)
    md = r"^" + MONTH_RE + r"\s+(\d{1,2})$"
    dm = r"^(\d{1,2})\s+" + MONTH_RE + r"$"
    month = pl.coalesce(_month_number(head.str.extract(md, 1)), _month_number(head.str.extract(dm, 2)))
    day = pl.coalesce(head.str.extract(md, 2), head.str.extract(dm, 1))
    guess = _ymd(published.dt.year().cast(pl.String), month, day)
    prev = _ymd((published.dt.year() - 1).cast(pl.String), month, day)
    partial = pl.when(guess.is_not_null() & (guess > published)).then(prev).otherwise(guess)
    return pl.coalesce(full, partial)


# "That afternoon he met B", "Later that day, ...": a sentence opening on a time of the day told just
# before (an anaphor of the day), not on a day of its own
ANAPHOR_DAY_RE = (
    r"(?i)^\W*(?:(?:later|early|late)\s+)?(?:on\s+)?(?:that|the\s+same)\s+"
    r"(?:morning|afternoon|evening|night|day)\b"
)


def anaphoric_day(sentences: pl.DataFrame, published: pl.DataFrame | None = None) -> pl.DataFrame:
    """(sid, _anaphor_day): in a diary ("On Wednesday morning, Yao chaired a meeting on floods. That
    afternoon he met B"), a sentence opening on "that afternoon", "later that day" and stating no
    day of its own is dated by the last day stated before it in the article (a weekday, or the
    weekday of a date), not by the report's first meeting. `sentences`: sid, article_id, sent_no,
    text; `published`: article_id, published_date (for the weekday of a date stated without year)."""
    s = sentences.select("sid", "article_id", "sent_no", "text")
    if published is not None:
        s = s.join(published.select("article_id", "published_date"), on="article_id", how="left")
    else:
        s = s.with_columns(pl.lit(None, dtype=pl.Date).alias("published_date"))
    # stated_day is costly: read only the articles that have such a sentence at all (none: its
    # patterns are not even compiled)
    s = s.with_columns(pl.col("text").str.contains(ANAPHOR_DAY_RE).alias("_anaphor")).filter(
        pl.col("_anaphor").any().over("article_id")
    )
    if s.height == 0:
        return s.select("sid", pl.lit(None, dtype=pl.String).alias("_anaphor_day"))
    return (
        s.sort("article_id", "sent_no")
        .with_columns(stated_day(pl.col("text"), pl.col("published_date")).alias("_own"))
        .with_columns(pl.col("_own").forward_fill().shift(1).over("article_id").alias("_before"))
        .filter(pl.col("_anaphor") & pl.col("_own").is_null() & pl.col("_before").is_not_null())
        .select("sid", pl.col("_before").alias("_anaphor_day"))
    )


# "from April 11 to 14", "from October 12 to October 16", "from 12 to 16 October": a stated span
_SPAN_MD = (
    r"(?i)\bfrom\s+"
    + MONTH_RE
    + r"\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:to|until|-|–)\s*(?:"
    + MONTH_RE
    + r"\s+)?(\d{1,2})\b"
)
_SPAN_DM = (
    r"(?i)\bfrom\s+\d{1,2}(?:st|nd|rd|th)?(?:\s+"
    + MONTH_RE
    + r")?\s*(?:to|until|-|–)\s*(\d{1,2})(?:st|nd|rd|th)?\s+"
    + MONTH_RE
)
# "two days later": the count of days, numerals written as words up to a week
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def span_end_dates(sentences: pl.DataFrame, published: pl.DataFrame) -> pl.DataFrame:
    """(article_id, _span_end): the last day of the first span of days an article states ("visited
    Kazakhstan and Uzbekistan from October 12 to 16"), the year from the published date (issue
    15a: "On the last day of the visit, Luo was received by ...")."""
    s = sentences.select("article_id", "sent_no", "text").filter(pl.col("text").str.contains(r"(?i)\bfrom\s"))
    return (
        s.join(published.select("article_id", "published_date"), on="article_id", how="left")
        .with_columns(
            pl.coalesce(
                _month_number(pl.col("text").str.extract(_SPAN_MD, 2)),
                _month_number(pl.col("text").str.extract(_SPAN_MD, 1)),
                _month_number(pl.col("text").str.extract(_SPAN_DM, 3)),
            ).alias("_m"),
            pl.coalesce(
                pl.col("text").str.extract(_SPAN_MD, 3), pl.col("text").str.extract(_SPAN_DM, 2)
            ).alias("_d"),
        )
        .with_columns(
            _ymd(pl.col("published_date").dt.year().cast(pl.String), pl.col("_m"), pl.col("_d")).alias(
                "_span_end"
            )
        )
        .drop_nulls("_span_end")
        .sort("article_id", "sent_no")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("_span_end").first())
    )


def later_day_marker(sentence: pl.Expr, markers: list[str] | None) -> pl.Expr:
    """The `later_day_marker` a sentence opens on ("Two days later, in Kigali, Xu held talks with
    ...", "On the last day of the visit, Luo was received by ..."), lower case, else null."""
    if not markers:
        return pl.lit(None, dtype=pl.String)
    pattern = r"(?i)^\W*(?:on\s+)?(" + "|".join(re.escape(m) for m in markers) + r")\b"
    return sentence.str.extract(pattern, 1).str.to_lowercase()


def marker_day_count(marker: pl.Expr) -> pl.Expr:
    """The days a marker counts by its first word, a numeral ("two days later": 2), else null."""
    first = marker.str.extract(r"^(\w+)\s", 1)
    return pl.coalesce(
        first.cast(pl.Int32, strict=False),
        first.replace_strict(_COUNT_WORDS, default=None, return_dtype=pl.Int32),
    )


# "holding talks in Khabarovsk on July 3 and in Vladivostok on July 5": a place and its day
_PLACE_ON_DATE = (
    r"\b[Ii]n\s+(\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,2})\s+on\s+(?:"
    + MONTH_RE.replace("(", "(?:", 1)
    + r"\s+\d{1,2}|\d{1,2}\s+"
    + MONTH_RE.replace("(", "(?:", 1)
    + r")\b"
)


def place_dates(sentences: pl.DataFrame, published: pl.DataFrame) -> pl.DataFrame:
    """(article_id, _place, _place_date): each place a sentence listing stops gives a day of its
    own ("visited Russia from July 3 to 6, holding talks in Khabarovsk on July 3 and in Vladivostok
    on July 5"), a place given one day only (issue 15a, K13)."""
    s = sentences.select("article_id", "text").filter(pl.col("text").str.contains(_PLACE_ON_DATE))
    if s.height == 0:
        return pl.DataFrame(schema={"article_id": pl.String, "_place": pl.String, "_place_date": pl.Date})
    return (
        s.with_columns(pl.col("text").str.extract_all(_PLACE_ON_DATE).alias("_pd"))
        # (a sentence listing two stops or more with their days, not another event's place and day:
        # "the forum opening in Vladivostok on September 4")
        .filter(pl.col("_pd").list.len() >= 2)
        .explode("_pd")
        .join(published.select("article_id", "published_date"), on="article_id", how="left")
        .select(
            "article_id",
            pl.col("_pd").str.extract(_PLACE_ON_DATE, 1).alias("_place"),
            explicit_meeting_date(pl.col("_pd"), pl.col("published_date")).alias("_place_date"),
        )
        .drop_nulls()
        .unique()
        .filter(pl.len().over("article_id", "_place") == 1)
    )
