"""Rules written for the misses of blind split 31 (docs/split31_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_an_office_after_and_in_an_of_phrase_is_the_next_names(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Tianjin Mayor Zhang Weimin met with Leeds Lord Mayor Oliver Grant on Monday.\n\n"
        "Baroness Clara Hughes, Peter Nolan of the Leeds City Council and British Consul General "
        "in Shanghai Ruth Eames also attended the meeting."
    )
    got = people(text, ref)
    assert "Clara Hughes" in got and "Baroness Clara Hughes" not in got
    assert got["Peter Nolan"]["title"] is None
    assert got["Ruth Eames"]["title"] == "Consul General"
