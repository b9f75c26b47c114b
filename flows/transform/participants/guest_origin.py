"""Evidence of where the guests come from (a foreign place, a firm's nationality or seat)."""

from __future__ import annotations

import polars as pl

from flows.transform.frames import shift_in, tokens_at
from flows.transform.participants.context import Shared


def guest_country_evidence(
    ctx: Shared, parts: pl.DataFrame, led: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Evidence of the guests' country: one foreign place in the lede or a "led by"
    sentence, the foreign country named most, a firm's nationality or seat.

    Takes parts (one row per participant per meeting) and `led` (sids). Returns (parts, foreign):
    parts, same grain, with _lede_foreign, _foreign_most, _foreign_place_most, _firm_nation,
    _own_firm_nation, _seat_c joined (and `country` from a firm's nationality for its officers
    with none); foreign one row per meeting with one foreign place in its lede or "led by"
    sentences (article_id, _lede_foreign)."""
    sentences = ctx.sentences
    refs = ctx.refs
    t = ctx.t
    cues = ctx.cues
    lede = ctx.lede
    # The guest side's country when the lede names exactly one foreign place ("a delegation from
    # the Kaohsiung ... Association led by its chairman X").
    # (or a "led by" sentence of the meeting: "a Shanghai delegation led by Vice Mayor X visited")
    foreign = (
        t.join(
            pl.concat([lede.select("article_id", pl.col("lede_sid").alias("sid")), led]).unique(),
            on="sid",
            how="inner",
            maintain_order="left",
        )
        .filter(
            pl.col("lab").is_in(["country", "demonym", "place", "org"])
            & pl.col("iso2").is_not_null()
            & (pl.col("span_start") == pl.col("pos"))
            & ~pl.col("prev_low").is_in(["to", "in"])
        )
        .join(
            parts.select("article_id", "home").unique(subset=["article_id"], maintain_order=True),
            on="article_id",
            maintain_order="left",
        )
        .filter(pl.col("iso2") != pl.col("home"))
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("iso2").unique(maintain_order=True).alias("_foreign"))
        .filter(pl.col("_foreign").list.len() == 1)
        .select("article_id", pl.col("_foreign").list.first().alias("_lede_foreign"))
    )
    parts = parts.join(foreign, on="article_id", how="left", maintain_order="left").with_columns(
        pl.when(pl.col("_n_guest_c") == 0)
        .then(pl.col("_lede_foreign"))
        .otherwise(pl.col("_guest_c"))
        .alias("_guest_c"),
        pl.when(pl.col("_n_guest_c") == 0)
        .then(pl.col("_lede_foreign").is_not_null().cast(pl.UInt32))
        .otherwise(pl.col("_n_guest_c"))
        .alias("_n_guest_c"),
    )
    # A diplomat always represents a country: when no guest's country is stated or implied, the
    # foreign country the article names most ("Ambassador Lindqvist ... Swedish companies")
    # (a visiting mayor or minister with no country of their own comes from the foreign country
    # whose countries, demonyms and places the article names most: "Lord Mayor C ... Perth")
    hc = ctx.home_countries
    foreign_most = _foreign_most(t, sentences, parts, ["country", "demonym"], "_foreign_most", hc).join(
        _foreign_most(t, sentences, parts, ["country", "demonym", "place"], "_foreign_place_most", hc),
        on="article_id",
        how="full",
        coalesce=True,
    )
    parts = parts.join(foreign_most, on="article_id", how="left", maintain_order="left")
    # "the German carmaker Volkswagen" anywhere in the article: the firm's country, for its people
    # with no country of their own
    # ("the German medical technology company Siemens Healthineers": lower-case words describing
    # the firm may stand between the nationality and the firm noun)
    lower_word = pl.col("tok").str.contains(r"^\p{Ll}+$")
    nation_at = lambda k: (  # noqa: E731
        shift_in(pl.col("lab"), k, "sid").is_in(["demonym", "country"])
        & shift_in(pl.col("iso2"), k, "sid").is_not_null()
        & pl.all_horizontal([shift_in(lower_word, j, "sid") for j in range(2, k)] or [pl.lit(True)])
    ).fill_null(False)
    firm_country = (
        t.with_columns(
            pl.coalesce(
                [pl.when(nation_at(k)).then(shift_in(pl.col("iso2"), k, "sid")) for k in range(2, 7)]
            ).alias("_iso2"),
        )
        .filter(
            (pl.col("lab") == "org")
            & (pl.col("span_start") == pl.col("pos"))
            & pl.col("prev_low").is_in(cues.get("firm_noun", []))
            & pl.col("_iso2").is_not_null()
        )
        .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .unique(subset=["article_id", "value"], keep="first", maintain_order=True)
        .select("article_id", pl.col("value").alias("org"), pl.col("_iso2").alias("_firm_c"))
    )
    parts = parts.join(
        firm_country, on=["article_id", "org"], how="left", maintain_order="left"
    ).with_columns(pl.coalesce("country", "_firm_c").alias("country"))
    # "Ling welcomed the London-headquartered bank to ...": a foreign place before a seat word
    # (`firm_seat_word`) in a description of a firm by a noun ("the ... bank") is the seat of the
    # one firm whose officers take part, when they state no country of their own
    the_at = lambda k: (  # noqa: E731
        pl.all_horizontal(
            [shift_in(pl.col("lab"), j, "sid") == pl.col("lab") for j in range(1, k)] or [pl.lit(True)]
        )
        & (shift_in(pl.col("low"), k, "sid") == "the")
    )
    seat_c = t.filter(
        pl.col("lab").is_in(["place", "country"])
        & pl.col("iso2").is_not_null()
        & shift_in(pl.col("low"), -1, "sid").is_in(
            [w for w in cues.get("firm_seat_word", []) if w != "listed"]
        )
        & shift_in(pl.col("tok"), -2, "sid").str.contains(r"^\p{Ll}+$")
        & pl.any_horizontal([the_at(k) for k in range(1, 4)]).fill_null(False)
    )
    seat_c = _one_foreign_country(seat_c, sentences, parts, "_seat_c")
    # (issue 12d: a firm's president or vice president, an office of kind "head", is its officer
    # too: "B, vice president of Mediterranean Shipping Company ... the Geneva-based shipping line")
    firm_officer = (
        (pl.col("title_kind") == "business")
        | ((pl.col("title_kind") == "head") & pl.col("org_kind").fill_null("company").eq("company"))
    ) & pl.col("org").is_not_null()
    one_firm = pl.col("org").filter(firm_officer).n_unique().over("article_id") == 1
    parts = (
        parts.join(seat_c, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("country").is_null() & firm_officer & one_firm)
            .then(pl.col("_seat_c"))
            .otherwise(pl.col("country"))
            .alias("country")
        )
        .drop("_seat_c")
    )
    # "... has become the German carmaker's largest production base": a demonym before a firm noun
    # (`firm_noun`) states the nationality of the firm a guest lead with no country comes from,
    # when the article names one such foreign nationality
    # (so does one before an institution's or a vocation's noun: "meets Russian university
    # leaders", "the Danish physicist said": `institution_word`, `vocation_noun`)
    nation_nouns = (
        cues.get("firm_noun", []) + cues.get("institution_word", []) + cues.get("vocation_noun", [])
    )
    firm_nation = t.filter(
        (pl.col("lab") == "demonym")
        & pl.col("iso2").is_not_null()
        & shift_in(pl.col("low"), -1, "sid").is_in(nation_nouns)
    ).select("sid", "iso2")
    # (issue 12d: "welcomed the French energy management and automation group to ...": words of
    # the firm's trade may stand between the demonym and the firm noun of such a description)
    described = _firm_descriptions(t, cues.get("firm_noun", []))
    firm_nation = _one_foreign_country(
        pl.concat([firm_nation, described.select("sid", "iso2")]), sentences, parts, "_firm_nation"
    )
    parts = parts.join(firm_nation, on="article_id", how="left", maintain_order="left")
    # "met with executives of three German companies: A, president of Bosch China, B, CEO of ...",
    # "a group of German business leaders, including A, chairman of ...": a demonym before a plural
    # group or firm noun in the sentence naming a guest states the nationality of the firms of all
    # those it lists, when the sentence gives one such nationality (issue 14b)
    firm_nouns = cues.get("firm_noun", [])
    group_nation = (
        tokens_at(
            t,
            t.filter((pl.col("lab") == "demonym") & pl.col("iso2").is_not_null()).select(
                "sid", "pos", "iso2"
            ),
            "pos",
            {1: {"_next_lab": "lab", "_next_low": "low"}},
        )
        .filter(
            (
                (pl.col("_next_lab") == "group_noun")
                | (pl.col("_next_low").is_in(firm_nouns) & pl.col("_next_low").str.ends_with("s"))
            ).fill_null(False)
        )
        .group_by("sid")
        .agg(pl.col("iso2").unique().alias("_gn"))
        .filter(pl.col("_gn").list.len() == 1)
        .select("sid", pl.col("_gn").list.first().alias("_group_nation"))
    )
    parts = parts.join(group_nation, on="sid", how="left", maintain_order="left").with_columns(
        pl.when(pl.col("_group_nation") != pl.col("home").fill_null(""))
        .then(pl.col("_group_nation"))
        .alias("_group_nation")
    )
    # "Meeting A, Liang welcomed the Indian IT services company to ...": the one foreign nationality
    # such descriptions give in the sentences naming a guest (by name or surname) is the country of
    # the firm that guest serves, whatever the other guests' firms are (separate meetings)
    # (split 56: in a sentence naming several people, "met separately with A, president of Bosch
    # China, the arm of the German technology group, and B, president of ...": the description is
    # of the firm of the person named last before it, `_described_person`)
    own_firm_nation = (
        _described_person(described, refs)
        .join(
            parts.select("article_id", "home").unique(subset=["article_id"], maintain_order=True),
            on="article_id",
            maintain_order="left",
        )
        .filter(pl.col("iso2") != pl.col("home").fill_null(""))
        .group_by("article_id", "name", maintain_order=True)
        .agg(pl.col("iso2").unique().alias("_isos"))
        .filter(pl.col("_isos").list.len() == 1)
        .select("article_id", "name", pl.col("_isos").list.first().alias("_own_firm_nation"))
    )
    parts = parts.join(own_firm_nation, on=["article_id", "name"], how="left", maintain_order="left")
    # "Schneider Electric, a French energy management company, has ...": an indefinite description
    # of nationality and trade in apposition to a firm's name is that firm's, so its officers'
    # wherever they are named (issue 15c)
    appos_nation = _appositive_firm_nation(t, firm_nouns).join(
        sentences.select("sid", "article_id"), on="sid", maintain_order="left"
    )
    if appos_nation.height:
        appos_nation = (
            appos_nation.group_by("article_id", "org", maintain_order=True)
            .agg(pl.col("iso2").unique().alias("_isos"))
            .filter(pl.col("_isos").list.len() == 1)
            .select("article_id", "org", pl.col("_isos").list.first().alias("_appos_nation"))
        )
        parts = (
            parts.join(appos_nation, on=["article_id", "org"], how="left", maintain_order="left")
            .with_columns(
                pl.coalesce(
                    "_own_firm_nation",
                    pl.when(pl.col("_appos_nation") != pl.col("home").fill_null("")).then(
                        pl.col("_appos_nation")
                    ),
                ).alias("_own_firm_nation")
            )
            .drop("_appos_nation")
        )
    # "met with B, Chief Curator of the Asian collections at the Royal Museum in Brussels": the one
    # foreign seat of an institution the article names in a description (`people._institution_seat`)
    # is the country of a guest lead with none, when the description reaching it was cut short
    if "_inst_seat" in t.columns:
        seat_c = t.filter(
            pl.col("_inst_seat") & pl.col("lab").is_in(["place", "country"]) & pl.col("iso2").is_not_null()
        )
        seat_c = _one_foreign_country(seat_c, sentences, parts, "_seat_c")
        parts = parts.join(seat_c, on="article_id", how="left", maintain_order="left")
    else:
        parts = parts.with_columns(pl.lit(None, dtype=pl.String).alias("_seat_c"))
    return parts, foreign


def _firm_descriptions(t: pl.DataFrame, firm_nouns: list[str]) -> pl.DataFrame:
    """(sid, iso2): a firm described by a definite description of its nationality and trade, "the
    Swedish telecom group", "the Japanese electronics maker", "the French energy management and
    automation group" (one firm: a singular firm noun, no name after it)."""
    # (lower-case words of the trade, or a short acronym: "the Indian IT services company")
    lower_word = pl.col("tok").str.contains(r"^(\p{Ll}+|\p{Lu}{2,3})$") & ~pl.col("low").is_in(
        ["the", "a", "an", "of", "in", "to", "for", "with"]
    )
    nation_at = lambda k: (  # noqa: E731
        (shift_in(pl.col("lab"), k, "sid") == "demonym")
        & shift_in(pl.col("iso2"), k, "sid").is_not_null()
        & (shift_in(pl.col("low"), k + 1, "sid") == "the")
        & pl.all_horizontal([shift_in(lower_word, j, "sid") for j in range(1, k)] or [pl.lit(True)])
    ).fill_null(False)
    return (
        t.with_columns(
            pl.coalesce(
                [pl.when(nation_at(k)).then(shift_in(pl.col("iso2"), k, "sid")) for k in range(1, 6)]
            ).alias("_desc_iso2"),
            shift_in(pl.col("tok"), -1, "sid")
            .str.contains(r"^\p{Lu}")
            .fill_null(False)
            .alias("_named_after"),
        )
        .filter(
            pl.col("_desc_iso2").is_not_null()
            & pl.col("low").is_in(firm_nouns)
            & ~pl.col("low").str.ends_with("s")
            & ~pl.col("_named_after")
        )
        .select("sid", pl.col("_desc_iso2").alias("iso2"), pl.col("pos").alias("_desc_pos"))
    )


def _appositive_firm_nation(t: pl.DataFrame, firm_nouns: list[str]) -> pl.DataFrame:
    """(sid, org, iso2): "Schneider Electric, a French energy management company": a firm's name
    (an organisation of the reference data) closed by a comma, then "a"/"an", a nationality, up to
    four lower-case words of the trade and a singular firm noun."""
    cand = t.filter((pl.col("lab") == "demonym") & pl.col("iso2").is_not_null()).select("sid", "pos", "iso2")
    if cand.is_empty():
        return pl.DataFrame(schema={"sid": t.schema["sid"], "org": pl.String, "iso2": pl.String})
    ahead = {k: {f"_low{k}": "low", f"_tok{k}": "tok"} for k in range(1, 6)}
    behind = {-1: {"_art": "low"}, -2: {"_comma": "tok"}, -3: {"_org_lab": "lab", "org": "value"}}
    read = tokens_at(t, cand, "pos", {**ahead, **behind})
    lower = lambda k: pl.col(f"_tok{k}").str.contains(r"^\p{Ll}+$").fill_null(False)  # noqa: E731
    noun = lambda k: (  # noqa: E731
        pl.col(f"_low{k}").is_in(firm_nouns) & ~pl.col(f"_low{k}").str.ends_with("s")
    ).fill_null(False)
    # (the noun after the trade's words, none of them another firm noun)
    ends = pl.lit(False)
    for k in range(1, 6):
        ends = ends | (
            pl.all_horizontal([lower(j) & ~noun(j) for j in range(1, k)] or [pl.lit(True)]) & noun(k)
        )
    return read.filter(
        pl.col("_art").is_in(["a", "an"]).fill_null(False)
        & (pl.col("_comma") == ",").fill_null(False)
        & (pl.col("_org_lab") == "org").fill_null(False)
        & ends
    ).select("sid", "org", "iso2")


def _described_person(described: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """(sid, article_id, name, iso2): who a firm's description (`_firm_descriptions`) is about:
    in a sentence naming people before and after it ("A, president of Bosch China, the arm of the
    German technology group, and B, ..."), the person named last before it; else every person the
    sentence names ("Meeting A, Liang welcomed the Indian IT services company ...")."""
    named = refs.select("sid", "article_id", "name", "start").unique()
    pairs = described.join(named, on="sid", maintain_order="left")
    before = (
        pairs.filter(
            (pl.col("start") < pl.col("_desc_pos"))
            & (pl.col("start") > pl.col("_desc_pos")).any().over("sid", "_desc_pos")
        )
        .sort("sid", "_desc_pos", "start")
        .group_by("sid", "_desc_pos", maintain_order=True)
        .agg(pl.col("article_id").last(), pl.col("name").last(), pl.col("iso2").last())
    )
    rest = pairs.join(before.select("sid", "_desc_pos"), on=["sid", "_desc_pos"], how="anti")
    return pl.concat(
        [before.select("sid", "article_id", "name", "iso2"), rest.select("sid", "article_id", "name", "iso2")]
    ).unique(maintain_order=True)


def _foreign_most(
    t, sentences, parts, labels: list[str], alias: str, home_countries: list[str] | None = None
) -> pl.DataFrame:
    """Per article, the country other than the host's that tokens of `labels` name most (at a
    meeting hosted in a home region, none of the home regions: a visitor to Macao named with "the
    Greater Bay Area" comes from further away; issue 14d)."""
    hc = home_countries or []
    return (
        t.filter(
            pl.col("lab").is_in(labels)
            & pl.col("iso2").is_not_null()
            & (pl.col("span_start") == pl.col("pos"))
        )
        .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .join(
            parts.select("article_id", "home").unique(subset=["article_id"], maintain_order=True),
            on="article_id",
            maintain_order="left",
        )
        .filter(pl.col("iso2") != pl.col("home"))
        .filter(~(pl.col("iso2").is_in(hc) & pl.col("home").is_in(hc)))
        .group_by("article_id", "iso2", maintain_order=True)
        .agg(pl.len().alias("n"), (pl.col("sid") * 1_000_000 + pl.col("pos")).min().alias("_first"))
        .sort(["article_id", "n", "_first"], descending=[False, True, False])
        .unique(subset=["article_id"], keep="first", maintain_order=True)
        .select("article_id", pl.col("iso2").alias(alias))
    )


def _one_foreign_country(
    tokens: pl.DataFrame, sentences: pl.DataFrame, parts: pl.DataFrame, alias: str
) -> pl.DataFrame:
    """(article_id, alias): the country (iso2) the given tokens name in an article, when they name
    exactly one other than the article's home."""
    return (
        tokens.join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .join(
            parts.select("article_id", "home").unique(subset=["article_id"], maintain_order=True),
            on="article_id",
            maintain_order="left",
        )
        .filter(pl.col("iso2") != pl.col("home").fill_null(""))
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("iso2").unique().alias("_isos"))
        .filter(pl.col("_isos").list.len() == 1)
        .select("article_id", pl.col("_isos").list.first().alias(alias))
    )


def listed_guest_countries(t: pl.DataFrame, meetings: pl.DataFrame, origin_words: list[str]) -> pl.DataFrame:
    """(article_id, _listed): "met with diplomats from nine African countries, Ghana, Kenya, ...
    and Rwanda": three countries or more listed (commas, "and") after an origin word (`origin_word`:
    "from") in the lede are the guest side's countries."""
    lede = meetings.select("article_id", pl.col("lede_sid").alias("sid"))
    tl = t.join(lede, on="sid", how="inner", maintain_order="left").filter(
        pl.col("span_start").is_null() | (pl.col("span_start") == pl.col("pos"))
    )
    is_c = (pl.col("lab") == "country") & pl.col("iso2").is_not_null()
    sep = pl.col("low").is_in([",", "and"])
    # a country with a separator and another country on either side of it
    listed = is_c & (
        (shift_in(sep, -1, "sid") & shift_in(is_c, -2, "sid")).fill_null(False)
        | (shift_in(sep, 1, "sid") & shift_in(is_c, 2, "sid")).fill_null(False)
    )
    after_origin = pl.col("low").is_in(origin_words).cast(pl.Int32).cum_sum().over("sid") > 0
    return (
        tl.filter(listed & after_origin)
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("iso2").unique(maintain_order=True).alias("_listed"))
        .filter(pl.col("_listed").list.len() >= 3)
    )
