"""Rules written for the misses of blind split 15 (docs/split15_coverage.md: outbound trips), on
sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_a_dateline_abroad_makes_the_foreign_official_the_host(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "NAIROBI -- Yunnan Governor Wang Ruolin met with Nairobi Governor Peter Kamau Otieno on Tuesday.\n\n"
        "Wang said Yunnan would buy more Kenyan tea and flowers. Otieno welcomed Yunnan companies.\n\n"
        "Wang was accompanied by Yunnan Vice Governor Li Hongbo."
    )
    got = people(text, ref)
    assert (got["Peter Kamau Otieno"]["country"], got["Peter Kamau Otieno"]["side"]) == ("KE", "host")
    assert (got["Wang Ruolin"]["country"], got["Wang Ruolin"]["side"]) == ("CN", "guest")
    assert got["Li Hongbo"]["side"] == "guest"


def test_a_dateline_with_its_country_and_a_date_still_names_the_place(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "LYON, France, Oct. 7 (Xinhua) -- Hubei Party Secretary Zhou Minhang held talks with Lyon Mayor "
        "Claire Dubreuil-Martin on Monday.\n\n"
        "Zhou said Hubei hoped to work with Lyon on medicine. Dubreuil-Martin agreed."
    )
    got = people(text, ref)
    assert got["Claire Dubreuil-Martin"]["side"] == "host"
    assert got["Zhou Minhang"]["side"] == "guest"


def test_a_home_dateline_keeps_the_home_official_the_host(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "HANGZHOU -- Hangzhou Mayor Yao Zhenhua met with Perth Lord Mayor Ellen Whitford on Tuesday.\n\n"
        "Yao said the two cities would expand student exchanges."
    )
    got = people(text, ref)
    assert (got["Yao Zhenhua"]["side"], got["Ellen Whitford"]["side"]) == ("host", "guest")


def test_a_lede_in_local_time_reports_a_meeting_abroad(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Shandong Governor Gao Ruiming met with Portuguese Minister of Economy Rui Albuquerque Lobo on "
        "October 7 local time.\n\n"
        "Gao said Qingdao and Lisbon ports would share container routes. Lobo welcomed Shandong firms.\n\n"
        "Gao was accompanied by Qingdao Mayor Sun Jiawei."
    )
    got = people(text, ref)
    assert (got["Rui Albuquerque Lobo"]["country"], got["Rui Albuquerque Lobo"]["side"]) == ("PT", "host")
    assert (got["Gao Ruiming"]["side"], got["Sun Jiawei"]["side"]) == ("guest", "guest")


def test_a_region_listed_before_affairs_is_a_field_of_work_not_a_country(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Sichuan Governor Liu Mingyuan met with Chilean Minister of Agriculture Ana Beltran Rojas in "
        "Chengdu on Tuesday.\n\n"
        "Sun Haitao, deputy director of the Department of Russian and Eurasian Affairs of the Ministry "
        "of Commerce, attended the meeting."
    )
    got = people(text, ref)
    assert (got["Sun Haitao"]["country"], got["Sun Haitao"]["side"]) == ("CN", "host")


def test_a_name_described_as_a_firm_is_the_firm_and_gives_its_nationality(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Xiamen Mayor Wu Dongping met with a Thai business delegation led by Somchai Wongsakul on Monday.\n\n"
        "The delegation included Preecha Thongdee, chief executive of Siam Harvest, a Thai food producer; "
        "and Nguyen Thi Mai, director of Lotus Bright, a Vietnamese garment maker."
    )
    got = people(text, ref)
    assert "Siam Harvest" not in got and "Lotus Bright" not in got
    assert got["Nguyen Thi Mai"]["country"] == "VN"
    assert got["Nguyen Thi Mai"]["organization"] == "Lotus Bright"


def test_malay_binte_and_capitalised_fields_of_work_inside_names(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Fujian Governor Zhao Longwei met with Malaysian Minister of Tourism and Antiquities Nurul Huda "
        "binte Rashid in Fuzhou on Monday.\n\n"
        "Also present was Tan Boon Hock, chairman of Penang Coastal Fisheries."
    )
    got = people(text, ref)
    assert "Nurul Huda binte Rashid" in got
    assert not [n for n in got if "Antiquities" in n or "Coastal" in n]
    assert got["Tan Boon Hock"]["title"] == "Chairman"


def test_a_name_hyphenated_across_a_line_break_heals(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Dalian Mayor Chen Weiguo met with Incheon Vice Mayor Park Jae-\n"
        "hoon on Monday.\n\n"
        "Chen said the two ports would share routes."
    )
    got = people(text, ref)
    assert "Park Jae-hoon" in got and "Park Jae" not in got


def test_speaking_at_the_meeting_is_attending_it(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Yunnan Governor Wang Ruolin met in Kunming on Monday with envoys from 12 countries, led by "
        "Kenyan Ambassador Peter Mwangi Otieno.\n\n"
        "Hungarian Ambassador Laszlo Farkas Nagy and Chilean Charge d'Affaires Camila Rojas Vidal also "
        "spoke at the meeting."
    )
    got = people(text, ref)
    assert (got["Laszlo Farkas Nagy"]["country"], got["Laszlo Farkas Nagy"]["role"]) == ("HU", "member")
    assert got["Camila Rojas Vidal"]["side"] == "guest"


def test_a_deputy_premier_is_no_premier(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Guangdong Governor Wang Weizhong met with Deputy Premier of Victoria Tom Hartley in Guangzhou "
        "on Monday.\n\n"
        "Wang said Guangdong welcomed Victorian universities."
    )
    got = people(text, ref)
    assert got["Tom Hartley"]["title"] is None
    assert got["Tom Hartley"]["country"] == "AU"


def test_an_apposition_opening_with_a_before_a_title_describes_the_name(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Wuhan Mayor Sheng Yuechun met with Lyon Mayor Claire Dubreuil-Martin on Monday.\n\n"
        "Dubreuil-Martin was accompanied by Prof. Marc Lefevre, a vice-president of the University of Lyon."
    )
    got = people(text, ref)
    assert got["Marc Lefevre"]["title"] == "Vice President"


def test_a_dateline_with_its_country_describes_nobody(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "DA NANG, Vietnam - Hubei Governor Zhou Minhang held talks with Da Nang Party Secretary "
        "Tran Van Long on Tuesday.\n\n"
        "Zhou said Hubei would open a direct flight to Da Nang."
    )
    got = people(text, ref)
    assert (got["Zhou Minhang"]["country"], got["Zhou Minhang"]["side"]) == ("CN", "guest")
    assert (got["Tran Van Long"]["country"], got["Tran Van Long"]["side"]) == ("VN", "host")


def test_a_name_with_a_dash_in_its_apposition_is_no_dateline(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Hubei Governor Zhou Minhang - who leads the provincial delegation - met with Vietnamese Deputy "
        "Prime Minister Le Van Hai in Wuhan on Tuesday.\n\n"
        "Zhou said Hubei would open a direct flight to Da Nang."
    )
    got = people(text, ref)
    assert got["Zhou Minhang"]["title"] == "Governor"


def test_a_summary_of_the_trip_is_no_lede_when_its_meetings_are_told_one_by_one(ref):
    text = (
        "Date: 2024-06-08\n\n"
        "Zhejiang Governor Wang Hao has concluded a visit to Chile and Peru, during which he held talks "
        "with local leaders in Santiago and Lima.\n\n"
        "Wang met with Santiago Mayor Ana Beltran Rojas and Lima Mayor Jorge Salas Quispe on 3 and 5 "
        "June, respectively.\n\n"
        "Wang said Zhejiang would buy more fruit from both cities."
    )
    t = transform(docs(text), ref)
    assert sorted(str(d) for d in t.meetings["meeting_date"]) == ["2024-06-03", "2024-06-05"]
    sides = {r["person_name"]: r["side"] for r in t.participants.iter_rows(named=True)}
    assert (sides["Ana Beltran Rojas"], sides["Wang Hao"]) == ("host", "guest")


def test_the_day_a_summary_states_still_dates_the_meeting_told_after_it(ref):
    text = (
        "Date: 2024-11-14\n\n"
        "Hubei Governor Zhou Minhang held two rounds of talks with city leaders in Da Nang on Tuesday.\n\n"
        "In the morning, Zhou met with Da Nang Party Secretary Tran Van Long.\n\n"
        "Zhou arrived in Hanoi on Monday and paid a courtesy call on Vietnamese Deputy Prime Minister "
        "Le Van Hai."
    )
    t = transform(docs(text), ref)
    assert [str(d) for d in t.meetings["meeting_date"]] == ["2024-11-12"]
    got = {r["person_name"] for r in t.participants.iter_rows(named=True)}
    assert "Tran Van Long" in got and "Le Van Hai" not in got


def test_on_a_trip_abroad_everyone_from_abroad_hosts_the_travellers(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "SINGAPORE -- Guangdong Governor Wang Weizhong met with Singaporean Minister for Trade Lim Wei "
        "Ming and Johor Chief Minister Onn Hafiz Ghazi on Monday.\n\n"
        "Wang said Guangdong would invest in the Johor-Singapore economic zone.\n\n"
        "Malaysian Deputy Minister of Investment Liew Chin Tong was also present."
    )
    got = people(text, ref)
    assert (got["Onn Hafiz Ghazi"]["country"], got["Onn Hafiz Ghazi"]["side"]) == ("MY", "host")
    assert got["Lim Wei Ming"]["side"] == "host"
    assert (got["Liew Chin Tong"]["country"], got["Liew Chin Tong"]["side"]) == ("MY", "host")
    assert got["Wang Weizhong"]["side"] == "guest"


def test_a_stop_past_the_days_listed_respectively_takes_the_day_its_own_sentence_states(ref):
    text = (
        "Date: 2024-06-09\n\n"
        "LIMA -- Zhejiang Governor Wang Hao met with Santiago Mayor Ana Beltran Rojas and Lima Mayor "
        "Jorge Salas Quispe on 3 and 5 June, respectively.\n\n"
        "On Saturday, Wang was received in Quito by Ecuadorian Minister of Production Diego Andrade Vera.\n\n"
        "Andrade Vera said Ecuador would sell more shrimp to Zhejiang."
    )
    t = transform(docs(text), ref)
    assert sorted(str(d) for d in t.meetings["meeting_date"]) == ["2024-06-03", "2024-06-05", "2024-06-08"]


def test_a_member_at_all_three_meetings_attends_each(ref):
    text = (
        "Date: 2024-06-09\n\n"
        "LIMA -- Zhejiang Governor Wang Hao met with Santiago Mayor Ana Beltran Rojas, Lima Mayor Jorge "
        "Salas Quispe and Quito Mayor Pablo Andrade Vera on 3, 5 and 7 June, respectively.\n\n"
        "In Quito, Andrade Vera said the city would sell more bananas to Zhejiang.\n\n"
        "Vice Governor Lu Xiaoqin accompanied Wang at all three meetings."
    )
    t = transform(docs(text), ref)
    lu = t.participants.filter(t.participants["person_name"] == "Lu Xiaoqin")
    assert lu.height == 3


def test_members_follow_the_trip_back_to_the_stop_a_sentence_names(ref):
    text = (
        "Date: 2024-06-25\n\n"
        "Hubei Party Secretary Zhou Minhang met Austrian State Secretary Klaus Weidinger in Vienna on "
        "Monday.\n\n"
        "On Sunday, Zhou was in Prague, where he held talks with the city's Deputy Mayor Petra Novakova. "
        "Novakova said Prague welcomed students from Hubei. Hubei Vice Governor Sun Li attended the "
        "meeting.\n\n"
        "In Vienna on Monday, Zhou and Weidinger discussed rail freight.\n\n"
        "Zhou was accompanied by Sun Li and Chen Gang, director of the Hubei Department of Commerce."
    )
    t = transform(docs(text), ref)
    p = t.participants.join(t.meetings.select("meeting_id", "weekday"), on="meeting_id")
    days = {n: sorted(p.filter(p["person_name"] == n)["weekday"].to_list()) for n in ["Sun Li", "Chen Gang"]}
    assert days == {"Sun Li": ["Monday", "Sunday"], "Chen Gang": ["Monday"]}


def test_the_host_of_a_later_stop_is_at_home_where_its_sentence_places_it(ref):
    text = (
        "Date: 2024-06-25\n\n"
        "Hubei Party Secretary Zhou Minhang met Austrian State Secretary Klaus Weidinger in Vienna on "
        "Monday.\n\n"
        "On Sunday, Zhou was in Prague, where he held talks with the city's Deputy Mayor Petra Novakova. "
        "Novakova said Prague welcomed students from Hubei."
    )
    got = people(text, ref)
    assert (got["Petra Novakova"]["country"], got["Petra Novakova"]["side"]) == ("CZ", "host")
    assert got["Klaus Weidinger"]["country"] == "AT"


def test_a_field_in_lower_case_after_a_titles_for_keeps_the_description_going(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Shanghai Mayor Gong Zheng met with Bavarian State Minister Klaus Reiter on Monday.\n\n"
        "Anna Vogt Lindner, director for foreign trade of the Bavarian state government, also attended "
        "the meeting."
    )
    got = people(text, ref)
    assert (got["Anna Vogt Lindner"]["country"], got["Anna Vogt Lindner"]["side"]) == ("DE", "guest")


def test_a_sentence_opening_on_the_place_of_one_stop_is_about_that_meeting(ref):
    text = (
        "Date: 2024-06-09\n\n"
        "LIMA -- Zhejiang Governor Wang Hao met with Ana Beltran Rojas, Mayor of Santiago, and Jorge "
        "Salas Quispe, Mayor of Lima, on 3 and 5 June, respectively.\n\n"
        "In Santiago, Wang proposed a new air cargo route for cherries.\n\n"
        "Salas Quispe said Lima wanted more Chinese tourists."
    )
    t = transform(docs(text), ref)
    th = t.meeting_themes.join(t.meetings.select("meeting_id", "meeting_date"), on="meeting_id")
    ports = sorted(str(d) for d in th.filter(th["theme"] == "ports_shipping")["meeting_date"])
    assert ports == ["2024-06-03"]


def test_theme_phrases_of_outbound_talks(ref):
    text = (
        "Date: 2024-10-09\n\n"
        "Yunnan Governor Wang Ruolin met with Lao Deputy Prime Minister Somsack Phommavong in Vientiane "
        "on Monday.\n\n"
        "Wang proposed more tour packages for visitors crossing the border and joint projects on climate "
        "adaptation in the Mekong basin. Somsack said Laos was cutting emissions from its factories."
    )
    t = transform(docs(text), ref)
    themes = set(t.meeting_themes["theme"].to_list())
    assert {"tourism", "climate_environment"} <= themes
