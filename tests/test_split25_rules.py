"""Rules written for the misses of blind split 25 (docs/split25_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_comrade_is_an_honorific_not_part_of_the_name(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the afternoon of March 11, Comrade Gao Minghui, Secretary of the Shenyang Municipal Committee "
        "of the Communist Party of China, met with Utrecht Mayor Pieter de Vries.\n\n"
        "Gao said the two cities would cooperate on water management."
    )
    got = people(text, ref)
    assert "Comrade Gao Minghui" not in got
    assert got["Gao Minghui"]["title"] == "Party Secretary"
    assert (got["Gao Minghui"]["country"], got["Gao Minghui"]["side"]) == ("CN", "host")


def test_a_deputy_party_secretary_who_is_also_mayor_is_the_mayor(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the afternoon of March 11, Comrade Gao Minghui, Deputy Secretary of the Municipal Party "
        "Committee and Mayor, met with the delegation led by Mr. Pieter de Vries, Mayor of Utrecht, "
        "the Netherlands.\n\n"
        "Gao said the two cities would cooperate on water management."
    )
    got = people(text, ref)
    assert got["Gao Minghui"]["title"] == "Mayor"
    assert got["Pieter de Vries"]["title"] == "Mayor"


def test_the_party_secretary_before_and_is_not_the_next_comrades_office(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the morning of 11th March (Monday), Comrade Gao Minghui, Secretary of the CPC Liaoning "
        "Provincial Committee, and Comrade Fu Jianping, Deputy Secretary of the Provincial Party "
        "Committee and Governor, met in Shenyang with the delegation led by Mr. Pieter de Vries, "
        "Mayor of Utrecht, the Netherlands.\n\n"
        "Gao said the two sides would cooperate on water management."
    )
    got = people(text, ref)
    assert got["Gao Minghui"]["title"] == "Party Secretary"
    assert got["Fu Jianping"]["title"] == "Governor"


def test_a_venue_at_the_end_of_an_apposition_gives_no_country(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the afternoon of March 11, Mayor Gao Minghui met with the delegation of the European Union "
        "Chamber of Commerce in China led by Mr. Peter Walsh, President of the Chamber, at the Shenyang "
        "Guest House.\n\n"
        "Gao said the two sides would cooperate on water management."
    )
    got = people(text, ref)
    assert (got["Peter Walsh"]["country"], got["Peter Walsh"]["side"]) == (None, "guest")
    assert (got["Gao Minghui"]["country"], got["Gao Minghui"]["side"]) == ("CN", "host")

