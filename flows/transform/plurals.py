"""Offices named once in the plural for a list of people.

"the consuls general of Germany (A), France (B) and Japan (C)", "the ambassadors of Chile and Peru,
A and B": the plural office (a `group_noun` of cues.csv whose singular is a title) is the title of
each person listed right after it, and the countries listed with it pair with the names in order.
So is one in an apposition closing the list: "A of Argentina, B of Egypt and C of Norway, the new
consuls general in Shanghai".
"""

from __future__ import annotations

import polars as pl

from flows.transform.frames import any_in, shift_in, sorted_by

# what a list of countries and names is made of; any other word ends it
LIST_LABELS = [
    "country", "place", "demonym", "CONN", "COMMA", "PAREN", "AND", "NAME", "NAME1", "PARTICLE",
    "honorific", "PLACENAME",
]  # fmt: skip
LIST_WORDS = ["in", "of", "including", "namely", ":"]
# "the consuls general of four Nordic countries in the city: A of Denmark ...": how far the colon
# opening the list may stand after the plural office
COLON_WORDS = 10
# a plural that names an office ("Senators A and B"): "heads" or "executives" of firms name none
OFFICE_KINDS = ["diplomat", "local_gov", "national_gov", "legislature"]


def plural_titles(t: pl.DataFrame, mentions: pl.DataFrame, vocab: pl.DataFrame) -> pl.DataFrame:
    """mentions with the title (and, list against list, the country) of a plural office before them."""
    titles = vocab.filter((pl.col("cat") == "title") & pl.col("kind").is_in(OFFICE_KINDS)).select(
        pl.col("phrase").alias("_singular"), pl.col("value").alias("_ptitle"), pl.col("kind").alias("_pkind")
    )
    men_titles = vocab.filter(
        (pl.col("cat") == "title") & pl.col("phrase").str.ends_with("man") & pl.col("value").is_not_null()
    ).select(
        pl.col("phrase").alias("_singular"), pl.col("value").alias("_ptitle"), pl.col("kind").alias("_pkind")
    )
    t = sorted_by(t, "sid", "pos")
    # a title written in the plural ("Members of Parliament A and B", labelled as the title) is a
    # group too: its first word is the plural of the title's
    # (or, for an abbreviated title, the plural of its own one-word phrase: "MEPs A and B", "MPs")
    one_word = (
        vocab.filter((pl.col("cat") == "title") & ~pl.col("phrase").str.contains(" "))
        .select(pl.format("{}|{}", "phrase", "value").alias("_key"))
        .get_column("_key")
        .implode()
    )
    # ("Vice chairmen A and B": an office ending in "-man" is written in the plural at its end; it
    # is the office of each, a firm's or a chamber's too, issue 12d)
    men_plural = (
        (pl.col("lab") == "title") & pl.col("low").str.ends_with("men") & pl.col("value").str.ends_with("man")
    )
    t = t.with_columns(
        pl.when(pl.col("span_start").is_not_null())
        .then(any_in(men_plural, ["sid", "span_start"]))
        .otherwise(False)
        .alias("_men_plural")
    )
    plural_title = (
        (pl.col("lab") == "title")
        & (pl.col("span_start") == pl.col("pos"))
        & (
            pl.col("_men_plural")
            | (pl.col("low") == pl.col("value").str.to_lowercase().str.split(" ").list.first() + "s")
            | (
                pl.col("low").str.ends_with("s")
                & pl.format("{}|{}", pl.col("low").str.strip_suffix("s"), pl.col("value")).is_in(one_word)
            )
        )
    )
    t = t.with_columns(plural_title.alias("_plural_title")).with_columns(
        pl.when(pl.col("span_start").is_not_null())
        .then(any_in(pl.col("_plural_title"), ["sid", "span_start"]))
        .otherwise(False)
        .alias("_plural_title")
    )
    is_group = (pl.col("lab") == "group_noun") | pl.col("_plural_title")
    starts = is_group & (pl.col("span_start") == pl.col("pos"))
    groups = (
        t.filter(starts)
        .select(
            "sid",
            pl.col("pos").alias("_gid"),
            pl.when(pl.col("_plural_title"))
            .then(pl.col("value").str.to_lowercase())
            .otherwise(pl.col("value").str.replace_all(r"s\b", ""))
            .alias("_singular"),
        )
        .join(
            pl.concat([titles, men_titles]).unique(subset=["_singular"], keep="first", maintain_order=True),
            on="_singular",
            how="inner",
        )
        .drop("_singular")
    )
    if groups.height == 0:
        return mentions
    # "consuls general in Shanghai, including A of Australia, B of India": where they serve and
    # "including" lead into the list too
    ends = (
        ~is_group
        & ~pl.col("lab").is_in(LIST_LABELS)
        & ~pl.col("low").is_in(LIST_WORDS)
        & ~_before_list_colon(starts)
    )
    gid = (
        pl.when(starts)
        .then(pl.col("pos"))
        .when(ends)
        .then(pl.lit(-1))
        .otherwise(None)
        .forward_fill()
        .over("sid")
    )
    # "the ambassadors of Kazakhstan, Uzbekistan and Kyrgyzstan to China, A, B and C": the country
    # of the posting (after "to") is where they all serve, no country of the list
    t = t.with_columns((shift_in(pl.col("low"), 1, "sid") == "to").fill_null(False).alias("_posting"))
    cols = ["sid", "pos", "lab", "span_start", "iso2", "_plural_title", "_posting"]
    t = pl.concat(
        [
            t.select(*cols, gid.alias("_gid")),
            t.select(*cols, _trailing_group(t, starts).alias("_gid")),
        ]
    )
    t = (
        t.join(groups, on=["sid", "_gid"], how="semi")
        .filter(~is_group)
        .unique(["sid", "pos"], keep="first")
        .sort("sid", "pos")
    )
    countries = (
        t.filter(
            pl.col("lab").is_in(["country", "demonym"])
            & pl.col("iso2").is_not_null()
            & (pl.col("span_start") == pl.col("pos"))
            & ~pl.col("_posting")
        )
        .group_by("sid", "_gid", maintain_order=True)
        .agg(pl.col("iso2").alias("_isos"))
    )
    listed = (
        mentions.select("sid", "start")
        .join(t.select("sid", pl.col("pos").alias("start"), "_gid"), on=["sid", "start"], how="inner")
        .join(groups, on=["sid", "_gid"], how="inner")
        .join(countries, on=["sid", "_gid"], how="left")
        .sort("sid", "start")
        .with_columns(
            pl.int_range(pl.len()).over("sid", "_gid").alias("_i"),
            pl.len().over("sid", "_gid").alias("_n"),
        )
        .with_columns(
            # country against name only when the lists are of the same length
            pl.when((pl.col("_n") > 1) & (pl.col("_isos").list.len() == pl.col("_n")))
            .then(pl.col("_isos").list.get(pl.col("_i"), null_on_oob=True))
            .alias("_pcountry")
        )
        .select("sid", "start", "_ptitle", "_pkind", "_pcountry")
    )
    return (
        mentions.join(listed, on=["sid", "start"], how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("title", "_ptitle").alias("title"),
            # (a person listed under no plural keeps the kind of the office off the list they hold)
            pl.when(pl.col("title").is_null() & pl.col("_ptitle").is_not_null())
            .then("_pkind")
            .otherwise("title_kind")
            .alias("title_kind"),
            pl.coalesce("_pcountry", "country").alias("country"),
        )
        .drop("_ptitle", "_pkind", "_pcountry")
    )


def _before_list_colon(starts: pl.Expr) -> pl.Expr:
    """Tokens between a plural office and the colon opening its list ("the consuls general of four
    Nordic countries in the city: A of Denmark, B of Finland"): what the office is said of before
    the list ends no list. The colon must come within COLON_WORDS words, with no comma between.
    Tokens sorted by sid, pos."""
    next_at = lambda tok: (  # noqa: E731
        pl.when(pl.col("tok") == tok).then(pl.col("pos")).otherwise(None).backward_fill().over("sid")
    )
    colon, comma = next_at(":"), next_at(",")
    lead_end = (
        pl.when(starts & (colon - pl.col("pos") <= COLON_WORDS) & (comma.is_null() | (comma > colon)))
        .then(colon)
        .when(starts)
        .then(pl.col("pos"))
        .otherwise(None)
        .forward_fill()
        .over("sid")
    )
    return (pl.col("pos") <= lead_end).fill_null(False)


def _trailing_group(t: pl.DataFrame, starts: pl.Expr) -> pl.Expr:
    """The group id of each token of a list that a plural office follows in an apposition.

    "A of Argentina, B of Egypt and C of Norway, the new consuls general in Shanghai": ", the" (one
    word at most between, "new", "incoming") before the plural ends the list, and the office is
    each listed person's title as it is before a list. t sorted by sid, pos."""
    low_at = lambda k: shift_in(pl.col("low"), k, "sid")  # noqa: E731
    tok_at = lambda k: shift_in(pl.col("tok"), k, "sid")  # noqa: E731
    one_word = tok_at(1).str.contains(r"^\p{Ll}+$").fill_null(False)
    comma_at = (
        pl.when((low_at(1) == "the") & (tok_at(2) == ","))
        .then(pl.col("pos") - 2)
        .when(one_word & (low_at(2) == "the") & (tok_at(3) == ","))
        .then(pl.col("pos") - 3)
    )
    anchors = (
        t.with_columns(comma_at.alias("_comma"), starts.alias("_start"))
        .filter("_start")
        .select("sid", pl.col("_comma").alias("pos"), pl.col("pos").alias("_anchor"))
    )
    ends = ~pl.col("lab").is_in(LIST_LABELS) & ~pl.col("low").is_in(LIST_WORDS)
    return (
        t.select("sid", "pos", "lab", "low")
        .join(anchors.drop_nulls("pos"), on=["sid", "pos"], how="left", maintain_order="left")
        .select(
            pl.when(pl.col("_anchor").is_not_null())
            .then(pl.col("_anchor"))
            .when(ends)
            .then(pl.lit(-1))
            .otherwise(None)
            .backward_fill()
            .over("sid")
        )
        .to_series()
    )
