"""Unit tests of the rules written for the misses of split 12 (z1201-z1240), on sentences of our own."""

from __future__ import annotations

import polars as pl
from transform_helpers import docs, people

from flows.transform import transform


def test_a_list_outside_any_meeting_names_no_members(ref):
    """ "including" alone reports no attendance: critics listed in a later paragraph are mentioned."""
    text = (
        " date 2025-05-09\n"
        "Dalian Mayor Qin Feng met with Oregon Governor Alma Reyes on Wednesday.\n\n"
        "Opponents in the state House, including Rep. Carl Munsey, said the trip cost too much.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Qin Feng", "Alma Reyes"}
    # ... but a list of the visitors still names members
    text = (
        " date 2025-05-09\n"
        "Dalian Mayor Qin Feng met with Oregon Governor Alma Reyes on Wednesday.\n\n"
        "The farmers in the delegation, including Ruth Pellham, toured a port.\n"
    )
    assert people(text, ref)["Ruth Pellham"]["role"] == "member"


def test_people_met_on_another_weekday_are_no_members(ref):
    """A meeting sentence on another weekday than the lede's lists the people of another meeting."""
    text = (
        " date 2025-05-09\n"
        "On Tuesday the Governor of Oregon, Alma Reyes, met Dalian Mayor Qin Feng.\n\n"
        "On Thursday she flew to Beijing, where she met bankers including Owen Tarrant, "
        "chairman of the American Chamber of Commerce in China.\n"
    )
    assert "Owen Tarrant" not in people(text, ref)


def test_a_place_naming_the_building_of_the_meeting_is_where_it_took_place(ref):
    """ "at the Perth Town Hall": the host is at home in the place the building is named after."""
    text = (
        " date 2025-03-12\n"
        "Mayor Dana Whitcombe yesterday hosted Harbin Vice Mayor Lu Ping at the Perth Town Hall.\n"
    )
    got = people(text, ref)
    assert (got["Dana Whitcombe"]["country"], got["Dana Whitcombe"]["side"]) == ("AU", "host")
    assert (got["Lu Ping"]["country"], got["Lu Ping"]["side"]) == ("CN", "guest")


def test_an_unattached_member_at_a_meeting_hosted_abroad_sits_with_the_hosts(ref):
    """On a foreign host's page, a member of no country, delegation or accompanied lead is a host;
    a diplomat with no country stated is the visitors' envoy."""
    text = (
        " date 2025-03-12\n"
        "Mayor Dana Whitcombe received Harbin Vice Mayor Lu Ping in Perth on Tuesday.\n\n"
        "Councillor Rhys Okafor and Hana Moller, chief executive of the port authority, also took "
        "part in the meeting. Consul General Zhao Min attended the meeting.\n"
    )
    got = people(text, ref)
    for name in ("Rhys Okafor", "Hana Moller"):
        assert (got[name]["country"], got[name]["side"], got[name]["role"]) == ("AU", "host", "member")
    assert (got["Zhao Min"]["country"], got["Zhao Min"]["side"]) == ("CN", "guest")


def test_a_firm_described_by_its_nationality_and_trade_gives_its_officer_a_country(ref):
    """ "the German financial services company Allianz": words between nationality and firm noun."""
    text = (
        " date 2025-03-12\n"
        "Wuxi Mayor Tan Yue met Ingrid Solberg, chief executive officer of Allianz, on Monday.\n\n"
        "The German financial services company Allianz opened an office in Wuxi last year.\n"
    )
    assert people(text, ref)["Ingrid Solberg"]["country"] == "DE"


def test_a_country_after_a_place_of_another_country_is_an_office_posting(ref):
    """ "director of the Ontario China Office": the office of Ontario posted in China (Canadian)."""
    from flows.transform.people import find_mentions
    from flows.transform.tokens import label_tokens, tokenize

    s = pl.DataFrame(
        {
            "sid": [0],
            "article_id": ["a"],
            "text": ["Mia Fortin, director of the Ontario China Office, spoke."],
        }
    ).with_columns(pl.col("sid").cast(pl.Int64))
    _, m = find_mentions(label_tokens(tokenize(s), ref))
    assert m.filter(pl.col("name") == "Mia Fortin")["country"].item() == "CA"


def test_countries_listed_for_the_guests_in_the_lede_are_counterparts(ref):
    """ "envoys from four countries, Chile, Peru, Brazil and Uruguay": each listed country."""
    text = (
        " date 2025-03-12\n"
        "Ningbo Mayor Tan Yue met with envoys from four countries, Chile, Peru, Brazil and Uruguay, "
        "on Monday. The group was led by Chilean Ambassador Rosa Ibarra.\n"
    )
    out = transform(docs(text), ref)
    assert sorted(out.meetings["counterpart_countries"].item()) == ["BR", "CL", "PE", "UY"]
    # two countries named side by side are no list of guests
    text = (
        " date 2025-03-12\n"
        "Ningbo Mayor Tan Yue met with Chilean Ambassador Rosa Ibarra, who came from Chile and Peru "
        "talks, on Monday.\n"
    )
    assert transform(docs(text), ref).meetings["counterpart_countries"].item().to_list() == ["CL"]


def test_farming_technology_is_agriculture_not_science(ref):
    """ "agricultural technology", "seed technology": the field is farming, not science."""
    text = (
        " date 2025-03-12\n"
        "Ningbo Mayor Tan Yue met with Chilean Ambassador Rosa Ibarra on Monday.\n\n"
        "They discussed seed technology and agricultural technology for fruit growers.\n"
    )
    themes = set(transform(docs(text), ref).meeting_themes["theme"].to_list())
    assert "agriculture_food" in themes and "science_tech" not in themes
