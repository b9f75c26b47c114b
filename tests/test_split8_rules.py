"""Rules written for the misses of blind split 8 (docs/split8_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_called_on_someone_to_do_something_is_an_appeal_not_a_visit(ref):
    text = (
        " date 2024-05-12\nGovernor urges investors\n\n"
        "Yunnan Governor Wen Dao on Friday called on overseas investors and scholars to join the "
        "province's green transition, speaking at a trade fair.\n\n"
        "Speakers included Olga Petrova, chair of a European business group.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 0 and t.participants.height == 0
    # a visit is still a visit, with or without a purpose after it
    text = (
        " date 2024-05-12\nEnvoy visits governor\n\n"
        "Ambassador Olga Petrova called on Yunnan Governor Wen Dao on Friday to discuss tourism.\n"
    )
    p = people(text, ref)
    assert (p["Olga Petrova"]["side"], p["Wen Dao"]["side"]) == ("guest", "host")


def test_a_paper_reporting_the_meeting_is_no_reported_speech(ref):
    text = (
        " date 2024-05-13\nGovernor meets carmaker\n\n"
        "Hebei Daily reported on Sunday that Wen Dao, governor of Hebei Province, met with Olga Petrova, "
        "a board member of Swedish carmaker Volvo, in Shijiazhuang on Friday.\n"
    )
    t = transform(docs(text), ref)
    p = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
    assert set(p) == {"Wen Dao", "Olga Petrova"}
    assert t.meetings["weekday"][0] == "Friday"
    # a person's report of another meeting stays reported speech
    text = (
        " date 2024-05-13\nGovernor speaks\n\n"
        "Wen Dao said on Sunday that Mayor Li Ke met with Olga Petrova last year.\n"
    )
    assert transform(docs(text), ref).participants.height == 0


def test_welcoming_a_named_person_is_a_meeting_hosted_by_the_subject(ref):
    text = (
        " date 2024-11-11\nMayor welcomes visitors\n\n"
        "Hangzhou Mayor Wen Dao welcomed visiting Lyon Mayor Olga Petrova and her delegation on Sunday.\n\n"
        "Wen welcomed French companies to invest in the city and welcomed President Li Ke's initiative.\n"
    )
    p = people(text, ref)
    assert set(p) == {"Wen Dao", "Olga Petrova"}
    assert (p["Wen Dao"]["side"], p["Olga Petrova"]["side"], p["Olga Petrova"]["country"]) == (
        "host",
        "guest",
        "FR",
    )


def test_welcoming_a_person_after_a_long_description_is_a_meeting(ref):
    # the office, its city and two honorifics stand between the verb and the name
    text = (
        " date 2024-10-07\nMayor receives guest\n\n"
        "Suzhou Mayor Wen Dao welcomed Lord Mayor of the City of London Alderman Sir Olga Petrova on Saturday.\n"
    )
    p = people(text, ref)
    assert set(p) == {"Wen Dao", "Olga Petrova"}
    assert (p["Wen Dao"]["side"], p["Olga Petrova"]["side"], p["Olga Petrova"]["title"]) == (
        "host",
        "guest",
        "Lord Mayor",
    )


def test_the_person_a_visiting_relative_clause_describes_is_the_guest(ref):
    text = (
        " date 2024-07-14\nGovernor visits consulate\n\n"
        "On July 12, Consul General Wen Dao met with Governor of Osaka Olga Petrova, who paid a visit to "
        "the Consulate General in Osaka.\n"
    )
    p = people(text, ref)
    assert (p["Wen Dao"]["side"], p["Olga Petrova"]["side"]) == ("host", "guest")


def test_abbreviated_titles_and_inverted_attendance(ref):
    text = (
        " date 2024-05-09\nState hosts delegation\n\n"
        "SALEM – Lt. Gov. Olga Petrova on Wednesday hosted a delegation from Sichuan Province, China, "
        "led by Vice Governor Wen Dao, at the Capitol.\n\n"
        "In the meeting participated also the Director-General of the Foreign Affairs Office of Sichuan "
        "Province, Mr. Li Ke.\n\n"
        "Minister Counselor Sun Ke of the Chinese Embassy attended the meeting.\n"
    )
    p = people(text, ref)
    assert p["Olga Petrova"]["title"] == "Lieutenant Governor"
    assert (p["Li Ke"]["role"], p["Li Ke"]["title"]) == ("member", "Director-General")
    assert "Sun Ke" in p and p["Sun Ke"]["role"] == "member"
