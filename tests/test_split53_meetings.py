"""Rules written for split 53's missed meetings, organisation names, titles and themes (issue 13b;
docs/split53_coverage.md, "Meetings, names, titles and themes (13b)"), on sentences of our own: the
other side's own reports (foreign city halls, embassies, chambers, company newsrooms)."""

from __future__ import annotations

import json

from transform_helpers import docs, people

from flows.extract import extract_files, list_inputs
from flows.transform import transform


def test_a_record_whose_line_breaks_were_escaped_twice_keeps_its_paragraphs(tmp_path, ref):
    # a scraper that JSON-escaped the text twice leaves backslash-n where the lines broke
    body = (
        "Tromso - Norwegian seafood exporter Nordlys Fisk's CEO Eirik Haugen met Qingdao Vice Mayor "
        "Sun Peiyu in Qingdao on Wednesday.\\n\\nHaugen presented the company's plans for a cold-chain "
        "hub.\\n\\nQingdao Port Group Vice President Lu Dongmei also attended the meeting.\\n"
    )
    record = {"title": "Nordlys Fisk in Qingdao", "date": "2024-06-14", "content": body}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({**record, "date": "2024-06-15"}) + "\n", encoding="utf-8"
    )
    extracted = extract_files(list_inputs(tmp_path), max_bytes=1_000_000)
    texts = extracted.documents["text"].to_list()
    assert len(texts) == 2
    assert all("\\n" not in text and "\n\nHaugen presented" in text for text in texts)
    t = transform(extracted.documents, ref)
    got = {(r["source_file"], r["person_name"]): r for r in t.participants.iter_rows(named=True)}
    for source in ("one.json", "lines.jsonl#1"):
        assert got[(source, "Lu Dongmei")]["role"] == "member"
        assert got[(source, "Sun Peiyu")]["role"] == "lead"


def test_a_text_with_real_line_breaks_keeps_its_backslashes(tmp_path):
    record = {"date": "2024-06-14", "text": "Line one.\nThe file C:\\new\\notes.txt was attached."}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    text = extract_files(list_inputs(tmp_path), max_bytes=1_000_000).documents["text"][0]
    assert text == record["text"]


def test_a_body_of_two_words_before_a_possessive_post_is_no_person(ref):
    text = (
        "Published: Mar 3, 2024\n\n"
        "Norway's Minister of Fisheries Ingrid Solheim met Fujian Governor Zhou Wenbo in Fuzhou on "
        "Tuesday.\n\n"
        "Sjomat Norge's Director for China, Lars Aune, accompanied the Minister.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Ingrid Solheim", "Zhou Wenbo", "Lars Aune"}
    assert got["Lars Aune"]["title"] == "Director" and got["Lars Aune"]["role"] == "member"
    assert got["Lars Aune"]["organization"] == "Sjomat Norge"


def test_a_persons_possessive_after_their_office_stays_a_person(ref):
    text = (
        "Published: Mar 3, 2024\n\n"
        "Norway's Minister of Fisheries Ingrid Solheim met Fujian Governor Zhou Wenbo in Fuzhou on "
        "Tuesday.\n\n"
        "Minister Ingrid Solheim's Director of Communications, Lars Aune, accompanied her.\n"
    )
    got = people(text, ref)
    assert {"Ingrid Solheim", "Zhou Wenbo"} <= set(got)
    assert got["Ingrid Solheim"]["role"] == "lead"


def test_a_firm_of_two_words_right_before_an_office_and_its_holder_is_no_person(ref):
    text = (
        " date 2026-04-16\n"
        "A delegation of the German Chamber of Commerce in China led by Matthias Lembke met Suzhou "
        "Party Secretary Shen Liqun on Thursday afternoon.\n\n"
        "Kernlieb Werke General Manager Susanne Pfaff also attended the meeting.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Matthias Lembke", "Shen Liqun", "Susanne Pfaff"}
    assert got["Susanne Pfaff"]["title"] == "General Manager"
    assert got["Susanne Pfaff"]["organization"] == "Kernlieb Werke"
    assert got["Susanne Pfaff"]["side"] == "guest"


def test_a_county_level_city_names_a_firms_plant_not_a_person(ref):
    text = (
        " date 2026-04-16\n"
        "A delegation of the German Chamber of Commerce in China led by Matthias Lembke met Taicang "
        "Party Secretary Shen Liqun on Thursday afternoon.\n\n"
        "The delegation included Hellwig Taicang General Manager Susanne Pfaff.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings["location"].to_list() == ["Taicang"]
    assert set(t.participants["person_name"]) == {"Matthias Lembke", "Shen Liqun", "Susanne Pfaff"}


def test_a_particle_between_a_bodys_word_and_a_place_carries_the_office_on(ref):
    text = (
        "Date: 2025-05-14\n\n"
        "A delegation from Bordeaux led by the President of the Métropole de Bordeaux, Armand "
        "Lefebvre, was received on Monday by Wuhan Party Secretary Guo Yuanbo.\n"
    )
    got = people(text, ref)
    assert set(got) == {"Armand Lefebvre", "Guo Yuanbo"}
    assert got["Armand Lefebvre"]["title"] == "President"
    assert got["Armand Lefebvre"]["side"] == "guest" and got["Armand Lefebvre"]["country"] == "FR"


def test_lower_case_words_qualifying_a_body_keep_the_office_before_it(ref):
    text = (
        "Date: 2025-05-14\n\n"
        "Saxon State Minister Jonas Wittkamp met Hubei Governor Ke Minghui in Wuhan on Monday.\n\n"
        "The head of the Saxon economic representative office in Hubei, Carola Brandt, took part "
        "in the meeting.\n"
    )
    got = people(text, ref)
    assert got["Carola Brandt"]["title"] == "Head"
    assert got["Carola Brandt"]["role"] == "member" and got["Carola Brandt"]["side"] == "guest"


def test_a_later_stop_whose_talks_the_next_sentence_tells_is_a_meeting_of_its_own(ref):
    text = (
        "Published: Nov 8, 2024\n\n"
        "Oregon Governor Lena Marsh met Fujian Party Secretary Zhou Bingwen in Fuzhou on Monday. "
        "They discussed timber exports.\n\n"
        "On Wednesday Marsh was received by Xiamen Vice Mayor Tang Ruiqi. The talks covered direct "
        "flights between Portland and Xiamen.\n"
    )
    t = transform(docs(text), ref)
    by_meeting = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add(r["person_name"])
    assert sorted(map(sorted, by_meeting.values())) == [
        ["Lena Marsh", "Tang Ruiqi"],
        ["Lena Marsh", "Zhou Bingwen"],
    ]
    assert sorted(str(d) for d in t.meetings["meeting_date"]) == ["2024-11-04", "2024-11-06"]


def test_theme_phrases_of_split_53(ref):
    text = (
        "Date: 2024-07-11\n\n"
        "Governor of Chiang Mai Preecha Wongsakul received Hong Kong's Secretary for Financial "
        "Services Ho Ka-ming at the Provincial Hall on Tuesday.\n\n"
        "Ho said Thai firms could raise capital in Hong Kong, and Preecha proposed joint doctoral "
        "places and a light installation for the city's winter fair.\n"
    )
    t = transform(docs(text), ref)
    assert set(t.meeting_themes["theme"]) == {"finance", "education_youth", "culture_people"}


def _meetings_by_people(t) -> list[list[str]]:
    by_meeting: dict[str, set[str]] = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add(r["person_name"])
    return sorted(map(sorted, by_meeting.values()))


def test_a_later_stop_saying_what_its_talks_were_about_is_a_meeting_of_its_own(ref):
    text = (
        "Published: Nov 8, 2024\n\n"
        "Oregon Governor Lena Marsh met Fujian Party Secretary Zhou Bingwen in Fuzhou on Monday. "
        "They discussed timber exports.\n\n"
        "On Wednesday the delegation held talks in Beijing with Vice Minister of Commerce Qiao "
        "Lanfang on market access for Oregon blueberries.\n"
    )
    t = transform(docs(text), ref)
    assert _meetings_by_people(t) == [["Lena Marsh", "Qiao Lanfang"], ["Lena Marsh", "Zhou Bingwen"]]
    got = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
    assert got["Qiao Lanfang"]["side"] == "host" and got["Qiao Lanfang"]["role"] == "lead"


def test_a_later_stop_told_in_passing_stays_out(ref):
    text = (
        "Published: Nov 8, 2024\n\n"
        "Oregon Governor Lena Marsh met Fujian Party Secretary Zhou Bingwen in Fuzhou on Monday. "
        "They discussed timber exports.\n\n"
        "On Wednesday the delegation held talks in Beijing with Vice Minister of Commerce Qiao "
        "Lanfang on arrival, before flying home.\n"
    )
    t = transform(docs(text), ref)
    assert _meetings_by_people(t) == [["Lena Marsh", "Zhou Bingwen"]]
