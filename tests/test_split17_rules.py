"""Rules written for the misses of blind split 17 (docs/split17_coverage.md), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from transform_helpers import docs, people

from flows.transform import transform


def _published(text: str, ref) -> dt.date | None:
    return transform(docs(text), ref).articles["published_date"][0]


def _meeting_date(text: str, ref) -> dt.date | None:
    return transform(docs(text), ref).meetings["meeting_date"][0]


LEDE = "Mayor Ingrid Aasheim received Qingdao Vice Mayor Sun Lihua at City Hall yesterday.\n\nThey discussed ports."


def test_numeric_day_first_header_dates(ref):
    assert _published(f"City of Tromso\nUpdated: 07.03.2024 - 10:15 h\n\n{LEDE}", ref) == dt.date(2024, 3, 7)
    assert _published(f"Prefeitura\nPublished: 21/08/2023 09h10\n\n{LEDE}", ref) == dt.date(2023, 8, 21)
    # a second number over 12 can only be the day: the American order
    assert _published(f"County news\nPosted: 08/21/2023\n\n{LEDE}", ref) == dt.date(2023, 8, 21)
    # "yesterday" counts from it
    text = f"City of Tromso\nUpdated: 07.03.2024 10:15 CET\n\n{LEDE}"
    assert _meeting_date(text, ref) == dt.date(2024, 3, 6)


def test_month_in_capitals_in_a_timestamp_line(ref):
    text = f"Evening Gazette\nBy Tom Reeve\n14:05, 12 MAR 2022\nUpdated 15:30, 12 MAR 2022\n\n{LEDE}"
    assert _published(text, ref) == dt.date(2022, 3, 12)
    assert _meeting_date(text, ref) == dt.date(2022, 3, 11)


def test_surname_in_capitals_beside_a_given_name(ref):
    text = (
        "Date: 2023-05-12\n\n"
        "On Thursday, Governor SAITO Haruki received Dalian Vice Mayor LIU Mingyu at the Prefectural "
        "Office. Vice Governor OTA Keiko also attended.\n\n"
        "Governor Saito said the two sides would expand port cooperation with Eastern Lines, a unit of "
        "Norway's NORDVIK Shipping."
    )
    got = {name.lower(): p for name, p in people(text, ref).items()}
    assert {"saito haruki", "liu mingyu", "ota keiko"} <= set(got)
    assert "saito" not in got
    assert "nordvik shipping" not in got
    assert got["ota keiko"]["role"] == "member"


def test_a_consul_general_taking_part_places_the_meeting_in_their_district(ref):
    text = (
        "Date: 2023-05-12\n\n"
        "Mayor Ingrid Solheim met Mayor Chen Weiguo of Ningbo and a delegation at City Hall on Tuesday. "
        "Wang Jun, Consul General of the People's Republic of China in Bergen, accompanied the visitors.\n\n"
        "Solheim said Bergen and Ningbo would share experience in port management."
    )
    got = people(text, ref)
    assert (got["Ingrid Solheim"]["country"], got["Ingrid Solheim"]["side"]) == ("NO", "host")
    assert (got["Chen Weiguo"]["country"], got["Chen Weiguo"]["side"]) == ("CN", "guest")
    assert (got["Wang Jun"]["side"], got["Wang Jun"]["role"]) == ("guest", "member")


def test_a_member_joining_from_a_place_sits_with_its_country(ref):
    text = (
        "Date: 2022-03-10\n\n"
        "On Wednesday, Mayor Lars Kvale held a video meeting with Wuxi Vice Mayor Gao Yuan. "
        "Director Tove Brekke joined the call from Stavanger, and Deputy Director Qian Li also took "
        "part in the talks.\n\n"
        "Kvale said Wuxi and Stavanger would share experience in offshore wind."
    )
    got = people(text, ref)
    assert (got["Tove Brekke"]["country"], got["Tove Brekke"]["side"]) == ("NO", "guest")
    assert got["Gao Yuan"]["side"] == "host"


def test_hosts_receiving_a_chinese_delegation_are_at_home_abroad(ref):
    text = (
        "Published: 4 April 2024\n\n"
        "Premier Moira Kendrick hosted Hangzhou Vice Mayor Sun Jianhua and a municipal delegation at "
        "Parliament House yesterday.\n\n"
        "Kendrick said Tasmania would send more salmon and cherries to Hangzhou, and Tasmanian "
        "universities would welcome more students from Zhejiang."
    )
    got = people(text, ref)
    assert (got["Moira Kendrick"]["country"], got["Moira Kendrick"]["side"]) == ("AU", "host")
    assert (got["Sun Jianhua"]["country"], got["Sun Jianhua"]["side"]) == ("CN", "guest")


def test_councillor_abbreviations_are_honorifics(ref):
    text = (
        "Published: 4 April 2024\n\n"
        "Lord Mayor Cr Helen Tarrant received Suzhou Vice Mayor Ge Ming at City Hall this afternoon. "
        "Deputy Lord Mayor Cllr Omar Haddad was also present.\n\n"
        "Cr Tarrant said the two cities would work together on river parks."
    )
    got = people(text, ref)
    assert {"Helen Tarrant", "Omar Haddad", "Ge Ming"} <= set(got)
    assert not any(name.startswith(("Cr ", "Cllr ")) for name in got)
    assert got["Helen Tarrant"]["title"] == "Lord Mayor"


def test_offices_of_foreign_parliaments_and_universities(ref):
    text = (
        "Date: 2019-03-14\n\n"
        "Speaker Anne Whitcombe received Vice Chairman Dong Lei of the Zhejiang Provincial People's "
        "Congress at Queen's Park on Wednesday. MPP Karen Dufresne and Pro Vice-Chancellor "
        "Prof. Ian Rourke were present, and Minister-President Dr. Klaus Endres also attended.\n\n"
        "Whitcombe said the two legislatures would exchange staff."
    )
    got = people(text, ref)
    assert got["Karen Dufresne"]["title"] == "Member of Parliament"
    assert "Ian Rourke" in got and not any("Chancellor" in name for name in got)
    assert got["Klaus Endres"]["title"] == "Minister-President"


def test_an_infinitive_meeting_verb_has_no_subject_of_its_own(ref):
    text = (
        "Date: 2024-05-10\n\n"
        "IOC Vice President Anders Lindqvist met with the Mayor of Harbin, Zhang Qiming, on Tuesday "
        "during a visit to the only Chinese city to have hosted the Asian Winter Games twice.\n\n"
        "Zhang said Harbin would open its ice rinks to young people."
    )
    got = people(text, ref)
    assert got["Zhang Qiming"]["side"] == "host"
    assert got["Anders Lindqvist"]["side"] == "guest"


def test_member_of_a_body_is_no_word_of_the_name(ref):
    text = (
        "Date: 2024-05-10\n\n"
        "IOC Member Beatriz Sandoval met with Harbin Mayor Zhang Qiming on Tuesday.\n\n"
        "Zhang said Harbin would open its ice rinks to young people."
    )
    got = people(text, ref)
    assert "Beatriz Sandoval" in got and "Member Beatriz Sandoval" not in got


def test_took_part_closing_the_sentence_and_part_of_the_delegation(ref):
    text = (
        "Date: 2023-09-14\n\n"
        "Mayor Gong Wei received Lord Mayor Sarah Linton of Leeds on Wednesday. On the Chinese side, "
        "the Deputy Secretary-General of the municipal government, Xu Fang, took part. Councillor "
        "Amir Shah was part of the delegation.\n\n"
        "Later, Vice Mayor Tao Ran took part in a trade fair in Pudong."
    )
    got = people(text, ref)
    assert got["Xu Fang"]["role"] == "member" and got["Xu Fang"]["side"] == "host"
    assert got["Amir Shah"]["role"] == "member" and got["Amir Shah"]["side"] == "guest"
    assert "Tao Ran" not in got


def test_a_member_marker_before_the_verb_leaves_the_lede(ref):
    text = (
        "Date: 2023-03-08\n\n"
        "On Tuesday, the Consul General of Chile in Shanghai, Rosa Meneses, together with the Consul "
        "General of Uruguay, Diego Ferrer, was received by Vice Mayor Hua Lin at the municipal "
        "government.\n\n"
        "Hua said Shanghai would import more fruit."
    )
    got = people(text, ref)
    for name, country in [("Rosa Meneses", "CL"), ("Diego Ferrer", "UY")]:
        assert (got[name]["country"], got[name]["side"], got[name]["role"]) == (country, "guest", "lead")
    assert (got["Hua Lin"]["side"], got["Hua Lin"]["role"]) == ("host", "lead")


def test_accompanied_by_before_the_verb_marks_only_the_subjects_member(ref):
    text = (
        "Date: 2023-03-08\n\n"
        "Swedish Ambassador Tomas Lindgren, accompanied by Counsellor Eva Berg, met Suzhou Mayor Wu "
        "Qing on Tuesday.\n\n"
        "Wu said Suzhou welcomed Swedish companies."
    )
    got = people(text, ref)
    assert got["Eva Berg"]["role"] == "member"
    assert (got["Wu Qing"]["side"], got["Wu Qing"]["role"]) == ("host", "lead")
    assert (got["Tomas Lindgren"]["side"], got["Tomas Lindgren"]["role"]) == ("guest", "lead")


def _themes(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes["theme"].to_list())


def test_about_and_notes_to_editors_blocks_give_no_themes(ref):
    text = (
        "Published: 4 April 2024\n\n"
        "Premier Moira Kendrick hosted Hangzhou Vice Mayor Sun Jianhua at Parliament House yesterday.\n\n"
        "The two discussed tourism and student exchanges.\n\n"
        "About Tasmania's ties with Zhejiang\n"
        "Tasmania and Zhejiang have been sister states since 1993, and Tasmanian salmon farms export "
        "to Hangzhou.\n\n"
        "Notes to editors\n"
        "Hobart port handles the state's container shipping."
    )
    got = _themes(text, ref)
    assert {"tourism", "education_youth"} <= got
    assert not got & {"sister_cities", "ports_shipping", "agriculture_food"}


def test_a_dateline_of_several_places_in_capitals_describes_nobody(ref):
    text = (
        "Published: Oct 25, 2024\n\n"
        "SPOKANE / NINGBO - Gov. Dana Whitford met with Ningbo Party Secretary Cao Lixin on Thursday.\n\n"
        "Whitford said Washington State would sell more apples to Zhejiang."
    )
    got = people(text, ref)
    assert (got["Dana Whitford"]["country"], got["Dana Whitford"]["side"]) == ("US", "guest")
    assert (got["Cao Lixin"]["country"], got["Cao Lixin"]["side"]) == ("CN", "host")


def test_joined_by_in_a_sentence_repeating_the_meeting_names_a_member(ref):
    text = (
        "Published: 4 April 2024\n\n"
        "Premier Moira Kendrick hosted Hangzhou Vice Mayor Sun Jianhua at Parliament House yesterday.\n\n"
        "Premier Kendrick met Vice Mayor Sun on the delegation's first day in Tasmania, joined by the "
        "Minister for Trade, Alan Pryce."
    )
    got = people(text, ref)
    assert (got["Alan Pryce"]["role"], got["Alan Pryce"]["side"], got["Alan Pryce"]["country"]) == (
        "member",
        "host",
        "AU",
    )


def _meetings(text: str, ref) -> list[set[str]]:
    """The names of each meeting's participants, in meeting order."""
    t = transform(docs(text), ref)
    return [
        set(t.participants.filter(t.participants["meeting_id"] == m)["person_name"].to_list())
        for m in sorted(t.meetings["meeting_id"].to_list())
    ]


def test_the_ledes_day_from_a_sentence_repeating_it_tells_a_later_meeting_apart(ref):
    text = (
        "Published: 14/04/2024\n\n"
        "Governor Rafael Moura Tavares (centre) is received by the Governor of Fujian, Zhou Ning, in "
        "Fuzhou.\n\n"
        "The Governor of Parana, Rafael Moura Tavares, was received on Friday (12th) by the Governor "
        "of Fujian, Zhou Ning, in Fuzhou.\n\n"
        "On Saturday (13th), the governor was received by the Party Secretary of Xiamen, Hu Kaiming, "
        "at a working breakfast. The Mayor of Xiamen, Lin Daoyu, also attended.\n\n"
        "Hu said Xiamen would buy more soybeans."
    )
    got = _meetings(text, ref)
    assert len(got) == 2
    assert {"Rafael Moura Tavares", "Zhou Ning"} <= got[0] and "Hu Kaiming" not in got[0]
    assert {"Hu Kaiming", "Lin Daoyu"} <= got[1] and "Zhou Ning" not in got[1]


def test_a_name_in_what_was_said_after_the_meeting_words_is_cited(ref):
    text = (
        "Date: 2023-06-14\n\n"
        "Shanghai Mayor Li Qiang met with Portuguese Minister Ana Barreiros on Tuesday.\n\n"
        "In his talks with Barreiros, Li said President Xi Jinping had stressed that the two countries "
        "should be good partners."
    )
    got = people(text, ref)
    assert {"Li Qiang", "Ana Barreiros"} <= set(got)
    assert "Xi Jinping" not in got


def test_a_host_named_only_on_the_ledes_day_leads_the_first_meeting(ref):
    text = (
        "Date: 2025-09-26\n\n"
        "Hunan Governor Mao Weiming led a provincial delegation to the United Kingdom this week, "
        "holding talks with city leaders in London and Leeds.\n\n"
        "On Tuesday, Mao met with Lord Mayor Peter Estlin at Mansion House. Chinese Ambassador to the "
        "UK Zheng Zeguang attended the London meeting.\n\n"
        "On Wednesday, the delegation travelled to Leeds, where Mao met with Leeds Council leader "
        "James Lewis. Lewis recalled his visit to Changsha."
    )
    got = _meetings(text, ref)
    assert len(got) == 2
    assert {"Mao Weiming", "Peter Estlin"} <= got[0] and "James Lewis" not in got[0]
    assert {"Mao Weiming", "James Lewis"} <= got[1] and "Peter Estlin" not in got[1]


def test_took_part_in_one_of_the_meetings(ref):
    text = (
        "Date: 2025-09-26\n\n"
        "Hunan Governor Mao Weiming led a provincial delegation to the United Kingdom this week, "
        "holding talks with city leaders in London and Leeds.\n\n"
        "On Tuesday, Mao met with Lord Mayor Peter Estlin at Mansion House.\n\n"
        "On Wednesday, the delegation travelled to Leeds, where Mao met with Leeds Council leader "
        "James Lewis. Lewis recalled his visit to Changsha. Hunan Vice Governor Wu Hailin took part "
        "in the Leeds meeting."
    )
    got = _meetings(text, ref)
    assert "Wu Hailin" in got[1] and "Wu Hailin" not in got[0]


def test_a_name_broken_inside_a_word_at_a_line_end_heals(ref):
    text = (
        "Date: 2023-04-20\n\n"
        "Mayor Erik Lindholm (right) poses with Dalian Vice Mayor Wang Xiaolong at City Hall.\n\n"
        "Mayor Erik Lindholm received a delegation led by Vice Mayor Wang Xiao\n"
        "long at City Hall on Tuesday.\n\n"
        "Wang said Dalian would send a trade mission."
    )
    got = people(text, ref)
    assert "Wang Xiaolong" in got and "Wang Xiao" not in got


def test_a_part_of_a_country_after_a_posting_word_is_a_posting(ref):
    text = (
        "Date: 2024-07-02\n\n"
        "Zhejiang Governor Wang Hao met with Australian Ambassador Scott Dewar on Monday. Trade "
        "Commissioner for East China Lena Morris also attended.\n\n"
        "Wang said Zhejiang would import more barley."
    )
    got = people(text, ref)
    assert (got["Lena Morris"]["country"], got["Lena Morris"]["side"]) == ("AU", "guest")


def test_heads_named_together_in_a_led_by_sentence_share_a_side(ref):
    text = (
        "Date: 2024-07-02\n\n"
        "A delegation of the French Chamber of Commerce in China met with Jiangsu Governor Xu Kunlin "
        "in Nanjing on Monday. The delegation was jointly led by the Chairman of the French Chamber "
        "of Commerce in China, Pierre Lambert, and the Chamber's General Manager, Claire Dubois. "
        "Vice Governor Hu Guangjie also attended.\n\n"
        "Xu said Jiangsu welcomed French investment."
    )
    got = people(text, ref)
    assert (got["Pierre Lambert"]["country"], got["Pierre Lambert"]["side"]) == ("FR", "guest")
    assert (got["Claire Dubois"]["country"], got["Claire Dubois"]["side"]) == ("FR", "guest")


def test_list_items_after_a_finished_sentence_are_sentences_of_their_own(ref):
    text = (
        "Date: 2021-11-24\n\n"
        "Mayor Sato Hiroshi was received by Dalian Vice Mayor Gao Feng via video link on Wednesday.\n\n"
        "Main points\n"
        "- Exchanges stopped during the pandemic will resume online.\n"
        "- Mayor Sato proposed an online seminar on port operations and shipping."
    )
    assert "ports_shipping" in _themes(text, ref)


def test_theme_phrases_of_foreign_city_releases(ref):
    text = (
        "Published: 4 April 2024\n\n"
        "Lord Mayor Helen Tarrant received Suzhou Vice Mayor Ge Ming at City Hall this afternoon.\n\n"
        "Tarrant said Perth wanted to learn from Suzhou's zero-emission bus fleet and was reducing "
        "emissions from its ferries. Ge invited Perth's orchestra and cultural institutions to Suzhou "
        "and offered training for Perth's Paralympic Games team."
    )
    assert {"climate_environment", "culture_people", "sports"} <= _themes(text, ref)


def test_an_acronym_before_a_capitalised_word_is_no_surname(ref):
    """Only a surname in capitals that closes an office (a title, an honorific, the body or place
    the office is of) is read as a name: an acronym of a firm or page noise before a capitalised
    word stays as printed."""
    import polars as pl

    from flows.transform.tokens import label_tokens, tokenize

    def toks(sentence: str) -> list[str]:
        s = pl.DataFrame({"sid": [0], "article_id": ["a"], "text": [sentence]})
        return label_tokens(tokenize(s.with_columns(pl.col("sid").cast(pl.Int64))), ref)["tok"].to_list()

    assert "SAIC" in toks("Executives of SAIC Motor also attended.")
    assert "TOP" in toks("TOP Stories")
    assert "Fang" in toks("Director of the Shanghai Foreign Affairs Office FANG Wei also took part.")
