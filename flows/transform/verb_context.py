"""Meeting verbs read from the words around them.

Some reference verbs report a meeting only in one construction: "called on the Governor" is a
visit, "called on foreign companies to invest" an appeal (`exhort_verb` in cues.csv).
"""

from __future__ import annotations

import re

import polars as pl

from flows.transform.frames import backward_fill_in, cum_sum_in, in_groups_with, shift_in

# "called on foreign firms, investors and scholars to ...": how far the "to" of an appeal may stand
APPEAL_SPAN = 12


def drop_appeals(t: pl.DataFrame, exhort_verbs: list[str] | None) -> pl.DataFrame:
    """An `exhort_verb` ("called on") followed by "to" with no person, title or name in between
    ("called on foreign companies to seize ...") is an appeal, not a meeting: its tokens lose the
    meeting-verb label. Tokens are sorted by sid, pos."""
    if not exhort_verbs:
        return t
    # (only sentences with an exhort verb can change)
    return in_groups_with(
        t,
        "sid",
        (pl.col("lab") == "meeting_verb") & pl.col("value").str.to_lowercase().is_in(exhort_verbs),
        lambda part: _drop_appeals(part, exhort_verbs),
        ["lab", "value"],
    )


def _drop_appeals(t: pl.DataFrame, exhort_verbs: list[str]) -> pl.DataFrame:
    person = pl.col("lab").is_in(["NAME", "CAPS", "title"]).cast(pl.Int32)
    is_to = pl.col("low") == "to"
    t = t.with_columns(cum_sum_in(person, "sid").alias("_persons"))
    t = t.with_columns(
        pl.when(is_to).then(pl.col("pos")).backward_fill().over("sid").alias("_to_pos"),
        pl.when(is_to).then(pl.col("_persons")).backward_fill().over("sid").alias("_to_persons"),
    )
    appeal = (
        (pl.col("lab") == "meeting_verb")
        & pl.col("value").str.to_lowercase().is_in(exhort_verbs)
        & ((pl.col("_to_pos") - pl.col("pos")) <= APPEAL_SPAN).fill_null(False)
        & (pl.col("_to_persons") == pl.col("_persons")).fill_null(False)
    )
    return t.with_columns(
        pl.when(appeal).then(pl.lit("OTHER")).otherwise(pl.col("lab")).alias("lab"),
        pl.when(appeal).then(pl.lit(None, pl.String)).otherwise(pl.col("value")).alias("value"),
    ).drop("_persons", "_to_pos", "_to_persons")


PRONOUNS = ["he", "she", "they", "we", "i", "his", "her", "their", "our"]


def drop_media_reports(t: pl.DataFrame, report_verbs: list[str] | None) -> pl.DataFrame:
    """A reporting verb (`media_report_verb`: "reported", "according to") with no person, title,
    name or pronoun before it in its sentence ("Hebei Daily reported on Monday that Governor X met
    ...") attributes the news to a paper or agency: the sentence still reports the meeting, so the
    verb loses its speech label. Tokens are sorted by sid, pos."""
    if not report_verbs:
        return t
    # (only sentences with a reporting verb can change)
    return in_groups_with(
        t,
        "sid",
        pl.col("lab").is_in(["speech_verb", "reported"])
        & pl.col("value").str.to_lowercase().is_in(report_verbs),
        lambda part: _drop_media_reports(part, report_verbs),
        ["lab", "value"],
    )


def _drop_media_reports(t: pl.DataFrame, report_verbs: list[str]) -> pl.DataFrame:
    person = (pl.col("lab").is_in(["NAME", "CAPS", "title"]) | pl.col("low").is_in(PRONOUNS)).cast(pl.Int32)
    media = (
        pl.col("lab").is_in(["speech_verb", "reported"])
        & pl.col("value").str.to_lowercase().is_in(report_verbs)
        & (cum_sum_in(person, "sid") == 0)
    )
    return t.with_columns(
        pl.when(media).then(pl.lit("OTHER")).otherwise(pl.col("lab")).alias("lab"),
        pl.when(media).then(pl.lit(None, pl.String)).otherwise(pl.col("value")).alias("value"),
    )


def _phrase_starts(phrases: list[str]) -> pl.Expr:
    """True at a token opening one of `phrases` (lower case, words in a row, inside the sentence)."""
    hit = pl.lit(False)
    for phrase in phrases:
        words = phrase.lower().split()
        at = pl.lit(True)
        for k, w in enumerate(words):
            at = at & (shift_in(pl.col("low"), -k, "sid") == w).fill_null(False)
        hit = hit | at
    return hit


def drop_inviters_heads(
    t: pl.DataFrame,
    inviter_markers: list[str] | None,
    visitor_nouns: list[str] | None,
    relative_pronouns: list[str] | None = None,
) -> pl.DataFrame:
    """ "The delegation is visiting at the invitation of the International Department, headed by
    C": a "led by"/"headed by" after an `inviter_marker` ("at the invitation of", "invited by"),
    with no visitor noun between them and no "is" before it, names the head of the body that
    invited the visitors, who is no participant; the marker loses its label. Tokens are sorted by
    sid, pos."""
    if not inviter_markers:
        return t
    # (only sentences with a "led by" can change)
    return in_groups_with(
        t,
        "sid",
        pl.col("lab") == "led_by",
        lambda part: _drop_inviters_heads(part, inviter_markers, visitor_nouns, relative_pronouns),
        ["lab"],
    )


def _drop_inviters_heads(
    t: pl.DataFrame,
    inviter_markers: list[str],
    visitor_nouns: list[str] | None,
    relative_pronouns: list[str] | None,
) -> pl.DataFrame:
    pos_if = lambda cond: pl.when(cond).then(pl.col("pos")).otherwise(None).forward_fill().over("sid")  # noqa: E731
    t = t.with_columns(
        pos_if(_phrase_starts(inviter_markers)).alias("_inviter"),
        pos_if(pl.col("low").is_in(visitor_nouns or [])).alias("_visitor"),
    )
    # (not the sentence's own predicate: "The delegation, invited by the city, is headed by A";
    # "..., which is led by C" is the body's)
    predicate = (
        pl.when(pl.col("pos") == pl.col("span_start"))
        .then(
            pl.col("prev_low").is_in(["is", "was", "are", "were", "be", "been"])
            & ~shift_in(pl.col("low"), 2, "sid").is_in(relative_pronouns or []).fill_null(False)
        )
        .forward_fill()
        .over("sid")
    )
    inviters_head = (
        (pl.col("lab") == "led_by")
        & pl.col("_inviter").is_not_null()
        & (pl.col("_visitor").is_null() | (pl.col("_visitor") < pl.col("_inviter"))).fill_null(False)
        & ~predicate.fill_null(False)
    )
    return t.with_columns(
        pl.when(inviters_head).then(pl.lit("OTHER")).otherwise(pl.col("lab")).alias("lab")
    ).drop("_inviter", "_visitor")


NAME_LABELS = ["NAME", "NAME1", "CAPS"]
# words that may stand between a greeting verb and the name it greets ("welcomed visiting Osaka Mayor X",
# "welcomed Lord Mayor of the City of London Alderman Sir X")
GREETED_CHAIN = ["place", "country", "demonym", "title", "org", "honorific"]
GREETED_WORDS = ["visiting", "the", "of"]
GREET_SPAN = 12
# how far a body of visitors may stand after a greeting verb ("welcomed a Swedish business delegation")
VISITOR_SPAN = 5


def greetings_as_meetings(
    t: pl.DataFrame,
    greeting_verbs: list[str] | None,
    gerund_verbs: list[str] | None = None,
    gerund_openers: list[str] | None = None,
    invitation_verbs: list[str] | None = None,
    visitor_nouns: list[str] | None = None,
) -> pl.DataFrame:
    """A greeting verb (`greeting_verb`: "welcomed") reports a meeting when a person follows it,
    directly or after their description ("Mayor X welcomed visiting Osaka Mayor Y on Sunday"); it
    is speech otherwise ("welcomed Osaka companies", "welcomed President X's proposal": a person's
    possession is no guest). Its tokens become a meeting verb. Tokens are sorted by sid, pos.

    So does a meeting gerund (`gerund_meeting_verb`: "meeting") after a conjunction of time
    (`gerund_opener`: "wrapped up a visit to Ireland, after meeting Lord Mayor of Cork A and ..."),
    or opening the sentence ("Meeting Madam Y, Colombia's new Consul General, Hua said ..."),
    never the noun ("during the meeting Mayor B said").

    A person the verb welcomes to come (`invitation_verb` after "to": "Zhang welcomed Mayor Y to
    visit Shanghai at a convenient time") is invited, not greeted: no meeting.

    So does a greeting verb whose object is a body of visitors (`visitor_noun`: "welcomed a
    Shandong delegation headed by Vice Governor Y", "welcomed the Swedish business delegation"):
    an article, then a few words of no punctuation, then the noun (not its possessive: "welcomed
    the delegation's proposal" is speech)."""
    # (or opening the sentence, a participle clause: "Meeting Madam Y, Colombia's new Consul
    # General, Hua said ...")
    gerund = pl.col("low").is_in(gerund_verbs or []) & (
        shift_in(pl.col("low"), 1, "sid").is_in(gerund_openers or []).fill_null(False) | (pl.col("pos") == 0)
    )
    if not greeting_verbs and not gerund_verbs:
        return t
    # (only sentences with a greeting verb or a meeting gerund can change)
    return in_groups_with(
        t,
        "sid",
        pl.col("low").is_in((greeting_verbs or []) + (gerund_verbs or [])),
        lambda part: _greetings_as_meetings(part, greeting_verbs, gerund, invitation_verbs, visitor_nouns),
        ["lab", "value"],
    )


def _greetings_as_meetings(
    t: pl.DataFrame,
    greeting_verbs: list[str] | None,
    gerund: pl.Expr,
    invitation_verbs: list[str] | None,
    visitor_nouns: list[str] | None,
) -> pl.DataFrame:
    is_name = pl.col("lab").is_in(NAME_LABELS)
    run_start = is_name & ~shift_in(is_name, 1, "sid").fill_null(False)
    t = t.with_columns(cum_sum_in(run_start.cast(pl.Int32), "sid").alias("_run_id"))
    t = t.with_columns(
        # (the possessive of the name's own words: "A and Ireland's Minister B" leaves A a guest)
        pl.when(is_name)
        .then((pl.col("poss") & is_name).any().over("sid", "_run_id"))
        .otherwise(False)
        .alias("_run_poss")
    )
    # "welcomed Mayor Y to visit": the name run is followed by "to" and an invitation's verb
    invited_after = (shift_in(pl.col("low"), -1, "sid") == "to") & shift_in(pl.col("low"), -2, "sid").is_in(
        invitation_verbs or []
    )
    t = t.with_columns(
        pl.when(is_name)
        .then((invited_after.fill_null(False) & is_name).any().over("sid", "_run_id"))
        .otherwise(False)
        .alias("_run_invited")
    )
    # the first token after each one that describes nobody: the greeted person must stand there
    # (a capitalised word of no category inside an office: "welcomed New Zealand Trade Minister Y",
    # "visiting Minister of Trade Y")
    # (a portfolio of two capitalised words joined by "and" inside an office: "Meeting Vietnamese
    # Minister of Planning and Investment Y, Fang said ...": `_portfolio_and`)
    described = (
        pl.col("lab").is_in(GREETED_CHAIN)
        | pl.col("low").is_in(GREETED_WORDS)
        | _portfolio_and()
        # (also a word of a body's name: "Meeting Ethiopian Minister of Industry Y"; issue 14e)
        | (
            pl.col("lab").is_in(["not_name", "org_word"])
            & pl.col("tok").str.contains(r"^\p{Lu}\p{Ll}")
            & (
                (shift_in(pl.col("lab"), -1, "sid") == "title")
                | (
                    (shift_in(pl.col("low"), 1, "sid") == "of")
                    & (shift_in(pl.col("lab"), 2, "sid") == "title")
                )
            ).fill_null(False)
        )
    )
    t = t.with_columns(
        pl.when(~described)
        .then(is_name & ~pl.col("_run_poss") & ~pl.col("_run_invited"))
        .alias("_guest_here"),
        pl.when(~described).then(pl.col("pos")).alias("_stop_pos"),
    )
    t = t.with_columns(
        shift_in(backward_fill_in(pl.col("_guest_here"), "sid"), -1, "sid").alias("_guest_next"),
        shift_in(backward_fill_in(pl.col("_stop_pos"), "sid"), -1, "sid").alias("_stop_next"),
    )
    greets = pl.col("_guest_next").fill_null(False) & ((pl.col("_stop_next") - pl.col("pos")) <= GREET_SPAN)
    # "welcomed a Shandong delegation": the next visitor noun, no punctuation before it
    visitor_at = pl.when(
        pl.col("low").is_in(visitor_nouns or [])
        & ~shift_in(pl.col("low"), -1, "sid").is_in(["'s", "’s"]).fill_null(False)
    ).then(pl.col("pos"))
    punct_at = pl.when(pl.col("low").str.contains(r"^[^\p{L}\p{N}]+$")).then(pl.col("pos"))
    t = t.with_columns(
        shift_in(backward_fill_in(visitor_at, "sid"), -1, "sid").alias("_visitor_next"),
        shift_in(backward_fill_in(punct_at, "sid"), -1, "sid").alias("_punct_next"),
    )
    greets_visitors = (
        shift_in(pl.col("low"), -1, "sid").is_in(["a", "an", "the"]).fill_null(False)
        & ((pl.col("_visitor_next") - pl.col("pos")) <= VISITOR_SPAN).fill_null(False)
        & (pl.col("_punct_next").is_null() | (pl.col("_punct_next") > pl.col("_visitor_next"))).fill_null(
            False
        )
    )
    greeting = (
        (pl.col("low").is_in(greeting_verbs or []) | gerund)
        & ~pl.col("lab").is_in(["meeting_verb", "passive_host", "attendance"])
        & (greets | (pl.col("low").is_in(greeting_verbs or []) & greets_visitors))
    )
    return t.with_columns(
        pl.when(greeting).then(pl.lit("meeting_verb")).otherwise(pl.col("lab")).alias("lab"),
        pl.when(greeting).then(pl.col("low")).otherwise(pl.col("value")).alias("value"),
    ).drop(
        "_run_id",
        "_run_poss",
        "_run_invited",
        "_guest_here",
        "_stop_pos",
        "_guest_next",
        "_stop_next",
        "_visitor_next",
        "_punct_next",
    )


def _portfolio_and() -> pl.Expr:
    """ "and" between two capitalised words of no category or of a body's name, and the word after
    it ("Minister of Planning and Investment", "of Industry and Energy"): words of an office's
    portfolio, describing the person after them (split 56)."""
    cap_word = pl.col("lab").is_in(["not_name", "org_word"]) & pl.col("tok").str.contains(r"^\p{Lu}\p{Ll}")
    before = shift_in(cap_word, 1, "sid").fill_null(False)
    after = shift_in(cap_word, -1, "sid").fill_null(False)
    joined = (pl.col("low") == "and") & before & after
    tail = (
        cap_word
        & (shift_in(pl.col("low"), 1, "sid") == "and").fill_null(False)
        & shift_in(cap_word, 2, "sid").fill_null(False)
    )
    head = (
        cap_word
        & (shift_in(pl.col("low"), -1, "sid") == "and").fill_null(False)
        & shift_in(cap_word, -2, "sid").fill_null(False)
    )
    # ("Minister of Industry, Trade and Investment": a comma between two portfolio words before
    # the "and" of the last two; issue 14a)
    comma = (
        (pl.col("low") == ",")
        & before
        & after
        & (shift_in(pl.col("low"), -2, "sid") == "and").fill_null(False)
        & shift_in(cap_word, -3, "sid").fill_null(False)
    )
    head_comma = cap_word & shift_in(comma, -1, "sid").fill_null(False)
    return joined | tail | head | comma | head_comma


# "X, leading a Jiangsu economic and trade delegation, met ...": how many characters may stand
# between the apposition's verb and the delegation it leads (within the apposition: no comma)
LEADING_SPAN = 60


def _alternation(phrases: list[str]) -> str:
    return "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))


def guest_relative(
    meetings: pl.DataFrame,
    phrases: list[str] | None,
    leading: list[str] | None = None,
    visitor_nouns: list[str] | None = None,
) -> pl.DataFrame:
    """(article_id, _rel_dir): "A met with B, who paid a visit to the Embassy" (`guest_relative`
    in cues.csv): the person the relative clause describes is the visitor. After the lede's
    meeting verb it describes the object, so the subject hosts ("subject"); before it, the subject
    visits ("object").

    leading: an apposition saying its person leads a delegation (`guest_apposition`: "Vice
    Governor A, leading a Jiangsu economic and trade delegation, met with Mayor B") marks the
    visitor the same way: whoever leads a delegation has travelled, whatever the grammar."""
    if not phrases:
        return meetings.select("article_id", pl.lit(None, pl.String).alias("_rel_dir")).head(0)
    clause = r"(?:" + _alternation(phrases) + r")\b"
    if leading and visitor_nouns:
        clause = (
            r"(?:"
            + clause
            + r"|(?:"
            + _alternation(leading)
            + r")\s+(?:a|an|the|his|her|their)\b[^,]{0,"
            + str(LEADING_SPAN)
            + r"}?\b(?:"
            + _alternation(visitor_nouns)
            + r")\b)"
        )
    low = pl.col("evidence").str.to_lowercase()
    rel_at = low.str.find(r",\s*" + clause)
    verb_at = low.str.find(pl.col("verb_value").fill_null("\x00"), literal=True)
    return meetings.select(
        "article_id",
        pl.when(rel_at.is_null() | verb_at.is_null())
        .then(pl.lit(None, pl.String))
        .when(rel_at > verb_at)
        .then(pl.lit("subject"))
        .otherwise(pl.lit("object"))
        .alias("_rel_dir"),
    )


def visiting_guest(meetings: pl.DataFrame, adjectives: list[str] | None) -> pl.DataFrame:
    """(article_id, _vis_dir): "Vice Mayor A met with visiting Osaka Mayor B": an adjective saying
    its person is on a visit (`guest_adjective` in cues.csv) opening the lede's object marks the
    object as the visitor, so the subject hosts ("subject"); opening the lede ("Visiting Governor
    B met ..."), it marks the subject ("object"). This outweighs where the places named in the
    lede are: "Osaka Mayor" says where B serves, not where they met. Not a gerund elsewhere ("A met
    B while visiting Osaka" describes A)."""
    if not adjectives:
        return meetings.select("article_id", pl.lit(None, pl.String).alias("_vis_dir")).head(0)
    adj = r"(?:" + _alternation(adjectives) + r")\b"
    low = pl.col("evidence").str.to_lowercase()
    verb = pl.col("verb_value").fill_null("\x00").str.to_lowercase()
    verb_at = low.str.find(verb, literal=True)
    after_verb = low.str.slice(verb_at + verb.str.len_chars())
    return meetings.select(
        "article_id",
        pl.when(verb_at.is_null())
        .then(pl.lit(None, pl.String))
        .when(after_verb.str.contains(r"^(?:\s+with)?(?:\s+(?:the|a|an))?\s+" + adj))
        .then(pl.lit("subject"))
        .when(low.str.contains(r"^(?:the\s+)?" + adj) & (verb_at > 0))
        .then(pl.lit("object"))
        .alias("_vis_dir"),
    )


def escorts_to_meetings(t: pl.DataFrame, escort_verbs: list[str] | None) -> pl.DataFrame:
    """ "Ambassador A accompanied Mayor B, who is visiting Chile, to meet with Governor C" / "... in
    calling on Minister C" / "... to a meeting with C": an escort verb (`escort_verb`) followed in its sentence by "to" or "in"
    and a meeting verb reports that meeting, with the escort's subject a member of the side of the
    person escorted. The escort verb is relabelled "escort" (no attendance cue, so the sentence may
    be the lede; sentence_flags reads where it stands). Tokens are sorted by sid, pos."""
    if not escort_verbs:
        return t
    # ("to meet with C", "in calling on C", "to a meeting with C")
    before = lambda k: shift_in(pl.col("low"), k, "sid")  # noqa: E731
    meeting_at = pl.when(
        (pl.col("lab") == "meeting_verb")
        & (before(1).is_in(["to", "in"]) | (before(1).is_in(["a", "the"]) & (before(2) == "to"))).fill_null(
            False
        )
    ).then(pl.col("pos"))
    t = t.with_columns(backward_fill_in(meeting_at, "sid").alias("_meet_next"))
    escort = (
        (pl.col("lab") == "attendance")
        & pl.col("low").is_in(escort_verbs)
        & (pl.col("_meet_next") > pl.col("pos")).fill_null(False)
        # (not "was accompanied" / "accompanied by": the one escorted is the sentence's subject)
        & ~shift_in(pl.col("low"), 1, "sid").is_in(["was", "were", "is", "are", "been"]).fill_null(False)
    )
    return t.with_columns(
        pl.when(escort).then(pl.lit("escort")).otherwise(pl.col("lab")).alias("lab"),
    ).drop("_meet_next")


# "at the invitation of Consul General Yerlan B": how many words after the marker's first word
# the inviter's name may begin (the marker's own words and a title)
INVITER_NAME_SPAN = 5


def invited_visits_as_meetings(
    t: pl.DataFrame, mentions: pl.DataFrame, visit_verbs: list[str] | None, inviter_markers: list[str] | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """ "Vice Governor A visited the Consulate General of Kazakhstan on Saturday at the invitation of
    Consul General B": a visit (`visit_verb`, one word) to somewhere, at the invitation of a person
    named right after the marker (`inviter_marker`), in a sentence with no meeting verb of its own,
    is a call on the inviter: the visit verb becomes the sentence's meeting verb (its subject visits,
    `guest_subject_verb`). An invitation from a body ("at the invitation of the Ministry") names no
    one met. The inviter, read as cited ("the invitation of": `proxy_noun`), is then the host met:
    their mention is no proxy. Tokens are sorted by sid, pos."""
    if not visit_verbs or not inviter_markers:
        return t, mentions
    one_word = [v for v in visit_verbs if " " not in v]
    is_name = pl.col("lab").is_in(NAME_LABELS)
    name_at = pl.when(is_name).then(pl.col("pos"))
    t = t.with_columns(shift_in(backward_fill_in(name_at, "sid"), -1, "sid").alias("_name_next"))
    named_inviter = _phrase_starts(inviter_markers) & (
        (pl.col("_name_next") - pl.col("pos")) <= INVITER_NAME_SPAN
    ).fill_null(False)
    inviter_at = pl.when(named_inviter).then(pl.col("pos"))
    t = t.with_columns(
        backward_fill_in(inviter_at, "sid").alias("_inviter_next"),
        (pl.col("lab") == "meeting_verb").any().over("sid").alias("_has_meeting"),
    )
    visit = (
        pl.col("low").is_in(one_word)
        & pl.col("_inviter_next").is_not_null()
        & ~pl.col("_has_meeting")
        & ~is_name
    )
    t = t.with_columns(visit.alias("_visit"))
    hosts = (
        t.filter(named_inviter & pl.col("_visit").any().over("sid"))
        .select("sid", pl.col("_name_next").alias("start"), pl.lit(True).alias("_inviter_met"))
        .unique()
    )
    mentions = (
        mentions.join(hosts, on=["sid", "start"], how="left", maintain_order="left")
        .with_columns((pl.col("proxy") & ~pl.col("_inviter_met").fill_null(False)).alias("proxy"))
        .drop("_inviter_met")
    )
    t = t.with_columns(
        pl.when(pl.col("_visit")).then(pl.lit("meeting_verb")).otherwise(pl.col("lab")).alias("lab"),
        pl.when(pl.col("_visit")).then(pl.col("low")).otherwise(pl.col("value")).alias("value"),
    ).drop("_name_next", "_inviter_next", "_has_meeting", "_visit")
    return t, mentions
