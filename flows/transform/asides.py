"""Asides of a sentence about another event: the people they name are no one's participants.

"A met B in Harbin, which President C also visited that day" and "A met B, a week after Premier C's
stopover in Perth": from the comma on, the clause tells of another event (an object relative clause
with a subject of its own, or a passive one with another event's verb and agent: "the expo, which
was opened by Vice Premier C", or a time counted from another event: `aside_time_unit` followed by
`aside_time_preposition` in cues.csv), so the names in it do not take part in the meeting.
"""

from __future__ import annotations

import polars as pl

from flows.transform.frames import backward_fill_in, is_first, shift_in, sorted_by

# ", a week after", ", only two days before": how many words may stand between the comma and the unit
ASIDE_LEAD_WORDS = 3
# ", where he met", ", where the delegation had met": how many words may stand between the place
# relative and its meeting verb (the subject, an adverb or an auxiliary)
PLACE_RELATIVE_WORDS = 4
# ", who met", ", who had earlier held talks with": how many words may stand between "who" and the
# meeting verb of its relative clause
WHO_VERB_WORDS = 3
# "during Prime Minister C's visit": how many capitalised words may stand between "during" and the
# possessive (a title and a name)
OCCASION_NAME_WORDS = 6


def _verb_ahead(words: int, also: list[str] | None = None) -> pl.Expr:
    """A meeting verb (or a word of `also`) 2 to words + 1 tokens after this one, with no comma
    between: the verb of a relative clause opened here. Tokens are sorted by sid, pos."""
    low_at = lambda k: shift_in(pl.col("low"), -k, "sid")  # noqa: E731
    hit = pl.lit(False)
    for k in range(2, words + 2):
        between = pl.lit(True)
        for j in range(2, k):
            between = between & (low_at(j) != ",").fill_null(False)
        verb_k = shift_in(pl.col("lab"), -k, "sid").is_in(["meeting_verb", "pluperfect_meeting"])
        if also:
            verb_k = verb_k | low_at(k).is_in(also)
        hit = hit | (between & verb_k.fill_null(False))
    return hit


def aside_starts(t: pl.DataFrame, cues: dict[str, list[str]] | None) -> pl.DataFrame:
    """(sid, aside_pos, aside_end): the comma opening an aside about another event, and the comma
    closing it (a large number: the sentence's end). Tokens sorted by sid, pos."""
    cues = cues or {}
    units = cues.get("aside_time_unit", [])
    preps = cues.get("aside_time_preposition", [])
    comma = pl.col("tok") == ","
    # ", which President C visited": "which" with a capitalised word (the clause's own subject) after it
    # (", whom President C appointed last year": an object relative of a person likewise)
    relative = (
        comma
        & shift_in(pl.col("low"), -1, "sid").is_in(["which", "whom"]).fill_null(False)
        & shift_in(pl.col("tok"), -2, "sid").str.contains(r"^\p{Lu}").fill_null(False)
    )
    # ", which was opened by Vice Premier C on Monday": a passive relative whose verb tells of
    # another event (`aside_passive_verb`: opened, launched, founded ...; never "hosted by", which
    # names the meeting's host) and the agent after "by"
    low_at = lambda k: shift_in(pl.col("low"), -k, "sid")  # noqa: E731
    passive = (
        comma
        & (low_at(1) == "which").fill_null(False)
        & low_at(2).is_in(["was", "were", "is", "are"]).fill_null(False)
        & low_at(3).is_in(cues.get("aside_passive_verb", [])).fill_null(False)
        & (low_at(4) == "by").fill_null(False)
    )
    # "On the sidelines of the forum, attended by President C, A met B": a reduced passive in an
    # opening phrase, before the sentence's first meeting verb, tells of the event the phrase names
    # (after the verb, "A met B, attended by Vice Mayor Z", it names the meeting's own attendees)
    reduced = (
        comma
        & low_at(1)
        .is_in(cues.get("aside_passive_verb", []) + cues.get("aside_reduced_verb", []))
        .fill_null(False)
        & (low_at(2) == "by").fill_null(False)
        & (pl.col("pos") < pl.col("_verb")).fill_null(False)
    )
    # "A was received by B on Wednesday, during a trip that had begun in Singapore, where he met
    # Minister C": a place relative (`aside_place_relative`: where) with a meeting verb of its own,
    # after the sentence's first meeting verb, tells of a meeting at another place (an earlier stop);
    # "The next morning, A travelled to Muan, where he met B" has no meeting verb before it: it is
    # the sentence's meeting
    own_verb = _verb_ahead(PLACE_RELATIVE_WORDS)
    place = (
        comma
        & low_at(1).is_in(cues.get("aside_place_relative", [])).fill_null(False)
        & own_verb
        & (pl.col("pos") > pl.col("_verb")).fill_null(False)
    )
    # "A met B on Monday, during a visit that followed Prime Minister C's trip to China": a subject
    # relative (`relative_pronoun`) whose verb puts another event in sequence with the meeting
    # (`aside_sequence_verb`: followed, preceded ...), after the sentence's first meeting verb,
    # tells of that other event from the pronoun on
    sequence = (
        pl.col("low").is_in(cues.get("relative_pronoun", []))
        & low_at(1).is_in(cues.get("aside_sequence_verb", [])).fill_null(False)
        & (pl.col("pos") > pl.col("_verb")).fill_null(False)
    )
    # "The ambassador's visit followed President C's meeting with Chinese leaders", "Her trip comes
    # after ...": a visit noun (`visit_word`) as the subject of a verb putting another event in
    # sequence (`aside_sequence_verb`) tells of that other event from the verb on (issue 14e)
    noun_sequence = pl.col("low").is_in(cues.get("aside_sequence_verb", [])) & low_at(-1).is_in(
        cues.get("visit_word", [])
    ).fill_null(False)
    # "A met B on Tuesday to follow up on the consensus reached by Presidents C and D", "A met B
    # before a concert by pianist C": after the sentence's first meeting verb, the agent of another
    # event's verb (`aside_passive_verb`) or the author of a work (`authored_noun`) is cited
    # (the sentence's verb may be a passive one: "B was received by A on Tuesday, after a meeting
    # with Vice Premier C")
    agent = (
        pl.col("low").is_in(cues.get("aside_passive_verb", []) + cues.get("authored_noun", []))
        & (low_at(1) == "by").fill_null(False)
        & (pl.col("pos") > pl.col("_any_verb")).fill_null(False)
    )
    # "A met B on Tuesday, ahead of B's meeting with Vice President C": after the sentence's first
    # meeting verb, a preposition putting another event after the meeting (`aside_event_preposition`)
    ahead = pl.lit(False)
    for phrase in cues.get("aside_event_preposition", []):
        words = phrase.lower().split()
        at = pl.lit(True)
        for j, word in enumerate(words):
            at = at & (low_at(j) == word).fill_null(False)
        ahead = ahead | at
    ahead = ahead & (pl.col("pos") > pl.col("_any_verb")).fill_null(False)
    # "A met B on Tuesday during Prime Minister C's visit to China": "during", capitalised words
    # and a possessive, then a visit noun (`visit_word`; one lower-case word may stand before it:
    # "state"), after the sentence's first meeting verb: the leader whose visit is the occasion
    # is cited (issue 14c)
    visit_nouns = cues.get("visit_word", [])
    occasion = pl.lit(False)
    caps = pl.lit(True)
    # (the possessive is the `poss` flag of the name's last word)
    has_poss = "poss" in t.columns
    for k in range(1, OCCASION_NAME_WORDS + 1):
        caps = caps & shift_in(pl.col("tok"), -k, "sid").str.contains(r"^\p{Lu}").fill_null(False)
        if not has_poss:
            break
        noun = low_at(k + 1).is_in(visit_nouns).fill_null(False) | (
            shift_in(pl.col("tok"), -(k + 1), "sid").str.contains(r"^\p{Ll}").fill_null(False)
            & low_at(k + 2).is_in(visit_nouns).fill_null(False)
        )
        occasion = occasion | (caps & shift_in(pl.col("poss"), -k, "sid").fill_null(False) & noun)
    occasion = (pl.col("low") == "during") & occasion & (pl.col("pos") > pl.col("_any_verb")).fill_null(False)
    # "Ambassador A, who met Party Secretary C last year, called on Mayor B": a subject relative
    # with a meeting verb of its own (at most WHO_VERB_WORDS words on), closed by a comma after which
    # the sentence has a meeting verb again, tells of another meeting; it ends at that comma
    # (or "A, whose visit follows that of President C in March, met B": a verb putting another
    # event in sequence, `aside_sequence_verb`)
    sequence_verbs = cues.get("aside_sequence_verb", [])
    who_verb = _verb_ahead(WHO_VERB_WORDS, sequence_verbs)
    # (or one saying its person attended or accompanied someone at a time of its own: "A, who
    # accompanied President C on his state visit in 2023, met B"; `_clause_time`, below)
    who_attended = pl.lit(False)
    for k in range(2, WHO_VERB_WORDS + 2):
        who_attended = who_attended | shift_in(pl.col("lab"), -k, "sid").is_in(
            ["attendance", "member_marker"]
        ).fill_null(False)
    who = (
        comma
        & low_at(1).is_in(["who", "whose"]).fill_null(False)
        & (who_verb | (who_attended & pl.col("_clause_time")))
        & (pl.col("_last_verb") > pl.col("_next_comma")).fill_null(False)
    )
    relative = relative | passive | reduced | place | sequence | noun_sequence
    # (read only in sentences with a meeting verb: all three need one)
    after_verb = agent | ahead | who | occasion
    counted = pl.lit(False)
    for k in range(1, ASIDE_LEAD_WORDS + 2):
        # the unit k tokens after the comma, the preposition right after it, only words between
        between = pl.lit(True)
        for j in range(1, k):
            between = between & shift_in(pl.col("low"), -j, "sid").str.contains(r"^[\p{Ll}\d]").fill_null(
                False
            )
        # ("The meeting came a day after B held talks with Governor C": with no comma, a word at
        # least must count the time)
        counted = counted | (
            (comma | pl.lit(k > 1))
            & between
            & shift_in(pl.col("low"), -k, "sid").is_in(units).fill_null(False)
            & shift_in(pl.col("low"), -(k + 1), "sid").is_in(preps).fill_null(False)
        )
    # the sentence's first meeting verb: what comes before it is an opening phrase
    # (tokens in order: the first one of the sentence, read at its first row and carried forward,
    # with no group-by over the whole token frame)
    verb_pos = pl.when(pl.col("lab") == "meeting_verb").then(pl.col("pos")).otherwise(None)
    carried = pl.when(is_first("sid")).then(backward_fill_in(verb_pos, "sid").fill_null(-1)).forward_fill()
    first_verb = pl.when(carried >= 0).then(carried)
    tokens = sorted_by(t, "sid", "pos").with_columns(first_verb.alias("_verb"))
    found = tokens.select("sid", "pos", "_verb", pl.lit(False).alias("_to_comma")).clear()
    # (read only where a token can open one: every match of `relative`, `passive`, `reduced`,
    # `place`, `sequence`, `noun_sequence` or `counted` holds one of these words; none: no pattern
    # is run)
    before = ["which", "whom", *units, *cues.get("relative_pronoun", [])]
    before += cues.get("aside_place_relative", []) + cues.get("aside_passive_verb", [])
    before += cues.get("aside_reduced_verb", []) + cues.get("aside_sequence_verb", [])
    if t.select(pl.col("low").is_in(before).any()).item():
        found = tokens.filter(relative | counted).select(
            "sid", "pos", "_verb", pl.lit(False).alias("_to_comma")
        )
    is_verb = pl.col("lab") == "meeting_verb"
    # (only sentences holding a word every match after the verb needs: "by", "who", "whose",
    # "during", a preposition's longest word)
    openers = ["by", "who", "whose", "during"] + [
        max(p.lower().split(), key=len) for p in cues.get("aside_event_preposition", [])
    ]
    verbs = (
        t.filter(pl.col("lab").is_in(["meeting_verb", "passive_host"]))
        .join(t.filter(pl.col("low").is_in(openers)).select("sid").unique(), on="sid", how="semi")
        .group_by("sid")
        .agg(
            pl.col("pos").min().alias("_any_verb"),
            pl.col("pos").filter(is_verb).max().alias("_last_verb"),
        )
    )
    comma_at = pl.when(pl.col("tok") == ",").then(pl.col("pos")).otherwise(None)
    if verbs.height == 0:
        found_after_verb = found.clear()
    else:
        found_after_verb = (
            tokens.join(verbs, on="sid", how="inner", maintain_order="left")
            # the first comma after each token
            .with_columns(
                comma_at.shift(-1).backward_fill().over("sid").alias("_next_comma"),
                (pl.col("tok") == ",").cast(pl.Int32).cum_sum().over("sid").alias("_clause"),
            )
            # a clause (from a comma to the next) stating a time of its own: a year, `other_time_marker`
            .with_columns(
                (pl.col("tok").str.contains(r"^(?:19|20)\d\d$") | (pl.col("lab") == "other_time_marker"))
                .any()
                .over("sid", "_clause")
                .alias("_clause_time")
            )
            .with_columns(who.alias("_to_comma"), after_verb.alias("_found"))
            .filter("_found")
            .select("sid", "pos", "_verb", "_to_comma")
        )
    starts = (
        pl.concat([found, found_after_verb])
        .group_by("sid")
        .agg(
            pl.col("pos").min().alias("aside_pos"),
            pl.col("_verb").first(),
            pl.col("_to_comma").filter(pl.col("pos") == pl.col("pos").min()).any(),
        )
    )
    # "On the sidelines of the forum, which was opened by Vice Premier C, A met B": an aside in an
    # opening phrase, before the sentence's first meeting verb, ends at the next comma, where the
    # main clause begins; one after the verb runs to the sentence's end
    marks = t.join(starts, on="sid", how="inner").filter(pl.col("pos") > pl.col("aside_pos"))
    next_comma = marks.filter(pl.col("tok") == ",").group_by("sid").agg(pl.col("pos").min().alias("_comma"))
    return (
        starts.join(next_comma, on="sid", how="left")
        .with_columns(
            pl.when(
                ((pl.col("_verb") > pl.col("_comma")) | pl.col("_to_comma"))
                & (pl.col("_comma") > pl.col("aside_pos"))
            )
            .then(pl.col("_comma"))
            .otherwise(pl.lit(1 << 30))
            .alias("aside_end")
        )
        .select("sid", "aside_pos", "aside_end")
    )


def drop_aside_refs(refs: pl.DataFrame, asides: pl.DataFrame) -> pl.DataFrame:
    """Name references standing in an aside about another event (`aside_starts`: to its closing
    comma or the sentence's end) are dropped."""
    return (
        refs.join(asides, on="sid", how="left", maintain_order="left")
        .filter(
            ~((pl.col("start") > pl.col("aside_pos")) & (pl.col("start") < pl.col("aside_end"))).fill_null(
                False
            )
        )
        .drop("aside_pos", "aside_end")
    )


def mute_aside_markers(t: pl.DataFrame, asides: pl.DataFrame) -> pl.DataFrame:
    """Attendance and member markers inside an aside of an opening phrase ("On the sidelines of
    the forum, attended by President C, A met B") tell of the forum, not of the meeting: they
    neither make the lede an attendance sentence nor its people members. So does the meeting verb
    of a relative clause about another meeting ("A, who met C last year, called on B"): the
    sentence's meeting verb is the main clause's. `asides` is
    `aside_starts` of `t`, which only reads meeting verbs, so it holds after the markers are muted."""
    spans = asides.filter(pl.col("aside_end") < (1 << 30))
    inside = (pl.col("pos") > pl.col("aside_pos")) & (pl.col("pos") < pl.col("aside_end"))
    return (
        t.join(spans, on="sid", how="left", maintain_order="left")
        .with_columns(
            pl.when(
                inside.fill_null(False)
                & pl.col("lab").is_in(
                    ["attendance", "member_marker", "delegation_member", "meeting_verb", "pluperfect_meeting"]
                )
            )
            .then(pl.lit("OTHER"))
            .otherwise(pl.col("lab"))
            .alias("lab")
        )
        .drop("aside_pos", "aside_end")
    )
