"""Rules of issue 15d for the themes of each meeting in trips and days of several meetings
(docs/themes_kinds.md: kinds of dev's theme misses in articles of several meetings), on sentences
of our own: which meeting a field named in a sentence about several of them belongs to."""

from __future__ import annotations

from transform_helpers import docs

from flows.transform import transform


def _themes(text: str, ref) -> list[tuple[set[str], set[str]]]:
    """(participant names, themes) of each meeting, in meeting order."""
    t = transform(docs(text), ref)
    names: dict[str, set[str]] = {}
    for r in t.participants.iter_rows(named=True):
        names.setdefault(r["meeting_id"], set()).add(r["person_name"])
    themes: dict[str, set[str]] = {}
    for r in t.meeting_themes.iter_rows(named=True):
        themes.setdefault(r["meeting_id"], set()).add(r["theme"])
    ids = sorted(t.meetings["meeting_id"].to_list(), key=lambda m: int(m.rsplit("-", 1)[1]))
    return [(names.get(m, set()), themes.get(m, set())) for m in ids]


def _of(meetings: list[tuple[set[str], set[str]]], name: str) -> set[str]:
    """The themes of the one meeting whose participants include name."""
    found = [th for people, th in meetings if name in people]
    assert len(found) == 1, (name, meetings)
    return found[0]


def test_a_field_in_a_lede_listing_every_guest_goes_to_the_stop_whose_talks_name_it(ref):
    # kind A: the lede lists each guest with their firm's trade; each firm's field is the field of
    # its own meeting's talks, not of the other guests'
    firms = (
        " date 2024-09-20\n"
        "Ningbo mayor meets three business leaders\n"
        "Ningbo Mayor Tao Lingjun held separate meetings on Thursday with Brigitte Vandamme, chief "
        "executive of the Belgian container shipping line SCL; Haruto Ishikawa, president of "
        "Japanese drug maker Kisaragi Pharmaceutical; and Pablo Ordonez, chairman of Spanish olive "
        "oil producer Aceites Ordonez.\n\n"
        "Meeting Vandamme, Tao said Ningbo hoped the line would add container routes calling at "
        "Beilun and expand its logistics centre in the city.\n\n"
        "In his meeting with Ishikawa, Tao invited the company to build a research centre for "
        "new medical treatments in the Ningbo free trade zone.\n\n"
        "Tao told Ordonez the city would like to cooperate with Spain in farming and in bringing more "
        "Spanish produce to Chinese shops."
    )
    meetings = _themes(firms, ref)
    assert len(meetings) == 3
    assert "ports_shipping" in _of(meetings, "Brigitte Vandamme")
    assert "biomedicine_health" in _of(meetings, "Haruto Ishikawa")
    assert "agriculture_food" in _of(meetings, "Pablo Ordonez")
    # the lede's shipping and drug words reach no other guest's meeting
    assert "ports_shipping" not in _of(meetings, "Haruto Ishikawa") | _of(meetings, "Pablo Ordonez")
    assert "biomedicine_health" not in _of(meetings, "Brigitte Vandamme") | _of(meetings, "Pablo Ordonez")


def test_a_field_in_a_trip_summary_goes_to_the_stop_whose_talks_name_it(ref):
    # kind A, another wording: a trip's summary names the sister-province tie of one stop; the
    # other stop's talks are about other fields
    trip = (
        " date 2024-06-08\n"
        "Queensland minister ends visit to Zhejiang and Shanghai\n"
        "Queensland's Minister for Tourism Harriet Coleby has returned from a six-day visit to "
        "Zhejiang, Queensland's sister province since 1993, and Shanghai.\n\n"
        "In Hangzhou on Monday, Ms Coleby met Zhejiang Vice Governor Fang Xiaodong. They celebrated "
        "the sister-province ties and agreed to send more school groups between the two sides.\n\n"
        "In Shanghai on Wednesday, Ms Coleby met Vice Mayor Qiu Hanwen. They discussed new direct "
        "flights between Brisbane and Shanghai and tourism promotion."
    )
    meetings = _themes(trip, ref)
    assert len(meetings) == 2
    assert "sister_cities" in _of(meetings, "Fang Xiaodong")
    assert "sister_cities" not in _of(meetings, "Qiu Hanwen")
    assert "tourism" in _of(meetings, "Qiu Hanwen")


def test_a_summary_field_no_stop_names_again_stays_with_every_stop(ref):
    # the rule's limits: a field only the summary names (the fair) is every meeting's, and a
    # meeting whose own talks name no field keeps the summary's (offshore wind, which the other
    # meeting's talks name again)
    summary = (
        " date 2024-10-12\n"
        "Xiamen hosts two guests\n"
        "Xiamen Mayor Zhuang Minghui met separately on Friday with Consul General Ilse Marstrand "
        "of Denmark and Mayor Ruud Verbeek of Eindhoven, both in the city for an offshore wind "
        "conference and a tourism fair.\n\n"
        "Meeting Marstrand, Zhuang said Xiamen welcomed Danish firms to build offshore wind farms "
        "in the Taiwan Strait.\n\n"
        "Verbeek said Eindhoven was keen to learn from the city."
    )
    meetings = _themes(summary, ref)
    assert len(meetings) == 2
    assert "clean_energy" in _of(meetings, "Ilse Marstrand")
    assert "clean_energy" in _of(meetings, "Ruud Verbeek")
    assert "tourism" in _of(meetings, "Ilse Marstrand") & _of(meetings, "Ruud Verbeek")


def _one(text: str, ref) -> set[str]:
    meetings = _themes(text, ref)
    assert len(meetings) == 1
    return meetings[0][1]


def test_a_boilerplate_clause_turning_to_the_guest_names_the_fields_after_the_turn(ref):
    # kind G: the host's standard self-description is boilerplate, but the clause after "and
    # welcomed ..." (or after a semicolon) is about the guest's business
    welcomed = (
        " date 2024-11-02\n"
        "Tianjin mayor meets Nordbank chief\n"
        "Tianjin Mayor Rao Dingshan met Nordbank CEO Ingrid Solvik on Friday.\n\n"
        "Rao said Tianjin is accelerating the construction of a modern port city, and welcomed "
        "Nordbank to expand its green finance and wealth management business in the city."
    )
    assert "finance" in _one(welcomed, ref)
    semicolon = (
        " date 2024-11-02\n"
        "Hefei party chief meets Finnish minister\n"
        "Hefei Party Secretary Yu Aihua met Finnish Minister Lauri Kettunen on Friday.\n\n"
        "Yu said Hefei is committed to building a world-class city of innovation; the two sides "
        "agreed to cooperate in vocational education and teacher training."
    )
    assert "education_youth" in _one(semicolon, ref)


def test_a_boilerplate_clause_without_a_turn_still_names_no_field(ref):
    # the rule's limit: without a turn to the guest, or with boilerplate again after it, the
    # sentence stays the host's self-description
    no_turn = (
        " date 2024-11-02\n"
        "Xiamen mayor meets Maltese envoy\n"
        "Xiamen Mayor Huang Lisheng met Maltese Ambassador Carmel Vella on Friday.\n\n"
        "Huang said Xiamen is building itself into a world-class hub of shipping and tourism."
    )
    assert not {"ports_shipping", "tourism"} & _one(no_turn, ref)
    again = (
        " date 2024-11-02\n"
        "Xiamen mayor meets Maltese envoy\n"
        "Xiamen Mayor Huang Lisheng met Maltese Ambassador Carmel Vella on Friday.\n\n"
        "Huang said Xiamen is building itself into a shipping hub, and hoped Malta would help the "
        "city build itself into a world-class tourism destination."
    )
    assert not {"ports_shipping", "tourism"} & _one(again, ref)
