"""Rules written for the misses of blind split 13 (docs/split13_coverage.md), on sentences of our own."""

from __future__ import annotations

import polars as pl
from transform_helpers import docs, people

from flows.transform import transform


def test_a_city_closing_a_three_word_name_is_its_surname(ref):
    text = (
        "Published: 2024-05-10\n\n"
        "Chengdu Mayor Wang Hao met with Joao Pedro Fortaleza, vice president of the Asian "
        "Infrastructure Investment Bank, in Chengdu on Thursday.\n\n"
        "Wang said Chengdu welcomed more Brazilian investors."
    )
    got = people(text, ref)
    assert "Joao Pedro Fortaleza" in got and "Joao Pedro" not in got
    assert got["Joao Pedro Fortaleza"]["side"] == "guest"
    assert got["Joao Pedro Fortaleza"]["country"] is None


def test_whoever_leads_a_delegation_in_an_apposition_is_the_guest(ref):
    text = (
        "Published: 2024-03-06\n\n"
        "On March 5, Zhejiang Vice Governor Chen Lin, leading a Zhejiang business delegation, met "
        "with Lyon Mayor Paul Mercier.\n\n"
        "Mercier said Lyon hoped Zhejiang firms would invest in the city. Chen said Zhejiang was "
        "ready to cooperate with Lyon."
    )
    got = people(text, ref)
    assert (got["Chen Lin"]["country"], got["Chen Lin"]["side"]) == ("CN", "guest")
    assert (got["Paul Mercier"]["country"], got["Paul Mercier"]["side"]) == ("FR", "host")


def test_an_office_whose_fields_are_joined_by_and_serves_the_place_after_them(ref):
    text = (
        "Published: 2024-09-04\n\n"
        "On Tuesday, Sichuan Governor Liu Yang met with a delegation led by Queensland Premier Jane "
        "Hollis in Chengdu.\n\n"
        "Mark Dunleavy, Minister for Agriculture and Regional Development of Queensland, and Ruth "
        "Patel, Australian Consul General in Chengdu, also attended the meeting."
    )
    got = people(text, ref)
    assert (got["Mark Dunleavy"]["title"], got["Mark Dunleavy"]["country"]) == ("Minister", "AU")
    assert got["Mark Dunleavy"]["side"] == "guest"


def test_a_capitalised_field_inside_an_office_is_no_next_name(ref):
    text = (
        "Published: 2024-09-04\n\n"
        "On Tuesday, Yunnan Party Secretary Wang Ning held talks in Kunming with Somchai Rattanakorn, "
        "Deputy Prime Minister of Thailand, and Bounmy Vongsa, Minister of Information, Communications "
        "and Digital Economy of Laos.\n\n"
        "Wang said Yunnan would build more railways to its neighbours."
    )
    got = people(text, ref)
    assert got["Somchai Rattanakorn"]["country"] == "TH"
    assert (got["Bounmy Vongsa"]["country"], got["Bounmy Vongsa"]["side"]) == ("LA", "guest")


def test_a_capitalised_conference_names_an_event_not_a_person(ref):
    text = (
        "Published: 2024-04-12\n\n"
        "On Thursday, on the sidelines of the Macao International Trade Expo Annual Conference, Macao "
        "Chief Executive Leong Chi-wai met with Portuguese Minister of Economy Rui Calado.\n\n"
        "Leong said Macao would promote Portuguese-speaking markets."
    )
    got = people(text, ref)
    assert {"Leong Chi-wai", "Rui Calado"} <= set(got)
    assert "Annual Conference" not in got


def test_present_on_both_occasions_attends_every_meeting(ref):
    text = (
        "Published: 2024-11-08\n\n"
        "On Thursday, Yunnan Party Secretary Liu Ning held separate talks in Kunming with Nguyen Van "
        "Thanh, Governor of Quang Ninh Province, Vietnam, and Keo Sophal, Governor of Siem Reap "
        "Province, Cambodia.\n\n"
        "Meeting with Nguyen Van Thanh, Liu said the two sides would open more border markets. "
        "Meeting with Keo Sophal, Liu said Yunnan would send more tourists to Siem Reap.\n\n"
        "Vice Governor Fang Min was present on both occasions."
    )
    t = transform(docs(text), ref)
    fang = t.participants.filter(pl.col("person_name") == "Fang Min")
    assert t.meetings.height == 2
    assert fang.height == 2 and set(fang["side"]) == {"host"}


def test_a_member_of_the_delegation_is_a_guest_member(ref):
    text = (
        "Published: 2024-06-13\n\n"
        "On Wednesday, Hubei Governor Wang Zhong met in Wuhan with a Danish delegation headed by "
        "Minister of Higher Education Lars Mikkelsen.\n\n"
        "Wang said Hubei welcomed more Danish universities.\n\n"
        "Professor Ida Rasmussen, Rector of Aarhus University, was a member of the delegation."
    )
    got = people(text, ref)
    assert (got["Ida Rasmussen"]["side"], got["Ida Rasmussen"]["role"]) == ("guest", "member")


TRIP = (
    "Published: 2025-03-14\n\n"
    "Irish Ambassador visits Hubei\n\n"
    "Ambassador Niamh Brennan travelled to Wuhan to meet provincial and city leaders and to see "
    "Irish companies in the province.\n\n"
    "On Monday (10 March), Ambassador Brennan called on Wang Zhong, Governor of Hubei Province, "
    "and discussed farming and education.\n\n"
    "On Tuesday, Ambassador Brennan met and was hosted to dinner by Guo Yuan, Party Secretary of "
    "Wuhan. They talked about the city's car makers and direct flights to Dublin."
)


def test_a_trip_told_by_its_purpose_is_no_lede_when_a_meeting_is_reported(ref):
    t = transform(docs(TRIP), ref)
    p = t.participants.join(t.meetings.select("meeting_id", "meeting_date"), on="meeting_id")
    wang = p.filter(pl.col("person_name") == "Wang Zhong")
    assert wang.height == 1 and str(wang["meeting_date"][0]) == "2025-03-10"
    with_wang = p.filter(pl.col("meeting_id") == wang["meeting_id"][0])
    assert "Guo Yuan" not in with_wang["person_name"].to_list()


def test_a_later_day_meeting_whose_talks_the_next_sentence_tells_is_a_meeting_of_its_own(ref):
    t = transform(docs(TRIP), ref)
    p = t.participants.join(t.meetings.select("meeting_id", "meeting_date"), on="meeting_id")
    guo = p.filter(pl.col("person_name") == "Guo Yuan")
    assert guo.height == 1 and (guo["side"][0], guo["role"][0]) == ("host", "lead")
    assert str(guo["meeting_date"][0]) == "2025-03-11"
    with_guo = p.filter(pl.col("meeting_id") == guo["meeting_id"][0])
    assert set(with_guo["person_name"]) == {"Guo Yuan", "Niamh Brennan"}


def test_a_city_state_before_an_office_carries_the_description_on(ref):
    text = (
        "Published: 2024-10-17\n\n"
        "Beijing Vice Mayor Sun Wei met a Berlin delegation led by Jonas Richter, the German "
        "city-state's Senator for Finance, on Wednesday.\n\n"
        "Richter said Berlin start-ups wanted to work with Beijing."
    )
    got = people(text, ref)
    assert (got["Jonas Richter"]["title"], got["Jonas Richter"]["country"]) == ("Senator", "DE")


def test_a_captions_position_note_keeps_no_apposition_from_its_name(ref):
    text = (
        "Published: 2024-07-20\n\n"
        "Ma Lin (second left), Party Secretary of Ningbo, and Mayor Zhou Fang (first left) pose with "
        "Anders Lund (second right) and his delegation.\n\n"
        "Ma Lin, Secretary of the CPC Ningbo Municipal Committee, and Ningbo Mayor Zhou Fang met with "
        "a delegation led by Anders Lund, Mayor of Aarhus, Denmark, on Friday."
    )
    got = people(text, ref)
    assert got["Ma Lin"]["title"] == "Party Secretary"
    assert got["Zhou Fang"]["title"] == "Mayor"


SAR_SECRETARY = (
    "Published: 2024-05-23\n\n"
    "The Chief Executive, Mr Lam Ka-wing, met with a delegation led by the Governor of Hubei "
    "Province, Mr Wen Dao, at Government House today.\n\n"
    "Mr Lam said Hong Kong would work with Hubei on finance.\n\n"
    "The Secretary for Transport and Logistics, Mr Chan Siu-ming, also attended the meeting."
)
PLURAL_OFFICE = (
    "Published: 2024-05-23\n\n"
    "Dalian Mayor Chen Weiguo met with the consuls general of Japan and Korea in Shenyang, Kenji "
    "Sato and Park Min-ho, on Tuesday."
)


def test_a_sar_policy_secretary_is_a_secretary_and_sits_with_the_hosts(ref):
    # (a Secretary since session 11's settled conventions, docs/ANNOTATION.md; null before)
    got = people(SAR_SECRETARY, ref)
    chan = got["Chan Siu-ming"]
    assert (chan["title"], chan["country"], chan["side"], chan["role"]) == (
        "Secretary",
        "HK",
        "host",
        "member",
    )
    # the same whatever else is in the batch (a plural office in another article)
    t = transform(docs(SAR_SECRETARY, PLURAL_OFFICE), ref)
    row = t.participants.filter(pl.col("person_name") == "Chan Siu-ming").row(0, named=True)
    assert (row["title"], row["country"], row["side"]) == ("Secretary", "HK", "host")


def test_an_exchange_of_artists_is_culture(ref):
    text = (
        "Published: 2024-08-02\n\n"
        "Chengdu Mayor Wang Fengchao met with Perth Lord Mayor Helen Corrigan on Thursday.\n\n"
        "The two mayors agreed to send artists to each other's festivals next year."
    )
    themes = set(transform(docs(text), ref).meeting_themes["theme"])
    assert "culture_people" in themes


def test_cultural_links_talked_about_are_culture(ref):
    text = (
        "Published: 2024-08-02\n\n"
        "Xi'an Mayor Ye Minghao met with Edinburgh Lord Provost Fiona Dalgleish on Thursday.\n\n"
        "They talked about cultural links, including a planned exhibition of terracotta warriors."
    )
    themes = set(transform(docs(text), ref).meeting_themes["theme"])
    assert "culture_people" in themes


def test_a_direct_flight_in_the_singular_is_an_aviation_link(ref):
    text = (
        "Published: 2024-08-02\n\n"
        "Kunming Mayor Liu Jiachen met with Kathmandu Mayor Suresh Adhikari on Thursday.\n\n"
        "The two mayors hoped a direct flight between the cities would open next spring."
    )
    themes = set(transform(docs(text), ref).meeting_themes["theme"])
    assert "ports_shipping" in themes
