"""The country of each participant, decided from all the evidence gathered before."""

from __future__ import annotations

import polars as pl

from flows.transform import venue
from flows.transform.frames import shift_in
from flows.transform.participants.context import Shared, postmodifies, premodifies


def participant_countries(
    ctx: Shared, parts: pl.DataFrame, foreign: pl.DataFrame, where: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The country of each participant, from what they state, the place of their
    sentence, the guest side's evidence and their lead; and the chief-executive title.

    Takes parts (one row per participant per meeting), `foreign` of `guest_country_evidence`
    and `where` (one row per meeting). Returns (parts, where), same grains; where gains
    _lede_foreign."""
    flags = ctx.flags
    t = ctx.t
    attached = ctx.attached
    home_countries = ctx.home_countries
    cues = ctx.cues
    intl = pl.col("org_kind").fill_null("") == "intl_org"
    gov = pl.col("title_kind").is_in(["local_gov", "national_gov", "legislature"])
    parts = parts.join(
        _origin_places(t, cues.get("origin_word", []), cues.get("visitor_noun", [])),
        on="sid",
        how="left",
        maintain_order="left",
    ).join(
        flags.select("sid", pl.col("has_sep").alias("_sep_sent")), on="sid", how="left", maintain_order="left"
    )
    parts = parts.join(
        venue.sentence_places(t, parts.select("sid").drop_nulls().unique(), attached),
        on="sid",
        how="left",
        maintain_order="left",
    )
    stated_country = pl.col("country").is_not_null()
    parts = parts.with_columns(stated_country.alias("_stated_c")).with_columns(
        pl.when(intl)
        .then(None)
        .when(pl.col("country").is_not_null())
        .then(pl.col("country"))
        # "met separately with A, chairman of the Kaohsiung Fishermen's Association, and B, general
        # manager of the Taichung ... Cooperative": a guest lead whose own description names a place
        # abroad (their body's own, not a firm's branch after its name) comes from that place's
        # country, at one of separate meetings too (issue 15c)
        .when(
            (pl.col("side") == "guest")
            & (pl.col("role") == "lead")
            & pl.col("place").is_not_null()
            & (pl.col("_place_iso2") != pl.col("home").fill_null("")).fill_null(False)
            & ~pl.col("_branch_place").fill_null(False)
        )
        .then(pl.col("_place_iso2"))
        # "On Sunday, Qian was in Munich, where he held talks with the city's Deputy Mayor X": a
        # host leading a later meeting of the trip is at home where that meeting's sentence places it
        .when(
            (pl.col("side") == "host")
            & (pl.col("role") == "lead")
            & ~pl.col("_in_lede").fill_null(False)
            & pl.col("sentence_iso2").is_not_null()
        )
        .then(pl.col("sentence_iso2"))
        .when(pl.col("side") == "host")
        .then(pl.col("home"))
        .when(
            (pl.col("side") == "guest")
            & ((pl.col("title_kind") == "business") | ((pl.col("title_kind") == "head") & ~intl))
            & pl.col("_own_firm_nation").is_not_null()
        )
        .then(pl.col("_own_firm_nation"))
        # "executives of three German companies: A, president of Bosch China, B, CEO of Infineon
        # Technologies Wuxi, ...": the nationality a plural group of firms is given in the guest's
        # own sentence (`_group_nation`, issue 14b)
        .when(
            (pl.col("side") == "guest")
            & ((pl.col("title_kind") == "business") | ((pl.col("title_kind") == "head") & ~intl))
            & pl.col("_group_nation").is_not_null()
        )
        .then(pl.col("_group_nation"))
        # "Ma met A, CEO of Volkswagen Group China ... welcomed the German carmaker to invest": the
        # officer leading the guests of the one firm on that side takes the one foreign nationality
        # the article gives a firm noun
        .when(
            (pl.col("title_kind") == "business")
            & (pl.col("role") == "lead")
            & (pl.col("side") == "guest")
            & pl.col("org").is_not_null()
            & pl.col("_firm_nation").is_not_null()
            & (
                pl.col("org")
                .filter((pl.col("role") == "lead") & (pl.col("side") == "guest"))
                .n_unique()
                .over("article_id")
                == 1
            )
            & (
                pl.col("name")
                .filter((pl.col("role") == "lead") & (pl.col("side") == "guest"))
                .n_unique()
                .over("article_id")
                == 1
            )
        )
        .then(pl.col("_firm_nation"))
        # "Guillaume Ferrand, chief executive officer of Airbus China": a firm heading its own side
        # stated no country, and another guest's is not its (ANNOTATION.md: null)
        # (a chair may head a people's committee or an association: only firms' officers, and the
        # chair of a body listed as a company: "Niamh Gallagher, global chairman of PwC")
        .when(
            (pl.col("title_kind") == "business")
            & (~pl.col("title").is_in(["Chairman", "Vice Chairman"]) | (pl.col("org_kind") == "company"))
            & pl.col("org").is_not_null()
            & (
                (pl.col("role") == "lead")
                # ("B, chief executive officer of Standard Chartered China, accompanied him": an
                # officer of the firm a guest lead of no stated country heads is of no other
                # guest's country either; "Basel-based Rheinberg Pharma" states its people's)
                | (
                    (pl.col("side") == "guest")
                    & pl.col("org")
                    .is_in(
                        pl.col("org")
                        .filter(
                            (pl.col("role") == "lead")
                            & (pl.col("side") == "guest")
                            & pl.col("country").is_null()
                        )
                        .implode()
                    )
                    .over("article_id")
                )
            )
        )
        .then(None)
        # "Xie met with a delegation from the Malaysian state of Sarawak led by its Premier, A": a
        # guest lead comes from the foreign place their own sentence names after an origin word,
        # whatever the other meetings' guests come from
        .when(
            (pl.col("side") == "guest")
            & (pl.col("role") == "lead")
            & (pl.col("_origin_iso2") != pl.col("home").fill_null("")).fill_null(False)
        )
        .then(pl.col("_origin_iso2"))
        # ("met separately with A, CEO of Italian automaker X, and B, president of payments company
        # Y": a guest met in one of separate meetings has no share in the other guest's country; the
        # visitor holding them all, before the verb, still does)
        # (but "met Belgian Ambassador A and Consul General B respectively": a diplomat listed with
        # no body of their own shares the one guest country of the diplomats met, ANNOTATION.md)
        .when(
            (pl.col("_n_guest_c") == 1)
            & ~(
                (pl.col("role") == "lead")
                & pl.col("_sep_sent").fill_null(False)
                & ~pl.col("before_verb").fill_null(True)
                & ~((pl.col("title_kind") == "diplomat") & pl.col("org").is_null()).fill_null(False)
            )
        )
        .then(pl.col("_guest_c"))
        .when(
            (pl.col("side") == "guest")
            & (pl.col("role") == "lead")
            & (pl.col("_n_guest_c") == 0)
            & (pl.col("_seat_c") != pl.col("home").fill_null("")).fill_null(False)
        )
        .then(pl.col("_seat_c"))
        .when((pl.col("role") == "lead") & (pl.col("_n_guest_c") == 0) & pl.col("_firm_nation").is_not_null())
        .then(pl.col("_firm_nation"))
        .when((pl.col("title_kind") == "diplomat") & (pl.col("_n_guest_c") == 0))
        .then(pl.col("_foreign_most"))
        .when(gov & (pl.col("role") == "lead") & (pl.col("_n_guest_c") == 0))
        .then(pl.col("_foreign_place_most"))
        .alias("country")
    )
    parts = _deputy_country(parts)
    # "Chief Executive" heads a SAR (the home regions after the first, HK and MO); anybody else's
    # chief executive (of a body named, or from another country) is a firm's or agency's CEO
    # (ANNOTATION.md)
    parts = parts.with_columns(
        pl.when(
            (pl.col("title") == "Chief Executive")
            & (
                pl.col("org").is_not_null()
                | (pl.col("country").is_not_null() & ~pl.col("country").is_in(home_countries[1:]))
            )
        )
        .then(pl.lit("CEO"))
        .otherwise(pl.col("title"))
        .alias("title")
    )
    # ("a visiting delegation of the Lagos State House of Assembly" with no one named: the guest
    # side's country all the same)
    where = where.join(foreign, on="article_id", how="left", maintain_order="left")
    # ... and so do the members of the side that lead heads alone
    guest_c = pl.col("country").filter(pl.col("side") == "guest").drop_nulls()
    parts = parts.with_columns(
        pl.when(
            pl.col("country").is_null()
            & ~intl
            & (pl.col("side") == "guest")
            & (pl.col("_n_guest_c") == 0)
            & (guest_c.n_unique().over("article_id") == 1)
        )
        .then(guest_c.first().over("article_id"))
        .otherwise(pl.col("country"))
        .alias("country")
    )
    # "Hyun ... She was accompanied by Prof. Oh, the company's chief scientific officer": a visitor
    # of no country of their own accompanying one guest lead comes from that lead's country (when
    # the guests come from several)
    beside_c = parts.filter(~pl.col("is_member") & (pl.col("side") == "guest")).select(
        "article_id", pl.col("name").alias("_beside_lead"), pl.col("country").alias("_beside_c")
    )
    parts = (
        parts.join(
            beside_c.unique(subset=["article_id", "_beside_lead"], keep="first", maintain_order=True),
            on=["article_id", "_beside_lead"],
            how="left",
            maintain_order="left",
        )
        .with_columns(
            pl.when(pl.col("country").is_null() & ~intl & pl.col("is_member") & (pl.col("side") == "guest"))
            .then(pl.col("_beside_c"))
            .otherwise(pl.col("country"))
            .alias("country")
        )
        .drop("_beside_c")
    )
    return parts, where


def _deputy_country(parts: pl.DataFrame) -> pl.DataFrame:
    """parts with a guest member of no stated country who is the deputy of a guest lead's office
    ("... led by its chair, A. Vice Chair B was also present") of that lead's country, when the
    leads holding the office have one; not the country of the article's other guests (a round-up's
    earlier meeting with a Japanese consul general)."""
    deputy = r"^(?:Executive Vice|Vice|Deputy) "
    principals = (
        parts.filter(~pl.col("is_member") & (pl.col("side") == "guest") & pl.col("title").is_not_null())
        .group_by("article_id", pl.col("title").alias("_base"))
        .agg(pl.col("country").unique().alias("_pcs"))
        .filter((pl.col("_pcs").list.len() == 1) & pl.col("_pcs").list.first().is_not_null())
        .select("article_id", "_base", pl.col("_pcs").list.first().alias("_principal_c"))
    )
    return (
        parts.with_columns(
            pl.when(pl.col("title").fill_null("").str.contains(deputy))
            .then(pl.col("title").str.replace(deputy, ""))
            .alias("_base")
        )
        .join(principals, on=["article_id", "_base"], how="left", maintain_order="left")
        .with_columns(
            pl.when(
                pl.col("is_member")
                & (pl.col("side") == "guest")
                & ~pl.col("_stated_c")
                & pl.col("_principal_c").is_not_null()
            )
            .then(pl.col("_principal_c"))
            .otherwise(pl.col("country"))
            .alias("country")
        )
        .drop("_base", "_principal_c", "_stated_c")
    )


def _origin_places(
    t: pl.DataFrame, origin_words: list[str], visitor_nouns: list[str] | None = None
) -> pl.DataFrame:
    """(sid, _origin_iso2): the country of the first country, nationality or place a sentence
    names right after an origin word (`origin_word`: "a delegation from the Malaysian state of
    Sarawak", "a delegation from Sarawak"), where the visitors that sentence names come from;
    so does the place opening the name of the body a delegation is of ("a delegation of the
    Taipei Computer Association": `visitor_noun`, "of", the body's place), a place or nationality
    opening a visitor noun's phrase ("The German chamber delegation was led by A"), and so does a
    chamber of a country ("a delegation of the British Chamber of Commerce in China":
    organizations.csv)."""
    prev = lambda k: shift_in(pl.col("low"), k, "sid")  # noqa: E731
    after_origin = (
        prev(1).is_in(origin_words)
        | (prev(1).is_in(["the"]) & prev(2).is_in(origin_words))
        # (the same phrases the venue leaves out as the visitors' origin)
        | postmodifies(visitor_nouns or [])
    )
    candidate = (
        (
            pl.col("lab").is_in(["country", "demonym", "place"])
            | ((pl.col("lab") == "org") & (pl.col("kind") == "chamber"))
        )
        & pl.col("iso2").is_not_null()
        & (pl.col("span_start") == pl.col("pos"))
    )
    found = t.filter(candidate & after_origin.fill_null(False)).select("sid", "pos", "iso2")
    # ("The German chamber delegation was led by A", "the Daegu delegation": a place or nationality
    # opening a visitor noun's phrase, as the venue reads it too; read only in sentences holding
    # such a noun; issue 14b)
    visitor_sids = t.filter(pl.col("low").is_in(visitor_nouns or [])).select("sid").unique()
    opening = (
        t.join(visitor_sids, on="sid", how="semi", maintain_order="left")
        .filter(candidate & premodifies(visitor_nouns or []))
        .select("sid", "pos", "iso2")
    )
    return (
        pl.concat([found, opening])
        .sort("sid", "pos")
        .group_by("sid", maintain_order=True)
        .agg(pl.col("iso2").first().alias("_origin_iso2"))
    )
