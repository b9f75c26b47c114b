"""Rules the lead wrote in session 10 from probe sentences of their own (no split's misses): people
a report cites in passing whom earlier rules took for participants."""

from __future__ import annotations

import pytest
from transform_helpers import docs, people

from flows.transform import transform

LEDE = (
    "Date: 2025-03-14\n\nGovernor Tan Weiping of Hubei met Consul General Ines Marchetti of Italy in "
    "Wuhan on Wednesday."
)


def cited(sentence: str, ref) -> dict[str, dict]:
    got = people(LEDE + "\n\n" + sentence, ref)
    assert {"Tan Weiping", "Ines Marchetti"} <= set(got)
    return got


@pytest.mark.parametrize(
    "sentence",
    [
        "Her predecessor Paolo Ricci met Tan in November.",
        "Marchetti's predecessor, Paolo Ricci, held talks with Tan twice.",
        "Paolo Ricci, her predecessor, met Tan in November.",
    ],
)
def test_a_predecessor_is_cited_not_present(sentence, ref):
    assert "Paolo Ricci" not in cited(sentence, ref)


@pytest.mark.parametrize("site", ["memorial", "tomb", "statue", "birthplace"])
def test_the_person_a_memorial_or_statue_honours_is_no_one_present(site, ref):
    # (with someone accompanying the visit, the name of the site had been read as a guest)
    got = cited(f"Marchetti also visited the {site} of Dr. Lin Zexu, accompanied by curator Zhou Min.", ref)
    assert "Lin Zexu" not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019, Tan's office received a delegation from Lombardy led by Luca Ferraro.",
        "Last year, a delegation led by Luca Ferraro toured the Wuhan auto plants.",
        "Tan had received a delegation led by Luca Ferraro in 2019.",
    ],
)
def test_a_led_by_sentence_of_another_time_tells_of_another_visit(sentence, ref):
    assert "Luca Ferraro" not in cited(sentence, ref)


def test_a_led_by_sentence_of_this_visit_still_names_the_head(ref):
    got = people(
        "Date: 2025-03-14\n\nGovernor Tan Weiping of Hubei met an Italian business delegation in Wuhan on "
        "Wednesday.\n\nThe delegation, led by Luca Ferraro, came from Milan.",
        ref,
    )
    assert (got["Luca Ferraro"]["side"], got["Luca Ferraro"]["role"]) == ("guest", "lead")


@pytest.mark.parametrize(
    "sentence",
    ["Tan once received Luca Ferraro in Wuhan.", "Marchetti had once met Luca Ferraro in Rome."],
)
def test_once_met_tells_of_another_meeting(sentence, ref):
    assert "Luca Ferraro" not in cited(sentence, ref)


MET = "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden in Shanghai"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (f"{MET} on the 5th.", "2024-10-05"),
        (f"On the afternoon of the 7th, {MET}.", "2024-10-07"),
        (f"{MET} on the 7th, and the two discussed trade.", "2024-10-07"),
        # a day still to come in the month of publication is of the month before
        (f"{MET} on the 28th.", "2024-09-28"),
        (f"{MET} on 2024-10-07.", "2024-10-07"),
        # an ordinal naming an edition, an anniversary or a floor is no date
        (f"{MET} on the sidelines of the 6th Import Expo.", None),
        (f"{MET} on the 10th anniversary of the sister-city ties.", None),
    ],
)
def test_a_day_of_no_month_is_of_the_month_of_publication(sentence, date, ref):
    t = transform(docs("Date: 2024-10-08\n\n" + sentence), ref)
    assert [None if d is None else str(d) for d in t.meetings["meeting_date"]] == [date]


@pytest.mark.parametrize(
    "lede",
    [
        "Mayor Zhang Qiming welcomed a Swedish delegation headed by Minister Anna Berg on Monday.",
        "Mayor Zhang Qiming warmly welcomed the Swedish business delegation on Monday. It was led by "
        "Minister Anna Berg.",
    ],
)
def test_welcoming_a_body_of_visitors_is_a_meeting(lede, ref):
    got = people("Date: 2024-10-08\n\n" + lede, ref)
    assert (got["Zhang Qiming"]["side"], got["Anna Berg"]["side"]) == ("host", "guest")
    assert got["Anna Berg"]["country"] == "SE"


@pytest.mark.parametrize(
    "lede",
    [
        "Mayor Zhang Qiming exchanged views with Ambassador Anna Berg of Sweden in Shanghai on Monday.",
        "Mayor Zhang Qiming conferred with Ambassador Anna Berg of Sweden in Shanghai on Monday.",
        "Mayor Zhang Qiming had a cordial conversation with Ambassador Anna Berg of Sweden on Monday.",
        "Mayor Zhang Qiming entertained Ambassador Anna Berg of Sweden at a banquet on Monday.",
        "Ambassador Anna Berg of Sweden visited Mayor Zhang Qiming in Shanghai on Monday.",
    ],
)
def test_more_ways_of_telling_a_meeting(lede, ref):
    got = people("Date: 2024-10-08\n\n" + lede, ref)
    assert (got["Zhang Qiming"]["side"], got["Anna Berg"]["side"]) == ("host", "guest")


@pytest.mark.parametrize(
    "opening",
    [
        "Meeting with Swedish Ambassador Anna Berg on Monday",
        "At a meeting with Swedish Ambassador Anna Berg on Monday",
    ],
)
def test_the_speaker_after_an_opening_meeting_clause_is_its_subject(opening, ref):
    got = people(
        f"Date: 2024-10-08\n\n{opening}, Mayor Zhang Qiming said the city valued its ties with Sweden.", ref
    )
    assert (got["Zhang Qiming"]["side"], got["Zhang Qiming"]["country"]) == ("host", "CN")
    assert (got["Anna Berg"]["side"], got["Anna Berg"]["country"]) == ("guest", "SE")


@pytest.mark.parametrize(
    ("description", "title"),
    [
        # (Xinhua's lower case: the party post first, the government office after "and")
        (
            "member of the Standing Committee of the CPC Wuhan Municipal Committee and executive vice mayor",
            "Executive Vice Mayor",
        ),
        ("vice chairperson of the Hubei Provincial Committee of the CPPCC", "Vice Chairman"),
    ],
)
def test_lower_case_descriptions_give_the_office(description, title, ref):
    got = people(
        f"Date: 2025-03-14\n\nLiu Duo, {description}, met Consul General Ines Marchetti of Italy in Wuhan on Wednesday.",
        ref,
    )
    assert (got["Liu Duo"]["title"], got["Liu Duo"]["side"]) == (title, "host")
