"""Rules the lead wrote in session 9 from probe articles of their own (no split's misses)."""

from __future__ import annotations

import textwrap

import pytest
from transform_helpers import docs, people

from flows.transform import transform
from flows.transform.documents import split_documents

LEDE = (
    "Liu Changhai, Secretary of the Guangxi Zhuang Autonomous Region Committee of the Communist "
    "Party of China, met with a delegation of the Lao People's Revolutionary Party led by Khamphouy "
    "Sisavath, Governor of Luang Prabang Province, in Nanning on Thursday."
)
BODY = (
    "Liu said that Guangxi would work with Luang Prabang on border trade, the training of young "
    "officials and the processing of farm produce, and that the railway had brought the two sides closer."
)


def wrapped(width: int) -> str:
    """An e-paper page: every paragraph hard-wrapped at `width` characters."""
    paras = [textwrap.fill(p, width, break_on_hyphens=False) for p in (LEDE, BODY)]
    return (
        "date 2024-06-14\nPROVINCIAL DAILY  |  PAGE 3\n\nGuangxi party chief meets Lao delegation\n\n"
        + "\n\n".join(paras)
    )


@pytest.mark.parametrize("width", [48, 58, 72])
def test_a_lede_hard_wrapped_across_lines_is_one_sentence(width, ref):
    # the lede's first lines had passed for page top (and "by Khamphouy ..." for a byline): no meeting
    got = people(wrapped(width), ref)
    assert (got["Liu Changhai"]["side"], got["Liu Changhai"]["role"]) == ("host", "lead")
    assert (got["Khamphouy Sisavath"]["side"], got["Khamphouy Sisavath"]["title"]) == ("guest", "Governor")
    assert got["Khamphouy Sisavath"]["country"] == "LA"


def test_page_furniture_inside_a_paragraph_is_dropped_and_a_printers_hyphen_closes_up(ref):
    text = wrapped(58) + (
        "\n\nThe two sides agreed to expand cooperation in agri-\nContinued on Page 4\n"
        "PROVINCIAL DAILY | PAGE 4 | FRIDAY, JUNE 14, 2024\nFrom Page 3\n"
        "culture and in the processing of farm produce for\nexport to markets in Southeast Asia."
    )
    body = split_documents(docs(text), known_words=ref.known_words)["body"][0]
    assert "cooperation in agriculture and in the processing" in body
    assert "Page" not in body and "PAGE" not in body and "FRIDAY" not in body
    themes = transform(docs(text), ref).meeting_themes["theme"].to_list()
    assert "agriculture_food" in themes


@pytest.mark.parametrize(
    "broken,whole",
    [
        ("Vincent Ho Yuet-\nngor", "Vincent Ho Yuet-ngor"),  # a name's own hyphen stays
        ("people-to-\npeople exchanges", "people-to-people exchanges"),  # a compound's stays
        ("closer rela-\ntions", "closer relations"),  # a lower-case word before a common ending
        ("the Vice Gover-\nnor of", "the Vice Governor of"),  # a word of a title (reference data)
    ],
)
def test_a_word_hyphenated_at_a_wrapped_line_break(broken, whole, ref):
    filler = "The two sides agreed to keep in close touch on matters of common interest in the future"
    text = (
        "date 2024-06-14\nCOASTAL TIMES\n\nHeadline of the page\n\n"
        f"{filler} and said that {broken} and the rest of it all\nwent on as planned for the week.\n"
        f"{filler} and also agreed to meet again next year in\nthe city of Xiamen."
    )
    body = split_documents(docs(text), known_words=ref.known_words)["body"][0]
    assert whole in body


def test_an_ordinary_page_keeps_its_lines(ref):
    # one line per paragraph and a headline with no blank line under it: nothing is rejoined
    text = (
        "date 2024-06-14\nCity News\nMayor meets envoy\n"
        "Mayor Gong Zheng met with Italian Ambassador Massimo Ambrosetti on Monday.\n"
        "They discussed trade."
    )
    out = split_documents(docs(text), known_words=ref.known_words)
    assert out["headline"][0] == "Mayor meets envoy"
    assert out["body"][0].startswith("Mayor Gong Zheng met with")


def test_known_words_are_the_lower_case_words_of_reference_phrases(ref):
    words = set(ref.known_words)
    assert {"governor", "ambassador", "agriculture"} <= words
    assert not any(len(w) < 4 or w != w.lower() for w in words)


@pytest.mark.parametrize(
    "subject",
    [
        "A German delegation led by Minister Anna Keller",
        "A delegation of the German parliament led by Minister Anna Keller",
        "The delegation of the Bundestag led by its Vice President Anna Keller",
    ],
)
def test_a_delegation_led_by_someone_before_the_verb_is_the_visitor(subject, ref):
    # the object's office names no place: the delegation had been taken for the hosts
    for where in (" in Urumqi", ""):
        got = people(
            f"date 2024-05-10\nNews\n\n{subject} met Mayor Ma Jun{where} on Monday.\n\nThey discussed trade.",
            ref,
        )
        assert (got["Anna Keller"]["side"], got["Anna Keller"]["country"]) == ("guest", "DE")
        assert (got["Ma Jun"]["side"], got["Ma Jun"]["country"]) == ("host", "CN")


def test_a_parliament_by_its_own_name_is_no_person(ref):
    text = (
        "date 2024-05-10\nNews\n\nBatbold Ganzorig, Deputy Speaker of the State Great Khural of Mongolia, "
        "was received by Vice Chairman Xu Jianhua in Hohhot on Monday.\n\nThey discussed trade."
    )
    got = people(text, ref)
    assert set(got) == {"Batbold Ganzorig", "Xu Jianhua"}
    assert (got["Batbold Ganzorig"]["title"], got["Batbold Ganzorig"]["country"]) == ("Deputy Speaker", "MN")


def test_a_partys_general_secretary_is_named_so(ref):
    # an office the canonical list does not name: written as named (ANNOTATION.md), not null
    text = (
        "date 2024-05-10\nNews\n\nKwame Boateng, General Secretary of the National Democratic Congress "
        "of Ghana, met Party Secretary Liu Ning in Nanning on Tuesday.\n\nThey discussed trade."
    )
    got = people(text, ref)
    assert (got["Kwame Boateng"]["title"], got["Liu Ning"]["title"]) == (
        "General Secretary",
        "Party Secretary",
    )


@pytest.mark.parametrize(
    "invitation",
    [
        "The delegation is visiting China at the invitation of the International Department of the CPC Central Committee, headed by Liu Jianxin.",
        "The visit was made at the invitation of the provincial friendship association, which is led by Liu Jianxin.",
    ],
)
def test_the_head_of_the_body_that_invited_the_visitors_is_no_participant(invitation, ref):
    text = (
        "date 2024-05-10\nNews\n\nParty Secretary Wang Hao met with a delegation of the Communist Party of "
        f"Vietnam led by Ngo Van Tuan in Nanning on Tuesday.\n\n{invitation}"
    )
    got = people(text, ref)
    assert set(got) == {"Wang Hao", "Ngo Van Tuan"}


def test_a_delegation_headed_by_someone_still_names_its_lead(ref):
    text = (
        "date 2024-05-10\nNews\n\nParty Secretary Wang Hao met with a delegation of the Communist Party of "
        "Vietnam in Nanning on Tuesday.\n\nThe delegation is headed by Ngo Van Tuan, Secretary of the Lang "
        "Son Provincial Party Committee."
    )
    got = people(text, ref)
    assert (got["Ngo Van Tuan"]["side"], got["Ngo Van Tuan"]["role"]) == ("guest", "lead")


def test_a_running_head_cutting_into_a_sentence_gives_no_weekday(ref):
    # the next page's head, between two lines of one sentence, is no date of the meeting; the page
    # top's head (with the same fields) still dates the page
    text = (
        "A3 | CITY DAILY | Monday, June 17, 2024\n\nMayor meets envoy\n\n"
        "Mayor Gong Zheng met with Italian Ambassador Massimo Ambrosetti on Tuesday at the city hall.\n\n"
        + "".join(f"Gong said the city had opened its {n} new park this year.\n\n" for n in range(1, 10))
        + "Ambrosetti said Italian firms would take part in the trade fair and in\n"
        "A4 | CITY DAILY | Monday, June 17, 2024\n"
        "the expo, and the two sides discussed trade and tourism.\n"
    )
    t = transform(docs(text), ref)
    row = t.meetings.row(0, named=True)
    assert (str(row["published_date"]), str(row["meeting_date"])) == ("2024-06-17", "2024-06-11")
    body = split_documents(docs(text), known_words=ref.known_words)["body"][0]
    assert "CITY DAILY" not in body and "tourism" in body
