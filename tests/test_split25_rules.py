"""Rules written for the misses of blind split 25 (docs/split25_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_comrade_is_an_honorific_not_part_of_the_name(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the afternoon of March 11, Comrade Gao Minghui, Secretary of the Shenyang Municipal Committee "
        "of the Communist Party of China, met with Utrecht Mayor Pieter de Vries.\n\n"
        "Gao said the two cities would cooperate on water management."
    )
    got = people(text, ref)
    assert "Comrade Gao Minghui" not in got
    assert got["Gao Minghui"]["title"] == "Party Secretary"
    assert (got["Gao Minghui"]["country"], got["Gao Minghui"]["side"]) == ("CN", "host")


def test_a_deputy_party_secretary_who_is_also_mayor_is_the_mayor(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the afternoon of March 11, Comrade Gao Minghui, Deputy Secretary of the Municipal Party "
        "Committee and Mayor, met with the delegation led by Mr. Pieter de Vries, Mayor of Utrecht, "
        "the Netherlands.\n\n"
        "Gao said the two cities would cooperate on water management."
    )
    got = people(text, ref)
    assert got["Gao Minghui"]["title"] == "Mayor"
    assert got["Pieter de Vries"]["title"] == "Mayor"


def test_the_party_secretary_before_and_is_not_the_next_comrades_office(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the morning of 11th March (Monday), Comrade Gao Minghui, Secretary of the CPC Liaoning "
        "Provincial Committee, and Comrade Fu Jianping, Deputy Secretary of the Provincial Party "
        "Committee and Governor, met in Shenyang with the delegation led by Mr. Pieter de Vries, "
        "Mayor of Utrecht, the Netherlands.\n\n"
        "Gao said the two sides would cooperate on water management."
    )
    got = people(text, ref)
    assert got["Gao Minghui"]["title"] == "Party Secretary"
    assert got["Fu Jianping"]["title"] == "Governor"


def test_a_venue_at_the_end_of_an_apposition_gives_no_country(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "On the afternoon of March 11, Mayor Gao Minghui met with the delegation of the European Union "
        "Chamber of Commerce in China led by Mr. Peter Walsh, President of the Chamber, at the Shenyang "
        "Guest House.\n\n"
        "Gao said the two sides would cooperate on water management."
    )
    got = people(text, ref)
    assert (got["Peter Walsh"]["country"], got["Peter Walsh"]["side"]) == (None, "guest")
    assert (got["Gao Minghui"]["country"], got["Gao Minghui"]["side"]) == ("CN", "host")


def test_attending_on_one_side_were_names_members(ref):
    text = (
        "Published: 2024-03-15\n\n"
        "On the morning of 14th March (Thursday), Governor Wang Weizhong met in Guangzhou with the "
        "delegation of the City of Manchester led by Lord Mayor Anne Whitby.\n\n"
        "Attending on the UK side were British Consul General in Guangzhou Dr. Rupert Ashford and "
        "Sir Martin Greenhill, Chairman of the Manchester Chamber of Commerce. Vice Governor Zhou Lijun "
        "attended the meeting."
    )
    got = people(text, ref)
    assert (got["Rupert Ashford"]["side"], got["Rupert Ashford"]["role"]) == ("guest", "member")
    assert (got["Martin Greenhill"]["side"], got["Martin Greenhill"]["role"]) == ("guest", "member")
    assert got["Zhou Lijun"]["side"] == "host"


def test_names_in_a_time_counted_since_another_event_take_no_part(ref):
    text = (
        "Published: 2024-03-15\n\n"
        "Dutch Ambassador to China Mr. Maarten Visser met with Nanjing Mayor Comrade Han Liping on "
        "Tuesday, the fiftieth year since Prime Minister Joop den Uyl decided to open the embassy in "
        "Beijing.\n\n"
        "Han said Nanjing would welcome Dutch water engineering firms."
    )
    got = people(text, ref)
    assert {"Maarten Visser", "Han Liping"} <= set(got)
    assert "Joop den Uyl" not in got


def test_a_json_record_dated_by_pubdate_has_its_published_date(tmp_path):
    import json

    from flows.extract import extract_files, list_inputs

    record = {
        "headline": "Mayor meets envoy",
        "pubDate": "2024-08-20",
        "text": "Mayor Li Ming met envoy Anna Berg.",
    }
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    extracted = extract_files(list_inputs(tmp_path), max_bytes=100_000)
    assert extracted.documents["record_date"].to_list() == ["2024-08-20"]


def test_a_long_site_menu_does_not_push_the_date_line_out_of_the_page_top(ref):
    import datetime as dt

    from transform_helpers import docs

    from flows.transform import transform

    text = (
        "Mayor meets Danish envoy_City Foreign Affairs\n\nHOME\n\nABOUT\n\nNEWS\n\nTRADE\n\nCULTURE\n\n"
        "TRAVEL\n\nLIVE IN NINGBO\n\nCurrent location: Home > News\n\nMayor meets Danish envoy\n\n"
        "2024-06-12 09:10 Views: 88\n\n"
        "Mayor Tang Wenli met with Danish Ambassador to China Lars Holm on Tuesday.\n\n"
        "Tang said Ningbo would welcome Danish wind power firms."
    )
    assert transform(docs(text), ref).articles["published_date"][0] == dt.date(2024, 6, 12)


def test_met_one_guest_in_the_morning_and_another_in_the_afternoon_is_two_meetings(ref):
    from transform_helpers import docs

    from flows.transform import transform

    text = (
        "Published: 2023-12-05\n\n"
        "Governor Zhao Minghua on Monday met with Lao Ambassador to China Khamphao Sisavath in the "
        "morning and with Cambodian Minister of Commerce Sok Vannak in the afternoon, in Kunming.\n\n"
        "Meeting Khamphao, Zhao said Yunnan and Laos would expand railway freight.\n\n"
        "In the afternoon meeting, Zhao said Cambodia is an important partner. Sok Vannak said "
        "Cambodian rice exporters welcome Yunnan buyers.\n\n"
        "Vice Governor Li Daoming and Cambodian Consul General in Kunming Chea Sophal attended the "
        "afternoon meeting."
    )
    p = transform(docs(text), ref).participants
    meeting_of = {r["person_name"]: r["meeting_id"] for r in p.iter_rows(named=True)}
    assert p["meeting_id"].n_unique() == 2
    assert meeting_of["Khamphao Sisavath"] != meeting_of["Sok Vannak"]
    assert meeting_of["Chea Sophal"] == meeting_of["Sok Vannak"]
    assert p.filter(p["person_name"] == "Zhao Minghua").height == 2
