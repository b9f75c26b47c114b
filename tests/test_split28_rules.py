"""Rules written for the misses of split 28 (docs/split28_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_names_in_a_relative_clause_that_follows_another_event_take_no_part(ref):
    text = (
        "Published: 2024-06-20\n\n"
        "Sichuan Governor Huang Mingde met Premier of Queensland Laura Brennick in Brisbane on "
        "Tuesday, during a tour of Australia that followed Foreign Minister Peter Dunmore's visit "
        "to Chengdu in spring.\n\n"
        "Huang said Sichuan would buy more beef from Queensland."
    )
    got = people(text, ref)
    assert {"Huang Mingde", "Laura Brennick"} <= set(got)
    assert "Peter Dunmore" not in got


def test_a_lower_case_body_after_a_title_before_a_comma_and_a_name_is_the_office(ref):
    text = (
        "Published: 2024-06-20\n\n"
        "Ningbo Mayor Tang Feifan met Mombasa Governor Peter Otieno on Monday.\n\n"
        "Mombasa's minister for blue economy, Halima Njeri Wambua, and the city's director "
        "of the port and logistics development office, Jomo Kiprono, also attended."
    )
    got = people(text, ref)
    assert got["Halima Njeri Wambua"]["title"] == "Minister"
    assert got["Jomo Kiprono"]["title"] == "Director"


def test_a_field_word_before_a_title_in_an_apposition_keeps_the_title(ref):
    text = (
        "Published: 2024-06-20\n\n"
        "Qingdao Vice Mayor Lin Haoran met with Marc-Olivier Brenner, tourism director of the "
        "International Sailing Federation, on Tuesday.\n\n"
        "They discussed sailing events."
    )
    got = people(text, ref)
    assert got["Marc-Olivier Brenner"]["title"] == "Director"


def test_a_determiner_before_a_title_is_no_qualifier_of_it(ref):
    text = (
        "Published: 2024-06-20\n\n"
        "Xiamen Vice Mayor Zhuang Rongfa met a delegation of the Tainan Fishery Association led by "
        "its chairman Wu Ming-hsiung on Monday.\n\n"
        "Lee Shu-fen, its secretary-general, took part in the meeting."
    )
    got = people(text, ref)
    assert (got["Lee Shu-fen"]["country"], got["Lee Shu-fen"]["side"]) == ("TW", "guest")


def test_an_uzbek_hokim_is_a_governor(ref):
    text = (
        "Published: 2024-06-20\n\n"
        "Lanzhou Mayor Zhu Tianshu on Monday met a delegation led by Bakhtiyor Yusupov, hokim of "
        "Bukhara region.\n\n"
        "They discussed tourism."
    )
    got = people(text, ref)
    assert got["Bakhtiyor Yusupov"]["title"] == "Governor"


def test_a_plural_office_said_of_its_countries_before_a_colon_titles_the_list(ref):
    text = (
        "Published: 2024-06-20\n\n"
        "Chengdu Mayor Wang Fengchao on Monday received the ambassadors of three Baltic states to "
        "China: Kristjan Tamm of Estonia, Ilze Berzina of Latvia and Tomas Petraitis of Lithuania.\n\n"
        "They discussed trade."
    )
    got = people(text, ref)
    for name, iso in [("Kristjan Tamm", "EE"), ("Ilze Berzina", "LV"), ("Tomas Petraitis", "LT")]:
        assert (got[name]["title"], got[name]["country"]) == ("Ambassador", iso)


def test_fields_named_in_words_of_their_own_give_their_themes(ref):
    cases = {
        "He proposed links between the two cities' stock exchanges.": "finance",
        "The line will test ammonia-fuelled ferries next year.": "clean_energy",
        "He urged wider use of zero-carbon fuels on tugboats.": "clean_energy",
        "He hoped to learn from Qingdao's urban transport and affordable housing.": "urban_governance",
        "He invited Qingdao firms to bring horticulture to the region's farms.": "agriculture_food",
        "He invited Qingdao residents to the city's film festival.": "culture_people",
        "He said the city's shipyards would build two research vessels.": "manufacturing",
        "He said the region would treat foreign firms like local ones.": "trade_investment",
        "He invited Qingdao residents to the coast's beaches.": "tourism",
    }
    for sentence, theme in cases.items():
        text = (
            "Published: 2024-05-10\n\n"
            "Qingdao Mayor Zhao Haoming met Valparaiso Governor Rodrigo Mundaca on Monday.\n\n"
            f"Mundaca said his region valued its ties with Qingdao. {sentence}"
        )
        t = transform(docs(text), ref)
        assert theme in set(t.meeting_themes["theme"].to_list()), sentence


def test_two_objects_each_with_a_place_and_a_day_are_two_meetings(ref):
    text = (
        "Published: 2024-10-18\n\n"
        "Sichuan Governor Huang Mingde met Premier of Queensland Laura Brennick in Brisbane on "
        "Monday and Lord Mayor of Sydney Clover Hastings in Sydney on Wednesday.\n\n"
        "In Sydney, Hastings and Huang agreed to promote tourism. Chinese Consul General in Sydney "
        "Zhou Lina accompanied Huang at the meeting."
    )
    t = transform(docs(text), ref)
    by_meeting = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add(r["person_name"])
    days = {
        r["meeting_id"]: (r["meeting_date"].isoformat(), r["weekday"])
        for r in t.meetings.iter_rows(named=True)
    }
    assert sorted(by_meeting.values(), key=len) == [
        {"Huang Mingde", "Laura Brennick"},
        {"Huang Mingde", "Clover Hastings", "Zhou Lina"},
    ]
    assert sorted(days.values()) == [("2024-10-14", "Monday"), ("2024-10-16", "Wednesday")]
