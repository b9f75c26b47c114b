"""Rules of issue 14a for trips and days of several meetings (docs/split57_coverage.md, "Session 14
(issue 14a)": kinds of dev misses in trip and multi-meeting articles), on sentences of our own: which
meetings a trip has, who leads each stop, and when each took place."""

from __future__ import annotations

from transform_helpers import docs

from flows.transform import transform


def _meetings(text: str, ref) -> list[tuple[dict, dict[str, dict]]]:
    """(meeting row, participants by name), in meeting order."""
    t = transform(docs(text), ref)
    by_meeting: dict[str, dict[str, dict]] = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], {})[r["person_name"]] = r
    rows = sorted(t.meetings.iter_rows(named=True), key=lambda m: int(m["meeting_id"].rsplit("-", 1)[1]))
    return [(m, by_meeting.get(m["meeting_id"], {})) for m in rows]


def test_a_stop_told_by_weekday_after_a_stop_told_by_date_is_a_meeting_of_its_own(ref):
    # K2: the first stop dated by a date, the next by a weekday: the weekday of the first stop's
    # date tells the two apart (2023-05-09 is a Tuesday)
    by_date_first = (
        " date 2023-05-14\n"
        "Hubei delegation tours Portugal and Spain\n"
        "Hubei Governor Wen Zhaoqing led a provincial delegation to Portugal and Spain this week.\n\n"
        "On May 9 in Lisbon, Wen held talks with Portuguese Minister of Economy Tiago Moura Ribeiro. "
        "Moura Ribeiro said Portugal wants more direct flights.\n\n"
        "On Thursday, Wen was received in Seville by Andalusian regional President Lucia Carmona "
        "Vidal. Carmona Vidal said Andalusia hopes to sell more olive oil to Hubei."
    )
    meetings = _meetings(by_date_first, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Wen Zhaoqing", "Tiago Moura Ribeiro"}
    assert set(p2) == {"Wen Zhaoqing", "Lucia Carmona Vidal"}
    assert str(m1["meeting_date"]) == "2023-05-09"
    assert str(m2["meeting_date"]) == "2023-05-11"
    assert p2["Lucia Carmona Vidal"]["side"] == "host"
    assert p2["Wen Zhaoqing"]["side"] == "guest"
    # ... another wording: day first written "the 3rd of October" style, the host named first and
    # the second stop by "met" with a full name (2024-10-03 is a Thursday)
    by_day_month = (
        " date 2024-10-07\n"
        "Shaanxi party chief visits Kenya and Tanzania\n"
        "Shaanxi Party Secretary Gao Lianfeng concluded a visit to Kenya and Tanzania on Sunday.\n\n"
        "On 3 October in Nairobi, Kenyan Cabinet Secretary for Trade Wanjiru Otieno met with Gao. "
        "Otieno said Kenya hopes to export more avocados to Shaanxi.\n\n"
        "On Saturday in Arusha, Gao met Regional Commissioner Baraka Mushi Lyimo. Lyimo invited "
        "Shaanxi firms to invest in coffee processing."
    )
    meetings = _meetings(by_day_month, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Gao Lianfeng", "Wanjiru Otieno"}
    assert set(p2) == {"Gao Lianfeng", "Baraka Mushi Lyimo"}
    assert str(m1["meeting_date"]) == "2024-10-03"
    assert str(m2["meeting_date"]) == "2024-10-05"


def test_a_lede_naming_every_stops_host_gives_one_meeting_per_stop_dated_by_its_own_sentence(ref):
    # K1: the lede sums up the trip, naming each stop's host after its verb and no day; each host
    # is named again, alone, on a day of its own: one meeting per host, each on its own day, the
    # foreign host at home ("a delegation to <country>" is where the trip went)
    by_surname = (
        " date 2022-09-24\n"
        "Yunnan delegation visits Laos and Cambodia\n"
        "Yunnan Governor Ruan Haoming led a provincial delegation to Laos and Cambodia this week, "
        "holding talks with Lao Minister of Public Works Khamphet Sisavath and Cambodian Minister of "
        "Commerce Sovann Rithy.\n\n"
        "In Vientiane on Tuesday, Khamphet met with Ruan at the ministry. Khamphet said Laos wants "
        "more freight trains on the Laos-China Railway.\n\n"
        "On Thursday the delegation flew to Phnom Penh, where Sovann received Ruan. Sovann invited "
        "Yunnan firms to invest in rice mills.\n\n"
        "Yunnan Vice Governor Tao Xuelian was present at both meetings."
    )
    meetings = _meetings(by_surname, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Ruan Haoming", "Khamphet Sisavath", "Tao Xuelian"}
    assert set(p2) == {"Ruan Haoming", "Sovann Rithy", "Tao Xuelian"}
    assert str(m1["meeting_date"]) == "2022-09-20"
    assert str(m2["meeting_date"]) == "2022-09-22"
    assert p1["Khamphet Sisavath"]["side"] == "host"
    assert p2["Sovann Rithy"]["side"] == "host"
    assert p1["Ruan Haoming"]["side"] == p2["Ruan Haoming"]["side"] == "guest"
    assert m1["counterpart_countries"] == m2["counterpart_countries"] == ["CN"]
    # ... another wording: the hosts listed after "was received by", three stops, each host named
    # again by title and surname with another verb ("welcomed", "hosted")
    by_title = (
        " date 2025-04-12\n"
        "Wuhan mayor wraps up visit to France\n"
        "Wuhan Mayor Pei Jingwen concluded a visit to France this week during which she was received "
        "by Lyon Mayor Thierry Vasseur, Bordeaux Deputy Mayor Claire Mirabeau and Toulouse Mayor Paul "
        "Delacroix-Ferrand.\n\n"
        "On Monday, Mayor Vasseur received Pei at Lyon City Hall. Vasseur said Lyon and Wuhan have been "
        "sister cities since 1976.\n\n"
        "On Wednesday, Deputy Mayor Mirabeau hosted Pei in Bordeaux. The two sides discussed wine "
        "trade.\n\n"
        "On Thursday, in Toulouse, Mayor Delacroix-Ferrand welcomed Pei. They discussed aircraft "
        "parts."
    )
    meetings = _meetings(by_title, ref)
    assert len(meetings) == 3
    assert [set(p) for _, p in meetings] == [
        {"Pei Jingwen", "Thierry Vasseur"},
        {"Pei Jingwen", "Claire Mirabeau"},
        {"Pei Jingwen", "Paul Delacroix-Ferrand"},
    ]
    assert [str(m["meeting_date"]) for m, _ in meetings] == ["2025-04-07", "2025-04-09", "2025-04-10"]


def test_a_stop_past_the_days_listed_respectively_is_a_meeting_of_its_own(ref):
    # K6: the traveller met two hosts "respectively" on two dates, then a third on a weekday of
    # its own: that host leads a third meeting (not every one), dated by its sentence
    text = (
        " date 2024-03-17\n"
        "Hainan party chief visits Thailand and Vietnam\n"
        "Hainan Party Secretary Lan Zhiheng met with Chiang Mai Governor Somsak Thongdee and Da Nang "
        "Chairman Le Quang Vinh on 11 and 12 March, respectively.\n\n"
        "Somsak said Chiang Mai wants more flights to Haikou.\n\n"
        "On Thursday, Lan was received in Hanoi by Vietnamese Minister of Transport Pham Duc Thang. "
        "Pham said Vietnam hopes to open a new sea route to Haikou."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 3
    assert [set(p) for _, p in meetings] == [
        {"Lan Zhiheng", "Somsak Thongdee"},
        {"Lan Zhiheng", "Le Quang Vinh"},
        {"Lan Zhiheng", "Pham Duc Thang"},
    ]
    assert str(meetings[2][0]["meeting_date"]) == "2024-03-14"
    assert meetings[2][1]["Pham Duc Thang"]["side"] == "host"
    # ... another wording: a mayor at home met two guests respectively, then a third guest on
    # another day named by full name after "met with"
    at_home = (
        " date 2023-11-11\n"
        "Xiamen mayor meets consuls general\n"
        "Xiamen Mayor Zhuang Minghui met with Philippine Consul General Ramon Dizon Cruz and Thai "
        "Consul General Anong Srisuk on 6 and 7 November, respectively.\n\n"
        "Cruz said more Filipino students want to study in Xiamen.\n\n"
        "On Thursday, Zhuang met with Singaporean Senior Minister of State Tan Kok Wee. Tan said "
        "Singapore firms want to invest in Xiamen's port."
    )
    meetings = _meetings(at_home, ref)
    assert len(meetings) == 3
    assert set(meetings[2][1]) == {"Zhuang Minghui", "Tan Kok Wee"}
    assert meetings[2][1]["Tan Kok Wee"]["side"] == "guest"
    assert str(meetings[2][0]["meeting_date"]) == "2023-11-09"


def test_the_day_a_sentence_before_the_lede_gives_the_days_meetings_dates_them(ref):
    # K5: the sentence before the lede sums up the day ("met separate guests ... on Thursday",
    # "held two meetings ... on Monday"); the meetings' own sentences state no day
    by_verb = (
        " date 2024-04-13\n"
        "Kunming leaders receive guests from Laos and Nepal\n"
        "Kunming's two top officials met separate guests from South Asia and Southeast Asia on "
        "Thursday.\n\n"
        "Party Secretary Tian Rongsheng received Lao Vice Minister of Energy Vilayphong Sirisack. "
        "They discussed power grid links.\n\n"
        "Later that day, Mayor Qiu Jianmin met Nepalese Consul General Suman Adhikari Rai. Qiu said "
        "Kunming hopes to welcome more Nepalese tourists."
    )
    meetings = _meetings(by_verb, ref)
    assert len(meetings) == 2
    assert [str(m["meeting_date"]) for m, _ in meetings] == ["2024-04-11", "2024-04-11"]
    # ... another wording: a noun of meetings, a date, the host named with an office after his name
    by_noun = (
        " date 2021-06-30\n"
        "Harbin mayor holds talks with Russian guests\n"
        "HARBIN -- Zhong Lihua, mayor of Harbin, held two rounds of talks with Russian guests "
        "attending the trade fair on June 28.\n\n"
        "In the morning, Zhong met with Khabarovsk Governor Pavel Dorofeev. They discussed cross-border "
        "trains.\n\n"
        "In the afternoon, Zhong met with Amur Governor Viktor Lisitsyn. They discussed soybean trade."
    )
    meetings = _meetings(by_noun, ref)
    assert len(meetings) == 2
    assert [str(m["meeting_date"]) for m, _ in meetings] == ["2021-06-28", "2021-06-28"]


def test_a_stops_talks_told_by_their_discussion_make_it_a_meeting_and_throughout_reaches_every_stop(ref):
    # K3: a later stop's host named once, the talks told by the next sentence opening on "Their
    # discussion covered" / "Their talks focused on" (`talks_followup`): a meeting of its own; a
    # companion "accompanied throughout" (`every_meeting`) is at both stops
    discussion = (
        " date 2024-11-16\n"
        "Minister wraps up China visit\n"
        "Queensland's Minister for Trade, Harriet Colbourne, has concluded a visit to China.\n\n"
        "On Monday (11 November) in Hangzhou, Ms Colbourne met Zhejiang Governor Lou Xiaoming. The two "
        "discussed dairy exports.\n\n"
        "On Wednesday in Xiamen, the Minister was received by Fujian Vice Governor Qiu Dongsheng. Their "
        "discussion covered seafood trade and direct flights.\n\n"
        "The Minister was accompanied throughout by Queensland's Trade Commissioner Owen Tremayne."
    )
    meetings = _meetings(discussion, ref)
    assert len(meetings) == 2
    (_, p1), (m2, p2) = meetings
    assert set(p1) == {"Harriet Colbourne", "Lou Xiaoming", "Owen Tremayne"}
    assert set(p2) == {"Harriet Colbourne", "Qiu Dongsheng", "Owen Tremayne"}
    assert str(m2["meeting_date"]) == "2024-11-13"
    assert p2["Qiu Dongsheng"]["side"] == "host"
    # ... another wording: "Their talks focused on", the traveller by surname, a date for the stop
    talks = (
        " date 2023-08-26\n"
        "Saxony delegation in Sichuan and Shaanxi\n"
        "A Saxon business delegation led by State Secretary Jonas Reinholt visited China this week.\n\n"
        "On Monday in Chengdu, Reinholt met Sichuan Vice Governor Deng Weiguo. They discussed rail "
        "freight.\n\n"
        "On Thursday, Reinholt was received in Xi'an by Shaanxi Vice Governor Fang Kaiyu. Their talks "
        "focused on aviation parts and vocational training."
    )
    meetings = _meetings(talks, ref)
    assert len(meetings) == 2
    assert set(meetings[1][1]) == {"Jonas Reinholt", "Fang Kaiyu"}
    assert str(meetings[1][0]["meeting_date"]) == "2023-08-24"


def test_also_under_a_lede_of_separate_meetings_names_one_of_them(ref):
    # K4: "held separate talks with three groups of guests ... on Friday", the guests named one
    # paragraph each; "X also met B" is one of those meetings, not another event; "Meeting
    # <demonym> Minister of Mining, Energy and Water B, X said": the portfolio's comma list
    # describes B
    text = (
        " date 2024-09-08\n"
        "Vice governor meets guests at Xiamen fair\n"
        "Fujian Vice Governor Ke Yuntao held separate talks with three groups of guests in Xiamen on "
        "Friday, the first day of the investment fair.\n\n"
        "Meeting Zambian Minister of Mining, Energy and Water Chanda Mwale Banda, Ke said Fujian "
        "firms want to build solar farms in Zambia. Banda invited them to the Copperbelt.\n\n"
        "In talks with Eduardo Salcedo Ruiz, Governor of the Peruvian region of Piura, Ke proposed "
        "fruit trade.\n\n"
        "Ke also met Ingrid Haugland, CEO of Norwegian salmon exporter Fjordlaks, who said the firm "
        "plans a processing plant in Fuzhou."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 3
    assert [set(p) for _, p in meetings] == [
        {"Ke Yuntao", "Chanda Mwale Banda"},
        {"Ke Yuntao", "Eduardo Salcedo Ruiz"},
        {"Ke Yuntao", "Ingrid Haugland"},
    ]
    assert meetings[2][1]["Ingrid Haugland"]["side"] == "guest"
    assert meetings[0][1]["Chanda Mwale Banda"]["country"] == "ZM"
    # ... another wording: "met separately", the guests by office, "also held talks with"
    separately = (
        " date 2022-05-21\n"
        "Dalian mayor meets business guests\n"
        "Dalian Mayor Hao Jinsong met separately with foreign business leaders on Thursday.\n\n"
        "In his meeting with Takeshi Ozawa, President of Japanese bearing maker Kitahara Seiko, Hao "
        "said Dalian welcomes more Japanese plants.\n\n"
        "Hao also held talks with Brigitte Lemaire, CEO of French cold-chain group Froidex. Lemaire "
        "said Froidex will open a warehouse at Dalian port."
    )
    meetings = _meetings(separately, ref)
    assert len(meetings) == 2
    assert [set(p) for _, p in meetings] == [
        {"Hao Jinsong", "Takeshi Ozawa"},
        {"Hao Jinsong", "Brigitte Lemaire"},
    ]


def test_a_greeting_gerund_reaches_a_guest_after_a_portfolio_listed_with_commas(ref):
    # "Meeting <demonym> Minister of A, B and C <name>, <host> said": the comma list of the
    # portfolio describes the guest, the gerund's guest is the person after it
    text = (
        " date 2025-02-15\n"
        "Hunan governor meets guests\n"
        "Hunan Governor Mao Guoliang met separately with visiting ministers in Changsha on Thursday.\n\n"
        "Meeting Ghanaian Minister of Energy, Transport and Housing Kwame Asante Boadu, Mao said "
        "the province wants to buy more cocoa.\n\n"
        "Meeting Chilean Minister of Economy, Development and Tourism Rocio Valdes Arancibia, Mao "
        "proposed direct flights."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    for (_, people_here), name, iso in zip(
        meetings, ("Kwame Asante Boadu", "Rocio Valdes Arancibia"), ("GH", "CL"), strict=True
    ):
        assert set(people_here) == {"Mao Guoliang", name}
        assert people_here[name]["title"] == "Minister"
        assert people_here[name]["country"] == iso
        assert people_here[name]["side"] == "guest"


def test_the_delegation_at_a_later_stop_brings_its_head_named_above_the_lede(ref):
    # K3: the delegation's head is named in a "led by" sentence above a lede that names no guest
    # ("akim D met with the delegation"); at the next stop "the delegation was received by O":
    # the head leads that meeting too, and O hosts it
    text = (
        " date 2024-06-20\n"
        "Lanzhou delegation wraps up Uzbekistan visit\n"
        "A Lanzhou municipal delegation led by Party Secretary Dong Pengfei visited Tashkent and "
        "Bukhara from 14 to 18 June.\n\n"
        "On Saturday (15 June), Tashkent Mayor Rustam Nazarov met with the delegation in Tashkent. "
        "Nazarov proposed "
        "direct flights.\n\n"
        "On Monday (17 June), the delegation was received in Bukhara by Bukhara Governor Farkhod "
        "Ismoilov. Ismoilov invited Lanzhou firms to invest in cotton mills."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    (_, p1), (m2, p2) = meetings
    assert set(p1) == {"Dong Pengfei", "Rustam Nazarov"}
    assert set(p2) == {"Dong Pengfei", "Farkhod Ismoilov"}
    assert p2["Farkhod Ismoilov"]["side"] == "host"
    assert p2["Dong Pengfei"]["side"] == "guest"
    assert str(m2["meeting_date"]) == "2024-06-17"
    # ... another wording: "welcomed the delegation" first, then "the delegation held talks with"
    other = (
        " date 2023-10-14\n"
        "Nanning delegation visits Laos\n"
        "A Nanning delegation headed by Mayor Wu Guanghui was in Laos this week.\n\n"
        "On Tuesday, Vientiane Governor Athsaphangthong Siphandone welcomed the delegation in "
        "Vientiane. They "
        "discussed bus links.\n\n"
        "On Thursday, the delegation held talks in Luang Prabang with Governor Khamkhan Chanthavisouk. "
        "The two sides agreed to promote tourism."
    )
    meetings = _meetings(other, ref)
    assert len(meetings) == 2
    assert set(meetings[1][1]) == {"Wu Guanghui", "Khamkhan Chanthavisouk"}
    assert meetings[1][1]["Khamkhan Chanthavisouk"]["side"] == "host"


def test_the_following_day_in_the_lede_dates_the_second_meeting(ref):
    # K8: "met A on Friday and B the following day": the second meeting is the day after the first
    text = (
        " date 2024-03-18\n"
        "Tianjin mayor meets business groups\n"
        "Tianjin Mayor Yan Jinbo met with the board of the British Chamber of Commerce in China on "
        "Thursday and with a delegation of the Korea Chamber of Commerce the following day.\n\n"
        "Meeting chamber chair Oliver Pembroke on Thursday, Yan said Tianjin welcomes British banks.\n\n"
        "On Friday, Yan met Park Joon-seo, the Korea Chamber's vice chairman. Park said Korean firms "
        "want to expand in the Binhai district."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    assert [str(m["meeting_date"]) for m, _ in meetings] == ["2024-03-14", "2024-03-15"]
    # ... another wording: a date and "the next day", the guests by full name in the lede
    other = (
        " date 2022-11-12\n"
        "Xi'an vice mayor meets consuls\n"
        "Xi'an Vice Mayor Ren Jiahui met Consul General Ilse Vermeulen of Belgium on November 9 and "
        "Consul General Tomas Novak of the Czech Republic the next day.\n\n"
        "Vermeulen said Belgian firms want to join the Xi'an trade fair. Novak proposed a beer "
        "festival."
    )
    meetings = _meetings(other, ref)
    assert [str(m["meeting_date"]) for m, _ in meetings] == ["2022-11-09", "2022-11-10"]


# Issue 14e (split 58's kinds, docs/split58_coverage.md "Session 14 (issue 14e)")


def test_a_later_stop_whose_talks_are_told_by_a_participle_is_a_meeting_of_its_own(ref):
    # T1: a stop told in one sentence on a day of its own whose talks follow as a participle
    # (", discussing ...", ", exchanging views on ...") rather than a sentence of their own
    text = (
        " date 2025-05-20\n"
        "Sichuan delegation visits France and Spain\n"
        "Sichuan Governor Luo Tingwen led a provincial delegation to France and Spain last week.\n\n"
        "In Lyon on Monday, Luo met with Mayor of Lyon Etienne Marchetti. Marchetti said Lyon "
        "hoped to open more flights to Chengdu.\n\n"
        "On Thursday, Luo met with Spanish Minister of Agriculture and Fisheries Ramon "
        "Ibarguren in Madrid, discussing pork exports and olive oil."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    (_m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Luo Tingwen", "Etienne Marchetti"}
    assert set(p2) == {"Luo Tingwen", "Ramon Ibarguren"}
    assert p2["Ramon Ibarguren"]["side"] == "host"
    assert p2["Ramon Ibarguren"]["title"] == "Minister"
    assert str(m2["meeting_date"]) == "2025-05-15"
    # ... another wording: the host named first, "exchanging views on", a portfolio ending in "Nature"
    other = (
        " date 2024-09-30\n"
        "Guizhou party chief tours Denmark and Norway\n"
        "Guizhou Party Secretary Meng Qingyuan led a delegation to Denmark and Norway from "
        "September 22 to 28.\n\n"
        "On Tuesday in Copenhagen, Danish Minister of Environment and Nature Freja Holmgaard "
        "received Meng. Holmgaard said Denmark wanted to share wind power know-how.\n\n"
        "On Friday, Meng held talks with Mayor of Bergen Sindre Aasheim in Bergen, exchanging "
        "views on salmon farming and port cooperation."
    )
    meetings = _meetings(other, ref)
    assert len(meetings) == 2
    (_m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Meng Qingyuan", "Freja Holmgaard"}
    assert set(p2) == {"Meng Qingyuan", "Sindre Aasheim"}
    assert str(m2["meeting_date"]) == "2024-09-27"


def test_a_gerund_of_meeting_after_a_comma_tells_the_trips_meetings(ref):
    # T2: "led a delegation to A and B, meeting the <demonym> <office> X in P and ... respectively":
    # the bare gerund (no "with") before an office, a demonym or a country is the lede's verb
    text = (
        " date 2024-04-12\n"
        "Guangxi chairman visits Cambodia and Malaysia\n"
        "Guangxi Chairman Tang Weihua led a regional delegation to Cambodia and Malaysia, meeting "
        "the Cambodian Minister of Commerce Sokha Vanrith in Phnom Penh and Malaysian Deputy "
        "Minister of Transport Faizal Rahman in Kuala Lumpur on 8 and 10 April, respectively.\n\n"
        "In Phnom Penh, Sokha said Cambodia wanted to sell more rice to Guangxi. In Kuala Lumpur, "
        "Faizal said Malaysia hoped to expand the port link with Qinzhou."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Tang Weihua", "Sokha Vanrith"}
    assert set(p2) == {"Tang Weihua", "Faizal Rahman"}
    assert [str(m1["meeting_date"]), str(m2["meeting_date"])] == ["2024-04-08", "2024-04-10"]
    assert p1["Sokha Vanrith"]["side"] == "host"
    # ... another wording: one host, an office with no determiner, a weekday
    other = (
        " date 2022-06-18\n"
        "Hainan vice governor in Singapore\n"
        "Hainan Vice Governor Shen Danyang wrapped up a two-day visit to Singapore, "
        "meeting Singapore Minister for Trade Alvin Koh Wei Ming on Wednesday.\n\n"
        "Koh said Singapore firms were keen on the free trade port."
    )
    meetings = _meetings(other, ref)
    assert len(meetings) == 1
    (m1, p1) = meetings[0]
    assert set(p1) == {"Shen Danyang", "Alvin Koh Wei Ming"}
    assert str(m1["meeting_date"]) == "2022-06-15"


def test_a_visit_that_followed_another_leaders_meeting_does_not_bring_that_leader(ref):
    # T3 (mentioned): "The minister's visit followed President C's meeting with ...": a visit noun
    # as the subject of a verb of sequence tells of another event; its people are only cited
    text = (
        " date 2024-05-14\n"
        "Lanzhou mayor meets Uzbek minister\n"
        "Lanzhou Mayor Pan Jinhui met with Uzbek Minister of Transport Sardor Nurmatov on Monday.\n"
        "Nurmatov said Uzbekistan hoped to run more freight trains to Lanzhou.\n"
        "The minister's visit followed President Bakhtiyor Rashidov's meeting with Chinese leaders in "
        "Tianjin."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 1
    assert set(meetings[0][1]) == {"Pan Jinhui", "Sardor Nurmatov"}
    # ... another wording: "trip", "preceded", a meeting with a named host
    other = (
        " date 2023-02-08\n"
        "Chongqing vice mayor receives Polish envoy\n"
        "Polish Ambassador Marek Zielinski was received by Chongqing Vice Mayor Hu Xinhong on "
        "Tuesday. The two discussed rail freight.\n"
        "The ambassador's trip preceded Deputy Prime Minister Adam Wrobel's meeting with Governor "
        "Tang Liangjie in Chengdu."
    )
    meetings = _meetings(other, ref)
    assert len(meetings) == 1
    assert set(meetings[0][1]) == {"Marek Zielinski", "Hu Xinhong"}


def test_the_two_discussed_after_a_later_stop_makes_it_a_meeting_of_its_own(ref):
    # T5: "The two discussed ..." (no "sides") after a later stop's sentence reports that stop's
    # talks, as "The two sides discussed" does
    text = (
        " date 2024-03-25\n"
        "Hebei delegation visits Poland and Czechia\n"
        "Hebei Governor Ding Haoyu led a delegation to Poland and the Czech Republic last week.\n\n"
        "In Warsaw on Monday, Ding held talks with Polish Minister of Development Jan Wolski. Wolski "
        "said Poland hoped for more rail freight.\n\n"
        "On Thursday, Ding was received by Mayor of Brno Pavla Novotna. The two discussed "
        "university exchanges."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    assert set(meetings[1][1]) == {"Ding Haoyu", "Pavla Novotna"}
    assert str(meetings[1][0]["meeting_date"]) == "2024-03-21"
    # ... another wording: the host as subject, "The two agreed"
    other = (
        " date 2019-10-14\n"
        "Fujian party chief in Chile and Peru\n"
        "Fujian Party Secretary Yin Zhaohua led a provincial delegation to Chile and Peru.\n\n"
        "On Tuesday in Santiago, Yin met Chilean Minister of Agriculture Tomas Fuenzalida. "
        "Fuenzalida said Chile hoped to sell more cherries.\n\n"
        "On Friday, Mayor of Lima Rosa Quispe Huaman met Yin. The two agreed to boost direct flights."
    )
    meetings = _meetings(other, ref)
    assert len(meetings) == 2
    assert set(meetings[1][1]) == {"Yin Zhaohua", "Rosa Quispe Huaman"}


def test_a_greeting_gerund_reaches_a_guest_after_a_one_word_portfolio_of_a_bodys_name(ref):
    # T6 (widens 14a's K4): "Meeting <demonym> Minister of Industry X, A said": a single portfolio
    # word that is also a word of bodies' names ("Industry", "Commerce") describes the guest too
    text = (
        " date 2023-11-06\n"
        "Hunan governor meets expo guests\n"
        "Hunan Governor Mao Weiming on Sunday held separate talks in Changsha with foreign guests "
        "attending the China-Africa Economic and Trade Expo.\n\n"
        "Meeting Ghanaian Minister of Industry Kofi Asante Boateng, Mao said Hunan would help build "
        "a textile park in Kumasi.\n\n"
        "Mao also met with Zambian Minister of Agriculture Mutale Chanda. They discussed soybean "
        "exports."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    assert set(meetings[0][1]) == {"Mao Weiming", "Kofi Asante Boateng"}
    assert meetings[0][0]["counterpart_countries"] == ["GH"]
    assert set(meetings[1][1]) == {"Mao Weiming", "Mutale Chanda"}
    # ... another wording: "Commerce", the host's surname after the guest's clause
    other = (
        " date 2022-09-19\n"
        "Nanning mayor meets ASEAN guests\n"
        "Nanning Mayor Wu Fangtian held separate talks on Saturday with guests at the China-ASEAN "
        "Expo.\n\n"
        "Meeting Cambodian Minister of Commerce Sok Pisey, Wu said Nanning hoped to buy more "
        "cassava.\n\n"
        "Wu also met Lao Minister of Energy Khamsay Phommachanh. They discussed power links."
    )
    meetings = _meetings(other, ref)
    assert len(meetings) == 2
    assert set(meetings[0][1]) == {"Wu Fangtian", "Sok Pisey"}


# Issue 15a (kinds of dev's trip misses after split 63, docs/split63_coverage.md "Session 15")


def test_a_stop_told_by_a_date_after_a_stop_told_by_a_weekday_is_a_meeting_of_its_own(ref):
    # K10 (14a K2's mirror): the first stop dated by a weekday, the next by a day of the month: the
    # date's weekday tells the two apart (2022-03-24 is a Thursday); "attended the meeting in
    # Porto" goes to the stop whose sentence ends "in Porto"
    weekday_then_ordinal = (
        " date 2022-03-27\n"
        "Fujian governor tours Portugal and Spain\n"
        "Fujian Governor Lin Haoyu led a provincial delegation to Portugal and Spain this week.\n\n"
        "On Monday, Lin held talks with Mayor of Porto Duarte Meireles Sampaio in Porto. Sampaio "
        "said the port of Leixoes wants more cargo from Xiamen.\n\n"
        "On the 24th, Lin was received by Valencian regional President Rocio Ferrandis Llorca. "
        "Ferrandis said Valencia hopes to sell more citrus to Fujian.\n\n"
        "Chinese Consul General Tang Wenqiao attended the meeting in Porto."
    )
    meetings = _meetings(weekday_then_ordinal, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Lin Haoyu", "Duarte Meireles Sampaio", "Tang Wenqiao"}
    assert set(p2) == {"Lin Haoyu", "Rocio Ferrandis Llorca"}
    assert str(m1["meeting_date"]) == "2022-03-21"
    assert str(m2["meeting_date"]) == "2022-03-24"
    assert m2["weekday"] is None
    assert p2["Rocio Ferrandis Llorca"]["side"] == "host"
    # ... another wording: the host named first at the first stop, the later stop by a month and
    # day and the traveller's full name (2019-10-17 is a Thursday)
    weekday_then_date = (
        " date 2019-10-20\n"
        "Ningxia chairman visits Jordan and Egypt\n"
        "On Tuesday, Jordanian Minister of Tourism Hani Qudah Nasser met with Ningxia Chairman "
        "Xian Huifang in Amman. Nasser said Jordan hopes for more visitors from Yinchuan.\n\n"
        "On October 17, Xian Huifang held talks with Governor of Giza Tarek Mansour Fathi. The two "
        "sides discussed halal food and solar power."
    )
    meetings = _meetings(weekday_then_date, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Xian Huifang", "Hani Qudah Nasser"}
    assert set(p2) == {"Xian Huifang", "Tarek Mansour Fathi"}
    assert str(m1["meeting_date"]) == "2019-10-15"
    assert str(m2["meeting_date"]) == "2019-10-17"


def test_a_pronoun_at_a_later_stop_is_the_traveller_not_the_previous_host(ref):
    # K12: "he" opening a later stop's sentence goes on with the lede's one subject (the traveller),
    # not with the previous stop's host named last before it ("Bassani Ferro said ...")
    after_host_speaks = (
        " date 2023-06-10\n"
        "Henan governor tours Italy and Austria\n"
        "On Monday, Henan Governor Dong Peirong held talks with Mayor of Turin Lorenzo Bassani Ferro "
        "in Turin. Bassani Ferro said Turin hopes to attract Henan car parts makers.\n\n"
        "In Vienna, he was received by Mayor Klaus Windhager on Thursday. Windhager said Vienna "
        "wants more flights from Zhengzhou."
    )
    meetings = _meetings(after_host_speaks, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Dong Peirong", "Lorenzo Bassani Ferro"}
    assert set(p2) == {"Dong Peirong", "Klaus Windhager"}
    assert p2["Klaus Windhager"]["side"] == "host"
    assert p2["Dong Peirong"]["side"] == "guest"
    assert [str(m1["meeting_date"]), str(m2["meeting_date"])] == ["2023-06-05", "2023-06-08"]
    # ... another wording: the day and the place both before "she", the traveller a guest at home
    # of the hosts
    two_openers = (
        " date 2021-11-20\n"
        "New Zealand minister visits Guangdong and Fujian\n"
        "On Tuesday, in Guangzhou, New Zealand Minister of Trade Aroha Whitfield-Kerr met Guangdong "
        "Vice Governor Fang Zhenghao. Fang said Guangdong wants more dairy imports.\n\n"
        "On Thursday, in Fuzhou, she met Fujian Vice Governor Qiu Jianyong. The two sides discussed "
        "kiwifruit exports and tourism."
    )
    meetings = _meetings(two_openers, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Aroha Whitfield-Kerr", "Fang Zhenghao"}
    assert set(p2) == {"Aroha Whitfield-Kerr", "Qiu Jianyong"}
    assert p2["Qiu Jianyong"]["side"] == "host"
    assert [str(m1["meeting_date"]), str(m2["meeting_date"])] == ["2021-11-16", "2021-11-18"]


def test_a_later_stop_told_by_a_day_relative_to_the_trip_is_a_meeting_dated_by_it(ref):
    # K11: "N days later" after a stop told by a date is a stop of its own on that date plus N;
    # "on the last day of the visit" is a stop of its own on the last day of the span the report
    # states; neither states a weekday
    days_later = (
        " date 2023-09-22\n"
        "Guangxi delegation visits Vietnam and Cambodia\n"
        "A Guangxi delegation led by Guangxi Vice Chairman Tan Shaoliang has returned from Vietnam "
        "and Cambodia.\n\n"
        "In Hanoi on September 12, Tan met with Vietnamese Deputy Minister of Industry Pham Quoc "
        "Vinh. Pham said Vietnam wants more rail freight to Nanning.\n\n"
        "Three days later, in Phnom Penh, Tan held talks with Cambodian Minister of Commerce Chea "
        "Sokhom. The two sides discussed rice and cassava exports."
    )
    meetings = _meetings(days_later, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Tan Shaoliang", "Pham Quoc Vinh"}
    assert set(p2) == {"Tan Shaoliang", "Chea Sokhom"}
    assert str(m1["meeting_date"]) == "2023-09-12"
    assert str(m2["meeting_date"]) == "2023-09-15"
    assert m2["weekday"] is None
    # ... another wording: the first stop by a weekday, the traveller received by the second host,
    # the span stated in the first sentence ("from May 13 to 15")
    last_day = (
        " date 2024-05-17\n"
        "Chilean minister visits Sichuan and Yunnan\n"
        "Chilean Minister of Agriculture Ignacio Valdes Fuentes visited Sichuan and Yunnan from May 13 "
        "to 15.\n\n"
        "On Tuesday, Valdes met with Sichuan Vice Governor Ren Zhongwei in Chengdu. Ren said Sichuan "
        "wants more Chilean cherries.\n\n"
        "On the last day of the visit, Valdes was received by Yunnan Vice Governor He Liwen in "
        "Kunming. They discussed flowers and coffee."
    )
    meetings = _meetings(last_day, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Ignacio Valdes Fuentes", "Ren Zhongwei"}
    assert set(p2) == {"Ignacio Valdes Fuentes", "He Liwen"}
    assert str(m1["meeting_date"]) == "2024-05-14"
    assert str(m2["meeting_date"]) == "2024-05-15"
    assert m2["weekday"] is None


def test_the_travellers_office_at_a_later_stop_brings_the_traveller(ref):
    # K12': "the <office>" opening a later stop that names none of the lede's leads is the lede lead
    # whose title ends on that word ("the minister" for a Foreign Minister, "the mayor" for a Lord
    # Mayor; the traveller named in full only in the lede)
    minister = (
        " date 2022-06-11\n"
        "Irish minister visits Jiangsu and Zhejiang\n"
        "On Tuesday, Irish Minister for Foreign Affairs Ciaran Moloney-Hart was received in Nanjing "
        "by Jiangsu Vice Governor Pan Yuxiang. Pan said Jiangsu welcomes Irish dairy firms.\n\n"
        "On Thursday, the minister met Zhejiang Vice Governor Lou Jianhua in Hangzhou. The two "
        "sides discussed software and tourism."
    )
    meetings = _meetings(minister, ref)
    assert len(meetings) == 2
    (_m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Ciaran Moloney-Hart", "Pan Yuxiang"}
    assert set(p2) == {"Ciaran Moloney-Hart", "Lou Jianhua"}
    assert p2["Ciaran Moloney-Hart"]["side"] == "guest"
    assert str(m2["meeting_date"]) == "2022-06-09"
    # ... another wording: a Lord Mayor's tour, the later stop's place before the office, the
    # traveller received there
    mayor = (
        " date 2019-09-28\n"
        "Bristol lord mayor visits Jiangsu and Anhui\n"
        "On Monday, Lord Mayor of Bristol Eleanor Pryce-Whitley met with Jiangsu Vice Governor Ma "
        "Xinhe in Nanjing. Ma said Jiangsu wants more British students.\n\n"
        "On Wednesday, in Hefei, the mayor was received by Anhui Vice Governor Zhou Xiwen. They "
        "discussed aerospace and universities."
    )
    meetings = _meetings(mayor, ref)
    assert len(meetings) == 2
    (_m1, p1), (m2, p2) = meetings
    assert set(p2) == {"Eleanor Pryce-Whitley", "Zhou Xiwen"}
    assert p2["Zhou Xiwen"]["side"] == "host"
    assert str(m2["meeting_date"]) == "2019-09-25"


def test_a_lede_dated_only_by_its_dateline_is_told_apart_from_an_earlier_stop(ref):
    # K14: a lede stating no day of its own is on its dateline's day (the weekday read off it is no
    # weekday stated), so "Earlier, on Monday, ..." with a lead of its own is an earlier stop, a
    # meeting of its own, not a repeat of the lede ("earlier" before a day: `earlier_stop_marker`)
    dateline = (
        " date 2024-05-24\n"
        "Shaanxi governor visits Czech Republic and Slovakia\n"
        "PRAGUE, May 22 (Xinhua) -- Visiting Shaanxi Governor Zhao Weiguo met with Czech Minister "
        "of Industry Petr Vondracek-Hlavac here to discuss machinery and rail links.\n\n"
        "Vondracek-Hlavac said Czech firms hope to supply more trams to Xi'an.\n\n"
        "Earlier, on Monday, Zhao held talks with Slovak Minister of Economy Jana Kollarova-Dubska "
        "in Bratislava. They discussed car parts and tourism."
    )
    meetings = _meetings(dateline, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Zhao Weiguo", "Petr Vondracek-Hlavac"}
    assert set(p2) == {"Zhao Weiguo", "Jana Kollarova-Dubska"}
    assert [str(m1["meeting_date"]), str(m2["meeting_date"])] == ["2024-05-22", "2024-05-20"]
    # ... another wording: day before month, the traveller received by the host, the earlier stop
    # by a full name and "met with"
    received = (
        " date 2023-10-11\n"
        "Yunnan vice governor in Italy\n"
        "ROME, 9 October (Xinhua) -- Yunnan Vice Governor Wang Shunxi was received by Lazio regional "
        "President Francesca Orsini-Belli here.\n\n"
        "Orsini-Belli said Lazio wants more Yunnan coffee and flowers.\n\n"
        "Earlier, on Saturday, Wang Shunxi met with Mayor of Naples Gennaro Esposito-Ruggiero in "
        "Naples. The two sides discussed port cooperation."
    )
    meetings = _meetings(received, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Wang Shunxi", "Francesca Orsini-Belli"}
    assert set(p2) == {"Wang Shunxi", "Gennaro Esposito-Ruggiero"}
    assert [str(m1["meeting_date"]), str(m2["meeting_date"])] == ["2023-10-09", "2023-10-07"]


def test_stops_told_only_by_place_take_the_days_a_summary_gives_their_places(ref):
    # K13: "holding talks in A on <date> and in B on <date>" above stops told only by their place
    # ("In A, ...", "In B, ..."): each stop takes its place's day, so they are two meetings; a day
    # another event gives a place ("the fair opening in B on September 4") is no stop's
    summary = (
        " date 2019-07-09\n"
        "Jilin governor visits Mongolia\n"
        "Jilin Governor Han Zhenbo led a delegation to Mongolia from July 2 to 6, holding talks in "
        "Ulaanbaatar on July 2 and in Darkhan on July 4.\n\n"
        "In Ulaanbaatar, Han met with Mongolian Minister of Agriculture Batbayar Erdene-Ochir. The two "
        "sides discussed meat exports.\n\n"
        "In Darkhan, Han was received by Governor of Darkhan-Uul Province Tsend Munkhbat. Munkhbat "
        "invited Jilin firms to the trade fair opening in Darkhan on September 4."
    )
    meetings = _meetings(summary, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Han Zhenbo", "Batbayar Erdene-Ochir"}
    assert set(p2) == {"Han Zhenbo", "Tsend Munkhbat"}
    assert [str(m1["meeting_date"]), str(m2["meeting_date"])] == ["2019-07-02", "2019-07-04"]
    # ... another wording: day before month, the host named first at each stop, a foreign
    # minister's tour of two Chinese provinces
    host_first = (
        " date 2021-11-30\n"
        "Danish minister tours Guangdong and Fujian\n"
        "Danish Minister for Trade Karin Lykke-Sorensen visited China last week, with talks in "
        "Guangzhou on 22 November and in Fuzhou on 25 November.\n\n"
        "In Guangzhou, Guangdong Vice Governor Lin Keqing met with Lykke-Sorensen. Lin said "
        "Guangdong welcomes Danish wind turbine makers.\n\n"
        "In Fuzhou, Fujian Vice Governor Guo Ningning held talks with the minister. They discussed "
        "shipping and aquaculture."
    )
    meetings = _meetings(host_first, ref)
    assert len(meetings) == 2
    (m1, p1), (m2, p2) = meetings
    assert set(p1) == {"Karin Lykke-Sorensen", "Lin Keqing"}
    assert set(p2) == {"Karin Lykke-Sorensen", "Guo Ningning"}
    assert [str(m1["meeting_date"]), str(m2["meeting_date"])] == ["2021-11-22", "2021-11-25"]
