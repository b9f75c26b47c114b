"""Rules written for the misses of split 43 (docs/split43_coverage.md), on sentences of our own:
Chinese provincial and city delegations travelling abroad, day-by-day trip reports in which the
foreign side hosts each stop."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_the_head_of_a_delegation_named_by_its_province_comes_from_there(ref):
    text = (
        " date 2025-06-24\n"
        "Hubei delegation visits Denmark and Norway\n"
        "A Hubei provincial delegation led by Governor Ma Qinglan returned to Wuhan on Tuesday after "
        "a visit to Denmark and Norway.\n\n"
        "In Copenhagen on Thursday (19 June), Ma met with Danish Minister of Business Henrik Sorensen. "
        "The two sides discussed wind power.\n\n"
        "On Saturday, the delegation was received by Oslo Mayor Ingrid Haugland. Haugland said Oslo "
        "welcomed tourists.\n\n"
        "Vice Governor Fei Dongqiang accompanied Ma throughout the trip.\n"
    )
    got = people(text, ref)
    assert got["Ma Qinglan"]["country"] == "CN" and got["Ma Qinglan"]["side"] == "guest"
    assert got["Fei Dongqiang"]["country"] == "CN" and got["Fei Dongqiang"]["side"] == "guest"
    assert got["Henrik Sorensen"]["side"] == "host"
    assert got["Ingrid Haugland"]["side"] == "host" and got["Ingrid Haugland"]["country"] == "NO"


def test_a_delegation_from_a_province_gives_its_head_that_country(ref):
    text = (
        " date 2024-09-14\n"
        "Jiangxi leaders tour Chile\n"
        "A delegation from Jiangxi led by Vice Governor Tao Minlu ended a visit to Chile and Peru on Sunday.\n\n"
        "In Valparaiso on Thursday, Tao held talks with Mayor Camila Orrego on port links.\n\n"
        "On Saturday, the delegation was received in Lima by Peruvian Deputy Minister Rosa Quispe.\n"
    )
    got = people(text, ref)
    assert got["Tao Minlu"]["country"] == "CN" and got["Tao Minlu"]["side"] == "guest"
    assert got["Camila Orrego"]["side"] == "host"


def test_a_headline_visit_with_words_before_the_place_places_the_meeting(ref):
    # "visits twin city X": the place closes the words after the visit word
    text = (
        " date 2021-04-09\n"
        "Xiamen mayor visits twin city Cardiff\n"
        "Xiamen Mayor Lan Zhiwei held talks with Cardiff Lord Mayor Gareth Pryce on Thursday.\n\n"
        "Pryce said Cardiff hoped for more student exchanges with Xiamen.\n"
    )
    got = people(text, ref)
    assert got["Lan Zhiwei"]["side"] == "guest" and got["Lan Zhiwei"]["country"] == "CN"
    assert got["Gareth Pryce"]["side"] == "host" and got["Gareth Pryce"]["country"] == "GB"


def test_a_headline_visit_to_a_city_of_a_place_places_the_meeting(ref):
    text = (
        "Published: May 2, 2022\n"
        "Hunan governor visits City of Edinburgh\n"
        "Hunan Governor Peng Xiaolan met with Councillor Fiona Baird, Lord Provost of Edinburgh, at "
        "the City Chambers on Friday.\n\n"
        "Baird said the city welcomed visitors from Changsha.\n"
    )
    got = people(text, ref)
    assert got["Peng Xiaolan"]["side"] == "guest"
    assert got["Fiona Baird"]["side"] == "host"


def test_the_delegation_received_at_a_later_stop_is_led_by_its_head(ref):
    text = (
        " date 2023-03-28\n"
        "Zhejiang delegation tours Spain and Portugal\n"
        "In Madrid on Thursday, Zhejiang Governor Fang Ruilin met with Spanish Minister of Industry "
        "Elena Duarte. They discussed car plants.\n\n"
        "On Saturday, the delegation was received by Porto Mayor Rui Cardoso. Cardoso said Porto "
        "welcomed more flights from Hangzhou.\n"
    )
    p = transform(docs(text), ref).participants
    fang = p.filter(p["person_name"] == "Fang Ruilin")
    assert fang.height == 2
    assert set(fang["role"]) == {"lead"} and set(fang["side"]) == {"guest"}
    cardoso = p.filter(p["person_name"] == "Rui Cardoso").row(0, named=True)
    assert cardoso["side"] == "host"
    assert cardoso["meeting_id"] in set(fang["meeting_id"])


def test_the_delegation_also_meeting_someone_on_another_day_is_a_meeting_of_its_own(ref):
    text = (
        " date 2019-09-07\n"
        "Jilin governor meets Mongolian governors\n"
        "Jilin Governor Han Lixue met with Dornod Governor Bat Erdene in Choibalsan on Wednesday.\n\n"
        "Han said Jilin was ready to expand grain trade.\n\n"
        "The delegation also met with Khentii Governor Ganbold Tseren in Chinggis City on Thursday. "
        "The two sides agreed to promote tourism.\n"
    )
    t = transform(docs(text), ref)
    p = t.participants
    second = p.filter(p["person_name"] == "Ganbold Tseren").row(0, named=True)
    assert second["side"] == "host" and second["role"] == "lead"
    first = p.filter(p["person_name"] == "Bat Erdene").row(0, named=True)
    assert first["meeting_id"] != second["meeting_id"]
    han = p.filter(p["person_name"] == "Han Lixue")
    assert set(han["meeting_id"]) == {first["meeting_id"], second["meeting_id"]}
    dates = dict(zip(t.meetings["meeting_id"], t.meetings["meeting_date"].cast(str), strict=True))
    assert dates[second["meeting_id"]] == "2019-09-05"


def test_a_trip_summary_day_is_not_the_day_of_a_caption_lede(ref):
    # caption lede without a day; the trip summary's day is the trip's last; the repeat's is the lede's
    text = (
        " date 2024-05-16\n"
        "Fujian governor wraps up visit to Austria and Slovenia\n"
        "Fujian Governor Wu Qinghai, left, meets Austrian Minister of Economy Karl Brunner in Vienna.\n"
        "A Fujian provincial delegation led by Governor Wu Qinghai wrapped up a visit to Austria and "
        "Slovenia on Wednesday, holding talks with national and city leaders on trade.\n\n"
        "In Vienna on Monday, Wu was received by Austrian Minister of Economy Karl Brunner.\n\n"
        "In Ljubljana on Wednesday, Wu met with Ljubljana Mayor Janez Kovac. Kovac said the city "
        "welcomed more tourists from Fuzhou.\n"
    )
    t = transform(docs(text), ref)
    p = t.participants
    dates = dict(zip(t.meetings["meeting_id"], t.meetings["meeting_date"].cast(str), strict=True))
    brunner = p.filter(p["person_name"] == "Karl Brunner").row(0, named=True)
    kovac = p.filter(p["person_name"] == "Janez Kovac").row(0, named=True)
    assert brunner["meeting_id"] != kovac["meeting_id"]
    assert dates[brunner["meeting_id"]] == "2024-05-13"
    assert dates[kovac["meeting_id"]] == "2024-05-15"


def test_a_leader_whose_earlier_visit_the_lede_recalls_is_cited(ref):
    text = (
        "Date: 2025-03-12\n"
        "Hangzhou mayor visits Lima\n"
        "Hangzhou Mayor Yao Gaoyuan met with Lima Mayor Renzo Villanueva on Monday, as a Hangzhou "
        "delegation began a tour of Peru following President Marta Quiroga's state visit to China "
        "last month.\n\n"
        "Villanueva said Lima welcomed investment from Hangzhou.\n"
    )
    got = people(text, ref)
    assert "Marta Quiroga" not in got
    assert got["Renzo Villanueva"]["side"] == "host" and got["Yao Gaoyuan"]["side"] == "guest"


def test_a_visit_during_which_they_met_cites_nobody(ref):
    text = (
        " date 2025-03-12\n"
        "Lima mayor meets Hangzhou mayor\n"
        "During Mayor Renzo Villanueva's visit to Hangzhou on Monday, Hangzhou Mayor Yao Gaoyuan met "
        "with him at the city hall.\n\n"
        "Villanueva said Lima welcomed investment from Hangzhou.\n"
    )
    got = people(text, ref)
    assert "Renzo Villanueva" in got


def test_a_cabinet_secretary_and_a_petroleum_portfolio(ref):
    text = (
        " date 2025-09-24\n"
        "Jiangxi governor in Nairobi\n"
        "Jiangxi Governor Ye Jianchun met with Kenya's Cabinet Secretary for Energy and Petroleum "
        "Daniel Kiprono in Nairobi on Tuesday.\n\n"
        "Nigeria's Minister of State for Petroleum Resources Ngozi Adeyemi was also present.\n"
    )
    got = people(text, ref)
    assert got["Daniel Kiprono"]["title"] == "Cabinet Secretary"
    assert got["Daniel Kiprono"]["side"] == "host" and got["Daniel Kiprono"]["country"] == "KE"
    assert "Ngozi Adeyemi" in got and not any(n.startswith("Petroleum") for n in got)


def test_a_member_of_the_travelling_delegation_attends_every_stop(ref):
    text = (
        " date 2023-07-01\n"
        "Yunnan Party chief visits Laos\n"
        "Yunnan Party Secretary Bai Yuming met with Lao Deputy Prime Minister Somsak Vongsa in "
        "Vientiane and with Khamphet Inthavong, Governor of Luang Prabang Province, in Luang "
        "Prabang on 27 and 28 June, respectively.\n\n"
        "In Vientiane, Bai discussed the railway.\n\n"
        "In Luang Prabang, Khamphet Inthavong hoped for more tourists.\n\n"
        "Yunnan Vice Governor Dao Linwei was part of the delegation.\n"
    )
    p = transform(docs(text), ref).participants
    dao = p.filter(p["person_name"] == "Dao Linwei")
    assert dao.height == 2
    assert set(dao["side"]) == {"guest"} and set(dao["role"]) == {"member"}
