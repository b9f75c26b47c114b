"""Rules written for the side and country misses of split 53 (docs/split53_coverage.md, "Sides and
countries (13a)"), on sentences of our own: the other side's own reports (foreign city halls,
embassies, chambers and the guests' own media), where the guests' officials go unqualified, a
visitor is "among envoys ... received by" the host, and a return visit is told in passing."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_a_subject_among_a_group_received_by_a_host_is_a_guest(ref):
    among = (
        "Date: 2024-05-09\n\n"
        "Kenya's Ambassador to China, Wanjiru Otieno, was among diplomats from 12 countries received "
        "by Yunnan Governor Lin Haoming in Kunming on Tuesday.\n"
    )
    one_of = (
        "Date: 2024-05-09\n\n"
        "Uruguay's Ambassador to China, Martina Olivera, was one of the envoys from eight Latin "
        "American countries received by Sichuan Governor Peng Jiahe in Chengdu on Tuesday.\n"
    )
    # (a participle that is also a speech verb: "welcomed by" is a passive, no reported speech)
    welcomed = (
        "Date: 2024-05-09\n\n"
        "Nepal's Ambassador to China, Sita Gurung, was among 30 diplomats welcomed by Guangxi Chairman "
        "Lan Tianli in Nanning on Tuesday.\n"
    )
    for text, guest, host, country in [
        (among, "Wanjiru Otieno", "Lin Haoming", "KE"),
        (one_of, "Martina Olivera", "Peng Jiahe", "UY"),
        (welcomed, "Sita Gurung", "Lan Tianli", "NP"),
    ]:
        got = people(text, ref)
        assert got[guest]["side"] == "guest"
        assert got[host]["side"] == "host"
        t = transform(docs(text), ref)
        assert t.meetings["counterpart_countries"].to_list() == [[country]]


def test_envoys_addressing_the_meeting_of_a_group_with_no_head_lead_their_own_sides(ref):
    text = (
        "Date: 2024-05-09\n\n"
        "Kenya's Ambassador to China, Wanjiru Otieno, was among diplomats from 12 countries received "
        "by Yunnan Governor Lin Haoming in Kunming on Tuesday.\n\n"
        "Lin briefed the diplomats on the province's logistics corridors.\n\n"
        "Peruvian Ambassador Rosa Quintanilla and Polish Ambassador Marek Wrobel also addressed the "
        "meeting, raising coffee exports and rail freight.\n"
    )
    got = people(text, ref)
    for name, country in [("Rosa Quintanilla", "PE"), ("Marek Wrobel", "PL"), ("Wanjiru Otieno", "KE")]:
        assert got[name]["side"] == "guest"
        assert got[name]["role"] == "lead"
        assert got[name]["country"] == country
    assert got["Lin Haoming"]["side"] == "host"
    t = transform(docs(text), ref)
    assert sorted(t.meetings["counterpart_countries"].to_list()[0]) == ["KE", "PE", "PL"]
    # a group led by one of them has one head: the others are no leads of their own
    led = text.replace(
        "Kenya's Ambassador to China, Wanjiru Otieno, was among diplomats from 12 countries received "
        "by Yunnan Governor Lin Haoming in Kunming on Tuesday.",
        "Yunnan Governor Lin Haoming met in Kunming on Tuesday with diplomats from 12 countries, led by "
        "Kenya's Ambassador to China Wanjiru Otieno.",
    )
    got = people(led, ref)
    assert got["Wanjiru Otieno"]["role"] == "lead"
    assert all(got[n]["role"] != "lead" for n in ("Rosa Quintanilla", "Marek Wrobel") if n in got)


def test_returning_a_visit_is_an_aside_naming_no_participant_and_no_place(ref):
    text = (
        "Date: 2024-11-21\n\n"
        "Johor Chief Minister Azlan Rahim met Fuzhou Party Secretary Gao Wenbin on Tuesday, returning "
        "the visit paid to Johor by Fuzhou Mayor Ren Xiaodong last year.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Azlan Rahim", "Gao Wenbin"}
    assert got["Azlan Rahim"]["side"] == "guest"
    assert got["Gao Wenbin"]["side"] == "host"
    t = transform(docs(text), ref)
    assert t.meetings["counterpart_countries"].to_list() == [["MY"]]
    assert t.meetings["location"].to_list() != ["Johor"]


def test_a_bare_official_named_before_a_host_member_on_the_guests_page_is_a_visitor(ref):
    guests_page = (
        "Date: 2024-02-16\n\n"
        "Niigata Governor Haruto Sakai held talks with Harbin Mayor Zhao Yiming in Harbin on Thursday.\n\n"
        "Vice Governor Emi Kudo and Harbin Vice Mayor Qu Lianfang attended the meeting.\n"
    )
    got = people(guests_page, ref)
    assert got["Emi Kudo"]["side"] == "guest"
    assert got["Emi Kudo"]["country"] == "JP"
    assert got["Qu Lianfang"]["side"] == "host"
    # (another state's official: "State Executive Councillor for Trade B and Xiamen Vice Mayor C")
    councillor = (
        "Date: 2024-10-17\n\n"
        "Sabah Chief Minister Rosli Hamdan met Xiamen Party Secretary Hou Wenjie in Xiamen on Wednesday.\n\n"
        "State Executive Councillor for Trade Daniel Wong Kee Fatt and Xiamen Vice Mayor Ma Lirong were "
        "also present.\n"
    )
    got = people(councillor, ref)
    assert got["Daniel Wong Kee Fatt"]["side"] == "guest"
    assert got["Daniel Wong Kee Fatt"]["country"] == "MY"
    assert got["Ma Lirong"]["side"] == "host"
    # the hosts' own page names the host first: their bare official is one of the hosts
    hosts_page = (
        "Date: 2024-02-16\n\n"
        "Harbin Mayor Zhao Yiming held talks with Niigata Governor Haruto Sakai in Harbin on Thursday.\n\n"
        "Deputy Secretary-General Liu Bowen and Harbin Vice Mayor Qu Lianfang attended the meeting.\n"
    )
    got = people(hosts_page, ref)
    assert got["Liu Bowen"]["side"] == "host"


def test_an_embassy_rank_after_a_host_officials_apposition_has_no_place_of_hers(ref):
    text = (
        "Published: Nov 8, 2024\n\n"
        "Ambassador of Uruguay to China Martin Ibarra was received by the Party Secretary of Hubei "
        "Province, Dong Kailin, in Wuhan on 6 November.\n\n"
        "Madam Ke Ruiying, Vice Governor of Hubei, and the Commercial Attache of the Embassy, Lucia "
        "Ferrer, also attended the meeting.\n"
    )
    got = people(text, ref)
    assert got["Lucia Ferrer"]["side"] == "guest"
    assert got["Lucia Ferrer"]["country"] == "UY"
    assert got["Ke Ruiying"]["side"] == "host"
    assert got["Ke Ruiying"]["country"] == "CN"


def test_a_word_before_a_market_and_a_firms_office_names_the_firm(ref):
    text = (
        "Date: 2025-06-13\n\n"
        "A delegation of the German Chamber of Commerce in China led by its chairman Rainer Vossberg "
        "met Kunshan Party Secretary Wu Haiyan on Thursday.\n\n"
        "The delegation included Vantorra China President Lukas Brenner.\n"
    )
    got = people(text, ref)
    assert got["Lukas Brenner"]["title"] == "President"
    assert got["Lukas Brenner"]["country"] == "DE"
    assert got["Lukas Brenner"]["side"] == "guest"
    assert "Vantorra" not in got


def test_the_place_of_a_visit_after_a_preposition_of_another_time_is_not_the_meetings(ref):
    text = (
        "Date: 2024-10-17\n\n"
        "Johor Chief Minister Azlan Rahim met Fuzhou Party Secretary Gao Wenbin on Tuesday, following "
        "Fuzhou Mayor Ren Xiaodong's visit to Johor last year.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Azlan Rahim", "Gao Wenbin"}
    assert got["Azlan Rahim"]["side"] == "guest"
    assert got["Gao Wenbin"]["side"] == "host"
    t = transform(docs(text), ref)
    assert t.meetings["counterpart_countries"].to_list() == [["MY"]]
    assert t.meetings["location"].to_list() == ["Fuzhou"]
    # (the meeting's own visit still places it: "during his visit to Johor")
    own = (
        "Date: 2024-10-17\n\n"
        "Fuzhou Party Secretary Gao Wenbin met Johor Chief Minister Azlan Rahim on Tuesday during his "
        "visit to Johor.\n"
    )
    got = people(own, ref)
    assert got["Azlan Rahim"]["side"] == "host"
    assert got["Gao Wenbin"]["side"] == "guest"
