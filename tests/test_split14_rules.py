"""Rules written for the misses of blind split 14 (docs/split14_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_names_in_a_time_counted_from_another_event_take_no_part(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Dalian Mayor Chen Weiguo met with Hokkaido Governor Aiko Tanabe on Monday, two weeks after "
        "Japanese Foreign Minister Kenji Morita's trip to Beijing.\n\n"
        "Chen said the two sides would expand fisheries cooperation."
    )
    got = people(text, ref)
    assert {"Chen Weiguo", "Aiko Tanabe"} <= set(got)
    assert "Kenji Morita" not in got


def test_names_in_an_object_relative_clause_take_no_part(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Qingdao Mayor Zhao Haoming met with Busan Mayor Park Sang-woo on Monday at the Qingdao Expo, "
        "which Korean Prime Minister Lee Dong-hoon toured the same morning.\n\n"
        "Zhao said the two ports would share container routes."
    )
    got = people(text, ref)
    assert {"Zhao Haoming", "Park Sang-woo"} <= set(got)
    assert "Lee Dong-hoon" not in got


def test_a_which_clause_listing_members_still_names_participants(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Qingdao Mayor Zhao Haoming met with a delegation led by Busan Mayor Park Sang-woo on Monday.\n\n"
        "The delegation, which included Busan port director Kim Min-jae, toured the container terminal."
    )
    got = people(text, ref)
    assert {"Zhao Haoming", "Park Sang-woo", "Kim Min-jae"} <= set(got)


def test_a_visit_told_in_an_aside_is_no_destination_of_the_meeting(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Premier Ruth Halvorsen welcomed Fujian Governor Zhao Longwei to Parliament House in Hobart on "
        "Monday, three months after Prime Minister Colin Ashby's visit to Beijing.\n\n"
        "Halvorsen said the island would sell more salmon to Fujian."
    )
    got = people(text, ref)
    assert "Colin Ashby" not in got
    assert (got["Ruth Halvorsen"]["country"], got["Ruth Halvorsen"]["side"]) == ("AU", "host")
    assert (got["Zhao Longwei"]["country"], got["Zhao Longwei"]["side"]) == ("CN", "guest")


def test_an_agency_dateline_opening_the_lede_describes_nobody(ref):
    text = (
        "Published: 2024-05-15\n\n"
        "(EFE) Chengdu - The President of Aragon, Pilar Lanuza, was received on Tuesday by "
        "the Mayor of Chengdu, Wang Fengchao.\n\n"
        "Lanuza said Aragon and Sichuan would cooperate on farming."
    )
    got = people(text, ref)
    assert (got["Pilar Lanuza"]["country"], got["Pilar Lanuza"]["side"]) == ("ES", "guest")
    assert got["Pilar Lanuza"]["organization"] is None
