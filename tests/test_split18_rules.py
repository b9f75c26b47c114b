"""Rules written for the misses of split 18 (docs/split18_coverage.md), on sentences of our own."""

from __future__ import annotations

import polars as pl
import pytest
from transform_helpers import docs, people

from flows.transform import transform

GREETINGS_SENT_TO_SOMEONE_ABSENT = [
    (
        "Wuhan Party Secretary Guo Yuanqiang met with FIFA Vice President Helga Sandvik on Monday.\n\n"
        "Guo welcomed Sandvik and conveyed his greetings to FIFA President Marco Bellandi. He said "
        "Wuhan would host more football events.",
        {"Guo Yuanqiang", "Helga Sandvik"},
        "Marco Bellandi",
    ),
    (
        "Qingdao Mayor Zhao Haoming received Busan Mayor Park Sang-woo on Monday, and sent his "
        "congratulations to Korean President Yoon Min-ho on the anniversary of ties.",
        {"Zhao Haoming", "Park Sang-woo"},
        "Yoon Min-ho",
    ),
    (
        "Dalian Mayor Chen Haibo met with Gothenburg Mayor Erik Lindqvist on Thursday.\n\n"
        "Chen welcomed Lindqvist and asked him to pass on his regards to Swedish Prime Minister Olof "
        "Bergstrand. Chen said the ports would share shipping routes.",
        {"Chen Haibo", "Erik Lindqvist"},
        "Olof Bergstrand",
    ),
    (
        "Nanning Mayor Zhou Jiabin met with Thai Minister of Commerce Prasert Wongsawat on Friday.\n\n"
        "Zhou welcomed Prasert and extended best wishes to Thai Prime Minister Anan Chaiyasit. Zhou "
        "said Guangxi would buy more durians.",
        {"Zhou Jiabin", "Prasert Wongsawat"},
        "Anan Chaiyasit",
    ),
]


@pytest.mark.parametrize(("body", "present", "absent"), GREETINGS_SENT_TO_SOMEONE_ABSENT)
def test_whoever_greetings_are_sent_to_takes_no_part(ref, body, present, absent):
    got = people("Published: 2024-03-12\n\n" + body, ref)
    assert present <= set(got)
    assert absent not in got


def test_greetings_to_the_guest_met_keep_the_guest(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Suzhou Party Secretary Liu Xiaotao met with Bavarian Minister Anna Keller on Wednesday. Liu "
        "extended greetings to Minister Anna Keller and her delegation."
    )
    got = people(text, ref)
    assert (got["Anna Keller"]["side"], got["Anna Keller"]["role"]) == ("guest", "lead")


def test_an_outlets_reporter_credit_line_runs_into_no_name(ref):
    text = (
        " date 2024-05-08\nFujian governor meets Thai minister\n"
        "Zhao Longwei, governor of Fujian Province, met with Thai Commerce Minister Somsak Chaiwat in "
        "Fuzhou on Tuesday.\n"
        "Fujian Daily correspondent Lin Qiaoyun\n"
        "Zhao Longwei meets Somsak Chaiwat in Fuzhou.\n\n"
        "Zhao said Fujian would import more Thai fruit."
    )
    got = people(text, ref)
    assert "Zhao Longwei" in got
    assert not any("Lin Qiaoyun" in name for name in got)


def test_a_pipe_separated_metadata_bar_and_inline_link_list_are_page_chrome(ref):
    text = (
        "Xiamen Daily > News\nXiamen mayor meets Dutch envoy\nMar 5,2024\n\n"
        "Huang Wenhui, mayor of Xiamen, met with Dutch Ambassador to China Pieter Verhoeven on Monday.\n\n"
        "Huang said Xiamen would open a flight to Amsterdam.\n\n"
        "Xiamen Daily  |  Translator: Ke Min  |  Tags: Netherlands, flights, Huang Wenhui\n"
        "Top stories:  Gulangyu ferry fares cut  |  Xiamen marathon sets record"
    )
    got = people(text, ref)
    assert {"Huang Wenhui", "Pieter Verhoeven"} <= set(got)
    assert not any(name.startswith("Huang Wenhui ") for name in got)


def test_a_row_of_bracketed_share_buttons_names_nobody(ref):
    text = (
        " date 2024-05-08\nShanghai lawmakers meet Belgian senators\n"
        "A delegation of the Belgian Senate led by Senator Lotte Vermeulen was received by Shanghai "
        "Vice Mayor Hua Yuan on Monday.\n"
        "[Facebook] [Twitter] [LinkedIn] [Weibo] [Email]\n\n"
        "Hua said Shanghai and Flanders would expand exchanges between universities."
    )
    got = people(text, ref)
    assert {"Lotte Vermeulen", "Hua Yuan"} <= set(got)
    assert set(got) == {"Lotte Vermeulen", "Hua Yuan"}


def test_a_trade_agency_named_after_its_country_is_no_persons_name(ref):
    text = (
        "Published: 2024-05-08\n\n"
        "Suzhou Mayor Wu Qingwen met with Irish Minister of State Brendan Furlong on Monday. Present on "
        "the Irish side were Chief Executive Officer of Enterprise Ireland Orla Madden and Consul General "
        "Sean Whelan."
    )
    got = people(text, ref)
    assert "Orla Madden" in got
    assert got["Orla Madden"]["country"] == "IE"


def test_a_departments_sector_word_is_no_part_of_the_name_after_it(ref):
    text = (
        "Published: 2024-05-08\n\n"
        "Wuhan Mayor Sheng Yuechun met with Parana Governor Ricardo Alves Lima on Monday. Parana State "
        "Secretary of Agriculture and Supply Joao Batista Ferreira attended the meeting."
    )
    got = people(text, ref)
    assert "Joao Batista Ferreira" in got
    assert got["Joao Batista Ferreira"]["side"] == "guest"


def test_an_honorific_after_and_opens_the_next_guests_own_description(ref):
    text = (
        "Published: 2024-04-10\n\n"
        "Tianjin Party Secretary Chen Minqiang met separately with Alderman Fiona Ashcombe, Lord Mayor "
        "of the City of London, and Sir Rupert Kingsley-Vane, chairman of Meridian Harbour Capital, on "
        "Tuesday.\n\n"
        "Chen said Tianjin would welcome more British insurers."
    )
    got = people(text, ref)
    assert got["Fiona Ashcombe"]["country"] == "GB"
    assert got["Rupert Kingsley-Vane"]["country"] is None


def test_an_officer_of_the_firm_a_guest_heads_takes_no_other_guests_country(ref):
    text = (
        "Published: 2024-04-10\n\n"
        "Tianjin Party Secretary Chen Minqiang met separately with Alderman Fiona Ashcombe, Lord Mayor "
        "of the City of London, and Rupert Kingsley-Vane, chairman of Barclays, on "
        "Tuesday.\n\n"
        "In his meeting with Kingsley-Vane, Chen said the firm was welcome to expand in Tianjin. Lydia "
        "Fong Ka-yan, chief executive officer of Barclays Asia Pacific, accompanied him."
    )
    got = people(text, ref)
    assert got["Fiona Ashcombe"]["country"] == "GB"
    assert (got["Lydia Fong Ka-yan"]["side"], got["Lydia Fong Ka-yan"]["country"]) == ("guest", None)


def test_whoever_accompanied_the_visit_is_in_each_of_its_meetings(ref):
    text = (
        "Published: 2024-07-02\n\n"
        "From 24 to 25 June, Wuhan Vice Mayor Li Qiong led a delegation to Lyon and Marseille, and met "
        "with Mayor of Lyon Claire Dubreuil and Mayor of Marseille Antoine Castellan on 24 and 25 June, "
        "respectively.\n\n"
        "Li said Wuhan and Lyon had been sister cities since 1976. Castellan said Marseille hoped for "
        "more container routes to Wuhan.\n\n"
        "Director of Wuhan Municipal Foreign Affairs Office Zhou Lanfang accompanied the visit."
    )
    t = transform(docs(text), ref)
    rows = t.participants.filter(pl.col("person_name") == "Zhou Lanfang")
    assert t.meetings.height == 2
    assert rows["meeting_id"].n_unique() == 2
    assert set(rows["side"]) == {"guest"}


def test_an_aggregators_bracketed_source_note_ends_no_attendance_sentence(ref):
    text = (
        "WUXI, May 6 -- Du Xiaogang, Party secretary of Wuxi, met with Ingrid Solberg, mayor of "
        "Stavanger, on Monday.\n\n"
        "Du said Wuxi would learn from Stavanger's offshore energy industry.\n\n"
        "Wuxi Vice Mayor Gao Tingyu attended.\n"
        "(Aggregated from: Wuxi Daily)"
    )
    got = people(text, ref)
    assert (got["Gao Tingyu"]["side"], got["Gao Tingyu"]["role"]) == ("host", "member")


def test_a_delegation_of_a_body_named_after_its_place_comes_from_that_place(ref):
    text = (
        "Published: 2024-07-02\n\n"
        "Xiamen Mayor Huang Wenhui met with Vietnamese Consul General Tran Minh Duc on Monday. On "
        "Tuesday, Huang also met with a delegation of the Kaohsiung Fishermen's Association led by its "
        "chairman Lin Cheng-yu.\n\n"
        "Lin said the association's members hoped to sell more fish to Xiamen."
    )
    got = people(text, ref)
    assert (got["Lin Cheng-yu"]["side"], got["Lin Cheng-yu"]["country"]) == ("guest", "TW")


def test_the_ledes_guest_met_later_that_day_by_someone_new_is_a_meeting_of_its_own(ref):
    text = (
        " date 2024-11-20\nFujian leaders meet Tasmanian Premier\n"
        "Fujian Governor Zhao Longwei met with Premier of Tasmania Ruth Halvorsen and her delegation in "
        "Fuzhou on Monday. Later on Monday, Zhou Zuyi, Party secretary of Fujian, also met with "
        "Halvorsen.\n\n"
        "Zhao said Fujian would buy more Tasmanian salmon and cherries.\n\n"
        "In his meeting with the Premier, Zhou said Fujian welcomed Tasmanian universities. Halvorsen "
        "said the island valued its ties with Fujian."
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 2
    p = t.participants
    zhou = p.filter(pl.col("person_name") == "Zhou Zuyi")
    assert (zhou["side"][0], zhou["role"][0]) == ("host", "lead")
    with_zhou = p.filter(pl.col("meeting_id") == zhou["meeting_id"][0])
    assert "Ruth Halvorsen" in set(with_zhou["person_name"])
    assert "Zhao Longwei" not in set(with_zhou["person_name"])
