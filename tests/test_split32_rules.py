"""Rules written for the misses of split 32 (docs/split32_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_indian_honorifics_are_no_part_of_the_name(ref):
    text = (
        "Published: 2025-02-11\n\n"
        "The Consul General of France in Chennai, Mr. Pierre Lavaud, called on Chief Minister "
        "Thiru S. Anbarasan at the Secretariat on Monday.\n\n"
        "Shri Mohan Kulkarni, Industries Secretary, and Smt. Devika Raman, Director of Tourism, "
        "were present.\n\n"
        "Anbarasan said the state would welcome French investment in electric vehicles."
    )
    got = people(text, ref)
    assert {"S. Anbarasan", "Mohan Kulkarni", "Devika Raman", "Pierre Lavaud"} <= set(got)
    assert not any(n.split()[0] in {"Thiru", "Shri", "Smt."} for n in got)
    assert got["S. Anbarasan"]["title"] == "Chief Minister"


def test_at_after_an_apposition_opens_the_venue_not_a_description(ref):
    text = (
        "Published: 2025-03-04\n\n"
        "Governor Morikawa Kenji received a delegation of the Jilin Provincial People's Congress led by "
        "its Vice Chairman, Sun Haoran, at the Niigata Prefectural Office in Niigata yesterday.\n\n"
        "Sun said Jilin valued the friendship."
    )
    got = people(text, ref)
    assert (got["Morikawa Kenji"]["country"], got["Morikawa Kenji"]["side"]) == ("JP", "host")
    assert (got["Sun Haoran"]["country"], got["Sun Haoran"]["side"]) == ("CN", "guest")
