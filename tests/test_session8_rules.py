"""Rules the lead wrote in session 8 from probe sentences of their own (no split's misses)."""

from __future__ import annotations

import pytest
from transform_helpers import people


@pytest.mark.parametrize(
    "lede,host,guest",
    [
        # the object is the visitor, though the only place named is where the guest serves
        ("Vice Mayor Liu Duo met visiting Osaka Mayor Hiroshi Tanaka on Tuesday.", "Liu Duo", "Hiroshi Tanaka"),
        ("Vice Mayor Liu Duo met with the visiting Osaka Mayor Hiroshi Tanaka on Tuesday.", "Liu Duo", "Hiroshi Tanaka"),
        # the subject is the visitor
        ("Visiting Osaka Mayor Hiroshi Tanaka met with Vice Mayor Liu Duo on Tuesday.", "Liu Duo", "Hiroshi Tanaka"),
        # a gerund later in the lede describes the subject: no visitor marked, the destination decides
        ("Vice Mayor Liu Duo met Osaka Mayor Hiroshi Tanaka while visiting Osaka on Tuesday.", "Hiroshi Tanaka", "Liu Duo"),
    ],
)  # fmt: skip
def test_visiting_before_a_person_marks_the_guest(lede, host, guest, ref):
    got = people(f"date 2024-05-10\nCity news\n\n{lede}\n\nThey discussed trade.", ref)
    assert (got[host]["side"], got[guest]["side"]) == ("host", "guest")
