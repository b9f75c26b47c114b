"""Rules written for the misses of split 47 (docs/split47_coverage.md), on sentences of our own:
the foreign side's own press releases and local news (state, Land, prefecture, council and embassy
pages reporting their officials visiting China or receiving Chinese delegations)."""

from __future__ import annotations

import datetime as dt

import polars as pl
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


def test_a_meeting_on_another_day_that_says_what_was_discussed_is_a_meeting_of_its_own(ref):
    text = (
        "Issued 20 September 2024\n\n"
        "Governor of Kumamoto Prefecture Haruto Sakaguchi visited Sichuan and Chongqing from 16 to "
        "19 September.\n\n"
        "1. Meeting with the Governor of Sichuan (Monday 16 September, Chengdu)\n"
        "Governor Sakaguchi met Governor of Sichuan Province Mr. Xu Anming. The two governors "
        "agreed to expand student exchanges.\n\n"
        "2. Meeting with the Vice Mayor of Chongqing (Wednesday 18 September, Chongqing)\n"
        "Governor Sakaguchi met Vice Mayor of Chongqing Ms. Lan Qiuyue and discussed direct "
        "flights and tourism promotion.\n"
    )
    t = transform(docs(text), ref)
    p = t.participants
    assert t.meetings.height == 2
    groups = {
        frozenset(p.filter(pl.col("meeting_id") == mid)["person_name"].to_list())
        for mid in p["meeting_id"].unique()
    }
    assert groups == {
        frozenset({"Haruto Sakaguchi", "Xu Anming"}),
        frozenset({"Haruto Sakaguchi", "Lan Qiuyue"}),
    }
    assert sorted(t.meetings["meeting_date"].to_list()) == [dt.date(2024, 9, 16), dt.date(2024, 9, 18)]


def test_two_objects_each_with_a_day_of_the_month_are_two_meetings(ref):
    text = (
        " date 2025-05-23\n"
        "Gangwon State / Press Release\n\n"
        "Gangwon Governor Yoon Ha-jin, on a five-day visit to China, met Hubei Provincial Party "
        "Secretary Luo Wenbin in Wuhan on the 20th and Hunan Vice Governor Tang Shuhui on the 22nd, "
        "proposing cooperation on hydrogen buses.\n"
    )
    t = transform(docs(text), ref)
    p = t.participants
    groups = {
        frozenset(p.filter(pl.col("meeting_id") == mid)["person_name"].to_list())
        for mid in p["meeting_id"].unique()
    }
    assert groups == {frozenset({"Yoon Ha-jin", "Luo Wenbin"}), frozenset({"Yoon Ha-jin", "Tang Shuhui"})}
    dates = dict(zip(t.meetings["meeting_id"].to_list(), t.meetings["meeting_date"].to_list(), strict=True))
    tang = p.filter(pl.col("person_name") == "Tang Shuhui")["meeting_id"][0]
    luo = p.filter(pl.col("person_name") == "Luo Wenbin")["meeting_id"][0]
    assert dates[luo] == dt.date(2025, 5, 20) and dates[tang] == dt.date(2025, 5, 22)


def test_a_members_letters_after_the_name_make_a_member_of_parliament(ref):
    text = (
        "Published: June 4, 2024\n\n"
        "A Victorian parliamentary delegation led by the Speaker of the Legislative Assembly, the "
        "Hon. Clara Benning MP, was received by Xu Dongsheng, Chairman of the Standing Committee "
        "of the Jiangsu Provincial People's Congress, in Nanjing on Monday.\n\n"
        "Members of the delegation, Mr Ravi Menon MP and Ms Petra Lindqvist MLC, also attended "
        "the meeting.\n"
    )
    got = people(text, ref)
    assert got["Ravi Menon"]["title"] == "Member of Parliament"
    assert got["Petra Lindqvist"]["title"] == "Member of Parliament"
    assert got["Clara Benning"]["title"] == "Speaker"


def test_a_headline_ending_on_a_place_above_a_lede_opening_on_an_office_is_no_broken_name(ref):
    text = (
        "Shiga Prefectural Government - International Affairs Division\n"
        "Date: 2024-10-02\n"
        "Governor Hanada visits Hunan Province\n"
        "Governor of Shiga Prefecture Yumi Hanada paid a courtesy call on Governor Mao of Hunan "
        "Province in Changsha on 30 September.\n"
    )
    got = people(text, ref)
    assert got["Yumi Hanada"]["country"] == "JP" and got["Yumi Hanada"]["side"] == "guest"


def test_a_sister_states_body_names_no_one(ref):
    text = (
        "Published: 9 April 2024\n\n"
        "Kansas Secretary of Commerce Dale Whitford met with Henan Governor Wang Kai in Zhengzhou on "
        "Monday.\n\n"
        "Holly Brandt, Executive Director of Kansas Sister States, accompanied the Secretary.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Dale Whitford", "Wang Kai", "Holly Brandt"}
    assert got["Holly Brandt"]["title"] == "Executive Director"


def test_inviting_more_visitors_is_tourism(ref):
    text = (
        "Published: 12 May 2024\n\n"
        "Hobart Lord Mayor Fiona Kellaway met Xiamen Vice Mayor Zhuang Liqun in Xiamen on Friday.\n\n"
        "Ms Kellaway invited more Xiamen visitors to Tasmania, noting that visitor numbers from Fujian "
        "were recovering.\n"
    )
    t = transform(docs(text), ref)
    assert "tourism" in t.meeting_themes["theme"].to_list()


def test_a_member_at_every_meeting_travels_with_the_lead_of_every_meeting(ref):
    text = (
        " date 2025-09-20\n"
        "Chungcheongnam-do Provincial Government / Press Release\n\n"
        "Chungnam Governor Seo Ji-hoon, on a four-day visit to China, met Anhui Provincial Party "
        "Secretary Zhou Mingde in Hefei on the 17th and Nanjing Vice Mayor Gu Linyan on the 18th.\n\n"
        "Park Eun-ha, Director-General of the provincial Economic Cooperation Bureau, attended both "
        "meetings.\n"
    )
    t = transform(docs(text), ref)
    p = t.participants.filter(pl.col("person_name") == "Park Eun-ha")
    assert p.height == 2
    assert set(p["side"].to_list()) == {"guest"} and set(p["country"].to_list()) == {"KR"}
