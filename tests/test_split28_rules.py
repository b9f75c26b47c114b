"""Rules written for the misses of split 28 (docs/split28_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_names_in_a_relative_clause_that_follows_another_event_take_no_part(ref):
    text = (
        "Published: 2024-06-20\n\n"
        "Sichuan Governor Huang Mingde met Premier of Queensland Laura Brennick in Brisbane on "
        "Tuesday, during a tour of Australia that followed Foreign Minister Peter Dunmore's visit "
        "to Chengdu in spring.\n\n"
        "Huang said Sichuan would buy more beef from Queensland."
    )
    got = people(text, ref)
    assert {"Huang Mingde", "Laura Brennick"} <= set(got)
    assert "Peter Dunmore" not in got
