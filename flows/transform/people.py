"""People in sentences: name spans found by pattern, with the title, country, place and organisation
read from the words around them ("Shanghai Mayor X", "X, New Zealand ambassador to China",
"the mayor of Düsseldorf, Germany, X", "Managing Director of the IMF, X").

Grain of `mentions`: one row per person name span per sentence. Everything is a frame operation over
the labelled tokens of a whole batch.
"""

from __future__ import annotations

import polars as pl

from flows.transform.dates import WEEKDAYS
from flows.transform.frames import (
    any_in,
    backward_fill_in,
    cum_sum_in,
    is_first,
    len_in,
    same_group,
    shift_in,
    sorted_by,
    tokens_at,
)

# Token labels that may stand in the words around a name and describe it.
CONTEXT_LABELS = [
    "title", "place", "country", "demonym", "org", "org_word", "honorific", "ORGNAME", "CAPS",
    "CONN", "COMMA", "PAREN", "not_name_cap", "NAME1", "AND", "PLACENAME",
]  # fmt: skip
POSTING_WORDS = ["to", "in", "at", "for"]  # "Ambassador to China", "Consul General in Shanghai"
GOVERNMENT_ORG_KINDS = ["government_body"]
# (a foreign chamber of commerce, "the British Chamber of Commerce in Guangdong", is its country's)
COUNTRY_ORG_KINDS = ["government_body", "university", "chamber"]
# "director of the economic and technological development bureau, B": how many lower-case words
# may name an office's field or body between its "of" and the comma before the name
FIELD_BODY_WORDS = 6
CORPORATE_RANKS = ["President"]  # "President and CEO" is the CEO
# "Vice-Chancellor and President of the University of X": a university head holding both offices is
# its President (the canonical title), in either order
JOINT_HEAD_OFFICES = ["Vice-Chancellor", "Vice Chancellor"]
# "Consul General in Guangzhou, Ambassador X": a consular post held with an ambassador's rank
CONSULAR_TITLES = ["Consul General", "Deputy Consul General", "Consul"]


def _shifted(col: str, k: int) -> pl.Expr:
    return shift_in(pl.col(col), k, "sid")


def _after_title_of_possessive_place(max_words: int = 3) -> pl.Expr:
    """A token right after "<title> of <place>'s" ("president of Japan's", "CEO of South Korea's"):
    the place, of up to `max_words` words, ends on a possessive."""

    def is_place(k: int) -> pl.Expr:
        return _shifted("lab", k).is_in(["country", "place"]).fill_null(False)

    poss_place = is_place(1) & _shifted("poss", 1).fill_null(False)
    return pl.any_horizontal(
        [
            pl.all_horizontal(
                [
                    poss_place,
                    *[is_place(j) for j in range(2, k)],
                    (_shifted("low", k) == "of").fill_null(False),
                    (_shifted("lab", k + 1) == "title").fill_null(False),
                ]
            )
            for k in range(2, max_words + 2)
        ]
    )


def _field_body_before_name(t: pl.DataFrame, max_words: int = FIELD_BODY_WORDS) -> pl.DataFrame:
    """`_field_body`: a token of a lower-case run ("the economic development bureau", "trade")
    between a title's "of" or "for" and a comma right before a name: the office's field or body,
    describing that name ("director of the economic development bureau, B"). Tokens sorted by
    sid, pos.

    Read by segments (runs of lower-case words within a sentence) rather than by trying every
    run length and place: the last "of"/"for" after a title in the word's segment opens the run,
    the segment's end, right before ", NAME", closes it."""
    lower = pl.col("tok").str.contains(r"^[\p{Ll}-]+$").fill_null(False)
    t = t.with_columns((is_first("sid") | ~lower).cast(pl.Int64).cum_sum().alias("_seg"), lower.alias("_lw"))
    anchor = pl.when(pl.col("low").is_in(["of", "for"]) & (_shifted("lab", 1) == "title")).then(pl.col("pos"))
    anchored_in = pl.when(anchor.is_not_null()).then(pl.col("_seg")).forward_fill()
    last_anchor = pl.when(anchored_in == pl.col("_seg")).then(anchor.forward_fill())
    closes = (_shifted("tok", -1) == ",") & (_shifted("lab", -2) == "NAME")
    seg_end = pl.when(~same_group("_seg", -1) & closes.fill_null(False)).then(pl.col("pos"))
    end = backward_fill_in(seg_end, "_seg")
    flag = (
        pl.col("_lw")
        & (pl.col("pos") > last_anchor)
        & (end - last_anchor <= max_words)
        & ~pl.col("low").is_in(["of", "for"])
    ).fill_null(False)
    return t.with_columns(flag.alias("_field_body")).drop("_seg", "_lw")


def _last_pos_in_sentence(cond: pl.Expr) -> pl.Expr:
    """Position of the last token before this one (in its sentence) where `cond` holds, else null.
    Tokens sorted by sid, pos."""
    hit = cond.fill_null(False)
    pos = shift_in(pl.when(hit).then(pl.col("pos")), 1, "sid").forward_fill()
    owner = shift_in(pl.when(hit).then(pl.col("sid")), 1, "sid").forward_fill()
    return pl.when(owner == pl.col("sid")).then(pos)


def _institution_seat(t: pl.DataFrame, institution_words: list[str] | None) -> pl.DataFrame:
    """ "Director of the Royal Conservatory in Brussels", "Chairman of Santa Casa Hospital in
    Lisbon", "CEO of Universitaetsklinikum Hamburg": a place right after the capitalised head noun
    of a non-government institution (`institution_word` in cues.csv), or after "in" following it
    (no comma before "in": ", in Chengdu on Monday" is where they met), is the institution's seat
    (`_seat`), so its people hold that country whatever their office (a "posting" word or a
    chairman's business rank otherwise keeps a city from saying it). Only in a person's
    description: an office stands after the last name before the institution ("met Rector B at
    the University of Bologna in Bologna" is where they met). Tokens sorted by sid, pos."""
    if not institution_words:
        return t.with_columns(pl.lit(False).alias("_inst_seat"))
    noun = pl.col("low").is_in(institution_words).fill_null(False)
    inst = (noun & pl.col("_tcap")).fill_null(False)
    # (after "in", the noun may be a lower-case one of an apposition: "Director of M+, the museum of
    # visual culture in Hong Kong")
    t = t.with_columns(
        _last_pos_in_sentence(pl.col("lab") == "title").alias("_lt"),
        _last_pos_in_sentence(pl.col("lab") == "NAME").alias("_ln"),
        _last_pos_in_sentence(noun).alias("_li"),
        _last_pos_in_sentence(~pl.col("_tcap")).alias("_lnc"),
    )
    described = (pl.col("_lt") > pl.col("_ln").fill_null(-1)).fill_null(False)
    place = pl.col("lab").is_in(["country", "place"]) & pl.col("iso2").is_not_null()
    # (or closing a capitalised name right after the noun: "the ice hockey club Amur Khabarovsk")
    after_head = shift_in(inst, 1, "sid").fill_null(False) & pl.col("chain").is_not_null()
    after_head = after_head | (
        (pl.col("pos") - pl.col("_li") <= 4) & (pl.col("_lnc") <= pl.col("_li")) & ~noun
    ).fill_null(False)
    after_in = (
        (_shifted("low", 1) == "in") & (_shifted("tok", 2) != ",") & (pl.col("_li") > pl.col("_lt"))
    ).fill_null(False)
    hit = (place & described & (after_head | after_in)).fill_null(False)
    return (
        t.with_columns((pl.col("_seat") | hit).alias("_seat"), hit.alias("_inst_seat"))
        .with_columns(_whole_span("_seat"), _whole_span("_inst_seat"))
        .drop("_lt", "_ln", "_li", "_lnc")
    )


def run_end_tok(is_name: pl.Expr) -> pl.Expr:
    """The last word of a run of unknown capitalised words."""
    return is_name & ~_shifted("lab", -1).fill_null("").eq("NAME")


def _firm_ahead(j: int, firm_nouns: list[str], width: int = 4) -> pl.Expr:
    """From `j` tokens ahead, lower-case words or a nationality lead to a firm noun ("Malaysian
    electronics maker"): what comes before is described as a firm. Reads `_tlowerword` (a
    lower-case word, hyphens inside), set by find_mentions."""
    hit = pl.lit(False)
    for m in range(width):
        between = [
            _shifted("_tlowerword", -(j + i)) | _shifted("lab", -(j + i)).is_in(["demonym", "country"])
            for i in range(m)
        ]
        hit = hit | (
            pl.all_horizontal(between or [pl.lit(True)]) & _shifted("low", -(j + m)).is_in(firm_nouns)
        )
    return hit.fill_null(False)


def _same_name_runs(name_toks: pl.DataFrame, firm_runs: pl.DataFrame) -> pl.DataFrame:
    """(sid, _nrun) of every run of unknown capitalised words spelled like a run read as a firm
    or body elsewhere in the same article: "French aerospace supplier Lumiere Aero" names the firm,
    so "Mayor meets Lumiere Aero CEO" in the headline names no person either."""
    # (two words or more: one word read as a body, "Colby's office", may be a surname elsewhere)
    runs = (
        name_toks.group_by("sid", "_nrun", maintain_order=True)
        .agg(pl.col("article_id").first(), pl.col("tok").str.join(" ").alias("_text"), pl.len().alias("_n"))
        .filter(pl.col("_n") >= 2)
    )
    firm_texts = runs.join(firm_runs, on=["sid", "_nrun"], how="semi").select("article_id", "_text").unique()
    return runs.join(firm_texts, on=["article_id", "_text"], how="semi").select("sid", "_nrun")


def _whole_span(flag: str) -> pl.Expr:
    """`flag` over a multi-word vocabulary span's every token when any of them has it."""
    return (
        pl.when(pl.col("span_start").is_not_null())
        .then(any_in(pl.col(flag), ["sid", "span_start"]))
        .otherwise(pl.col(flag))
        .alias(flag)
    )


def _chain_spans(t: pl.DataFrame) -> pl.DataFrame:
    """(sid, chain, _c0, _c1, _first_lab, _second_low, _first_low, _segs, _after_name, _before_name):
    each chain's first and last position, its first words, whether a name stands right before and
    right after it."""
    names = t.filter(pl.col("_np")).select("sid", "pos")
    return (
        t.filter(pl.col("chain").is_not_null())
        .group_by("sid", "chain", maintain_order=True)
        .agg(
            pl.col("pos").min().alias("_c0"),
            pl.col("pos").max().alias("_c1"),
            pl.col("lab").first().alias("_first_lab"),
            pl.col("low").first().alias("_first_low"),
            pl.col("low").get(1, null_on_oob=True).alias("_second_low"),
            pl.col("seg").max().alias("_segs"),
        )
        .join(
            names.select("sid", (pl.col("pos") + 1).alias("_c0"), pl.lit(True).alias("_after_name")),
            on=["sid", "_c0"],
            how="left",
        )
        .join(
            names.select("sid", (pl.col("pos") - 1).alias("_c1"), pl.lit(True).alias("_before_name")),
            on=["sid", "_c1"],
            how="left",
        )
        .with_columns(pl.col("_after_name").fill_null(False), pl.col("_before_name").fill_null(False))
    )


def _renumber_from(t: pl.DataFrame, cuts: pl.DataFrame) -> pl.DataFrame:
    """cuts (sid, chain, _cut): tokens of the chain from position _cut on get a new chain id."""
    if cuts.is_empty():
        return t
    top = (t["chain"].max() or 0) + 1
    return (
        t.join(cuts, on=["sid", "chain"], how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("pos") >= pl.col("_cut"))
            .then(pl.col("chain") + top)
            .otherwise(pl.col("chain"))
            .alias("chain")
        )
        .drop("_cut")
    )


def _split_between_names(t: pl.DataFrame, spans: pl.DataFrame) -> pl.DataFrame:
    """Chain ids: a chain between two names (", Sweden's new Ambassador, Shanghai Mayor") with an
    office before its last comma and one after it gets a new id from that comma on."""
    between = spans.filter(
        (pl.col("_first_lab") == "COMMA")
        & pl.col("_after_name")
        & pl.col("_before_name")
        & (pl.col("_segs") == 0)
    ).select("sid", "chain")
    if between.is_empty():
        return t
    tok = (
        t.join(between, on=["sid", "chain"], how="inner", maintain_order="left")
        .select("sid", "chain", "pos", "lab")
        .with_columns(cum_sum_in((pl.col("lab") == "COMMA").cast(pl.Int32), ["sid", "chain"]).alias("_ck"))
    )
    title = pl.col("lab") == "title"
    cuts = (
        tok.group_by("sid", "chain", maintain_order=True)
        .agg(
            pl.col("_ck").max().alias("_last"),
            pl.col("pos").filter(pl.col("lab") == "COMMA").max().alias("_cut"),
            pl.col("_ck").filter(title).max().alias("_t_last"),
            pl.col("_ck").filter(title & (pl.col("_ck") >= 1)).min().alias("_t_first"),
        )
        .filter((pl.col("_t_last") == pl.col("_last")) & (pl.col("_t_first") < pl.col("_last")))
        .select("sid", "chain", "_cut")
    )
    return _renumber_from(t, cuts)


def _split_opening_where(t: pl.DataFrame, spans: pl.DataFrame) -> pl.DataFrame:
    """Chain ids: a chain opening on "in <place>," (one word of no office may come first: "While in
    Lyon,") gets a new id from that comma on (a comma alone describes nobody)."""
    opener_ok = ~pl.col("_first_lab").is_in(
        ["title", "org", "org_word", "place", "country", "demonym", "NAME1"]
    )
    cand = spans.filter(
        (pl.col("_first_low") == "in") | ((pl.col("_second_low") == "in") & opener_ok)
    ).select("sid", "chain", "_c0")
    # "On Monday (13 May), in Macao, Secretary of State B met ...": the chain may open on the
    # day's closing words ("May ) ,": not_name, brackets, commas) before "in"; it is read from
    # "in" on (issue 14d)
    day_words = pl.col("lab").is_in(["not_name", "PAREN", "COMMA"])
    after_day = (
        t.join(
            spans.filter((pl.col("_first_low") != "in") & (pl.col("_first_lab").is_in(["not_name", "PAREN"])))
            .join(cand, on=["sid", "chain"], how="anti")
            .select("sid", "chain"),
            on=["sid", "chain"],
            how="inner",
        )
        .group_by("sid", "chain")
        .agg(
            pl.col("pos").filter(pl.col("low") == "in").min().alias("_c0"),
            pl.col("pos"),
            day_words.alias("_day"),
        )
        .drop_nulls("_c0")
        .explode("pos", "_day")
        .filter(pl.col("pos") < pl.col("_c0"))
        .group_by("sid", "chain", "_c0")
        .agg(pl.col("_day").all())
        .filter(pl.col("_day"))
        .select("sid", "chain", pl.col("_c0").cast(cand["_c0"].dtype))
    )
    cand = pl.concat([cand, after_day])
    if cand.is_empty():
        return t
    tok = t.join(cand, on=["sid", "chain"], how="inner", maintain_order="left").select(
        "sid", "chain", "pos", "lab", "low", "_c0"
    )
    comma_at = (
        tok.filter((pl.col("lab") == "COMMA") & (pl.col("pos") > pl.col("_c0")))
        .group_by("sid", "chain")
        .agg(pl.col("pos").min().alias("_cut"))
    )
    where_word = pl.col("lab").is_in(["place", "country"]) | pl.col("low").is_in(["in", "the"])
    cuts = (
        tok.join(comma_at, on=["sid", "chain"], how="inner")
        .filter(pl.col("pos") < pl.col("_cut"))
        .group_by("sid", "chain", "_cut", maintain_order=True)
        .agg(
            pl.col("lab").is_in(["place", "country"]).any().alias("_place"),
            (~where_word & (pl.col("pos") > pl.col("_c0"))).any().alias("_other"),
        )
        .filter(pl.col("_place") & ~pl.col("_other"))
        .select("sid", "chain", "_cut")
    )
    return _renumber_from(t, cuts)


def _chains_after(mentions: pl.DataFrame, flag: str) -> pl.DataFrame:
    """(sid, before_chain, flag): the chain right after each of `mentions` (its apposition or "of"
    phrase), keyed as the chain before the next name, so that rules can tell it describes the one
    before."""
    return (
        mentions.select("sid", pl.col("after_chain").alias("before_chain"))
        .drop_nulls()
        .unique(maintain_order=True)
        .with_columns(pl.lit(True).alias(flag))
    )


def find_mentions(
    tokens: pl.DataFrame,
    place_suffix: list[str] | None = None,
    party_words: list[str] | None = None,
    proxy_words: list[str] | None = None,
    org_suffix: list[str] | None = None,
    seat_words: list[str] | None = None,
    market_words: list[str] | None = None,
    firm_nouns: list[str] | None = None,
    compass_words: list[str] | None = None,
    proxy_to_words: list[str] | None = None,
    secretary_body_words: list[str] | None = None,
    determiners: list[str] | None = None,
    institution_words: list[str] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """labelled tokens -> (tokens with name/chain ids, mentions).

    place_suffix: capitalised words that make the unknown words before them a place ("Lang Son
    Province", "Lang Son Provincial People's Committee"), not a person.
    party_words: words of a party committee ("Secretary of the Lang Son Provincial Party
    Committee" is a Party Secretary).
    secretary_body_words: words of a body outside the party whose secretaries hold a standing
    office ("deputy secretary of the Municipal Committee of the Communist Youth League"): such a
    secretary keeps the title (`body_secretary`), which drop_party_only_titles drops elsewhere.
    org_suffix: capitalised words ending a firm's name ("Nordhavn Robotics").
    seat_words: words naming a firm's seat ("Seoul-based", "headquartered in Oslo"): the place
    next to them is the firm's country, held by its people.
    market_words: nouns of a market a person is in charge of ("head of China business", "Asia
    operations"): the country or region before them is served, not represented.
    firm_nouns: lower-case nouns of a firm ("the German company Brandt Hydraulik"): the capitalised
    words right after them, as after a seat word ("Osaka-based Sanwa Precision"), are its name.
    proxy_words: nouns that name someone absent through whom another acts ("on behalf of
    President X", "conveyed the greetings of President X"): such a mention has `proxy` set.
    proxy_to_words: nouns whose addressee is absent ("conveyed greetings to President X", "sent
    his best wishes to X"): the mention right after "to" has `proxy` set too.
    compass_words: "east", "south" ...: "for East China" is a posting like "for China".
    determiners: "its", "his", "the" ...: a word before a title that points elsewhere ("B, its
    secretary-general": the body named before), never a qualifier of the office.
    institution_words: head nouns of a non-government institution (university, hospital, museum,
    college, club ...): a place closing its name ("Universitaetsklinikum Hamburg") or after "in"
    right behind it ("the Royal Conservatory in Brussels") is where it stands, held by its people
    as a firm's seat is (`_institution_seat`)."""
    # (whether each token opens on a capital, read once: the rules below ask it of many neighbours)
    t = sorted_by(tokens, "sid", "pos").with_columns(
        pl.col("tok").str.contains(r"^\p{Lu}").alias("_tcap"),
        pl.col("tok").str.contains(r"^\p{Ll}+$").alias("_tlower"),
        pl.col("tok").str.contains(r"^\p{Ll}[\p{Ll}\-]*$").alias("_tlowerword"),
    )
    # "President and CEO of X": a firm's president who is also its chief executive is its CEO
    # (ANNOTATION.md); the rank and "and" stay in the description without splitting it
    ceo_next = (
        (_shifted("low", -1) == "and") & (_shifted("lab", -2) == "title") & (_shifted("value", -2) == "CEO")
    )
    rank_and_ceo = ((pl.col("lab") == "title") & pl.col("value").is_in(CORPORATE_RANKS) & ceo_next).fill_null(
        False
    )
    t = t.with_columns(
        pl.when(rank_and_ceo | shift_in(rank_and_ceo, 1, "sid").fill_null(False))
        .then(pl.lit("CONN"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    )
    president_next = (
        (_shifted("low", -1) == "and")
        & (_shifted("lab", -2) == "title")
        & _shifted("value", -2).is_in(CORPORATE_RANKS)
    )
    t = t.with_columns(
        pl.when(
            (pl.col("lab") == "title")
            & pl.col("value").is_in(JOINT_HEAD_OFFICES)
            & president_next.fill_null(False)
        )
        .then(pl.lit("CONN"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    )
    # A run of capitalised unknown words followed by an organisation word is an organisation
    # ("Electronic Manufacturers Association"), not a person.
    is_name = pl.col("lab") == "NAME"
    # run ids are global (unique with sid), so a plain cumulative sum is enough
    name_run = (is_name != shift_in(is_name, 1, "sid").fill_null(False)).cum_sum()
    t = t.with_columns(name_run.alias("_nrun"))
    next_cap = _shifted("_tcap", -1).fill_null(False)
    next_after_run = _shifted("lab", -1).fill_null("").is_in(["org_word"]) | (
        _shifted("low", -1).fill_null("").is_in(org_suffix or []) & next_cap
    )
    firm_word_after = next_after_run & next_cap
    # "Lang Son Province", "Lang Son Provincial People's Committee": unknown words before a place
    # word are a place (it describes like a place, and is no firm whose branch a country would be)
    place_next = _shifted("low", -1).fill_null("").is_in(place_suffix or []) & next_cap
    # "University of Tsukuba", "Bank of Ayudhya": one unknown word after an organisation word and
    # "of" (or "of the") is the organisation's name, not a person
    org_of = ((_shifted("low", 1) == "of") & (_shifted("lab", 2) == "org_word") & _shifted("_tcap", 2)) | (
        (_shifted("low", 1) == "the")
        & (_shifted("low", 2) == "of")
        & (_shifted("lab", 3) == "org_word")
        & _shifted("_tcap", 3)
    )
    single_run = (
        is_name & ~_shifted("lab", 1).fill_null("").eq("NAME") & ~_shifted("lab", -1).fill_null("").eq("NAME")
    )
    next_after_run = next_after_run | (org_of.fill_null(False) & single_run)
    # "the Kaohsiung Museum of Fine Arts", "the Royal Academy of Engineering Sciences": a run of up
    # to three words right after an institution's capitalised head noun (`institution_word`) and
    # "of" is its name; "the Kenya Medical Research Institute": a run before capitalised field
    # words (`not_name`) and a capitalised organisation word is too
    inst_of = (
        (_shifted("low", 1) == "of")
        & _shifted("low", 2).is_in(institution_words or [])
        & _shifted("_tcap", 2)
    ).fill_null(False)
    t = t.with_columns((is_name & inst_of).alias("_inst_of"))
    # (_nrun is non-decreasing, so its groups are contiguous: windows over them need no group-by)
    run_len = len_in("_nrun")
    cap_field = lambda k: (  # noqa: E731
        (_shifted("lab", -k) == "not_name") & _shifted("_tcap", -k)
    )
    org_cap = lambda k: (  # noqa: E731
        (_shifted("lab", -k) == "org_word") & _shifted("_tcap", -k)
    )
    field_then_body = run_end_tok(is_name) & (
        (cap_field(1) & org_cap(2)) | (cap_field(1) & cap_field(2) & org_cap(3))
    )
    t = t.with_columns(field_then_body.fill_null(False).alias("_field_body_run"))
    next_after_run = (
        next_after_run
        | (is_name & any_in(pl.col("_inst_of"), "_nrun") & (run_len <= 3))
        | (is_name & any_in(pl.col("_field_body_run"), "_nrun"))
    )
    # "Vestavind's head of China business X": one possessive word before a firm's or an office's
    # post is the firm, not a person
    # ("Alpenhof's Greater China CEO": also across the market its post covers, a country or place
    # of one or two words)
    # (a compass word may open the market: "Greater China", "East China")

    def where_at(k: int) -> pl.Expr:
        return _shifted("lab", -k).is_in(["country", "place"]) | _shifted("low", -k).is_in(
            compass_words or []
        )

    def firm_post_at(k: int) -> pl.Expr:
        return (_shifted("lab", -k) == "title") & _shifted("kind", -k).is_in(["business", "official", "head"])

    firm_poss = (
        single_run
        & pl.col("poss")
        & (
            firm_post_at(1)
            | (where_at(1) & (_shifted("kind", -2) == "business") & firm_post_at(2))
            | (where_at(1) & where_at(2) & (_shifted("kind", -3) == "business") & firm_post_at(3))
        )
    )
    next_after_run = next_after_run | firm_poss.fill_null(False)

    # (split 53, issue 13b: "Bord Bia's Director for Asia, B", "Fjord Seafood's head of China
    # business, B": a run of two or three words before the possessive and a post is the body too,
    # unless an office or honorific opens it: "Mayor Gong Zheng's chief of staff" is a person's)
    # (runs of two or three words read at their last word, by shifts: no window over the runs;
    # the run's (sid, _nrun) marks every word of it below)
    def name_at(k: int) -> pl.Expr:
        return _shifted("lab", k).fill_null("") == "NAME"

    two_words = name_at(1) & ~name_at(2)
    three_words = name_at(1) & name_at(2) & ~name_at(3)
    styled = ["title", "honorific"]
    titled = (two_words & _shifted("lab", 2).is_in(styled)) | (three_words & _shifted("lab", 3).is_in(styled))
    body_poss = pl.col("poss") & firm_post_at(1) & ~titled.fill_null(False)
    # "Kern-Liebers Werk General Manager B", "Tara Seafoods Director B": a run of two or three
    # words right before an office whose holder's name follows it directly (no comma, no "and")
    # names the body the office serves: one person is never named right before another's title
    title_then_name = pl.lit(False)
    for k in range(1, 4):
        title_then_name = title_then_name | pl.all_horizontal(
            [_shifted("lab", -j) == "title" for j in range(1, k + 1)]
            + [_shifted("span_start", -j) == _shifted("span_start", -1) for j in range(2, k + 1)]
            + [name_at(-(k + 1)) & name_at(-(k + 2))]
        )
    body_before_post = ~pl.col("poss") & title_then_name
    t = t.with_columns(
        (run_end_tok(is_name) & (two_words | three_words) & (body_poss | body_before_post))
        .fill_null(False)
        .alias("_body_run")
    )
    next_after_run = next_after_run | pl.col("_body_run")
    # "Kestrel China President Anja Brandt": one unknown word before the country a firm's office
    # covers (a company's or a head's post) and a person's name right after that office is the
    # firm, not a person, so the country is the firm's branch, not the person's (issue 13a)
    # (also an office of two words: "Scania China general manager Ulrika B"; issue 15c)
    firm_market_run = (
        single_run
        & ~pl.col("poss")
        & (_shifted("lab", -1) == "country")
        & (_shifted("lab", -2) == "title")
        & _shifted("kind", -2).is_in(["business", "head"])
        & (
            (_shifted("lab", -3) == "NAME")
            | (
                (_shifted("lab", -3) == "title")
                & (_shifted("span_start", -3) == _shifted("span_start", -2))
                & (_shifted("lab", -4) == "NAME")
            )
        )
    )
    next_after_run = next_after_run | firm_market_run.fill_null(False)
    # "the British Parliament's All-Party Parliamentary China Group", "Sumitomo Corporation China
    # Unit": a run followed by a place or country (one to three words of one span) and a
    # capitalised organisation word is the body's name, not a person's
    where = ["country", "place", "demonym"]
    span_of = lambda k: (  # noqa: E731
        _shifted("lab", -k).is_in(where) & (_shifted("span_start", -k) == _shifted("span_start", -1))
    )
    org_after = lambda k: (  # noqa: E731
        (_shifted("lab", -k) == "org_word") & _shifted("_tcap", -k)
    )
    body_after_place = pl.any_horizontal(
        [pl.all_horizontal([span_of(j) for j in range(1, k + 1)]) & org_after(k + 1) for k in range(1, 4)]
    )
    next_after_run = next_after_run | body_after_place.fill_null(False)
    # "Osaka-based Sanwa Precision", "the German company Brandt Hydraulik": words right after a
    # firm's seat or a firm noun name the firm
    run_start = is_name & ~_shifted("lab", 1).fill_null("").eq("NAME")
    # (a lower-case noun: "Ningbo Zhoushan Port Group Gong Jianyu" ends a firm's name before a person)
    firm_named = (
        run_start
        & _shifted("low", 1).is_in((seat_words or []) + (firm_nouns or []))
        & (_shifted("tok", 1) == _shifted("low", 1))
    )
    t = t.with_columns(firm_named.fill_null(False).alias("_firm_named")).with_columns(
        any_in(pl.col("_firm_named"), "_nrun").alias("_firm_named")
    )
    next_after_run = next_after_run | pl.col("_firm_named")
    # "president of Japan's Shiseido", "CEO of South Korea's Hanwol": words right after a title's
    # "of" and a country's or place's possessive name the body the title serves, not a person
    run_start_poss = run_start & _after_title_of_possessive_place()
    t = t.with_columns(run_start_poss.fill_null(False).alias("_of_poss")).with_columns(
        any_in(pl.col("_of_poss"), "_nrun").alias("_of_poss")
    )
    next_after_run = next_after_run | pl.col("_of_poss")
    # "Kinta Precision, a Malaysian electronics maker": a run described right after it as a firm
    # (", a" + a nationality or lower-case words + a firm noun) names the firm
    # (not in a sentence telling who took part: "Delegation members included A, ..., and B, a
    # tour operator", "B, a wine producer, was also present" describe a person by trade; a run
    # after a title's "of" still names the firm: "B, general manager of Kinta Precision, a
    # Malaysian electronics maker, attended")
    t = t.with_columns(
        (run_start & (_shifted("low", 1) == "of")).fill_null(False).alias("_run_of")
    ).with_columns(any_in(pl.col("_run_of"), "_nrun").alias("_run_of"))
    taking_part = any_in(pl.col("lab").is_in(["attendance", "delegation_member"]), "sid") & ~pl.col("_run_of")
    firm_appos = (
        run_end_tok(is_name)
        & (_shifted("tok", -1) == ",")
        & _shifted("low", -2).is_in(["a", "an"])
        & _firm_ahead(3, firm_nouns or [])
        & ~taking_part
    )
    next_after_run = next_after_run | firm_appos.fill_null(False)
    # "at the Palácio dos Bandeirantes": a person's name follows a title, a comma or a verb, never
    # a bare "the" (no participant of the dev corpus does); such a run names a body or a place.
    # After "of" only when the run goes on as a body's name does ("Base of Giant Panda Breeding
    # and ...", "Museum of Applied Arts and Sciences", "Universiti Putra Malaysia"): after "of" a
    # name may follow an unknown place ("Office of Hamilton Paul Nakamura, Vice Mayor ...")
    run_end = is_name & ~_shifted("lab", -1).fill_null("").eq("NAME")
    body_goes_on = (_shifted("low", -1) == "and") | _shifted("lab", -1).is_in(["country", "place"])
    t = t.with_columns(
        # ("received a delegation ... at Seri Mutiara yesterday": nor right after "at", where a
        # venue is named)
        (run_start & _shifted("tok", 1).is_in(["the", "at"])).fill_null(False).alias("_after_article"),
        (run_start & (_shifted("tok", 1) == "of")).fill_null(False).alias("_after_of"),
        (run_end & body_goes_on).fill_null(False).alias("_goes_on"),
    ).with_columns(
        any_in(pl.col("_after_article"), "_nrun")
        | (any_in(pl.col("_after_of"), "_nrun") & any_in(pl.col("_goes_on"), "_nrun")).alias("_after_article")
    )
    next_after_run = next_after_run | pl.col("_after_article")
    # (the same words elsewhere in the article, when a firm's word, noun or apposition names them)
    firm_runs = _same_name_runs(
        t.filter(is_name).select("sid", "article_id", "_nrun", "tok"),
        t.filter(
            is_name
            & (
                firm_word_after.fill_null(False)
                | pl.col("_firm_named")
                | firm_appos.fill_null(False)
                | pl.col("_after_article")
                | (pl.col("_body_run") & ~pl.col("poss"))
            )
        )
        .select("sid", "_nrun")
        .unique(maintain_order=True),
    )
    # (rows of one sid and _nrun are all names or all not: a name run is found by its _nrun alone,
    # with no join back to the whole token frame)
    org_runs = pl.concat([t.filter(is_name & next_after_run).select("_nrun"), firm_runs.select("_nrun")])
    place_runs = t.filter(is_name & place_next).select("_nrun")
    t = t.with_columns(
        pl.when(is_name & pl.col("_nrun").is_in(org_runs.get_column("_nrun").implode()))
        .then(True)
        .alias("_org"),
        pl.when(is_name & pl.col("_nrun").is_in(place_runs.get_column("_nrun").implode()))
        .then(True)
        .alias("_placename"),
    ).with_columns(
        pl.when(is_name & pl.col("_org").fill_null(False))
        .then(pl.lit("ORGNAME"))
        .when(is_name & pl.col("_placename").fill_null(False))
        .then(pl.lit("PLACENAME"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    )
    # "the Victoria and Albert Museum", "the Brandenburg and Prussia Foundation": a place joined by
    # "and" to a body's name (unknown words closed by a capitalised organisation word) is a word of
    # that name, neither where the meeting was nor anybody's country
    org_cap_at = lambda k: (  # noqa: E731
        (_shifted("lab", -k) == "org_word") & _shifted("_tcap", -k)
    )
    joined_body = (
        (pl.col("lab") == "place")
        & (_shifted("low", -1) == "and")
        & (_shifted("lab", -2) == "ORGNAME")
        & pl.any_horizontal(
            [
                pl.all_horizontal([_shifted("lab", -j) == "ORGNAME" for j in range(2, k)]) & org_cap_at(k)
                for k in range(3, 6)
            ]
        )
    ).fill_null(False)
    t = t.with_columns(pl.when(joined_body).then(pl.lit("ORGNAME")).otherwise(pl.col("lab")).alias("lab"))
    # Name parts: capitalised unknown words, and particles between two of them ("Ursula von der Leyen").
    is_part = pl.col("lab") == "NAME"
    particle_inside = (
        (pl.col("lab") == "PARTICLE")
        & _shifted("lab", 1).is_in(["NAME", "PARTICLE"])
        & (_shifted("lab", -1).is_in(["NAME", "PARTICLE"]))
    )
    np_ = is_part | particle_inside
    t = t.with_columns(np_.alias("_np"))
    t = t.with_columns(
        (pl.col("_np") != shift_in(pl.col("_np"), 1, "sid").fill_null(False)).cum_sum().alias("_run")
    )
    runs = (
        t.filter("_np")
        .group_by("sid", "_run", maintain_order=True)
        .agg(
            pl.col("pos").min().alias("start"),
            pl.col("pos").max().alias("end"),
            # an initial keeps its period: "A. K. Menon"
            pl.when(pl.col("tok").str.contains(r"^\p{Lu}$"))
            .then(pl.col("tok") + ".")
            .otherwise(pl.col("tok"))
            .str.join(" ")
            .alias("name"),
            (pl.col("lab") == "NAME").sum().alias("ntok"),
            pl.col("poss").last().alias("poss"),
            pl.col("tok").first().alias("first_tok"),
            pl.col("tok").last().alias("last_tok"),
        )
    )
    single = runs.filter(pl.col("ntok") == 1).select(
        "sid", pl.col("start").alias("pos"), pl.lit(True).alias("_single")
    )
    t = t.join(single, on=["sid", "pos"], how="left", maintain_order="left").with_columns(
        pl.when(pl.col("_single").fill_null(False))
        .then(pl.lit("NAME1"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    )
    # Context chains: maximal runs of describing words; "and", verbs and names end them.
    is_cap = pl.col("_tcap")
    ctx_lab = (
        pl.when((pl.col("lab") == "not_name") & is_cap).then(pl.lit("not_name_cap")).otherwise(pl.col("lab"))
    )
    # "HANOI -- Jiangsu Party Secretary X": a dateline in capitals opening the sentence describes nobody
    # ("OLYMPIA / SHANGHAI - Gov. X": every place of a dateline of several)
    dateline = pl.col("caps_opening") & (pl.col("tok").str.len_chars() > 2)
    # "Minister for Trade X" describes X, "at the Residence of France for Sichuan Vice Governor X"
    # does not: "for" carries a description on only right after a title
    # (the words asked of neighbours below are compared once and shifted as booleans, not
    # shifted as strings and compared once per neighbour)
    t = t.with_columns(
        (pl.col("low") == "for").alias("_w_for"),
        (pl.col("low") == "of").alias("_w_of"),
        (pl.col("lab") == "title").alias("_w_title"),
        pl.col("kind").is_in(["business", "head"]).alias("_w_office"),
        pl.col("lab").is_in(["country", "place"]).alias("_w_where"),
        pl.col("low").is_in(compass_words or []).alias("_w_compass"),
        (pl.col("lab") == "CONN").alias("_w_conn"),
        pl.col("low").is_in(["and", ","]).alias("_w_and"),
        pl.col("lab").is_in(["org", "org_word"]).alias("_w_org"),
        (pl.col("tok") == ",").alias("_w_comma"),
    )
    stray_for = pl.col("_w_for") & ~_shifted("_w_title", 1).fill_null(False)

    # (issue 12d: "A, president of Greater China for Finnish telecom maker X", "president of China
    # region for Taiwan-based Y": "for" after the market a firm's post covers carries the description
    # on to the firm; the market is no country held, below)
    def market_at(p: int) -> pl.Expr:
        def office_of(q: int) -> pl.Expr:
            return _shifted("_w_of", q) & _shifted("_w_title", q + 1) & _shifted("_w_office", q + 1)

        # (split 56: or one or two capitalised words of no list, a region no country names: "president
        # of Asia Pacific for the Danish shipping group X")
        def region_word(q: int) -> pl.Expr:
            return (_shifted("lab", q) == "not_name") & _shifted("tok", q).str.contains(r"^\p{Lu}\p{Ll}")

        return (
            _shifted("_w_where", p) & (office_of(p + 1) | (_shifted("_w_compass", p + 1) & office_of(p + 2)))
        ) | (region_word(p) & (office_of(p + 1) | (region_word(p + 1) & office_of(p + 2))))

    market_for = (
        pl.col("_w_for") & (market_at(1) | (_shifted("_w_conn", 1) & _shifted("_tlower", 1) & market_at(2)))
    ).fill_null(False)
    t = t.with_columns(market_for.alias("_market_for")).with_columns(
        _shifted("_market_for", 1).fill_null(False).alias("_after_market_for")
    )
    stray_for = stray_for & ~market_for
    # "B, Governor of Sao Paulo, on Friday, Jiefang Daily reported": a day is when, not who; the
    # description ends before it (so the paper is no organisation of B)
    weekday = pl.col("low").is_in([w.lower() for w in WEEKDAYS])
    # "vice president and corporate secretary of the AIIB", "X, honorary chairman of ...": a
    # lower-case qualifier between "and" or a comma and a title keeps the description going
    # (a known word as well: "X, sports director of the IOC", but no determiner: "its director")
    qualifier = (
        (
            (pl.col("lab") == "OTHER")
            | ((pl.col("lab") == "not_name") & ~pl.col("low").is_in(determiners or []))
        )
        # (or between a body and its officer's title: "OCA sports director B", "IOC media director B")
        & (_shifted("_w_and", 1) | _shifted("_w_org", 1))
        & _shifted("_w_title", -1)
        & pl.col("tok").str.contains(r"^\p{Ll}")
    ).fill_null(False)
    # "B, secretary for international relations of the Sao Paulo state government": one to three
    # lower-case words naming a field right after a title's "for", followed by "of", keep the
    # description going to the body after them
    lower = lambda k: _shifted("_tlower", k).fill_null(False)  # noqa: E731
    field_for = pl.lit(False)
    for n in (1, 2, 3):  # the run's length
        for i in range(n):  # this word's place in it (words before: i, after: n - 1 - i)
            field_for = field_for | (
                _shifted("_w_for", i + 1)
                & _shifted("_w_title", i + 2)
                & pl.all_horizontal([lower(-j) for j in range(-i, n - i)])
                & _shifted("_w_of", -(n - i))
            ).fill_null(False)
    field_for = field_for & ~pl.col("low").is_in(["of", "for", "and"])
    # "Nairobi's county executive for trade, B", "Macao's director of the economic and
    # technological development bureau, B": a lower-case field or body of up to FIELD_BODY_WORDS
    # words after a title's "of" or "for", closed by a comma right before a name, is the office B
    # holds (an "and" inside it joins the field's words, it opens no description of its own)
    t = _field_body_before_name(t).with_columns(
        pl.when(pl.col("_field_body") & (pl.col("lab") == "AND"))
        .then(pl.lit("CONN"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    )
    # "Prof. B, a vice-president of the University of Hong Kong": an indefinite article opening an
    # apposition right before a title keeps it describing the name before the comma
    appos_article = (
        pl.col("low").is_in(["a", "an"]) & _shifted("_w_comma", 1) & _shifted("_w_title", -1)
    ).fill_null(False)
    # "... led by its Chairman, B, at the Hokkaido Government Office in Sapporo": "at" right after
    # the comma that closes an apposition opens where the meeting is, no description of B
    venue_at = ((pl.col("low") == "at") & _shifted("_w_comma", 1)).fill_null(False)
    # (split 53, issue 13b: "the President of the Métropole de Lyon, B", "Secretary of the
    # Generalitat de Catalunya, B": a particle between a body's word and a place joins them like
    # "of", carrying the description on)
    body_particle = (
        (pl.col("lab") == "PARTICLE")
        & _shifted("lab", 1).is_in(["org_word", "ORGNAME"])
        & _shifted("lab", -1).is_in(["place", "country", "PLACENAME"])
    ).fill_null(False)
    # (... and "the head of the Bavarian representative office in Shandong, B": one or two
    # lower-case words between a place, country or nationality and a body's word qualify the body)
    # (a lower-case word: the token equals its lower-case form, no regex over the tokens)
    t = t.with_columns(
        (
            pl.col("lab").is_in(["OTHER", "not_name"])
            & (pl.col("tok") == pl.col("low"))
            & ~pl.col("low").is_in((determiners or []) + ["and", "or", "by", "with", "at", "from"])
        )
        .fill_null(False)
        .alias("_lw_other")
    )
    describing = ["place", "country", "demonym", "PLACENAME", "org_word", "ORGNAME"]
    body_qualifier = (
        pl.col("_lw_other")
        & (
            (
                (_shifted("lab", -1) == "org_word")
                & (
                    _shifted("lab", 1).is_in(describing)
                    | (_shifted("_lw_other", 1) & _shifted("lab", 2).is_in(describing))
                )
            )
            | (
                _shifted("_lw_other", -1)
                & (_shifted("lab", -2) == "org_word")
                & _shifted("lab", 1).is_in(describing)
            )
        )
    ).fill_null(False)
    eligible = (
        (
            ctx_lab.is_in(CONTEXT_LABELS)
            & ~pl.col("_np").fill_null(False)
            & ~venue_at
            & ~(dateline & (pl.col("lab") == "place"))
            & ~pl.col("dateline")
            & ~stray_for
            & ~weekday
        )
        | (pl.col("lab") == "NAME1")
        | qualifier
        | appos_article
        | field_for
        | pl.col("_field_body")
        | body_particle
        | body_qualifier
    )
    t = t.with_columns(
        eligible.alias("_elig"),
        _shifted("low", 1).alias("prev_low"),
        _shifted("low", 2).alias("_prev2_low"),
        _shifted("lab", 1).alias("_prev_lab"),
        _shifted("iso2", 1).alias("_prev_iso2"),
        _shifted("kind", 1).alias("_prev_kind"),
    ).drop(
        "_w_for",
        "_w_of",
        "_w_title",
        "_w_office",
        "_w_where",
        "_w_compass",
        "_w_conn",
        "_w_and",
        "_w_org",
        "_w_comma",
    )
    t = t.with_columns(
        pl.when(pl.col("_elig"))
        .then((pl.col("_elig") != shift_in(pl.col("_elig"), 1, "sid").fill_null(False)).cum_sum())
        .alias("chain")
    )
    # "and" splits a chain into segments: "Minister for Trade and Industry, X" is one description,
    # "Party Secretary X and Mayor Y" gives Y the segment after "and".
    t = t.with_columns(
        pl.when(pl.col("chain").is_not_null())
        .then(cum_sum_in((pl.col("lab") == "AND").cast(pl.Int32), "chain"))
        .alias("seg")
    )
    # "Meeting A, Sweden's new Ambassador, Shanghai Mayor B said ...": a description between two
    # names, opened by the comma after the first, with an office before its last comma and another
    # after it, is two: the words from that comma on describe the second name only (a chain of
    # their own), the words before it the first (no "and" in it: segments split those)
    spans = _chain_spans(t)
    t = _split_between_names(t, spans)
    # "In Hamburg, Shanghai Vice Mayor B met ...", "While in Lyon, B ...": a place opening the chain
    # after "in" and closed by a comma is where, not who; the words after the comma describe B
    # (chains opening on "in" are none of those split above: the spans still hold)
    t = _split_opening_where(t, spans)
    # "Seoul-based Daeyang Chemical", "a firm headquartered in Oslo": the place is the firm's seat
    seat = pl.col("low").is_in(seat_words or [])
    t = t.with_columns(
        (
            pl.col("lab").is_in(["country", "place"])
            & pl.col("iso2").is_not_null()
            & (shift_in(seat, -1, "sid") | ((_shifted("low", 1) == "in") & shift_in(seat, 2, "sid")))
        )
        .fill_null(False)
        .alias("_seat")
    ).with_columns(_whole_span("_seat"))  # "Hong Kong-based": the whole place's span
    t = _institution_seat(t, institution_words)
    # "Halcyon BioLabs, a Singaporean biotech firm": the nationality of a firm's apposition is its
    # seat as well
    t = t.with_columns(
        (
            pl.col("_seat")
            | (
                pl.col("lab").is_in(["demonym", "country"])
                & pl.col("iso2").is_not_null()
                & _shifted("low", 1).is_in(["a", "an"])
                & (_shifted("tok", 2) == ",")
                & _firm_ahead(1, firm_nouns or [])
            ).fill_null(False)
        ).alias("_seat")
    ).with_columns(_whole_span("_seat"))
    # "Nordvik Offshore, which is headquartered in Oslo": a firm's seat named later in the sentence,
    # with no other organisation between, is the country of the firm's name
    org_tok = pl.col("lab").is_in(["ORGNAME", "org", "CAPS"])
    seat_or_block = pl.when(pl.col("_seat")).then(pl.col("iso2")).when(org_tok).then(pl.lit(""))
    t = t.with_columns(
        pl.when(org_tok)
        .then(backward_fill_in(shift_in(seat_or_block, -1, "sid"), "sid"))
        .replace("", None)
        .alias("_firm_seat")
    )
    # "head of China business", "head of Asia operations": a market served is no country held
    # ("Department of American and Oceanian Affairs": so is the first of two fields joined by "and"
    # or a comma before the market noun, the second one or two capitalised words)
    market = _shifted("low", -1).is_in(market_words or [])
    for k in (3, 4):
        market = market | (
            _shifted("low", -1).is_in(["and", ","])
            & pl.all_horizontal([_shifted("_tcap", -j) for j in range(2, k)])
            & _shifted("low", -k).is_in(market_words or [])
        )
    market = (
        market | _shifted("_market_for", -1) | ((_shifted("lab", -1) == "CONN") & _shifted("_market_for", -2))
    )
    t = t.with_columns(
        (pl.col("lab").is_in(["country", "place", "demonym"]) & market).fill_null(False).alias("_market")
    ).with_columns(_whole_span("_market"))  # "Greater China business": the whole place's span
    # "People's Committee of Vietnam's Lao Cai province": a country right before one of its own
    # places names the government served, never a firm's branch
    t = t.with_columns(
        (
            (pl.col("lab") == "country")
            & (_shifted("lab", -1) == "place")
            & (_shifted("iso2", -1) == pl.col("iso2"))
        )
        .fill_null(False)
        .alias("_of_place")
    )
    # "Trade Commissioner for South West China", "Commissioner for Greater China": capitalised
    # qualifiers (`not_name`) between a posting word and the place still name the posting, so the
    # word that counts is the one before them
    qualifier_at = lambda k: (  # noqa: E731
        (_shifted("lab", k) == "not_name") & _shifted("_tcap", k)
    ).fill_null(False)
    t = t.with_columns(
        pl.when(qualifier_at(1) & qualifier_at(2))
        .then(_shifted("low", 3))
        .when(qualifier_at(1))
        .then(_shifted("low", 2))
        .otherwise(pl.col("prev_low"))
        .alias("_posting_low")
    )
    # "chairman of the chamber's North China board": a country after a body in the possessive
    # (qualifiers between) is that body's branch, no country the person holds
    org_poss_at = lambda k: (  # noqa: E731
        _shifted("lab", k).is_in(["org_word", "org", "ORGNAME", "CAPS"]) & _shifted("poss", k)
    ).fill_null(False)
    t = t.with_columns(
        pl.when(qualifier_at(1) & qualifier_at(2))
        .then(org_poss_at(3))
        .when(qualifier_at(1))
        .then(org_poss_at(2))
        .otherwise(org_poss_at(1))
        .alias("_after_body_poss")
    )
    # "Dennis Oakridge, China president of Cargill": a country right before a firm's office is the
    # market the office covers (read with the firm in the chain: _describe)
    t = t.with_columns(
        (
            (pl.col("lab") == "country")
            & (_shifted("lab", -1) == "title")
            & _shifted("kind", -1).is_in(["business", "head"])
        )
        .fill_null(False)
        .alias("_before_firm_office")
    ).with_columns(
        (pl.col("_before_firm_office") & (_shifted("low", -2) == "of"))
        .fill_null(False)
        .alias("_office_of_after")
    )
    # only the columns read below: filtering and grouping the whole token frame costs more
    chain_tok = t.filter(pl.col("chain").is_not_null()).select(
        "sid",
        "chain",
        "seg",
        "pos",
        "span_start",
        "lab",
        "tok",
        "low",
        "value",
        "kind",
        "iso2",
        "prev_low",
        "_posting_low",
        "_after_body_poss",
        "_prev2_low",
        "_prev_lab",
        "_prev_iso2",
        "_prev_kind",
        "_seat",
        "_firm_seat",
        "_market",
        "_before_firm_office",
        "_of_place",
        "_after_market_for",
        "_office_of_after",
        "poss",
    )
    whole = _describe(chain_tok, ["sid", "chain"], compass_words)
    by_seg = _describe(chain_tok, ["sid", "chain", "seg"], compass_words)
    # Attach to each name the chain just before it and the apposition just after it (", ...").
    # ("A, Lord Mayor of the City of London, and Sir B": honorifics right after "and" open B's
    # description as "and" itself does; A's office before them is A's)
    after_and = (pl.col("lab") == "AND") | (
        (pl.col("lab") == "honorific")
        & (
            (_shifted("lab", 1) == "AND")
            | ((_shifted("lab", 1) == "honorific") & (_shifted("lab", 2) == "AND"))
        )
    ).fill_null(False)
    # ("A, Deputy Chief Minister of Sarawak, Dr. B, Minister of ...": honorifics right after a comma
    # open B's description as the comma itself does)
    comma_open = (pl.col("lab") == "COMMA") | (
        (pl.col("lab") == "honorific")
        & (
            (_shifted("lab", 1) == "COMMA")
            | ((_shifted("lab", 1) == "honorific") & (_shifted("lab", 2) == "COMMA"))
        )
    ).fill_null(False)
    tok_chain = t.select(
        "sid",
        "pos",
        "chain",
        "seg",
        "lab",
        "tok",
        "poss",
        after_and.alias("_after_and"),
        comma_open.alias("_comma"),
        # (a comma opening the next conjunct: "The Financial Secretary, B, and the Director of the
        # Chief Secretary's Private Office also attended": no apposition of B; issue 15c)
        ((pl.col("lab") == "COMMA") & (_shifted("lab", -1) == "AND")).fill_null(False).alias("_comma_and"),
    )
    mentions = (
        runs.join(
            tok_chain.select(
                "sid",
                (pl.col("pos") + 1).alias("start"),
                pl.col("chain").alias("before_chain"),
                pl.col("seg").alias("b_seg"),
                pl.col("lab").alias("b_lab"),
                pl.col("poss").alias("b_poss"),
                pl.col("_after_and").alias("_b_after_and"),
                pl.col("_comma").alias("b_comma"),
            ),
            on=["sid", "start"],
            how="left",
            maintain_order="left",
        )
        .join(
            tok_chain.select(
                "sid",
                (pl.col("pos") - 1).alias("end"),
                pl.col("chain").alias("after_chain"),
                pl.col("tok").alias("after_tok"),
                pl.col("_comma_and").alias("_after_and_next"),
            ),
            on=["sid", "end"],
            how="left",
            maintain_order="left",
        )
        .with_columns(
            # ("Peter Hall of Australia, ...": "of" right after a name describes it)
            pl.when(pl.col("after_tok").is_in([",", "(", "of"]) & ~pl.col("_after_and_next").fill_null(False))
            .then(pl.col("after_chain"))
            .alias("after_chain"),
            # "..., and X": nothing between "and" and the name describes X
            pl.when(~pl.col("_b_after_and").fill_null(False))
            .then(pl.col("before_chain"))
            .alias("before_chain"),
        )
        .drop("_b_after_and", "_after_and_next")
    )
    # "including A of Australia, B of Switzerland": a phrase opened by "of" right after a name is
    # that name's, never the description of the name after it; but the words after an "and" in it
    # are the next name's ("A of the City of London Corporation and British Consul General B")
    of_phrases = _chains_after(
        mentions.filter((pl.col("after_tok") == "of") & (pl.col("ntok") >= 2)), "_of_prev"
    )
    # (nor when an office follows a comma in it: "Chairman A of X Fruit Cooperative, General
    # Manager B of Y": the office after the comma opens B's description)
    comma_title = (
        tok_chain.with_columns(
            (pl.col("lab") == "COMMA").cast(pl.Int32).cum_sum().over("sid", "chain").alias("_commas")
        )
        .filter((pl.col("lab") == "title") & (pl.col("_commas") > 0))
        .select("sid", pl.col("chain").alias("before_chain"))
        .unique()
    )
    of_phrases = of_phrases.join(comma_title, on=["sid", "before_chain"], how="anti")
    mentions = (
        mentions.join(of_phrases, on=["sid", "before_chain"], how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("_of_prev").fill_null(False) & (pl.col("b_seg") == 0).fill_null(True))
            .then(None)
            .otherwise(pl.col("before_chain"))
            .alias("before_chain")
        )
        .drop("_of_prev")
    )
    # "A, vice chairman of the regional government, B, director of ...": the apposition of a
    # name with no description before it, closed by a comma, does not describe the next name
    # ("Mexican Ambassador A, the envoy of Colombia, B": A is described, so the chain is B's)
    appositions = _chains_after(mentions.filter(pl.col("before_chain").is_null()), "_is_appos")
    mentions = (
        mentions.join(appositions, on=["sid", "before_chain"], how="left", maintain_order="left")
        .with_columns(
            # (unless "and" stands between: "A, director of X, and Bavaria's Commissioner B")
            pl.when(
                pl.col("_is_appos").fill_null(False)
                & pl.col("b_comma").fill_null(False)
                & (pl.col("b_seg") == 0)
            )
            .then(None)
            .otherwise(pl.col("before_chain"))
            .alias("before_chain")
        )
        .drop("_is_appos")
    )
    # "A, managing director of X, B, president of Y, and C": when B has an apposition with an
    # office of its own, the comma-closed apposition of the full name before describes that name
    # only, even when A's own description ran on before it ("vice president of Danish shipping
    # group Maersk" is no chain the rule above reaches)
    titled_chains = (
        tok_chain.filter((pl.col("lab") == "title") & (pl.col("seg") == 0)).select("sid", "chain").unique()
    )
    # (chains right after a full name: an apposition of that name; read again further down)
    prev_appos = _chains_after(mentions.filter(pl.col("ntok") >= 2), "_prev_appos")
    mentions = (
        mentions.join(prev_appos, on=["sid", "before_chain"], how="left", maintain_order="left")
        .join(
            titled_chains.rename({"chain": "after_chain"}).with_columns(pl.lit(True).alias("_own_office")),
            on=["sid", "after_chain"],
            how="left",
            maintain_order="left",
        )
        .with_columns(
            pl.when(
                pl.col("_prev_appos").fill_null(False)
                & pl.col("_own_office").fill_null(False)
                & pl.col("b_comma").fill_null(False)
                & (pl.col("b_seg") == 0)
            )
            .then(None)
            .otherwise(pl.col("before_chain"))
            .alias("before_chain")
        )
        .drop("_prev_appos", "_own_office")
    )
    cols = [
        "title_last", "kind_last", "title_first", "kind_first", "country", "national", "place", "org", "org_kind"
    ]  # fmt: skip
    seg_b = by_seg.rename({"chain": "before_chain", "seg": "b_seg", **{c: f"s_{c}" for c in cols}})
    all_b = whole.rename({"chain": "before_chain", **{c: f"w_{c}" for c in cols}})
    seg_a = (
        by_seg.filter(pl.col("seg") == 0)
        .drop("seg")
        .rename({"chain": "after_chain", **{c: f"a_{c}" for c in cols}})
    )
    # "X, President and CEO of German company Siemens AG": the country of an apposition's later
    # segment still describes X when no other name follows the apposition (it is nobody's
    # description before a name: "X, Mayor of Y, and German Ambassador Z")
    describes_next = mentions.select("sid", pl.col("before_chain").alias("after_chain")).drop_nulls().unique()
    # (and so does its organisation: "A, vice president and corporate secretary of the AIIB")
    # ("A, Minister for Industry and Trade of New South Wales": an office whose fields are joined
    # by "and" serves the place after them, as a one-field office would)
    all_a = whole.select(
        "sid",
        pl.col("chain").alias("after_chain"),
        pl.col("national").alias("a_whole_national"),
        pl.col("country").alias("a_whole_country"),
        pl.col("org").alias("a_whole_org"),
        pl.col("org_kind").alias("a_whole_org_kind"),
    ).join(
        # (a capitalised word inside the apposition is no next name: "Minister of Information,
        # Culture and Tourism of Laos")
        mentions.filter(pl.col("ntok") >= 2)
        .select("sid", pl.col("before_chain").alias("after_chain"))
        .drop_nulls()
        .unique(),
        on=["sid", "after_chain"],
        how="anti",
    )
    mentions = (
        mentions.join(seg_b, on=["sid", "before_chain", "b_seg"], how="left", maintain_order="left")
        .join(all_b, on=["sid", "before_chain"], how="left", maintain_order="left")
        .join(seg_a, on=["sid", "after_chain"], how="left", maintain_order="left")
        .join(all_a, on=["sid", "after_chain"], how="left", maintain_order="left")
        .with_columns(
            pl.coalesce(
                "a_country",
                "a_whole_national",
                pl.when(pl.col("a_title_first").is_not_null()).then(pl.col("a_whole_country")),
            ).alias("a_country"),
            pl.when(pl.col("a_org").is_null())
            .then(pl.col("a_whole_org_kind"))
            .otherwise(pl.col("a_org_kind"))
            .alias("a_org_kind"),
            pl.coalesce("a_org", "a_whole_org").alias("a_org"),
        )
        .drop("a_whole_national", "a_whole_country", "a_whole_org", "a_whole_org_kind")
    )
    # "Singapore Deputy Prime Minister and Minister for Trade and Industry X": titles joined by
    # "and" with no name between are one person's offices, the first is the main one
    title_segs = (
        by_seg.filter(pl.col("title_last").is_not_null())
        .group_by("sid", "chain", maintain_order=True)
        .agg(pl.len().alias("_title_segs"), pl.col("seg").max().alias("_last_title_seg"))
        .rename({"chain": "before_chain"})
    )
    # "A, Director-General of the Sichuan office, and Deputy Consul General B": the words before
    # "and" are A's apposition; B is described by his own segment only
    appos = _chains_after(mentions, "_appos_of_prev")
    # (of a full name, not of a capitalised word inside an office: "Minister of Construction, ...")
    appos_of_name = prev_appos.rename({"_prev_appos": "_appos_of_name"})
    mentions = (
        mentions.join(title_segs, on=["sid", "before_chain"], how="left", maintain_order="left")
        .join(appos, on=["sid", "before_chain"], how="left", maintain_order="left")
        .join(appos_of_name, on=["sid", "before_chain"], how="left", maintain_order="left")
    )
    # (an office off the canonical list is one too: "A, Vice Governor of Fujian, and the Commercial
    # Attache of the Embassy, B": B's segment is B's own description, not A's place; issue 13a)
    # (only when a comma closes it before B: in "A, the company's COO, and Adria Motors Vice
    # President and Chief Financial Officer B" the whole chain before B is B's)
    own_seg = pl.col("s_title_last").is_not_null() | (
        pl.col("s_kind_last").is_not_null()
        & (pl.col("b_seg") > 0).fill_null(False)
        & pl.col("_appos_of_prev").fill_null(False)
        & pl.col("b_comma").fill_null(False)
    )
    only_own = own_seg & pl.col("_appos_of_prev").fill_null(False)
    several = ~pl.col("_appos_of_prev").fill_null(False) & (pl.col("_title_segs").fill_null(0) >= 2)
    pick = lambda c: pl.when(own_seg).then(pl.col(f"s_{c}")).otherwise(pl.col(f"w_{c}"))  # noqa: E731
    # "A, Pakistan's Ambassador to China, and Dr. B, Punjab's Minister of Health": when the only
    # titles are before the "and", in A's apposition, they give B none (B's own apposition does;
    # "A, and the Secretary for Economy and Finance, B" is B's), nor when B has no apposition
    # ("A, Consul General of X, and Hamburg State Councillor B": an office not in titles.csv)
    borrowed = (
        ~own_seg
        & pl.col("_appos_of_prev").fill_null(False)
        & (pl.col("_last_title_seg") == 0).fill_null(False)
        & (pl.col("a_title_first").is_not_null() | pl.col("_appos_of_name").fill_null(False))
    )
    mentions = mentions.with_columns(
        pl.when(several)
        .then(pl.col("w_title_first"))
        .when(borrowed)
        .then(None)
        .otherwise(pick("title_last"))
        .alias("b_title"),
        pl.when(several)
        .then(pl.col("w_kind_first"))
        .when(borrowed)
        .then(None)
        .otherwise(pick("kind_last"))
        .alias("b_kind"),
        # (a country named in the other person's apposition still holds: "A, Mayor of Perth,
        # Australia, and Deputy Mayor B"; a city or province there is where A serves; but a
        # country with no place is A's own: "A, New Zealand ambassador to China, and Vice Mayor B")
        pl.when(only_own)
        .then(
            pl.coalesce(pick("country"), pl.when(pl.col("w_place").is_not_null()).then(pl.col("w_national")))
        )
        .otherwise(pl.coalesce(pick("country"), pl.col("w_country")))
        .alias("b_country"),
        pl.when(only_own)
        .then(pick("place"))
        .otherwise(pl.coalesce(pick("place"), pl.col("w_place")))
        .alias("b_place"),
        # ("HSBC China president and chief executive X": the firm stands in the first office)
        pl.when(several).then(pl.col("w_org")).otherwise(pick("org")).alias("b_org"),
        pl.when(several).then(pl.col("w_org_kind")).otherwise(pick("org_kind")).alias("b_org_kind"),
        pl.col("a_title_first").alias("a_title"),
        pl.col("a_kind_first").alias("a_kind"),
    )
    # "Vice Minister of Commerce A, Zambian Ambassador to China B": A has an office of its own, so
    # the words after A that lead up to the next name describe B only
    after_is_next = (
        mentions.select("sid", "after_chain")
        .join(
            describes_next.with_columns(pl.lit(True).alias("_next")),
            on=["sid", "after_chain"],
            how="left",
            maintain_order="left",
        )["_next"]
        .fill_null(False)
    )
    mentions = mentions.with_columns(
        pl.when(pl.col("b_title").is_not_null() & after_is_next).then(None).otherwise(pl.col(c)).alias(c)
        for c in ["a_country", "a_place", "a_org", "a_org_kind"]
    )
    use_before = pl.col("b_title").is_not_null() | pl.col("a_title").is_null()
    mentions = mentions.with_columns(
        pl.when(use_before).then("b_title").otherwise("a_title").alias("title"),
        pl.when(use_before).then("b_kind").otherwise("a_kind").alias("title_kind"),
        pl.when(use_before)
        .then(pl.coalesce("b_country", "a_country"))
        .otherwise(pl.coalesce("a_country", "b_country"))
        .alias("country"),
        pl.when(use_before)
        .then(pl.coalesce("b_place", "a_place"))
        .otherwise(pl.coalesce("a_place", "b_place"))
        .alias("place"),
        pl.when(use_before)
        .then(pl.coalesce("b_org", "a_org"))
        .otherwise(pl.coalesce("a_org", "b_org"))
        .alias("org"),
        pl.when(use_before)
        .then(pl.coalesce("b_org_kind", "a_org_kind"))
        .otherwise(pl.coalesce("a_org_kind", "b_org_kind"))
        .alias("org_kind"),
    )
    # "Secretary of the Lang Son Provincial Party Committee": a secretary of a party committee
    party_chains = (
        chain_tok.filter(pl.col("low").is_in(party_words or []))
        .select("sid", "chain")
        .unique(maintain_order=True)
        .with_columns(pl.lit(True).alias("_party"))
    )
    # ... and so does a secretary for a field of government ("the Secretary for Economy and
    # Finance, X": titles.csv's "secretary for", whose "for" is a word of the title), or of one
    # named in title case right after "of" ("Iowa Secretary of Agriculture", session 12; not "the
    # secretary of the trade association", a body's secretary)
    of_field = (
        (pl.col("low") == "of")
        & (pl.col("prev_low") == "secretary")
        & shift_in(pl.col("tok"), -1, ["sid", "chain"]).str.contains(r"^\p{Lu}").fill_null(False)
    )
    body_chains = (
        chain_tok.filter(
            pl.col("low").is_in(secretary_body_words or [])
            | ((pl.col("lab") == "title") & (pl.col("low") == "for"))
            | of_field
        )
        .select("sid", "chain")
        .unique(maintain_order=True)
        .with_columns(pl.lit(True).alias("_body"))
    )
    # "the chamber's president", "the association's secretary-general": an organisation named
    # again by its common noun (lower case, after "the"; or opening a sentence right before the
    # title, as broadcast scripts write it: "Council Executive Director B also attended");
    # meetings.py finds whose it is
    org_refs = (
        chain_tok.with_columns(
            shift_in(pl.col("lab"), -1, ["sid", "chain"]).alias("_next_lab"),
            shift_in(pl.col("lab"), -2, ["sid", "chain"]).alias("_next2_lab"),
            shift_in(pl.col("tok"), -1, ["sid", "chain"]).str.contains(r"^\p{Ll}").alias("_next_lower"),
        )
        .filter(
            (pl.col("lab") == "org_word")
            & (
                ((pl.col("tok") == pl.col("low")) & (pl.col("prev_low") == "the"))
                # (a field between: "Federation events director B")
                | (
                    (pl.col("pos") == 0)
                    & (
                        (pl.col("_next_lab") == "title")
                        | ((pl.col("_next2_lab") == "title") & pl.col("_next_lower"))
                    ).fill_null(False)
                )
            )
        )
        .group_by("sid", "chain", maintain_order=True)
        .agg(pl.col("low").first().alias("org_ref"))
    )
    described_by = pl.when(use_before).then(pl.col("before_chain")).otherwise(pl.col("after_chain"))
    mentions = (
        mentions.with_columns(described_by.alias("chain"))
        .join(party_chains, on=["sid", "chain"], how="left", maintain_order="left")
        .join(body_chains, on=["sid", "chain"], how="left", maintain_order="left")
        .with_columns(
            (
                ~pl.col("_party").fill_null(False)
                & pl.col("_body").fill_null(False)
                & pl.col("title").is_in(["Secretary", "Deputy Secretary"])
            ).alias("body_secretary")
        )
        .join(org_refs, on=["sid", "chain"], how="left", maintain_order="left")
        .with_columns(
            pl.when(
                pl.col("_party").fill_null(False) & pl.col("title").is_in(["Secretary", "Deputy Secretary"])
            )
            .then(pl.col("title").str.replace("Secretary", "Party Secretary"))
            # "group chief executive of Standard Chartered": an organisation's chief executive is
            # its CEO (the Chief Executive of a SAR heads a region, no organisation)
            .when((pl.col("title") == "Chief Executive") & pl.col("org").is_not_null())
            .then(pl.lit("CEO"))
            .otherwise(pl.col("title"))
            .alias("title")
        )
    ).select(
        "sid",
        "start",
        "end",
        "name",
        "ntok",
        "poss",
        "first_tok",
        "last_tok",
        "title",
        "title_kind",
        "country",
        "place",
        "org",
        "org_kind",
        "org_ref",
        "body_secretary",
        "before_chain",
        "after_chain",
        "b_lab",
        "b_poss",
    )
    # "on behalf of President X", "the greetings of President X", "conveyed greetings to
    # President X": X is cited, not present
    _first_comma = pl.col("pos").filter(pl.col("lab") == "COMMA").min()
    chain_edges = (
        t.filter(pl.col("chain").is_not_null())
        .group_by("sid", "chain", maintain_order=True)
        .agg(
            pl.col("pos").min().alias("_cstart"),
            pl.col("low").first().alias("_cfirst"),
            # "At the invitation of Lower Saxony, Minister-President X held ...": a comma after the
            # inviter's name (no title before it), then X's own title, closes the "of" phrase; X is
            # the subject, not cited ("the invitation of the Mayor of Shanghai, X" still cites X)
            (
                ((pl.col("lab") == "title") & (pl.col("pos") > _first_comma)).any()
                & ~((pl.col("lab") == "title") & (pl.col("pos") < _first_comma)).any()
            ).alias("_own_title"),
        )
        .join(
            t.select(
                "sid",
                (pl.col("pos") + 1).alias("_cstart"),
                pl.col("low").alias("_cprev"),
                # ("the former residence of X": a proxy of two words)
                pl.concat_str([shift_in(pl.col("low"), 1, "sid"), pl.col("low")], separator=" ").alias(
                    "_cprev2"
                ),
            ),
            on=["sid", "_cstart"],
            how="left",
            maintain_order="left",
        )
        .select(
            "sid",
            pl.col("chain").alias("before_chain"),
            (
                (
                    pl.col("_cfirst").is_in(["of", "from"])
                    & (pl.col("_cprev").is_in(proxy_words or []) | pl.col("_cprev2").is_in(proxy_words or []))
                    & ~pl.col("_own_title")
                )
                | ((pl.col("_cfirst") == "to") & pl.col("_cprev").is_in(proxy_to_words or []))
            )
            .fill_null(False)
            .alias("proxy"),
        )
    )
    mentions = mentions.join(
        chain_edges, on=["sid", "before_chain"], how="left", maintain_order="left"
    ).with_columns(pl.col("proxy").fill_null(False))
    # "On the French side, X and Y were present": the side named at the head of the sentence is
    # the country of the people named after it who have none of their own
    # (also a city or province: "Attending from the Hefei side were ...", "on the São Paulo side")
    side_word = pl.col("lab").is_in(["demonym", "country", "place"])
    the_before = pl.any_horizontal(
        [
            pl.all_horizontal([_shifted("lab", j) == pl.col("lab") for j in range(1, k)] or [pl.lit(True)])
            & (_shifted("low", k) == "the")
            for k in range(1, 4)
        ]
    )
    side_country = (
        t.filter(
            side_word
            & pl.col("iso2").is_not_null()
            & (_shifted("low", -1) == "side")
            & the_before.fill_null(False)
        )
        .group_by("sid", maintain_order=True)
        .agg(pl.col("pos").min().alias("_side_pos"), pl.col("iso2").first().alias("_side_iso2"))
    )
    mentions = (
        mentions.join(side_country, on="sid", how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("country").is_null() & (pl.col("start") > pl.col("_side_pos")))
            .then(pl.col("_side_iso2"))
            .otherwise(pl.col("country"))
            .alias("country")
        )
        .drop("_side_pos", "_side_iso2")
    )
    return t.drop("_tcap", "_tlower", "_tlowerword"), mentions


def _describe(
    chain_tok: pl.DataFrame, keys: list[str], compass_words: list[str] | None = None
) -> pl.DataFrame:
    """Titles, countries (not postings: "to China", "in Shanghai"), places and orgs of each chain."""
    compass_words = compass_words or []
    span_first = pl.col("span_start").is_null() | (pl.col("span_start") == pl.col("pos"))
    org_tok = pl.col("lab").is_in(["org", "ORGNAME", "CAPS"]).cast(pl.Int32)
    chain_tok = chain_tok.with_columns((cum_sum_in(org_tok, keys[:2]) - org_tok).alias("_orgs_before"))
    # "Commissioner for Hong Kong" is a posting, "a dinner for Sichuan Vice Governor X" is not:
    # "for" names a posting only after a title of the same chain
    title_tok = (pl.col("lab") == "title").cast(pl.Int32)
    chain_tok = chain_tok.with_columns((cum_sum_in(title_tok, keys[:2]) - title_tok).alias("_titles_before"))
    prev_low = pl.col("prev_low").fill_null("")
    posting_low = pl.col("_posting_low").fill_null("")
    posting = posting_low.is_in([w for w in POSTING_WORDS if w != "for"]) | (
        (posting_low == "for") & (pl.col("_titles_before") > 0) & ~pl.col("_after_market_for")
    )
    # "General Manager for East China", "head of operations in South China": a compass word
    # (`compass_word` in cues.csv) between the posting word and the country names a part of it
    prev2_low = pl.col("_prev2_low").fill_null("")
    # "President of the Chamber, at the Chongqing Guest House": "the" between the posting word and
    # the place (a venue, a body posted there) still makes it where the person is, not whose
    posting = posting | ((prev_low == "the") & prev2_low.is_in([w for w in POSTING_WORDS if w != "for"]))
    posting = posting | (
        prev_low.is_in(compass_words)
        & (
            prev2_low.is_in([w for w in POSTING_WORDS if w != "for"])
            | ((prev2_low == "for") & (pl.col("_titles_before") > 0))
        )
    )
    # "Director of the Chief Executive's Office X": an office in the possessive is another
    # person's, so it is no title of this one
    chain_tok = chain_tok.with_columns(pl.coalesce("span_start", "pos").alias("_span")).with_columns(
        any_in(pl.col("poss"), ["sid", "_span"]).alias("_span_poss")
    )
    first_of_span = chain_tok.filter(span_first)
    # an office off the canonical list (titles.csv with no title: "chief operating officer") is read
    # as an office, so it is no name, but gives no title; another office of the chain still does
    titles = first_of_span.filter(
        (pl.col("lab") == "title") & pl.col("value").is_not_null() & ~pl.col("_span_poss")
    )
    # "State Secretary to the Minister for Europe and Foreign Affairs X": an office after "to the",
    # following an office of the chain, is the one served, not held (split 56)
    titles = titles.filter(~((prev_low == "the") & (prev2_low == "to") & (pl.col("_titles_before") > 0)))
    # "Consul General in Guangzhou, Ambassador X": "Ambassador" is the honorary rank of a consular
    # officer; the post held is the title
    titles = titles.filter(
        ~((pl.col("value") == "Ambassador") & pl.col("value").is_in(CONSULAR_TITLES).any().over(keys[:2]))
    )
    # "CEO of Bosch China": a country right after a company's name is the firm's branch
    # ("Chair of the German Chamber of Commerce in China - East China": after the firm in the chain)
    # (but "Speaker of the Legislative Assembly of Samoa": a body *of* a country is that country's)
    branch = (
        (
            (pl.col("lab") == "country")
            & (
                pl.col("_prev_lab").fill_null("").is_in(["org", "ORGNAME", "CAPS"])
                | ((pl.col("_orgs_before") > 0) & (prev_low != "of"))
            )
            & ~pl.col("_of_place")
        )
        | ((pl.col("lab") == "country") & pl.col("_after_body_poss"))
        # (split 56: "president of Samsung Electronics' Suzhou semiconductor unit": so is a place
        # right after a company's name, where its unit sits)
        | (
            (pl.col("lab") == "place") & (pl.col("_prev_lab") == "org") & (pl.col("_prev_kind") == "company")
        ).fill_null(False)
        | (
            # "managing director of the Alberta China Office": a country right after a place of
            # another country is where that place's office is posted, not the person's country
            (pl.col("lab") == "country")
            & (pl.col("_prev_lab").fill_null("") == "place")
            & (pl.col("_prev_iso2") != pl.col("iso2")).fill_null(False)
        )
    )
    # (a country before a firm's office, with the firm named in the chain, is the office's market)
    # (issue 12d: so is one before a firm's office "of" what follows, the firm named after a break
    # in the description: "Greater China president of US computer maker Dell")
    firm_market = pl.col("_before_firm_office") & (
        (pl.col("_orgs_in_chain") > 0) | pl.col("_office_of_after")
    )
    first_of_span = first_of_span.join(
        chain_tok.group_by(keys[:2]).agg(
            pl.col("lab").is_in(["org", "ORGNAME", "CAPS"]).sum().alias("_orgs_in_chain")
        ),
        on=keys[:2],
        how="left",
        maintain_order="left",
    )
    countries = first_of_span.filter(
        pl.col("lab").is_in(["country", "demonym", "place"])
        & pl.col("iso2").is_not_null()
        & (~posting & ~branch & ~pl.col("_market") & ~firm_market | pl.col("_seat"))
    )
    orgs = first_of_span.filter(
        (pl.col("lab") == "org") & ~pl.col("kind").fill_null("").is_in(GOVERNMENT_ORG_KINDS)
        | pl.col("lab").is_in(["CAPS"])
    )
    org_names = (
        chain_tok.filter(pl.col("lab").is_in(["ORGNAME", "org_word"]))
        .group_by(keys, maintain_order=True)
        .agg(pl.col("tok").str.join(" ").alias("orgname"), (pl.col("lab") == "ORGNAME").any().alias("_named"))
        .filter("_named")
        .drop("_named")
    )
    # ... but it still says what kind of office is held ("the Secretary for Justice, X": an
    # official of the government, who sits with the hosts at home like any other)
    off_list = first_of_span.filter(
        (pl.col("lab") == "title")
        & pl.col("value").is_null()
        & pl.col("kind").is_not_null()
        & ~pl.col("_span_poss")
    )
    return (
        chain_tok.group_by(keys, maintain_order=True)
        .agg(pl.len().alias("_n"))
        .join(
            titles.group_by(keys, maintain_order=True).agg(
                pl.col("value").last().alias("title_last"),
                pl.col("kind").last().alias("kind_last"),
                pl.col("value").first().alias("title_first"),
                pl.col("kind").first().alias("kind_first"),
            ),
            on=keys,
            how="left",
            maintain_order="left",
        )
        .join(
            off_list.group_by(keys, maintain_order=True).agg(pl.col("kind").first().alias("_off_kind")),
            on=keys,
            how="left",
            maintain_order="left",
        )
        .with_columns(
            pl.coalesce("kind_last", "_off_kind").alias("kind_last"),
            pl.coalesce("kind_first", "_off_kind").alias("kind_first"),
        )
        .join(
            countries.group_by(keys, maintain_order=True).agg(
                pl.col("iso2")
                .filter((pl.col("lab") != "place") | pl.col("_seat"))
                .first()
                .alias("_national"),
                pl.col("iso2").filter(pl.col("lab") == "place").first().alias("_place_country"),
                pl.col("iso2")
                .filter((pl.col("lab") == "place") & (pl.col("kind") != "city"))
                .first()
                .alias("_region_country"),
                pl.col("value").filter(pl.col("lab") == "place").first().alias("place"),
            ),
            on=keys,
            how="left",
            maintain_order="left",
        )
        .join(
            orgs.group_by(keys, maintain_order=True).agg(
                pl.col("value").first().alias("org_known"),
                pl.col("tok").first().alias("org_caps"),
                pl.col("kind").first().alias("org_kind"),
            ),
            on=keys,
            how="left",
            maintain_order="left",
        )
        .join(org_names, on=keys, how="left", maintain_order="left")
        .join(
            chain_tok.group_by(keys, maintain_order=True).agg(
                pl.col("_firm_seat").drop_nulls().first().alias("_firm_seat")
            ),
            on=keys,
            how="left",
            maintain_order="left",
        )
        .join(
            # "Zhejiang University President X", "Director of the Sichuan Provincial Department
            # of Commerce": a university or a government body serves the country it belongs to
            first_of_span.filter(
                (pl.col("lab") == "org") & pl.col("kind").fill_null("").is_in(COUNTRY_ORG_KINDS)
            )
            .group_by(keys, maintain_order=True)
            .agg(pl.col("iso2").drop_nulls().first().alias("_org_country")),
            on=keys,
            how="left",
            maintain_order="left",
        )
        .join(
            titles.group_by(keys, maintain_order=True).agg(
                (pl.col("kind") == "business").any().alias("_business")
            ),
            on=keys,
            how="left",
            maintain_order="left",
        )
        .with_columns(
            pl.coalesce("org_known", "orgname", "org_caps").alias("org"),
            # a city next to a business title is where the firm or office is ("chair of the
            # chamber's Nanjing Chapter"), not the person's country; a country or demonym is
            # ... but a province or region with no firm named is the government the person serves
            # ("Vice Chairman of the Guangxi Zhuang Autonomous Region")
            pl.coalesce(
                "_national",
                "_firm_seat",
                pl.when(~pl.col("_business").fill_null(False)).then(pl.col("_place_country")),
                pl.when(pl.coalesce("org_known", "orgname", "org_caps").is_null()).then(
                    pl.col("_region_country")
                ),
                "_org_country",
            ).alias("country"),
            pl.col("_national").alias("national"),
        )
        .select(
            *keys,
            "title_last",
            "kind_last",
            "title_first",
            "kind_first",
            "country",
            "national",
            "place",
            "org",
            "org_kind",
        )
    )


def main_office(
    t: pl.DataFrame,
    mentions: pl.DataFrame,
    secondary: list[str] | None,
    party_only: list[str] | None = None,
) -> pl.DataFrame:
    """ "Tong, Deputy Secretary of the CPC Zhejiang Provincial Committee and Governor of Zhejiang
    Province", "Zhu, Member of the Standing Committee of the CPC Tianjin Municipal Committee and
    Executive Vice Mayor of Tianjin": a party post listed with a government office
    (`secondary_title` in cues.csv), or no title at all, gives way to the first other office of
    the same description (not a description of the next name).
    A bare secretary (`party_only_title`) is never that other office: in "Deputy Secretary of the
    Municipal Party Committee and Mayor" it is the party post itself, and anywhere else it is no
    canonical title (drop_party_only_titles), so the government office after it is the main one."""
    if not secondary:
        return mentions
    office_rows = t.filter(
        (pl.col("lab") == "title")
        & (pl.col("span_start") == pl.col("pos"))
        & pl.col("chain").is_not_null()
        & ~pl.col("value").str.to_lowercase().is_in(secondary)
        & ~pl.col("value").str.to_lowercase().is_in(party_only or [])
    ).sort("sid", "pos")
    offices = office_rows.group_by("sid", "chain", maintain_order=True).agg(
        pl.col("value").first().alias("_main"), pl.col("kind").first().alias("_main_kind")
    )
    # an apposition that is also the description of the next name ("A, X of Y, and Mayor B") is not A's
    next_ones = mentions.select(
        "sid", pl.col("before_chain").alias("after_chain"), pl.lit(True).alias("_next")
    )
    next_ones = next_ones.drop_nulls().unique()
    # ... and for B it is only the words after its last "and": in "Comrade A, Secretary of the
    # Provincial Committee, and Comrade B, Deputy Secretary ... and Governor", A's Party Secretary
    # is no office of B's
    last_and = (
        t.filter((pl.col("lab") == "AND") & pl.col("chain").is_not_null())
        .group_by("sid", "chain")
        .agg(pl.col("pos").max().alias("_last_and"))
    )
    shared = mentions.select("sid", pl.col("after_chain").alias("chain")).drop_nulls().unique()
    b_offices = (
        office_rows.join(shared.with_columns(pl.lit(True).alias("_shared")), on=["sid", "chain"], how="left")
        .join(last_and, on=["sid", "chain"], how="left")
        .filter(~pl.col("_shared").fill_null(False) | (pl.col("pos") > pl.col("_last_and").fill_null(-1)))
        .sort("sid", "pos")
        .group_by("sid", "chain", maintain_order=True)
        .agg(pl.col("value").first().alias("_b_main"), pl.col("kind").first().alias("_b_kind"))
    )
    m = (
        mentions.join(
            b_offices.rename({"chain": "before_chain"}),
            on=["sid", "before_chain"],
            how="left",
            maintain_order="left",
        )
        .join(
            offices.rename({"chain": "after_chain"}),
            on=["sid", "after_chain"],
            how="left",
            maintain_order="left",
        )
        .join(next_ones, on=["sid", "after_chain"], how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("_next").fill_null(False)).then(None).otherwise(pl.col("_main")).alias("_main"),
            pl.when(pl.col("_next").fill_null(False))
            .then(None)
            .otherwise(pl.col("_main_kind"))
            .alias("_main_kind"),
        )
    )
    secondary_now = pl.col("title").str.to_lowercase().is_in(secondary)
    main = (
        pl.when(secondary_now & pl.col("_b_main").is_not_null())
        .then(pl.struct(t=pl.col("_b_main"), k=pl.col("_b_kind")))
        .when((secondary_now | pl.col("title").is_null()) & pl.col("_main").is_not_null())
        .then(pl.struct(t=pl.col("_main"), k=pl.col("_main_kind")))
    )
    m = m.with_columns(main.alias("_office"))
    return m.with_columns(
        pl.coalesce(pl.col("_office").struct.field("t"), pl.col("title")).alias("title"),
        pl.when(pl.col("_office").is_not_null())
        .then(pl.col("_office").struct.field("k"))
        .otherwise(pl.col("title_kind"))
        .alias("title_kind"),
    ).drop("_b_main", "_b_kind", "_main", "_main_kind", "_next", "_office")


def drop_party_only_titles(mentions: pl.DataFrame, party_only: list[str] | None) -> pl.DataFrame:
    """ "Principal Secretary of Kenya's State Department", "Jalisco's Secretary of Economic
    Development": a bare secretary (`party_only_title` in cues.csv) is a canonical title only as
    the secretary of a party committee (made Party Secretary by find_mentions); any other is an
    office off the canonical list, with no title (its kind still says what office is held). The
    secretary of a youth league's committee (`body_secretary`) holds a standing office of its own."""
    if not party_only:
        return mentions
    return mentions.with_columns(
        pl.when(
            pl.col("title").str.to_lowercase().is_in(party_only) & ~pl.col("body_secretary").fill_null(False)
        )
        .then(pl.lit(None, dtype=pl.String))
        .otherwise(pl.col("title"))
        .alias("title")
    )


def postnominal_titles(
    t: pl.DataFrame, mentions: pl.DataFrame, people: pl.DataFrame, letters: list[str] | None
) -> pl.DataFrame:
    """people with a title for "Mr Owen Parkes MP", "Ms Joanne Whitely MLC": a member's letters
    right after the name (`postnominal_member` in cues.csv, in capitals, no comma between) make a
    person the article names with no office anywhere a Member of Parliament (ANNOTATION.md: both
    houses are the parliament). `people` is resolve_people's (article_id, name, title, ...)."""
    if not letters:
        return people
    post = t.filter(pl.col("low").is_in(letters) & pl.col("tok").str.contains(r"^\p{Lu}+$")).select(
        "article_id", "sid", (pl.col("pos") - 1).alias("end")
    )
    members = (
        mentions.join(post, on=["sid", "end"], how="inner")
        .select("article_id", "name", pl.lit(True).alias("_post"))
        .unique()
    )
    untitled = pl.col("title").is_null() & pl.col("_post").fill_null(False)
    return (
        people.join(members, on=["article_id", "name"], how="left", maintain_order="left")
        .with_columns(
            pl.when(untitled).then(pl.lit("Member of Parliament")).otherwise(pl.col("title")).alias("title"),
            pl.when(untitled).then(pl.lit("legislature")).otherwise(pl.col("title_kind")).alias("title_kind"),
        )
        .drop("_post")
    )


def predecessors_cited(t: pl.DataFrame, mentions: pl.DataFrame, words: list[str] | None) -> pl.DataFrame:
    """ "Her predecessor A met Zhang in March", "Berg's predecessor, A, ...", "A, her predecessor,
    ...": whoever held the office before (or will hold it after: `predecessor_noun` in cues.csv) is
    cited, never present; such a mention has `proxy` set, as "on behalf of A" does."""
    if not words:
        return mentions
    near = mentions.select("sid", "start", "end").unique()
    near = tokens_at(t, near, "start", {-k: {f"_b{k}": "low"} for k in (1, 2)})
    near = tokens_at(t, near, "end", {k: {f"_a{k}": "low"} for k in range(1, 5)})
    noun = lambda c: pl.col(c).is_in(words).fill_null(False)  # noqa: E731
    cited = near.filter(
        noun("_b1")
        | ((pl.col("_b1") == ",") & noun("_b2"))
        | ((pl.col("_a1") == ",") & (noun("_a2") | noun("_a3") | noun("_a4")))
    ).select("sid", "start", "end", pl.lit(True).alias("_cited"))
    return (
        mentions.join(cited, on=["sid", "start", "end"], how="left", maintain_order="left")
        .with_columns((pl.col("proxy") | pl.col("_cited").fill_null(False)).alias("proxy"))
        .drop("_cited")
    )


def bodies_after_group_of(t: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """mentions without the bodies a plural group is "of": in "representatives of Enterprise Ireland
    and Bord Bia also attended" the run after "and", coordinated with a known organisation that a
    `group_noun` is "of", names a second body, not a person."""
    near = tokens_at(
        t,
        mentions.select("sid", "start").unique(),
        "start",
        {-1: {"_low1": "low"}, -2: {"_lab2": "lab", "_span_start2": "span_start"}},
    ).filter((pl.col("_low1") == "and") & (pl.col("_lab2") == "org"))
    # (the words before the organisation's span: "of", and a group noun before it)
    bodies = (
        tokens_at(t, near, "_span_start2", {-1: {"_of": "low"}, -2: {"_group": "lab"}})
        .filter((pl.col("_of") == "of") & (pl.col("_group") == "group_noun"))
        .select("sid", "start")
    )
    return mentions.join(bodies, on=["sid", "start"], how="anti", maintain_order="left")


# "a student of the linguist Noam Chomsky", "company spokesman Pierre Dubois": how many words (an
# office, a body, a lower-case description) may stand between the cue and the name it cites
CITED_CUE_WORDS = 4


def cited_in_context(
    t: pl.DataFrame, mentions: pl.DataFrame, cues: dict[str, list[str]] | None
) -> pl.DataFrame:
    """People a sentence only cites, whatever it reports: the one a relation is told of ("Professor
    B, a student of Noam Chomsky", "a relative of journalist Edgar Snow": `relation_noun` then
    "of"), the one a source noun introduces ("company spokesman Pierre Dubois said", "Xinhua
    correspondent Zhang Yuan reported": `source_noun`) and the one another person stands in for
    ("Vice Minister A met B on Tuesday, representing Minister C", "in place of Minister C":
    `proxy_verb`). Between the cue
    and the name only words describing the name may stand (no comma, no "and", no other name); such
    a mention has `proxy` set, as "on behalf of C" does. A source noun cites nobody in a sentence
    reporting attendance ("Consulate spokesperson C also attended"). So is a name in the possessive
    whose office words lead to another name ("President C's special envoy B": C is B's principal)."""
    cues = cues or {}
    relation = cues.get("relation_noun", [])
    source = cues.get("source_noun", [])
    proxy_verbs = cues.get("proxy_verb", [])
    if not (relation or source or proxy_verbs):
        return mentions
    near = tokens_at(
        t,
        mentions.select("sid", "start").unique(),
        "start",
        {-k: {f"_w{k}": "low", f"_l{k}": "lab"} for k in range(1, CITED_CUE_WORDS + 3)},
    )

    def describes(k: int) -> pl.Expr:
        # the k-th word before the name describes it: no comma, no "and", no other name
        return ~pl.col(f"_l{k}").is_in(["COMMA", "NAME", "AND"]).fill_null(True) & (
            pl.col(f"_w{k}") != "and"
        ).fill_null(False)

    w = lambda j: pl.col(f"_w{j}")  # noqa: E731

    def phrase_ends_at(k: int, phrases: list[str]) -> pl.Expr:
        # a cue phrase whose last word is the k-th word before the name ("in place of")
        hit = pl.lit(False)
        for phrase in phrases:
            words = phrase.lower().split()
            if k + len(words) - 1 > CITED_CUE_WORDS + 2:
                continue
            at = pl.lit(True)
            for j, word in enumerate(reversed(words)):
                at = at & (w(k + j) == word)
            hit = hit | at
        return hit

    # (a source noun cites nobody in a sentence reporting attendance: "Consulate spokesperson C also
    # attended")
    attending = t.filter(pl.col("lab").is_in(["attendance", "member_marker", "delegation_member"])).select(
        "sid", pl.lit(True).alias("_attending")
    )
    near = near.join(attending.unique(), on="sid", how="left")
    cited = pl.lit(False)
    between = pl.lit(True)
    for k in range(1, CITED_CUE_WORDS + 1):
        cited = cited | (
            between
            & (
                (w(k).is_in(source) & pl.col("_attending").is_null())
                | phrase_ends_at(k, proxy_verbs)
                # ("a former aide to President C")
                | (w(k).is_in(["of", "to"]) & w(k + 1).is_in(relation))
            ).fill_null(False)
        )
        between = between & describes(k)
    flagged = near.filter(cited).select("sid", "start", pl.lit(True).alias("_cited"))
    # "President C's special envoy B": a name in the possessive whose office words lead to another
    # name is that person's principal, cited (B is named for them)
    after = tokens_at(
        t,
        mentions.filter(pl.col("poss").fill_null(False)).select("sid", "start", "end").unique(),
        "end",
        {k: {f"_f{k}": "low", f"_g{k}": "lab"} for k in range(1, CITED_CUE_WORDS + 2)},
    )
    next_name = pl.lit(False)
    between = pl.lit(True)
    for k in range(1, CITED_CUE_WORDS + 2):
        next_name = next_name | (between & (pl.col(f"_g{k}") == "NAME").fill_null(False) & pl.lit(k > 1))
        between = (
            between
            & ~pl.col(f"_g{k}").is_in(["COMMA", "NAME", "AND"]).fill_null(True)
            & (pl.col(f"_f{k}") != "and").fill_null(False)
        )
    principals = after.filter(next_name).select("sid", "start", pl.lit(True).alias("_principal"))
    flagged = pl.concat(
        [
            flagged,
            principals.rename({"_principal": "_cited"}),
            _represented(t, mentions, cues).cast(flagged.schema),
            _message_senders(t, mentions, cues.get("message_noun", []), cues.get("message_verb", [])).cast(
                flagged.schema
            ),
        ]
    ).unique(subset=["sid", "start"])
    return (
        mentions.join(flagged, on=["sid", "start"], how="left", maintain_order="left")
        .with_columns((pl.col("proxy") | pl.col("_cited").fill_null(False)).alias("proxy"))
        .drop("_cited")
    )


# words a message's sender may be named within, after its "from" (the sender's description)
MESSAGE_SENDER_WORDS = 8
# words between a `message_verb` and its message noun ("sent a recorded video message")
MESSAGE_OBJECT_WORDS = 3


def _message_senders(
    t: pl.DataFrame, mentions: pl.DataFrame, nouns: list[str], verbs: list[str] | None = None
) -> pl.DataFrame:
    """(sid, start, _cited): "Organisers have received congratulatory letters from C, president of
    ..., and from Finnish Minister D", "The forum received video messages from C and from D": the
    first person named after a message's "from" (`message_noun` right before it, or "and from"
    after one in the same sentence) sent it from elsewhere and is cited; so is a person named right
    before a `message_verb` whose object is a message ("..., and director C sent a recorded
    message": no comma between, so not "B, who delivered a letter from ..."; issue 15b)."""
    empty = pl.DataFrame(schema={"sid": pl.Int64, "start": pl.Int64, "_cited": pl.Boolean})
    if not nouns:
        return empty
    senders = empty
    if verbs:
        after = tokens_at(
            t,
            mentions.select("sid", "start", "end").unique(),
            "end",
            {k: {f"_a{k}": "low"} for k in range(1, MESSAGE_OBJECT_WORDS + 2)},
        )
        message_after = pl.lit(False)
        for k in range(2, MESSAGE_OBJECT_WORDS + 2):
            message_after = message_after | pl.col(f"_a{k}").is_in(nouns).fill_null(False)
        senders = after.filter(pl.col("_a1").is_in(verbs).fill_null(False) & message_after).select(
            pl.col("sid").cast(pl.Int64), pl.col("start").cast(pl.Int64), pl.lit(True).alias("_cited")
        )
    froms = tokens_at(
        t,
        t.filter(pl.col("low") == "from").select("sid", "pos"),
        "pos",
        {-1: {"_before": "low"}},
    )
    sent = froms.filter(pl.col("_before").is_in(nouns))
    if sent.is_empty():
        return senders
    first_sent = sent.group_by("sid").agg(pl.col("pos").min().alias("_first"))
    also = (
        froms.filter(pl.col("_before") == "and")
        .join(first_sent, on="sid", how="inner")
        .filter(pl.col("pos") > pl.col("_first"))
    )
    marks = pl.concat([sent.select("sid", "pos"), also.select("sid", "pos")]).unique()
    from_sender = (
        mentions.select("sid", "start")
        .join(marks.with_columns(pl.col("sid").cast(mentions.schema["sid"])), on="sid", how="inner")
        .filter((pl.col("start") > pl.col("pos")) & (pl.col("start") <= pl.col("pos") + MESSAGE_SENDER_WORDS))
        .group_by("sid", "pos")
        .agg(pl.col("start").min())
        .select(pl.col("sid").cast(pl.Int64), pl.col("start").cast(pl.Int64), pl.lit(True).alias("_cited"))
    )
    return pl.concat([senders, from_sender]).unique()


def _represented(t: pl.DataFrame, mentions: pl.DataFrame, cues: dict[str, list[str]]) -> pl.DataFrame:
    """(sid, start, _cited): "The bank's president, C, was represented by Vice President B", "Governor
    C, who could not travel, was represented by B": the last person named before a
    `stand_in_marker` is absent, the one the stand-in is there for (B, after it, takes part)."""
    empty = pl.DataFrame(schema={"sid": pl.Int64, "start": pl.Int64, "_cited": pl.Boolean})
    phrases = [p.lower().split() for p in cues.get("stand_in_marker", [])]
    if not phrases:
        return empty
    # (only the tokens that are words of a marker: the whole token frame is large)
    words = t.select("sid", "pos", "low").filter(pl.col("low").is_in(sorted({w for p in phrases for w in p})))
    found = []
    for phrase in phrases:
        at = words.filter(pl.col("low") == phrase[0]).select("sid", pl.col("pos").alias("_mpos"))
        for j, word in enumerate(phrase[1:], start=1):
            at = at.join(
                words.filter(pl.col("low") == word).select("sid", (pl.col("pos") - j).alias("_mpos")),
                on=["sid", "_mpos"],
                how="semi",
            )
        found.append(at)
    markers = pl.concat(found).unique()
    if markers.is_empty():
        return empty
    return (
        mentions.select("sid", "start", "end")
        .join(markers.with_columns(pl.col("sid").cast(mentions.schema["sid"])), on="sid", how="inner")
        .filter(pl.col("end") < pl.col("_mpos"))
        .sort("start")
        .group_by("sid", "_mpos")
        .agg(pl.col("start").last())
        .select("sid", "start", pl.lit(True).alias("_cited"))
    )


def press_credited(t: pl.DataFrame, mentions: pl.DataFrame, roles: list[str] | None) -> pl.DataFrame:
    """ "Our reporter A attended the meeting", "camera operator B was there": a person named right
    after a press role (`credit_role` in cues.csv, one word or two) covers the meeting for the page
    and takes no part in it (ANNOTATION.md: reporters, editors, photographers are no participants);
    such a mention has `proxy` set, as "on behalf of A" does."""
    if not roles:
        return mentions
    # (only the tokens that are words of a role: the whole token frame is large)
    role_words = pl.Series(sorted({w for r in roles for w in r.split()}), dtype=pl.String)
    low = t.select("sid", "pos", "low").filter(pl.col("low").is_in(role_words))
    near = mentions.select("sid", "start", "end").unique()
    for k, alias in ((1, "_b1"), (2, "_b2")):
        near = near.join(
            low.select("sid", (pl.col("pos") + k).alias("start"), pl.col("low").alias(alias)),
            on=["sid", "start"],
            how="left",
        )
    role = pl.Series(roles, dtype=pl.String)
    press = near.filter(
        pl.col("_b1").is_in(role).fill_null(False)
        | pl.concat_str([pl.col("_b2"), pl.col("_b1")], separator=" ").is_in(role).fill_null(False)
    ).select("sid", "start", "end", pl.lit(True).alias("_press"))
    return (
        mentions.join(press, on=["sid", "start", "end"], how="left", maintain_order="left")
        .with_columns((pl.col("proxy") | pl.col("_press").fill_null(False)).alias("proxy"))
        .drop("_press")
    )


def delegation_heads_country(
    t: pl.DataFrame, mentions: pl.DataFrame, visitor_nouns: list[str] | None
) -> pl.DataFrame:
    """ "A Henan provincial delegation led by Party Secretary X", "a delegation from Hubei led by
    Governor X": the head of a delegation named by its place, country or people, with no country of
    their own, comes from there (issue 12c: the head of a trip abroad had taken the stop's country)."""
    if not visitor_nouns:
        return mentions
    # the place before the noun (one lower-case word may stand between: "provincial", "business")
    # or right after it with "from" ("a delegation from Hubei")
    before = pl.coalesce(
        pl.when(_shifted("lab", 1).is_in(["place", "country", "demonym"])).then(_shifted("iso2", 1)),
        pl.when(
            _shifted("lab", 2).is_in(["place", "country", "demonym"])
            & (_shifted("low", 1) == _shifted("tok", 1))
            & ~_shifted("lab", 1).is_in(["COMMA", "AND"])
        ).then(_shifted("iso2", 2)),
    )
    after_from = pl.when(
        (_shifted("low", -1) == "from") & _shifted("lab", -2).is_in(["place", "country", "demonym"])
    ).then(_shifted("iso2", -2))
    # (read in place at each noun: no join back to the whole token frame)
    nouns = (
        t.select(
            "sid",
            "pos",
            before.alias("_iso_before"),
            after_from.alias("_iso_from"),
            pl.col("low").is_in(visitor_nouns).alias("_noun"),
        )
        .filter("_noun")
        .drop("_noun")
    )
    # "led by" right after the noun, or after its "from <place>"
    led = t.filter((pl.col("low") == "by") & (_shifted("low", 1) == "led")).select(
        "sid", pl.col("pos").alias("_by")
    )
    heads = (
        pl.concat(
            [
                nouns.select("sid", (pl.col("pos") + 2).alias("_by"), pl.col("_iso_before").alias("_iso")),
                nouns.select("sid", (pl.col("pos") + 4).alias("_by"), pl.col("_iso_from").alias("_iso")),
            ]
        )
        .drop_nulls()
        .join(led, on=["sid", "_by"], how="semi")
    )
    if heads.is_empty():
        return mentions
    # the first person named after "by" (their title chain opening right after it)
    first_after = (
        mentions.join(heads.with_columns(pl.col("_by").cast(pl.Int32)), on="sid", how="inner")
        .filter(pl.col("start") > pl.col("_by"))
        .sort("sid", "_by", "start")
        .group_by("sid", "_by", maintain_order=True)
        .agg(pl.col("start").first(), pl.col("_iso").first())
    )
    chain_start = (
        t.filter(pl.col("chain").is_not_null()).group_by("sid", "chain").agg(pl.col("pos").min().alias("_c0"))
    )
    return (
        mentions.join(first_after, on=["sid", "start"], how="left", maintain_order="left")
        .join(
            chain_start.rename({"chain": "before_chain"}).with_columns(
                pl.col("before_chain").cast(pl.UInt32)
            ),
            on=["sid", "before_chain"],
            how="left",
            maintain_order="left",
        )
        .with_columns(
            pl.when(
                pl.col("country").is_null()
                & pl.col("_iso").is_not_null()
                & (pl.coalesce("_c0", "start") == pl.col("_by") + 1)
            )
            .then(pl.col("_iso"))
            .otherwise(pl.col("country"))
            .alias("country")
        )
        .drop("_by", "_iso", "_c0")
    )


def cited_visitors(
    t: pl.DataFrame, mentions: pl.DataFrame, preps: list[str] | None, visit_words: list[str] | None
) -> pl.DataFrame:
    """ "..., following President C's state visit to the country last week", "after C's visit": a
    name in the possessive whose visit (`visit_word`, up to two words between) follows a preposition
    of another time (`past_visit_preposition`) right before its description is cited: that visit
    is another event (issue 12c). "During C's visit, ..." is the meeting's own visit."""
    if not preps or not visit_words:
        return mentions
    poss = mentions.filter(pl.col("poss").fill_null(False)).select("sid", "start", "end", "before_chain")
    if poss.is_empty():
        return mentions
    # (only the sentences naming someone in the possessive are read)
    low = t.select("sid", "pos", "low", "lab").join(poss.select("sid").unique(), on="sid", how="semi")
    chain_start = (
        t.filter(pl.col("chain").is_not_null())
        .group_by("sid", "chain")
        .agg(pl.col("pos").min().alias("_c0"))
        .rename({"chain": "before_chain"})
        .with_columns(pl.col("before_chain").cast(pl.UInt32))
    )
    one = [p for p in preps if " " not in p]
    two = [p for p in preps if " " in p]
    at = lambda k, name: low.select(  # noqa: E731
        "sid", (pl.col("pos") + k).alias("_at"), pl.col("low").alias(name), pl.col("lab").alias(name + "_lab")
    )
    c = (
        poss.join(chain_start, on=["sid", "before_chain"], how="left")
        .with_columns(pl.coalesce("_c0", "start").alias("_at"))
        .join(at(1, "_p1"), on=["sid", "_at"], how="left")
        .join(at(2, "_p2"), on=["sid", "_at"], how="left")
        # (split 56: the chain may reach back over the preposition: ", following President C's state
        # visit": the preposition right before the name's office words)
        .with_columns(pl.col("start").alias("_at"))
        .join(at(1, "_o1"), on=["sid", "_at"], how="left")
        .join(at(2, "_o2"), on=["sid", "_at"], how="left")
        .join(at(3, "_o3"), on=["sid", "_at"], how="left")
        .with_columns(pl.col("end").alias("_at"))
        .join(at(-1, "_n1"), on=["sid", "_at"], how="left")
        .join(at(-2, "_n2"), on=["sid", "_at"], how="left")
        .join(at(-3, "_n3"), on=["sid", "_at"], how="left")
    )
    gap_ok = lambda name: ~pl.col(name + "_lab").is_in(["COMMA", "NAME", "AND"]).fill_null(True)  # noqa: E731
    visit = (
        pl.col("_n1").is_in(visit_words)
        | (gap_ok("_n1") & pl.col("_n2").is_in(visit_words))
        | (gap_ok("_n1") & gap_ok("_n2") & pl.col("_n3").is_in(visit_words))
    ).fill_null(False)
    before = (pl.col("_p1").is_in(one) | (pl.concat_str("_p2", pl.lit(" "), "_p1").is_in(two))).fill_null(
        False
    )
    office = ["title", "honorific"]
    before = before | (
        (pl.col("_o1_lab").is_in(office) & pl.col("_o2").is_in(one))
        | (pl.col("_o1_lab").is_in(office) & pl.col("_o2_lab").is_in(office) & pl.col("_o3").is_in(one))
    ).fill_null(False)
    cited = c.filter(visit & before).select("sid", "start", pl.lit(True).alias("_cited")).unique()
    return (
        mentions.join(cited, on=["sid", "start"], how="left", maintain_order="left")
        .with_columns((pl.col("proxy") | pl.col("_cited").fill_null(False)).alias("proxy"))
        .drop("_cited")
    )
