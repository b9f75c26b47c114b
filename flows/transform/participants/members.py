"""Members of each meeting: people said to attend, accompany, be present or sign."""

from __future__ import annotations

import polars as pl

from flows.transform.cue_patterns import phrase_regex, states_this_day
from flows.transform.frames import shift_in
from flows.transform.participants.context import Shared

# ", who had hosted C", ", while C stayed in Beijing": words opening a clause of its own after a
# comma (function words, not reference data)
RELATIVE_OPENERS = ["who", "whose", "whom"]
CONTRAST_OPENERS = ["while", "whereas"]
# ", who arrived in Wuhan last year.": a relative clause closing its sentence
TRAILING_RELATIVE_RE = r"(?i),\s+(?:who|whose|which)\b[^,]*$"


def with_members(
    ctx: Shared, another_day: pl.DataFrame, lead_sids: pl.DataFrame, lead_refs: pl.DataFrame
) -> pl.DataFrame:
    """Members (named as attending, accompanying, present, signing ...) added to the leads.

    Takes `another_day` (sids), `lead_sids` and `lead_refs` of `lead_references`.
    Returns parts: one row per participant per meeting (article_id, name), leads and members,
    joined with the person's facts (`people`), the evidence sentence and a country the person is
    said to come from ("joined from")."""
    meetings = ctx.meetings
    sentences = ctx.sentences
    flags = ctx.flags
    refs = ctx.refs
    people = ctx.people
    t = ctx.t
    cues = ctx.cues
    other_meeting = ctx.other_meeting
    # Members: named in a sentence saying they attended, accompanied, were present ... but not in
    # one reporting another meeting of the trip ("Earlier in the day, the delegation met executives
    # of X, including its chairman Y")
    other_time = r"\b(?:" + "|".join(cues.get("other_time_marker", []) or ["$^"]) + r")\b"
    other_event_attended = (
        phrase_regex(cues.get("other_event_word", []))
        + r"\s+"
        + phrase_regex(cues.get("attend_object", [])).removeprefix("(?i)")
    )
    # "C also attended a banquet for guests of the expo hosted by Vice Premier X": a meal or
    # reception given for a gathering's guests (`event_audience` in cues.csv) by a host of its own
    # (`event_host_verb`) is an event of the gathering, not this meeting: X is only cited
    event_for_audience = (
        phrase_regex(cues.get("attend_object", []))
        + r"\s+for\s+(?:[\w'’\-]+\s+){0,3}?"
        + phrase_regex(cues.get("event_audience", [])).removeprefix("(?i)")
        + r"[^.;]*?"
        + phrase_regex(cues.get("event_host_verb", [])).removeprefix("(?i)")
        + r"\s+by\b"
    )
    meal_by_host = (
        phrase_regex(cues.get("meal_noun", []))
        + r"[^.;,]*?"
        + phrase_regex(cues.get("event_host_verb", [])).removeprefix("(?i)")
        + r"\s+by\b"
    )
    # "Critics in the Legislature, including Sen. A, have questioned ...": a list marker
    # (`list_member_marker`) reports no attendance on its own: only in a sentence about a meeting
    list_markers = cues.get("list_member_marker", [])
    # "accompanied the visitors to the exhibition centre": an escort to a place (`escort_verb`, an
    # object opening on a determiner or pronoun, then "to" a name) tells of an outing, not of the talks; not "was
    # accompanied by Ambassador to China X"
    escort_to = (
        phrase_regex(cues.get("escort_verb", [])).removesuffix(r")\b")
        + r")\s+(?:the|a|an|his|her|their|its|them|him)\b(?:\s+(?-i:\p{Ll})[\w'’\-]*){0,2}?"
        + r"\s+to\s+(?:the\s+)?(?-i:\p{Lu})"
    )
    only_list = (
        t.filter(pl.col("lab").is_in(["attendance", "member_marker", "delegation_member"]))
        .group_by("sid")
        .agg(pl.col("value").str.to_lowercase().is_in(list_markers).all().alias("_only_list"))
    )
    # "The memorandum was signed by A and B": signatories (`signatory`, also attendance cues) sign
    # at this meeting, but not in a signing told with a year, a "then-" office or a time counted
    # from another event ("became sister cities in 1982, in an agreement signed by then-Mayor X";
    # "a week after President X's visit, during which Airbus signed an agreement")
    signatories = cues.get("signatory", [])
    signed_elsewhen = pl.col("text").str.contains(
        r"(?i)\b(?:in|since)\s+(?:1[89]|20)\d{2}\b|\bthen-|\bthe late\b"
    ) | pl.col("text").str.contains(
        phrase_regex(cues.get("aside_time_unit", [])).removesuffix(r")\b")
        + r")\s+"
        + phrase_regex(cues.get("aside_time_preposition", [])).removeprefix("(?i)")
    )
    # (no sentence with an attendance cue, which every member sentence needs: none, and none of
    # the patterns below is read)
    any_attend = flags.height > 0 and bool(flags.select(pl.col("has_attend").any()).item())
    past_year_sids = _told_in_past_year(ctx) if any_attend else None
    attend_sents = pl.DataFrame(
        schema={
            "sid": sentences.schema["sid"],
            "_attend_pos": flags.schema["attend_any_pos"],
            "_attend_speech_pos": flags.schema["speech_pos"],
            "_signing": pl.Boolean,
        }
    )
    if any_attend:
        attend_sents = (
            sentences.join(flags, on="sid", maintain_order="left")
            .join(
                lead_sids.select("sid").with_columns(pl.lit(True).alias("_lead_sent")), on="sid", how="left"
            )
            .join(only_list, on="sid", how="left", maintain_order="left")
            # "On Sunday she met business leaders including A": attendance in a meeting sentence
            # stating another weekday than the lede's is at another meeting of the trip
            # ("C attended the welcome banquet on Wednesday evening": so is an event attended on
            # another day than the meeting's)
            .join(another_day.with_columns(pl.lit(True).alias("_another_day")), on="sid", how="left")
            .filter(
                ~(
                    pl.col("_another_day").fill_null(False)
                    & (
                        pl.col("verb_pos").is_not_null()
                        | pl.col("has_attend_object")
                        # ("Vice Mayor T accompanied the visitors to the exhibition centre on Tuesday":
                        # escorting the visitors on an outing of another day, `escort_verb`)
                        | pl.col("text").str.contains(escort_to)
                    )
                    & ~pl.col("_lead_sent").fill_null(False)
                )
                # (issue 12d: "On Monday, B toured the fair's halls together with Deputy Minister C": a
                # sentence opening on another day than the lede's, with no meeting verb, tells of
                # another outing of the visitors, even when it names a lead)
                & ~(
                    pl.col("_another_day").fill_null(False)
                    & pl.col("verb_pos").is_null()
                    & pl.col("text").str.contains(r"^(?i:on)\s")
                )
                # ("The business leaders in the delegation, including A": the visitors are listed)
                & ~(
                    pl.col("_only_list").fill_null(False)
                    & pl.col("verb_pos").is_null()
                    & ~pl.col("_lead_sent").fill_null(False)
                    & ~pl.col("text").str.contains(phrase_regex(cues.get("visitor_noun", [])))
                )
            )
            .filter(
                ~(
                    (pl.col("verb_pos") < pl.col("attend_any_pos")).fill_null(False)
                    & pl.col("text").str.contains(other_meeting)
                    & ~pl.col("_lead_sent").fill_null(False)
                )
                # "attended a signing ceremony in Wuxi last month": attendance at another time is not
                # attendance at this meeting (unless the sentence names one of its leads)
                # (not a time told in a relative clause closing the sentence, of the attendee's own
                # past: "The meeting was attended by Deputy Consul General B, who arrived in Wuhan
                # last year"; issue 15b)
                & ~(
                    pl.col("text")
                    .str.replace(TRAILING_RELATIVE_RE, "")
                    .str.to_lowercase()
                    .str.contains(other_time)
                    & ~pl.col("_lead_sent").fill_null(False)
                )
                # "In the evening, the delegation attended a welcome dinner given by Mayor C": a meal
                # given by a host of its own (`meal_noun`, `event_host_verb` "by") is an event of its
                # own, as one for a gathering's guests is: C is only cited (issue 15b)
                & ~(pl.col("text").str.contains(meal_by_host) & ~pl.col("_lead_sent").fill_null(False))
                # "B, who accompanied President C on his state visit to China in 2023, said ...", "In
                # 2019 B accompanied Minister C to Beijing": attendance told with a year before the
                # published one, and no day of this meeting, is attendance at that earlier visit
                # (issue 14c)
                & ~(pl.col("sid").is_in(past_year_sids) & ~pl.col("_lead_sent").fill_null(False))
                # "Vice Premier C attended the opening ceremony on Wednesday": the opening or closing of
                # an expo or forum (`other_event_word` before an `attend_object`) is an event of its own
                & ~(
                    pl.col("text").str.contains(other_event_attended) & ~pl.col("_lead_sent").fill_null(False)
                )
                & ~(pl.col("text").str.contains(event_for_audience) & ~pl.col("_lead_sent").fill_null(False))
                & pl.col("has_attend")
                & ~(signed_elsewhen & pl.col("attend_cue").str.to_lowercase().is_in(signatories))
                # "also attended the opening of the expo": what was attended must be the meeting
                # (any cue with "attend" in it, not only the bare verb)
                & (
                    pl.col("has_attend_object")
                    # "... attended the mee": a page cut off right after the verb lost its object
                    | pl.col("text").str.contains(r"(?i)\battend(?:ed|ing)(?:\s+\S+){0,2}\s*$")
                    | ~(
                        pl.col("attend_cue").fill_null("").str.contains(r"(?i)\battend(?:ed|ing|s)?$")
                        | pl.col("attend_cue").fill_null("").is_in(cues.get("attend_verb", []))
                    )
                )
                & (pl.col("speech_pos").is_null() | (pl.col("speech_pos") > pl.col("attend_any_pos")))
            )
            .select(
                "sid",
                pl.col("attend_any_pos").alias("_attend_pos"),
                pl.col("speech_pos").alias("_attend_speech_pos"),
                pl.col("attend_cue").str.to_lowercase().is_in(signatories).fill_null(False).alias("_signing"),
            )
        )
    # ("..., at a ceremony witnessed by Party Secretary X": who witnesses a signing is no signatory;
    # a witness at this meeting is one of its leads, read from the lede)
    witness_at = (
        t.filter(pl.col("low").is_in(cues.get("signing_witness", [])))
        .group_by("sid")
        .agg(pl.col("pos").min().alias("_witness_pos"))
    )
    member_refs = (
        refs.join(attend_sents, on="sid", how="inner", maintain_order="left")
        .filter(~pl.col("proxy").fill_null(False))
        # "Meeting A and his delegation, which included B, C said President X has called for ...":
        # the list of members ends at the speech verb; who is named in what was said is cited
        .filter(~(pl.col("start") > pl.col("_attend_speech_pos")).fill_null(False))
        .join(witness_at, on="sid", how="left", maintain_order="left")
        .filter(~(pl.col("_signing") & (pl.col("start") > pl.col("_witness_pos")).fill_null(False)))
        .join(
            _clauses_of_their_own(
                t, attend_sents, cues.get("attend_verb", []) + cues.get("clause_attend_word", [])
            ),
            on=["sid", "start"],
            how="anti",
            maintain_order="left",
        )
        .join(meetings.select("article_id", "lede_sent"), on="article_id", how="inner", maintain_order="left")
        .select("article_id", "name", "sid", "_signing", (pl.col("ntok") >= 2).alias("_full"))
        # (every sentence saying they attended: one of each stop of a trip, split.py; also by surname
        # once named in full as attending: "Vice Governor Duan Lihua attended the talks with B. ...
        # Duan also accompanied Yang to the city hall meeting")
        .with_columns(pl.col("sid").implode().over(["article_id", "name"]).alias("member_sids"))
        .filter("_full")
        .drop("_full")
        .unique(subset=["article_id", "name"], keep="first", maintain_order=True)
        .with_columns(
            pl.lit(True).alias("is_member"),
            pl.lit(False).alias("is_agent"),
            pl.lit(False).alias("before_verb"),
            pl.lit(False).alias("_in_lede"),
            pl.lit(False).alias("_led_member"),
            pl.lit(False).alias("own_meeting"),
            pl.lit(None, dtype=pl.Int32).alias("_start"),
            pl.lit(False).alias("_second_subject"),
        )
    )
    member_refs = member_refs.join(
        lead_refs.select("article_id", "name"), on=["article_id", "name"], how="anti", maintain_order="left"
    )
    parts = pl.concat([lead_refs, member_refs], how="diagonal_relaxed").join(
        people, on=["article_id", "name"], how="left", maintain_order="left"
    )
    parts = parts.join(
        sentences.select("sid", pl.col("text").alias("evidence")), on="sid", how="left", maintain_order="left"
    )
    parts = (
        parts.join(_joined_from(parts, refs, t), on=["article_id", "name"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("country", "_from_iso2").alias("country"))
        .drop("_from_iso2")
    )
    return parts


def _joined_from(parts: pl.DataFrame, refs: pl.DataFrame, t: pl.DataFrame) -> pl.DataFrame:
    """(article_id, name, _from_iso2): "Director-General ONO Reiko joined the video conference from
    Yokohama": a member said to join from a place (within a few words, no other name between)
    sits with that place's country when no country of their own is stated; not a firm's officer
    ("HSBC China CEO B joined from Shanghai": a firm's officer takes no country from where the
    firm works; issue 15c)."""
    firm_officer = ((pl.col("title_kind") == "business") & pl.col("org").is_not_null()).fill_null(False)
    members = parts.filter(pl.col("is_member") & pl.col("country").is_null() & ~firm_officer).select(
        "article_id", "name", "sid"
    )
    at = refs.join(members, on=["article_id", "name", "sid"], how="inner").select(
        "article_id", "name", "sid", "end"
    )
    # (not a "from" opening the next conjunct of a list: "the Secretary for Economy and Finance,
    # C, and, from Guangdong, Vice Governor Z": Guangdong is Z's, not C's; issue 15c)
    conjunct = (shift_in(pl.col("low"), 2, "sid") == "and") | (
        (shift_in(pl.col("low"), 2, "sid") == ",") & (shift_in(pl.col("low"), 3, "sid") == "and")
    )
    froms = t.filter(
        (shift_in(pl.col("low"), 1, "sid") == "from")
        & pl.col("lab").is_in(["place", "country"])
        & pl.col("iso2").is_not_null()
        & (pl.col("span_start") == pl.col("pos"))
        & ~conjunct.fill_null(False)
    ).select("sid", pl.col("pos").alias("_fp"), pl.col("iso2").alias("_from_iso2"))
    names_at = refs.select("sid", pl.col("start").alias("_ns")).unique()
    return (
        at.join(froms, on="sid", how="inner")
        .filter((pl.col("_fp") > pl.col("end")) & (pl.col("_fp") - pl.col("end") <= 8))
        .join(names_at, on="sid", how="left")
        .group_by("article_id", "name", "_fp", "_from_iso2")
        .agg(
            ((pl.col("_ns") > pl.col("end")) & (pl.col("_ns") < pl.col("_fp")))
            .fill_null(False)
            .any()
            .alias("_between")
        )
        .filter(~pl.col("_between"))
        .sort("article_id", "name", "_fp")
        .unique(subset=["article_id", "name"], keep="first", maintain_order=True)
        .select("article_id", "name", "_from_iso2")
    )


def _told_in_past_year(ctx: Shared) -> pl.Series:
    """The sids of the attendance sentences telling their event "in 2019" ("during 2019", "back in 2019"), a year before the
    article's published one, and stating no day of this meeting: `cue_patterns.elsewhen` without
    its other-time markers, read against the published year of the sentence's article. (Read only
    on the sentences with a year and an attendance word.)"""
    year_re = r"\b(?:in|during|back in)\s+(?:19|20)\d{2}\b"
    if ctx.published is None or ctx.published.is_empty():
        return pl.Series("sid", [], dtype=ctx.sentences.schema["sid"])
    with_year = ctx.sentences.filter(pl.col("text").str.contains("(?i)" + year_re)).join(
        ctx.flags.filter("has_attend").select("sid", "attend_cue"), on="sid", how="inner"
    )
    year = (
        pl.col("text")
        .str.extract_all(r"(?i)\b(?:in|during|back in)\s+((?:19|20)\d{2})\b")
        .list.eval(pl.element().str.extract(r"((?:19|20)\d{2})").cast(pl.Int32))
        .list.min()
    )
    pub = ctx.published.select("article_id", "published_date").unique("article_id").drop_nulls()
    pub_year = pl.col("article_id").replace_strict(
        pub["article_id"],
        pub["published_date"].dt.year().cast(pl.Int32),
        default=None,
        return_dtype=pl.Int32,
    )
    # (in the clause of the attendance itself, no comma between: not "Also at the meeting was B,
    # a former trade commissioner who joined the company in 2019")
    # (a labelled attendance phrase, not a bare `attend_verb`: "who joined the company in 2019")
    cue = (
        pl.when(pl.col("attend_cue").str.to_lowercase().is_in(ctx.cues.get("attend_verb", [])))
        .then(pl.lit("\x00"))
        .otherwise(pl.col("attend_cue"))
        .fill_null("\x00")
    )
    same_clause = pl.col("text").str.contains(
        pl.concat_str([pl.lit(r"(?i)\b"), cue, pl.lit(r"\b[^,;]*?" + year_re)])
    ) | pl.col("text").str.contains(
        pl.concat_str([pl.lit("(?i)" + year_re + r"[^,;]*?\b"), cue, pl.lit(r"\b")])
    )
    # (or the year opening the sentence: "Back in 2021, B took part in the talks with C")
    same_clause = same_clause | pl.col("text").str.contains(
        r"(?i)^\s*(?:in|during|back in)\s+(?:19|20)\d{2}\s*,"
    )
    return with_year.filter(
        ((year < pub_year).fill_null(False) & ~states_this_day() & same_clause).fill_null(False)
    )["sid"]


def _clauses_of_their_own(
    t: pl.DataFrame, attend_sents: pl.DataFrame, attend_verbs: list[str]
) -> pl.DataFrame:
    """(sid, start) of the names an attendance sentence holds in a clause of its own after its
    attendance word: "Hu was joined by Consul General A, who had hosted Governor C in Osaka", "B
    was accompanied by Consul A, while Ambassador C stayed in Beijing": a relative clause (", who",
    ", whose", ", whom": to its closing comma) or a contrast (", while", ", whereas": to the
    sentence's end) tells of the attendee or of someone else; C did not attend (issue 14c)."""
    # (only the tokens that matter, of the attendance sentences holding an opener: openers, commas,
    # words of attendance, and every token's position for the names)
    openers = RELATIVE_OPENERS + CONTRAST_OPENERS
    attends = pl.col("lab").is_in(["attendance", "member_marker", "delegation_member"]) | pl.col("low").is_in(
        attend_verbs
    )
    opener_sids = (
        t.filter(pl.col("low").is_in(openers))
        .join(attend_sents.select("sid", "_attend_pos"), on="sid", how="inner")
        .filter(pl.col("pos") > pl.col("_attend_pos"))
        .select("sid", pl.col("pos").alias("_o"), pl.col("low").is_in(CONTRAST_OPENERS).alias("_to_end"))
    )
    if opener_sids.is_empty():
        return pl.DataFrame(schema={"sid": t.schema["sid"], "start": pl.Int64})
    cand = t.join(opener_sids.select("sid").unique(), on="sid", how="semi").select(
        "sid", "pos", (pl.col("tok") == ",").alias("_comma"), attends.alias("_attends")
    )
    commas = cand.filter("_comma").select("sid", pl.col("pos").alias("_c"))
    # (right after a comma)
    opens = opener_sids.join(
        commas.select("sid", (pl.col("_c") + 1).alias("_o")), on=["sid", "_o"], how="semi"
    )
    spans = (
        opens.join(commas, on="sid", how="left")
        .group_by("sid", "_o", "_to_end")
        .agg(pl.col("_c").filter(pl.col("_c") > pl.col("_o")).min().alias("_e"))
        .with_columns(
            pl.when(pl.col("_to_end") | pl.col("_e").is_null()).then(1 << 30).otherwise("_e").alias("_e")
        )
    )
    # (not a clause saying someone attended too: "B was also present, while Deputy Secretary-General
    # C accompanied the delegation", ", who accompanied C")
    attending = (
        cand.filter("_attends")
        .join(spans, on="sid", how="inner")
        .filter((pl.col("pos") > pl.col("_o")) & (pl.col("pos") < pl.col("_e")))
        .select("sid", "_o")
        .unique()
    )
    spans = spans.join(attending, on=["sid", "_o"], how="anti")
    return (
        cand.join(spans, on="sid", how="inner")
        .filter((pl.col("pos") > pl.col("_o")) & (pl.col("pos") < pl.col("_e")))
        .select("sid", pl.col("pos").cast(pl.Int64).alias("start"))
        .unique()
    )
