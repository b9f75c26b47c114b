"""Rules of issue 12a for split 36's misses (state, royal and vice-regal visits to Chinese
provinces), each on sentences of our own: royal and vice-regal offices and styles, a style inside a
name, a styled one-word name, a lunch hosted "by him", portfolio words before a name, a minister
"throughout his visit", a firm named "... Exports" and the fields such visits name."""

from __future__ import annotations

import polars as pl
from transform_helpers import docs, people

from flows.transform import transform


def _rows(text: str, ref) -> pl.DataFrame:
    return transform(docs(text), ref).participants


def _themes(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes["theme"].to_list())


# ------------------------------------------------------------ royal and vice-regal offices
def test_his_majesty_king_is_a_style_and_an_office_not_a_name(ref):
    got = people(
        "date 2025-05-09\nKing in Fuzhou\n\nFujian Governor Lin Qiao met with His Majesty King Tevita "
        "Fonua of Tonga in Fuzhou on Thursday.\n",
        ref,
    )
    assert set(got) == {"Lin Qiao", "Tevita Fonua"}
    assert got["Tevita Fonua"]["title"] == "King"
    assert got["Tevita Fonua"]["country"] == "TO"
    assert got["Tevita Fonua"]["side"] == "guest"


def test_governor_general_and_grand_duchess_are_offices(ref):
    got = people(
        "date 2025-05-09\nVisitors\n\nMayor Zhao Rui met with New Zealand Governor-General Dame Helen "
        "Crosby in Xi'an on Monday.\n",
        ref,
    )
    assert got["Helen Crosby"]["title"] == "Governor-General"
    assert got["Helen Crosby"]["country"] == "NZ"
    assert not any(n.startswith(("Governor", "Dame")) for n in got)
    got = people(
        "date 2025-05-09\nVisitors\n\nGovernor Pan Yu met with Grand Duchess Amelie Roth of Luxembourg "
        "in Xi'an on Monday.\n",
        ref,
    )
    assert got["Amelie Roth"]["title"] == "Grand Duchess"
    assert got["Amelie Roth"]["country"] == "LU"
    assert not any(n.startswith("Grand") for n in got)


def test_kenyan_cabinet_secretary_is_an_office_of_its_own(ref):
    got = people(
        "date 2025-05-09\nKenyan visit\n\nHunan Governor Qin Fang met with Kenya's Cabinet Secretary "
        "for Trade Amos Kiprop in Changsha on Friday.\n",
        ref,
    )
    assert got["Amos Kiprop"]["title"] == "Cabinet Secretary"


# ------------------------------------------------------------ styles and names
def test_ratu_opening_a_name_is_dropped_and_inside_a_name_is_kept(ref):
    got = people(
        "date 2025-05-09\nFijian visits\n\nFijian Prime Minister Ratu Josefa Nailatikau was received by "
        "Party Secretary He Wen in Guangzhou on Tuesday.\n",
        ref,
    )
    assert "Josefa Nailatikau" in got
    assert got["Josefa Nailatikau"]["side"] == "guest"
    got = people(
        "date 2025-05-09\nFijian visits\n\nSemisi Ratu Vakalala, Deputy Prime Minister of Fiji, was "
        "received by Party Secretary He Wen in Guangzhou on Tuesday.\n",
        ref,
    )
    assert "Semisi Ratu Vakalala" in got


def test_a_common_style_between_two_names_starts_a_second_person(ref):
    # Only styles that also sit inside names (inner_style: "Ratu") join two names: a photo line
    # "Mayor Ruth Ellery Professor Dinah Okafor" names two people, not one of four words
    got = people(
        "date 2025-05-09\nCampus visit\n\nVice Governor Tan Yue met with Mayor Ruth Ellery "
        "Professor Dinah Okafor of Leeds in Jinan on Tuesday.\n",
        ref,
    )
    assert not any("Ellery Professor" in name for name in got)
    assert "Ruth Ellery" in got


def test_rt_hon_is_a_style_whose_periods_end_no_sentence(ref):
    got = people(
        "date 2025-05-09\nEmbassy news\n\nChairman Dawa Norbu met with Nepal's Vice President Rt. Hon. "
        "Ram Sharan Thapa in Lhasa on Thursday.\n",
        ref,
    )
    assert set(got) == {"Ram Sharan Thapa", "Dawa Norbu"}
    assert got["Ram Sharan Thapa"]["title"] == "Vice President"


def test_princess_with_one_name_and_her_country_is_a_person(ref):
    got = people(
        "date 2025-05-09\nRoyal visit\n\nParty Secretary Qiu Ming met with Princess Annelise of Norway, "
        "who leads a Norwegian business mission, in Harbin on Friday.\n",
        ref,
    )
    assert got["Annelise"]["country"] == "NO"
    assert got["Annelise"]["side"] == "guest"
    assert got["Annelise"]["role"] == "lead"


def test_portfolio_words_before_a_name_are_no_words_of_it(ref):
    got = people(
        "date 2025-05-09\nVisit\n\nGovernor Wu Hai met with Crown Prince Karim bin Nasser of Jordan in "
        "Hefei on Monday. He was accompanied by Jordan's Minister of Youth and Entrepreneurship Hana "
        "Saleh and the Deputy Secretary-General for Economic Community Tran Minh Chau.\n",
        ref,
    )
    assert "Hana Saleh" in got
    assert "Tran Minh Chau" in got
    assert not any(n.startswith(("Entrepreneurship", "Community")) for n in got)


def test_a_firm_named_exports_is_no_person(ref):
    got = people(
        "date 2025-05-09\nVisit\n\nGovernor Wu Hai met with Prime Minister Tomas Reyes of Belize in Hefei "
        "on Monday. His delegation includes Paul Mena, CEO of Coastal Sugar Exports.\n",
        ref,
    )
    assert "Paul Mena" in got
    assert got["Paul Mena"]["title"] == "CEO"
    assert not any("Exports" in n for n in got)


# ------------------------------------------------------------ sides and meetings
def test_hosted_to_lunch_by_him_makes_the_one_met_with_the_host(ref):
    got = people(
        "date 2025-05-09\nEmbassy news\n\nPrime Minister Tane Rangi met with Secretary of the CPC Yunnan "
        "Provincial Committee Xu Lin in Kunming on Thursday and was hosted to dinner by him.\n",
        ref,
    )
    assert got["Xu Lin"]["side"] == "host"
    assert got["Xu Lin"]["country"] == "CN"
    assert got["Tane Rangi"]["side"] == "guest"


def test_a_minister_with_the_king_throughout_his_visit_attends_every_meeting(ref):
    rows = _rows(
        "date 2025-05-09\nKing tours Jiangsu\n\nParty Secretary Gu Lei and Governor Shen Bo met with King "
        "Tevita Fonua of Tonga in Nanjing and Suzhou on 5 and 6 May, respectively.\n\nIn Nanjing, Gu said "
        "Jiangsu would train Tongan farmers.\n\nIn Suzhou, Shen said the city welcomed Tongan students."
        "\n\nTonga's Minister for Fisheries Sione Vea accompanied the King throughout his visit to "
        "Jiangsu.\n",
        ref,
    )
    vea = rows.filter(pl.col("person_name") == "Sione Vea")
    assert rows["meeting_id"].n_unique() == 2
    assert vea["meeting_id"].n_unique() == 2
    assert set(vea["role"].to_list()) == {"member"}


# ------------------------------------------------------------ themes
def test_the_land_sea_corridor_garments_and_young_professionals_name_fields(ref):
    themes = _themes(
        "date 2025-05-09\nVisit\n\nGovernor Wu Hai met with Prime Minister Tomas Reyes of Belize in Hefei "
        "on Monday. Wu said Anhui hopes to carry Belize's seafood through the New International Land-Sea "
        "Trade Corridor and to work with Belize in the garment industry and in training young "
        "professionals.\n",
        ref,
    )
    assert {"ports_shipping", "manufacturing", "education_youth"} <= themes


def test_an_earlier_stop_and_the_banquet_menu_name_no_fields(ref):
    themes = _themes(
        "date 2025-05-09\nVisit\n\nGovernor Wu Hai met with Prime Minister Tomas Reyes of Belize in Hefei "
        "on Monday. Wu said Anhui hopes to cooperate with Belize in agriculture. Before coming to Hefei, "
        "Reyes toured the China International Import Expo in Shanghai. The banquet featured local opera "
        "and Anhui tea.\n",
        ref,
    )
    assert "agriculture_food" in themes
    assert "import_expo" not in themes
    assert "culture_people" not in themes
