"""Rules written for the misses of blind split 13 (docs/split13_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_a_city_closing_a_three_word_name_is_its_surname(ref):
    text = (
        "Published: 2024-05-10\n\n"
        "Chengdu Mayor Wang Hao met with Joao Pedro Fortaleza, vice president of the Asian "
        "Infrastructure Investment Bank, in Chengdu on Thursday.\n\n"
        "Wang said Chengdu welcomed more Brazilian investors."
    )
    got = people(text, ref)
    assert "Joao Pedro Fortaleza" in got and "Joao Pedro" not in got
    assert got["Joao Pedro Fortaleza"]["side"] == "guest"
    assert got["Joao Pedro Fortaleza"]["country"] is None
