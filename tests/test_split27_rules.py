"""Rules written for the misses of split 27 (docs/split27_coverage.md), on sentences of our own."""

from __future__ import annotations

import pytest
from transform_helpers import people


@pytest.mark.parametrize(
    "dateline",
    [
        "NANNING, May 9 (Reporter Huang Lifen) --",
        "NANNING, May 9 (By staff reporter Huang Lifen) --",
        "NANNING, May 9 (Guangxi Daily correspondent: Huang Lifen) -",
    ],
)
def test_a_bracketed_byline_in_the_dateline_credits_no_participant(ref, dateline):
    text = (
        "Nanning mayor meets Lao delegation\n\n"
        f"{dateline} Nanning Mayor Zhou Haibin met on Tuesday with Vientiane Governor "
        "Athsaphangthong Siphandone on the sidelines of the China-ASEAN Expo.\n\n"
        "Zhou said the two cities would open more flights."
    )
    got = people(text, ref)
    assert {"Zhou Haibin", "Athsaphangthong Siphandone"} <= set(got)
    assert "Huang Lifen" not in got
