"""The side (host or guest) of each meeting's members."""

from __future__ import annotations

import polars as pl

from flows.transform.cue_patterns import phrase_regex
from flows.transform.frames import shift_in, tokens_at
from flows.transform.participants.context import Shared
from flows.transform.references import first_named_before, title_tokens

PARTY_KINDS_HOST_DEFAULT = ["local_gov", "national_gov", "official"]


def member_sides(ctx: Shared, parts: pl.DataFrame) -> pl.DataFrame:
    """The side of each member: by country, by the lead named beside them, by their
    organisation or office, by a signatory pair, by the visiting body they serve.

    Takes parts (one row per participant per meeting) from `lead_sides`; returns parts, same
    grain, with `side` and `role` (lead or member) of everyone."""
    sentences = ctx.sentences
    flags = ctx.flags
    refs = ctx.refs
    t = ctx.t
    home_countries = ctx.home_countries
    cues = ctx.cues
    lede = ctx.lede
    at_place = (
        pl.col("country").is_null()
        & pl.col("_place_iso2").is_not_null()
        & ~pl.col("_branch_place").fill_null(False)
    )
    parts = parts.join(_signatory_pair_side(parts, refs, at_place), on=["article_id", "name"], how="left")
    parts = _bare_before_home(parts, refs)
    parts = parts.join(
        _escorts_visitors(t, refs, cues), on=["article_id", "name"], how="left", maintain_order="left"
    )
    parts = _deputy_of_government(parts, cues.get("government_head", []))
    parts = parts.join(
        _remote_ledes(t, lede, cues.get("remote_meeting_noun", [])),
        on="article_id",
        how="left",
        maintain_order="left",
    ).with_columns(pl.col("_remote").fill_null(False))
    visiting_cabinet = (
        pl.col("title").str.to_lowercase().is_in(cues.get("cabinet_title", []))
        & pl.col("country").is_null()
        & pl.col("place").is_null()
        & (pl.col("home") == (home_countries[0] if home_countries else ""))
    ).fill_null(False)
    member_side = (
        # (on a trip abroad from home: the travellers' people are guests, everyone else hosts)
        pl.when(pl.col("country").is_not_null() & pl.col("_abroad"))
        .then(
            pl.when(pl.col("country").is_in(home_countries)).then(pl.lit("guest")).otherwise(pl.lit("host"))
        )
        .when(pl.col("country").is_not_null() & (pl.col("country") == pl.col("home")))
        .then(pl.lit("host"))
        .when(pl.col("country").is_not_null())
        .then(pl.lit("guest"))
        # "Vice chairman A and secretary-general B accompanied the visit": who accompanies the
        # visitors is one of them (issue 14b)
        .when(pl.col("_escorts_visitors").fill_null(False))
        .then(pl.lit("guest"))
        # "Shenzhen Vice Mayor A and Vice Governor B signed the agreement": the other signatory
        .when(pl.col("_pair_side").is_not_null())
        .then(pl.col("_pair_side"))
        # "the chamber's president": the side of the lead whose organisation has that noun
        .when(pl.col("_org_ref_side").is_not_null())
        .then(pl.col("_org_ref_side"))
        .when(pl.col("_visitor_body").fill_null(False))
        .then(pl.lit("guest"))
        # "Governor K was accompanied by Deputy Governor V": a deputy (Vice Mayor of a Mayor, Deputy
        # Governor of a Governor) accompanying the lead whose deputy they are is on that lead's side
        .when(
            pl.col("_beside").is_not_null()
            & ((pl.col("_deputy_side") == pl.col("_beside")).fill_null(False) | pl.col("_deputy_of_beside"))
        )
        .then(pl.col("_beside"))
        # "The delegation included A, B": the delegation is the visiting side
        .when(pl.col("_in_delegation"))
        .then(pl.lit("guest"))
        # "A, vice president of the AIIB, was also present": a member of a lead's organisation is
        # on that lead's side
        .when(pl.col("_org_side").is_not_null())
        .then(pl.col("_org_side"))
        # a member serving at a firm or office of the home side's place, or the guests' country's
        # (with no home country known, any other place than the guests' is the hosts')
        .when(at_place & (pl.col("_place_iso2") == pl.col("home")).fill_null(False))
        .then(pl.lit("host"))
        .when(at_place & (pl.col("_place_iso2") == pl.col("_one_guest_c")).fill_null(False))
        .then(pl.lit("guest"))
        .when(at_place & pl.col("home").is_null() & pl.col("_one_guest_c").is_not_null())
        .then(pl.lit("host"))
        # a local official with no place of their own serves the home side of these reports
        # (a Chinese host escorting a guest: "Burns was accompanied by Vice Mayor Z")
        # "Vice Governor A and the Director of the Shanghai ... Office, B, joined the call" on the
        # guests' own page (`_bare_before_home`)
        .when(pl.col("_bare_before_home"))
        .then(pl.lit("guest"))
        # "Governor A, who was joined by County Executive B, ..." at a video call: nobody escorts
        # the other side's lead when each sits at home (`remote_meeting_noun` in the lede; issue 14d)
        .when(pl.col("_remote") & pl.col("_beside").is_not_null())
        .then(pl.col("_beside"))
        # "Mr. A, Vice Governor, ... attended" where Osaka's Governor met Shanghai's Mayor: a bare
        # deputy of a government head's office is not of the side whose leads all head a
        # government of another office (a city has no vice governor; issue 15c)
        .when(pl.col("_gov_deputy_side").is_not_null())
        .then(pl.col("_gov_deputy_side"))
        .when((pl.col("title_kind") == "local_gov") & pl.col("_home_is_prior"))
        .then(pl.lit("host"))
        # "X was accompanied by Y", "Y accompanied X", "Y joined the Lord Mayor for the meeting":
        # the side of the lead named beside the member (a Hainan vice governor in Singapore)
        .when(pl.col("_beside").is_not_null())
        .then(pl.col("_beside"))
        # "Minister Counselor Song attended the meeting" on an embassy's page where Ambassador Yu
        # received the Governor: a diplomat of no country stated serves with the diplomats leading
        # one side
        .when(
            (pl.col("title_kind") == "diplomat")
            & pl.col("country").is_null()
            & pl.col("_diplomat_side").is_not_null()
        )
        .then(pl.col("_diplomat_side"))
        .when(pl.col("_of_mission") & pl.col("_diplomat_side").is_not_null())
        .then(pl.col("_diplomat_side"))
        # "Bai, Vice Chairwoman of the Standing Committee, was present" where the Chairman received
        # the visitors: the deputy of one lead's chair, of no place or country, sits on that side
        # (not a government's: "Vice Minister of Commerce X" serves the home side whoever the
        # visiting Minister is); nor a university's or firm's head's: "Dr. C, vice president
        # (research and innovation) of PolyU, attended" where the Hong Kong Polytechnic University's
        # president visited (one lead holding the office: of two presidents met, whose deputy
        # is unknown; issue 14b)
        .when(
            pl.col("_deputy_side").is_not_null()
            & pl.col("place").is_null()
            & (
                (pl.col("title_kind").fill_null("") == "business")
                | ((pl.col("title_kind") == "head") & pl.col("_one_principal").fill_null(False))
            )
        )
        .then(pl.col("_deputy_side"))
        .when(pl.col("title_kind") == "local_gov")
        .then(pl.lit("host"))
        # "Senior Minister and Minister of Commerce A ... also attended the lunch" on the visiting
        # prime minister's page, "The State Secretary for Agriculture, B, accompanied the governor":
        # at a meeting hosted at home on the mainland, whose cities and provinces hold no cabinet
        # office (`cabinet_title`), such an office with no country or place of its own is the
        # visitors' (issue 14b; not "Vice Minister", whom the home ministries send)
        .when(visiting_cabinet)
        .then(pl.lit("guest"))
        .when(pl.col("title_kind").is_in(PARTY_KINDS_HOST_DEFAULT) & pl.col("org").is_null())
        .then(pl.lit("host"))
        # an unqualified university or company head ("Also present were Vice President X") at a
        # meeting hosted at home
        .when((pl.col("title_kind") == "head") & pl.col("org").is_null() & pl.col("_home_is_prior"))
        .then(pl.lit("host"))
        # "The Chairman of Policy and Resources, Catherine Ward, also attended" on a foreign host's
        # page: a chair of no body or place named, outside the delegation, sits with the hosts
        .when(
            (pl.col("title") == "Chairman")
            & pl.col("org").is_null()
            & pl.col("place").is_null()
            & ~pl.col("_home_is_prior")
        )
        .then(pl.lit("host"))
        # "Alderman A and B, CEO of the port authority, also took part" on a foreign host's page:
        # a member of no country, delegation or accompanied lead sits with the hosts (a diplomat
        # with no country stated is the visitors' envoy: "Consul General A attended the meeting")
        .when(~pl.col("_home_is_prior") & (pl.col("title_kind").fill_null("") != "diplomat"))
        .then(pl.lit("host"))
        .otherwise(pl.lit("guest"))
    )
    leads_side = parts.filter(~pl.col("is_member")).select(
        "article_id", "name", pl.col("_lead_side").alias("_ls")
    )
    org_ref_side = _one_side(
        parts.filter(~pl.col("is_member") & pl.col("org").is_not_null())
        .select(
            "article_id",
            pl.col("org").str.to_lowercase().str.extract_all(r"\p{L}+").alias("org_ref"),
            "_lead_side",
        )
        .explode("org_ref"),
        "org_ref",
        "_org_ref_side",
    )
    parts = parts.join(org_ref_side, on=["article_id", "org_ref"], how="left", maintain_order="left")
    # "met with a delegation of the EU Chamber of Commerce in China led by its President A ... B,
    # Vice President of the chamber, was present": an organisation word of the visiting body the
    # lede names after a visitor noun (`visitor_noun`: delegation) is the guests' body, when no lead
    # is said to serve it
    visitor = pl.col("low").is_in(cues.get("visitor_noun", [])).fill_null(False)
    seen_visitor = (
        shift_in(pl.when(visitor).then(pl.col("sid")), 1, "sid").forward_fill() == pl.col("sid")
    ).fill_null(False)
    stop = pl.col("lab").is_in(["led_by", "meeting_verb", "passive_host", "speech_verb"]) | (
        pl.col("tok") == ","
    )
    stopped = (
        shift_in(pl.when(stop | visitor).then(stop), 1, "sid").forward_fill().fill_null(True) & seen_visitor
    )
    visitor_body = (
        t.join(lede.select(pl.col("lede_sid").alias("sid")).unique(), on="sid", how="semi")
        .with_columns(seen_visitor.alias("_sv"), stopped.alias("_stopped"))
        .filter((pl.col("lab") == "org_word") & pl.col("_sv") & ~pl.col("_stopped"))
        .join(sentences.select("sid", "article_id"), on="sid", maintain_order="left")
        .select("article_id", pl.col("low").alias("org_ref"), pl.lit(True).alias("_visitor_body"))
        .unique()
    )
    parts = parts.join(visitor_body, on=["article_id", "org_ref"], how="left", maintain_order="left")
    diplomat_side = (
        parts.filter(~pl.col("is_member") & (pl.col("title_kind") == "diplomat"))
        .group_by("article_id")
        .agg(pl.col("_lead_side").unique().alias("_sides"))
        .filter(pl.col("_sides").list.len() == 1)
        .select("article_id", pl.col("_sides").list.first().alias("_diplomat_side"))
    )
    parts = parts.join(diplomat_side, on="article_id", how="left", maintain_order="left")
    # "A, head of the economic department at the consulate, attended the meeting" after a lede with
    # a foreign consul general: "the" mission (`mission_noun`, no country between) in the member's
    # own description is the diplomat leads' (issue 15f)
    missions = "|".join(cues.get("mission_noun", []) or ["$^"])
    # (the rows naming a mission first: a pattern built per row is compiled per row)
    of_mission = (
        parts.filter(
            pl.col("is_member")
            & pl.col("country").is_null()
            & pl.col("_diplomat_side").is_not_null()
            & pl.col("evidence").str.contains(r"(?i)\bthe (?:" + missions + r")\b")
        )
        .select("article_id", "name", "evidence")
        .unique()
        .filter(
            pl.col("evidence").str.contains(
                pl.concat_str(
                    pl.col("name").str.escape_regex(),
                    pl.lit(r",[^,;]*\b(?i:the)\s+(?i:" + missions + r")\b[^,;]*,"),
                )
            )
            # (not the next conjunct's office: "B, and the Counsellor of the Embassy, C, took part")
            & ~pl.col("evidence").str.contains(
                pl.concat_str(pl.col("name").str.escape_regex(), pl.lit(r",\s+and\b"))
            )
        )
        .select("article_id", "name", "evidence", pl.lit(True).alias("_of_mission"))
    )
    parts = parts.join(
        of_mission, on=["article_id", "name", "evidence"], how="left", maintain_order="left"
    ).with_columns(pl.col("_of_mission").fill_null(False))
    # a lead may be named by the title alone ("joined the Lord Mayor"): the lead of the article
    # holding that title, when only one does
    lead_titles = (
        parts.filter(~pl.col("is_member") & pl.col("title").is_not_null())
        .group_by("article_id", "title", maintain_order=True)
        .agg(pl.col("name").first(), pl.len().alias("_n"))
        .filter(pl.col("_n") == 1)
        .drop("_n")
    )
    title_refs = (
        title_tokens(t, sentences)
        .join(
            lead_titles.rename({"title": "value"}),
            on=["article_id", "value"],
            how="inner",
            maintain_order="left",
        )
        .select("article_id", "sid", "name")
    )
    # "Teixeira said Porto ... . He was accompanied by deputy mayor A": a sentence opening with a
    # personal pronoun (`subject_pronoun`) is about the person the sentence before names first
    pronoun_sents = (
        t.filter((pl.col("pos") == 0) & pl.col("low").is_in(cues.get("subject_pronoun", [])))
        .select("sid")
        .join(sentences.select("sid", "article_id", "sent_no"), on="sid", maintain_order="left")
    )
    pronoun_refs = (
        first_named_before(refs)
        .join(pronoun_sents, on=["article_id", "sent_no"], how="inner")
        .select("article_id", "sid", "name")
    )
    beside_names = (
        pl.concat(
            [refs.select("article_id", "sid", "name"), title_refs, pronoun_refs], how="vertical_relaxed"
        )
        .join(
            pl.concat(
                [
                    parts.filter(pl.col("is_member")).select("article_id", "sid"),
                    parts.filter(pl.col("is_member"))
                    .select("article_id", pl.col("member_sids").alias("sid"))
                    .explode("sid")
                    .drop_nulls(),
                ]
            )
            .unique(maintain_order=True)
            # only "accompanied by" and the like say whose side the member is on
            .join(
                flags.filter(
                    pl.col("attend_cue")
                    .fill_null("")
                    .str.contains("accompan|joined|along with|together with")
                ).select("sid"),
                on="sid",
                how="inner",
                maintain_order="left",
            ),
            on=["article_id", "sid"],
            how="inner",
            maintain_order="left",
        )
        .join(leads_side, on=["article_id", "name"], how="inner", maintain_order="left")
    )
    beside = (
        beside_names.group_by("article_id", "sid", maintain_order=True)
        .agg(pl.col("_ls").unique().alias("_sides"), pl.col("name").unique().alias("_beside_leads"))
        .filter(pl.col("_sides").list.len() == 1)
        .select(
            "article_id",
            "sid",
            pl.col("_sides").list.first().alias("_beside"),
            pl.when(pl.col("_beside_leads").list.len() == 1)
            .then(pl.col("_beside_leads").list.first())
            .alias("_beside_lead"),
        )
    )
    # ("Vice Governor D attended the talks with B. ... D also accompanied Yang to the city hall": a
    # member said elsewhere to accompany one side's lead, when their own first sentence names none)
    beside_elsewhere = (
        parts.filter(pl.col("is_member"))
        .select("article_id", "name", pl.col("member_sids").alias("_msid"))
        .explode("_msid")
        .join(
            beside.select(
                "article_id", pl.col("sid").alias("_msid"), pl.col("_beside").alias("_beside_else")
            ),
            on=["article_id", "_msid"],
            how="inner",
        )
        .group_by("article_id", "name")
        .agg(pl.col("_beside_else").unique())
        .filter(pl.col("_beside_else").list.len() == 1)
        .with_columns(pl.col("_beside_else").list.first())
    )
    parts = (
        parts.join(beside, on=["article_id", "sid"], how="left", maintain_order="left")
        .join(beside_elsewhere, on=["article_id", "name"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_beside", "_beside_else").alias("_beside"))
        .drop("_beside_else")
        .join(
            flags.select("sid", pl.col("has_delegation_member").alias("_in_delegation")),
            on="sid",
            how="left",
            maintain_order="left",
        )
        # "Members of the delegation included A": the phrase may be labelled as a member marker
        # ("The delegation, made up of 30 executives, included A": an aside may stand in it)
        .join(
            sentences.select(
                "sid",
                pl.col("text")
                .str.contains(
                    phrase_regex(cues.get("delegation_member", [])).replace(
                        r"delegation\ ", r"delegation(?:,[^,;]*,)?\ "
                    )
                )
                .alias("_deleg_text"),
            ),
            on="sid",
            how="left",
            maintain_order="left",
        )
        .with_columns(
            (
                pl.col("_in_delegation").fill_null(False)
                | pl.col("_deleg_text").fill_null(False)
                | pl.col("_led_member").fill_null(False)
            ).alias("_in_delegation")
        )
    )
    org_sides = _one_side(
        parts.filter(~pl.col("is_member") & pl.col("org").is_not_null()), "org", "_org_side"
    )
    parts = parts.join(org_sides, on=["article_id", "org"], how="left", maintain_order="left")
    # "Carol Tse, Director of the Chief Executive's Office, ... attended": a member of the office
    # of a lead (named by the lead's title) is on that lead's side
    lead_titles_sides = _one_side(
        parts.filter(~pl.col("is_member") & pl.col("title").is_not_null()), "title", "_office_side"
    ).rename({"title": "_lt"})
    office_sides = (
        # (the word first: a pattern built per row is compiled per row)
        parts.filter(pl.col("is_member") & pl.col("evidence").str.contains("Office", literal=True))
        .select("article_id", "name", "evidence")
        .join(lead_titles_sides, on="article_id", how="inner")
        .filter(
            pl.col("evidence").str.contains(
                # (also "A, director of the Office of the Chief Executive, attended")
                pl.concat_str(
                    pl.col("name").str.escape_regex(),
                    pl.lit(r",\s+(?:\p{Lu}[^,;]*\b"),
                    pl.col("_lt").str.escape_regex(),
                    pl.lit(r"['’]s\s+Office\b|\p{L}[^,;]*\bOffice\s+of\s+the\s+"),
                    pl.col("_lt").str.escape_regex(),
                    pl.lit(r"\b)"),
                )
            )
        )
        .group_by("article_id", "name", maintain_order=True)
        .agg(pl.col("_office_side").unique())
        .filter(pl.col("_office_side").list.len() == 1)
        .with_columns(pl.col("_office_side").list.first())
    )
    parts = parts.join(
        office_sides, on=["article_id", "name"], how="left", maintain_order="left"
    ).with_columns(pl.coalesce("_org_side", "_office_side").alias("_org_side"))
    deputy = r"^(?:Executive Vice|Vice|Deputy) "
    principal_sides = (
        parts.filter(~pl.col("is_member") & pl.col("title").is_not_null())
        .group_by("article_id", pl.col("title").alias("_base"), maintain_order=True)
        .agg(pl.col("_lead_side").unique().alias("_sides"), pl.col("name").n_unique().alias("_holders"))
        .filter(pl.col("_sides").list.len() == 1)
        .select(
            "article_id",
            "_base",
            pl.col("_sides").list.first().alias("_deputy_side"),
            (pl.col("_holders") == 1).alias("_one_principal"),
        )
    )
    parts = (
        parts.with_columns(
            pl.when(pl.col("title").fill_null("").str.contains(deputy))
            .then(pl.col("title").str.replace(deputy, ""))
            .alias("_base")
        )
        .join(principal_sides, on=["article_id", "_base"], how="left", maintain_order="left")
        .drop("_base")
    )
    # "Vice Governor H accompanied Morishita" where two governors met: the deputy of the one lead
    # named beside them (that lead's own office without "Vice"/"Deputy") is on that lead's side,
    # even when both sides have a lead of that office
    beside_titles = (
        parts.filter(~pl.col("is_member") & pl.col("title").is_not_null())
        .select("article_id", pl.col("name").alias("_beside_lead"), pl.col("title").alias("_bl_title"))
        .unique(subset=["article_id", "_beside_lead"], keep="first", maintain_order=True)
    )
    parts = (
        parts.join(beside_titles, on=["article_id", "_beside_lead"], how="left", maintain_order="left")
        .with_columns(
            (
                pl.col("title").fill_null("").str.contains(deputy)
                & (pl.col("title").str.replace(deputy, "") == pl.col("_bl_title"))
            )
            .fill_null(False)
            .alias("_deputy_of_beside")
        )
        .drop("_bl_title")
    )
    # "Lukas B, head of the Airbus Tianjin Final Assembly Line": a member serving at a branch of a
    # lead's organisation (the place right after the firm's name) is of no country that place
    # gives; they are on that lead's side (a firm's officer takes no country from where it works)
    at_lead_branch = (
        pl.col("is_member")
        & pl.col("_org_side").is_not_null()
        & pl.col("_branch_place").fill_null(False)
        & (pl.col("country") == pl.col("_place_iso2")).fill_null(False)
    )
    parts = parts.with_columns(
        pl.when(at_lead_branch)
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(pl.col("country"))
        .alias("country")
    )
    parts = parts.with_columns(
        pl.when(pl.col("is_member")).then(member_side).otherwise(pl.col("_lead_side")).alias("side"),
        pl.when(pl.col("is_member")).then(pl.lit("member")).otherwise(pl.lit("lead")).alias("role"),
    )
    return parts


def _signatory_pair_side(parts: pl.DataFrame, refs: pl.DataFrame, at_place: pl.Expr) -> pl.DataFrame:
    """(article_id, name, _pair_side): "Shenzhen Vice Mayor A and Vice Governor B signed the
    agreement on behalf of the two sides": of two signatories named in one signing sentence, one
    whose side their country or place gives (A, of the home side), the other, of neither, signs
    for the other side (only when the sentence names no one else, by surname either)."""
    named = refs.group_by("sid").agg(pl.col("name").n_unique().alias("_named"))
    known = (
        pl.when(pl.col("country").is_not_null())
        .then(pl.col("country"))
        .when(at_place)
        .then(pl.col("_place_iso2"))
    )
    signers = parts.filter(pl.col("_signing").fill_null(False) & pl.col("is_member")).select(
        "article_id",
        "name",
        "sid",
        pl.when(known.is_null())
        .then(None)
        .when(known == pl.col("home"))
        .then(pl.lit("host"))
        .when(pl.col("home").is_not_null())
        .then(pl.lit("guest"))
        .alias("_known_side"),
    )
    pairs = (
        signers.group_by("article_id", "sid")
        .agg(
            pl.len().alias("_n"),
            pl.col("_known_side").drop_nulls().alias("_sides"),
        )
        .join(named, on="sid", how="left")
        .filter((pl.col("_n") == 2) & (pl.col("_named") == 2) & (pl.col("_sides").list.len() == 1))
        .select(
            "article_id",
            "sid",
            pl.when(pl.col("_sides").list.first() == "host")
            .then(pl.lit("guest"))
            .otherwise(pl.lit("host"))
            .alias("_pair_side"),
        )
    )
    return (
        signers.filter(pl.col("_known_side").is_null())
        .join(pairs, on=["article_id", "sid"], how="inner")
        .select("article_id", "name", "_pair_side")
        .unique(subset=["article_id", "name"], keep="first")
    )


def _remote_ledes(t: pl.DataFrame, lede: pl.DataFrame, nouns: list[str]) -> pl.DataFrame:
    """(article_id, _remote): articles whose lede names a remote meeting ("a video conference",
    "a virtual meeting": `remote_meeting_noun`, one or two words)."""
    if not nouns:
        return pl.DataFrame(schema={"article_id": pl.String, "_remote": pl.Boolean})
    tl = t.join(
        lede.select("article_id", pl.col("lede_sid").alias("sid")),
        on="sid",
        how="inner",
        maintain_order="left",
    )
    hit = pl.col("low").is_in([n for n in nouns if " " not in n])
    for n in (n for n in nouns if len(n.split()) == 2):
        first, last = n.split()
        hit = hit | ((pl.col("low") == last) & (shift_in(pl.col("low"), 1, "sid") == first))
    return tl.filter(hit.fill_null(False)).select("article_id", pl.lit(True).alias("_remote")).unique()


def _one_side(leads: pl.DataFrame, key: str, alias: str) -> pl.DataFrame:
    """Per article and `key` value, the side of the leads holding it, where they are all on one."""
    return (
        leads.group_by("article_id", key, maintain_order=True)
        .agg(pl.col("_lead_side").unique().alias("_sides"))
        .filter(pl.col("_sides").list.len() == 1)
        .select("article_id", key, pl.col("_sides").list.first().alias(alias))
    )


def _deputy_of_government(parts: pl.DataFrame, heads: list[str]) -> pl.DataFrame:
    """`_gov_deputy_side`: the side of a bare deputy of an office heading a government
    (`government_head`: "Vice Governor", "Deputy Mayor"; no country, place or body of their own),
    where the leads of the other side all hold another such office and those of this side do not
    (a Mayor's city has no vice governor): "Governor of Osaka Prefecture M met with Shanghai Mayor
    T ... Mr. A, Vice Governor, ... attended" (A is M's); "Sichuan's Party Secretary L met Auckland
    Mayor H ... Vice Governor T attended" (T is L's). A side led by a Party Secretary, whose city
    or province has both offices, is never ruled out ("Party Secretary A received Mayor B of Osaka
    ... Vice Mayor C attended": C stays on the default side); nor does a side whose leads come
    from two countries take the deputy (a trip's two hosts not yet told apart)."""
    deputy = r"^(?:Executive Vice|Vice|Deputy) "
    base = pl.col("title").str.replace(deputy, "").str.to_lowercase()
    bare = (
        pl.col("is_member")
        & (pl.col("title_kind") == "local_gov")
        & pl.col("title").fill_null("").str.contains(deputy)
        & base.is_in(heads)
        & pl.col("country").is_null()
        & pl.col("place").is_null()
        & pl.col("org").is_null()
    ).fill_null(False)
    if not heads or not parts.select(bare.any()).item():
        return parts.with_columns(pl.lit(None, dtype=pl.String).alias("_gov_deputy_side"))
    low = pl.col("title").str.to_lowercase()
    sides = (
        parts.filter(~pl.col("is_member"))
        .group_by("article_id", "_lead_side")
        .agg(
            low.is_in(heads).fill_null(False).all().alias("_all_heads"),
            low.unique().alias("_held"),
            (pl.col("country").drop_nulls().n_unique() <= 1).alias("_one_c"),
        )
    )
    host = sides.filter(pl.col("_lead_side") == "host").select(
        "article_id",
        pl.col("_all_heads").alias("_h_heads"),
        pl.col("_held").alias("_h_held"),
        pl.col("_one_c").alias("_h_one_c"),
    )
    guest = sides.filter(pl.col("_lead_side") == "guest").select(
        "article_id",
        pl.col("_all_heads").alias("_g_heads"),
        pl.col("_held").alias("_g_held"),
        pl.col("_one_c").alias("_g_one_c"),
    )
    parts = parts.join(host, on="article_id", how="left", maintain_order="left").join(
        guest, on="article_id", how="left", maintain_order="left"
    )
    # (a side is ruled out when its leads all head a government of another office)
    out_h = (pl.col("_h_heads") & ~pl.col("_h_held").list.contains(base)).fill_null(False)
    out_g = (pl.col("_g_heads") & ~pl.col("_g_held").list.contains(base)).fill_null(False)
    both = pl.col("_h_heads").is_not_null() & pl.col("_g_heads").is_not_null()
    return parts.with_columns(
        pl.when(bare & both & out_h & ~out_g & pl.col("_g_one_c"))
        .then(pl.lit("guest"))
        .when(bare & both & out_g & ~out_h & pl.col("_h_one_c"))
        .then(pl.lit("host"))
        .otherwise(pl.lit(None, dtype=pl.String))
        .alias("_gov_deputy_side")
    ).drop("_h_heads", "_h_held", "_h_one_c", "_g_heads", "_g_held", "_g_one_c")


def _bare_before_home(parts: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """parts with `_bare_before_home`: a member who is one of the visitors by how the guests' own
    page names them (issue 13a).

    "Osaka Governor C held a video meeting with Shanghai Mayor D ... Vice Governor A and the
    Director of the Shanghai Municipal Foreign Affairs Office, B, joined the video meeting": a page
    whose lede names the guest lead before the host lead speaks for the guests, naming its own
    officials bare and the hosts' by their place; so a member with a local office and no country,
    place or body, named before a member of the home country in the same sentence, with no member
    of another country there, is a visitor. (A hosts' page names its host first: "Harbin Mayor D
    held talks with Niigata Governor C ... Deputy Secretary-General A and Harbin Vice Mayor B
    attended" keeps A at home.)"""
    lede_lead = pl.col("_in_lede").fill_null(False) & ~pl.col("is_member")
    guest_named_first = (
        pl.col("_start").filter(lede_lead & (pl.col("_lead_side") == "guest")).min().over("article_id")
        < pl.col("_start").filter(lede_lead & (pl.col("_lead_side") == "host")).min().over("article_id")
    ).fill_null(False)
    stated = pl.col("is_member") & pl.col("country").is_not_null()
    member_of_home = stated & (pl.col("country") == pl.col("home"))
    member_of_other = stated & (pl.col("country") != pl.col("home"))
    # (where each member is named in their sentence)
    name_at = refs.group_by("article_id", "sid", "name").agg(pl.col("start").min().alias("_at"))
    return (
        parts.join(name_at, on=["article_id", "sid", "name"], how="left", maintain_order="left")
        .with_columns(
            (
                pl.col("is_member")
                & guest_named_first
                & (pl.col("title_kind") == "local_gov")
                & pl.col("country").is_null()
                & pl.col("place").is_null()
                & pl.col("org").is_null()
                & (pl.col("_at") < pl.col("_at").filter(member_of_home).max().over("article_id", "sid"))
                & ~member_of_other.fill_null(False).any().over("article_id", "sid")
            )
            .fill_null(False)
            .alias("_bare_before_home")
        )
        .drop("_at")
    )


def _escorts_visitors(t: pl.DataFrame, refs: pl.DataFrame, cues: dict[str, list[str]]) -> pl.DataFrame:
    """(article_id, name, _escorts_visitors): the people named as the subject of "accompanied the
    visit", "accompanied the Daegu delegation", "accompanied the visitors at both meetings"
    (`escorted_noun` one to three words after "accompanied the", the verb `escort_visit_verb`), the sentence ending there or
    going on with a preposition of place or time (`escort_tail`: at, in, throughout, from; not
    "accompanied the guests on a tour of the port" nor "... during their visit to the port", a
    host's escort): the visitors' own people (issue 14b). The subject is every
    name between the verb and the last clause boundary before it (a relative pronoun, a
    conjunction of contrast, another verb of attendance or meeting: "A attended the meeting, and B
    accompanied the delegation" names only B)."""
    nouns = cues.get("escorted_noun", [])
    tails = cues.get("escort_tail", [])
    verbs = cues.get("escort_visit_verb", [])
    acc = t.filter(pl.col("low").is_in(verbs)).select("sid", "pos")
    if acc.height == 0 or not nouns:
        return pl.DataFrame(
            schema={"article_id": pl.String, "name": pl.String, "_escorts_visitors": pl.Boolean}
        )
    acc = tokens_at(t, acc, "pos", {d: {f"_w{d}": "low"} for d in range(1, 6)})
    word = lambda c: pl.col(c).str.contains(r"^[\p{L}\-]+$").fill_null(False)  # noqa: E731
    ends = lambda c: (pl.col(c).is_null() | pl.col(c).is_in([".", ";", *tails])).fill_null(False)  # noqa: E731
    object_ok = (pl.col("_w1") == "the") & (
        (pl.col("_w2").is_in(nouns) & ends("_w3"))
        | (word("_w2") & pl.col("_w3").is_in(nouns) & ends("_w4"))
        | (word("_w2") & word("_w3") & pl.col("_w4").is_in(nouns) & ends("_w5"))
    ).fill_null(False)
    acc = acc.filter(object_ok).select("sid", pl.col("pos").alias("_acc"))
    boundary = pl.col("low").is_in([*cues.get("relative_pronoun", []), "while", "whereas", ";"]) | pl.col(
        "lab"
    ).is_in(["attendance", "meeting_verb", "passive_host", "speech_verb"])
    bars = (
        t.join(acc, on="sid", how="inner")
        .filter((pl.col("pos") < pl.col("_acc")) & boundary)
        .group_by("sid", "_acc")
        .agg(pl.col("pos").max().alias("_bar"))
    )
    return (
        refs.select("article_id", "sid", "name", "start")
        .join(acc, on="sid", how="inner")
        .join(bars, on=["sid", "_acc"], how="left")
        .filter((pl.col("start") < pl.col("_acc")) & (pl.col("start") > pl.col("_bar").fill_null(-1)))
        .select("article_id", "name", pl.lit(True).alias("_escorts_visitors"))
        .unique(subset=["article_id", "name"], maintain_order=True)
    )
