"""Rules written for the misses of split 47 (docs/split47_coverage.md), on sentences of our own:
the foreign side's own press releases and local news (state, Land, prefecture, council and embassy
pages reporting their officials visiting China or receiving Chinese delegations)."""

from __future__ import annotations

import datetime as dt

from transform_helpers import docs, people

from flows.transform import transform


def test_a_french_or_german_header_date_dates_the_page_and_the_meeting(ref):
    french = (
        "Région Occitanie - Actualités\n"
        "Publié le 9 novembre 2023\n"
        "Occitanie and Sichuan open a new chapter\n"
        "Margaux Delpierre, Vice-President of the Région Occitanie, met Sichuan Vice Governor "
        "Tan Yuelin in Chengdu on Wednesday 8 November.\n"
    )
    german = (
        "Freistaat Sachsen | Pressemitteilung\n"
        "Dresden, 3. März 2025\n"
        "Saxon minister in Hefei\n\n"
        "Saxony's State Minister for Economic Affairs Jonas Wittkamp met Anhui Governor Ke Minghui "
        "in Hefei on Friday.\n"
    )
    t = transform(docs(french, german), ref)
    assert sorted(t.articles["published_date"].to_list()) == [dt.date(2023, 11, 9), dt.date(2025, 3, 3)]
    assert sorted(t.meetings["meeting_date"].to_list()) == [dt.date(2023, 11, 8), dt.date(2025, 2, 28)]


def test_lord_provost_and_cabinet_secretary_are_offices_as_named(ref):
    provost = (
        "Published: 3 May 2024\n\n"
        "Lord Provost of Aberdeen Morag Lennox met Ningbo Vice Mayor Zhou Peiwen in Ningbo on Friday.\n"
    )
    secretary = (
        "Published: 7 May 2024\n\n"
        "Wales's Cabinet Secretary for Economy Gethin Pryce met Chongqing Mayor Ran Tiequan in "
        "Chongqing on Tuesday.\n"
    )
    t = transform(docs(provost, secretary), ref)
    got = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
    assert got["Morag Lennox"]["title"] == "Lord Provost"
    assert got["Morag Lennox"]["side"] == "guest"
    assert got["Gethin Pryce"]["title"] == "Cabinet Secretary"


def test_a_portfolio_word_is_no_part_of_the_ministers_name(ref):
    text = (
        "Published: 2 October 2024\n\n"
        "Minister of Jobs, Immigration and Multiculturalism Aaron Delacroix welcomed Jilin Vice "
        "Governor Shen Wenqiao to the Manitoba Legislature on Tuesday.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Aaron Delacroix", "Shen Wenqiao"}
    assert got["Aaron Delacroix"]["title"] == "Minister"


def test_a_word_known_as_a_firm_or_agency_closes_a_name_after_an_office(ref):
    text = (
        "Published: 14 June 2024\n\n"
        "Dutch Ambassador Pieter Groen met Fujian Vice Governor Mr Cao Xinhua in Fuzhou on Monday.\n\n"
        "Consul General Ilse Bosch attended the meeting.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Pieter Groen", "Cao Xinhua", "Ilse Bosch"}
    assert got["Cao Xinhua"]["title"] == "Vice Governor" and got["Cao Xinhua"]["side"] == "host"
    assert got["Ilse Bosch"]["title"] == "Consul General" and got["Ilse Bosch"]["role"] == "member"


def test_a_lede_broken_inside_a_name_right_under_the_header_keeps_its_first_line(ref):
    text = (
        "City of Boise News\n"
        "Boise delegation in Jilin for anniversary\n"
        "Posted by City of Boise Communications | May 12,2025\n"
        "Boise Deputy Mayor Dana\n"
        "Whitcombe met with Jilin Mayor Xu Qingtao on Friday.\n"
    )
    t = transform(docs(text), ref)
    names = set(t.participants["person_name"].to_list())
    assert names == {"Dana Whitcombe", "Xu Qingtao"}
    assert t.meetings["counterpart_countries"].to_list() == [["US"]]


def test_since_a_year_dates_no_other_visit(ref):
    text = (
        "Date: 14/03/2023\n\n"
        "The Lord Mayor of Galway, Cllr Niamh Rourke, welcomed a delegation from Galway's sister "
        "city of Qingdao to City Hall on Monday.\n\n"
        "The delegation, led by Ms Song Lijuan, Deputy Director of the Qingdao Municipal Foreign "
        "Affairs Office, was the first from Qingdao to visit Galway since 2018.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Niamh Rourke", "Song Lijuan"}
    assert got["Song Lijuan"]["side"] == "guest" and got["Song Lijuan"]["role"] == "lead"
    assert got["Song Lijuan"]["country"] == "CN"
