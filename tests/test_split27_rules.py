"""Rules written for the misses of split 27 (docs/split27_coverage.md), on sentences of our own."""

from __future__ import annotations

import pytest
from transform_helpers import people


@pytest.mark.parametrize(
    "dateline",
    [
        "NANNING, May 9 (Reporter Huang Lifen) --",
        "NANNING, May 9 (By staff reporter Huang Lifen) --",
        "NANNING, May 9 (Guangxi Daily correspondent: Huang Lifen) -",
    ],
)
def test_a_bracketed_byline_in_the_dateline_credits_no_participant(ref, dateline):
    text = (
        "Nanning mayor meets Lao delegation\n\n"
        f"{dateline} Nanning Mayor Zhou Haibin met on Tuesday with Vientiane Governor "
        "Athsaphangthong Siphandone on the sidelines of the China-ASEAN Expo.\n\n"
        "Zhou said the two cities would open more flights."
    )
    got = people(text, ref)
    assert {"Zhou Haibin", "Athsaphangthong Siphandone"} <= set(got)
    assert "Huang Lifen" not in got


@pytest.mark.parametrize(
    "aside",
    [
        "Zhang also attended a banquet for guests hosted by Vice Premier Ding Xuexiang on Tuesday evening.",
        "In the evening Zhang attended a welcome dinner for foreign guests of the expo given by "
        "State Councilor Wang Yong.",
        "Zhang later attended a reception for forum participants hosted by Vice Chairman Liang Mingde.",
    ],
)
def test_a_banquet_for_the_gatherings_guests_given_by_another_host_cites_its_host(ref, aside):
    text = (
        "Published: 2024-09-11\n\n"
        "Gansu Governor Zhang Tianyu on Tuesday held talks with Omani Minister of Commerce Qais bin "
        "Mohammed Al Yousef on the sidelines of the Silk Road Expo in Lanzhou.\n\n"
        "Zhang said Gansu would export more solar panels to Oman.\n\n"
        f"{aside}"
    )
    got = people(text, ref)
    assert {"Zhang Tianyu", "Qais bin Mohammed Al Yousef"} <= set(got)
    assert not {"Ding Xuexiang", "Wang Yong", "Liang Mingde"} & set(got)


def test_a_banquet_given_by_the_visitor_still_names_its_attendees(ref):
    text = (
        "Published: 2024-09-11\n\n"
        "Gansu Governor Zhang Tianyu on Tuesday held talks with Omani Minister of Commerce Qais bin "
        "Mohammed Al Yousef in Lanzhou.\n\n"
        "Vice Governor Li Hong attended the talks."
    )
    got = people(text, ref)
    assert {"Zhang Tianyu", "Qais bin Mohammed Al Yousef", "Li Hong"} <= set(got)


@pytest.mark.parametrize("dateline", ["BISHKEK --", "BISHKEK, May 12 --"])
def test_a_lede_broken_inside_a_name_after_a_dateline_is_no_headline(ref, dateline):
    text = (
        "Kyrgyz minister receives Sichuan delegation\n\n"
        f"{dateline} Kyrgyzstan's Minister of Economy Daniyar Amangeldievich\n"
        "Amangeldiev received a delegation from China's Sichuan Province led by Vice Governor "
        "Zuo Yongxiang in Bishkek on Monday.\n\n"
        "Amangeldiev said Kyrgyz farmers wanted to sell more honey to Sichuan."
    )
    got = people(text, ref)
    assert "Daniyar Amangeldievich Amangeldiev" in got
    assert got["Daniyar Amangeldievich Amangeldiev"]["country"] == "KG"
    assert "Zuo Yongxiang" in got


def test_a_single_name_before_an_apposition_or_after_a_posting_is_a_person(ref):
    text = (
        "Published: 2024-06-05\n\n"
        "Fujian Vice Governor Guo Ningning met on Tuesday in Fuzhou with Sutarmo, Governor of "
        "Indonesia's North Sulawesi Province.\n\n"
        "Sutarmo said the province wanted Fujian investors in its nickel parks.\n\n"
        "Indonesian Consul General in Guangzhou Wahyuningsih also attended the meeting."
    )
    got = people(text, ref)
    assert (got["Sutarmo"]["title"], got["Sutarmo"]["country"]) == ("Governor", "ID")
    assert (got["Wahyuningsih"]["title"], got["Wahyuningsih"]["country"]) == ("Consul General", "ID")
    assert "Guo Ningning" in got and "Guo" not in got


def test_portfolio_and_body_words_of_the_regions_are_no_names(ref):
    text = (
        "Published: 2024-06-05\n\n"
        "Haikou Vice Mayor Lin Hui met on Friday with Sione Fifita, Tonga's Minister for Trade and Civil "
        "Aviation, Karim Haddad, Secretary-General of the Federation of Andean Chambers, and Chidi Okafor, "
        "chairman of the Lagos Importers' and Exporters' Association.\n\n"
        "Lin said Haikou would open more flights to the Pacific."
    )
    got = people(text, ref)
    assert {"Lin Hui", "Sione Fifita", "Karim Haddad", "Chidi Okafor"} <= set(got)
    assert not {"Civil Aviation", "Aviation", "Andean Chambers", "Chambers", "Importers"} & set(got)
    assert got["Sione Fifita"]["title"] == "Minister"


def test_places_and_bodies_of_the_regions_give_countries(ref):
    text = (
        "Published: 2024-06-05\n\n"
        "Ningbo Mayor Tang Fei met on Tuesday with the Mayor of Nelson Mandela Bay, Thandeka Mokoena, "
        "Santa Fe Governor Pablo Ruiz Ortega, Ain Shams University President Hassan Mahmoud Fathy and "
        "Guayas Prefect Lucía Mendoza Vera.\n\n"
        "Tang said the port of Ningbo would ship more soybeans."
    )
    got = people(text, ref)
    assert got["Pablo Ruiz Ortega"]["country"] == "AR"
    # (Prefect is an office of its own since session 11's settled conventions)
    assert (got["Lucía Mendoza Vera"]["title"], got["Lucía Mendoza Vera"]["country"]) == ("Prefect", "EC")
    assert got["Thandeka Mokoena"]["country"] == "ZA"
    assert got["Hassan Mahmoud Fathy"]["country"] == "EG"


def test_a_party_and_a_firm_of_the_regions_are_no_persons(ref):
    text = (
        "Published: 2024-06-05\n\n"
        "Changsha Mayor Zhou Haibing met on Tuesday with a delegation of Chama Cha Mapinduzi (CCM) led by "
        "its Deputy Secretary-General Juma Ally Mrisho, and with Paula Andrade Lima, a vice president of "
        "Mercado Libre, at the China-Africa Expo.\n\n"
        "Zhou said Hunan would buy more Tanzanian cashews."
    )
    got = people(text, ref)
    assert {"Zhou Haibing", "Juma Ally Mrisho", "Paula Andrade Lima"} <= set(got)
    assert not {"Chama Cha Mapinduzi", "Mercado Libre"} & set(got)
