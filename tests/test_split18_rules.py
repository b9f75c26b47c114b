"""Rules written for the misses of split 18 (docs/split18_coverage.md), on sentences of our own."""

from __future__ import annotations

import pytest
from transform_helpers import people

GREETINGS_SENT_TO_SOMEONE_ABSENT = [
    (
        "Wuhan Party Secretary Guo Yuanqiang met with FIFA Vice President Helga Sandvik on Monday.\n\n"
        "Guo welcomed Sandvik and conveyed his greetings to FIFA President Marco Bellandi. He said "
        "Wuhan would host more football events.",
        {"Guo Yuanqiang", "Helga Sandvik"},
        "Marco Bellandi",
    ),
    (
        "Qingdao Mayor Zhao Haoming received Busan Mayor Park Sang-woo on Monday, and sent his "
        "congratulations to Korean President Yoon Min-ho on the anniversary of ties.",
        {"Zhao Haoming", "Park Sang-woo"},
        "Yoon Min-ho",
    ),
    (
        "Dalian Mayor Chen Haibo met with Gothenburg Mayor Erik Lindqvist on Thursday.\n\n"
        "Chen welcomed Lindqvist and asked him to pass on his regards to Swedish Prime Minister Olof "
        "Bergstrand. Chen said the ports would share shipping routes.",
        {"Chen Haibo", "Erik Lindqvist"},
        "Olof Bergstrand",
    ),
    (
        "Nanning Mayor Zhou Jiabin met with Thai Minister of Commerce Prasert Wongsawat on Friday.\n\n"
        "Zhou welcomed Prasert and extended best wishes to Thai Prime Minister Anan Chaiyasit. Zhou "
        "said Guangxi would buy more durians.",
        {"Zhou Jiabin", "Prasert Wongsawat"},
        "Anan Chaiyasit",
    ),
]


@pytest.mark.parametrize(("body", "present", "absent"), GREETINGS_SENT_TO_SOMEONE_ABSENT)
def test_whoever_greetings_are_sent_to_takes_no_part(ref, body, present, absent):
    got = people("Published: 2024-03-12\n\n" + body, ref)
    assert present <= set(got)
    assert absent not in got


def test_greetings_to_the_guest_met_keep_the_guest(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Suzhou Party Secretary Liu Xiaotao met with Bavarian Minister Anna Keller on Wednesday. Liu "
        "extended greetings to Minister Anna Keller and her delegation."
    )
    got = people(text, ref)
    assert (got["Anna Keller"]["side"], got["Anna Keller"]["role"]) == ("guest", "lead")
