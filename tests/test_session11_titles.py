"""Titles settled in session 11 (docs/ANNOTATION.md, "Settled conventions (session 11)";
docs/gold_conventions_session11.md), on sentences written for these tests: offices off the canonical
list are given as the article names them, without their field or place, and a SAR policy secretary
is a Secretary."""

from __future__ import annotations

import pytest
from transform_helpers import described, people

DATE = "Date: 2025-03-14\n\n"


@pytest.mark.parametrize(
    "description",
    [
        "Macao's Secretary for Transport and Public Works",
        "Secretary for Security of the Hong Kong SAR Government",
        "the Hong Kong secretary for housing",
    ],
)
def test_a_sar_policy_secretary_is_a_secretary(description, ref):
    assert described(description, ref)["title"] == "Secretary"


def test_a_sar_policy_secretary_before_the_name_is_a_secretary(ref):
    assert described("Hong Kong's Secretary for Labour and Welfare", ref, before=True)["title"] == "Secretary"


def test_a_bare_secretary_is_still_no_title(ref):
    # (a secretary of no party committee and no field: drop_party_only_titles, as before)
    assert described("secretary of the Lisbon trade association", ref)["title"] is None


@pytest.mark.parametrize(
    ("description", "title"),
    [
        ("County Executive of Erie County", "County Executive"),
        ("Deputy Governor of Tver Region", "Deputy Governor"),
        ("Executive Director of the Pacific Ports Council", "Executive Director"),
        ("Deputy Executive Director of the Pacific Ports Council", "Deputy Executive Director"),
        ("Principal Secretary of the State Department for Trade", "Principal Secretary"),
        ("Joint Secretary in the Ministry of Commerce", "Joint Secretary"),
        ("Additional Chief Secretary of the Industries Department", "Additional Chief Secretary"),
        ("Deputy Chief Minister of Sabah", "Deputy Chief Minister"),
        ("First Deputy Chairman of the Government of Tuva", "First Deputy Chairman"),
        ("Prefect of Manabi", "Prefect"),
        ("County Secretary of Kisumu", "County Secretary"),
        ("Resident Representative of the UNDP in China", "Resident Representative"),
        ("the IMF's senior resident representative in China", "Senior Resident Representative"),
        ("State Executive Councillor for Tourism of Perak", "State Executive Councillor"),
        ("Vice-Chancellor of Lakeshore University", "Vice Chancellor"),
        ("vice chancellor of Lakeshore University", "Vice Chancellor"),
    ],
)
def test_offices_off_the_canonical_list_are_given_as_named(description, title, ref):
    assert described(description, ref)["title"] == title


def test_a_county_executive_committee_member_holds_no_county_executive_title(ref):
    assert described("County Executive Committee Member for Trade of Kisumu", ref)["title"] is None


def test_a_county_executive_committee_member_accompanying_a_visitor_is_a_guest(ref):
    got = people(
        f"{DATE}Vice Mayor Lu Zhen of Ningbo met Governor Peter Otieno of Kisumu in Ningbo on Wednesday. "
        "The governor was accompanied by the County Executive Committee Member for Trade, Mary Wanjiku Ouma.",
        ref,
    )
    assert (got["Mary Wanjiku Ouma"]["title"], got["Mary Wanjiku Ouma"]["side"]) == (None, "guest")


def test_vice_chancellor_and_president_is_president(ref):
    assert described("Vice-Chancellor and President of Lakeshore University", ref)["title"] == "President"


def test_an_honorific_after_a_comma_opens_the_next_name_s_description(ref):
    got = people(
        f"{DATE}Fujian Governor Chen Mingde met Sabah Chief Minister Joseph Lim in Fuzhou on Wednesday. "
        "Attending were Wong Kim Hock, Deputy Chief Minister of Sabah, Dr. Rahim Salleh, Minister of "
        "Tourism of Sabah, and Datuk Amar Liew Boon Tat.",
        ref,
    )
    assert got["Wong Kim Hock"]["title"] == "Deputy Chief Minister"
    assert got["Rahim Salleh"]["title"] == "Minister"
