"""Each item of docs/upstream/PHENOMENA.md, checked on a fixture article that exercises it.

The end-to-end test compares whole articles with their gold files; these name the phenomenon, so a
regression says which behaviour broke.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest


@pytest.fixture
def corpus(dev_tables):
    """The real transform of the bundled corpus in one batch (conftest: done once per session)."""
    return dev_tables


def _src(prefix: str) -> pl.Expr:
    return pl.col("source_file").str.starts_with(prefix)


def people(t, prefix: str) -> dict[str, dict]:
    return {r["person_name"]: r for r in t.participants.filter(_src(prefix)).iter_rows(named=True)}


def meetings(t, prefix: str) -> list[dict]:
    return t.meetings.filter(_src(prefix)).sort("meeting_id").to_dicts()


def themes(t, prefix: str) -> set[str]:
    return set(t.meeting_themes.filter(_src(prefix))["theme"].to_list())


# Page shape
def test_date_marker_section_line_credits_and_footer(corpus):
    (m,) = meetings(corpus, "f101")
    assert m["published_date"] == date(2024, 3, 22)
    assert "Ti Gong" not in people(corpus, "f101")


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        ("f113", date(2022, 8, 15)),  # 17:00 UTC+8, 2022-08-15
        ("f103", date(2025, 3, 24)),  # Date: 2025-03-24
        ("f105", date(2023, 10, 15)),  # Published: Oct 15, 2023
        ("f106", date(2023, 3, 23)),  # byline ending in Mar 23,2023
        ("f107", date(2017, 11, 23)),  # 2017年11月23日
        ("f109", None),  # dateline without a year
    ],
)
def test_published_date_forms(corpus, prefix, published):
    assert corpus.articles.filter(_src(prefix))["published_date"].to_list() == [published]


def test_standfirst_caption_and_lede_give_one_meeting(corpus):
    assert len(meetings(corpus, "f101")) == 1


def test_duplicated_paragraph_and_phrase(corpus):
    (m,) = meetings(corpus, "f137")
    assert (m["meeting_date"], m["weekday"]) == (date(2024, 6, 14), "Friday")


def test_name_broken_by_a_line_break(corpus):
    assert "Hsu Chih-ming" in people(corpus, "f110")


def test_text_cut_off_at_the_end(corpus):
    assert {"Feng Jianguo", "Yoon Jae-hyuk"} <= set(people(corpus, "f107"))


# Who met whom
def test_guest_first_and_received_by(corpus):
    p = people(corpus, "f114")
    assert p["Yerlan Suleimenov"]["side"] == "guest" and p["Ma Zhiqiang"]["side"] == "host"


def test_titles_before_after_and_around_the_name(corpus):
    assert people(corpus, "f101")["Fiona Pemberton"]["title"] == "Ambassador"  # after
    assert (
        people(corpus, "f102")["Matthias Brenner"]["country"] == "DE"
    )  # the mayor of Düsseldorf, Germany, X
    assert (
        people(corpus, "f103")["Helena Ostrowska"]["title"] == "Managing Director"
    )  # Managing Director of the IMF, X


def test_honorifics_dropped(corpus):
    assert "Markus Reinholt" in people(corpus, "f112")  # Dr. Markus Reinholt


def test_two_hosts_both_lead(corpus):
    p = people(corpus, "f108")
    assert {p["Meng Fanxing"]["role"], p["Qin Weidong"]["role"]} == {"lead"}
    assert p["Meng Fanxing"]["side"] == p["Qin Weidong"]["side"] == "host"


def test_met_separately_gives_one_meeting_per_guest(corpus):
    assert len(meetings(corpus, "f132")) == 2


def test_respectively_dates_each_meeting(corpus):
    assert [m["meeting_date"] for m in meetings(corpus, "f134")] == [date(2023, 6, 26), date(2023, 6, 27)]


def test_group_meeting_of_guests_from_several_countries(corpus):
    (m,) = meetings(corpus, "f135")
    assert set(m["counterpart_countries"]) == {"KH", "IT", "CL"}


def test_attendees_on_both_sides(corpus):
    p = people(corpus, "f102")
    assert (p["Katrin Vogt"]["side"], p["Katrin Vogt"]["role"]) == ("guest", "member")
    assert (p["Luo Qingsong"]["side"], p["Luo Qingsong"]["role"]) == ("host", "member")


def test_international_organisation_official_has_no_country(corpus):
    (m,) = meetings(corpus, "f103")
    assert people(corpus, "f103")["Helena Ostrowska"]["country"] is None
    assert m["counterpart_countries"] == []


@pytest.mark.parametrize(("prefix", "code"), [("f108", "HK"), ("f109", "MO"), ("f145", "TW")])
def test_regions(corpus, prefix, code):
    assert [m["counterpart_countries"] for m in meetings(corpus, prefix)] == [[code]]


def test_state_and_province_imply_country(corpus):
    assert meetings(corpus, "f106")[0]["counterpart_countries"] == ["US"]  # Oregon
    assert meetings(corpus, "f107")[0]["counterpart_countries"] == ["KR"]  # South Jeolla


def test_delegation_abroad_has_a_foreign_host(corpus):
    (m,) = meetings(corpus, "f139")
    assert m["counterpart_countries"] == ["CN"]


def test_video_conference(corpus):
    (m,) = meetings(corpus, "f113")
    assert m["meeting_date"] == date(2022, 8, 12)


def test_signing_after_the_meeting(corpus):
    assert corpus.agreements.filter(_src("f150")).height == 2


# Not participants
def test_quoted_leader_is_not_a_participant(corpus):
    assert "Xi Jinping" not in people(corpus, "004") and "Xi Jinping" not in people(corpus, "f103")


def test_person_met_elsewhere_on_the_trip_is_not_a_participant(corpus):
    assert set(people(corpus, "f147")) == {"Deng Qiyuan", "Ingrid Solberg", "Ren Jiahao"}  # not Luo Pengfei


# When
@pytest.mark.parametrize(
    ("prefix", "meeting_date"),
    [
        ("f102", date(2024, 5, 15)),  # yesterday
        ("f103", date(2025, 3, 24)),  # this afternoon
        ("f106", date(2023, 3, 23)),  # Thursday afternoon, the publication day
        ("f111", date(2024, 6, 14)),  # "Jiefang Daily reported on Sunday"
        ("f116", date(2025, 6, 19)),  # another stop "on Sunday (22 June)"
    ],
)
def test_meeting_date_forms(corpus, prefix, meeting_date):
    assert meetings(corpus, prefix)[0]["meeting_date"] == meeting_date


# What about
def test_no_meeting_articles(corpus):
    for prefix in ("f119", "f120", "f121", "f140", "f141", "f142"):
        assert corpus.articles.filter(_src(prefix))["meeting_count"].to_list() == [0], prefix


def test_menu_words_and_slogans_are_not_themes(corpus):
    assert "sports" not in themes(corpus, "f111")  # a site menu with "Sport"
    assert themes(corpus, "f104") >= {"finance", "clean_energy"}


# Host vs guest decided by who receives the visit (f181-f200)
def _sides(t, prefix: str) -> dict[str, tuple[str, str]]:
    return {n: (r["side"], r["role"]) for n, r in people(t, prefix).items()}


@pytest.mark.parametrize(
    ("prefix", "host", "guest"),
    [
        ("f181", "Annelies de Groot-Vermeulen", "Hua Jingsong"),  # hosted a luncheon for, abroad
        ("f182", "Wang Qingyuan", "Stoyan Petkov Dimitrov"),  # "was received by", guest named first
        ("f183", "Bambang Suryo Prasetyo", "Cui Wenhao"),  # ambassador hosts a banquet at the embassy
        ("f184", "Lim Kok Seng", "Zhao Weiping"),  # paid a courtesy call on, in Singapore
        ("f185", "Siriporn Chaiyawat", "Ni Qiang"),  # called on, in Bangkok
        ("f186", "Lu Haoming", "Inês Carvalho Matos"),  # attended a luncheon hosted by
        ("f187", "Martín Ezequiel Rosales", "Liu Qiyuan"),  # during his visit to Argentina
        ("f188", "Chen Minhua", "Rachel Whitcombe-Hale"),  # guest first, active "met with"
        ("f191", "Cheng Yunlong", "Pierre-Antoine Delmas"),  # video call, each in their own city
        ("f196", "Zhang Xinwen", "Graham Ashcombe"),  # "was met by"
        ("f197", "Bimala Koirala Sharma", "Cheng Lijun"),  # Chinese embassy: courtesy call abroad
        ("f199", "Pham Duc Thanh", "Gu Xinrong"),  # "was received by" abroad, dateline in capitals
        ("f139", "Jens Kohlhaas", "Peng Dehai"),  # "was received in Hamburg on Monday by"
    ],
)
def test_host_is_who_receives_the_visit(corpus, prefix, host, guest):
    s = _sides(corpus, prefix)
    assert s[host] == ("host", "lead"), prefix
    assert s[guest] == ("guest", "lead"), prefix


def test_members_in_attendance_inside_the_lede(corpus):
    # "..., with Shanghai Deputy Secretary-General Qiu Mingyan and Rotterdam Deputy Mayor Youssef
    # Amrani in attendance": members of their own sides, not leads
    s = _sides(corpus, "f181")
    assert s["Qiu Mingyan"] == ("guest", "member")
    assert s["Youssef Amrani"] == ("host", "member")
    assert _sides(corpus, "f182")["Radostina Ilieva"] == ("guest", "member")


def test_attending_were_colon_list_of_company_heads(corpus):
    p = people(corpus, "f193")
    for name in ("Markus Leitner", "Claudia Hoffmeister", "Tobias Brandauer"):
        assert (p[name]["side"], p[name]["role"]) == ("guest", "member"), name
    assert p["Markus Leitner"]["country"] == "DE"  # "CEO of Bosch China": China is the firm's branch
    assert meetings(corpus, "f193")[0]["counterpart_countries"] == ["DE"]


def test_envoy_country_from_context_and_group_of_envoys(corpus):
    p = people(corpus, "f190")
    assert {n: p[n]["country"] for n in p if p[n]["side"] == "guest"} == {
        "Jorge Alberto Villaseñor": "MX",
        "Catalina Restrepo Uribe": "CO",  # "the envoy of Colombia, Catalina Restrepo Uribe"
        "Rafael Quispe Mamani": "PE",
    }
    assert all(p[n]["title"] == "Ambassador" for n in p if p[n]["side"] == "guest")
    k = people(corpus, "f194")["Nurlan Abenov"]
    assert (k["title"], k["country"], k["side"]) == ("Ambassador", "KZ", "guest")


def test_partial_duplicate_names_are_one_participant(corpus):
    names = set(people(corpus, "f195"))
    assert "Mohd Faris Iskandar bin Yusof" in names and "Mohd Faris Iskandar" not in names
    assert "Norlizah binti Hashim" in names  # not "China Norlizah ..." after "Ambassador to China"
    assert people(corpus, "f195")["Yang Jinyu"]["side"] == "host"  # Vice Chairman of the region
    assert "Le Van Hoa" in people(corpus, "f199")  # two capitalised particles start a name


def test_cohosts_lead_and_separate_meetings_keep_their_hosts(corpus):
    s = _sides(corpus, "f189")
    assert s["Tang Jiaming"] == s["Luo Hengfei"] == ("host", "lead")
    assert "Yuzhou Guesthouse" not in s
    ms = meetings(corpus, "f192")
    assert [m["counterpart_countries"] for m in ms] == [["MY"], ["PH"]]


def test_later_meeting_on_another_day_is_its_own_record(corpus):
    # "Wang met with Serbian Prime Minister ... on Monday. ... On Tuesday, Wang met with Novi Sad
    # Mayor Nenad Kovacevic in Novi Sad."
    ms = meetings(corpus, "f200")
    assert [(m["meeting_date"], m["counterpart_countries"]) for m in ms] == [
        (date(2024, 9, 23), ["CN"]),
        (date(2024, 9, 24), ["CN"]),
    ]
    by_meeting = (
        corpus.participants.filter(_src("f200"))
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.col("person_name").sort())
        .sort("meeting_id")["person_name"]
        .to_list()
    )
    assert by_meeting == [
        ["Dragana Milosevic", "Ma Jingwen", "Wang Zhongmin"],
        ["Nenad Kovacevic", "Wang Zhongmin"],
    ]


# Generalisation fixtures f201-f240 (gold written before the extractor ran on them)
def _person(t, prefix: str, name: str) -> tuple:
    p = people(t, prefix)[name]
    return (p["title"], p["country"], p["side"], p["role"])


def test_related_links_block_is_page_chrome(corpus):
    # "Related:" / "Related News" headings: the headlines under them name other people and topics
    assert "Anna Keller" not in people(corpus, "f201")
    assert meetings(corpus, "f201")[0]["counterpart_countries"] == ["IT"]
    assert "trade_investment" not in themes(corpus, "f212")  # "... attracts record foreign investment"


def test_consulate_hosts_a_dinner_for_a_vice_governor(corpus):
    # "hosted a working dinner at the Residence of France for Sichuan Vice Governor Zuo Xinyu"
    assert _person(corpus, "f202", "Zuo Xinyu") == ("Vice Governor", "CN", "guest", "lead")
    assert _person(corpus, "f202", "Mathilde Arnaud-Pelletier") == ("Consul General", "FR", "host", "lead")
    # "On the French side, Deputy Consul General Étienne Marchal ... were also present"
    assert _person(corpus, "f202", "Étienne Marchal") == ("Deputy Consul General", "FR", "host", "member")


def test_foreign_city_welcomes_a_delegation_and_trip_itinerary(corpus):
    p = people(corpus, "f203")
    assert _person(corpus, "f203", "Helen Tranter") == ("Lord Mayor", "AU", "host", "lead")
    assert _person(corpus, "f203", "Sun Haoran") == ("Vice Mayor", "CN", "guest", "lead")
    assert "David Halloran" not in p  # met elsewhere during the visit
    assert _person(corpus, "f203", "Mark Pollard") == ("Chairman", "AU", "host", "member")  # Councillor
    assert p["Ma Jun"]["side"] == "guest"  # "Jun" is a given name here, not June
    assert meetings(corpus, "f203")[0]["meeting_date"] == date(2024, 8, 8)  # "last Thursday"


def test_members_who_accompany_a_lead_take_the_lead_side(corpus):
    # "Vice Governor Chen Yiping and Wu Haitao ... accompanied Feng" (in Singapore)
    assert _person(corpus, "f204", "Chen Yiping") == ("Vice Governor", "CN", "guest", "member")
    assert "Southeast Asia" not in people(corpus, "f204")


def test_university_heads_professor_and_part_of_day_date(corpus):
    assert _person(corpus, "f205", "Du Minghao") == ("President", "CN", "host", "lead")
    assert _person(corpus, "f205", "Kenji Nakamura") == ("President", "JP", "guest", "lead")
    assert _person(corpus, "f205", "Haruto Sato") == ("Vice President", "JP", "guest", "member")
    assert "Sun Weijie" in people(corpus, "f205")  # "Director of the Office of Global Engagement"
    assert meetings(corpus, "f205")[0]["meeting_date"] == date(2024, 10, 17)  # "On the afternoon of"
    assert meetings(corpus, "f218")[0]["meeting_date"] == date(2024, 9, 19)


def test_dated_dateline_anchors_today(corpus):
    # "Shenzhen, 27 March 2025 – ... met with ... today." published the next day
    assert meetings(corpus, "f206")[0]["meeting_date"] == date(2025, 3, 27)


def test_bare_attended_and_past_meeting_in_background(corpus):
    assert _person(corpus, "f208", "Fang Wei") == ("Vice Governor", "CN", "host", "member")
    # "In 2023, Yang met with Nepali Prime Minister ..." is background: no meeting in the article
    assert corpus.articles.filter(_src("f217"))["meeting_count"].to_list() == [0]


def test_name_after_another_persons_apposition_keeps_its_own_description(corpus):
    # "Xu Hao, Director-General of the Sichuan Foreign Affairs Office, and Deputy Consul General
    # Bilal Hussain Shah were present"
    assert _person(corpus, "f218", "Bilal Hussain Shah") == ("Deputy Consul General", "PK", "guest", "member")
    assert _person(corpus, "f236", "Thomas Reindl") == ("Commissioner", "DE", "host", "member")


def test_offices_joined_by_and_and_party_committee_secretary(corpus):
    assert people(corpus, "f213")["Gan Wei Liang"]["title"] == "Deputy Prime Minister"
    assert people(corpus, "f228")["Hoang Van Nghiem"]["title"] == "Party Secretary"
    assert _person(corpus, "f239", "Hala Youssef") == ("Deputy Minister", "EG", "guest", "member")
    assert _person(corpus, "f239", "Deng Li") == ("Vice Minister", "CN", "host", "member")


def test_delegation_led_by_and_included_members(corpus):
    # "The delegation was led by Sir Rupert Oakhill, ..., and included ... Chester Wells, its director
    # for western China": a member of the visiting delegation, whatever place his office names
    assert _sides(corpus, "f163")["Chester Wells"] == ("guest", "member")
    s = _sides(corpus, "f223")
    assert s["Peter Kamau Njoroge"] == ("guest", "lead")
    assert s["Abena Owusu-Ansah"] == s["Moussa Diallo"] == ("guest", "member")
    assert sorted(meetings(corpus, "f223")[0]["counterpart_countries"]) == ["GH", "KE", "SN"]


def test_attendee_lists_in_bullets_and_parentheses(corpus):
    assert _person(corpus, "f231", "Sun Shuai") == ("Vice Mayor", "CN", "host", "member")
    assert _person(corpus, "f231", "Wang Yan") == ("Director", "CN", "host", "member")
    assert _person(corpus, "f231", "Kim Min-ji") == ("Consul", "KR", "guest", "member")
    assert _person(corpus, "f228", "Liao Kezhong") == ("Vice Chairman", "CN", "host", "member")
    assert _person(corpus, "f228", "Doan Thu Ha") == ("Vice Chairman", "VN", "guest", "member")
    assert "Lang Son" not in people(corpus, "f228")


def test_people_of_another_meeting_of_the_trip_are_not_attendees(corpus):
    # "Earlier in the day, the delegation ... met executives of Xi'an Aerospace Group, including
    # its chairman Gao Feng."
    assert set(people(corpus, "f229")) == {
        "Li Mingyuan", "Aibek Dzhunushaliev", "Nurlan Abdyrakhmanov", "Aizada Toktogulova"
    }  # fmt: skip


def test_place_words_inside_names(corpus):
    assert "Zhou Yanan" in people(corpus, "f104")
    assert "Fernando Albuquerque Lins" in people(corpus, "f115")


def test_video_call_respectively_is_one_meeting_and_last_week_has_no_date(corpus):
    (m,) = meetings(corpus, "f238")  # "speaking from Xi'an and Saint Paul respectively"
    assert m["meeting_date"] == date(2025, 5, 13)
    (m,) = meetings(corpus, "f237")
    assert m["meeting_date"] is None


def test_second_meeting_on_another_day_named_by_title(corpus):
    # "On Wednesday, the Minister travelled to Hangzhou, where he was received by Zhejiang
    # Governor Xu Wenguang. The Governor and the Minister discussed ..."
    ms = meetings(corpus, "f240")
    assert [m["meeting_date"] for m in ms] == [date(2025, 5, 19), date(2025, 5, 21)]
    by_meeting = (
        corpus.participants.filter(_src("f240"))
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.col("person_name").sort())
        .sort("meeting_id")["person_name"]
        .to_list()
    )
    assert by_meeting == [
        ["Johan Lindahl", "Maria Ekholm", "Ren Boqing"],
        ["Johan Lindahl", "Maria Ekholm", "Xu Wenguang"],
    ]
    # "Mombasa, where Du met Salim Bakari Mwinyi" is mentioned in passing: no record of its own
    assert len(meetings(corpus, "f164")) == 1


# issue 3e: broad rules checked on f241-f260
def test_names_written_in_capitals_and_with_initials(corpus):
    p = people(corpus, "f248")  # "Mayor QIN HAORAN met ... PIETER VAN AERT"
    assert {"Qin Haoran", "Pieter Van Aert", "Jan De Smedt"} <= set(p)
    assert p["Pieter Van Aert"]["title"] == "Deputy Prime Minister"
    p = people(corpus, "f247")  # "met with A. K. Menon, Consul General of India in Shanghai"
    assert p["A. K. Menon"]["country"] == "IN"
    assert p["A. K. Menon"]["side"] == "guest"


def test_short_quotation_is_no_name(corpus):
    # 'the "Two Countries, Twin Parks" program'
    assert set(people(corpus, "f251")) == {"Zhao Long", "Tengku Zafrul Hassan"}


def test_in_the_afternoon_of_a_date(corpus):
    (m,) = meetings(corpus, "f260")
    assert m["meeting_date"] == date(2024, 11, 21)


def test_separate_meetings_keep_their_own_guest_sentences_and_both_meetings_attendee(corpus):
    ms = meetings(corpus, "f253")
    assert [m["counterpart_countries"] for m in ms] == [["CL"], ["DE"]]
    sima = corpus.participants.filter(_src("f253") & (pl.col("person_name") == "Sima Hong"))
    assert sima.height == 2  # "attended both meetings"
    by_meeting = corpus.meeting_themes.filter(_src("f253")).group_by("meeting_id").agg(pl.col("theme"))
    chile = set(by_meeting.sort("meeting_id")["theme"][0])
    assert "tourism" in chile and "manufacturing" not in chile  # "Meeting Hurtado, Yin said ..."


def test_chinese_side_abroad_reads_the_lede_verb(corpus):
    # "a Shanghai delegation led by Vice Mayor Xie Dongming visited Japan ... Xie called on Osaka
    # Governor Hiroshi Tanabe"
    p = people(corpus, "f250")
    assert (p["Xie Dongming"]["side"], p["Xie Dongming"]["country"]) == ("guest", "CN")
    assert (p["Hiroshi Tanabe"]["side"], p["Hiroshi Tanabe"]["country"]) == ("host", "JP")


def test_apposition_country_after_and(corpus):
    # "Roland Busch, President and CEO of German company Siemens AG"
    assert people(corpus, "f253")["Roland Busch"]["country"] == "DE"


def test_background_meeting_and_other_event_attendance_are_not_this_meeting(corpus):
    # "Earlier in the week Yi met Lower Saxony Premier Stefan Krolle in Hanover."
    assert "Stefan Krolle" not in people(corpus, "f241")
    assert "Claudia Wendt" not in people(corpus, "f241")  # a quoted economist


def test_deputy_accompanying_their_principal_and_quoted_nickname(corpus):
    # "Khampheng was accompanied by Deputy Governor Vongphet Sayavong"
    p = people(corpus, "f264")
    assert (p["Vongphet Sayavong"]["side"], p["Vongphet Sayavong"]["country"]) == ("guest", "LA")
    # the 2018 visit of "Kunming mayor Wang Xisong" is background
    assert "Wang Xisong" not in p
    # 'Ambassador Adewale "Wale" Okonkwo-Bello'
    assert "Adewale Okonkwo-Bello" in people(corpus, "f268")
    # "Nanjing Vice Mayor Huo Hui and Perth Deputy Lord Mayor Liam Gobbert also took part."
    p = people(corpus, "f262")
    assert p["Liam Gobbert"]["title"] == "Deputy Mayor"
    assert (p["Huo Hui"]["side"], p["Basil Zempilas"]["side"]) == ("guest", "host")


def test_consul_general_with_ambassador_rank_and_president_and_ceo(corpus):
    # "Sri Lanka's Consul General in Chengdu, Ambassador Ruwan Jayasekara": the post, not the rank
    assert people(corpus, "f273")["Ruwan Jayasekara"]["title"] == "Consul General"
    assert people(corpus, "f268")["Adewale Okonkwo-Bello"]["title"] == "Consul General"
    # "Roland Busch, President and CEO of German company Siemens AG"
    assert people(corpus, "f253")["Roland Busch"]["title"] == "CEO"


def test_firm_seat_gives_the_company_country(corpus):
    # "Park Min-jun, chairman of Seoul-based Daeyang Chemical"
    p = people(corpus, "f271")
    assert p["Park Min-jun"]["country"] == "KR"
    assert "Daeyang Chemical" not in p
    # "President and CEO of London-headquartered Harwell Maritime"; "Nordvik Offshore, which is
    # headquartered in Oslo"
    p = people(corpus, "f272")
    assert (p["Oliver Grantham"]["title"], p["Oliver Grantham"]["country"]) == ("CEO", "GB")
    assert p["Ingrid Lindqvist"]["country"] == "NO"
    assert [m["counterpart_countries"] for m in meetings(corpus, "f272")] == [["GB", "NO"]]


def test_company_member_named_by_the_guest_company_is_a_guest(corpus):
    # "Daeyang Chemical's vice president Kim Soo-ah ... were also present"
    kim = people(corpus, "f271")["Kim Soo-ah"]
    assert (kim["side"], kim["country"]) == ("guest", "KR")


def test_sar_chief_executive_keeps_the_region_and_receives_a_delegation(corpus):
    # "Chief Executive of the Macao SAR Leong Kam-wai met with a delegation led by Zhuhai Party
    # Secretary Huang Zhiming at Government House"
    p = people(corpus, "f269")
    leong = p["Leong Kam-wai"]
    assert (leong["title"], leong["country"], leong["side"]) == ("Chief Executive", "MO", "host")
    assert (p["Huang Zhiming"]["side"], p["Tan Rongfei"]["side"]) == ("guest", "guest")
    assert [m["counterpart_countries"] for m in meetings(corpus, "f269")] == [["CN"]]
    # "Chief Executive of the Hong Kong SAR Chan Ka-ming, who led a delegation to Shenzhen"
    chan = people(corpus, "f270")["Chan Ka-ming"]
    assert (chan["country"], chan["side"]) == ("HK", "guest")


def test_member_named_by_the_guest_firm_and_international_official_on_guest_side(corpus):
    # "Vestavind's head of China business Mette Kjaer and Hefei Vice Mayor Zhang Hong attended"
    p = people(corpus, "f274")
    assert (p["Mette Kjaer"]["side"], p["Mette Kjaer"]["country"]) == ("guest", "DK")
    assert p["Zhang Hong"]["side"] == "host"
    # a UNCTAD director with the Kenyan minister adds no country to the guest side
    p = people(corpus, "f275")
    assert (p["Samuel Otieno"]["side"], p["Samuel Otieno"]["country"]) == ("guest", None)
    assert [m["counterpart_countries"] for m in meetings(corpus, "f275")] == [["KE"]]


def test_training_at_colleges_is_education(corpus):
    # "willing to train more Ugandan agronomists at its vocational colleges"
    assert "education_youth" in themes(corpus, "f276")
    # "to train more seafarers and maritime professionals at its maritime colleges"
    assert "education_youth" in themes(corpus, "f179")


# Issue 4c articles (gold written before the extractor ran on them)
def test_sar_leader_hosts_at_government_house(corpus):
    p = people(corpus, "f278")
    assert (p["Wong Sio-fai"]["side"], p["Wong Sio-fai"]["country"]) == ("host", "MO")
    assert (p["Duarte Teixeira Lopes"]["side"], p["Duarte Teixeira Lopes"]["country"]) == ("guest", "PT")


def test_several_guests_from_different_countries_under_one_plural_title(corpus):
    p = people(corpus, "f280")
    assert {n: (r["title"], r["country"]) for n, r in p.items() if r["side"] == "guest"} == {
        "Matthias Krüger": ("Consul General", "DE"),
        "Élodie Marchand": ("Consul General", "FR"),
        "Kenji Moriyama": ("Consul General", "JP"),
    }


def test_group_of_company_heads_with_firm_seats(corpus):
    p = people(corpus, "f298")
    assert {n: r["country"] for n, r in p.items() if r["side"] == "guest"} == {
        "Marc Delacroix": "FR",
        "Katrin Vogel": "DE",
        "Paolo Ferrante": "IT",
        "Jonas Berg": "SE",
    }


def test_trip_abroad_reports_one_meeting_per_stop(corpus):
    assert [m["meeting_date"] for m in meetings(corpus, "f292")] == [date(2025, 3, 6), date(2025, 3, 9)]


def test_wire_dateline_is_the_meeting_day(corpus):
    (m,) = meetings(corpus, "f302")
    assert m["meeting_date"] == date(2025, 3, 3)


def test_leaders_quoted_in_a_report_are_not_participants(corpus):
    assert set(people(corpus, "f303")) == {"Lan Qingsong", "Matai Seremaia Tokon", "Lonsdale Kalmet Rory"}
