"""The transform as one function over a batch: documents -> articles, meetings, participants,
meeting_themes, agreements."""

from __future__ import annotations

import polars as pl

from flows.transform import schema
from flows.transform.agreements import find_agreements
from flows.transform.asides import aside_starts, drop_aside_refs, mute_aside_markers
from flows.transform.documents import split_documents
from flows.transform.meeting_dates import day_summary_dates, following_day_dates
from flows.transform.meetings import (
    find_meetings,
    listed_guest_countries,
    meeting_dates,
    named_title_references,
    object_pronoun_lede_refs,
    participants_and_sides,
    pronoun_lede_refs,
    resolve_people,
    sentence_flags,
    title_references,
)
from flows.transform.people import (
    bodies_after_group_of,
    cited_in_context,
    cited_visitors,
    delegation_heads_country,
    drop_party_only_titles,
    find_mentions,
    main_office,
    postnominal_titles,
    predecessors_cited,
    press_credited,
)
from flows.transform.plurals import plural_titles
from flows.transform.reference import Reference
from flows.transform.sentences import split_sentences
from flows.transform.split import (
    assign_participants,
    counterpart_sides,
    entourage_sides,
    lede_stop_place_dates,
    next_day_clause_sids,
    nth_meeting_sids,
    overview_lede_sids,
    own_sentence_dates,
    plan_meetings,
    respective_dates,
    stop_by_stop_sids,
    stop_texts,
    two_day_clause_sids,
)
from flows.transform.themes import find_themes, other_day_items, other_meeting_sentences, sentence_speakers
from flows.transform.tokens import label_tokens, tokenize
from flows.transform.verb_context import (
    drop_appeals,
    drop_inviters_heads,
    drop_media_reports,
    escorts_to_meetings,
    greetings_as_meetings,
    invited_visits_as_meetings,
)


def run_transform(documents: pl.DataFrame, ref: Reference):
    from flows.transform import Tables

    docs = split_documents(
        documents,
        ref.cues.get("boilerplate_heading"),
        ref.cues.get("credit_role"),
        ref.known_words,
        ref.cues.get("broadcast_label"),
    )
    sentences = (
        split_sentences(docs, ref.cues.get("caption_position"))
        .with_row_index("sid")
        .with_columns(pl.col("sid").cast(pl.Int64))
    )
    t = label_tokens(tokenize(sentences), ref)
    t, mentions = find_mentions(
        t,
        ref.cues.get("place_suffix"),
        ref.cues.get("party_word"),
        ref.cues.get("proxy_noun"),
        ref.cues.get("org_suffix"),
        ref.cues.get("firm_seat_word"),
        ref.cues.get("market_noun"),
        ref.cues.get("firm_noun"),
        ref.cues.get("compass_word"),
        ref.cues.get("proxy_to_noun"),
        ref.cues.get("secretary_body_word"),
        ref.cues.get("determiner"),
        ref.cues.get("institution_word"),
    )
    mentions = predecessors_cited(t, mentions, ref.cues.get("predecessor_noun"))
    mentions = bodies_after_group_of(t, mentions)
    mentions = delegation_heads_country(t, mentions, ref.cues.get("visitor_noun"))
    # ("a student of Noam Chomsky", "spokesman Pierre Dubois said", "representing Minister C")
    mentions = cited_in_context(t, mentions, ref.cues)
    mentions = cited_visitors(t, mentions, ref.cues.get("past_visit_preposition"), ref.cues.get("visit_word"))
    mentions = press_credited(t, mentions, ref.cues.get("credit_role"))
    mentions = main_office(t, mentions, ref.cues.get("secondary_title"), ref.cues.get("party_only_title"))
    mentions = plural_titles(t, mentions, ref.vocab)
    mentions = drop_party_only_titles(mentions, ref.cues.get("party_only_title"))
    t = drop_appeals(t, ref.cues.get("exhort_verb"))
    t = drop_media_reports(t, ref.cues.get("media_report_verb"))
    t = drop_inviters_heads(
        t, ref.cues.get("inviter_marker"), ref.cues.get("visitor_noun"), ref.cues.get("relative_pronoun")
    )
    t = greetings_as_meetings(
        t,
        ref.cues.get("greeting_verb"),
        ref.cues.get("gerund_meeting_verb"),
        ref.cues.get("gerund_opener"),
        ref.cues.get("invitation_verb"),
        ref.cues.get("visitor_noun"),
    )
    t = escorts_to_meetings(t, ref.cues.get("escort_verb"))
    t, mentions = invited_visits_as_meetings(
        t, mentions, ref.cues.get("visit_verb"), ref.cues.get("inviter_marker")
    )
    # asides about another event ("..., which President C also visited"), found once for the batch
    asides = aside_starts(t, ref.cues)
    t = mute_aside_markers(t, asides)
    flags = sentence_flags(
        t,
        ref.cues.get("passive_participle"),
        ref.cues.get("attend_object"),
        ref.cues.get("trailing_attendance"),
        ref.cues.get("attend_verb"),
        ref.cues.get("bare_attend_verb"),
    )
    people, refs = resolve_people(mentions, sentences)
    people = postnominal_titles(t, mentions, people, ref.cues.get("postnominal_member"))
    # names in an aside about another event ("..., which President C also visited") take no part
    refs = drop_aside_refs(refs, asides)
    by_title = named_title_references(t, sentences, mentions, people, refs)
    refs = pl.concat([refs, by_title], how="vertical_relaxed")
    meetings = find_meetings(
        sentences,
        flags,
        refs,
        ref.cues,
        docs.select("article_id", "published_date", pl.col("page_top").alias("headline")),
        by_title,
    )
    # ("... began the week with an inspection. On the 19th he received B": "he" in the lede)
    refs = pl.concat([refs, pronoun_lede_refs(meetings, t, refs, ref.cues)], how="vertical_relaxed")
    # ("Ambassador B arrived on Monday. Governor A met her at ...": "her" in the lede)
    refs = pl.concat([refs, object_pronoun_lede_refs(meetings, t, refs, ref.cues)], how="vertical_relaxed")
    # chains describing a person (a single capitalised word, "the Elysee Palace in Paris", is none)
    named = mentions.filter(pl.col("ntok") >= 2)
    attached = pl.concat(
        [
            named.select("sid", pl.col("before_chain").alias("chain")),
            named.select("sid", pl.col("after_chain").alias("chain")),
        ]
    ).drop_nulls()
    attached = attached.with_columns(pl.col("sid").cast(pl.Int64))
    parts, where = participants_and_sides(
        meetings,
        sentences,
        flags,
        refs,
        people,
        t,
        attached,
        ref.home_countries,
        ref.cues,
        docs.select("article_id", "published_date"),
        asides,
        docs.select("article_id", "headline"),
    )

    meta = documents.select("article_id", "source_file", "url", "content_hash").join(
        docs.select("article_id", "published_date", "headline", "body"),
        on="article_id",
        how="left",
        maintain_order="left",
    )
    published = docs.select("article_id", "published_date")
    # leads named by their title alone ("the Minister") count as named where meetings are planned
    refs_titled = pl.concat([refs, title_references(t, sentences, parts, mentions)], how="vertical_relaxed")
    meeting_verbs = ref.cues.get("meeting_verb", []) + ref.cues.get("passive_host", [])
    every = ref.cues.get("every_meeting", [])
    every_sids = sentences.filter(
        pl.col("text").str.to_lowercase().str.contains(r"\b(?:" + "|".join(every or ["$^"]) + r")\b")
    ).select("sid")
    # (a lede naming every stop's counterpart, each stop told on a day of its own: issue 14a)
    overview = overview_lede_sids(meetings, parts, refs, sentences, flags, published)
    rows, sentence_map, order = plan_meetings(
        meetings,
        parts,
        refs_titled,
        sentences,
        pl.concat(
            [
                flags.filter("has_sep").select("sid"),
                stop_by_stop_sids(sentences),
                two_day_clause_sids(sentences, meeting_verbs),
                overview,
                next_day_clause_sids(sentences, ref.cues.get("next_day_marker", [])),
            ]
        ).unique(),
        every_sids,
        published,
        nth_meeting_sids(
            sentences, ref.cues.get("meeting_ordinal", []), ref.cues.get("ordinal_meeting_noun", [])
        ),
        ref.cues.get("next_day_marker", []) + ref.cues.get("later_day_marker", []),
        ref.cues.get("subject_pronoun", []),
        ref.cues.get("visitor_noun", []),
        ref.cues.get("every_separate_meeting", []),
        later_day=ref.cues.get("later_day_marker", []),
    )
    respective = sentences.filter(pl.col("text").str.contains(r"(?i)\brespectively\b")).select("sid")
    p = assign_participants(parts, rows, sentence_map, order, respective).join(
        meta.select("article_id", "source_file"), on="article_id", maintain_order="left"
    )
    p = counterpart_sides(p, rows)
    p = entourage_sides(p, rows)
    participants = p.select(
        "meeting_id",
        "source_file",
        pl.col("name").alias("person_name"),
        "title",
        pl.col("org").alias("organization"),
        "country",
        "side",
        "role",
        "evidence",
    )
    guest_c = (
        p.filter(pl.col("side") == "guest")
        .group_by("meeting_id", maintain_order=True)
        .agg(
            pl.col("country").drop_nulls().unique(maintain_order=True).sort().alias("counterpart_countries"),
            pl.col("org").filter(pl.col("role") == "lead").drop_nulls().first().alias("counterpart_org"),
        )
    )
    # "Sheng also met a delegation of the Netherlands Chamber of Commerce": a later meeting with no
    # guest named is with the country the delegation's body names after the delegation word
    body_country = (
        t.join(rows.select("meeting_id", pl.col("later_sid").alias("sid")).drop_nulls(), on="sid")
        .with_columns(
            pl.col("low").is_in(ref.cues.get("visitor_noun", [])).cum_sum().over("meeting_id").alias("_after")
        )
        .filter(
            (pl.col("_after") > 0)
            & pl.col("lab").is_in(["country", "demonym"])
            & pl.col("iso2").is_not_null()
        )
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.col("iso2").first().alias("_body_iso2"))
    )
    guest_c = (
        rows.select("meeting_id")
        .join(guest_c, on="meeting_id", how="left")
        .join(body_country, on="meeting_id", how="left")
        .with_columns(
            # (null stays null: "no guest side found" is told apart from "guests of no country")
            pl.when(
                (pl.col("counterpart_countries").list.len().fill_null(0) == 0)
                & pl.col("_body_iso2").is_not_null()
            )
            .then(pl.concat_list(pl.col("_body_iso2")))
            .otherwise(pl.col("counterpart_countries"))
            .alias("counterpart_countries")
        )
        .drop("_body_iso2")
    )
    # "diplomats from nine African countries, Ghana, Kenya, ... and Rwanda": the countries the
    # lede lists for the guests of its one meeting (not the hosts')
    listed = (
        listed_guest_countries(t, meetings, ref.cues.get("origin_word", []))
        .join(rows.filter(pl.col("n_meetings") == 1).select("article_id", "meeting_id"), on="article_id")
        .join(
            p.filter(pl.col("side") == "host")
            .group_by("meeting_id")
            .agg(pl.col("country").drop_nulls().unique().alias("_host_c")),
            on="meeting_id",
            how="left",
        )
        .select("meeting_id", pl.col("_listed").list.set_difference(pl.col("_host_c").fill_null([])))
    )
    guest_c = (
        guest_c.join(listed, on="meeting_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("_listed").list.len().fill_null(0) >= 3)
            .then(
                pl.concat_list(pl.col("counterpart_countries").fill_null([]), "_listed")
                .list.unique(maintain_order=True)
                .list.sort()
            )
            .otherwise(pl.col("counterpart_countries"))
            .alias("counterpart_countries")
        )
        .drop("_listed")
    )
    host_place = (
        p.filter((pl.col("side") == "host") & (pl.col("role") == "lead"))
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.col("place").drop_nulls().first().alias("host_place"))
    )
    when = meeting_dates(meetings, published, ref.cues)
    each = respective_dates(
        rows,
        meetings,
        published,
        stop_texts(order, refs_titled, sentences),
        ref.cues.get("separately"),
        meeting_verbs,
    ).rename({"meeting_date": "_md", "weekday": "_wd"})
    m = (
        rows.join(meetings, on="article_id", how="left", maintain_order="left")
        .join(meta, on="article_id", how="left", maintain_order="left")
        .join(when, on="article_id", how="left", maintain_order="left")
        .join(each, on="meeting_id", how="left", maintain_order="left")
        .join(where, on="article_id", how="left", maintain_order="left")
        .join(guest_c, on="meeting_id", how="left", maintain_order="left")
        .join(host_place, on="meeting_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col("_md").is_not_null() | pl.col("_wd").is_not_null())
            .then(pl.col("_md"))
            .otherwise(pl.col("meeting_date"))
            .alias("meeting_date"),
            pl.when(pl.col("_md").is_not_null() | pl.col("_wd").is_not_null())
            .then(pl.col("_wd"))
            .otherwise(pl.col("weekday"))
            .alias("weekday"),
            # a guest side with nobody named: the one foreign place its lede names
            pl.when(pl.col("counterpart_countries").is_null() & pl.col("_lede_foreign").is_not_null())
            .then(pl.concat_list(pl.col("_lede_foreign")))
            .otherwise(pl.col("counterpart_countries").fill_null(pl.lit([], dtype=pl.List(pl.String))))
            .alias("counterpart_countries"),
            pl.coalesce("location", "host_place").alias("location"),
        )
    )
    # several meetings under a lede stating no day: each dated by its own first meeting sentence
    own = own_sentence_dates(
        rows,
        sentence_map,
        sentences,
        flags,
        published,
        meetings,
        ref.cues.get("future_marker", []) + ref.cues.get("other_time_marker", []),
    )
    # (every stop under a lede naming them all is dated by its own sentence, whatever day the
    # article's first meeting sentence gave them all)
    overview_articles = sentences.join(overview, on="sid", how="semi").select(
        "article_id", pl.lit(True).alias("_overview")
    )
    undated = (
        (pl.col("meeting_date").is_null() & pl.col("weekday").is_null())
        | (pl.col("_overview").fill_null(False) & pl.col("_md").is_null() & pl.col("_wd").is_null())
    ) & (pl.col("_own_md").is_not_null() | pl.col("_own_wd").is_not_null())
    m = (
        m.join(own, on="meeting_id", how="left", maintain_order="left")
        .join(overview_articles, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(undated).then(pl.col("_own_md")).otherwise(pl.col("meeting_date")).alias("meeting_date"),
            pl.when(undated).then(pl.col("_own_wd")).otherwise(pl.col("weekday")).alias("weekday"),
        )
        .drop("_own_md", "_own_wd", "_overview")
    )
    # (meetings no sentence of theirs dates, on the day a sentence before the lede gives the day's
    # meetings: "... met separate guests from Southeast Asia on Wednesday", issue 14a)
    summary_day = day_summary_dates(meetings, sentences, flags, published, ref.cues)
    no_day = pl.col("meeting_date").is_null() & pl.col("weekday").is_null()
    m = (
        m.join(summary_day, on="article_id", how="left", maintain_order="left")
        .with_columns(
            pl.when(no_day).then(pl.col("_sum_md")).otherwise(pl.col("meeting_date")).alias("meeting_date"),
            pl.when(no_day).then(pl.col("_sum_wd")).otherwise(pl.col("weekday")).alias("weekday"),
        )
        .drop("_sum_md", "_sum_wd")
    )
    # "... with talks in Guangzhou on 22 November and in Fuzhou on 25 November. In Guangzhou, A met
    # B": the lede's stop told only by its place, undated, takes the day a sentence listing the
    # stops gives that place (issue 15a, K13; the later stops: split.later_meetings)
    m = (
        m.join(lede_stop_place_dates(meetings, sentences, published), on="article_id", how="left")
        .with_columns(
            pl.when(no_day & pl.col("meeting_id").str.ends_with("-1"))
            .then(pl.col("_place_date"))
            .otherwise(pl.col("meeting_date"))
            .alias("meeting_date")
        )
        .drop("_place_date")
    )
    # "met A on Friday and B the following day": the second of two meetings is on the day after
    # the first (issue 14a)
    m = following_day_dates(m, meetings, ref.cues.get("next_day_marker", []))
    meetings_out = schema.conform(m, schema.MEETINGS)
    speakers = sentence_speakers(
        sentences, t, refs, p.select("article_id", pl.col("name").alias("person_name"), "title", "side")
    )
    sentence_meetings = sentence_map.join(
        meta.select("article_id", "source_file"), on="article_id", maintain_order="left"
    )
    # (what another meeting told in passing discussed is no theme of the meetings reported)
    elsewhere = other_meeting_sentences(refs, flags, p.select("article_id", "name"))
    # (nor what a diary's item of another day names: "On Thursday the mayor addressed ...")
    other_items = other_day_items(
        sentences,
        sentence_map,
        meetings_out,
        published,
        refs,
        p.select("meeting_id", "article_id", "name", "side"),
    )
    theme_map = sentence_meetings.join(elsewhere, on="sid", how="anti").join(
        other_items, on=["sid", "meeting_id"], how="anti"
    )
    themes = find_themes(sentences, theme_map, speakers, ref)
    agreements = find_agreements(sentences, sentence_meetings, ref)
    counts = meetings_out.group_by("article_id", maintain_order=True).agg(
        pl.len().cast(pl.Int32).alias("meeting_count")
    )
    articles = meta.join(counts, on="article_id", how="left", maintain_order="left").with_columns(
        pl.col("meeting_count").fill_null(0)
    )
    return Tables(
        articles=schema.conform(articles, schema.ARTICLES),
        meetings=meetings_out,
        participants=schema.conform(participants, schema.PARTICIPANTS),
        meeting_themes=schema.conform(themes, schema.MEETING_THEMES),
        agreements=schema.conform(agreements, schema.AGREEMENTS),
    )
