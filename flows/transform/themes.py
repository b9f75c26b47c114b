"""Themes of a meeting: taxonomy phrases (seeds/reference/theme_keywords.csv) found in the article's
sentences, minus boilerplate sentences (negative cues), with who raised them.

Grain: one row per theme per meeting. `raised_by` comes from the speaker of the sentences naming
the theme: a speech verb next to a person, surname or title ("Gong said", "said Newsom", "the mayor
said"); a paragraph without one continues the previous speaker.
"""

from __future__ import annotations

import re

import polars as pl

from flows.transform import dates
from flows.transform.frames import can_match
from flows.transform.reference import Reference


def keyword_regex(phrases: list[str], ignore_case: bool = True) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)  # longest first: leftmost-first alternation
    return ("(?i)" if ignore_case else "") + r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b"


def sentence_speakers(
    sentences: pl.DataFrame, t: pl.DataFrame, refs: pl.DataFrame, participants: pl.DataFrame
) -> pl.DataFrame:
    """(sid, speaker_side) for every sentence of an article with a meeting."""
    speech = (
        t.filter(pl.col("lab") == "speech_verb")
        .group_by("sid", maintain_order=True)
        .agg(pl.col("pos").min().alias("sp"))
    )
    # the person named closest to the speech verb, before it or right after it ("said Newsom")
    near = (
        refs.join(speech, on="sid", maintain_order="left")
        .with_columns(
            pl.when(pl.col("end") < pl.col("sp"))
            .then(pl.col("sp") - pl.col("end"))
            .otherwise((pl.col("start") - pl.col("sp")) * 2)
            .alias("dist")
        )
        .filter(pl.col("dist").is_between(1, 6))
        .sort("sid", "dist")
        .unique(subset=["sid"], keep="first", maintain_order=True)
        .join(
            participants.select("article_id", pl.col("person_name").alias("name"), "side"),
            on=["article_id", "name"],
            how="inner",
            maintain_order="left",
        )
        .select("sid", pl.col("side").alias("speaker_side"))
    )
    # "the mayor said": a title right before the speech verb names the participant holding it
    titled = (
        t.filter(pl.col("lab") == "title")
        .join(speech, on="sid", maintain_order="left")
        .filter((pl.col("sp") - pl.col("pos")).is_between(1, 2))
        .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .join(
            participants.select("article_id", pl.col("title").alias("value"), "side").unique(
                subset=["article_id", "value"], keep="first", maintain_order=True
            ),
            on=["article_id", "value"],
            how="inner",
            maintain_order="left",
        )
        .select("sid", pl.col("side").alias("title_side"))
        .unique(subset=["sid"], maintain_order=True)
    )
    s = (
        sentences.select("sid", "article_id", "para_no", "sent_no")
        .join(near, on="sid", how="left", maintain_order="left")
        .join(titled, on="sid", how="left", maintain_order="left")
        .with_columns(pl.coalesce("speaker_side", "title_side").alias("own"))
        .sort("article_id", "sent_no")
    )
    # A paragraph speaks with the voice attributed anywhere in it; unattributed ones continue the last.
    para = (
        s.group_by("article_id", "para_no", maintain_order=True)
        .agg(pl.col("own").drop_nulls().first().alias("para_side"))
        .sort("article_id", "para_no")
        .with_columns(pl.col("para_side").forward_fill().over("article_id").alias("para_side"))
    )
    return s.join(para, on=["article_id", "para_no"], how="left", maintain_order="left").select(
        "sid", pl.coalesce("own", "para_side").alias("speaker_side"), "para_no"
    )


def other_meeting_sentences(
    refs: pl.DataFrame, flags: pl.DataFrame, participants: pl.DataFrame
) -> pl.DataFrame:
    """(sid): sentences telling of another meeting in passing ("The delegation had stopped first
    in Munich, where Hu met Bavarian economy minister R to discuss automotive supply chains", "In
    2018, Mayor Z visited Rotterdam, where he met the port's then chief executive C"): a meeting
    verb with people named in full after it, none of whom takes part in a meeting of the article.
    What they discussed there is no theme of the meetings reported."""
    after = (
        refs.filter(pl.col("ntok") >= 2)
        .join(flags.filter(pl.col("verb_pos").is_not_null()).select("sid", "verb_pos"), on="sid", how="inner")
        .filter(pl.col("start") > pl.col("verb_pos"))
        .join(
            participants.select("article_id", "name")
            .unique()
            .with_columns(pl.lit(True).alias("_takes_part")),
            on=["article_id", "name"],
            how="left",
        )
    )
    return (
        after.group_by("sid")
        .agg(pl.col("_takes_part").fill_null(False).any().alias("_any"))
        .filter(~pl.col("_any"))
        .select("sid")
    )


# (the phrase list and its pattern, built once per Reference: the last few are kept, each with
# its Reference, so an id is never read for another one)
_THEME_PHRASES: dict[int, tuple[Reference, pl.DataFrame, str]] = {}


def _theme_phrases(ref: Reference, hyphen: str) -> tuple[pl.DataFrame, str]:
    """(theme, phrase) of the theme keywords, hyphens read as spaces, and of the idioms that name
    no field (theme null); the pattern matching any of the phrases."""
    kept = _THEME_PHRASES.get(id(ref))
    if kept is not None and kept[0] is ref:
        return kept[1], kept[2]
    kw = ref.theme_keywords.with_columns(pl.col("phrase").str.replace_all(hyphen, "$1 $2")).unique(
        maintain_order=True
    )
    # "it has borne rich fruit", "both port cities": an idiom or a description of a place holding a
    # field's word (`no_theme_phrase` in cues.csv) is matched as a phrase of its own, so the word
    # inside it names no field, and gives no theme
    idioms = pl.DataFrame(
        {"theme": None, "phrase": ref.cues.get("no_theme_phrase", [])},
        schema={"theme": pl.String, "phrase": pl.String},
    )
    kw = pl.concat([kw, idioms])
    pattern = keyword_regex(kw["phrase"].to_list(), ignore_case=False)
    if len(_THEME_PHRASES) >= 4:
        _THEME_PHRASES.clear()
    _THEME_PHRASES[id(ref)] = (ref, kw, pattern)
    return kw, pattern


def find_themes(
    sentences: pl.DataFrame, sentence_map: pl.DataFrame, speakers: pl.DataFrame, ref: Reference
) -> pl.DataFrame:
    """sentence_map: (sid, meeting_id, source_file), the meetings each sentence speaks about."""
    # Phrases are matched as written: lowercase ones only in running text, so capitalised words in
    # titles and names ("Minister for Trade and Investment", "Medical Tourism Pilot Zone") don't
    # count; phrases written with capitals ("Import Expo", "AI") are proper names matched exactly.
    # a hyphen joining two words is a space ("new-energy vehicles" is "new energy"), in the phrase
    # list and in the text alike
    hyphen = r"(\p{L})-(\p{L})"
    kw, pattern = _theme_phrases(ref, hyphen)
    negative = keyword_regex(ref.theme_negative) if ref.theme_negative else None
    # "shared a lunch of dumplings and tea", "a dinner of local dishes and wine": what a meal is
    # made of (`meal_noun`, "of", up to six words) is the menu, no field of cooperation
    meals = ref.cues.get("meal_noun", [])
    menu = (
        r"(?i)\b(?:" + "|".join(re.escape(m) for m in meals) + r")\s+of(?:\s+[\p{L}'’\-]+,?){1,6}"
        if meals
        else None
    )
    # (the regexes run once per sentence, then the phrases found go to each meeting it speaks about)
    s = sentences.join(sentence_map.select("sid").unique(), on="sid", how="semi", maintain_order="left")
    s = boilerplate_turns(s, negative, ref.cues.get("boilerplate_turn_verb", []))
    opening = pl.col("_scan").str.extract(r"^(\P{L}*)", 1).fill_null("")
    # a sentence's first word is capitalised by grammar, not because it names something
    # (also after an opening quotation mark, an emoji or a bullet: "“Culture is the heart
    # of our relationship,” she said")
    running = pl.concat_str(
        opening,
        pl.col("_scan").str.slice(opening.str.len_chars(), 1).str.to_lowercase(),
        pl.col("_scan").str.slice(opening.str.len_chars() + 1),
    )
    # (the menu pattern, of letter classes under a counted repeat, is run only where a meal noun
    # and "of" stand, which every menu needs: frames.can_match)
    menu_needle = r"(?i)\b(?:" + "|".join(re.escape(m) for m in meals) + r")\s+of\s"
    if not menu or can_match(s, running, menu_needle):
        running = running.str.replace_all(menu or r"$^", " ")
    hits = (
        s.select(
            "sid",
            "sent_no",
            "text",
            running.str.replace_all(hyphen, "$1 $2").str.extract_all(pattern).alias("phrase"),
        )
        .explode("phrase")
        .drop_nulls("phrase")
        .join(kw, on="phrase", how="inner", maintain_order="left")
        .drop_nulls("theme")
        .join(
            sentence_map.select("sid", "meeting_id", "source_file"),
            on="sid",
            how="inner",
            maintain_order="left",
        )
        .join(speakers, on="sid", how="left", maintain_order="left")
        .sort("meeting_id", "sent_no")
    )
    hits = summary_fields_to_own_stops(hits, sentence_map)
    return (
        hits.group_by("meeting_id", "theme", maintain_order=True)
        .agg(
            pl.col("source_file").first(),
            pl.col("text").first().alias("evidence"),
            (pl.col("speaker_side") == "host").any().alias("_h"),
            (pl.col("speaker_side") == "guest").any().alias("_g"),
        )
        .with_columns(
            pl.when(pl.col("_h") & pl.col("_g"))
            .then(pl.lit("both"))
            .when(pl.col("_h"))
            .then(pl.lit("host"))
            .when(pl.col("_g"))
            .then(pl.lit("guest"))
            .otherwise(pl.lit("unknown"))
            .alias("raised_by")
        )
        .select("meeting_id", "source_file", "theme", "raised_by", "evidence")
    )


def boilerplate_turns(s: pl.DataFrame, negative: str | None, turn_verbs: list[str]) -> pl.DataFrame:
    """s with `_scan`, the text whose theme phrases count. A sentence holding a boilerplate cue
    (theme_negative_cues.csv: the host's standard self-description, "is accelerating the building
    of an international financial center") names no theme, unless it turns after that clause to
    the guest ("..., and welcomes HSBC to expand its wealth management and green finance services",
    "and hoped Dutch firms would invest": `boilerplate_turn_verb` after "and", or a semicolon):
    what follows the turn counts, when it holds no boilerplate cue of its own."""
    if not negative:
        return s.with_columns(pl.col("text").alias("_scan"))
    flagged = pl.col("text").str.contains(negative)
    plain = s.filter(~flagged).with_columns(pl.col("text").alias("_scan"))
    if not turn_verbs:
        return plain
    # (the tail after the first turn following the cue; "and " stands in for the clause cut off,
    # so the tail's first word keeps its case: a sentence's first word is lower-cased)
    body = negative.removeprefix("(?i)")
    turn = r"(?:,?\s+and\s+(?:" + "|".join(re.escape(v) for v in turn_verbs) + r")\b|;\s)"
    tail = pl.col("text").str.extract(r"(?is)" + body + r".*?" + turn + r"(.*)$", 1)
    turned = (
        s.filter(flagged)
        .select("sid", pl.concat_str(pl.lit("and "), tail).alias("_scan"))
        .filter(pl.col("_scan").is_not_null() & ~pl.col("_scan").str.contains(negative))
    )
    if turned.height == 0:
        return plain
    # (the article's order kept: rows of either kind where they stood)
    return s.join(
        pl.concat([plain.select("sid", "_scan"), turned]), on="sid", how="inner", maintain_order="left"
    )


def summary_fields_to_own_stops(hits: pl.DataFrame, sentence_map: pl.DataFrame) -> pl.DataFrame:
    """In an article of several meetings, a field named in a sentence about several of them (the
    lede listing each guest with their firm's trade, "... CEO of Danish shipping group M; and C,
    chairman of Swiss drug maker R"; a trip's summary, "a five-day mission to Jiangsu, Victoria's
    sister state") that the own sentences of some of those meetings name again is theirs only: the
    summary names it because of their talks, not the others'. A field no meeting's own sentences
    name stays every meeting's, and so do all of them at a meeting whose own talks name no field
    (its sentences are not told apart from the summary's: "met separately with A and B", then the
    host's words, then A's alone).
    hits: (sid, meeting_id, source_file, theme, ...), one row per phrase per meeting;
    sentence_map: (sid, meeting_id), the meetings each sentence speaks about."""
    several = (
        sentence_map.group_by("sid")
        .agg(pl.col("meeting_id").n_unique().alias("_n_meet"))
        .filter(pl.col("_n_meet") > 1)
        .select("sid", pl.lit(True).alias("_shared"))
    )
    if several.height == 0:
        return hits
    hits = hits.join(several, on="sid", how="left", maintain_order="left").with_columns(
        pl.col("_shared").fill_null(False)
    )
    own = hits.filter(~pl.col("_shared")).select("source_file", "theme", "meeting_id").unique()
    named_own = own.select("source_file", "theme").unique().with_columns(pl.lit(True).alias("_own_any"))
    told = own.select("meeting_id").unique().with_columns(pl.lit(True).alias("_told"))
    return (
        hits.join(named_own, on=["source_file", "theme"], how="left", maintain_order="left")
        .join(told, on="meeting_id", how="left", maintain_order="left")
        .join(
            own.with_columns(pl.lit(True).alias("_own_here")),
            on=["source_file", "theme", "meeting_id"],
            how="left",
            maintain_order="left",
        )
        .filter(
            ~(
                pl.col("_shared")
                & pl.col("_own_any").fill_null(False)
                & ~pl.col("_own_here").fill_null(False)
                & pl.col("_told").fill_null(False)
            )
        )
        .drop("_shared", "_own_any", "_own_here", "_told")
    )


def other_day_items(
    sentences: pl.DataFrame,
    sentence_map: pl.DataFrame,
    meetings: pl.DataFrame,
    published: pl.DataFrame,
    refs: pl.DataFrame,
    participants: pl.DataFrame,
) -> pl.DataFrame:
    """(sid, meeting_id): in a diary or weekly digest, a sentence opening on another day than its
    meeting's ("On Thursday the mayor addressed the science park conference", "On the 20th Cao
    chaired a budget session, and on the 21st he inspected community health centres") is another
    item of the week, not the talks: what it names is no theme of the meeting, unless it names one
    of the meeting's guests. The day a sentence opens on (its first six words): a date, a weekday
    (the latest on or before publication), or the day told just before it ("That afternoon ...",
    dates.anaphoric_day).
    sentence_map: (sid, meeting_id); meetings: (meeting_id, meeting_date); participants:
    (meeting_id, article_id, name, side)."""
    pub = published.select("article_id", "published_date")
    stated = (
        sentences.select("sid", "article_id", "text")
        .join(pub, on="article_id", how="left")
        .join(dates.anaphoric_day(sentences, pub), on="sid", how="left")
        # (the day an item opens on: "On Thursday the mayor ...", "On the 20th Cao chaired ...";
        # not a date inside a sentence about the talks: "Zhang said Hefei would send a delegation
        # to the solar fair on July 2")
        .with_columns(pl.col("text").str.extract(r"^(\W*(?:\S+\s+){0,5}\S*)", 1).alias("_opening"))
        .select(
            "sid",
            pl.coalesce(
                dates.explicit_meeting_date(pl.col("_opening"), pl.col("published_date")),
                dates.weekday_on_or_before(
                    pl.col("published_date"),
                    pl.coalesce(dates.stated_weekday(pl.col("_opening")), "_anaphor_day"),
                ),
            ).alias("_day"),
        )
        .drop_nulls("_day")
    )
    guests_named = (
        refs.select("article_id", "sid", "name")
        .join(
            participants.filter(pl.col("side") == "guest").select("article_id", "name", "meeting_id"),
            on=["article_id", "name"],
        )
        .select("sid", "meeting_id")
        .unique()
    )
    return (
        sentence_map.select("sid", "meeting_id")
        .join(stated, on="sid")
        .join(meetings.select("meeting_id", "meeting_date"), on="meeting_id")
        .filter(pl.col("meeting_date").is_not_null() & (pl.col("_day") != pl.col("meeting_date")))
        .join(guests_named, on=["sid", "meeting_id"], how="anti")
        .select("sid", "meeting_id")
    )
