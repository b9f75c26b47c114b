"""Rules written for the misses of blind split 19 (docs/split19_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_a_sports_event_a_city_hosted_is_no_person(ref):
    text = (
        "Published: 2024-08-12\n\n"
        "Vice Governor Tan Meiling met with consuls general from nine countries stationed in Xi'an this "
        "morning.\n\n"
        "Among the guests was Marta Kowalczyk, Consul General of Poland.\n\n"
        "Shaanxi has just hosted a successful Xi'an Summer Universiade, Tan said."
    )
    got = people(text, ref)
    assert "Summer Universiade" not in got
    assert got["Tan Meiling"]["side"] == "host"
    assert got["Marta Kowalczyk"]["side"] == "guest"
