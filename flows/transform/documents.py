"""Page text -> article parts: published date, headline, and the body with page chrome removed.

Works on a frame of lines (one row per line per article). Bylines, photo credits, menus, footers
and date lines are dropped; lines of one paragraph are joined (names broken by a line break heal);
a paragraph printed twice in a row is kept once.
"""

from __future__ import annotations

import re

import polars as pl

from flows.transform.dates import DATELINE_DASH_RE, parse_full_date
from flows.transform.frames import any_in, can_match, cum_sum_in, row_in, shift_in
from flows.transform.sentences import ABBREV_RE

MARKER_RE = r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*"
DATE_LINE_RE = (
    r"(?i)^\s*(?:(?:date|updated|published|posted|release date|release time|time|source)\s*[:：]?\s*)?"
    r"(?:\d{1,2}:\d{2}(?:\s*(?:UTC|GMT)\s*[+-]?\d*)?,?\s*)?"
)
# "Chongqing, 16 July 2024 - ", "ROME, March 3, 2025 -- ": a place, a full date with its year, a dash
DATELINE_RE = (
    r"^\s*\p{Lu}[\p{L}.'\- ]{1,30},\s*((?:\d{1,2}\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2},?)\s+(?:19|20)\d{2})"
    r"\s*(?:-{1,2}|–|—)\s"
)
# "ASTANA -- ", "NAIROBI, June 5 -- ": a place in capitals (and a date) before a dash opens a lede
CAPS_DATELINE_RE = r"^\p{Lu}{2,}(?:[\s.'’\-]+\p{Lu}{2,})*(?:,[^,]{1,25})?\s*(?:-{1,2}|–|—)\s"
# Lines that are page chrome, never article text.
CHROME_ITEMS = (
    r"source\s*:|editor\s*:|editors?\s*:|reporter\s*:|photo\s*(?:by|:)|photos?\s+by|by\s+\p{Lu}|tags?\s*:|related\s*:|"
    r"share\b|share this|copyright|©|all rights reserved|print\b|e-?mail\b|click|read more|follow us|"
    r"subscribe|advertisement|home\s*[>/|]"
)
CHROME_RE = r"(?i)^(?:" + CHROME_ITEMS + r")"
# "Shenzhen Daily  |  Editor: Yao Pei  |  Tags: ...": a page's metadata bar, fields between pipes,
# one of them a labelled page field (the outlet's name opening the bar is no sentence)
FIELD_BAR_RE = r"(?i)\s\|\s*(?:" + CHROME_ITEMS + r")"
# "[Facebook] [Twitter] [LinkedIn] [WeChat]": a row of bracketed share buttons, nothing else
BUTTON_ROW_RE = r"^(?:[\[(][^\[\]()]{1,20}[\])]\s*){2,}$"
# "(Aggregated from: Zhuhai Special Zone Daily)", "[Source: Xinhua]": a line that is only a
# bracketed labelled note of the page; joined to the sentence above, it would hide how it ends
NOTE_LINE_RE = r"^[(\[]\s*\p{L}[\p{L} ]{1,30}[:：][^()\[\]]{1,80}[)\]]$"
# A heading of a block of links to other stories: the lines under it, up to the next blank line,
# are headlines of other pages ("Related News", "Related Stories", "Read more", "You may also like").
RELATED_HEADINGS = (
    r"related(?:\s+(?:news|stories|articles|reports|content|links|reading))?|read\s+more|"
    r"more\s+(?:news|stories)|see\s+also|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|"
    r"most\s+(?:read|popular|viewed)|latest\s+news|top\s+stories"
)
RELATED_HEADER_RE = r"(?i)^(?:" + RELATED_HEADINGS + r")\s*[:：]?$"
# "Most read:  Shenzhen Metro Line 16 opens  |  ...": the same heading with its links on its line
RELATED_INLINE_RE = r"(?i)^(?:" + RELATED_HEADINGS + r")\s*[:：]\s*\S"


# "[Photo]", "[Image]", "【图片】": a re-posted page's placeholder for a picture or a video
MEDIA_PLACEHOLDER_RE = r"(?i)^[\[【]\s*(?:photos?|images?|pictures?|pics?|videos?|图片|视频)\s*[\]】]\s*"


# words that leave a line unfinished: a line ending on one is a broken sentence, never a headline
FUNCTION_END_RE = (
    r"(?i)\b(?:a|an|the|of|to|in|on|at|for|by|with|from|and|or|but|as|met|meets|said|says|was|were|"
    r"is|are|has|had|have|its|his|her|their|our|that|which|who)$"
)


# the rest of a name broken by a line break, opening the next line: one capitalised word, a comma
NAME_TAIL_RE = r"^\p{Lu}[\p{L}'\-]*,"
# ... or one capitalised word and the function word going on with the sentence ("Kuok-wai in
# Guangzhou on Thursday", "Mingyuan met on Saturday with ...")
NAME_REST_RE = (
    r"^\p{Lu}[\p{L}'\-]*\s+(?:in|on|at|of|and|to|for|with|from|who|was|has|had|met|meets|said|is)\b"
)


def _is_menu(line: pl.Expr) -> pl.Expr:
    """A row of 4+ capitalised words with no punctuation and no lowercase words (a site menu)."""
    return line.str.contains(r"^(?:\p{Lu}[\p{L}&'\-]*\s+){3,}\p{Lu}[\p{L}&'\-]*\s*$") & ~line.str.contains(
        r"[.,;:!?]"
    )


def _is_credit(line: pl.Expr) -> pl.Expr:
    """A photo credit or byline on its own line: 1-4 capitalised words, no sentence punctuation."""
    return line.str.contains(r"^(?:\p{Lu}[\p{L}'\-\.]*\s*){1,4}$") & ~line.str.contains(r"[,;:!?]|\.$")


def _roles_needle(roles: list[str]) -> str:
    """What a credit line or bracket needs: one of the credit roles, anywhere (`frames.can_match`)."""
    return r"(?i:" + "|".join(re.escape(r) for r in roles) + r")"


def _is_credit_byline(line: pl.Expr, roles: list[str]) -> pl.Expr:
    """ "Hainan Daily reporter Fu Zhenhai", "By Xinhua correspondent Li Ming": a line that is only
    an outlet's capitalised words, a credit role (`credit_role` in cues.csv) and the name it credits;
    joined to the caption under it, the name would run into the caption's first name."""
    if not roles:
        return pl.lit(False)
    words = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    cap = r"\p{Lu}[\p{L}'’\-.]*"
    return line.str.contains(
        r"^(?:(?i:by)\s+)?(?:" + cap + r"\s+){0,5}(?i:" + words + r")\s*[:：]?\s*(?:" + cap + r"\s*){1,4}$"
    )


def _drop_bracketed_credit(line: pl.Expr, roles: list[str]) -> pl.Expr:
    """ "XIAMEN, June 18 (Reporter Chen Yuting) -- Mayor Z met ...", "(By Xinhua correspondent Li
    Ming)": a byline in brackets inside a line of text (a dateline's) credits the report's writer, who
    attends nothing; it is cut so that the name is not read as the lede's first person. Only a
    bracket that holds just an outlet's words, a credit role (`credit_role` in cues.csv) and 1-4
    capitalised words of a name."""
    if not roles:
        return line
    words = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    cap = r"\p{Lu}[\p{L}'’\-.]*"
    credit = (
        r"\s*[(\[]\s*(?:(?i:by)\s+)?(?:" + cap + r"\s+){0,5}(?i:" + words + r")\s*[:：]?\s*"
        r"(?:" + cap + r"\s*){1,4}[)\]]"
    )
    return line.str.replace_all(credit, "")


def _broadcast_label(line: pl.Expr, labels: list[str]) -> pl.Expr:
    """ "ANCHOR LEAD-IN (Tao Meiling): The mayor sat down with ...", "[Newsreader A] The governor
    has hosted ...", "SOT (via interpreter): ...", "LOWER THIRD: A | Mayor": the production label
    opening a line of a broadcast script (`broadcast_label` in cues.csv, in brackets with any words
    after it, or before a colon with an optional name: in brackets, after a dash, or capitalised). Returns the label with the space
    after it (null when the line has none): it names the programme's part and its presenter, no
    one in the report, and its line is a paragraph of its own (the script's next line is another
    speaker's)."""
    if not labels:
        return pl.lit(None, dtype=pl.String)
    words = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    bracketed = r"\[\s*(?i:" + words + r")\b[^\[\]]{0,40}\]"
    # (the speaker or presenter before the colon: "ANCHOR (Tao Mei):", "SOT - Lin Bo, trader:",
    # "Anchor Tao Mei:")
    speaker = r"\s*\([^()]{0,40}\)|\s*[-–—]\s*[^:.!?\"“\[\]]{1,60}|(?:\s+\p{Lu}[\p{L}'’\-]*){1,4}"
    colon = r"(?i:" + words + r")\b(?:" + speaker + r")?\s*[:：]"
    # (a transcript's running time may open the line: "[00:12] ANCHOR: ...", "01:05 SOT: ...")
    timecode = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?"
    return line.str.extract(r"^(" + timecode + "(?:" + bracketed + "|" + colon + r")\s*)\S", 1)


def _is_date_line(line: pl.Expr) -> pl.Expr:
    short = line.str.len_chars() < 90
    # a page's metadata bar may run on after a labelled date ("Release time: 2024-03-28  Source: ...")
    labelled = line.str.contains(
        r"(?i)^\s*(?:date|updated|published|posted|release (?:date|time))\s*[:：]\s*\d"
    )
    return (
        (short | labelled)
        & parse_full_date(line).is_not_null()
        & ~line.str.contains(r"\b(?:met|meets|said)\b")
    )


def _boilerplate_heading(line: pl.Expr, headings: list[str]) -> pl.Expr:
    """ "About the University of Adelaide", "About AmCham Shanghai", "Notes to editors", "Quick
    facts": a line that is only a heading of the publisher's standing text (`boilerplate_heading` in
    cues.csv), alone or followed by the name it is about (a capital, "the ...", "us"; no sentence)."""
    if not headings:
        return pl.lit(False)
    words = "|".join(re.escape(h) for h in sorted(headings, key=len, reverse=True))
    return line.str.contains(
        r"^(?i:" + words + r")(?:\s*:?\s*$|\s+(?:(?i:the)\s+\p{L}|\p{Lu}|(?i:us)\b)[^.!?;:]{0,80}$)"
    )


GLUE = "\u0001"  # ends a line whose last word goes on, unbroken, on the next line


# Page furniture of print editions, never article text: a column jump ("Continued on Page 4",
# "From Page 1", "See A3", "PAGE 2") and a running head whose fields, between bars, include the
# page number ("CITY DAILY | PAGE 3 | TUESDAY, MAY 14, 2024")
PAGE_JUMP_RE = (
    r"(?i)^(?:(?:continued|cont(?:'|’)?d\.?)\s+(?:on|from)\s+|(?:from|see|turn\s+to)\s+)?"
    r"(?:page\s*|p\.\s*)?[a-z]?\d{1,3}\W{0,3}$"
)
RUNNING_HEAD_RE = r"(?i)(?:^|[|•·]|\s/\s)\s*page\s+[a-z]?\d{1,3}\s*(?:[|•·]|\s/\s|$)"
# ... or whose fields, between bars, include a page number alone or a full date ("A4 | CITY DAILY |
# Friday, June 14, 2024"): inside the text it is the next page's head, and its weekday no date of
# the meeting
FIELD_DATE_RE = (
    r"(?i)(?:^|[|•·]|\s/\s)\s*(?:[a-z]?\d{1,3}|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}"
    r"|\d{4}-\d{2}-\d{2})\s*(?:[|•·]|\s/\s|$)"
)
# Common endings of an English word: a lower-case word hyphenated before one at a line break of a
# wrapped page ("rela-" / "tions", "agri-" / "culture") is one word ("long-" / "term" stays)
WORD_END_RE = (
    r"(?:tions?|sions?|ments?|ings?|ity|ities|ies|ers?|ors?|ances?|ences?|ships?|tures?|ives?|als?|"
    r"ally|ly|ness|isms?|ists?|logy|logies|ated|ates?|i[sz]ed|i[sz]es?|ous|ful|able|ible|ics|ry|cy)"
)
# the lines of an article hard-wrapped at a fixed width: at least this many lines break a sentence
# before a lower-case word (ordinary pages, one line per paragraph, have at most one: a broken name)
WRAPPED_MIN_BREAKS = 2


def join_broken_lines(joined: pl.Expr) -> pl.Expr:
    """Lines joined with NUL between them -> one text: a line marked with GLUE goes on with no
    space (a word broken by the line break), a hyphen at a line's end stays with no space ("Choi
    Min-" / "seok", "people-to-" / "people"), other breaks become a space."""
    return (
        joined.str.replace_all(GLUE + "\x00", "")
        .str.replace_all(r"(\p{L})-\s*\x00\s*(\p{Ll})", "$1-$2")
        .str.replace_all(r"\s*\x00\s*", " ")
    )


def unwrap_lines(lines: pl.DataFrame, known_words: list[str] | None = None) -> pl.DataFrame:
    """(article_id, line) rows in page order, stripped -> the same with page furniture dropped and,
    in an article hard-wrapped at a fixed width (e-paper and PDF text), the lines of each paragraph
    joined into one, as ordinary pages print them: otherwise a wrapped lede's first lines pass for
    page top, and a line that opens with "by Governor X" for a byline.

    A line continues on the next when the article is wrapped, it is at least half the wrap width
    (the longest line breaking a sentence), ends on no sentence mark, has lower-case text (no
    menu, no outlet's name in capitals) and the next line is text, not a byline or a date line.
    A word hyphenated at the break closes up when it is a printer's hyphen: the whole word is one
    of `known_words` (lower case: the words of titles, places, theme phrases), the page prints it
    whole elsewhere, or a lower-case word breaks before a common ending ("rela-" / "tions"); a
    name's own hyphen ("Yuet-" / "ngor") stays."""
    line = pl.col("line")
    # (a running head cutting into a sentence, after a line that does not finish it, below the
    # page's first sentence: the page top's own, a byline bar or a metadata bar between
    # paragraphs, which may date the page, stays)
    before = shift_in(line, 1, "article_id").fill_null("")
    ends = line.str.contains(r"[.!?。\"”:;]\s*$")
    in_text = (
        (before != "")
        & ~before.str.contains(r"[.!?。\"”:;]\s*$")
        & (cum_sum_in(ends.cast(pl.Int32), "article_id") > 0)
    )
    running_head = (
        line.str.contains(r"[|•·]|\s/\s")
        & (line.str.contains(RUNNING_HEAD_RE) | line.str.contains(FIELD_DATE_RE))
        & ~line.str.contains(r"[.!?;]\s+\p{L}")
    )
    furniture = line.str.contains(PAGE_JUMP_RE) | (running_head & in_text)
    nxt = shift_in(line, -1, "article_id").fill_null("")
    unfinished = (line != "") & ~line.str.contains(r"[.!?。\"”:;]\s*$")
    soft = unfinished & nxt.str.contains(r"^\p{Ll}") & (line.str.len_chars() >= 30)
    lines = (
        lines.filter(~furniture)
        .with_row_index("_order")
        .with_columns(soft.cast(pl.Int32).sum().over("article_id").alias("_soft"))
    )
    # (only wrapped articles are rejoined: ordinary pages keep their lines as they are)
    wrapped = lines.filter(pl.col("_soft") >= WRAPPED_MIN_BREAKS)
    if wrapped.height == 0:  # (no wrapped article: every line stays, in order)
        return lines.select("article_id", "line")
    wrapped = wrapped.with_columns(
        pl.when(soft).then(line.str.len_chars()).otherwise(None).max().over("article_id").alias("_width")
    )
    joins = (
        unfinished
        & (nxt != "")
        & (2 * line.str.len_chars() >= pl.col("_width"))
        & line.str.contains(r"\p{Ll}")
        & ~_is_menu(line)
        & ~(nxt.str.contains(CHROME_RE) & nxt.str.contains(r"^\p{Lu}"))
        & ~_is_date_line(line)
        & ~_is_date_line(nxt)
    )
    starts = ~shift_in(joins, 1, "article_id").fill_null(False)
    head = line.str.extract(r"(\p{L}+)-$", 1)
    tail = nxt.str.extract(r"^(\p{Ll}+)", 1)
    whole = pl.concat_str([head, tail]).str.to_lowercase()
    printers_hyphen = (
        joins
        & whole.is_not_null()
        & (
            whole.is_in(pl.Series(known_words or [], dtype=pl.String))
            | pl.col("_page").str.contains(whole, literal=True)
            | (head.str.contains(r"^\p{Ll}") & tail.str.contains(WORD_END_RE + "$"))
        )
    ).fill_null(False)
    wrapped = wrapped.with_columns(
        pl.col("line").str.join(" ").over("article_id").str.to_lowercase().alias("_page")
    ).with_columns(
        pl.when(printers_hyphen).then(line.str.replace(r"-$", GLUE)).otherwise(line).alias("line"),
        starts.alias("_start"),
    )
    rejoined = (
        wrapped.with_columns(cum_sum_in(pl.col("_start").cast(pl.Int32), "article_id").alias("_logical"))
        .group_by("article_id", "_logical", maintain_order=True)
        .agg(pl.col("_order").first(), pl.col("line").str.join("\x00"))
        .with_columns(join_broken_lines(pl.col("line")).alias("line"))
    )
    return (
        pl.concat(
            [
                lines.filter(pl.col("_soft") < WRAPPED_MIN_BREAKS).select("_order", "article_id", "line"),
                rejoined.select("_order", "article_id", "line"),
            ]
        )
        .sort("_order")
        .select("article_id", "line")
    )


def _drop_trailing_credits(text_lines: pl.DataFrame) -> pl.DataFrame:
    """ "Ruan (center) poses with A and B. Ti Gong" / "Ruan Zhiheng, Party Secretary of ...": a photo
    credit printed at the end of a caption line (one to three capitalised words after its last
    sentence, no punctuation) is dropped, else it opens the next line's sentence as part of a name.
    Not after an abbreviation ("Consul General, Mrs. Sophie" / "Laurent-Bazin, was ..."), a word in
    capitals ("CITY OF ST. LOUIS") or before the rest of a broken name ("Mingyuan met ...")."""
    next_line = shift_in(pl.col("line"), -1, "article_id").fill_null("")
    tail = r"(?:\p{Lu}[\p{L}'\-]*\s?){1,3}$"
    before = pl.col("line").str.extract(r"(\S+)[.!?]\s+" + tail, 1)
    abbreviation = "^" + ABBREV_RE.removeprefix(r"\b") + "$"
    credit = (
        before.str.contains(r"\p{Ll}")
        & ~(before + ".").str.contains(abbreviation)
        & next_line.str.contains(r"^\p{Lu}")
        & ~next_line.str.contains(NAME_REST_RE)
        & ~next_line.str.contains(NAME_TAIL_RE)
    ).fill_null(False)
    return text_lines.with_columns(
        pl.when(credit)
        .then(pl.col("line").str.replace(r"([.!?])\s+" + tail, "$1"))
        .otherwise(pl.col("line"))
        .alias("line")
    )


def _heal_broken_words(text_lines: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """ "led by Vice Mayor ZHU Shi" / "jie at Kobe City Hall": a capitalised word at the end of a
    line and a lower-case piece opening the next line of the paragraph are one word when the page
    prints that whole word elsewhere ("ZHU Shijie" in the caption); the line is marked to be joined
    to the next without a space."""
    next_line = shift_in(pl.col("line"), -1, "article_id").fill_null("")
    word = pl.col("line").str.extract(r"(?:^|\s)(\p{Lu}\p{Ll}*)$", 1)
    piece = next_line.str.extract(r"^(\p{Ll}+)(?:[\s,.;:]|$)", 1)
    whole = pl.concat_str([word, piece])
    pages = documents.select("article_id", pl.col("text").alias("_page"))
    out = text_lines.join(pages, on="article_id", how="left", maintain_order="left").with_columns(
        pl.when(whole.is_not_null())
        .then(pl.col("_page").str.contains(whole, literal=True))
        .otherwise(False)
        .fill_null(False)
        .alias("_glued")
    )
    return out.with_columns(
        pl.when(pl.col("_glued")).then(pl.col("line") + GLUE).otherwise(pl.col("line")).alias("line")
    ).drop("_page", "_glued")


# a list item's bullet at the start of a line: a dash, a dot or a number with its stop and a space,
# or a bullet sign, a keycap digit ("1️⃣") or a circled number, each with an emoji variation selector
BULLET_RE = (
    r"^(?:(?:[-•*·–]|\d{1,2}[.)])\s+"
    r"|(?:[・▪▫■□●○◆◇◦‣►▶▸➤➢➔→✓✔☑✅🔹🔸🔷🔶🔺🔻📌👉]|\d\x{FE0F}?\x{20E3}|[①-⑳])\x{FE0F}?\s*)"
)


def split_documents(
    documents: pl.DataFrame,
    boilerplate_headings: list[str] | None = None,
    credit_roles: list[str] | None = None,
    known_words: list[str] | None = None,
    broadcast_labels: list[str] | None = None,
) -> pl.DataFrame:
    """documents (article_id, text, record_date, record_title, ...) -> one row per article with
    published_date, headline and body (paragraphs separated by newlines)."""
    raw = (
        documents.select("article_id", pl.col("text").str.split("\n").alias("line"))
        .explode("line")
        .with_columns(pl.col("line").str.strip_chars().alias("line"))
    )
    # "... shakes hands with X. - Hangzhou Daily": a caption's credit after its last sentence
    line = (
        pl.col("line")
        .str.replace(r"([.!?])\s+[-–—]\s*(?:\p{Lu}[\p{L}'’.]*\s*){1,4}$", "$1")
        # "... welcomes Governor Z at the Residence. © Embassy of France / L. Girard": a
        # copyright or photo credit after a caption's last sentence runs to the end of its line
        # (in brackets too: "... on Tuesday. (Photo: Wang Gang)", "(Photo/Xinhua)", and an
        # agency's credit "(Xinhua/Wang Gang)": capitalised words either side of a slash)
        # (or after a camera sign: "... at the Xijiao State Guest Hotel. 📷 Ti Gong")
        .str.replace(r"([.!?])\s+(?:©|📷|📸|\([cC]\)\s|[(\[]?(?:Photos?\s*(?::|/|by\b)|Credit:)).*$", "$1")
        .str.replace(r"([.!?])\s*[(\[]\p{Lu}[\p{L} .'’\-]*/\s*\p{Lu}[\p{L} .'’\-/]*[)\]]\s*$", "$1")
    )
    unwrapped = unwrap_lines(raw, known_words)
    # (the credit patterns are read only when some line holds a credit role: `can_match`; the cuts
    # below keep a line's start or end, so no role word appears that the line did not hold)
    roles = credit_roles or []
    if roles and not can_match(unwrapped, "line", _roles_needle(roles)):
        roles = []
    # "(AVN) Xi'an - The President of ...": an agency's dateline opening a paragraph is no
    # description of the first name (read only when some line opens on a bracket: `can_match`)
    if can_match(unwrapped, "line", r"^\("):
        line = line.str.replace(
            r"^\(\p{Lu}{2,8}\)\s+\p{Lu}[\p{L}'’.\- ]{0,30}?\s+(?:-{1,2}|–|—)\s+(\p{Lu})", "$1"
        )
    lines = (
        unwrapped.with_columns(row_in("article_id").alias("line_no"))
        .with_columns(
            # "[Image]" / "Qin Haotian, third from right, ...": a media placeholder opening a line
            # (alone on it, or before the caption) is no word of the text
            line.str.replace(MEDIA_PLACEHOLDER_RE, "").alias("line")
        )
        .with_columns(_drop_bracketed_credit(pl.col("line"), roles).alias("line"))
        # "- Vice Mayor Sun Shuai": items of a bulleted list are separated like "A; B; C" (also the
        # bullets of re-posted official accounts: "▪️ A", "・ B", "1️⃣ C", "① D", "🔹 E")
        .with_columns(pl.col("line").str.replace(BULLET_RE + r"(\p{Lu})", "; $1").alias("line"))
    )
    nonblank = pl.col("line") != ""
    lines = lines.with_columns(
        (cum_sum_in(nonblank.cast(pl.Int32), "article_id") * nonblank.cast(pl.Int32)).alias("nb_no")
    )
    # A leading ` date YYYY-MM-DD` marker: the rest of its line is body text.
    is_marker_line = (pl.col("nb_no") == 1) & pl.col("line").str.contains(MARKER_RE)
    lines = lines.with_columns(
        pl.when(is_marker_line)
        .then(pl.col("line").str.extract(MARKER_RE, 1).str.to_date(strict=False))
        .alias("marker_date"),
        pl.when(is_marker_line)
        .then(pl.col("line").str.replace(MARKER_RE, ""))
        .otherwise(pl.col("line"))
        .alias("line"),
    )
    # the page top: the first 8 lines of text, not counting navigation ("HOME", "STUDY IN SHANGHAI",
    # "Current location: Home > News"): a long site menu must not push the date line out of it
    navigation = nonblank & (
        ~pl.col("line").str.contains(r"\p{Ll}")
        | _is_menu(pl.col("line"))
        | pl.col("line").str.contains(CHROME_RE)
        | pl.col("line").str.contains(r"\s>\s")
    )
    text_no = cum_sum_in((nonblank & ~navigation).cast(pl.Int32), "article_id")
    header = nonblank & (text_no <= 8) & (pl.col("nb_no") >= 1)
    # Date parsing is costly: only the page top is searched, then joined back.
    header_dates = (
        lines.filter(nonblank & header)
        .select("article_id", "line_no", "line")
        .filter(_is_date_line(pl.col("line")))
        .select("article_id", "line_no", parse_full_date(pl.col("line")).alias("header_date"))
    )
    lines = lines.join(header_dates, on=["article_id", "line_no"], how="left", maintain_order="left")
    # "Chongqing, 16 July 2024 - On 15 July, ...": a dateline with a full date opening the first
    # paragraphs dates the page when nothing else does (the line stays article text)
    dateline = pl.col("line").str.extract(DATELINE_RE, 1)
    if not can_match(lines, "line", DATELINE_DASH_RE):  # (no dash and space: no dateline)
        dateline = pl.lit(None, dtype=pl.String)
    dated_dateline = (
        lines.filter(nonblank & header)
        .select("article_id", "line_no", dateline.alias("_dl"))
        .drop_nulls("_dl")
        .select("article_id", "line_no", parse_full_date(pl.col("_dl")).alias("dateline_date"))
    )
    lines = lines.join(dated_dateline, on=["article_id", "line_no"], how="left", maintain_order="left")
    date_line = pl.col("header_date").is_not_null()
    # (read only when some line holds one of the separators, `can_match`)
    crumbs = pl.col("line").str.contains(r"[/>|]")
    if can_match(lines, "line", r"[/>|]"):
        crumbs = pl.col("line").str.contains(r"^[\p{L} ]{2,20}(?:\s*[/>|]\s*[\p{L} ]{2,20})+$")
    section_line = nonblank & header & crumbs
    # lines under a "Related News" heading, up to the next blank line, link to other stories
    block = cum_sum_in((~nonblank).cast(pl.Int32), "article_id")
    lines = lines.with_columns(block.alias("_block"))
    related_header = pl.col("line").str.contains(RELATED_HEADER_RE)
    # (a line ending a sentence is article text again: some pages have no blank lines at all)
    under_related = (cum_sum_in(related_header.cast(pl.Int32), ["article_id", "_block"]) > 0) & ~pl.col(
        "line"
    ).str.contains(r"[.!?。\"”]\s*$")
    # (a row of capitalised words whose next line goes on with the rest of a name and a comma is a
    # sentence broken inside a name, no menu: "Meeting Madam Catalina Restrepo\nArango, Colombia's
    # new Consul General, Hua said ...")
    # (nor one ending on a word broken at its hyphen, whose next line goes on in lower case: "South
    # Jeolla Province Governor Yoon Jae-\nhyeok and his delegation were received ...")
    next_text = shift_in(pl.col("line"), -1, "article_id").fill_null("")
    # (nor one whose last name word goes on, with the verb, on the next line: "Tacoma Deputy Mayor
    # Kristen\nVanderhoef met with Fuzhou Mayor ...", as a lede broken inside a name below)
    name_goes_on = (
        next_text.str.contains(NAME_TAIL_RE)
        | (pl.col("line").str.contains(r"\p{L}-$") & next_text.str.contains(r"^\p{Ll}"))
        | (
            pl.col("line").str.contains(r"\p{Lu}[\p{L}'\-]*\s+\p{Lu}[\p{L}'\-]*$")
            & next_text.str.contains(NAME_REST_RE)
        )
    )
    # "REPORTER: Mayor Z met with ... on Thursday.": a broadcast label (`broadcast_label`) that is
    # also a credit opens the reporter's narration when a whole sentence follows it (8 words or
    # more, ending on a sentence mark), not a credit line ("REPORTER: Fang Li. Editor: Sun Qiao.")
    # (read only on lines opening like chrome: the others' text is blanked, so their regexes cost
    # nothing)
    chrome_open = pl.col("line").str.contains(CHROME_RE)
    chrome_line = pl.when(chrome_open).then(pl.col("line")).otherwise(pl.lit(""))
    narration_rest = chrome_line.str.slice(
        _broadcast_label(chrome_line, broadcast_labels or []).str.len_chars()
    )
    narration = (
        (narration_rest.str.count_matches(r"\S+") >= 8)
        & (narration_rest.str.count_matches(r"\b\p{Ll}+\b") >= 3)
        & narration_rest.str.contains(r"[.!?\"”]\s*$")
    ).fill_null(False)
    credit_byline = _is_credit_byline(pl.col("line"), credit_roles or [])
    if credit_roles and not roles:  # (no line holds a credit role: the needle's own test, False)
        credit_byline = pl.col("line").str.contains(_roles_needle(credit_roles))
    # (a note opens on a bracket: read only when some line does, `can_match`)
    note_line = pl.col("line").str.contains(r"^[(\[]")
    if can_match(lines, "line", r"^[(\[]"):
        note_line = pl.col("line").str.contains(NOTE_LINE_RE)
    chrome = nonblank & (
        (chrome_open & ~narration)
        | pl.col("line").str.contains(FIELD_BAR_RE)
        | pl.col("line").str.contains(BUTTON_ROW_RE)
        | note_line
        | pl.col("line").str.contains(RELATED_INLINE_RE)
        | credit_byline
        | (_is_menu(pl.col("line")) & ~name_goes_on)
        | section_line
        | date_line
        | under_related
    )
    # (chrome first: read twice in one step, its patterns were evaluated, and compiled, twice)
    lines = lines.with_columns(chrome.alias("chrome")).with_columns(
        (nonblank & ~pl.col("chrome") & _is_credit(pl.col("line"))).alias("credit_shaped"),
    )

    # A credit stands alone: its neighbours are blank lines, page edges or other credits
    # ("Ti Gong" twice in a row); a short line inside a paragraph is a broken sentence instead.
    # Pages without blank lines set it between whole lines: after a finished sentence or the page
    # top (no sentence yet), before a line that starts with a capital ("...on Monday.\nTi Gong\n
    # Mayor Tang (right) meets ..."), where a broken sentence would go on in lower case.
    ends_sentence = pl.col("line").str.contains(r"[.!?\"”]\s*$")
    lines = lines.with_columns(
        (cum_sum_in((ends_sentence & ~pl.col("chrome")).cast(pl.Int32), "article_id") == 0).alias("_top"),
        ends_sentence.alias("_ends"),
    )

    def _neighbour_ok(offset: int) -> pl.Expr:
        line = shift_in(pl.col("line"), offset, "article_id").fill_null("")
        shaped = shift_in(pl.col("credit_shaped"), offset, "article_id").fill_null(False)
        chrome_ = shift_in(pl.col("chrome"), offset, "article_id").fill_null(False)
        if offset == 1:  # the line above
            whole = shift_in(pl.col("_ends") | pl.col("_top"), 1, "article_id").fill_null(False)
        else:  # the line below
            # (not the rest of a name broken by the line break: "Meeting Madam Catalina Restrepo\n
            # Arango, Colombia's new Consul General, ...", one capitalised word and a comma, nor
            # "Qingdao Mayor Zhao\nMingyuan met on Saturday with ...", one and a function word)
            whole = (
                line.str.contains(r"^\p{Lu}")
                & ~line.str.contains(NAME_TAIL_RE)
                & ~line.str.contains(NAME_REST_RE)
            )
        return (line == "") | shaped | chrome_ | whole

    # (a credit printed twice in a row inside a paragraph is one too: a broken name never repeats)
    def _same(offset: int) -> pl.Expr:
        return shift_in(pl.col("line"), offset, "article_id").fill_null("") == pl.col("line")

    # (... or closing the caption line above it: "Xu, right, meets B. Ti Gong\nTi Gong\nDuring ...";
    # issue 15b)
    closes_above = (
        shift_in(pl.col("line"), 1, "article_id")
        .fill_null("")
        .str.ends_with(pl.concat_str([pl.lit(". "), pl.col("line")]))
    )
    lines = lines.with_columns(
        (
            pl.col("credit_shaped")
            & ((_neighbour_ok(1) & _neighbour_ok(-1)) | _same(1) | _same(-1) | closes_above)
        ).alias("credit")
    ).drop("_top", "_ends")
    # a credit ends the paragraph it stands in (the caption below it is not the headline's sentence)
    body_lines = lines.filter(~pl.col("chrome")).with_columns(
        pl.when(pl.col("credit")).then(pl.lit("")).otherwise(pl.col("line")).alias("line")
    )
    # a broadcast script's production label is cut from its line, which stands as a paragraph of
    # its own; a lower third ("LOWER THIRD: ZHOU MING | Mayor, Shanghai", "[Caption] A | Farmer"),
    # a name and a role between a bar and no sentence, is the caption of a face on screen: dropped
    label = _broadcast_label(pl.col("line"), broadcast_labels or [])
    rest = pl.col("line").str.slice(label.str.len_chars().fill_null(0))
    lower_third = label.is_not_null() & rest.str.contains(r"^[^|.!?:;\"“]{2,60}\|[^|!?;\"“]{2,120}$")
    body_lines = body_lines.with_columns(
        label.is_not_null().alias("_own_para"),
        pl.when(lower_third).then(pl.lit("")).otherwise(rest).alias("line"),
    )
    # Headline: the lines before the first sentence-like line are page top (outlet name, section,
    # headline); the longest of them is the headline and none of them is body text.
    body_lines = body_lines.with_columns(
        cum_sum_in((pl.col("line") != "").cast(pl.Int32), "article_id").alias("body_no"),
        # (a sentence may close on a bracketed credit or note: "... on Tuesday. (Xinhua/Wang Gang)")
        (
            pl.col("line").str.contains(r"[.!?。\"”:]\s*(?:[(\[][^()\[\]]{1,60}[)\]]\s*)?$")
            # (a record's text cut off mid-sentence, all on one line: a long line that closes a
            # sentence inside, "... in Wiesbaden on Thursday. The minister ... Bundesbank and", is
            # text, not page top)
            | (
                (pl.col("line").str.count_matches(r"\S+") >= 25)
                & pl.col("line").str.contains(r"\p{Ll}[.!?]\s+\p{Lu}")
            )
        ).alias("sentence_like"),
    )
    per_article = body_lines.group_by("article_id", maintain_order=True).agg(
        pl.col("body_no").filter(pl.col("sentence_like")).min().fill_null(1 << 30).alias("_first_sentence"),
        pl.col("body_no").max().alias("_last_line"),
    )
    body_lines = body_lines.join(per_article, on="article_id", how="left", maintain_order="left")
    # the publisher's standing text after the report ("About Victoria's partnerships in China",
    # "Notes to editors"): from its heading to the end of the page nothing is the report's (its
    # sister-state facts and business lists are no themes, its names no participants)
    after_report = _boilerplate_heading(pl.col("line"), boilerplate_headings or []) & (
        pl.col("body_no") > pl.col("_first_sentence")
    )
    body_lines = body_lines.filter(cum_sum_in(after_report.cast(pl.Int32), "article_id") == 0)
    # a line continued on the next line (no blank between) is a broken sentence, not page top ...
    # (read only on the page top, the lines before the first sentence: the others' text and the
    # line after them are blanked, so their regexes cost nothing)
    top = pl.col("body_no") < pl.col("_first_sentence")
    top_line = pl.when(top).then(pl.col("line")).otherwise(pl.lit(""))
    next_line = (
        pl.when(top).then(shift_in(pl.col("line"), -1, "article_id")).otherwise(pl.lit("")).fill_null("")
    )
    # ... unless it ends on a lower-case content word and the next line opens a sentence of its
    # own: a headline with no blank line under it ("Hangzhou mayor meets OCA director general" /
    # "Hangzhou Mayor Yao met ..."), where a broken sentence ends on a name ("met with Olga" /
    # "Petrova on ...") or a function word ("met with the" / "mayor of ...")
    headline_shaped = (
        top_line.str.contains(r"(?:^|\s)\p{Ll}[\p{L}\-]*$")
        & ~top_line.str.contains(FUNCTION_END_RE)
        & next_line.str.contains(r"^\p{Lu}")
    )
    # ... or a short unpunctuated line right above a whole capitalised lede at least one and a half
    # times its length (a broken lede's first line is about as long as the rest of the sentence; a
    # headline of 10 words above a lede of 18 is no broken sentence)
    # (a line opened by a dateline in capitals, "ASTANA -- Deputy Prime Minister Serik Zhumabekovich",
    # is the lede broken inside a name, never a headline; nor is a lede broken inside a name:
    # "Guangdong Governor Z met Macau Chief Executive Chan" / "Kuok-wai in Guangzhou on Thursday,
    # ...": a line ending on two capitalised words whose next line opens on one capitalised word
    # and a function word goes on with the name)
    # (the next line's first word is no word of an office or a place: "Governor Tsutsumi visits
    # Guangdong Province" / "Governor of Aichi Prefecture A visited ..." is a headline above a lede)
    next_first = next_line.str.extract(r"^(\p{L}+)", 1).str.to_lowercase()
    broken_name = (
        top_line.str.contains(r"\p{Lu}[\p{L}'\-]*\s+\p{Lu}[\p{L}'\-]*$")
        & next_line.str.contains(NAME_REST_RE)
        & ~next_first.is_in(pl.Series(known_words or [], dtype=pl.String)).fill_null(False)
    )
    glued_headline = (
        ~broken_name
        & ~pl.col("sentence_like")
        & ~top_line.str.contains(CAPS_DATELINE_RE)
        & (top_line.str.count_matches(r"\S+") <= 16)
        & next_line.str.contains(r"^\p{Lu}")
        & next_line.str.contains(r"[.!?。\"”]\s*$")
        & (2 * next_line.str.count_matches(r"\S+") >= 3 * top_line.str.count_matches(r"\S+"))
    )
    own_paragraph = (
        next_line.eq("")
        | ~shift_in(pl.col("sentence_like"), -1, "article_id").fill_null(False)
        | headline_shaped
        | glued_headline
    )
    leading = (
        (top_line != "")
        & (pl.col("body_no") < pl.col("_first_sentence"))
        & top_line.str.contains(r"\p{L}")
        & own_paragraph
    )
    # (is_top first: read twice in one step, its expression was evaluated twice)
    body_lines = body_lines.with_columns(leading.alias("is_top")).with_columns(
        pl.when(pl.col("is_top")).then(top_line.str.count_matches(r"\S+")).otherwise(-1).alias("_words"),
    )
    longest = body_lines.group_by("article_id", maintain_order=True).agg(
        pl.col("_words").max().alias("_most")
    )
    body_lines = body_lines.join(longest, on="article_id", how="left", maintain_order="left").with_columns(
        (
            pl.col("is_top")
            & (pl.col("_words") == pl.col("_most"))
            & (pl.col("_last_line") > pl.col("body_no"))
            & (pl.col("_words") < 30)
        ).alias("is_headline")
    )
    headlines = (
        body_lines.filter("is_headline")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("line").first().alias("headline"))
    )
    # every line of the page top (outlet, section, headline): a headline shorter than the outlet's
    # name above it ("Ambassador visits Xi'an" / "Embassy of ... in the People's Republic of China")
    # is still read for the visit it states
    tops = (
        body_lines.filter("is_top")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("line").str.join("\n").alias("page_top"))
    )
    text_lines = _drop_trailing_credits(_heal_broken_words(body_lines.filter(~pl.col("is_top")), documents))
    # Paragraphs: blank lines separate; a line inside a paragraph continues the previous one.
    # Pages with no blank line in their text set one paragraph per line: there a line after a
    # finished sentence opens a paragraph (a sentence broken across lines still goes on).
    # (a blank line between two text lines: not the ones above or below the text)
    blank_between = (
        (pl.col("line") == "")
        & (cum_sum_in((pl.col("line") != "").cast(pl.Int32), "article_id") > 0)
        & (shift_in(pl.col("line"), -1, "article_id").fill_null("") != "")
    )
    text_lines = text_lines.with_columns(any_in(blank_between, "article_id").alias("_blanks"))
    after_sentence = ~pl.col("_blanks") & shift_in(
        pl.col("line").str.contains(r"[.!?。\"”]\s*$"), 1, "article_id"
    ).fill_null(False)
    paragraphs = (
        text_lines.with_columns(
            cum_sum_in(
                (
                    (pl.col("line") == "")
                    | after_sentence
                    # (a labelled line of a broadcast script, and the line after it, open paragraphs)
                    | pl.col("_own_para")
                    | shift_in(pl.col("_own_para"), 1, "article_id").fill_null(False)
                ).cast(pl.Int32),
                "article_id",
            ).alias("para")
        )
        .filter(pl.col("line") != "")
        .group_by("article_id", "para", maintain_order=True)
        .agg(pl.col("line").str.join("\x00").alias("paragraph"))
        # "Choi Min-" / "seok": a word hyphenated at the end of a line goes on with no space
        .with_columns(
            join_broken_lines(pl.col("paragraph").str.replace_all(GLUE + "\x00", "")).str.replace_all(
                r"\s+", " "
            )
        )
        # a paragraph printed twice in a row is kept once
        .filter(pl.col("paragraph").ne_missing(shift_in(pl.col("paragraph"), 1, "article_id")))
    )
    bodies = paragraphs.group_by("article_id", maintain_order=True).agg(
        pl.col("paragraph").str.join("\n").alias("body")
    )
    dates = lines.group_by("article_id", maintain_order=True).agg(
        pl.col("marker_date").drop_nulls().first().alias("marker_date"),
        pl.col("header_date").drop_nulls().first().alias("header_date"),
        pl.col("dateline_date").drop_nulls().first().alias("dateline_date"),
    )
    out = (
        documents.select("article_id", "record_date", "record_title")
        .join(dates, on="article_id", how="left", maintain_order="left")
        .join(headlines, on="article_id", how="left", maintain_order="left")
        .join(tops, on="article_id", how="left", maintain_order="left")
        .join(bodies, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.coalesce(
                pl.col("marker_date"),
                parse_full_date(pl.col("record_date").fill_null("")),
                pl.col("header_date"),
                pl.col("dateline_date"),
            ).alias("published_date"),
            pl.coalesce(pl.col("headline"), pl.col("record_title")).alias("headline"),
            pl.col("body").fill_null(""),
        )
        .select(
            "article_id",
            "published_date",
            "headline",
            "body",
            pl.coalesce(pl.col("page_top"), pl.col("headline")).alias("page_top"),
        )
    )
    return out
