"""Rules of issue 11b, from host/guest probe sentences of our own (no split's misses): who receives
the visit, which host meets which guest, and people and themes a report names in passing."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def meetings_of(text: str, ref) -> list[set[str]]:
    t = transform(docs(text), ref)
    by_meeting: dict[str, set[str]] = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add(r["person_name"])
    return sorted(by_meeting.values(), key=sorted)


def test_respectively_pairs_each_host_with_the_guest_in_the_same_place(ref):
    # two hosts, two guests, "respectively": A meets C and B meets D, not everyone everyone
    got = meetings_of(
        "Date: 2025-06-11\n\nKunming Mayor Duan Ruolin and Vice Mayor Pei Yuxin met Austrian Ambassador "
        "Tobias Lechner and Consul General Greta Aigner respectively on Tuesday.",
        ref,
    )
    assert got == [{"Duan Ruolin", "Tobias Lechner"}, {"Greta Aigner", "Pei Yuxin"}]


def test_respectively_with_one_host_still_gives_the_host_every_meeting(ref):
    got = meetings_of(
        "Date: 2025-06-11\n\nKunming Mayor Duan Ruolin met Austrian Ambassador Tobias Lechner and Slovak "
        "Ambassador Juraj Kolar on Monday and Tuesday respectively.",
        ref,
    )
    assert got == [{"Duan Ruolin", "Juraj Kolar"}, {"Duan Ruolin", "Tobias Lechner"}]


def test_an_apposition_ending_in_the_next_names_office_gives_it_no_country(ref):
    # "Meeting A, <A's office>, <B's office> B said": the office after the last comma is B's alone
    got = people(
        "Date: 2025-06-11\n\nMeeting Tomas Lindqvist, Finland's new Consul General, Chengdu Mayor Rao Wenbin "
        "said the city welcomed Finnish investment.",
        ref,
    )
    assert (got["Rao Wenbin"]["country"], got["Rao Wenbin"]["side"], got["Rao Wenbin"]["title"]) == (
        "CN",
        "host",
        "Mayor",
    )
    assert (got["Tomas Lindqvist"]["country"], got["Tomas Lindqvist"]["side"]) == ("FI", "guest")


def test_the_city_of_a_guests_office_is_not_where_an_unplaced_host_received_them(ref):
    # the home paper names only the visitor's city: "Mayor A met B, Lord Mayor of <foreign city>"
    got = people(
        "Date: 2025-06-11\n\nMayor Rao Wenbin met Ingrid Solheim, Mayor of Bergen, on Tuesday. Rao said the "
        "two cities could do more together.",
        ref,
    )
    assert (got["Rao Wenbin"]["side"], got["Ingrid Solheim"]["side"]) == ("host", "guest")
    assert got["Ingrid Solheim"]["country"] == "NO"


def test_the_person_a_former_residence_is_of_is_no_one_present(ref):
    got = people(
        "Date: 2025-06-11\n\nNanjing Mayor Rao Wenbin met Irish Ambassador Ciaran Doyle in Nanjing on Tuesday. "
        "Doyle then toured the former residence of Li Hongzhang, accompanied by Vice Mayor Sun Pei.",
        ref,
    )
    assert "Li Hongzhang" not in got
    assert (got["Sun Pei"]["side"], got["Sun Pei"]["role"]) == ("host", "member")


def themes_of(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes["theme"].to_list())


LEDE_T = (
    "Date: 2025-06-11\n\nChengdu Mayor Rao Wenbin met Danish Ambassador Mette Krogh in Chengdu on Tuesday. "
)


def test_a_meals_menu_is_no_field_of_cooperation(ref):
    assert "agriculture_food" not in themes_of(
        LEDE_T + "The talks were followed by a dinner of hotpot, noodles and jasmine tea.", ref
    )
    # (a field named in its own words still counts)
    assert "agriculture_food" in themes_of(LEDE_T + "They discussed exports of tea and pork.", ref)


def test_banks_insurers_and_lenders_name_finance(ref):
    assert "finance" in themes_of(
        LEDE_T + "Rao said Danish insurers and lenders were welcome in Chengdu.", ref
    )


def test_welcoming_a_minister_whose_office_names_a_field_is_a_meeting(ref):
    for office in ("Trade Minister", "Minister of Tourism"):
        got = people(
            f"Date: 2025-06-11\n\nGovernor Ma Xiuying of Hainan welcomed visiting Fijian {office} Epeli Rova "
            "in Haikou on Tuesday.",
            ref,
        )
        assert (got["Ma Xiuying"]["side"], got["Epeli Rova"]["side"]) == ("host", "guest"), office
        assert (got["Epeli Rova"]["country"], got["Epeli Rova"]["title"]) == ("FJ", "Minister"), office


def test_an_opening_in_place_comma_is_where_not_the_description_of_the_next_name(ref):
    for opening in ("In Lyon,", "While in Lyon,"):
        got = people(
            f"Date: 2025-06-11\n\n{opening} Wuhan Vice Mayor Deng Xiaoyan met Claire Barbier, President of the "
            "Lyon Metropolis, on Tuesday.",
            ref,
        )
        assert (got["Deng Xiaoyan"]["side"], got["Deng Xiaoyan"]["country"]) == ("guest", "CN"), opening
        assert (got["Claire Barbier"]["side"], got["Claire Barbier"]["country"]) == ("host", "FR"), opening


def test_an_opening_accompanied_by_stops_at_the_subject(ref):
    got = people(
        "Date: 2025-06-11\n\nAccompanied by Vice Governor Shen Lihua, Governor Ma Xiuying of Hainan met Fijian "
        "Ambassador Epeli Rova in Haikou on Tuesday.",
        ref,
    )
    assert (got["Ma Xiuying"]["side"], got["Ma Xiuying"]["role"]) == ("host", "lead")
    assert (got["Shen Lihua"]["side"], got["Shen Lihua"]["role"]) == ("host", "member")
    assert (got["Epeli Rova"]["side"], got["Epeli Rova"]["role"]) == ("guest", "lead")


def test_whoever_visits_a_foreign_mission_and_then_meets_its_head_is_the_guest(ref):
    got = people(
        "Date: 2025-06-11\n\nHefei Mayor Luo Yunfeng visited the Embassy of Chile in Beijing on Tuesday and held "
        "talks with Ambassador Rodrigo Fuentes.",
        ref,
    )
    assert (got["Luo Yunfeng"]["side"], got["Rodrigo Fuentes"]["side"]) == ("guest", "host")
    assert got["Rodrigo Fuentes"]["country"] == "CL"


def test_the_destination_a_headline_states_is_where_the_meeting_took_place(ref):
    body = "Ingrid Solheim, Mayor of Bergen, met Hangzhou Mayor Yao Gaoyuan on Tuesday."
    got = people("Date: 2025-06-11\n\nHangzhou mayor visits Bergen\n\n" + body, ref)
    assert (got["Ingrid Solheim"]["side"], got["Yao Gaoyuan"]["side"]) == ("host", "guest")
    # ("visit of" names the visitor: the home city of the official named hosts)
    got = people(
        "Date: 2025-06-11\n\nBergen and Hangzhou talk ports during visit of Bergen mayor\n\n" + body, ref
    )
    assert (got["Ingrid Solheim"]["side"], got["Yao Gaoyuan"]["side"]) == ("guest", "host")


def test_a_ministrys_field_word_is_no_part_of_the_ministers_name(ref):
    got = people(
        "Date: 2025-06-11\n\nHefei Mayor Luo Yunfeng met Austrian Minister of Economics Katrin Moser in Hefei on "
        "Tuesday.",
        ref,
    )
    assert "Katrin Moser" in got and "Economics Katrin Moser" not in got
    assert (got["Katrin Moser"]["title"], got["Katrin Moser"]["country"]) == ("Minister", "AT")


def test_a_meeting_at_a_foreign_mission_is_on_that_countrys_ground(ref):
    for where in ("at the Chilean Embassy in Beijing", "at the Embassy of Chile in Beijing"):
        got = people(
            f"Date: 2025-06-11\n\nHefei Mayor Luo Yunfeng met Ambassador Rodrigo Fuentes {where} on Tuesday.",
            ref,
        )
        assert (got["Luo Yunfeng"]["side"], got["Rodrigo Fuentes"]["side"]) == ("guest", "host"), where


def test_a_place_naming_the_visiting_delegation_is_where_it_comes_from(ref):
    got = people(
        "Date: 2025-06-11\n\nThe visiting Bergen delegation, headed by Mayor Ingrid Solheim, was received by "
        "Party Secretary Rao Wenbin on Tuesday.",
        ref,
    )
    assert (got["Ingrid Solheim"]["side"], got["Ingrid Solheim"]["country"]) == ("guest", "NO")
    assert got["Rao Wenbin"]["side"] == "host" and got["Rao Wenbin"]["country"] != "NO"


def test_a_meeting_told_by_surnames_after_an_invitation_is_reported(ref):
    got = people(
        "Date: 2025-06-11\n\nAt the invitation of Mayor Ingrid Solheim, Hangzhou Mayor Yao Gaoyuan visited "
        "Bergen on Tuesday. During the visit, Yao held talks with Solheim.",
        ref,
    )
    assert (got["Ingrid Solheim"]["side"], got["Yao Gaoyuan"]["side"]) == ("host", "guest")
