"""Rules of issue 11h, from recall and name probe sentences of our own (no split's misses): ledes
told as a photo caption or a quotation, guests named by pronoun or as the delegation's stand-in,
offices of royal houses and US local government, and given names that are also English words."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def _date(text: str, ref) -> str | None:
    t = transform(docs(text), ref)
    got = t.meetings["meeting_date"].to_list()
    return None if not got or got[0] is None else str(got[0])


# ------------------------------------------------------------ ledes found
def test_shakes_hands_with_is_a_photo_caption_lede(ref):
    text = (
        "date 2025-03-14\nPhoto\n\nVice Mayor Ren Xiaobo shakes hands with Consul General Piotr Zielinski "
        "of Poland in Dalian on Wednesday.\n"
    )
    got = people(text, ref)
    assert got["Ren Xiaobo"]["side"] == "host"
    assert got["Piotr Zielinski"]["side"] == "guest"
    assert got["Piotr Zielinski"]["title"] == "Consul General"
    assert _date(text, ref) == "2025-03-12"


def test_a_quotation_told_to_an_office_holder_is_the_lede(ref):
    text = (
        'date 2025-03-14\nCity courts Danish wind firms\n\n"Our coast has room for your turbines," Mayor '
        "Tian Yuhang told Ambassador Mette Lund of Denmark in Yantai on Thursday.\n"
    )
    got = people(text, ref)
    assert got["Tian Yuhang"]["side"] == "host"
    assert got["Mette Lund"]["side"] == "guest"
    assert _date(text, ref) == "2025-03-13"


def test_said_when_the_two_met_dates_the_meeting_not_another_speech(ref):
    text = (
        "date 2025-03-14\nGovernor meets envoy\n\nFujian's tea is loved in Chile, Ambassador Rosa Fuentes "
        "told Governor Lin Haotian when the two met in Fuzhou on Tuesday.\n"
    )
    got = people(text, ref)
    assert {"Rosa Fuentes", "Lin Haotian"} <= set(got)
    assert _date(text, ref) == "2025-03-11"


# ------------------------------------------------------------ guests found
def test_an_object_pronoun_after_the_meeting_verb_is_the_person_named_before(ref):
    got = people(
        "date 2025-03-14\nEnvoy in Lanzhou\n\nConsul General Elena Petrova of Russia flew to Lanzhou on "
        "Monday. Governor Ma Yuanchao received her at the Ningwozhuang Hotel.\n",
        ref,
    )
    assert got["Ma Yuanchao"]["side"] == "host"
    assert got["Elena Petrova"]["side"] == "guest"
    assert got["Elena Petrova"]["title"] == "Consul General"


def test_met_her_counterpart_is_no_object_pronoun(ref):
    got = people(
        "date 2025-03-14\nTwin cities\n\nMayor Hilde Brandt of Kiel toured the harbour on Monday. Later, Mayor "
        "Gu Chen met her counterpart's deputy, Vice Mayor Jonas Vogt.\n",
        ref,
    )
    assert "Hilde Brandt" not in got


def test_the_delegation_was_represented_by_names_its_head(ref):
    got = people(
        "date 2025-03-14\nVisit\n\nMayor Deng Pei met a delegation from the Finnish city of Oulu on Monday. "
        "The delegation was represented by Deputy Mayor Aino Laine.\n",
        ref,
    )
    assert got["Aino Laine"]["side"] == "guest"
    assert got["Aino Laine"]["title"] == "Deputy Mayor"


def test_the_delegation_led_instead_by_names_its_head(ref):
    got = people(
        "date 2025-03-14\nVisit\n\nWuxi Mayor Zhao Jianjun met an Austrian business delegation on Tuesday. "
        "The delegation, led instead by Vice President Karl Huber of the Upper Austria chamber, visited a "
        "factory.\n",
        ref,
    )
    assert got["Karl Huber"]["side"] == "guest"
    assert got["Karl Huber"]["title"] == "Vice President"


# ------------------------------------------------------------ offices
def test_crown_prince_is_a_title_not_part_of_the_name(ref):
    got = people(
        "date 2025-03-14\nRoyal visit\n\nParty Secretary Yin Hong met Crown Prince Frederik Aalborg of Denmark "
        "in Shanghai on Monday.\n",
        ref,
    )
    assert got["Frederik Aalborg"]["title"] == "Crown Prince"
    assert got["Frederik Aalborg"]["side"] == "guest"


def test_us_local_council_offices_and_princess_are_honorifics(ref):
    got = people(
        "date 2025-03-14\nVisit\n\nMayor Wen Jie met Supervisor Dana Kirk of Marin County, Councilmember "
        "Luis Ortega of San Jose and Princess Ines Valdor of Spain on Monday.\n",
        ref,
    )
    for name in ("Dana Kirk", "Luis Ortega", "Ines Valdor"):
        assert name in got
        assert got[name]["title"] is None
    assert not any(n.startswith(("Supervisor", "Councilmember", "Princess")) for n in got)


# ------------------------------------------------------------ given names
def test_jan_before_a_name_particle_is_a_given_name(ref):
    got = people(
        "date 2025-03-14\nVisit\n\nMayor Liang Bo met Consul General Jan van Dijk of the Netherlands on Monday.\n",
        ref,
    )
    assert got["Jan van Dijk"]["title"] == "Consul General"


def test_said_after_an_office_and_a_given_name_is_a_surname(ref):
    text = "date 2025-03-14\nVisit\n\nGovernor Hu Lan met Ambassador Ahmed Said of Sudan on Tuesday.\n"
    got = people(text, ref)
    assert got["Ahmed Said"]["title"] == "Ambassador"
    assert _date(text, ref) == "2025-03-11"


def test_a_surname_spelled_like_a_mixed_case_company_is_a_name(ref):
    got = people(
        "date 2025-03-14\nVisit\n\nMayor Xie Ping met Ambassador Marc Dupont of Belgium on Monday.\n",
        ref,
    )
    assert got["Marc Dupont"]["title"] == "Ambassador"


# ------------------------------------------------------------ country
def test_a_diplomat_met_respectively_shares_the_demonym_of_the_diplomat_before(ref):
    got = people(
        "date 2025-03-14\nVisit\n\nMayor Qi Wen and Vice Mayor Lu Dan met Swedish Ambassador Nils Berg and "
        "Consul General Karin Lund respectively on Monday.\n",
        ref,
    )
    assert got["Nils Berg"]["country"] == "SE"
    assert got["Karin Lund"]["country"] == "SE"


def test_a_company_head_met_separately_takes_no_other_guests_country(ref):
    got = people(
        "date 2025-03-14\nVisit\n\nMayor Qi Wen met separately with Lars Ek, CEO of Swedish truck maker Volvo "
        "Trucks, and Ana Ruiz, president of a payments start-up.\n",
        ref,
    )
    assert got["Lars Ek"]["country"] == "SE"
    assert got["Ana Ruiz"]["country"] is None


def test_a_leader_quoted_in_a_quotation_lede_takes_no_part(ref):
    got = people(
        'date 2025-03-14\nVisit\n\n"Trade is a bridge," Mayor Tian Yuhang told Ambassador Mette Lund of Denmark '
        "on Thursday, quoting President Xi Jinping.\n",
        ref,
    )
    assert "Mette Lund" in got
    assert "Xi Jinping" not in got
