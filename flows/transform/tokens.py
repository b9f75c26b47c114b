"""Sentences -> tokens labelled from the reference vocabulary.

Grain: one row per token per sentence. Each token carries the category of the longest reference
phrase covering it (title, country, place, org, cue, ...) or, if none, a shape class: NAME
(capitalised word not in the vocabulary), PARTICLE (de, van, bin ...), CONN (of, the, to, in),
COMMA, or OTHER. Phrase matching is an n-gram join, so a corpus costs a handful of joins, not a loop.
"""

from __future__ import annotations

import polars as pl

from flows.transform.dates import DATELINE_DASH_RE
from flows.transform.frames import (
    can_match,
    is_first,
    join_on_tokens,
    row_in,
    same_group,
    scatter_rows,
    shift_in,
    sorted_by,
)
from flows.transform.reference import MAX_NGRAM, TOKEN_PATTERN, Reference
from flows.transform.venue import DATELINE_HEAD_RE, DATELINE_WHOLE_RE

CONNECTORS = ["of", "the", "to", "in", "for", "at", "'s", "’s", "on", "from"]


def _cum_max_prev(col: str, key: str) -> pl.Expr:
    """Within each group, the maximum of `col` over the rows before this one (0 for the first).
    Groups are contiguous; offsetting by a large per-group base keeps the running max inside."""
    base = pl.when(is_first(key)).then(pl.int_range(pl.len(), dtype=pl.Int64)).forward_fill() * (1 << 20)
    running = (pl.col(col).cast(pl.Int64) + base).cum_max()
    prev = pl.when(is_first(key)).then(None).otherwise(running.shift(1))
    return (prev - base).fill_null(0).clip(lower_bound=0)


def _surname_in_capitals(t: pl.DataFrame, org_words: list[str]) -> pl.DataFrame:
    """ "Governor YAMAMURA Kenta received ...", "Mayor Jean DUPONT": Japanese, Korean and French
    releases print the surname in capitals beside a given name in title case. One unknown word in
    capitals (shape CAPS: no acronym of the vocabulary) right before or after an unknown capitalised
    word (NAME) is that name's surname; it reads in title case, as the rest of the article names it
    ("Governor Yamamura said")."""
    caps = pl.col("lab") == "CAPS"
    word = pl.col("tok").str.contains(r"^\p{Lu}{2,}$")
    lab_at = lambda k: shift_in(pl.col("lab"), k, "sid").fill_null("")  # noqa: E731
    # surname first ("YAMAMURA Kenta"), not a firm of a possessive ("Saudi Arabia's ACWA Power");
    # or after a given name that a title or an honorific opens ("Mayor Jean DUPONT"), not after
    # any capitalised word ("Macau-registered TCM products")
    # acronyms and page noise print capitals before capitalised words too ("UNESCO Creative
    # Cities", "TOP Stories"), so a surname printed first closes an office: a title, an honorific,
    # or the body or place the office is of ("Director-General of the ... Bureau ONO Reiko")
    surname_first = (
        (lab_at(-1) == "NAME")
        & (
            lab_at(1).is_in(["title", "honorific", "org_word", "place", "country"])
            | shift_in(pl.col("low"), 1, "sid").is_in(org_words).fill_null(False)
        )
        & ~shift_in(pl.col("poss"), 1, "sid").fill_null(False)
    )
    surname_last = (lab_at(1) == "NAME") & lab_at(2).is_in(["title", "honorific"])
    beside_name = surname_first | surname_last
    # (not a run of capitals: a headline or a dateline "OSAKA, JAPAN" is no name)
    lone = ~(shift_in(pl.col("lab"), -1, "sid") == "CAPS").fill_null(False) & ~(
        shift_in(pl.col("lab"), 1, "sid") == "CAPS"
    ).fill_null(False)
    surname = (caps & word & beside_name.fill_null(False) & lone).fill_null(False)
    return t.with_columns(
        pl.when(surname).then(pl.lit("NAME")).otherwise(pl.col("lab")).alias("lab"),
        pl.when(surname).then(pl.col("tok").str.to_titlecase()).otherwise(pl.col("tok")).alias("tok"),
    )


def tokenize(sentences: pl.DataFrame) -> pl.DataFrame:
    """(sid, article_id, text) -> (sid, article_id, pos, tok, low, poss)."""
    # 'Adewale "Wale" Okonkwo-Bello': a quoted nickname between a given name and a surname is
    # left out of the name
    text = pl.col("text").str.replace_all(
        r"(\p{Lu}[\p{Ll}\-]+)\s+[\"“‘]\p{Lu}[\p{L}\-]*[\"”’]\s+(\p{Lu})", "${1} ${2}"
    )
    # "Seoul-based", "London-headquartered", "Hong Kong-listed": the place and the word naming a
    # firm's seat (or the market it is listed on) are two words; so are a place and the word naming
    # where a firm's capital comes from ("Taiwan-funded", "foreign-invested", "state-owned"), so
    # that "a Taiwan-funded maker" is no name
    text = text.str.replace_all(
        r"(\p{L})-(based|headquartered|listed|funded|owned|invested|backed)\b", "${1} ${2}"
    )
    # "HAI PHONG, Vietnam - Jiangsu Governor X": how many words a dateline opening the sentence
    # holds (a dash is no token, so its words would run on into the first name's description)
    head_words = (
        pl.col("text").str.extract(DATELINE_WHOLE_RE, 1).str.count_matches(TOKEN_PATTERN).fill_null(0)
    )
    # (its first part, before any comma, must be a place: label_tokens)
    place_words = (
        pl.col("text").str.extract(DATELINE_HEAD_RE, 1).str.count_matches(TOKEN_PATTERN).fill_null(0)
    )
    if not can_match(sentences, "text", DATELINE_DASH_RE):  # (no dateline: both patterns skipped)
        head_words = place_words = pl.lit(0)
    toks = (
        sentences.select(
            "sid",
            "article_id",
            text.str.extract_all(TOKEN_PATTERN).alias("tok"),
            head_words.cast(pl.Int32).alias("_head_words"),
            place_words.cast(pl.Int32).alias("_place_words"),
        )
        .explode("tok")
        .drop_nulls("tok")
        .with_columns(row_in("sid").cast(pl.Int32).alias("pos"))
        .with_columns(
            (pl.col("pos") < pl.col("_head_words")).alias("dateline"),
            (pl.col("pos") < pl.col("_place_words")).alias("_dateline_place"),
        )
        .drop("_head_words", "_place_words")
    )
    # 'the "Two Countries, Twin Parks" program': capitalised words of a short quotation (a slogan,
    # a programme's name) in the same sentence are no one's name
    quoted = (
        sentences.select("sid", pl.col("text").str.extract_all(r"[\"“][^\"“”.!?]{1,60}[\"”]").alias("_q"))
        .explode("_q")
        .drop_nulls("_q")
        .select("sid", pl.col("_q").str.extract_all(TOKEN_PATTERN).alias("tok"))
        .explode("tok")
        .drop_nulls("tok")
        .unique()
        .with_columns(pl.lit(True).alias("quoted"))
    )
    # ('"... more students from Hubei," Perth Lord Mayor B told ...': the word closing a quotation)
    quote_end = (
        sentences.select("sid", pl.col("text").str.extract_all(r"\p{L}[\p{L}\-]*[,.!?]?[\"”]").alias("tok"))
        .explode("tok")
        .drop_nulls("tok")
        .select("sid", pl.col("tok").str.replace(r"[,.!?]?[\"”]$", ""))
        .unique()
        .with_columns(pl.lit(True).alias("_quote_end"))
    )
    toks = (
        toks.join(quoted, on=["sid", "tok"], how="left", maintain_order="left")
        .join(quote_end, on=["sid", "tok"], how="left", maintain_order="left")
        .with_columns(pl.col("quoted").fill_null(False), pl.col("_quote_end").fill_null(False))
    )
    poss = pl.col("tok").str.contains(r"['’]s$")
    # "OLYMPIA / SHANGHAI - Gov. Marcus Halvorsen met ...": the words in capitals opening a sentence
    # (a dateline, one place or several) as printed, before a run of capitals is read in title case
    upper = pl.col("tok").str.contains(r"^\p{Lu}[\p{Lu}.'’\-]+$")
    return toks.with_columns(
        poss.alias("poss"),
        pl.when(poss).then(pl.col("tok").str.replace(r"['’]s$", "")).otherwise(pl.col("tok")).alias("tok"),
        (upper.cast(pl.Int8).cum_min().over("sid") == 1).alias("caps_opening"),
    ).with_columns(pl.col("tok").str.to_lowercase().alias("low"))


# (the lists label_tokens reads off the vocabulary, built once per vocabulary frame: the last few
# are kept, each with its frame, so an id is never read for another frame)
_VOCAB_LISTS: dict[int, tuple[pl.DataFrame, list[str], list[tuple[int, pl.DataFrame, list[str]]]]] = {}


def _vocab_lists(vocab: pl.DataFrame) -> tuple[list[str], list[tuple[int, pl.DataFrame, list[str]]]]:
    """The vocabulary's acronyms (`exact` words) and, for each phrase length n from MAX_NGRAM down,
    (n, its phrases, the first words of its phrases)."""
    kept = _VOCAB_LISTS.get(id(vocab))
    if kept is not None and kept[0] is vocab:
        return kept[1], kept[2]
    acronyms = vocab["exact"].drop_nulls().unique().to_list()
    first_word = vocab.select("ntok", pl.col("phrase").str.split(" ").list.first().alias("_first"))
    by_length = []
    for n in range(MAX_NGRAM, 0, -1):
        sub = vocab.filter(pl.col("ntok") == n).select(
            "phrase", "cat", "value", "iso2", "kind", "rank", "ntok", "exact", "own_poss"
        )
        if sub.height == 0:
            continue
        starts = first_word.filter(pl.col("ntok") == n)["_first"].unique().to_list()
        by_length.append((n, sub, starts))
    if len(_VOCAB_LISTS) >= 4:
        _VOCAB_LISTS.clear()
    _VOCAB_LISTS[id(vocab)] = (vocab, acronyms, by_length)
    return acronyms, by_length


def label_tokens(tokens: pl.DataFrame, ref: Reference) -> pl.DataFrame:
    """Adds cat/value/iso2/kind/rank of the longest vocabulary phrase starting at or covering each
    token, plus span_start (position where that phrase starts) and the token's shape class."""
    vocab = ref.vocab
    t = sorted_by(tokens, "sid", "pos")
    # "Mayor QIN HAORAN met Deputy Prime Minister PIETER VAN AERT": two or more words in capitals
    # side by side, in a sentence otherwise written in lower case, are a name written in capitals
    # (not an acronym of the vocabulary: "WHO", "IMF"); they read as written in title case.
    acronyms, by_length = _vocab_lists(vocab)
    caps_word = pl.col("tok").str.contains(r"^\p{Lu}[\p{Lu}'’\-]+$") & ~pl.col("tok").is_in(acronyms)
    caps_run = caps_word & (
        shift_in(caps_word, 1, "sid").fill_null(False) | shift_in(caps_word, -1, "sid").fill_null(False)
    )
    t = t.with_columns(caps_run.alias("_caps_run"))
    if t["_caps_run"].any():  # rare: look at the case of only the sentences that have such a run
        mixed = (
            t.join(t.filter("_caps_run").select("sid").unique(), on="sid", how="semi")
            .group_by("sid")
            .agg(pl.col("tok").str.contains(r"\p{Ll}").any().alias("_mixed"))
        )
        t = t.join(mixed, on="sid", how="left", maintain_order="left").with_columns(
            pl.when(pl.col("_caps_run") & pl.col("_mixed").fill_null(False))
            .then(pl.col("tok").str.to_titlecase())
            .otherwise(pl.col("tok"))
            .alias("tok")
        )
        t = t.drop("_mixed")
    t = t.drop("_caps_run")
    # The next words of each token, computed once; phrases are looked up only where their first
    # word stands, so the join work follows the vocabulary, not the corpus.
    nexts = [f"_next{k}" for k in range(1, MAX_NGRAM)]
    # "São Paulo's State Secretary": no phrase runs on past a possessive ("São Paulo State" is no
    # place there); _poss<k>: one of the first k words is a possessive
    poss_before = [f"_poss{k}" for k in range(1, MAX_NGRAM)]
    grams = t.select(
        "sid",
        "pos",
        "low",
        "tok",
        *[shift_in(pl.col("low"), -k, "sid").alias(c) for k, c in enumerate(nexts, 1)],
        *[
            pl.any_horizontal([shift_in(pl.col("poss"), -j, "sid").fill_null(False) for j in range(k)]).alias(
                c
            )
            for k, c in enumerate(poss_before, 1)
        ],
    )
    matches = []
    for n, sub, starts in by_length:
        m = (
            grams.filter(pl.col("low").is_in(starts))
            .select(
                "sid",
                "pos",
                "tok",
                pl.concat_str(["low", *nexts[: n - 1]], separator=" ").alias("phrase"),
                (pl.lit(False) if n == 1 else pl.col(poss_before[n - 2])).alias("_crosses"),
            )
            .drop_nulls("phrase")
            .join(sub, on="phrase", how="inner", maintain_order="left")
            .filter(
                (pl.col("exact").is_null() | (pl.col("exact") == pl.col("tok")))
                & (~pl.col("_crosses") | pl.col("own_poss"))
            )
            .drop("tok", "exact", "_crosses", "own_poss")
        )
        matches.append(m)
    m = pl.concat(matches, how="vertical_relaxed") if matches else None
    if m is None or m.height == 0:
        m = pl.DataFrame(
            schema={
                "sid": pl.Int64,
                "pos": pl.Int32,
                "cat": pl.String,
                "value": pl.String,
                "iso2": pl.String,
                "kind": pl.String,
                "rank": pl.Int32,
                "ntok": pl.Int32,
            }
        )
    # Longest match per start, then drop starts covered by an earlier kept match.
    m = (
        m.sort("sid", "pos", "ntok", descending=[False, False, True])
        .unique(subset=["sid", "pos"], keep="first", maintain_order=True)
        .with_columns((pl.col("pos") + pl.col("ntok")).alias("end"))
        .with_columns(_cum_max_prev("end", "sid").alias("prev_end"))
        .with_columns((pl.col("prev_end") <= pl.col("pos")).alias("_kept"))
        # "Deputy Minister of Foreign Affairs": a phrase dropped because it overlaps a kept one
        # ("minister of foreign affairs" under "deputy minister") covers nothing, so the words
        # after the kept phrase ("foreign", "affairs") keep their own matches
        .with_columns(pl.when(pl.col("_kept")).then(pl.col("end")).otherwise(0).alias("_kept_end"))
        .with_columns(_cum_max_prev("_kept_end", "sid").alias("_prev_kept_end"))
        .filter(pl.col("_kept") | (pl.col("_prev_kept_end") <= pl.col("pos")))
        .with_columns(_cum_max_prev("end", "sid").alias("prev_end"))
        .filter(pl.col("prev_end") <= pl.col("pos"))
        .select("sid", pl.col("pos").alias("span_start"), "end", "cat", "value", "iso2", "kind", "rank")
    )
    # Spread each kept match over the tokens it covers.
    covered = (
        m.with_columns(pl.int_ranges("span_start", "end").alias("pos"))
        .explode("pos")
        .with_columns(pl.col("pos").cast(pl.Int32))
        .drop("end")
    )
    t = join_on_tokens(t, covered)
    particles = ref.cues.get("name_particle", [])
    particle_joined = r"^(?:" + "|".join(particles or ["al"]) + r")-\p{Lu}"
    # (read once: the rules below ask it of every token many times)
    t = t.with_columns(
        pl.col("tok").str.contains(r"^\p{Lu}").alias("_cap"),
        pl.col("tok").str.contains(r"^\p{Ll}+$").alias("_lw"),
    )
    is_cap = pl.col("_cap")
    known = pl.col("cat").is_not_null() & ~pl.col("cat").is_in(
        ["not_name", "name_particle", "surname_homograph"]
    )
    shape = (
        pl.when(known)
        .then(pl.col("cat"))
        # "Governor of the Philippine province of Cebu, X": lower-case words of an office's place
        # (`chain_connector` in cues.csv) carry the description on like "of" and "the"
        # ("head of China business at X": a market noun too, `market_noun`)
        .when(
            pl.col("low").is_in(
                CONNECTORS + ref.cues.get("chain_connector", []) + ref.cues.get("market_noun", [])
            )
            & ~is_cap
        )
        .then(pl.lit("CONN"))
        .when(pl.col("low") == "and")
        .then(pl.lit("AND"))
        .when(pl.col("low").is_in(particles) & ~is_cap)
        .then(pl.lit("PARTICLE"))
        .when(pl.col("cat").is_not_null())
        .then(pl.col("cat"))
        .when(pl.col("tok") == ",")
        .then(pl.lit("COMMA"))
        .when(pl.col("tok").is_in(["(", ")"]))
        .then(pl.lit("PAREN"))
        .when(pl.col("low").is_in(particles) & ~is_cap)
        .then(pl.lit("PARTICLE"))
        # "al-Qahtani", "bin-Salman": a lower-case particle joined to a capitalised name
        .when(pl.col("tok").str.contains(particle_joined))
        .then(pl.lit("NAME"))
        .when(is_cap & pl.col("tok").str.contains(r"\p{Ll}"))
        .then(pl.lit("NAME"))
        .when(is_cap)
        .then(pl.lit("CAPS"))  # acronyms: IMF, HSBC (an org when not known)
        .otherwise(pl.lit("OTHER"))
    )
    t = t.with_columns(shape.alias("lab"))
    t = _surname_in_capitals(t, ref.cues.get("org_word", []))
    # "Mayor Jordan Banks", "Vice Chairman Lao Jinping": a one-word place or country right after a
    # title and right before an unknown capitalised word is a given name or surname.
    place_word = pl.col("lab").is_in(["place", "country", "demonym"]) & (
        pl.col("span_start") == pl.col("pos")
    )
    one_word = ~same_group("sid", -1) | (shift_in(pl.col("span_start"), -1, "sid") != pl.col("pos"))
    after_title = shift_in(pl.col("lab"), 1, "sid").is_in(["title", "honorific"])
    before_name = shift_in(pl.col("lab"), -1, "sid") == "NAME"
    # "Lao Shuyi said", "Jordan Banks": a one-word country or demonym before exactly one unknown
    # capitalised word is a surname or given name ("Italian Massimo Ambrosetti" keeps its demonym).
    two_after = shift_in(pl.col("lab"), -2, "sid").fill_null("")
    single_name_after = before_name & ~two_after.is_in(["NAME", "PARTICLE", "org_word"])
    # "Ambassador to China Norlizah binti Hashim": a country after "to"/"in"/"of" is a posting
    after_conn = shift_in(pl.col("lab"), 1, "sid").fill_null("") == "CONN"
    # "the President of the Institute (IPIM), Lao Chi Keong, was received": a one-word country or
    # demonym opening an apposition after a comma, before unknown capitalised words, opens the name
    # there, however many words follow (English puts no bare nationality before a name in that
    # place; issue 15e)
    # (not a country after a place's comma, as in a dateline: "CHIANG MAI, Thailand -- Lan Tianyou")
    after_comma = (shift_in(pl.col("lab"), 1, "sid").fill_null("") == "COMMA") & ~(
        shift_in(pl.col("lab"), 2, "sid").is_in(["place", "country", "demonym", "CAPS"])
        | shift_in(pl.col("tok"), 2, "sid").str.contains(r"^\p{Lu}{2,}$")
    ).fill_null(False)
    as_name = (
        place_word
        & one_word.fill_null(True)
        & before_name.fill_null(False)
        & (
            after_title.fill_null(False)
            | (pl.col("lab").is_in(["country", "demonym"]) & single_name_after & ~after_conn)
            | (pl.col("lab").is_in(["country", "demonym"]) & after_comma)
        )
    )
    # "Fernando Albuquerque Lins", "NDB Vice President Zhou Yanan": a one-word place inside a
    # name (between two unknown capitalised words), or closing a name that a title or place opens
    prev_name = shift_in(pl.col("lab"), 1, "sid") == "NAME"
    two_before = shift_in(pl.col("lab"), 2, "sid").fill_null("")
    inside_name = (
        place_word
        & one_word.fill_null(True)
        & prev_name.fill_null(False)
        & (
            before_name.fill_null(False)
            | (
                two_before.is_in(["title", "honorific"])
                & ~shift_in(pl.col("_cap"), -1, "sid").fill_null(False)
            )
        )
    )
    # "Marcos Tavares Lima, president of ...": a one-word city or province right after two unknown
    # capitalised words, and not before another capitalised word, is the surname that ends the
    # name (English puts no place right after a name without "in", "of" or a comma)
    closing_surname = (
        place_word
        & (pl.col("lab") == "place")
        & one_word.fill_null(True)
        & prev_name.fill_null(False)
        & (two_before == "NAME")
        & ~shift_in(pl.col("_cap"), -1, "sid").fill_null(False)
    )
    # "Qiu Yanan, deputy secretary-general of ...", "On Wednesday, Qiu Yanan, deputy ...": a
    # one-word place after an unknown capitalised word that opens the sentence or a list item, with
    # an office right after its comma, closes that name ("Xiamen, Fujian" has no office after it)
    appos_given_name = (
        place_word
        & (pl.col("lab") == "place")
        & one_word.fill_null(True)
        & prev_name.fill_null(False)
        & (
            two_before.is_in(["", "COMMA", "AND"])
            # (after a dateline in capitals, whose dash is no token: "NANJING -- Xu Kunming, ...")
            | shift_in(pl.col("tok"), 2, "sid").str.contains(r"^\p{Lu}{2,}$").fill_null(False)
        )
        & (shift_in(pl.col("tok"), -1, "sid") == ",").fill_null(False)
        & (shift_in(pl.col("lab"), -2, "sid") == "title").fill_null(False)
    )

    # (issue 12d: "was received by Ricardo Albuquerque, Sao Paulo state's secretary for ...": after
    # a lower-case word too, when the office comes after the place its apposition names first)
    def office_at(k: int) -> pl.Expr:
        return (shift_in(pl.col("lab"), -k, "sid") == "title") & pl.all_horizontal(
            [
                shift_in(pl.col("lab"), -j, "sid").is_in(["place", "country", "CONN"])
                | shift_in(pl.col("_lw"), -j, "sid")
                for j in range(2, k)
            ]
        )

    appos_given_name = appos_given_name | (
        place_word
        & (pl.col("lab") == "place")
        & one_word.fill_null(True)
        & prev_name.fill_null(False)
        & shift_in(pl.col("_lw"), 2, "sid").fill_null(False)
        & (shift_in(pl.col("tok"), -1, "sid") == ",").fill_null(False)
        & (shift_in(pl.col("lab"), -2, "sid").is_in(["place", "country"])).fill_null(False)
        & pl.any_horizontal([office_at(k) for k in range(3, 7)]).fill_null(False)
    )
    as_name = as_name | inside_name | closing_surname | appos_given_name
    # a capitalised particle starts a name: "Le Quang Vinh", "Van Gogh"
    # ("Le Van Hoa": two capitalised particles before the name)
    cap_particle = (pl.col("cat") == "name_particle") & is_cap
    next_cap_particle = (shift_in(pl.col("cat"), -1, "sid") == "name_particle") & shift_in(is_cap, -1, "sid")
    particle_first = cap_particle & (
        before_name.fill_null(False) | (next_cap_particle.fill_null(False) & (two_after == "NAME"))
    )
    # ("Yao Bin, Party Secretary of ...", "Li Ben said": a capitalised particle closing a name,
    # right after a name word and before no other, is a given name, not the "bin" of "Ahmad bin X")
    particle_last = (
        cap_particle
        & (shift_in(pl.col("lab"), 1, "sid") == "NAME").fill_null(False)
        & ~shift_in(pl.col("lab"), -1, "sid").is_in(["NAME", "PARTICLE"]).fill_null(False)
        & ~shift_in(pl.col("cat"), -1, "sid").is_in(["name_particle"]).fill_null(False)
    )
    # "A. K. Menon", "J. Smith": a single capital letter (an initial, its period split off) before a
    # name or before another initial that opens one
    # (not a one-letter honorific: the Burmese "U Kyaw Min Thein", `honorific` in cues.csv; but
    # right after another honorific it is an initial: "Shri M. B. Honnappa", "Dr. M. Kumar")
    initial = (
        pl.col("tok").str.contains(r"^\p{Lu}$")
        & ~((pl.col("pos") == 0) & pl.col("tok").is_in(["A", "I"]))
        & (
            (pl.col("cat").fill_null("") != "honorific")
            | (shift_in(pl.col("cat"), 1, "sid") == "honorific").fill_null(False)
        )
    )
    next_initial = shift_in(pl.col("tok"), -1, "sid").fill_null("").str.contains(r"^\p{Lu}$")
    initial_first = initial & (before_name.fill_null(False) | (next_initial & (two_after == "NAME")))
    t = t.with_columns(
        pl.when(as_name | particle_first | particle_last | initial_first)
        .then(pl.lit("NAME"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    )
    # "Viliame Ratu Tuilau": a style that also sits inside names (cue kind inner_style), between two
    # words of a name, is a word of that name (the Fijian "Ratu", opening a name, is dropped like
    # "Sir"). Only those styles: "Professor", "Madam" or "Councillor" between two names starts a
    # second person
    t = t.with_columns(
        pl.when(
            (pl.col("lab") == "honorific")
            & (shift_in(pl.col("lab"), 1, "sid") == "NAME").fill_null(False)
            & (shift_in(pl.col("lab"), -1, "sid") == "NAME").fill_null(False)
            & pl.col("low").is_in(ref.cues.get("inner_style", []))
        )
        .then(pl.lit("NAME"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    )
    # "Meeting Duarte, Zhou said": a sentence's first word is capitalised by grammar; when the same
    # article also uses it in lower case it is an ordinary word, not part of a name.
    # (only the first words read as names are looked up: the token frame is large)
    openers = t.with_row_index("_row").filter((pl.col("pos") == 0) & (pl.col("lab") == "NAME"))
    lower_words = t.filter(
        (pl.col("tok") == pl.col("low")) & pl.col("low").is_in(openers.get_column("low").implode())
    )
    seen_lower = openers.join(
        lower_words.select("article_id", "low"), on=["article_id", "low"], how="semi"
    ).select("_row", pl.lit("not_name").alias("lab"))
    t = scatter_rows(t, seen_lower.get_column("_row"), seen_lower.select("lab"))
    # "He Shaowen said": a capitalised word that is also a surname ("He", "Long"), right before an
    # unknown capitalised word, starts a name rather than a sentence.
    homograph = (
        pl.col("low").is_in(ref.cues.get("surname_homograph", []))
        & is_cap
        & (shift_in(pl.col("lab"), -1, "sid") == "NAME")
        & ~shift_in(pl.col("lab"), -2, "sid").fill_null("").is_in(["org_word"])
    )
    t = t.with_columns(pl.when(homograph).then(pl.lit("NAME")).otherwise(pl.col("lab")).alias("lab"))
    # "Fatma Ali Said, said ...": a speech verb capitalised inside a sentence, right after a name
    # word and before a comma or a lower-case word, closes that name (issue 14d)
    closing_surname = (
        (pl.col("lab") == "speech_verb")
        & is_cap
        & (pl.col("pos") > 0)
        & (shift_in(pl.col("lab"), 1, "sid") == "NAME")
        & (
            (shift_in(pl.col("tok"), -1, "sid") == ",")
            | shift_in(pl.col("tok"), -1, "sid").str.contains(r"^\p{Ll}")
        )
    ).fill_null(False)
    t = t.with_columns(pl.when(closing_surname).then(pl.lit("NAME")).otherwise(pl.col("lab")).alias("lab"))
    # "Ma Jun", "Jan Pieter de Vries": a month word that is also a given name, right after or right
    # before an unknown capitalised word and not next to a day number ("Jun 5", "5 May"), is a name
    prev_lab = shift_in(pl.col("lab"), 1, "sid").fill_null("")
    next_lab = shift_in(pl.col("lab"), -1, "sid").fill_null("")
    digit_near = shift_in(pl.col("tok"), 1, "sid").fill_null("").str.contains(r"^\d") | shift_in(
        pl.col("tok"), -1, "sid"
    ).fill_null("").str.contains(r"^\d")
    month_name = (
        pl.col("low").is_in(ref.cues.get("month_homograph", []))
        & is_cap
        & (
            (prev_lab == "NAME")
            | (next_lab == "NAME")
            # "Ambassador Jan de Boer": before a name particle and a name word
            | ((next_lab == "PARTICLE") & (shift_in(pl.col("lab"), -2, "sid") == "NAME"))
        )
        & ~digit_near
    )
    t = t.with_columns(pl.when(month_name).then(pl.lit("NAME")).otherwise(pl.col("lab")).alias("lab"))
    # "Fatma Said Abdalla, the County Executive": a verb that is also a name (`verb_homograph`:
    # Said), capitalised inside a sentence between two name words, is part of the name; so is it
    # after an office and one name word ("Ambassador Omar Said of Egypt")
    # ... or closing one after two name words, before a word in lower case ("County Executive
    # Fatma Omar Said sat in for the county": grammar never capitalises the verb there; a headline
    # in title case, "Mayor Li Ming Said To Visit", capitalises the word after it too)
    next_lower = shift_in(pl.col("tok"), -1, "sid").fill_null("").str.contains(r"^\p{Ll}")
    verb_name = (
        pl.col("low").is_in(ref.cues.get("verb_homograph", []))
        & is_cap
        & (pl.col("pos") > 0)
        & (prev_lab == "NAME")
        & (
            (next_lab == "NAME")
            | (shift_in(pl.col("lab"), 2, "sid") == "title")
            | ((shift_in(pl.col("lab"), 2, "sid").fill_null("") == "NAME") & next_lower)
        )
    )
    t = t.with_columns(pl.when(verb_name).then(pl.lit("NAME")).otherwise(pl.col("lab")).alias("lab"))
    # "conductor B received an award from Minister C", "Organisers have received congratulatory
    # letters from C": a meeting verb whose object, a few lower-case words on, is a thing given or
    # sent (`conferred_noun`, `message_noun`) reports no meeting (issue 15b)
    things = ref.cues.get("conferred_noun", []) + ref.cues.get("message_noun", [])
    if things:
        lower = lambda k: shift_in(pl.col("tok"), -k, "sid").fill_null("").str.contains(r"^\p{Ll}")  # noqa: E731
        thing_at = lambda k: shift_in(pl.col("low"), -k, "sid").is_in(things).fill_null(False)  # noqa: E731
        given = (pl.col("lab") == "meeting_verb") & (
            thing_at(1)
            | (lower(1) & thing_at(2))
            | (lower(1) & lower(2) & thing_at(3))
            | (lower(1) & lower(2) & lower(3) & thing_at(4))
        )
        t = t.with_columns(pl.when(given).then(pl.lit("OTHER")).otherwise(pl.col("lab")).alias("lab"))
    # "Victoria Ashworth", "Sofia Dimitrova": a one-word place that is also a given name, right
    # before an unknown capitalised word, opens a name ("Sofia, Bulgaria", "in Adelaide" stay places,
    # and so does a place after "of" or "in": "Councillor of Florence Luca Bertini")
    given_name = (
        pl.col("low").is_in(ref.cues.get("given_name_homograph", []))
        & is_cap
        & (pl.col("lab") == "place")
        & (next_lab == "NAME")
        & ~shift_in(pl.col("low"), 1, "sid").fill_null("").is_in(["of", "in"])
    )
    t = t.with_columns(pl.when(given_name).then(pl.lit("NAME")).otherwise(pl.col("lab")).alias("lab"))
    # "Vice Governor Mr Luo Xinhua said", "Consul General Maaike Bosch attended": a one-word
    # organisation or ordinary word, capitalised, closing one name word that an office (or an
    # honorific) opens, before no other capitalised word, is the rest of that name (a given name
    # that is a news agency's, a family name that is a firm's); not after a determiner, where the
    # words name a building or a body ("at the Prince Carl Palace")
    prev_lab = shift_in(pl.col("lab"), 1, "sid").fill_null("")
    closing = (
        is_cap
        & pl.col("lab").is_in(["org", "not_name"])
        & (pl.col("span_start") == pl.col("pos")).fill_null(False)
        & (shift_in(pl.col("span_start"), -1, "sid").fill_null(-1) != pl.col("pos"))
        & (prev_lab == "NAME")
        & shift_in(pl.col("lab"), 2, "sid").fill_null("").is_in(["title", "honorific"])
        & ~shift_in(pl.col("_cap"), -1, "sid").fill_null(False)
        & ~shift_in(pl.col("low"), 3, "sid").fill_null("").is_in(ref.cues.get("determiner", []))
    )
    t = t.with_columns(pl.when(closing).then(pl.lit("NAME")).otherwise(pl.col("lab")).alias("lab"))
    # "X was part of the premier's delegation", "Y, a member of the visiting delegation": a word of
    # belonging (`delegation_part_word`) before "of" and a delegation (`visitor_noun`) within three
    # words names a delegation member (fixed phrases cannot run past the possessive "premier's");
    # "visited Muscatine in 1985 as part of a delegation" tells how a visit was made, not who attends
    belongs = (
        pl.col("low").is_in(ref.cues.get("delegation_part_word", []))
        & (pl.col("lab") == "OTHER")
        & (shift_in(pl.col("low"), 1, "sid").fill_null("") != "as")
        & (shift_in(pl.col("low"), -1, "sid") == "of")
        & pl.any_horizontal(
            [(shift_in(pl.col("lab"), -k, "sid") == "visitor_noun").fill_null(False) for k in range(2, 5)]
        )
    )
    t = t.with_columns(
        pl.when(belongs).then(pl.lit("delegation_member")).otherwise(pl.col("lab")).alias("lab"),
        pl.when(belongs).then(pl.lit("part of the delegation")).otherwise(pl.col("value")).alias("value"),
    )
    # "Her programme also included a visit to Shenzhen, where she met Vice Mayor Z": what a
    # programme (`itinerary_noun`: programme, itinerary, schedule) includes are other stops of the
    # trip, not people attending this meeting; "included" there is no attendance
    itinerary = (
        (pl.col("lab") == "attendance")
        & pl.col("low").str.starts_with("includ")
        & pl.any_horizontal(
            [
                shift_in(pl.col("low"), k, "sid").is_in(ref.cues.get("itinerary_noun", [])).fill_null(False)
                for k in range(1, 4)
            ]
        )
    )
    t = t.with_columns(pl.when(itinerary).then(pl.lit("OTHER")).otherwise(pl.col("lab")).alias("lab"))
    # "Striker A gave the hosts the lead": a one-word meeting verb right after a determiner
    # (`determiner` in cues.csv: the, their, its ...) is a noun ("the hosts", "their hosts")
    noun_verb = (
        (pl.col("lab") == "meeting_verb")
        & ~pl.col("value").str.contains(" ")
        & shift_in(pl.col("low"), 1, "sid").is_in(ref.cues.get("determiner", []))
    ).fill_null(False)
    t = t.with_columns(pl.when(noun_verb).then(pl.lit("OTHER")).otherwise(pl.col("lab")).alias("lab"))
    # "..., Ambassador B said when the two met in Hefei on Friday", "B told Governor A when the two
    # met": a speech verb followed, within eight words (the office and name of the one told: "B
    # told Yunnan Vice Governor Li Meiyun when the two met"), by a conjunction of time
    # (`speech_time_conjunction`: when) whose clause opens on a meeting verb (within three words)
    # tells when the words were said, at the meeting; it reports no other speech
    when_meet = pl.col("low").is_in(ref.cues.get("speech_time_conjunction", [])) & pl.any_horizontal(
        [(shift_in(pl.col("lab"), -k, "sid") == "meeting_verb").fill_null(False) for k in range(1, 4)]
    )
    said_when = pl.col("lab").is_in(["speech_verb", "reported"]) & pl.any_horizontal(
        [shift_in(when_meet, -k, "sid").fill_null(False) for k in range(1, 9)]
    )
    t = t.with_columns(pl.when(said_when).then(pl.lit("OTHER")).otherwise(pl.col("lab")).alias("lab"))
    # '"We welcome German firms," Mayor A told Ambassador B on Tuesday': a sentence opening on a
    # quotation whose speaker told (`quote_told_verb`) an office holder reports their meeting
    told = (
        pl.col("low").is_in(ref.cues.get("quote_told_verb", []))
        & ~pl.col("quoted")
        & pl.col("quoted").first().over("sid")
        & (next_lab == "title")
    )
    t = t.with_columns(pl.when(told).then(pl.lit("meeting_verb")).otherwise(pl.col("lab")).alias("lab"))
    # "Governor A led a delegation to Laos and Thailand, meeting the Lao Deputy Prime Minister B
    # in Vientiane and ...": a gerund of meeting (`gerund_meeting_verb`) right after a comma, before
    # an office, a demonym or a country (a determiner may stand between), tells the trip's meetings
    # (issue 14e); "the meeting", "meeting the demand" are none
    held = ["title", "demonym", "country"]
    gerund = (
        pl.col("low").is_in(ref.cues.get("gerund_meeting_verb", []))
        & (shift_in(pl.col("lab"), 1, "sid") == "COMMA")
        & (
            shift_in(pl.col("lab"), -1, "sid").is_in(held)
            | (
                shift_in(pl.col("low"), -1, "sid").is_in(ref.cues.get("determiner", []))
                & shift_in(pl.col("lab"), -2, "sid").is_in(held)
            )
        )
    ).fill_null(False)
    t = t.with_columns(pl.when(gerund).then(pl.lit("meeting_verb")).otherwise(pl.col("lab")).alias("lab"))
    # '"... students from Hubei," Perth Lord Mayor B told ...': a place closing a quotation, before
    # the comma that ends it, describes no one named after the quotation
    # (looked up only at the few words closing a quotation: the token frame is large)
    closing = t.filter(
        pl.col("_quote_end") & pl.col("quoted") & pl.col("lab").is_in(["place", "country", "demonym"])
    )
    if not closing.is_empty():
        closing = (
            closing.select("sid", "pos")
            .join(
                t.select("sid", (pl.col("pos") - 1).alias("pos"), pl.col("lab").alias("_l1")),
                on=["sid", "pos"],
                how="inner",
            )
            .join(
                t.select("sid", (pl.col("pos") - 2).alias("pos"), pl.col("quoted").alias("_q2")),
                on=["sid", "pos"],
                how="inner",
            )
            .filter((pl.col("_l1") == "COMMA") & ~pl.col("_q2"))
            .select("sid", "pos", pl.lit(True).alias("_closing_place"))
        )
        t = (
            t.join(closing, on=["sid", "pos"], how="left", maintain_order="left")
            .with_columns(
                pl.when(pl.col("_closing_place").fill_null(False))
                .then(pl.lit("OTHER"))
                .otherwise(pl.col("lab"))
                .alias("lab")
            )
            .drop("_closing_place")
        )
    t = t.with_columns(
        pl.when(pl.col("quoted") & (pl.col("lab") == "NAME"))
        .then(pl.lit("not_name"))
        .otherwise(pl.col("lab"))
        .alias("lab")
    ).drop("quoted", "_quote_end", "_cap", "_lw")
    # a dateline is one only when its first part is one place ("HAI PHONG, Vietnam - "); "Hubei
    # Governor X - who leads the delegation - met ..." is none
    not_place = (
        t.filter(
            pl.col("_dateline_place")
            & ~(pl.col("lab").is_in(["place", "country"]) & (pl.col("span_start") == 0))
        )
        .select("sid")
        .unique()
        .with_columns(pl.lit(True).alias("_not_place"))
    )
    return (
        t.join(not_place, on="sid", how="left", maintain_order="left")
        .with_columns((pl.col("dateline") & ~pl.col("_not_place").fill_null(False)).alias("dateline"))
        .drop("_dateline_place", "_not_place")
    )
