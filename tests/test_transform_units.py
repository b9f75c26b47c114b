"""Unit tests of each transform step on small texts written for the purpose."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from transform_helpers import docs

from flows.transform import transform
from flows.transform.documents import split_documents
from flows.transform.people import find_mentions
from flows.transform.sentences import split_sentences
from flows.transform.tokens import label_tokens, tokenize


def test_documents_marker_headline_credits_and_broken_names():
    text = (
        " date 2024-03-22\nNews / Metro\nMayor meets envoy\n\nTi Gong\n\nTi Gong\n\n"
        "Mayor Wen Dao met with Olga\nPetrova on Thursday.\n\nSource: SHINE Editor: Ma Li\n"
    )
    out = split_documents(docs(text))
    row = out.row(0, named=True)
    assert row["published_date"] == date(2024, 3, 22)
    assert row["headline"] == "Mayor meets envoy"
    assert row["body"] == "Mayor Wen Dao met with Olga Petrova on Thursday."


def test_credit_between_lines_of_a_page_without_blank_lines():
    """A credit line between whole lines (page top or a finished sentence above, a capital below)."""
    text = (
        " date 2024-03-22\nMayor meets envoy\nTi Gong\nMayor Wen Dao met Olga Petrova on Thursday.\n"
        "Ti Gong\nWen Dao (right) meets Olga Petrova.\n"
    )
    row = split_documents(docs(text)).row(0, named=True)
    assert row["headline"] == "Mayor meets envoy"
    assert row["body"] == "Mayor Wen Dao met Olga Petrova on Thursday.\nWen Dao (right) meets Olga Petrova."


def test_headline_with_no_blank_line_under_it_is_not_the_first_sentence(ref):
    text = " date 2024-03-22\nPerth mayor meets Suzhou vice mayor\nMayor Olga Petrova met with Wen Dao on Thursday.\n"
    row = split_documents(docs(text)).row(0, named=True)
    assert row["headline"] == "Perth mayor meets Suzhou vice mayor"
    assert row["body"] == "Mayor Olga Petrova met with Wen Dao on Thursday."
    # a first line ending on a name or a function word is a broken sentence, as before
    for first, rest in (
        ("Mayor Wen Dao met with Olga", "Petrova on Thursday."),
        ("Wen Dao met the", "Mayor on Friday."),
    ):
        out = split_documents(docs(f" date 2024-03-22\nHeadline\n\n{first}\n{rest}\n")).row(0, named=True)
        assert out["body"] == f"{first} {rest}"


def test_credit_after_a_caption_sentence_is_dropped():
    text = " date 2024-03-22\nHeadline\n\nMayor Wen Dao (right) meets Olga Petrova. - Perth Daily\n"
    assert split_documents(docs(text))["body"][0] == "Mayor Wen Dao (right) meets Olga Petrova."


def test_short_line_inside_a_sentence_is_not_a_credit():
    text = " date 2024-03-22\nHeadline\n\nIt rained.\nMayor Wen Dao met with\nOlga Petrova\nand her team on Thursday.\n"
    # (a page with no blank line between its lines sets a paragraph after each finished sentence)
    body = "It rained.\nMayor Wen Dao met with Olga Petrova and her team on Thursday."
    assert split_documents(docs(text))["body"][0] == body


def test_a_period_of_many_meetings_is_no_meeting(ref):
    text = (
        " date 2024-12-03\nForum next spring\n\nThe city will host a forum of mayors in April.\n\n"
        "Over the past year, Mayor Wen Dao met with visiting mayors from more than 20 cities, "
        "including Mayor of Perth Olga Petrova in May, the office said.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 0 and t.participants.height == 0


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("17:00 UTC+8, 2022-08-15", date(2022, 8, 15)),
        ("Date: 2024-03-22", date(2024, 3, 22)),
        ("Published: Oct 15, 2023", date(2023, 10, 15)),
        ("By Zhou Rui | Mar 23,2023", date(2023, 3, 23)),
        ("2017年11月23日", date(2017, 11, 23)),
        (
            "Release time: 2024-03-28  Source: Anhui Provincial People's Government  Font size: Large Medium Small",
            date(2024, 3, 28),
        ),
        ("Beijing, February 27", None),
    ],
)
def test_published_date_forms(header, expected):
    text = f"{header}\n\nMayor Wen Dao met with Olga Petrova on Thursday.\n"
    assert split_documents(docs(text))["published_date"][0] == expected


def test_sentences_keep_abbreviations_and_drop_repeats():
    body = pl.DataFrame(
        {"article_id": ["x"], "body": ["Dr. Ana Ruiz met U.S. envoys on Saturday. on Saturday. She left."]}
    )
    texts = split_sentences(body)["text"].to_list()
    # a repeated lowercase fragment stays with its sentence; it never starts a new one
    assert texts == ["Dr. Ana Ruiz met U.S. envoys on Saturday. on Saturday.", "She left."]


def mentions_of(sentence: str, ref) -> dict[str, dict]:
    s = pl.DataFrame({"sid": [0], "article_id": ["a"], "text": [sentence]}).with_columns(
        pl.col("sid").cast(pl.Int64)
    )
    _, m = find_mentions(label_tokens(tokenize(s), ref))
    return {r["name"]: r for r in m.filter(pl.col("ntok") >= 2).iter_rows(named=True)}


def test_title_before_after_and_around_names(ref):
    m = mentions_of(
        "Shanghai Mayor Gong Zheng met with the Italian Ambassador to China, Massimo Ambrosetti.", ref
    )
    assert (m["Gong Zheng"]["title"], m["Gong Zheng"]["country"]) == ("Mayor", "CN")
    assert (m["Massimo Ambrosetti"]["title"], m["Massimo Ambrosetti"]["country"]) == ("Ambassador", "IT")
    m = mentions_of("Hamish Kerr, New Zealand ambassador to China, and Li Wei talked.", ref)
    assert (m["Hamish Kerr"]["title"], m["Hamish Kerr"]["country"]) == ("Ambassador", "NZ")
    assert m["Li Wei"]["title"] is None
    m = mentions_of("He met the mayor of Düsseldorf, Germany, Stephan Kühl.", ref)
    assert (m["Stephan Kühl"]["title"], m["Stephan Kühl"]["country"]) == ("Mayor", "DE")


def test_meeting_participants_sides_dates_and_themes(ref):
    text = (
        " date 2024-06-14\n"
        "Hangzhou Mayor Wen Dao met with Norwegian Ambassador to China Ola Dahl on Wednesday.\n\n"
        "Wen said the city welcomes Norwegian companies to invest and hopes to deepen cooperation in offshore wind.\n\n"
        "Dahl said Norway hopes to expand tourism. President Xi Jinping pointed out in a meeting with Dahl that "
        "friendship matters.\n\n"
        "Vice Mayor Sun Ke also attended the meeting.\n"
    )
    t = transform(docs(text), ref)
    m = t.meetings.row(0, named=True)
    assert (m["meeting_date"], m["weekday"], m["counterpart_countries"]) == (
        date(2024, 6, 12),
        "Wednesday",
        ["NO"],
    )
    people = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
    assert set(people) == {"Wen Dao", "Ola Dahl", "Sun Ke"}
    assert (people["Wen Dao"]["side"], people["Wen Dao"]["role"], people["Wen Dao"]["country"]) == (
        "host",
        "lead",
        "CN",
    )
    assert (people["Ola Dahl"]["side"], people["Ola Dahl"]["title"]) == ("guest", "Ambassador")
    assert (people["Sun Ke"]["side"], people["Sun Ke"]["role"], people["Sun Ke"]["title"]) == (
        "host",
        "member",
        "Vice Mayor",
    )
    themes = {r["theme"]: r["raised_by"] for r in t.meeting_themes.iter_rows(named=True)}
    assert themes == {"trade_investment": "host", "clean_energy": "host", "tourism": "guest"}


def test_guest_first_and_passive_grammar(ref):
    text = (
        " date 2023-11-02\n"
        "Swedish Ambassador to China Karin Lund was received by Suzhou Mayor Jiang Hua yesterday.\n"
    )
    t = transform(docs(text), ref)
    sides = dict(zip(t.participants["person_name"], t.participants["side"], strict=True))
    assert sides == {"Karin Lund": "guest", "Jiang Hua": "host"}
    assert t.meetings["meeting_date"][0] == date(2023, 11, 1)


def test_article_without_meeting_has_zero_meetings(ref):
    t = transform(docs("The city's trade fair closed on Monday with record deals.\n"), ref)
    assert t.meetings.height == 0
    assert t.articles["meeting_count"].to_list() == [0]


def test_transform_is_deterministic_and_independent_of_input_order(ref, dev_documents, dev_tables):
    """Same input, same rows: twice, and with the documents in reverse order (the first run is the
    session's shared transform of the corpus, conftest.dev_tables)."""
    documents = dev_documents
    first, second = dev_tables, transform(documents.reverse(), ref)
    for name in ("meetings", "participants", "meeting_themes", "agreements"):
        a, b = getattr(first, name), getattr(second, name)
        assert a.height > 0
        assert a.sort(a.columns).equals(b.sort(b.columns)), name


def test_an_article_gives_the_same_rows_alone_and_in_a_batch(ref, dev_documents, dev_tables):
    """Incremental runs transform only new files: results may not depend on the batch around them.
    (The whole batch is the session's shared transform of the corpus, conftest.dev_tables.)"""
    documents = dev_documents
    batch = dev_tables
    # Other batches: seven interleaved slices of the corpus (every article, each among other
    # neighbours than in the whole) and about 25 articles alone, spread over the corpus; one
    # transform per article would take most of the suite's time for the same check.
    row = pl.int_range(pl.len())
    others = [documents.filter(row % 7 == k) for k in range(7)]
    others += [documents.slice(i, 1) for i in range(0, documents.height, max(1, documents.height // 25))]
    for part in others:
        got = transform(part, ref)
        sources = part["source_file"].implode()
        for name in ("meetings", "participants", "meeting_themes"):
            a = getattr(got, name)
            b = getattr(batch, name).filter(pl.col("source_file").is_in(sources))
            assert a.sort(a.columns).equals(b.sort(b.columns)), (part["source_file"].to_list()[:3], name)


@pytest.mark.parametrize(
    ("lede", "host", "guest"),
    [
        # the destination of a visit is where the meeting took place
        (
            "During his visit to Argentina, Jiangxi Governor Liu Qiyuan met with Buenos Aires Governor "
            "Martin Rosales on Wednesday.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Argentine Foreign Minister Martin Rosales, on a visit to China, met with Jiangxi Governor "
            "Liu Qiyuan on Wednesday.",
            "Liu Qiyuan",
            "Martin Rosales",
        ),
        # a video call has no meeting place: the city one side speaks from is not the host's
        (
            "Wuhan Mayor Liu Qiyuan held a video call with Bordeaux Mayor Martin Rosales on Wednesday, "
            "with Rosales speaking from his office in Bordeaux.",
            "Liu Qiyuan",
            "Martin Rosales",
        ),
        # a region named as the place ("in Hong Kong"); a venue is not a person nor does it hide the city
        (
            "Hong Kong Chief Executive Martin Rosales met with Shenzhen Party Secretary Liu Qiyuan in Hong "
            "Kong on Wednesday.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Jiangxi Governor Liu Qiyuan met with French President Martin Rosales at the Elysee Palace in "
            "Paris on Wednesday.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Jiangxi Governor Liu Qiyuan met with Buenos Aires Mayor Martin Rosales at Buenos Aires City Hall "
            "on Wednesday.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Argentine Ambassador to China Martin Rosales paid a farewell call on Jiangxi Governor Liu Qiyuan "
            "on Wednesday.",
            "Liu Qiyuan",
            "Martin Rosales",
        ),
        # the lede's verb says who receives whom, whatever place the article names most
        (
            "Argentine Ambassador to China Martin Rosales gave a banquet at the embassy in Beijing on "
            "Wednesday in honour of Beijing Vice Mayor Liu Qiyuan.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Jiangxi Governor Liu Qiyuan made a courtesy call on Argentine Foreign Minister Martin Rosales "
            "on Wednesday.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Jiangxi Governor Liu Qiyuan paid a courtesy call on Argentine Foreign Minister Martin Rosales "
            "on Wednesday.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Argentine Ambassador to China Martin Rosales hosted a dinner at the embassy in Beijing on "
            "Wednesday for Beijing Vice Mayor Liu Qiyuan.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
        (
            "Jiangxi Governor Liu Qiyuan was received in Buenos Aires on Wednesday by Argentine Foreign "
            "Minister Martin Rosales.",
            "Martin Rosales",
            "Liu Qiyuan",
        ),
    ],
)
def test_host_side_from_visit_destination_and_verb(ref, lede, host, guest):
    text = f" date 2024-06-14\nHeadline\n\n{lede}\n\nLiu said Jiangxi and Beijing value the ties.\n"
    t = transform(docs(text), ref)
    sides = {r["person_name"]: r["side"] for r in t.participants.iter_rows(named=True)}
    assert sides == {host: "host", guest: "guest"}


def test_partial_name_and_members_in_attendance(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Nanning Mayor Wen Dao hosted a luncheon for Malaysian Minister Ahmad Faizal on Wednesday, with "
        "Vice Mayor Sun Ke and Malaysian Ambassador to China Norlizah binti Hashim in attendance.\n\n"
        "Ahmad Faizal bin Hussin said Malaysia hopes to export more durian.\n"
    )
    t = transform(docs(text), ref)
    people = {r["person_name"]: (r["side"], r["role"]) for r in t.participants.iter_rows(named=True)}
    assert people == {
        "Wen Dao": ("host", "lead"),
        "Ahmad Faizal bin Hussin": ("guest", "lead"),
        "Sun Ke": ("host", "member"),
        "Norlizah binti Hashim": ("guest", "member"),
    }


@pytest.mark.parametrize(
    "lede",
    [
        "Hangzhou Mayor Wen Dao met with Norwegian Ambassador Ola Dahl on Wednesday; Vice Mayor Sun Ke was present.",
        "Hangzhou Mayor Wen Dao held talks with Norwegian Ambassador Ola Dahl on Wednesday, with Vice Mayor Sun Ke "
        "in attendance.",
        "Hangzhou Mayor Wen Dao met Norwegian Ambassador Ola Dahl on Wednesday; Vice Mayor Sun Ke also attended.",
        "Hangzhou Mayor Wen Dao met with Norwegian Ambassador Ola Dahl on Wednesday, with Vice Mayor Sun Ke present.",
    ],
)
def test_attendee_in_the_lede_is_a_member_not_the_object_of_met_with(ref, lede):
    t = transform(docs(f" date 2024-06-14\nHeadline\n\n{lede}\n"), ref)
    people = {r["person_name"]: (r["side"], r["role"]) for r in t.participants.iter_rows(named=True)}
    assert people == {
        "Wen Dao": ("host", "lead"),
        "Ola Dahl": ("guest", "lead"),
        "Sun Ke": ("host", "member"),
    }


def test_person_cited_on_behalf_of_is_not_a_participant(ref):
    text = (
        " date 2024-06-14\n"
        "Ningbo Mayor Tang Fei met with Danish Ambassador to China Mette Holm on behalf of "
        "Danish Prime Minister Lars Vestergaard on Thursday, and conveyed the greetings of "
        "Zhejiang Governor Wang Hongbo.\n"
        "Vice Mayor Li Jun and Deputy Director Chen Lu were among those present.\n"
    )
    t = transform(docs(text), ref)
    sides = dict(zip(t.participants["person_name"], t.participants["side"], strict=True))
    assert sides == {"Tang Fei": "host", "Mette Holm": "guest", "Li Jun": "host", "Chen Lu": "host"}
    assert t.meetings["meeting_date"][0] == date(2024, 6, 13)


def test_day_before_yesterday_and_dateline_anchor(ref):
    text = (
        "Published: Jun 14, 2024\n"
        "Xiamen Mayor Wu Jian met with Irish Ambassador Niall Burke the day before yesterday.\n"
    )
    assert transform(docs(text), ref).meetings["meeting_date"][0] == date(2024, 6, 12)
    text = (
        "Published: Jun 14, 2024\n"
        "Xiamen, 12 June 2024 – Xiamen Mayor Wu Jian met with Irish Ambassador Niall Burke today.\n"
    )
    assert transform(docs(text), ref).meetings["meeting_date"][0] == date(2024, 6, 12)


def _people(text: str, ref) -> dict[str, tuple]:
    t = transform(docs(text), ref)
    return {
        r["person_name"]: (r["title"], r["country"], r["side"], r["role"])
        for r in t.participants.iter_rows(named=True)
    }


def test_plural_office_gives_each_listed_person_title_and_country_in_order(ref):
    people = _people(
        " date 2024-06-14\nHeadline\n\n"
        "Haikou Mayor Wen Dao met with the ambassadors of Chile and Peru, Rosa Vial and Mateo Quispe, on Thursday.\n",
        ref,
    )
    assert people["Rosa Vial"][:2] == ("Ambassador", "CL")
    assert people["Mateo Quispe"][:2] == ("Ambassador", "PE")
    people = _people(
        " date 2024-06-14\nHeadline\n\n"
        "Kunming Vice Mayor Sun Ke met the consuls general of Germany (Jonas Kraft), France (Lea Morel) "
        "and Japan (Ken Mori) on Friday.\n",
        ref,
    )
    assert {n: p[:2] for n, p in people.items() if n != "Sun Ke"} == {
        "Jonas Kraft": ("Consul General", "DE"),
        "Lea Morel": ("Consul General", "FR"),
        "Ken Mori": ("Consul General", "JP"),
    }


def test_given_name_that_is_a_place_opens_a_name(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Xi'an Mayor Wen Dao met with Bulgarian Deputy Minister of Culture Sofia Petrova on Thursday.\n\n"
        "Petrova said Bulgaria would welcome Chinese tourists to Sofia.\n"
    )
    assert _people(text, ref)["Sofia Petrova"] == ("Deputy Minister", "BG", "guest", "lead")


def test_market_noun_is_served_not_represented_and_firm_names_are_not_people(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Suzhou Mayor Wen Dao met with Anna Nowak, head of China business at Warsaw-based Polmed Pharma, "
        "on Thursday.\n\n"
        "Jonas Weber, chief executive officer of the German company Brandt Hydraulik, also attended.\n"
    )
    people = _people(text, ref)
    assert people["Anna Nowak"] == ("Head", "PL", "guest", "lead")
    assert people["Jonas Weber"] == ("CEO", "DE", "guest", "member")
    assert "Brandt Hydraulik" not in people and "Polmed Pharma" not in people


def test_sar_hosted_meeting_at_government_house(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "The Chief Executive, Mr Leong Wai-man, met the Mayor of Porto, Mr Rui Costa, at Government House on "
        "Thursday.\n\n"
        "Mr Leong said Macao welcomed companies from Porto. Mr Costa said Porto valued its ties with Macao.\n"
    )
    people = _people(text, ref)
    assert people["Leong Wai-man"][1:3] == ("MO", "host")
    assert people["Rui Costa"][1:3] == ("PT", "guest")


def test_visiting_mayor_without_country_comes_from_the_foreign_place_named_most(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Lord Mayor Ann Hale met Nanjing Mayor Wen Dao on Thursday.\n\n"
        "The two discussed flights between Perth and Nanjing. Hale said Perth valued its students from Nanjing "
        "and that Perth businesses saw opportunities.\n"
    )
    assert _people(text, ref)["Ann Hale"][1:3] == ("AU", "guest")


def test_wire_dateline_dates_a_meeting_with_no_other_time(ref):
    text = (
        " date 2024-06-14\nXinhua\n\n"
        "BEIJING, June 12 (Xinhua) -- Beijing Mayor Wen Dao met with Irish Ambassador Niall Burke here.\n"
    )
    assert transform(docs(text), ref).meetings["meeting_date"][0] == date(2024, 6, 12)


def test_later_sentence_with_another_date_is_a_meeting_of_its_own(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "In Sao Paulo on June 3, Zhejiang Governor Lou Ping met with Sao Paulo State Governor Rui Lins.\n\n"
        "In Buenos Aires on June 6, Lou met with Argentine Minister of Economy Tomas Ferro.\n"
    )
    m = transform(docs(text), ref).meetings.sort("meeting_id")
    assert m["meeting_date"].to_list() == [date(2024, 6, 3), date(2024, 6, 6)]


def test_one_guest_meeting_several_hosts_separately(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "A Sichuan delegation led by Party Secretary Ren Dong was in Budapest on Wednesday, where Ren met "
        "separately with Hungarian Foreign Minister Gabor Kertesz and Budapest Mayor Zsofia Halmi.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 2
    by_meeting = t.participants.group_by("meeting_id").agg(pl.col("person_name").sort())
    assert sorted(by_meeting["person_name"].to_list()) == [
        ["Gabor Kertesz", "Ren Dong"],
        ["Ren Dong", "Zsofia Halmi"],
    ]


def test_later_meeting_with_an_unnamed_chamber_delegation(ref):
    text = (
        " date 2025-09-10\nHeadline\n\n"
        "Wuhan Party Secretary Guo Ping met with Dutch Minister Lotte Brink on Tuesday.\n\n"
        "Wuhan Vice Mayor Sheng Li attended the meeting.\n\n"
        "Later that day, Sheng also met a delegation of the Netherlands Chamber of Commerce in China.\n\n"
        "Guo will meet a delegation of the German Chamber of Commerce next week.\n"
    )
    t = transform(docs(text), ref)
    m = t.meetings.sort("meeting_id")
    assert m["counterpart_countries"].to_list() == [["NL"], ["NL"]]
    second = t.participants.filter(pl.col("meeting_id") == m["meeting_id"][1])
    assert second.select("person_name", "side", "role").rows() == [("Sheng Li", "host", "lead")]


def test_headline_with_no_blank_line_under_it_is_not_glued_to_the_lede(ref):
    text = (
        "Date: 2024-05-16\nCity chief meets bank group chief executive\n"
        "Dong Hailin, Party Secretary of Guangzhou, met with Oskar Brandt, chief executive officer "
        "of HSBC, on Wednesday.\n"
    )
    row = split_documents(docs(text)).row(0, named=True)
    assert row["headline"] == "City chief meets bank group chief executive"
    assert row["body"].startswith("Dong Hailin, Party Secretary")
    people = _people(text, ref)
    assert people["Dong Hailin"] == ("Party Secretary", "CN", "host", "lead")
    assert people["Oskar Brandt"] == ("CEO", None, "guest", "lead")


def test_words_leading_up_to_the_next_name_do_not_describe_a_titled_name(ref):
    people = _people(
        " date 2025-06-13\nParty Secretary Wu Tong met with Zambia's Minister of Commerce Bwalya Phiri "
        "in Changsha on Thursday.\n\nVice Minister of Commerce Gao Lin, Zambian Ambassador to China "
        "Chanda Mumba and Vice Governor He Ping attended the meeting.\n",
        ref,
    )
    assert people["Gao Lin"] == ("Vice Minister", "CN", "host", "member")
    assert people["Chanda Mumba"] == ("Ambassador", "ZM", "guest", "member")


def test_abbreviated_governor_and_a_delegation_from_a_place_that_is_not_the_meeting_place(ref):
    people = _people(
        "Date: 2025-06-26\nGov. Ann Moreno today met with a delegation from Jiangsu Province, China, "
        "led by Vice Governor Xu Bo, at the Governor's Mansion.\n\nMoreno said Washington State "
        "exports apples through Seattle and Tacoma.\n",
        ref,
    )
    assert people["Ann Moreno"] == ("Governor", "US", "host", "lead")
    assert people["Xu Bo"] == ("Vice Governor", "CN", "guest", "lead")


def test_a_pluperfect_meeting_on_another_day_is_background(ref):
    t = transform(
        docs(
            "Date: 2025-06-26\nA Sichuan delegation led by Governor Tao Ran visited Hungary. It arrived "
            "from Vienna, where it had met Upper Austrian Governor Max Huber on Sunday.\n\nOn Tuesday, Tao "
            "met with Hungarian Foreign Minister Bence Kiss in Budapest.\n"
        ),
        ref,
    )
    names = set(t.participants["person_name"])
    assert "Max Huber" not in names and {"Tao Ran", "Bence Kiss"} <= names
    assert t.meetings["meeting_date"].to_list() == [date(2025, 6, 24)]


def test_section_line_and_glued_headline_above_the_lede_but_not_a_broken_lede_line():
    glued = (
        " date 2025-10-17\nHangzhou\nParty chief meets sports council president\n"
        "Party Secretary Lu Hai met on Thursday with Omar Saleh, President of the Olympic Council "
        "of Asia, in Hangzhou.\n"
    )
    row = split_documents(docs(glued)).row(0, named=True)
    assert row["headline"] == "Party chief meets sports council president"
    assert row["body"].startswith("Party Secretary Lu Hai met")
    broken = (
        " date 2025-05-08\nMayor meets consul general\nDalian Mayor Ma Lin met with Takeshi\n"
        "Mori, Consul General of Japan in Shenyang, on Wednesday.\n"
    )
    row = split_documents(docs(broken)).row(0, named=True)
    assert row["headline"] == "Mayor meets consul general"
    assert (
        row["body"]
        == "Dalian Mayor Ma Lin met with Takeshi Mori, Consul General of Japan in Shenyang, on Wednesday."
    )


def test_name_of_country_list_after_a_plural_office(ref):
    people = _people(
        " date 2024-09-20\nSuzhou Mayor Wu Kai met on Thursday with a group of consuls general in "
        "Shanghai, including Tom Hale of Australia, Ina Roth of Switzerland, Ravi Nair of India and "
        "Ana Ruiz of Mexico.\n",
        ref,
    )
    assert people["Tom Hale"] == ("Consul General", "AU", "guest", "lead")
    assert people["Ina Roth"] == ("Consul General", "CH", "guest", "lead")
    assert people["Ravi Nair"] == ("Consul General", "IN", "guest", "lead")
    assert people["Ana Ruiz"] == ("Consul General", "MX", "guest", "lead")


def test_plural_legislators_were_in_the_delegation(ref):
    people = _people(
        "Guiyang, April 9 -- Governor Xu Dan met with a delegation of the New Zealand-China "
        "Parliamentary Friendship Group led by Madam Jo Hart, Member of Parliament, on Wednesday.\n\n"
        "Hart said New Zealand farmers want links with Guizhou.\n\nMembers of Parliament Tane Ruru and Sam Fitz were in the delegation.\n",
        ref,
    )
    assert people["Tane Ruru"] == ("Member of Parliament", "NZ", "guest", "member")
    assert people["Sam Fitz"] == ("Member of Parliament", "NZ", "guest", "member")


def test_member_of_the_body_a_guest_lead_speaks_for_is_a_guest(ref):
    people = _people(
        "Date: 2024-05-16\nGuangzhou Party Secretary Zhou Li met yesterday with Mark Vale, group chief executive "
        "officer of HSBC.\n\nVice Mayor Tan Yu and HSBC China president and chief executive Helen Ruiz "
        "also attended the meeting.\n",
        ref,
    )
    assert people["Helen Ruiz"] == ("President", None, "guest", "member")
    assert people["Tan Yu"] == ("Vice Mayor", "CN", "host", "member")


def test_chief_executive_outside_the_sars_is_ceo(ref):
    hk = _people(
        " date 2024-06-04\nThe Chief Executive, Mr Lam Wai, met the Minister of Investment of Saudi "
        "Arabia, Mr Faisal Saad, at Government House in Hong Kong today.\n",
        ref,
    )
    assert hk["Lam Wai"][:2] == ("Chief Executive", "HK")
    firm = _people(
        " date 2024-03-12\nAuckland Mayor Wayne Hart met Guangzhou Vice Mayor Lin Jia today.\n\n"
        "Chief executive of HSBC Oskar Brandt also attended.\n",
        ref,
    )
    assert firm["Oskar Brandt"][0] == "CEO"


def test_credit_printed_twice_inside_a_paragraph_is_dropped():
    text = (
        " date 2024-03-22\nMayor meets envoy\nMayor Wen Dao met with Olga Petrova on Tuesday.\n"
        "Ti Gong\nTi Gong\nMayor Wen Dao (right) meets Olga Petrova.\n"
    )
    assert "Ti Gong" not in split_documents(docs(text))["body"][0]


def test_malaysian_honorifics_menteri_besar_and_attending_from_a_side(ref):
    people = _people(
        "2017年11月23日\nChengdu Leaders Meet Selangor Delegation\n\nOn November 22, Mayor Wang Yu met "
        "with the delegation of the Selangor State Government of Malaysia headed by Dato' Seri Ahmad "
        "Rizal bin Hamzah, Menteri Besar of Selangor, in Chengdu.\n\nAttending from Chengdu side were "
        "Liu Jun, Secretary-General of Chengdu Municipal Government; and Zhao Min, Director of "
        "Chengdu Foreign Affairs Office.\n",
        ref,
    )
    assert people["Ahmad Rizal bin Hamzah"] == ("Chief Minister", "MY", "guest", "lead")
    assert people["Liu Jun"] == ("Secretary-General", "CN", "host", "member")
    assert people["Zhao Min"] == ("Director", "CN", "host", "member")


def test_attendance_cut_off_at_the_end_of_the_page(ref):
    people = _people(
        " date 2024-04-14\nShanghai Party Secretary Chen Yu met with Carlo Tavares, CEO of Stellantis, "
        "on Saturday.\n\nVice Mayor Xie Fang attended the mee",
        ref,
    )
    assert people["Xie Fang"] == ("Vice Mayor", "CN", "host", "member")


def test_capitalised_economic_and_industrial_words_are_no_names(ref):
    people = _people(
        " date 2025-06-13\nHunan Party Secretary Xie Lin met in Changsha with Zambian Minister of Commerce "
        "Mulenga Banda, who is in Hunan for the China-Africa Economic and Trade Expo and visited the "
        "Suzhou Industrial Park, on Thursday.\n",
        ref,
    )
    assert set(people) == {"Xie Lin", "Mulenga Banda"}


def test_firm_country_from_a_demonym_and_firm_noun_elsewhere_in_the_article(ref):
    people = _people(
        "Date: 2024-03-28\nOn the morning of March 27, Governor Su Ming met in Hefei with Chairman of "
        "Volkswagen Group Frank Bauer.\n\nBauer said that the German carmaker Volkswagen values "
        "its cooperation with Anhui.\n",
        ref,
    )
    assert people["Frank Bauer"] == ("Chairman", "DE", "guest", "lead")


def test_hyphenated_theme_phrases_match_their_spaced_form(ref):
    t = transform(
        docs(
            " date 2024-06-28\nWuhan Mayor Peng Bo met with French Consul General Anne Roux on Thursday.\n\n"
            "Peng hoped the two sides would cooperate in new-energy industries and sister-city exchanges.\n"
        ),
        ref,
    )
    assert {"clean_energy", "sister_cities"} <= set(t.meeting_themes["theme"])


def test_meeting_of_another_day_mentioned_in_passing_is_no_participant(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Wuhan Mayor Wen Dao met with Lisbon Mayor Rui Costa in Lisbon on Wednesday.\n\n"
        "Costa said Lisbon welcomes Wuhan companies.\n\n"
        "On Monday, the delegation was in Madrid, where Wen met with Spanish Minister Pablo Ortega.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 1
    assert sorted(t.participants["person_name"]) == ["Rui Costa", "Wen Dao"]


def test_mainland_office_for_taiwan_affairs_is_chinese_and_machinery_firm_is_no_person(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Kunshan Mayor Wen Dao met with Lin Chih-ming, chairman of Taichung-based Da Ming Machinery, "
        "on Thursday.\n\n"
        "Chen Li, deputy director of the Kunshan Taiwan Affairs Office, attended the meeting.\n"
    )
    t = transform(docs(text), ref)
    people = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert people == {"Wen Dao": ("CN", "host"), "Lin Chih-ming": ("TW", "guest"), "Chen Li": ("CN", "host")}


def test_lead_named_by_place_and_title_gives_the_accompanying_deputy_his_side(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Wuhan Mayor Wen Dao called on Portuguese Minister of Economy Rui Costa in Lisbon on Wednesday.\n\n"
        "The Wuhan Mayor was accompanied by Vice Mayor Sun Ke.\n"
    )
    t = transform(docs(text), ref)
    people = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert people["Sun Ke"] == ("CN", "guest")
    assert people["Rui Costa"][1] == "host"


def test_visiting_before_a_title_describes_the_visitor_not_the_destination(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Xiamen Mayor Wen Dao met with visiting Cebu City Mayor Ramon Cruz on Wednesday.\n"
    )
    t = transform(docs(text), ref)
    people = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert people == {"Wen Dao": ("CN", "host"), "Ramon Cruz": ("PH", "guest")}
    assert t.meetings["counterpart_countries"].to_list() == [["PH"]]


def test_names_listed_right_after_a_lede_meeting_a_group_lead_their_sides(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Kunming Party Secretary Wen Dao met with the heads of two delegations on Wednesday.\n\n"
        "They were Ram Thapa, Deputy Prime Minister of Nepal; and Ali Waheed, Minister of Economic "
        "Development and Trade of the Maldives.\n\n"
        "Wen said Yunnan welcomes more tourists.\n"
    )
    t = transform(docs(text), ref)
    people = {
        r["person_name"]: (r["country"], r["side"], r["role"]) for r in t.participants.iter_rows(named=True)
    }
    assert people == {
        "Wen Dao": ("CN", "host", "lead"),
        "Ram Thapa": ("NP", "guest", "lead"),
        "Ali Waheed": ("MV", "guest", "lead"),
    }
    assert sorted(t.meetings["counterpart_countries"][0]) == ["MV", "NP"]


def test_holding_talks_reports_the_meeting_and_a_mexican_state_gives_its_country(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Zhejiang Vice Governor Wen Dao and Governor of Jalisco Luis Ortega co-chaired a forum in Hangzhou "
        "on Thursday, after holding talks at a hotel.\n"
    )
    t = transform(docs(text), ref)
    people = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert people == {"Wen Dao": ("CN", "host"), "Luis Ortega": ("MX", "guest")}
    assert t.meetings["meeting_date"][0] == date(2024, 6, 13)


def test_published_on_day_month_year_line_dates_the_page(ref):
    text = (
        "Published on 6 March 2025\n\nHeadline\n\nOn 4 March, Mayor Wen Dao met with Ambassador Ola Dahl.\n"
    )
    out = split_documents(docs(text)).row(0, named=True)
    assert out["published_date"] == date(2025, 3, 6)


def test_body_of_a_country_gives_its_country_a_branch_in_a_country_does_not(ref):
    people = mentions_of(
        "Mayor Wen Dao met Ana Lemalu, Speaker of the Legislative Assembly of Samoa, and Hans Berg, "
        "Chair of the German Chamber of Commerce in China.",
        ref,
    )
    assert people["Ana Lemalu"]["country"] == "WS"
    assert people["Hans Berg"]["country"] != "CN"


def test_unnamed_visiting_delegation_still_gives_the_counterpart_country(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Guangzhou Vice Mayor Wen Dao met with a visiting delegation of the Lagos State House of Assembly "
        "on Tuesday.\n"
    )
    t = transform(docs(text), ref)
    assert t.participants["person_name"].to_list() == ["Wen Dao"]
    assert t.meetings["counterpart_countries"].to_list() == [["NG"]]


def test_member_described_by_the_guest_organisations_noun_is_a_guest(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Beijing Vice Mayor Wen Dao met with Mary Stone, chair of the American Chamber of Commerce in China, "
        "on Wednesday.\n\n"
        "Stone said members remain committed. Nathan Brooks, the chamber's president, who was also present, "
        "said firms are interested in AI.\n"
    )
    t = transform(docs(text), ref)
    people = {
        r["person_name"]: (r["country"], r["side"], r["role"]) for r in t.participants.iter_rows(named=True)
    }
    assert people["Nathan Brooks"] == ("US", "guest", "member")


def test_delegation_included_with_an_aside_between(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Fuzhou Mayor Wen Dao met with a delegation of the Taipei Computer Association led by its chairman, "
        "Peng Chih-hao, on Thursday.\n\n"
        "The delegation, made up of 30 executives, included the association's secretary-general, Chiang Yi-ting.\n"
    )
    t = transform(docs(text), ref)
    people = {
        r["person_name"]: (r["country"], r["side"], r["role"]) for r in t.participants.iter_rows(named=True)
    }
    assert people["Chiang Yi-ting"] == ("TW", "guest", "member")


def test_attended_followed_only_by_where_the_attendee_sat(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Jilin Governor Wen Dao held a video conference on Wednesday with Governor of Primorsky Krai Oleg Sokolov.\n\n"
        "Jilin Vice Governor Sun Ke attended in Changchun.\n"
    )
    t = transform(docs(text), ref)
    people = {r["person_name"]: (r["side"], r["role"]) for r in t.participants.iter_rows(named=True)}
    assert people["Sun Ke"] == ("host", "member")


def test_a_single_name_right_after_a_title_is_a_mononym_not_a_surname(ref):
    text = (
        " date 2024-09-13\nHeadline\n\n"
        "Indonesian Ambassador to China Wibowo called on Chengdu Mayor Wen Dao on Wednesday.\n\n"
        "Wen said the city welcomes Indonesian coffee. Minister Wen of another city was not there.\n"
    )
    t = transform(docs(text), ref)
    people = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert people == {"Wibowo": ("ID", "guest"), "Wen Dao": ("CN", "host")}


def test_the_other_persons_apposition_gives_no_title_when_one_has_their_own(ref):
    people = mentions_of(
        "Ali Khan, Pakistan's Ambassador to China, and Dr. Sara Malik, Punjab's Minister of Health, "
        "attended the meeting.",
        ref,
    )
    assert (people["Ali Khan"]["title"], people["Sara Malik"]["title"]) == ("Ambassador", "Minister")


def test_newly_appointed_and_plural_members_of_parliament_keep_their_titles(ref):
    people = mentions_of(
        "Yumi Sato, newly appointed Consul General of Japan in Qingdao, met Members of Parliament "
        "Jukka Lahti and Mayor Wen Dao.",
        ref,
    )
    assert people["Yumi Sato"]["title"] == "Consul General"
    assert people["Yumi Sato"]["country"] == "JP"
    assert people["Jukka Lahti"]["title"] == "Member of Parliament"


def test_an_organisations_chief_executive_is_its_ceo(ref):
    people = mentions_of(
        "Mayor Wen Dao met Rohan Kapur, group chief executive of Standard Chartered, and Hong Kong "
        "Chief Executive John Lee Ka-chiu.",
        ref,
    )
    assert people["Rohan Kapur"]["title"] == "CEO"
    assert people["John Lee Ka-chiu"]["title"] == "Chief Executive"


def test_two_meetings_in_one_lede_each_with_its_own_host(ref):
    text = (
        " date 2024-05-10\nHeadline\n\n"
        "Shenzhen Party Secretary Wen Dao met with Chief Minister of Penang Lim Hock on Thursday, while "
        "Mayor Sun Ke met on the same day with Governor of Nuevo León Adrián Garza.\n\n"
        "Vice Mayor Li Jun attended the meeting with Garza.\n"
    )
    t = transform(docs(text), ref)
    by_meeting: dict[str, set] = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add((r["person_name"], r["side"], r["role"]))
    assert sorted(by_meeting.values(), key=len) == [
        {("Wen Dao", "host", "lead"), ("Lim Hock", "guest", "lead")},
        {("Sun Ke", "host", "lead"), ("Adrián Garza", "guest", "lead"), ("Li Jun", "host", "member")},
    ]
    assert sorted(map(tuple, t.meetings["counterpart_countries"].to_list())) == [("MX",), ("MY",)]


def test_winter_sports_and_travel_agencies_are_themes(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Jilin Governor Wen Dao met with Governor of Primorsky Krai Oleg Sokolov on Wednesday.\n\n"
        "Sokolov proposed joint ice hockey competitions and invited Jilin travel agencies to the region.\n"
    )
    themes = set(transform(docs(text), ref).meeting_themes["theme"])
    assert {"sports", "tourism"} <= themes


def test_no_reference_phrase_runs_on_past_a_possessive(ref):
    people = mentions_of(
        "Ana Pereira, São Paulo's State Secretary for Economic Development, attended the meeting.", ref
    )
    assert (people["Ana Pereira"]["title"], people["Ana Pereira"]["country"]) == ("State Secretary", "BR")


def test_a_relative_clause_after_the_guest_does_not_make_a_second_subject(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Mayor Wen Dao met with Ambassador Ola Dahl, who once hosted a dinner, on Wednesday.\n"
    )
    t = transform(docs(text), ref)
    sides = {r["person_name"]: r["side"] for r in t.participants.iter_rows(named=True)}
    assert sides == {"Wen Dao": "host", "Ola Dahl": "guest"}


def test_one_person_described_after_a_group_lede_is_no_guest_lead(ref):
    text = (
        " date 2024-06-14\nHeadline\n\n"
        "Kunming Party Secretary Wen Dao met with the heads of two delegations on Wednesday.\n\n"
        "Zhang Wei is director of the expo bureau.\n"
    )
    t = transform(docs(text), ref)
    assert t.participants["person_name"].to_list() == ["Wen Dao"]


def test_a_run_after_a_bare_the_or_going_on_after_of_names_a_body_not_a_person(ref):
    text = (
        " date 2024-06-14\nHeadline\n\nGovernor Wen Dao met Olga Petrova, director of the Museum of "
        "Applied Glass and Ceramics, at the Palacio Verde on Friday.\n\nPetrova also visited the Base "
        "of Giant Tortoise Breeding and a park.\n"
    )
    t = transform(docs(text), ref)
    assert sorted(t.participants["person_name"]) == ["Olga Petrova", "Wen Dao"]


def test_places_and_portfolio_words_are_not_names(ref):
    text = (
        " date 2024-06-14\nHeadline\n\nMayor Wen Dao met Minister for Economic Affairs, Transport and "
        "Digitalisation Olga Petrova on Friday. They discussed the Lao Cai border crossing and "
        "Ras Al Khaimah.\n"
    )
    t = transform(docs(text), ref)
    assert sorted(t.participants["person_name"]) == ["Olga Petrova", "Wen Dao"]


def test_a_diplomat_s_country_in_an_apposition_is_not_the_next_attendee_s(ref):
    text = (
        " date 2024-05-14\nHeadline\n\nSuzhou Mayor Wen Dao met with Perth Mayor Olga Petrova on Monday.\n\n"
        "Ann Lee, Australian ambassador to China, and Vice Mayor Tom Reed attended the meeting.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert got["Tom Reed"] == ("CN", "host") and got["Ann Lee"] == ("AU", "guest")


def test_plural_legislators_before_two_names(ref):
    text = (
        " date 2024-05-14\nHeadline\n\nSuzhou Mayor Wen Dao met with a delegation led by Senators "
        "Ann Lee and Tom Reed of the US Senate on Monday.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: (r["title"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert got == {
        "Wen Dao": ("Mayor", "host"),
        "Ann Lee": ("Senator", "guest"),
        "Tom Reed": ("Senator", "guest"),
    }


def test_a_meeting_at_an_earlier_stop_of_the_trip_is_not_reported(ref):
    text = (
        " date 2024-10-16\nHeadline\n\nOn 14 October, Suzhou Mayor Wen Dao was received by Governor of "
        "Western Australia Olga Petrova in Perth.\n\nBefore arriving in Perth, the delegation visited "
        "Sydney, where Wen met New South Wales Premier Tom Reed on 12 October.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 1
    assert sorted(t.participants["person_name"]) == ["Olga Petrova", "Wen Dao"]


def test_a_member_of_a_guest_lead_s_organisation_is_a_guest(ref):
    text = (
        " date 2024-05-14\nHeadline\n\nSuzhou Mayor Wen Dao met with Olga Petrova, President of the "
        "Asian Infrastructure Investment Bank, on Monday.\n\nTom Reed, vice president and corporate "
        "secretary of the AIIB, was also present.\n"
    )
    t = transform(docs(text), ref)
    got = {
        r["person_name"]: (r["country"], r["side"], r["organization"])
        for r in t.participants.iter_rows(named=True)
    }
    assert got["Tom Reed"] == (None, "guest", "Asian Infrastructure Investment Bank")


def test_a_place_before_affairs_is_a_field_of_work_not_a_country(ref):
    text = (
        " date 2024-05-14\nHeadline\n\nFujian Governor Wen Dao met with a delegation from Kaohsiung led by "
        "Olga Lin on Monday.\n\nTom Wu, director of the Taiwan Affairs Office of the Fujian provincial "
        "government, attended the meeting.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert got["Tom Wu"] == ("CN", "host")


def test_a_lower_case_qualifier_before_a_title_keeps_the_description(ref):
    text = (
        " date 2024-05-14\nHeadline\n\nFuzhou Mayor Wen Dao met with Olga Lin, honorary chairman of the "
        "Kaohsiung Industrial Development Association, on Monday.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: (r["title"], r["country"]) for r in t.participants.iter_rows(named=True)}
    assert got["Olga Lin"] == ("Chairman", "TW")


def test_the_lede_s_group_listed_later_are_its_heads(ref):
    text = (
        " date 2024-05-14\nHeadline\n\nChengdu Mayor Wen Dao met with envoys from 12 countries on Monday.\n\n"
        "The envoys, including Peruvian Ambassador to China Ana Ruiz and Kenyan Ambassador to China "
        "Tom Oloo, also toured a science park.\n\nOlga Lin, deputy director-general of a department of "
        "the Ministry of Foreign Affairs, attended the meeting.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: (r["title"], r["side"], r["role"]) for r in t.participants.iter_rows(named=True)}
    assert got["Ana Ruiz"] == ("Ambassador", "guest", "lead")
    assert got["Tom Oloo"] == ("Ambassador", "guest", "lead")
    assert got["Olga Lin"] == ("Deputy Director-General", "host", "member")


def test_a_firm_s_officer_leading_a_separate_meeting_keeps_no_country(ref):
    text = (
        " date 2024-03-22\nHeadline\n\nShenzhen Mayor Wen Dao met separately on Thursday with Ana Lim, "
        "Singapore's Minister for Trade, and Tom Reed, chief executive officer of Airbus China.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: r["country"] for r in t.participants.iter_rows(named=True)}
    assert got == {"Wen Dao": "CN", "Ana Lim": "SG", "Tom Reed": None}


def test_a_country_before_its_own_place_after_a_body_is_the_government_served(ref):
    text = (
        " date 2024-06-28\nHeadline\n\nChongqing Mayor Wen Dao met with Tran Van Binh, chairman of the "
        "People's Committee of Vietnam's Lao Cai province, on 26 June.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: r["country"] for r in t.participants.iter_rows(named=True)}
    assert got["Tran Van Binh"] == "VN"


def test_a_demonym_before_a_firm_noun_states_the_guest_firm_s_country(ref):
    text = (
        " date 2024-02-27\nHeadline\n\nShenyang Mayor Wen Dao met with Karl Bauer, member of the board of "
        "Voss AG, on Monday.\n\nWen said the plant is the German carmaker's largest base.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: r["country"] for r in t.participants.iter_rows(named=True)}
    assert got == {"Wen Dao": "CN", "Karl Bauer": "DE"}
    assert t.meetings["counterpart_countries"].to_list() == [["DE"]]


def test_an_unaffiliated_chair_at_a_foreign_host_s_meeting_is_a_host(ref):
    text = (
        " date 2025-09-19\nHeadline\n\nThe Lord Mayor of the City of London, Sir Tom Reed, hosted a "
        "delegation from Shenzhen led by Vice Mayor Wen Dao at Mansion House on Tuesday.\n\n"
        "The Chairman of Policy and Resources, Ann Lee, also attended the meeting.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert got["Ann Lee"] == ("GB", "host") and got["Wen Dao"] == ("CN", "guest")


def test_a_member_of_a_lead_s_office_is_on_that_lead_s_side(ref):
    text = (
        " date 2024-09-19\nHeadline\n\nGuangdong Governor Wen Dao met with Hong Kong Chief Executive "
        "Tom Lam in Guangzhou on Thursday.\n\nAnn Ho, Director of the Chief Executive's Office, and "
        "Vice Governor Li Na attended the meeting.\n"
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: (r["country"], r["side"]) for r in t.participants.iter_rows(named=True)}
    assert got["Ann Ho"] == ("HK", "guest") and got["Li Na"] == ("CN", "host")


def test_a_plural_title_labelled_as_the_title_still_gives_every_listed_name_the_office(ref):
    people = _people(
        " date 2024-04-10\nGovernor Xu Dan met a New Zealand delegation in Guiyang on Wednesday.\n\n"
        "Members of Parliament Tane Ruru and Sam Fitz attended the meeting.\n",
        ref,
    )
    assert (people["Tane Ruru"][0], people["Sam Fitz"][0]) == ("Member of Parliament",) * 2


def test_dated_examples_after_a_period_of_many_meetings_are_no_meeting(ref):
    # a month with no day, not the month of publication, is a time of its own in the past; after a
    # sentence summing up a period of meetings, such meetings are examples, not the report
    text = (
        " date 2024-06-11\nCity widens its ties abroad\n\nThe city unveiled a plan on Monday to add "
        "friendship cities.\n\nIn the past year, city leaders have received delegations from 30 "
        "countries. In February, Mayor Wen Dao met with a trade mission from Lyon. Last month, Vice "
        "Mayor Li Na held talks with Porto Mayor Ana Sousa.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 0 and t.participants.height == 0
    # ... while a month-only meeting with no summing-up sentence before it is still reported
    alone = " date 2024-06-11\nHeadline\n\nIn February, Mayor Wen Dao met with Porto Mayor Ana Sousa.\n"
    assert transform(docs(alone), ref).meetings.height == 1


def test_a_previous_name_s_apposition_is_not_the_title_of_a_name_after_and(ref):
    people = _people(
        " date 2025-03-12\nHeadline\n\nMayor Wen Dao met with Bremen Mayor Karl Bauer on Tuesday.\n\n"
        "Ann Roth, Consul General of Germany in Guangzhou, and Bremen State Councillor Tim Oak "
        "attended the meeting.\n",
        ref,
    )
    assert people["Ann Roth"][0] == "Consul General" and people["Tim Oak"][0] is None
    # (a capitalised word inside an office is no name whose apposition it is)
    people = _people(
        " date 2025-06-28\nHeadline\n\nGovernor Wen Dao met with Serbian Minister of Energy, Mining and "
        "Industry Ana Petrovic in Belgrade on Friday.\n",
        ref,
    )
    assert people["Ana Petrovic"][0] == "Minister"


def test_office_vocabulary_vice_chair_municipal_government_and_brunei_honorifics(ref):
    people = _people(
        " date 2025-03-12\nHeadline\n\nMayor Wen Dao met with Dato Pehin Ali Rahman, Deputy Managing "
        "Director of the World Bank, in Hangzhou on Tuesday.\n\nTom Kurz, vice chair of the chamber, "
        "Sam Ode, the bank's Resident Representative in China, and Deputy Secretary-General of the "
        "municipal government Zhou Lin attended the meeting.\n",
        ref,
    )
    assert people["Ali Rahman"][0] == "Deputy Managing Director"
    assert people["Tom Kurz"][0] == "Vice Chairman"
    assert people["Zhou Lin"][0] == "Deputy Secretary-General"
    assert "Resident Representative" not in people and "Sam Ode" in people
    # (nor a capitalised field of cooperation: "an Initiative on Strategic Connectivity")
    people = _people(
        " date 2025-03-12\nHeadline\n\nMayor Wen Dao met with Singapore Minister Tan Wei on Tuesday, as "
        "both sides backed the Demonstration Initiative on Strategic Connectivity.\n",
        ref,
    )
    assert set(people) == {"Wen Dao", "Tan Wei"}


def test_a_sar_chief_executive_receives_at_home_however_often_the_mainland_is_named(ref):
    people = _people(
        " date 2025-05-08\nHeadline\n\nThe Chief Executive, Mr Lam Ka-wing, met with a delegation led by "
        "the Party Secretary of Hubei Province, Mr Wen Dao, at Government House today.\n\nMr Lam said Hong "
        "Kong would work with Hubei and Wuhan on finance. Mr Wen said Hubei and Wuhan welcomed Hong Kong "
        "firms.\n\nAlso attending the meeting was the Secretary for Justice, Mr Ho Pak-lun.\n",
        ref,
    )
    assert people["Lam Ka-wing"][1:3] == ("HK", "host") and people["Wen Dao"][1:3] == ("CN", "guest")
    assert people["Ho Pak-lun"][1:3] == ("HK", "host")
    people = _people(
        " date 2025-05-08\nHeadline\n\nMacao Chief Executive Sam Ieong met with Portuguese Minister of "
        "Culture Rui Costa on Thursday.\n\nSam said Macao links Guangdong, Guangzhou and Zhuhai with "
        "Portuguese-speaking countries.\n",
        ref,
    )
    assert people["Sam Ieong"][1:3] == ("MO", "host") and people["Rui Costa"][1:3] == ("PT", "guest")


def test_the_spokesman_of_a_group_the_lede_meets_heads_a_guest_side(ref):
    people = _people(
        " date 2025-04-10\nHeadline\n\nGovernor Wen Dao met with ambassadors from 12 Latin American "
        "countries in Kunming on Wednesday.\n\nWen said the province would import more coffee.\n\n"
        "Speaking on behalf of the ambassadors, Chilean Ambassador to China Ana Soto said trade was growing.\n",
        ref,
    )
    assert people["Ana Soto"] == ("Ambassador", "CL", "guest", "lead")


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        ("Lyon, 4 March 2025 - On 3 March, Mayor Wen Dao met with Olga Petrova.", date(2025, 3, 4)),
        ("OSAKA, May 9, 2024 -- Mayor Wen Dao met with Olga Petrova on Thursday.", date(2024, 5, 9)),
        ("Lyon, 4 March - Mayor Wen Dao met with Olga Petrova on Monday.", None),
    ],
)
def test_a_dateline_with_a_year_opening_the_lede_dates_the_page(lede, expected):
    out = split_documents(docs(f"Consulate News\n\nHeadline of the page\n\n{lede}\n"))
    assert out["published_date"][0] == expected and out["body"][0].startswith(lede[:10])


def test_theme_phrases_green_buildings_urban_infrastructure_heavy_industry(ref):
    text = (
        " date 2025-04-10\nHeadline\n\nMayor Wen Dao met with Lyon Mayor Ana Roux on Wednesday.\n\n"
        "Wen hoped to cooperate on green buildings and urban infrastructure. Roux said Lyon was moving its "
        "heavy industry and petrochemical plants toward new uses.\n"
    )
    themes = set(transform(docs(text), ref).meeting_themes["theme"])
    assert {"climate_environment", "urban_governance", "manufacturing"} <= themes


def test_frame_helpers_match_the_joins_and_windows_they_replace():
    """Speed helpers (frames.py) give what the join or the window they replace gives, on a token
    frame in order and on one that is not (which is joined)."""
    from flows.transform.frames import in_groups_with, join_on_tokens, len_in, tokens_at

    t = pl.DataFrame(
        {
            "sid": [1, 1, 1, 2, 2, 3, 3, 3, 3],
            "pos": pl.Series([0, 1, 2, 0, 1, 0, 1, 2, 3], dtype=pl.Int32),
            "low": ["mayor", "a", "met", "the", "envoy", "he", "welcomed", "b", "."],
        }
    )
    where = pl.DataFrame({"sid": [1, 2, 3, 3, 4], "start": pl.Series([1, 0, 3, 0, 0], dtype=pl.Int32)})
    shifts = {-1: {"_before": "low"}, 1: {"_after": "low"}}
    joined = where
    for d, cols in shifts.items():
        joined = joined.join(
            t.select(
                "sid", (pl.col("pos") - d).alias("start"), *[pl.col(c).alias(a) for a, c in cols.items()]
            ),
            on=["sid", "start"],
            how="left",
            maintain_order="left",
        )
    assert tokens_at(t, where, "start", shifts).equals(joined)
    shuffled = t.reverse()
    assert tokens_at(shuffled, where, "start", shifts).equals(joined)
    assert joined["_before"].to_list() == ["mayor", None, "b", None, None]
    assert joined["_after"].to_list() == ["met", "envoy", None, "welcomed", None]

    spans = pl.DataFrame({"sid": [1, 3], "pos": pl.Series([1, 3], dtype=pl.Int32), "cat": ["title", "stop"]})
    expected = t.join(spans, on=["sid", "pos"], how="left", maintain_order="left")
    assert join_on_tokens(t, spans).equals(expected)
    assert join_on_tokens(shuffled, spans).equals(shuffled.join(spans, on=["sid", "pos"], how="left"))

    assert t.select(len_in("sid").alias("n"))["n"].to_list() == [3, 3, 3, 2, 2, 4, 4, 4, 4]

    def shout(part: pl.DataFrame) -> pl.DataFrame:
        return part.with_columns(pl.col("low").str.to_uppercase())

    only = in_groups_with(t, "sid", pl.col("low") == "welcomed", shout, ["low"])
    assert only["low"].to_list() == ["mayor", "a", "met", "the", "envoy", "HE", "WELCOMED", "B", "."]


def test_can_match_gates_costly_patterns_by_a_needle():
    """frames.can_match: a stage reads a costly pattern only when some row holds what every match of
    it needs (an empty frame or all nulls hold nothing)."""
    from flows.transform.frames import can_match

    frame = pl.DataFrame({"line": ["Mayor A met B in Hobart.", None]})
    assert not can_match(frame, "line", r"[-–—]\s")
    assert can_match(frame.vstack(pl.DataFrame({"line": ["OSLO -- Mayor A met B."]})), "line", r"[-–—]\s")
    assert not can_match(frame.head(0), "line", r".")
    assert not can_match(pl.DataFrame({"line": [None]}, schema={"line": pl.String}), "line", r".*")


def test_dateline_gates_keep_datelines_and_their_dates(ref):
    """A dateline (a dash and a space after the place) is still read where the gate lets it through:
    its date is the day "yesterday" counts from; an article without one counts from its page date."""
    t = transform(
        docs(
            "Date: 2025-03-20\n\nLUSAKA, March 18 -- Mayor Tembo Mwansa met Governor Ana Ruiz yesterday.\n",
            "Date: 2025-03-20\n\nMayor Tembo Mwansa met Governor Ana Ruiz in Lusaka yesterday.\n",
        ),
        ref,
    )
    got = t.meetings.join(t.articles.select("article_id", "published_date"), on="article_id")
    assert sorted(got["meeting_date"].to_list()) == [date(2025, 3, 17), date(2025, 3, 19)]
    assert "Lusaka" not in t.participants["person_name"].to_list()


def test_aside_and_menu_gates_keep_what_they_gate(ref):
    """asides.aside_starts reads its patterns only in articles holding a word one may open on, and
    themes.find_themes its menu pattern only where a meal noun and "of" stand: behind those gates
    an aside's person is still no participant and a menu still names no field, while an article
    with neither, in the same call, keeps its people and themes."""
    t = transform(
        docs(
            "Date: 2025-04-02\n\nMayor Ilse Varga met Governor Tomas Reyes in Pecs on Tuesday, a week after"
            " Premier Dana Kell toured the city. They discussed tourism.\n",
            "Date: 2025-04-02\n\nMayor Ilse Varga hosted Governor Tomas Reyes on Tuesday at a dinner of"
            " hotpot, noodles and jasmine tea.\n",
            "Date: 2025-04-02\n\nMayor Ilse Varga met Governor Tomas Reyes in Pecs on Tuesday to talk"
            " about tea and coffee farming.\n",
        ),
        ref,
    )
    names = t.participants.join(t.meetings.select("meeting_id", "source_file"), on="meeting_id")
    by_file = names.group_by("source_file").agg(pl.col("person_name").sort()).sort("source_file")
    assert by_file["person_name"].to_list() == [["Ilse Varga", "Tomas Reyes"]] * 3
    themes = t.meeting_themes.join(t.meetings.select("meeting_id", "source_file"), on="meeting_id")
    per_file = dict(themes.group_by("source_file").agg(pl.col("theme")).iter_rows())
    files = sorted(t.meetings["source_file"].to_list())
    assert "agriculture_food" not in per_file.get(files[1], [])
    assert "agriculture_food" in per_file.get(files[2], [])


def test_reference_lists_are_built_once(ref):
    """label_tokens' vocabulary lists, the theme phrases and the known words are built once per
    Reference (a call reads them again, unchanged)."""
    from flows.transform.themes import _theme_phrases
    from flows.transform.tokens import _vocab_lists

    assert _vocab_lists(ref.vocab)[1] is _vocab_lists(ref.vocab)[1]
    hyphen = r"(\p{L})-(\p{L})"
    assert _theme_phrases(ref, hyphen)[0] is _theme_phrases(ref, hyphen)[0]
    assert ref.known_words is ref.known_words
