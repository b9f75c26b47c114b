"""Which other sentences of an article report the lede's meeting (repeats, own meetings, "led by")."""

from __future__ import annotations

import re

import polars as pl

from flows.transform import dates
from flows.transform.cue_patterns import SPEECH, elsewhen, phrase_regex
from flows.transform.frames import can_match
from flows.transform.participants.context import Shared
from flows.transform.references import title_tokens

# "also": on another day, the next stop of a trip (a function word, not reference data)
ALSO = "also"


def same_meeting_sentences(ctx: Shared) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Other sentences of the article that report the lede's meeting, read from `ctx`.

    Returns (repeats, own_meeting, led, another_day):
    - repeats: one row per (article_id, sid) of a later sentence that reports the same meeting
      (naming the lede's people, a delegation met that day, a later meeting told in full);
    - own_meeting: one row per sid (own_meeting=True) of a later meeting sentence whose people
      lead a meeting of their own (split.py);
    - led: one row per (article_id, sid) of a "led by" sentence of this visit;
    - another_day: one row per sid of a sentence stating another day or part of the day."""
    meetings = ctx.meetings
    sentences = ctx.sentences
    flags = ctx.flags
    refs = ctx.refs
    people = ctx.people
    t = ctx.t
    cues = ctx.cues
    published = ctx.published
    lede = ctx.lede
    lede_names = ctx.lede_names
    other_meeting = ctx.other_meeting
    # Other sentences that report the same meeting: a meeting sentence naming one of the lede's
    # people ("Feng met ... with envoys from 26 countries, including A, B"), or "led by" sentences.
    meeting_sids = (
        meetings.select("article_id", "meeting_sids").explode("meeting_sids").rename({"meeting_sids": "sid"})
    )
    # ... but not another meeting of the same trip mentioned in passing
    other_meeting = phrase_regex(cues.get("other_meeting_marker", []))
    # (read before the first speech verb: "In his meeting with X, Lu said the city would ..." reports
    # this meeting; the "would" belongs to what was said)
    before_speech = pl.col("text").str.replace(
        phrase_regex(cues.get("speech_verb", [])).removesuffix(r")\b") + r")\b.*$", ""
    )
    # ("Erkin then met separately with B": an adverb of `verb_split_adverb` right after the meeting
    # verb splits the meetings of this visit, it marks no other event as "Separately, ..." does)
    verb_separately = (
        r"(?i)\b("
        + phrase_regex(cues.get("meeting_verb", [])).removeprefix(r"(?i)\b(?:").removesuffix(r")\b")
        + r")\s+"
        + phrase_regex(cues.get("verb_split_adverb", [])).removeprefix(r"(?i)")
    )
    # ("The next morning, A travelled to Muan, where he met B": the day after the lede's, told by
    # its opening (`next_day_marker`), is no other-meeting marker; the sentence is of the visit, on
    # another day, below)
    # (so is a later day of the trip: "Two days later, ...", "On the last day of the visit, ...":
    # `later_day_marker`, issue 15a K11)
    next_day = cues.get("next_day_marker", []) + cues.get("later_day_marker", [])
    # (the sentence so read, once for both uses below)
    read = sentences.select(
        "sid",
        before_speech.str.replace_all(verb_separately, "$1")
        .str.replace(dates.next_day_opening(next_day), "")
        .alias("_read"),
    )
    same_meeting = read.filter(~pl.col("_read").str.contains(other_meeting)).select("sid")
    # ("Vice Governor C held brief separate talks with three groups of guests on Sunday. ... C also
    # met B, CEO of ...": under a lede telling separate meetings, "also" names one of them, no other
    # event; issue 14a)
    separate_ledes = meetings.join(
        flags.filter(pl.col("has_sep").fill_null(False)).select(pl.col("sid").alias("lede_sid")),
        on="lede_sid",
        how="semi",
    ).select("article_id")
    # ("The delegation also met with Governor B in Khabarovsk on Thursday": on another day than the
    # lede's, "also" marks the next stop of the trip, not another event; issue 12c)
    # (so does "earlier" right before a day of its own: "Earlier, on Monday, A met with C in Paris",
    # an earlier stop, `earlier_stop_marker`; issue 15a)
    earlier = cues.get("earlier_stop_marker", [])
    same_trip = read.filter(
        ~pl.col("_read")
        .str.replace_all(r"(?i)\b" + ALSO + r"\b", "")
        .str.replace_all(
            r"(?i)\b(?:" + "|".join(re.escape(w) for w in earlier or ["$^"]) + r"),?\s+(on\s)", "$1"
        )
        .str.contains(other_meeting)
    ).select("sid")
    same_meeting = pl.concat(
        [
            same_meeting,
            same_trip.join(
                sentences.join(separate_ledes, on="article_id", how="semi").select("sid"),
                on="sid",
                how="semi",
            ),
        ]
    ).unique()
    lede_weekday = meetings.select("article_id", pl.col("lede_wd").alias("_lede_wd"), "lede_pod")
    sentence_time = sentences.select(
        "sid",
        "article_id",
        dates.stated_weekday(pl.col("text")).alias("_wd"),
        dates.stated_part_of_day(pl.col("text")).alias("_pod"),
        dates.opens_next_day(pl.col("text"), next_day).alias("_next_day"),
    )
    # "On Monday, the delegation was in Seoul, where Chen met with Minister Y": a meeting sentence
    # stating another day than the lede's, or another part of the day, is another meeting of the
    # trip, never a repeat of this one, even when it names the lede's people (below: a meeting of its
    # own only when reported as one). A day is a weekday or a date, compared as weekdays: "On 26
    # September, A called on B ... On Sunday (22 September) A was in Chengdu, where she met C"
    # (dates.stated_day; the year of a date from the published date). Two dates are left to split.py
    # ("In Sao Paulo on March 6, Lou met A ... In Buenos Aires on March 9, Lou met B"); parts of the
    # day: "In the morning, X met A. ... In the afternoon, X met B".
    if published is None:
        published = meetings.select("article_id", pl.lit(None, dtype=pl.Date).alias("published_date"))
    pub = published.select("article_id", "published_date")
    # ("On Wednesday morning, Yao chaired ... That afternoon he met B": a sentence opening on "that
    # afternoon" is of the day told just before it, dates.anaphoric_day)
    sentence_time = (
        sentence_time.join(dates.anaphoric_day(sentences, pub), on="sid", how="left", maintain_order="left")
        .with_columns(pl.coalesce("_wd", "_anaphor_day").alias("_wd"))
        .drop("_anaphor_day")
    )
    lede_day = (
        meetings.select("article_id", "day_text", "lede_wd", "lede_pod")
        .join(pub, on="article_id", how="left")
        # (the date read once: dates.stated_day is the weekday stated, else the date's)
        .with_columns(
            dates.explicit_meeting_date(pl.col("day_text"), pl.col("published_date")).alias("_lede_date")
        )
        .select(
            "article_id",
            "lede_pod",
            pl.coalesce(
                dates.stated_weekday(pl.col("day_text")), pl.col("_lede_date").dt.strftime("%A"), "lede_wd"
            ).alias("_lede_day"),
            "_lede_date",
        )
    )
    day_of = (
        sentence_time.join(sentences.select("sid", "text"), on="sid", maintain_order="left")
        .join(pub, on="article_id", how="left", maintain_order="left")
        .join(lede_day, on="article_id", maintain_order="left")
        .with_columns(dates.explicit_meeting_date(pl.col("text"), pl.col("published_date")).alias("_date"))
        .with_columns(
            pl.coalesce(dates.stated_weekday(pl.col("text")), pl.col("_date").dt.strftime("%A"), "_wd").alias(
                "_day"
            )
        )
    )
    another_day = day_of.filter(
        (
            dates.another_time(pl.col("_day"), pl.col("_lede_day"), pl.lit(None), pl.lit(None))
            & ~(pl.col("_lede_date").is_not_null() & pl.col("_date").is_not_null())
        )
        | dates.another_time(pl.lit(None), pl.lit(None), pl.col("_pod"), pl.col("lede_pod"))
        | pl.col("_next_day")
        # ("Hu Yuting (R) meets Ambassador C in Changchun, March 2023. [File photo]": a month
        # of a year before the published one dates the sentence's meeting at that time, a
        # caption of another photo; issue 15b)
        | (past_month_year(pl.col("text")) < pl.col("published_date").dt.year()).fill_null(False)
    ).select("sid")
    repeats = (
        refs.join(meeting_sids, on=["article_id", "sid"], how="inner", maintain_order="left")
        .join(same_meeting, on="sid", how="inner", maintain_order="left")
        .join(another_day, on="sid", how="anti", maintain_order="left")
        .join(_another_stop(sentences, lede, cues), on="sid", how="anti", maintain_order="left")
        .join(lede_names, on=["article_id", "name"], how="inner", maintain_order="left")
        .select("article_id", "sid")
    )
    # "On Wednesday, the Minister travelled to Hangzhou, where he was received by Governor X": a
    # later sentence reporting a meeting on another weekday than the lede's names its own leads
    # (split.py makes it a meeting of its own), even when it names the lede's people by pronoun
    other_day = (
        refs.filter(pl.col("ntok") >= 2)
        .join(meeting_sids, on=["article_id", "sid"], how="inner", maintain_order="left")
        .join(same_trip, on="sid", how="inner", maintain_order="left")
        .join(lede_weekday, on="article_id", maintain_order="left")
        .join(sentence_time.drop("article_id"), on="sid", maintain_order="left")
        # ("On Monday, Zhou met Governor S ... On the 25th, Zhou held talks with Governor A": a stop
        # told by a date after a lede told by a weekday is on the date's weekday; two dates are
        # compared by split.py; issue 15a, K10)
        .join(
            day_of.select(
                "sid",
                pl.when(pl.col("_lede_date").is_null())
                .then(pl.col("_date").dt.strftime("%A"))
                .alias("_date_wd"),
            ),
            on="sid",
            how="left",
            maintain_order="left",
        )
        .with_columns(pl.coalesce("_wd", "_date_wd").alias("_day"))
        .filter(
            dates.another_time(pl.col("_day"), pl.col("_lede_wd"), pl.col("_pod"), pl.col("lede_pod"))
            | pl.col("_next_day")
        )
        .join(lede_names, on=["article_id", "name"], how="anti", maintain_order="left")
        .with_columns(
            # (the same day: "In the afternoon, Erkin met with the Secretary-General of the SCO, B")
            (
                dates.another_time(pl.col("_day"), pl.col("_lede_wd"), pl.lit(None), pl.lit(None))
                | pl.col("_next_day")
            )
            .not_()
            .alias("_same_day")
        )
        .select("article_id", "sid", "sent_no", "name", "_same_day")
    )
    # ... when it is reported as a meeting, not mentioned in passing: a person it names comes up
    # again later, by surname or by title alone ("The Governor and the Minister discussed ...")
    by_title = (
        title_tokens(t, sentences)
        .join(
            people.select("article_id", "name", pl.col("title").alias("value")),
            on=["article_id", "value"],
            how="inner",
            maintain_order="left",
        )
        .select("article_id", "name", "sent_no")
    )
    # ... or the next sentence goes on about the talks of the sentence before ("They talked about
    # the city's growing life sciences cluster": `talks_followup` opening it)
    # (or the one after it in the same paragraph, when the sentence between is what the host said:
    # "On Tuesday, Sun met with B, chairman of the hockey club. Sun said the province ... The two
    # sides also discussed ...")
    followups = sentences.filter(
        pl.col("text").str.contains(
            r"^(?i:" + phrase_regex(cues.get("talks_followup", [])).removeprefix("(?i)") + r")"
        )
    )
    followup = pl.concat(
        [
            followups.select(
                "article_id", (pl.col("sent_no") - 1).alias("sent_no"), pl.col("sent_no").alias("_next")
            ),
            followups.join(
                sentences.select(
                    "article_id",
                    (pl.col("sent_no") + 2).alias("sent_no"),
                    pl.col("para_no").alias("_para2"),
                ),
                on=["article_id", "sent_no"],
                how="inner",
            )
            .filter(pl.col("_para2") == pl.col("para_no"))
            .select("article_id", (pl.col("sent_no") - 2).alias("sent_no"), pl.col("sent_no").alias("_next")),
        ]
    ).join(refs.select("article_id", "sent_no", "name"), on=["article_id", "sent_no"], how="inner")
    followup = followup.select("article_id", "name", pl.col("_next").alias("sent_no"))
    # ... or the person named speaks in a relative clause of the sentence itself ("On Thursday, Ma
    # met A, CEO of B, who said the carmaker would ...": what the guest said at the talks)
    speaks_here = _who_speaks(t, refs)
    # ... or the sentence itself goes on with what the two discussed ("On Wednesday, Kuroki met
    # Vice Mayor D and discussed sea routes": `talks_clause`)
    talks_here = refs.join(
        sentences.filter(pl.col("text").str.contains(phrase_regex(cues.get("talks_clause", [])))).select(
            "sid"
        ),
        on="sid",
        how="semi",
    ).select("article_id", "name", (pl.col("sent_no") + 1).alias("sent_no"))
    # ... or the words right after the name say what the talks were about ("On Thursday the
    # delegation held talks in Beijing with Vice Minister B on market access for ...": split 53,
    # issue 13b)
    topic_here = _talks_topic(
        t,
        refs,
        cues.get("talks_topic_marker", []),
        cues.get("determiner", []) + cues.get("proxy_noun", []) + cues.get("not_topic_word", []),
    )
    again = pl.concat(
        [
            refs.select("article_id", "name", "sent_no"),
            by_title,
            followup,
            speaks_here,
            talks_here,
            topic_here,
        ],
        how="vertical_relaxed",
    ).rename({"sent_no": "_again"})
    # (another part of the lede's day, a sentence naming one of the lede's people meeting someone
    # new, is a meeting of the same visit however briefly told)
    other_day = (
        other_day.join(again, on=["article_id", "name"], how="left", maintain_order="left")
        .filter((pl.col("_again") > pl.col("sent_no")).fill_null(False) | pl.col("_same_day"))
        .select("article_id", "sid")
        .unique(maintain_order=True)
    )
    repeats = pl.concat([repeats, other_day]).unique(maintain_order=True)
    # "Later that day, Sheng also met a delegation of the Netherlands Chamber of Commerce": a later
    # meeting sentence naming one person, not of the lede, whose object is a delegation of a body
    # (`delegation_object`) is a meeting of its own led by that person (split.py)
    # (not a future or past meeting: "will meet a delegation of ...", "last year met ...")
    # ("In 2019, X received a delegation of ...": `elsewhen`, a time of its own in the past; "had
    # received": a pluperfect meeting)
    not_now = phrase_regex(cues.get("future_marker", []) + cues.get("other_time_marker", []))
    of_another_time = (
        sentences.join(
            pub.select("article_id", pl.col("published_date").dt.year().cast(pl.Int32).alias("_pub_year")),
            on="article_id",
            how="left",
            maintain_order="left",
        )
        .filter(
            elsewhen(cues) | pl.col("text").str.contains(phrase_regex(cues.get("pluperfect_meeting", [])))
        )
        .select("sid")
    )
    delegation_call = (
        refs.filter(~pl.col("proxy").fill_null(False))
        .join(
            sentences.filter(
                pl.col("text").str.contains(phrase_regex(cues.get("delegation_object", [])))
                & ~pl.col("text").str.contains(not_now)
            )
            .join(of_another_time, on="sid", how="anti")
            .select("sid"),
            on="sid",
            how="inner",
        )
        .join(lede, on="article_id", maintain_order="left")
        .filter(pl.col("sid") != pl.col("lede_sid"))
        .group_by("article_id", "sid", maintain_order=True)
        .agg(pl.col("name").n_unique().alias("_n"), pl.col("name").first())
        .filter(pl.col("_n") == 1)
        .join(lede_names, on=["article_id", "name"], how="anti", maintain_order="left")
        .select("article_id", "sid")
    )
    # "On the same day, Mayor C met with Governor D", "Also on Thursday, Vice Mayor C met ...": a
    # later meeting sentence opening on the lede's day (`same_day_marker`) naming someone the lede
    # does not name is a meeting of its own, when it is reported as one (a person it names comes
    # up again later, the talks are told: "Meanwhile, in Xining, Governor C received a delegation
    # led by D. They discussed solar power."), not mentioned in passing (issue 15b: below)
    same_day_groups = (
        refs.filter((pl.col("ntok") >= 2) & ~pl.col("proxy").fill_null(False))
        .join(meeting_sids, on=["article_id", "sid"], how="inner", maintain_order="left")
        .join(
            sentences.filter(
                pl.col("text").str.contains(
                    r"^(?i:" + phrase_regex(cues.get("same_day_marker", [])).removeprefix("(?i)") + r")"
                )
            ).select(
                "sid",
                # ("Meanwhile, in Shenzhen, Mayor C met with Consul General D to discuss electric
                # vehicles": a purpose of the talks, `talks_purpose`, tells them too)
                pl.col("text")
                .str.contains(phrase_regex(cues.get("talks_purpose", ["$^"])))
                .alias("_purpose"),
            ),
            on="sid",
            how="inner",
        )
        .join(lede, on="article_id", maintain_order="left")
        .filter(pl.col("sid") != pl.col("lede_sid"))
        .join(lede_names.with_columns(pl.lit(True).alias("_of_lede")), on=["article_id", "name"], how="left")
        .join(again, on=["article_id", "name"], how="left", maintain_order="left")
        .group_by("article_id", "sid", maintain_order=True)
        .agg(
            pl.col("_of_lede").fill_null(False).any().alias("_of_lede"),
            (
                (pl.col("_again") > pl.col("sent_no")).fill_null(False).any() | pl.col("_purpose").first()
            ).alias("_again"),
            # ("Later on Tuesday, Party Secretary X also met with B": the lede's guest met by
            # someone new, who comes up again, is a meeting of its own too)
            ((pl.col("_again") > pl.col("sent_no")) & ~pl.col("_of_lede").fill_null(False))
            .fill_null(False)
            .any()
            .alias("_new_again"),
        )
    )
    same_day_call = same_day_groups.filter(
        (~pl.col("_of_lede") & pl.col("_again")) | pl.col("_new_again")
    ).select("article_id", "sid")
    # "On the same day, Governor C met a separate business delegation in Guangzhou, led by D",
    # "Meanwhile in Beijing, Vice Premier C received D": such a sentence naming none of the lede's
    # people and told in passing (nobody of it comes up again, no talks told) is another meeting
    # of that day mentioned, none of this report: its "led by" is no head of this visit (issue 15b)
    passing_call = same_day_groups.filter(~pl.col("_of_lede") & ~pl.col("_again")).select("sid")
    # (so is "On the same day, Vice Governor C met a delegation from Osh Region at a different
    # venue": a delegation object makes no meeting of the report of one told in passing; issue 15f)
    delegation_call = pl.concat(
        [delegation_call.join(passing_call, on="sid", how="anti"), same_day_call]
    ).unique(maintain_order=True)
    repeats = pl.concat([repeats, delegation_call]).unique(maintain_order=True)
    own_meeting = delegation_call.select("sid").with_columns(pl.lit(True).alias("own_meeting"))
    # ("A delegation led by Party Secretary Y visited Almaty ..., the city's office said on
    # Tuesday": a speech verb after the head named is the source of the report, not what was said)
    # ("In 2015, Yang received a delegation led by X", "Last year, a delegation led by X visited
    # ...": a "led by" sentence of another time tells of another visit)
    # (split 56: only the clause of the "led" words counts: "A led a Shenzhen delegation to Brazil
    # from November 24 to 28, following President X's state visit earlier this month" is this trip)
    led_by_re = phrase_regex(cues.get("led_by", [])).removeprefix("(?i)")
    led_sentences = sentences.join(flags.filter("has_led_by").select("sid"), on="sid", how="semi").join(
        pub.select(
            "article_id",
            pl.col("published_date").dt.year().cast(pl.Int32).alias("_pub_year"),
            pl.col("published_date").dt.month().cast(pl.Int32).alias("_pub_month"),
        ),
        on="article_id",
        how="left",
        maintain_order="left",
    )
    led_clause = (
        led_sentences.with_columns(
            pl.coalesce(
                pl.col("text").str.extract(r"(?i)^(.*?" + led_by_re + r"[^,;]*)", 1), pl.col("text")
            ).alias("text")
        )
        .filter(
            elsewhen(cues)
            | pl.col("text").str.contains(phrase_regex(cues.get("pluperfect_meeting", [])))
            # ("Prime Minister C led a business delegation to China in June this year", published in
            # October: a month of this year other than the published one dates another visit;
            # issue 15f)
            | (
                dates._month_number(
                    pl.col("text").str.extract(r"\b" + dates.MONTH_RE + r"\s+this\s+year\b", 1)
                )
                != pl.col("_pub_month")
            ).fill_null(False)
        )
        .select("sid")
    )
    # ("X reported on Saturday that a delegation led by Mayor C will visit Auckland next year": the
    # words after the head, to the clause's end, state a time of their own; the weekday before them
    # is the report's; issue 15f)
    led_tail = (
        led_sentences.with_columns(
            pl.col("text").str.extract(r"(?i)" + led_by_re + r"([^,;]*)", 1).alias("text")
        )
        .filter(pl.col("text").is_not_null() & elsewhen(cues))
        .select("sid")
    )
    led_clause = pl.concat([led_clause, led_tail]).unique()
    led = (
        sentences.join(flags, on="sid", maintain_order="left")
        .join(led_clause, on="sid", how="anti")
        .join(passing_call, on="sid", how="anti")
        .filter(
            pl.col("has_led_by")
            & (pl.col("speech_pos").is_null() | (pl.col("speech_pos") > pl.col("led_pos")).fill_null(False))
        )
        .join(meetings.select("article_id"), on="article_id", how="inner", maintain_order="left")
        .select("article_id", "sid")
    )
    return repeats, own_meeting, led, another_day


def past_month_year(text: pl.Expr) -> pl.Expr:
    """The earliest year a sentence states with its month ("March 2023", "5 March 2023", "March 5,
    2023"), outside a relative clause (", who took office in May 2021,"); null without one."""
    return (
        text.str.replace_all(dates.RELATIVE_CLAUSE_RE, ",")
        .str.extract_all(r"\b" + dates.MONTH_RE + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{2}\b")
        .list.eval(pl.element().str.extract(r"((?:19|20)\d{2})$").cast(pl.Int32))
        .list.min()
    )


def _who_speaks(t: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """(article_id, name, sent_no) rows, one sentence on, for a person whose own relative clause
    reports what they said ("On Thursday, Ma met A, CEO of B, who said the carmaker would ..."): the
    talks are reported, not mentioned in passing, as when the person comes up again later. The
    person is the name nearest before the "who" of the speech verb."""
    says = t.filter(pl.col("lab").is_in(SPEECH) & (pl.col("prev_low") == "who")).select(
        "sid", pl.col("pos").alias("_say_pos")
    )
    return (
        refs.join(says, on="sid", how="inner")
        .filter(pl.col("start") < pl.col("_say_pos"))
        .filter(pl.col("start") == pl.col("start").max().over("sid", "_say_pos"))
        .select("article_id", "name", (pl.col("sent_no") + 1).alias("sent_no"))
        .unique()
    )


def _talks_topic(
    t: pl.DataFrame, refs: pl.DataFrame, markers: list[str], not_topic: list[str]
) -> pl.DataFrame:
    """(article_id, name, sent_no) rows, one sentence on, for a person whose name is followed right
    away by a topic preposition (`talks_topic_marker`: "on", "about") and a lower-case word that is
    no determiner, proxy noun or `not_topic_word` ("B on market access for ...", not "B on
    Monday", "B on the sidelines", "B on behalf of ...", "B on arrival"): the sentence tells what
    the talks were about, so they are reported, not mentioned in passing."""
    if not markers:
        return refs.select("article_id", "name", "sent_no").head(0)
    marker = t.filter(pl.col("low").is_in(markers)).select("sid", pl.col("pos").alias("_m"))
    word = t.filter(
        pl.col("tok").str.contains(r"^\p{Ll}[\p{Ll}\-]*$") & ~pl.col("low").is_in(not_topic)
    ).select("sid", (pl.col("pos") - 1).alias("_m"))
    topic = marker.join(word, on=["sid", "_m"], how="inner").select("sid", (pl.col("_m") - 1).alias("end"))
    return refs.join(topic, on=["sid", "end"], how="inner").select(
        "article_id", "name", (pl.col("sent_no") + 1).alias("sent_no")
    )


def _another_stop(sentences: pl.DataFrame, lede: pl.DataFrame, cues: dict[str, list[str]]) -> pl.DataFrame:
    """(sid) of the sentences telling another stop of the trip on the lede's day: "Hu's delegation
    then travelled to Kobe, where Governor C hosted a dinner for it", "From Osaka the delegation
    went on to Kyoto, where it was received by Mayor C": a travel verb (`trip_stop_verb`,
    `onward_stop_verb`), a place the lede does not name and ", where" tell what happened at that
    other place; C met the travellers there, not at the meeting reported (issue 14c). A day or date
    of its own is `another_day`'s or split.py's; the sentence is no repeat of the lede's meeting, even when it names the
    lede's people."""
    verbs = cues.get("trip_stop_verb", []) + cues.get("onward_stop_verb", [])
    if not verbs:
        return pl.DataFrame(schema={"sid": sentences.schema["sid"]})
    # (no sentence with ", where", which every stop needs: none, and no pattern read)
    if not can_match(sentences, "text", r",\s*where\b"):
        return pl.DataFrame(schema={"sid": sentences.schema["sid"]})
    place = r"(\p{Lu}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,3})"
    # (a stop on a day or date of its own is `another_day`'s or split.py's: "On 7 November, the
    # Ambassador travelled to Hangzhou, where he met B" is a meeting of its own)
    own_day = dates.stated_weekday(pl.col("text")).is_not_null() | pl.col("text").str.contains(
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + dates.MONTH_RE + "|" + dates.MONTH_RE + r"\s+\d{1,2}\b"
    )
    stop = sentences.filter(pl.col("text").str.contains(r",\s*where\b") & ~own_day).select(
        "sid",
        "article_id",
        pl.col("text").str.extract(phrase_regex(verbs) + r"\s+" + place + r",\s*where\b", 1).alias("_stop"),
    )
    lede_text = lede.join(
        sentences.select(pl.col("sid").alias("lede_sid"), pl.col("text").alias("_lede_text")),
        on="lede_sid",
        how="inner",
    ).select("article_id", "_lede_text", "lede_sid")
    return (
        stop.filter(pl.col("_stop").is_not_null())
        .join(lede_text, on="article_id", how="inner")
        .filter(
            (pl.col("sid") != pl.col("lede_sid"))
            & ~pl.col("_lede_text").str.contains(pl.col("_stop"), literal=True)
        )
        .group_by("sid")
        .agg(pl.len())
        .select("sid")
    )
