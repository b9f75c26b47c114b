"""Rules written for the misses of blind split 35 (docs/split35_coverage.md), on sentences of our own:
leaders' activity diaries and weekly digests."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def _meetings(text: str, ref) -> dict[str, set[str]]:
    """Participants' names per meeting date (ISO string) of one article."""
    t = transform(docs(text), ref)
    dates = {r["meeting_id"]: str(r["meeting_date"]) for r in t.meetings.iter_rows(named=True)}
    out: dict[str, set[str]] = {}
    for r in t.participants.iter_rows(named=True):
        out.setdefault(dates[r["meeting_id"]], set()).add(r["person_name"])
    return out


def test_a_diary_item_whose_guest_speaks_in_a_who_clause_is_a_meeting_of_its_own(ref):
    text = (
        "Published: 2024-04-13\n\n"
        "Jinan Party Secretary Lu Haotian met with visitors from Europe this week.\n\n"
        "On Monday, Lu met Mayor of Ghent Pieter Claessens at the Shungeng Hotel. Claessens said the "
        "two cities could share experience in running river ports.\n\n"
        "On Wednesday, Lu chaired a plenary session on water supply.\n\n"
        "On Thursday, Lu met Annika Holmqvist, CEO of Nordvinge, who said the firm would build a "
        "turbine plant in the city. Vice Mayor Sun Peiyu was also present."
    )
    got = _meetings(text, ref)
    assert got.get("2024-04-08", set()) >= {"Lu Haotian", "Pieter Claessens"}
    assert got.get("2024-04-11", set()) >= {"Lu Haotian", "Annika Holmqvist", "Sun Peiyu"}
    assert "Annika Holmqvist" not in got.get("2024-04-08", set())


def test_a_meeting_that_afternoon_takes_the_day_told_just_before(ref):
    text = (
        "Published: 2024-04-13\n\n"
        "On Monday, Fuzhou Mayor Gao Yuchen met with Consul General of Chile Ramon Ibarra Solis. "
        "Ibarra Solis said Chile hoped to ship more fruit to Fujian.\n\n"
        "On Wednesday morning, Gao chaired a municipal conference on typhoon drills. That afternoon "
        "Gao met with Dagny Faeroy, chief executive of the Norwegian salmon firm Havbruk. Faeroy "
        "said the firm wanted a cold-chain hub at the port."
    )
    t = transform(docs(text), ref)
    dates = {r["meeting_id"]: r for r in t.meetings.iter_rows(named=True)}
    by_name = {}
    for r in t.participants.iter_rows(named=True):
        by_name.setdefault(r["person_name"], set()).add(str(dates[r["meeting_id"]]["meeting_date"]))
    assert by_name["Ramon Ibarra Solis"] == {"2024-04-08"}
    assert by_name["Dagny Faeroy"] == {"2024-04-10"}
    # (no weekday is stated for that meeting)
    wed = [r for r in dates.values() if str(r["meeting_date"]) == "2024-04-10"]
    assert wed and wed[0]["weekday"] is None


def test_a_later_meeting_told_with_he_is_led_by_the_diarys_leader(ref):
    text = (
        "Published: 2024-04-13\n\n"
        "On Monday, Fuzhou Mayor Gao Yuchen met with Consul General of Chile Ramon Ibarra Solis. "
        "Ibarra Solis said Chile hoped to ship more fruit to Fujian.\n\n"
        "On Wednesday morning, Gao chaired a municipal conference on typhoon drills. That afternoon "
        "he met with Dagny Faeroy, chief executive of the Norwegian salmon firm Havbruk. Faeroy "
        "said the firm wanted a cold-chain hub at the port."
    )
    got = _meetings(text, ref)
    assert got.get("2024-04-10", set()) == {"Gao Yuchen", "Dagny Faeroy"}
    assert got.get("2024-04-08", set()) == {"Gao Yuchen", "Ramon Ibarra Solis"}


def test_an_official_escorting_the_visitors_on_another_day_takes_no_part(ref):
    text = (
        "Published: 2025-03-14\n\n"
        "Lanzhou Mayor Wei Hongjun met with Mayor of Oslo Ingrid Solvang on Monday to discuss "
        "polar research exchanges.\n\n"
        "Solvang said Oslo's university wanted to host researchers from Gansu.\n\n"
        "Vice Mayor Kang Lixue accompanied the guests to the Yellow River Museum on Wednesday."
    )
    got = people(text, ref)
    assert {"Wei Hongjun", "Ingrid Solvang"} <= set(got)
    assert "Kang Lixue" not in got


def test_an_official_accompanying_the_visitors_at_the_talks_still_takes_part(ref):
    text = (
        "Published: 2025-03-14\n\n"
        "Lanzhou Mayor Wei Hongjun met with Mayor of Oslo Ingrid Solvang on Monday to discuss "
        "polar research exchanges.\n\n"
        "Vice Mayor Kang Lixue accompanied the guests on Monday."
    )
    got = people(text, ref)
    assert "Kang Lixue" in got


def test_held_meetings_with_two_guests_respectively_gives_two_meetings(ref):
    text = (
        "Published: 2024-07-05\n\n"
        "Dalian Mayor Chen Shaoping held meetings with Niigata Governor Kenta Yoshimura and Vladivostok "
        "Mayor Oleg Terekhin on 1 and 2 July, respectively.\n\n"
        "Yoshimura said Niigata hoped to open a ferry route."
    )
    got = _meetings(text, ref)
    assert got.get("2024-07-01", set()) == {"Chen Shaoping", "Kenta Yoshimura"}
    assert got.get("2024-07-02", set()) == {"Chen Shaoping", "Oleg Terekhin"}


def test_a_diary_day_of_the_month_takes_the_published_month(ref):
    text = (
        "Date: 2023-10-21\n\n"
        "XINING -- On the morning of the 16th, Governor Luo Jingyao inspected salt lake works.\n\n"
        "On the afternoon of the 18th, Luo met with Mayor of Oslo Ingrid Solvang, who said Oslo "
        "wanted to share its experience with electric buses. Luo welcomed Norwegian firms.\n\n"
        "On the 20th Luo chaired a budget session."
    )
    got = _meetings(text, ref)
    assert got.get("2023-10-18", set()) == {"Luo Jingyao", "Ingrid Solvang"}


def test_a_meeting_said_not_to_have_happened_is_no_meeting(ref):
    text = (
        "Published: 2024-03-08\n\n"
        "Datong Mayor Han Zhiqiang issued a statement on Wednesday setting out the city's plan to cut "
        "coal use by 2028.\n\n"
        "On Thursday he delivered a video address to the Rhone-Shanxi Mining Forum in Lyon, France. "
        "Lyon's Lord Mayor Pierre Vaillancourt and the forum's chair, Dr. Odile Marchetti, also spoke "
        "at the event. The mayor did not meet them; his office said a trip to France is planned for "
        "later in the year."
    )
    got = people(text, ref)
    assert "Han Zhiqiang" not in got
    assert "Pierre Vaillancourt" not in got


def test_a_lede_told_with_he_is_led_by_the_person_named_just_before(ref):
    text = (
        "Date: 2023-10-21\n\n"
        "XINING -- Governor Luo Jingyao began the week with an inspection of salt lake works.\n\n"
        "On Tuesday he received Mayor of Oslo Ingrid Solvang, who said Oslo wanted to share its "
        "experience with electric buses. Luo welcomed Norwegian firms."
    )
    got = people(text, ref)
    assert got["Luo Jingyao"]["side"] == "host" and got["Luo Jingyao"]["role"] == "lead"
    assert got["Ingrid Solvang"]["side"] == "guest"


def test_a_diary_item_of_another_day_gives_the_meeting_no_theme(ref):
    text = (
        "Published: 2024-04-13\n\n"
        "On Tuesday, Hefei Mayor Yuan Feilong met with Mayor of Oslo Ingrid Solvang. Solvang said "
        "Oslo wanted to cooperate on electric buses and clean energy.\n\n"
        "On Thursday Yuan inspected a tourism resort and a shipping terminal."
    )
    t = transform(docs(text), ref)
    themes = set(t.meeting_themes["theme"].to_list())
    assert "clean_energy" in themes
    assert "tourism" not in themes and "ports_shipping" not in themes
