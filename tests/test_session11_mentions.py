"""Session 11, issue 11g: people a report only mentions, and days of other events, in probe sentences
of our own (no split's articles). Each report has one real meeting and one trap; the trap is often in
the lede's own sentence, where earlier rules read everyone named as a participant."""

from __future__ import annotations

import datetime as dt

import pytest
from transform_helpers import docs, people

from flows.transform import transform

HEAD = "Date: 2025-06-13\n\nCity leader meets visiting envoy\n\n"  # a Friday


def got(body: str, ref) -> dict[str, dict]:
    return people(HEAD + body, ref)


def meeting_date(body: str, ref) -> dt.date | None:
    m = transform(docs(HEAD + body), ref).meetings
    assert m.height == 1
    return m["meeting_date"][0]


def assert_only(found: dict[str, dict], *names: str) -> None:
    assert set(found) == set(names), sorted(found)


# ---------------------------------------------------------------- cited through a relation
@pytest.mark.parametrize(
    ("body", "cited"),
    [
        (
            "Mayor Fang Lijun of Xiamen met Professor Hugo Brandt, a former student of Albert Schweitzer, "
            "on Tuesday.",
            "Albert Schweitzer",
        ),
        (
            "Mayor Fang Lijun of Xiamen met Governor Elena Cruz of Cebu, a granddaughter of President "
            "Ramon Cruz, on Tuesday.",
            "Ramon Cruz",
        ),
        (
            "Mayor Fang Lijun of Xiamen met Consul General Tomas Lind of Sweden, a longtime aide to Prime "
            "Minister Olof Nyberg, on Tuesday.",
            "Olof Nyberg",
        ),
        (
            "Mayor Fang Lijun of Xiamen met writer Ruth Alder, a relative of explorer Fridtjof Hansen, on "
            "Tuesday.",
            "Fridtjof Hansen",
        ),
    ],
)
def test_the_person_a_relation_is_told_of_is_cited(body, cited, ref):
    found = got(body, ref)
    assert "Fang Lijun" in found and cited not in found


def test_the_people_of_the_relation_still_take_part(ref):
    found = got(
        "Mayor Fang Lijun of Xiamen met Governor Elena Cruz of Cebu, a granddaughter of President Ramon "
        "Cruz, on Tuesday.",
        ref,
    )
    assert (found["Elena Cruz"]["side"], found["Elena Cruz"]["title"]) == ("guest", "Governor")


def test_a_principal_in_the_possessive_is_cited(ref):
    found = got(
        "Mayor Fang Lijun of Xiamen met King Carl Gustaf's special envoy Tomas Lind on Tuesday.",
        ref,
    )
    assert_only(found, "Fang Lijun", "Tomas Lind")


def test_the_person_whose_birth_or_memory_is_marked_is_cited(ref):
    found = got(
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday to mark the birthday of "
        "Carl Linnaeus.",
        ref,
    )
    assert_only(found, "Fang Lijun", "Tomas Lind")


# ---------------------------------------------------------------- a source of the report
@pytest.mark.parametrize(
    ("body", "cited"),
    [
        (
            "Mayor Fang Lijun met a delegation of Volvo Cars led by its CEO Hakan Berg on Tuesday, company "
            "spokeswoman Ulla Strand said.",
            "Ulla Strand",
        ),
        (
            "Mayor Fang Lijun met Consul General Tomas Lind of Sweden on Tuesday, Xinhua correspondent Gao "
            "Ming reported.",
            "Gao Ming",
        ),
    ],
)
def test_a_source_of_the_report_named_in_the_lede_is_cited(body, cited, ref):
    found = got(body, ref)
    assert "Fang Lijun" in found and cited not in found


# ---------------------------------------------------------------- standing in for someone absent
@pytest.mark.parametrize(
    "body",
    [
        "Deputy Minister Paulo Reis of Angola met Mayor Fang Lijun of Xiamen on Tuesday, representing "
        "Minister Clara Neto.",
        "Deputy Minister Paulo Reis of Angola met Mayor Fang Lijun of Xiamen on Tuesday in place of "
        "Minister Clara Neto, who was taken ill.",
        "Mayor Fang Lijun of Xiamen met Deputy Minister Paulo Reis of Angola on Tuesday and received from "
        "him a letter of thanks from Minister Clara Neto.",
    ],
)
def test_the_person_someone_stands_in_for_is_cited(body, ref):
    assert_only(got(body, ref), "Fang Lijun", "Paulo Reis")


# ---------------------------------------------------------------- asides of the lede after its verb
@pytest.mark.parametrize(
    "body",
    [
        # an object relative of a person
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden, whom King Carl Gustaf appointed "
        "in March, on Tuesday.",
        # the agent of another event's verb, the author of a work
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday to carry out the "
        "agreement reached by Prime Minister Olof Nyberg and Premier Li Qiang.",
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday evening before a recital "
        "by violinist Anne Sofie Berg.",
        # another event after (or before) the meeting
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday, ahead of Lind's talks "
        "with Vice Premier Ding Xuexiang in Beijing.",
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday, following talks between "
        "Prime Minister Olof Nyberg and Premier Li Qiang.",
        "Ambassador Tomas Lind of Sweden was received by Mayor Fang Lijun of Xiamen on Tuesday, after a "
        "meeting with Fujian Governor Zhao Long in Fuzhou.",
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday to prepare for a visit "
        "by King Carl Gustaf.",
    ],
)
def test_an_aside_of_the_lede_about_another_event_names_no_participant(body, ref):
    assert_only(got(body, ref), "Fang Lijun", "Tomas Lind")


@pytest.mark.parametrize(
    "body",
    [
        "Ambassador Tomas Lind of Sweden, who met Party Secretary Cui Yonghui last year, called on Mayor "
        "Fang Lijun of Xiamen on Tuesday.",
        "Ambassador Tomas Lind of Sweden, whose visit follows that of King Carl Gustaf in April, called "
        "on Mayor Fang Lijun of Xiamen on Tuesday.",
    ],
)
def test_a_relative_clause_about_another_meeting_before_the_main_verb(body, ref):
    found = got(body, ref)
    assert_only(found, "Fang Lijun", "Tomas Lind")
    assert (found["Fang Lijun"]["side"], found["Tomas Lind"]["side"]) == ("host", "guest")


def test_a_relative_clause_with_the_meeting_itself_is_no_aside(ref):
    # (no other meeting verb after the clause: the clause tells this meeting)
    found = got(
        "Ambassador Tomas Lind of Sweden, who met Mayor Fang Lijun of Xiamen on Tuesday, said Swedish "
        "firms want to grow in Fujian.",
        ref,
    )
    assert {"Fang Lijun", "Tomas Lind"} <= set(found)


def test_a_time_counted_from_another_meeting_without_a_comma(ref):
    found = got(
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday. The meeting came two "
        "days after Lind held talks with Fujian Governor Zhao Long.",
        ref,
    )
    assert_only(found, "Fang Lijun", "Tomas Lind")


def test_the_day_before_is_another_time(ref):
    found = got(
        "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday. The day before, the "
        "ambassador held talks with Fujian Governor Zhao Long.",
        ref,
    )
    assert_only(found, "Fang Lijun", "Tomas Lind")


def test_a_leader_cited_after_cited_is_no_participant(ref):
    found = got(
        "Meeting Ambassador Tomas Lind of Sweden on Tuesday, Mayor Fang Lijun of Xiamen cited President Xi "
        "Jinping's call for openness.",
        ref,
    )
    assert_only(found, "Fang Lijun", "Tomas Lind")


# ---------------------------------------------------------------- days of other events
@pytest.mark.parametrize(
    ("body", "day"),
    [
        # the lede's own day first, before another sentence's date
        (
            "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden yesterday. The city hosted "
            "the ambassador's predecessor on May 20.",
            dt.date(2025, 6, 12),
        ),
        # a date in an aside of another event
        (
            "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday, four days before the "
            "opening of the Xiamen fair on Saturday, June 14.",
            dt.date(2025, 6, 10),
        ),
        (
            "Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of Sweden on Tuesday, ahead of the "
            "investment fair that opens on Sunday, June 15.",
            dt.date(2025, 6, 10),
        ),
        # clauses of the lede about another event, while the rest states a day
        (
            "After the trade fair closed on June 2, Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of "
            "Sweden on Wednesday.",
            dt.date(2025, 6, 11),
        ),
        (
            "Ambassador Tomas Lind of Sweden, who arrived in Fujian on Sunday, met Mayor Fang Lijun of "
            "Xiamen on Tuesday.",
            dt.date(2025, 6, 10),
        ),
        (
            "Ambassador Tomas Lind of Sweden arrived in Xiamen on Monday and held talks with Mayor Fang "
            "Lijun on Wednesday.",
            dt.date(2025, 6, 11),
        ),
        (
            "Ahead of Sunday's dragon boat race, Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind of "
            "Sweden on Wednesday.",
            dt.date(2025, 6, 11),
        ),
        # a weekday bounding a stay
        (
            "Ambassador Tomas Lind of Sweden, in Xiamen since Sunday, met Mayor Fang Lijun on Tuesday.",
            dt.date(2025, 6, 10),
        ),
        # ... but they date the meeting when nothing else does
        (
            "After the trade fair opened on Thursday, Mayor Fang Lijun of Xiamen met Ambassador Tomas Lind "
            "of Sweden.",
            dt.date(2025, 6, 12),
        ),
    ],
)
def test_a_day_of_another_event_does_not_date_the_meeting(body, day, ref):
    assert meeting_date(body, ref) == day


def test_a_future_visit_in_a_relative_clause_leaves_the_lede_a_meeting(ref):
    body = (
        "Ambassador Tomas Lind of Sweden, who will visit Fuzhou on Friday, met Mayor Fang Lijun of Xiamen on "
        "Wednesday."
    )
    assert_only(got(body, ref), "Fang Lijun", "Tomas Lind")
    assert meeting_date(body, ref) == dt.date(2025, 6, 11)


def test_a_relative_clause_of_an_attendance_at_another_time(ref):
    found = got(
        "Ambassador Tomas Lind of Sweden, who accompanied King Carl Gustaf on his state visit in 2019, called "
        "on Mayor Fang Lijun of Xiamen on Tuesday.",
        ref,
    )
    assert_only(found, "Fang Lijun", "Tomas Lind")


def test_a_spokesperson_said_to_attend_takes_part(ref):
    found = got(
        "Mayor Fang Lijun of Xiamen met Consul General Tomas Lind of Sweden on Tuesday. Consulate spokeswoman "
        "Ulla Strand also attended the meeting.",
        ref,
    )
    assert found["Ulla Strand"]["side"] == "guest"
