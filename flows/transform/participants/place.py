"""Where each meeting took place, and so its host country."""

from __future__ import annotations

import re

import polars as pl

from flows.transform import venue
from flows.transform.asides import aside_starts
from flows.transform.frames import can_match, shift_in
from flows.transform.participants.context import Shared, postmodifies, premodifies

# "following Fuzhou Mayor C's visit to Johor": how many tokens may stand between a preposition of
# another time and the place (the visitor's description, the visit word, "to")
PAST_VISIT_REACH = 8


def meeting_place(ctx: Shared, parts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Where each meeting took place, and the host country it gives.

    Takes parts (one row per participant per meeting) from `with_members`.
    Returns (parts, where): where one row per meeting (article_id, location, host_country), the
    first of: the place the lede states, a visit's destination, a diplomat's posting, the
    dateline, the headline's destination, a foreign mission, a SAR, a local lead's home, the
    place named most, the corpus prior; parts, same grain, with where joined by article_id."""
    meetings = ctx.meetings
    sentences = ctx.sentences
    refs = ctx.refs
    t = ctx.t
    attached = ctx.attached
    home_countries = ctx.home_countries
    cues = ctx.cues
    asides = ctx.asides
    headlines = ctx.headlines
    lede = ctx.lede
    lede_names = ctx.lede_names
    # Where the meeting took place: a place named after "in" in the lede that describes nobody,
    # else the place mentioned most often in the article.
    # (also in a summary of the trip before the lede: "..., holding talks with city leaders in London")
    lede_and_summary = pl.concat(
        [
            lede.select("article_id", pl.col("lede_sid").alias("sid")),
            meetings.select("article_id", pl.col("summary_sids").alias("sid")).explode("sid").drop_nulls(),
        ]
    )
    visit_words = cues.get("visit_word", [])
    # ("following", "after"; a two-word one by both its words: "ahead of", "prior to")
    past_preps = cues.get("past_visit_preposition", [])

    def past_prep_at(k: int) -> pl.Expr:
        word = lambda j: shift_in(pl.col("low"), j, "sid")  # noqa: E731
        hit = word(k).is_in([p for p in past_preps if " " not in p])
        for p in (p for p in past_preps if len(p.split()) == 2):
            first, last = p.split()
            hit = hit | ((word(k) == last) & (word(k + 1) == first))
        return hit

    # "following Mayor C's visit to Johor": the place of a visit after a preposition of another
    # time (`past_visit_preposition`) is another event's, as its visitor is cited
    # (`people.cited_visitors`); neither the place the lede states nor the visit's destination
    # (issue 13a)
    prev2_low = shift_in(pl.col("low"), 2, "sid")
    past_visit_place = (
        (
            pl.col("prev_low").is_in(visit_words)
            | (pl.col("prev_low").is_in(["to", "of", "in"]) & prev2_low.is_in(visit_words))
        )
        & pl.any_horizontal([past_prep_at(k) for k in range(2, PAST_VISIT_REACH + 2)])
    ).fill_null(False)
    if asides is None:
        asides = aside_starts(t, cues)
    in_lede = (
        t.join(lede_and_summary, on="sid", how="inner", maintain_order="left")
        .with_columns(past_visit_place.alias("_past_visit"))
        # (a destination in an aside about another event is not where this meeting was: "A met B
        # on Wednesday, returning the visit paid to Penang by C last year"; issue 13a. "in
        # Changsha" there may still be the city both events share: "ahead of the expo, which will
        # take place in Changsha")
        .join(asides, on="sid", how="left", maintain_order="left")
        .filter(
            ~(
                (pl.col("pos") > pl.col("aside_pos"))
                & (pl.col("pos") < pl.col("aside_end"))
                & (pl.col("prev_low") == "to")
            ).fill_null(False)
        )
        .drop("aside_pos", "aside_end")
        .with_columns(
            shift_in(pl.col("tok"), 2, "sid").alias("_prev2"),
            # "a delegation from Jinhua City in China's Zhejiang Province": a place or country
            # after "in" right after a place of its own country says where that place lies, not
            # where the meeting was (issue 14d)
            # (the place may close with an office word: "Jinhua City", "Kunming Municipality";
            # not after a comma: "B, Vice Governor of Russia's Khabarovsk Krai, in Khabarovsk")
            (
                (pl.col("prev_low") == "in")
                & shift_in(pl.col("tok"), 2, "sid").str.contains(r"^\p{L}")
                & pl.any_horizontal(
                    [
                        shift_in(pl.col("lab"), k, "sid").is_in(["place", "country"])
                        & (shift_in(pl.col("iso2"), k, "sid") == pl.col("iso2"))
                        for k in (2, 3)
                    ]
                )
            )
            .fill_null(False)
            .alias("_locates_place"),
        )
        .filter(~pl.col("_locates_place"))
        .join(
            attached.with_columns(pl.lit(True).alias("_attached")),
            on=["sid", "chain"],
            how="left",
            maintain_order="left",
        )
        # "in Shanghai" that describes nobody, or set off by a comma after a description
        # ("X, Governor of Nairobi City County, in Nairobi, Kenya"); not "Consul General in Shanghai"
        # ("in Hong Kong", "in Singapore": a country or region named as the place, when no city is)
        .filter(
            (
                (pl.col("lab") == "place")
                & pl.col("prev_low").is_in(["in", "to", "at"])
                & (pl.col("_attached").is_null() | (pl.col("_prev2") == ","))
            )
            # "hosted B at the Auckland Town Hall": a place naming the building of the meeting
            | (
                (pl.col("lab") == "place")
                & (pl.col("prev_low") == "the")
                & (pl.col("_prev2") == "at")
                & (pl.col("span_start") == pl.col("pos"))
                & pl.col("_attached").is_null()
            )
            | (
                (pl.col("lab") == "country")
                & (pl.col("prev_low") == "in")
                & (pl.col("span_start") == pl.col("pos"))
                & pl.col("_attached").is_null()
            )
        )
        # (not where the guests are based: "consuls general from 22 countries based in Hong Kong"
        # came from there; `firm_seat_word` in cues.csv)
        .filter(~pl.col("_prev2").str.to_lowercase().is_in(cues.get("firm_seat_word", [])).fill_null(False))
        # (nor where a guest's institution stands: "... of the Royal Conservatory in Brussels, on
        # Monday", `people._institution_seat`)
        .filter(~pl.col("_inst_seat").fill_null(False) if "_inst_seat" in t.columns else pl.lit(True))
        .filter(~pl.col("_past_visit"))
        .sort(pl.col("lab") != "place", maintain_order=True)
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("value").first().alias("stated_place"), pl.col("iso2").first().alias("stated_iso2"))
    )
    # "during his visit to Argentina", "who is visiting Singapore": the destination of a visit
    # named in the lede is where the meeting took place (a country as well as a city); not a place
    # describing the visitor ("visiting Cebu City Mayor X" comes from there)
    # (also a sentence before the lede naming one of its people: "A Chongqing delegation led by
    # Mayor R visited Hungary and Serbia this week. ... On Tuesday, R met with Mayor of Budapest S";
    # not a visit of somebody else: "In 2018, then mayor Z visited Rotterdam")
    up_to_lede = pl.concat(
        [
            lede.select(pl.col("lede_sid").alias("sid")),
            refs.join(lede_names, on=["article_id", "name"], how="inner")
            .join(meetings.select("article_id", "lede_sent"), on="article_id", how="inner")
            .filter(pl.col("sent_no") < pl.col("lede_sent"))
            .select("sid"),
        ]
    ).unique()

    # (a visit told in an aside about another event is no destination of this meeting: "..., seven
    # months after Prime Minister A's visit to Beijing")
    destination = (
        t.join(up_to_lede, on="sid", how="inner", maintain_order="left")
        .join(asides, on="sid", how="left", maintain_order="left")
        .filter(
            ~((pl.col("pos") > pl.col("aside_pos")) & (pl.col("pos") < pl.col("aside_end"))).fill_null(False)
        )
        .with_columns(shift_in(pl.col("low"), 2, "sid").alias("_prev2"))
        .with_columns(
            # (the place, one or two words, right before a title; or before a body of visitors:
            # "the visiting Auckland delegation", "visiting Cebu business delegation")
            (
                (shift_in(pl.col("lab"), -1, "sid") == "title")
                | (
                    (shift_in(pl.col("lab"), -1, "sid") == pl.col("lab"))
                    & (shift_in(pl.col("lab"), -2, "sid") == "title")
                )
                | shift_in(pl.col("low"), -1, "sid").is_in(cues.get("visitor_noun", []))
                | (
                    shift_in(pl.col("tok"), -1, "sid").str.contains(r"^\p{Ll}+$")
                    & shift_in(pl.col("low"), -2, "sid").is_in(cues.get("visitor_noun", []))
                )
            )
            .fill_null(False)
            .alias("_before_title"),
            (
                (
                    pl.col("prev_low").is_in(visit_words)
                    | (pl.col("prev_low").is_in(["to", "of", "in"]) & pl.col("_prev2").is_in(visit_words))
                    # ("led a provincial delegation to Hungary and Serbia this week, holding talks
                    # with ...": the body of visitors sent to a place goes there, issue 14a)
                    | ((pl.col("prev_low") == "to") & pl.col("_prev2").is_in(cues.get("visitor_noun", [])))
                )
                & ~past_visit_place
            ).alias("_after_visit"),
            # ("visited Hungary and Serbia", "the United Kingdom and the Netherlands": a list of
            # places goes on through "and", commas and "the")
            (pl.col("lab").is_in(["country", "place"]) | pl.col("low").is_in(["and", ",", "the"])).alias(
                "_listy"
            ),
        )
        .with_columns((~pl.col("_listy")).cum_sum().over("sid").alias("_vrun"))
        .with_columns(
            pl.col("_after_visit").filter(pl.col("_listy")).first().over("sid", "_vrun").alias("_run_visit")
        )
        .filter(
            pl.col("lab").is_in(["country", "place"])
            & pl.col("iso2").is_not_null()
            & (pl.col("span_start") == pl.col("pos"))
            & pl.col("_run_visit").fill_null(False)
            & ~pl.col("_before_title")
        )
        .sort("article_id", "sid", "pos")
        .group_by("article_id", maintain_order=True)
        .agg(
            pl.col("value").first().alias("dest_place"),
            pl.col("iso2").first().alias("dest_iso2"),
            pl.col("sid").first().alias("_dest_sid"),
        )
        # (told before the lede: the trip's summary, "concluded a visit to the Greater Bay Area")
        .join(lede.select("article_id", "lede_sid"), on="article_id", how="left", maintain_order="left")
        .with_columns((pl.col("_dest_sid") != pl.col("lede_sid")).fill_null(False).alias("_dest_before"))
        .drop("_dest_sid", "lede_sid")
    )
    # "Ambassador of China to New Zealand X met Wellington Mayor Y": a diplomat in the lede serves
    # in the country of their posting, so the meeting is at home there, not in the prior's country
    diplomat_chains = (
        t.filter((pl.col("lab") == "title") & (pl.col("kind") == "diplomat") & pl.col("chain").is_not_null())
        .select("sid", "chain")
        .unique()
    )
    # a place of posting: the country or place right after "to" or "in" in a diplomat's description
    posted_at = (
        pl.col("lab").is_in(["country", "place"])
        & pl.col("iso2").is_not_null()
        & (pl.col("span_start") == pl.col("pos"))
        & pl.col("prev_low").is_in(["to", "in"])
    )
    posting = (
        t.join(
            lede.select("article_id", pl.col("lede_sid").alias("sid")),
            on="sid",
            how="inner",
            maintain_order="left",
        )
        .join(diplomat_chains, on=["sid", "chain"], how="inner", maintain_order="left")
        .filter(posted_at)
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("iso2").unique().alias("_postings"))
        .filter(pl.col("_postings").list.len() == 1)
        .select("article_id", pl.col("_postings").list.first().alias("posting_iso2"))
    )
    # "Zhou, Consul General of the People's Republic of China in Vancouver, accompanied the
    # visitors": a diplomat taking part anywhere in the meeting serves where the meeting is (a
    # consul general in their district, an ambassador in the country of posting), when the meeting
    # has no place stated: a weaker sign than a place, a stronger one than the corpus prior
    taking_part = parts.select("article_id", "sid").unique()
    part_posting = (
        t.join(taking_part.select("sid"), on="sid", how="inner", maintain_order="left")
        .join(diplomat_chains, on=["sid", "chain"], how="inner", maintain_order="left")
        .filter(posted_at)
        .join(taking_part, on="sid", how="inner", maintain_order="left")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("iso2").unique().alias("_postings"))
        .filter(pl.col("_postings").list.len() == 1)
        .select("article_id", pl.col("_postings").list.first().alias("part_posting_iso2"))
    )
    # Only places that start their span count (a multi-word place is one mention).
    # (Hong Kong, Macao: regions that are their own city, the home countries after the first)
    city_regions = pl.col("iso2").is_in(home_countries[1:]) & (pl.col("lab") == "country")
    place_rows = t.filter(
        ((pl.col("lab") == "place") | city_regions) & (pl.col("span_start") == pl.col("pos"))
    ).join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
    # "met with a delegation from Jiangsu Province, China": where the visitors come from
    # (`visitor_noun` + "from"; not "speaking from Wuhan") is not, with no place stated, the
    # meeting's place
    visitor_nouns = cues.get("visitor_noun", [])
    lede_t = t.join(
        lede.select(pl.col("lede_sid").alias("sid")), on="sid", how="inner", maintain_order="left"
    )
    # (read only when a lede holds a visitor noun, which each of the three needs in its sentence)
    origin = pl.DataFrame(schema={"article_id": sentences.schema["article_id"], "_origin": t.schema["iso2"]})
    if lede_t.select(pl.col("low").is_in(visitor_nouns).any()).item():
        origin = (
            lede_t.filter(
                pl.col("lab").is_in(["country", "place"])
                & pl.col("iso2").is_not_null()
                & (pl.col("span_start") == pl.col("pos"))
                & (
                    # (also "a delegation of Tianjin Municipality": a place right after "of")
                    (
                        pl.col("prev_low").is_in(["from", "of"])
                        & shift_in(pl.col("low"), 2, "sid").is_in(visitor_nouns)
                    )
                    # "met with a Sao Paulo business delegation": a place naming the visitors
                    | premodifies(visitor_nouns)
                    # "a delegation of the Brazilian state of Sao Paulo"
                    | postmodifies(visitor_nouns)
                )
            )
            .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
            .select("article_id", pl.col("iso2").alias("_origin"))
            .unique(maintain_order=True)
        )
    # "Mayor A met B, Lord Mayor of Gothenburg": with a subject of the lede holding no place and no
    # country of their own (the home paper's own official), the foreign place in the description of
    # a lead named after the verb is where that visitor comes from, not where they met
    lede_leads = parts.filter(pl.col("_in_lede").fill_null(False) & ~pl.col("is_member").fill_null(False))
    bare_subject = (
        lede_leads.filter(
            pl.col("before_verb").fill_null(False) & pl.col("place").is_null() & pl.col("country").is_null()
        )
        .select("article_id")
        .unique()
    )
    described_origin = (
        lede_leads.join(bare_subject, on="article_id", how="inner")
        .filter(
            ~pl.col("before_verb").fill_null(True)
            & pl.col("place").is_not_null()
            & pl.col("country").is_not_null()
            & ~pl.col("country").is_in(home_countries)
        )
        .select("article_id", pl.col("country").alias("_origin"))
    )
    origin = pl.concat([origin, described_origin]).unique(maintain_order=True)
    common_place = (
        place_rows.join(
            origin, left_on=["article_id", "iso2"], right_on=["article_id", "_origin"], how="anti"
        )
        .group_by("article_id", "value", "iso2", maintain_order=True)
        .agg(pl.len().alias("n"), (pl.col("sid") * 1_000_000 + pl.col("pos")).min().alias("first_sid"))
        # with no stated place, a place in a home country (reference prior: the first listed, the
        # mainland, before the others, the SARs) hosts, then the most named
        .with_columns(
            pl.col("iso2")
            .replace_strict({c: min(i, 1) for i, c in enumerate(home_countries)}, default=2)
            .alias("home_rank")
        )
        .sort(["article_id", "home_rank", "n", "first_sid"], descending=[False, False, True, False])
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("value").first().alias("common_place"), pl.col("iso2").first().alias("common_iso2"))
    )
    # (where a diplomat is posted, the place of that country the article names most)
    posted_place = (
        place_rows.group_by("article_id", "value", "iso2", maintain_order=True)
        .agg(pl.len().alias("n"), (pl.col("sid") * 1_000_000 + pl.col("pos")).min().alias("first_sid"))
        .sort(["article_id", "n", "first_sid"], descending=[False, True, False])
        .unique(subset=["article_id", "iso2"], keep="first", maintain_order=True)
        .select("article_id", pl.col("iso2").alias("posting_iso2"), pl.col("value").alias("posted_place"))
    )
    # a video call has no meeting place: a city in its lede is where one side sat ("with Delmas
    # speaking from Bordeaux"), so the corpus prior decides
    remote = meetings.filter(
        pl.col("verb_value").fill_null("").is_in(cues.get("remote_meeting_verb", []))
    ).select("article_id")
    in_lede = in_lede.join(remote, on="article_id", how="anti", maintain_order="left")
    # a trip abroad told by its dateline ("ALMATY -- ...") or by a local time ("on July 2 local time")
    framed = (
        venue.dateline_places(sentences, t, meetings.select("article_id", "lede_sent"))
        .join(remote, on="article_id", how="anti", maintain_order="left")
        .join(
            venue.abroad_places(
                t, lede.select("article_id", pl.col("lede_sid").alias("sid")), home_countries, cues
            ),
            on="article_id",
            how="full",
            coalesce=True,
        )
    )
    # "Shanghai mayor visits Hamburg" (the headline): the destination of a visit the headline
    # states, a place or country the article names, is where the meeting took place when the lede
    # states none ("Klaus Rieger, First Mayor of Hamburg, met Shanghai Mayor Gong Lin")
    headline_dest = _headline_destination(t, sentences, headlines, cues.get("visit_word", []))
    # "A met French Ambassador B at the French Embassy in Beijing": a foreign mission the lede names
    # as where they met ("at the French Embassy", "at the Embassy of Japan": `mission_noun` with its
    # country) is that country's ground, whatever city it stands in
    mission_at = _mission_country(t, lede, cues.get("mission_noun", []))
    sar = sar_home(parts, place_rows, home_countries)
    local_homes = _local_leads_homes(parts, t)
    # "A met Vancouver Mayor B at City Hall": a civic venue (`civic_venue`) is the ground of the
    # one lede lead who governs a city, whoever is named first (issue 14d)
    civic = _civic_venue_home(parts, t, lede, cues.get("civic_venue", []))
    where = (
        meetings.select("article_id")
        .join(in_lede, on="article_id", how="left", maintain_order="left")
        .join(destination, on="article_id", how="left", maintain_order="left")
        .join(framed, on="article_id", how="left", maintain_order="left")
        .join(headline_dest, on="article_id", how="left", maintain_order="left")
        .join(mission_at, on="article_id", how="left", maintain_order="left")
        .join(civic, on="article_id", how="left", maintain_order="left")
        .join(common_place, on="article_id", how="left", maintain_order="left")
        .join(sar, on="article_id", how="left", maintain_order="left")
        .join(
            _unless_elsewhere(posting, local_homes, "posting_iso2"),
            on="article_id",
            how="left",
            maintain_order="left",
        )
        .join(posted_place, on=["article_id", "posting_iso2"], how="left", maintain_order="left")
        .join(
            _unless_elsewhere(part_posting, local_homes, "part_posting_iso2"),
            on="article_id",
            how="left",
            maintain_order="left",
        )
        # (a home city's official, the corpus prior: "Mayor of Gothenburg A held talks with
        # Shanghai Vice Mayor B" is still the visiting mayor's meeting in Shanghai)
        .join(
            local_homes.filter(pl.col("_local_iso2").is_in(home_countries)),
            on="article_id",
            how="left",
            maintain_order="left",
        )
        .join(
            posted_place.rename({"posting_iso2": "part_posting_iso2", "posted_place": "part_posted_place"}),
            on=["article_id", "part_posting_iso2"],
            how="left",
            maintain_order="left",
        )
        # "concluded a visit to the Greater Bay Area ... On Monday, in Macao, A met B": a stop the
        # lede states in another country or region than the trip's summary names is where this
        # meeting was (issue 14d)
        .with_columns(
            pl.when(
                pl.col("_dest_before")
                & pl.col("stated_iso2").is_not_null()
                & (pl.col("stated_iso2") != pl.col("dest_iso2"))
            )
            .then(None)
            .otherwise(pl.col("dest_iso2"))
            .alias("dest_iso2")
        )
        .with_columns(
            pl.coalesce(
                "stated_place",
                "dest_place",
                "civic_place",
                "posted_place",
                "dateline_place",
                "abroad_place",
                "headline_place",
                "sar_place",
                "_local_place",
                "part_posted_place",
                "common_place",
            ).alias("location"),
            pl.coalesce(
                "mission_iso2",
                "dest_iso2",
                "civic_iso2",
                "posting_iso2",
                "stated_iso2",
                "dateline_iso2",
                "abroad_iso2",
                "headline_iso2",
                "sar_iso2",
                "_local_iso2",
                "part_posting_iso2",
                "common_iso2",
                pl.lit(home_countries[0] if home_countries else None, dtype=pl.String),
            ).alias("host_country"),
        )
        .select("article_id", "location", "host_country")
    )
    parts = parts.join(where, on="article_id", how="left", maintain_order="left")
    return parts, where


def _headline_destination(
    t: pl.DataFrame, sentences: pl.DataFrame, headlines: pl.DataFrame | None, visit_words: list[str]
) -> pl.DataFrame:
    """(article_id, headline_place, headline_iso2): the place or country right after a visit word
    of the headline ("visits Hamburg", "visit to Germany"; not "visiting", which describes the
    visitor: "meets visiting Hamburg mayor"), when the article's text names it too."""
    empty = pl.DataFrame(
        schema={"article_id": pl.String, "headline_place": pl.String, "headline_iso2": pl.String}
    )
    words = [w for w in visit_words if not w.endswith("ing")]
    if headlines is None or not words:
        return empty
    # (the pattern, of letter classes under a counted repeat, is read only when some headline holds
    # a visit word and a space, which every match needs: frames.can_match)
    if not can_match(headlines, "headline", r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\s"):
        return empty
    rx = (
        r"(?i)\b(?:"
        + "|".join(re.escape(w) for w in words)
        + r")(?:\s+(?:to|in))?\s+(?:the\s+)?(\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,3})"
    )
    stated = headlines.select(
        "article_id", pl.col("headline").str.extract(rx, 1).str.to_lowercase().alias("_hd")
    ).drop_nulls()
    named = (
        t.filter(
            pl.col("lab").is_in(["place", "country"])
            & pl.col("iso2").is_not_null()
            & (pl.col("span_start") == pl.col("pos"))
        )
        .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .select("article_id", "value", "iso2")
        .unique(maintain_order=True)
    )
    return (
        named.join(stated, on="article_id", how="inner")
        .filter(
            (pl.col("_hd") == pl.col("value").str.to_lowercase())
            | pl.col("_hd").str.starts_with(pl.col("value").str.to_lowercase() + " ")
            # (the place closing the words after the visit word: "visits sister city Kitakyushu",
            # "visits City of London"; issue 12c)
            | pl.col("_hd").str.ends_with(" " + pl.col("value").str.to_lowercase())
        )
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("value").first().alias("headline_place"), pl.col("iso2").first().alias("headline_iso2"))
    )


def _place_countries(t: pl.DataFrame, alias: str) -> pl.DataFrame:
    """(place, <alias>): one country per place labelled in the articles' tokens (the first in
    order when a name is read with two)."""
    return (
        t.filter((pl.col("lab") == "place") & pl.col("iso2").is_not_null())
        .select(pl.col("value").alias("place"), pl.col("iso2").alias(alias))
        .sort("place", alias)
        .unique(subset=["place"], keep="first", maintain_order=True)
    )


def _local_leads_homes(parts: pl.DataFrame, t: pl.DataFrame) -> pl.DataFrame:
    """(article_id, _local_iso2, _local_place): the place a lede lead before the meeting verb
    governs ("Shenzhen Mayor X met ...", "Kunshan Party Secretary Y met with a delegation of the
    Kunshan Taiwan Business Association"): a city's own official, as the verb's subject, receives
    at home there when nothing in the lede says otherwise, even where the visitors' body is named
    after that city."""
    place_iso2 = _place_countries(t, "_local_iso2")
    return (
        parts.filter(
            ~pl.col("is_member")
            & pl.col("_in_lede").fill_null(False)
            & pl.col("before_verb").fill_null(False)
            & (pl.col("title_kind") == "local_gov")
            & pl.col("place").is_not_null()
        )
        .join(place_iso2, on="place", how="inner", maintain_order="left")
        .select("article_id", "_local_iso2", pl.col("place").alias("_local_place"))
        .unique(maintain_order=True)
        # (one home among the subjects: "First Minister A and Shandong Vice Governor B" names both)
        .filter(pl.len().over("article_id") == 1)
    )


def _civic_venue_home(
    parts: pl.DataFrame, t: pl.DataFrame, lede: pl.DataFrame, venues: list[str]
) -> pl.DataFrame:
    """(article_id, civic_place, civic_iso2): "A met Vancouver Mayor B at City Hall", "B received A
    at the town hall": a civic venue after "at" ("at the") in the lede is the seat of a city's
    government, so the meeting is at home for the one lede lead who governs a city (`local_gov`,
    a place of a known country); none when two local leads sit on the lede, with or without a place."""
    schema = {"article_id": pl.String, "civic_place": pl.String, "civic_iso2": pl.String}
    if not venues:
        return pl.DataFrame(schema=schema)
    tl = t.join(
        lede.select("article_id", pl.col("lede_sid").alias("sid")),
        on="sid",
        how="inner",
        maintain_order="left",
    )
    hit = pl.lit(False)
    for v in venues:
        words = v.split()
        n = len(words)
        # ("at" right before the venue's first word, or before "the")
        at = (shift_in(pl.col("low"), n, "sid") == "at") | (
            (shift_in(pl.col("low"), n, "sid") == "the") & (shift_in(pl.col("low"), n + 1, "sid") == "at")
        )
        match = pl.col("low") == words[-1]
        for k, w in enumerate(reversed(words[:-1]), start=1):
            match = match & (shift_in(pl.col("low"), k, "sid") == w)
        hit = hit | (match & at).fill_null(False)
    at_venue = tl.filter(hit).select("article_id").unique()
    place_iso2 = _place_countries(t, "civic_iso2")
    # (the one local lead of the lede: "Mayor A met Mayor B of Ningbo at City Hall" names two, and
    # the hall is not known to be B's)
    return (
        parts.filter(
            ~pl.col("is_member") & pl.col("_in_lede").fill_null(False) & (pl.col("title_kind") == "local_gov")
        )
        .join(at_venue, on="article_id", how="semi")
        .filter((pl.col("name").n_unique().over("article_id") == 1) & pl.col("place").is_not_null())
        .join(place_iso2, on="place", how="inner", maintain_order="left")
        .select("article_id", pl.col("place").alias("civic_place"), "civic_iso2")
        .unique(maintain_order=True)
        .filter(pl.len().over("article_id") == 1)
    )


def _mission_country(t: pl.DataFrame, lede: pl.DataFrame, missions: list[str]) -> pl.DataFrame:
    """(article_id, mission_iso2): the country of a foreign mission the lede names after "at" ("at
    the French Embassy", "at the Consulate General of Japan", "at the Japanese Consul General's
    residence" is none: a mission noun right after the country or "of" it)."""
    if not missions:
        return pl.DataFrame(schema={"article_id": pl.String, "mission_iso2": pl.String})
    nation = pl.col("lab").is_in(["demonym", "country"]) & pl.col("iso2").is_not_null()
    tl = t.join(
        lede.select("article_id", pl.col("lede_sid").alias("sid")), on="sid", how="inner"
    ).with_columns(nation.alias("_nation"))
    before = (
        shift_in(pl.col("_nation"), 1, "sid")
        & (shift_in(pl.col("low"), 2, "sid") == "the")
        & (shift_in(pl.col("low"), 3, "sid") == "at")
    )
    # ("at the Embassy of France", "at the Consulate General of Japan")
    after = lambda k: (  # noqa: E731
        (shift_in(pl.col("low"), 1, "sid") == "the")
        & (shift_in(pl.col("low"), 2, "sid") == "at")
        & (shift_in(pl.col("low"), -k, "sid") == "of")
        & shift_in(pl.col("_nation"), -(k + 1), "sid")
    )
    return (
        tl.with_columns(
            pl.coalesce(
                pl.when(before.fill_null(False)).then(shift_in(pl.col("iso2"), 1, "sid")),
                pl.when(after(1).fill_null(False)).then(shift_in(pl.col("iso2"), -2, "sid")),
                pl.when(after(2).fill_null(False)).then(shift_in(pl.col("iso2"), -3, "sid")),
            ).alias("mission_iso2")
        )
        .filter(pl.col("low").is_in(missions))
        .drop_nulls("mission_iso2")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("mission_iso2").first())
    )


def _unless_elsewhere(posting: pl.DataFrame, local_homes: pl.DataFrame, col: str) -> pl.DataFrame:
    """A diplomat's posting as the meeting's country ("Consul General of Germany in Hong Kong"),
    unless a lede lead is a city's official of another country ("Shenzhen Mayor X met ..."): a
    consul general based in Hong Kong calling on a mainland mayor is received in the mayor's city."""
    elsewhere = (
        posting.join(local_homes, on="article_id", how="inner", maintain_order="left")
        .filter(pl.col("_local_iso2") != pl.col(col))
        .select("article_id")
        .unique()
    )
    return posting.join(elsewhere, on="article_id", how="anti", maintain_order="left")


def sar_home(parts: pl.DataFrame, place_rows: pl.DataFrame, home_countries: list[str]) -> pl.DataFrame:
    """(article_id, sar_iso2, sar_place): "Macau Chief Executive X met with ...", "The Chief
    Executive, Mr X, met ...": a lead of the lede who heads a SAR (the home regions after the
    first) receives at home there, however often the mainland is named. The SAR is the lead's
    country, else (a Chief Executive of no body and no place) the SAR the article names most."""
    sars = home_countries[1:]
    named = (
        place_rows.filter(pl.col("iso2").is_in(sars))
        .group_by("article_id", "iso2", maintain_order=True)
        .agg(pl.len().alias("_n"), pl.col("value").first().alias("_place"))
        .sort(["article_id", "_n"], descending=[False, True], maintain_order=True)
    )
    most = named.unique(subset=["article_id"], keep="first", maintain_order=True).select(
        "article_id", pl.col("iso2").alias("_most"), pl.col("_place").alias("_most_place")
    )
    # (the subject of the lede's verb: "Guangdong Governor X met with Hong Kong Chief Executive Y"
    # is the Chief Executive's visit)
    leads = parts.filter(
        ~pl.col("is_member") & pl.col("_in_lede").fill_null(False) & pl.col("before_verb").fill_null(False)
    )
    head = (
        leads.filter(
            pl.col("country").is_in(sars)
            | (
                (pl.col("title") == "Chief Executive")
                & pl.col("org").is_null()
                & pl.col("country").is_null()
                & pl.col("place").is_null()
            )
        )
        .join(most, on="article_id", how="left", maintain_order="left")
        .select("article_id", pl.coalesce("country", "_most").alias("sar_iso2"))
        .drop_nulls()
        .unique(maintain_order=True)
    )
    return (
        head.filter(pl.len().over("article_id") == 1)
        .join(
            named.select("article_id", pl.col("iso2").alias("sar_iso2"), pl.col("_place").alias("sar_place")),
            on=["article_id", "sar_iso2"],
            how="left",
            maintain_order="left",
        )
        .select("article_id", "sar_iso2", "sar_place")
    )
