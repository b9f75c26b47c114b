"""Titles settled in session 12 (docs/ANNOTATION.md, "Settled conventions (session 12)";
docs/gold_conventions_session12.md), on sentences written for these tests: a cabinet's "Secretary of X",
Permanent Secretary and Executive / Senior Vice Presidents are titles, as the article names them
without their field or place; diplomatic ranks below consul, councillors and Pro / Deputy
Vice-Chancellors stay untitled (issue 12f's change to them was taken back at the merge)."""

from __future__ import annotations

import pytest
from transform_helpers import described, people

DATE = "Date: 2025-03-14\n\n"


@pytest.mark.parametrize(
    ("description", "title"),
    [
        ("Permanent Secretary of the Ministry of Fisheries", "Permanent Secretary"),
        ("executive vice president of Nordwind Energy", "Executive Vice President"),
        ("Senior Vice President of Nordwind Energy", "Senior Vice President"),
    ],
)
def test_offices_settled_in_session_12_are_given_as_named(description, title, ref):
    assert described(description, ref)["title"] == title


@pytest.mark.parametrize(
    "description",
    [
        "Minister-Counsellor of the Latvian Embassy",
        "Counsellor for Trade at the Latvian Embassy",
        "First Secretary of the Latvian Embassy",
        "the Commercial Attaché of the Latvian Embassy",
        "Pro Vice-Chancellor (Research) of Harbourside University",
        "Deputy Vice-Chancellor of Harbourside University",
    ],
)
def test_ranks_below_consul_and_deputy_vice_chancellors_stay_untitled(description, ref):
    # (issue 12f made these titles; the lead took that back at the merge: independent blind
    # writers, following docs/ANNOTATION.md, leave them untitled, and three blind splits' title
    # scores fell with them)
    assert described(description, ref)["title"] is None


@pytest.mark.parametrize(
    "description",
    [
        "Nebraska Secretary of Agriculture",
        "Sonora's Secretary of Economic Development",
        "the Secretary of Tourism of Yucatan",
    ],
)
def test_a_cabinet_secretary_of_a_field_is_a_secretary(description, ref):
    assert described(description, ref)["title"] == "Secretary"


def test_a_deputy_secretary_for_a_field_is_a_deputy_secretary(ref):
    assert described("Oregon's deputy secretary for water policy", ref)["title"] == "Deputy Secretary"


def test_a_body_s_secretary_is_still_no_title(ref):
    # (guard, as before: a secretary of a body named after "the" holds no standing office)
    assert described("Secretary of the Bergen Harbour Society", ref)["title"] is None


def test_a_city_councillor_is_no_title(ref):
    # (docs/ANNOTATION.md: "Councillor" is a style, like Alderman; kept so in session 12)
    got = people(
        f"{DATE}Vice Mayor Lu Zhen of Ningbo met Mayor Otto Brandvik of Bergen in Ningbo on Wednesday. "
        "City councillor Ingrid Solheim attended the meeting.",
        ref,
    )
    assert (got["Ingrid Solheim"]["title"], got["Ingrid Solheim"]["side"]) == (None, "guest")


def test_a_councillor_with_another_office_takes_that_office(ref):
    got = people(
        f"{DATE}Vice Mayor Lu Zhen of Ningbo met Mayor Otto Brandvik of Bergen in Ningbo on Wednesday. "
        "Councillor Ingrid Solheim, chair of the council's harbour committee, also attended.",
        ref,
    )
    assert got["Ingrid Solheim"]["title"] == "Chairman"


def test_a_lord_mayor_styled_councillor_is_a_lord_mayor(ref):
    # (guard: the office before the style still decides)
    got = people(
        f"{DATE}The Lord Mayor of Leeds, Councillor Agnes Merriweather, received Vice Mayor Lu Zhen of "
        "Ningbo on Wednesday.",
        ref,
    )
    assert got["Agnes Merriweather"]["title"] == "Lord Mayor"
