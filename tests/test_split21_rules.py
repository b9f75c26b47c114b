"""Rules written for the misses of blind split 21 (docs/split21_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_a_name_after_the_speech_verb_of_a_member_list_is_cited(ref):
    text = (
        "Published: 2024-05-14\n\n"
        "Wuhan Mayor Sheng Xiaobo met with Hyogo Governor Taro Kimura on Tuesday.\n\n"
        "Meeting Kimura and his delegation, which included Hyogo Assembly Speaker Jiro Sato, Sheng "
        "said Premier Li Qiang has called for closer ties between the two countries.\n\n"
        "Kimura said Hyogo would welcome more Wuhan companies."
    )
    got = people(text, ref)
    assert {"Sheng Xiaobo", "Taro Kimura", "Jiro Sato"} <= set(got)
    assert got["Jiro Sato"]["role"] == "member"
    assert "Li Qiang" not in got
