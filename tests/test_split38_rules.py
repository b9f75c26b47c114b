"""Rules written for the misses of split 38 (docs/split38_coverage.md), on sentences of our own: who
hosts and who is the guest, told from either side (consuls general and ambassadors hosting Chinese
officials, Chinese officials calling on governors and firms abroad, escorts, invitations, two
meetings in one lede)."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def _meetings(text: str, ref) -> dict[str, dict[str, dict]]:
    """Participants by name per meeting date (ISO string) of one article."""
    t = transform(docs(text), ref)
    dates = {r["meeting_id"]: str(r["meeting_date"]) for r in t.meetings.iter_rows(named=True)}
    out: dict[str, dict[str, dict]] = {}
    for r in t.participants.iter_rows(named=True):
        out.setdefault(dates[r["meeting_id"]], {})[r["person_name"]] = r
    return out


def test_co_hosts_of_a_breakfast_host_their_guest(ref):
    text = (
        "Published: 2024-09-14\n\n"
        "The Consul General of Canada in Guangzhou, Miriam Okafor-Lindt, and the chair of the Canada "
        "China Business Council, Peter Wexford, co-hosted a working lunch for Guangzhou Vice Mayor "
        "Tang Ruiqi on Thursday.\n\n"
        "Tang said the city welcomed Canadian investment in clean energy."
    )
    got = people(text, ref)
    assert got["Miriam Okafor-Lindt"]["side"] == "host"
    assert got["Peter Wexford"]["side"] == "host"
    assert got["Tang Ruiqi"]["side"] == "guest"
    assert got["Tang Ruiqi"]["role"] == "lead"


def test_plural_ambassadors_posted_to_china_pair_with_their_own_countries(ref):
    text = (
        "Published: 2024-09-14\n\n"
        "The ambassadors of Norway and Finland to China, Sigrun Aalvik and Jussi Kettunen, "
        "co-hosted a dinner for Heilongjiang Vice Governor Bai Yutong in Beijing on Tuesday."
    )
    got = people(text, ref)
    assert got["Sigrun Aalvik"]["country"] == "NO"
    assert got["Jussi Kettunen"]["country"] == "FI"
    assert got["Sigrun Aalvik"]["title"] == "Ambassador"


def test_was_pleased_to_welcome_makes_its_subject_the_host(ref):
    text = (
        "Published: 2024-05-20\n\n"
        "Ambassador Tomasz Wielgosz was delighted to welcome Vice Governor of Yunnan Province Duan "
        "Meilin and her delegation to the Embassy on Friday for a lunch on tourism.\n\n"
        "Duan said Yunnan hoped to attract more Polish visitors."
    )
    got = people(text, ref)
    assert got["Tomasz Wielgosz"]["side"] == "host"
    assert got["Duan Meilin"]["side"] == "guest"
    assert got["Duan Meilin"]["role"] == "lead"


def test_an_escort_to_a_meeting_is_a_member_of_the_side_escorted(ref):
    text = (
        "Date: 2024-06-12\n\n"
        "On 10 June, Ambassador Qiu Hanlin accompanied Mayor of Nanning Wei Dongyu, who is on a visit "
        "to Malaysia, to meet with Chief Minister of Penang Arif Rahmanuddin in George Town.\n\n"
        "Arif said Penang hoped to deepen cooperation in electronics."
    )
    got = people(text, ref)
    assert got["Qiu Hanlin"]["role"] == "member"
    assert got["Qiu Hanlin"]["side"] == "guest"
    assert got["Wei Dongyu"]["role"] == "lead"
    assert got["Wei Dongyu"]["side"] == "guest"
    assert got["Arif Rahmanuddin"]["side"] == "host"


def test_an_escort_in_calling_on_a_minister_reports_the_call(ref):
    text = (
        "Date: 2024-06-12\n\n"
        "On 11 June, Consul General Lu Baichen accompanied Vice Governor of Fujian Yan Qiuhe in "
        "calling on Minister for Trade Oliver Brandtner at the ministry.\n\n"
        "Brandtner said the two sides could do more in shipping."
    )
    got = people(text, ref)
    assert set(got) >= {"Lu Baichen", "Yan Qiuhe", "Oliver Brandtner"}
    assert got["Lu Baichen"]["role"] == "member"
    assert got["Yan Qiuhe"]["side"] == "guest"
    assert got["Oliver Brandtner"]["side"] == "host"


def test_a_visit_at_the_invitation_of_a_named_consul_general_is_a_call_on_them(ref):
    text = (
        "Published: 2024-03-04\n\n"
        "Gansu Vice Governor Ma Qinglan visited the Consulate General of Turkey in Lanzhou on Friday "
        "at the invitation of Consul General Kerem Aydinli.\n\n"
        "Aydinli said trade through the region was growing."
    )
    got = people(text, ref)
    assert got["Kerem Aydinli"]["side"] == "host"
    assert got["Kerem Aydinli"]["role"] == "lead"
    assert got["Ma Qinglan"]["side"] == "guest"


def test_a_visit_at_the_invitation_of_a_body_names_no_one_met(ref):
    text = (
        "Published: 2024-03-04\n\n"
        "A delegation of Chilean mayors visited Zhejiang at the invitation of the provincial foreign "
        "affairs office. On Friday, Vice Governor Ma Qinglan met the delegation's head, Mayor Rosa "
        "Etchegaray of Talca."
    )
    got = people(text, ref)
    assert got["Rosa Etchegaray"]["side"] == "guest"
    assert got["Ma Qinglan"]["side"] == "host"


def test_talks_at_the_foreign_embassy_are_hosted_by_the_diplomat(ref):
    text = (
        "Published: 2024-02-28\n\n"
        "Jilin Vice Governor Pan Xinrui held talks with the Charge d'Affaires of the Argentine "
        "Embassy in China, Julian Ocampo Ferreyra, at the embassy in Beijing on Monday.\n\n"
        "Ocampo Ferreyra said Argentina hoped to sell more beef to northeast China."
    )
    got = people(text, ref)
    assert got["Julian Ocampo Ferreyra"]["side"] == "host"
    assert got["Pan Xinrui"]["side"] == "guest"


def test_talks_in_a_city_without_a_mission_venue_keep_the_local_host(ref):
    text = (
        "Published: 2024-02-28\n\n"
        "Jilin Vice Governor Pan Xinrui held talks with the Charge d'Affaires of the Argentine "
        "Embassy in China, Julian Ocampo Ferreyra, in Changchun on Monday."
    )
    got = people(text, ref)
    assert got["Pan Xinrui"]["side"] == "host"
    assert got["Julian Ocampo Ferreyra"]["side"] == "guest"


def test_a_second_meeting_clause_on_another_weekday_is_a_meeting_of_its_own(ref):
    text = (
        "11:00 UTC+8, 2024-05-10\n\n"
        "PRAGUE -- Yu Jingwei, Party Secretary of Shaanxi province, held talks with Czech Deputy "
        "Minister of Industry Radek Novotny in Prague on Monday, and was received by Mayor of Brno "
        "Ondrej Krejci on Tuesday.\n\n"
        "Novotny said Czech firms wanted to invest in Shaanxi."
    )
    got = _meetings(text, ref)
    assert set(got.get("2024-05-06", {})) >= {"Yu Jingwei", "Radek Novotny"}
    assert set(got.get("2024-05-07", {})) >= {"Yu Jingwei", "Ondrej Krejci"}
    assert "Ondrej Krejci" not in got.get("2024-05-06", {})
    assert got["2024-05-06"]["Radek Novotny"]["side"] == "host"
    assert got["2024-05-07"]["Ondrej Krejci"]["side"] == "host"


def test_a_meeting_one_is_expected_to_be_received_at_is_yet_to_happen(ref):
    text = (
        "Published: 2024-04-02\n\n"
        "Harbin Mayor Song Zhenhua will lead a delegation to Finland next month, where he is expected "
        "to be received by the Mayor of Tampere, Aino Lehtovaara, the city announced on Monday."
    )
    t = transform(docs(text), ref)
    assert t.participants.height == 0


def test_a_firm_funded_from_a_place_is_no_person(ref):
    text = (
        "Published: 2024-08-30\n\n"
        "At the plant of Kaiyuan Precision, a Taiwan-funded maker of camera lenses, Mayor Ding "
        "Shaoqun was received by the company's chairman, Wu Ming-te, on Thursday."
    )
    got = people(text, ref)
    assert "Kaiyuan Precision" not in got
    assert got["Wu Ming-te"]["side"] == "host"


def test_a_visit_later_that_afternoon_is_a_meeting_of_its_own(ref):
    text = (
        "Date: 2024-08-30\n\n"
        "Fuzhou Mayor Ding Shaoqun called on two foreign-invested firms in the city on Thursday.\n\n"
        "At the Mawei plant of Kaiyuan Precision, a lens maker, Ding was received by the company's "
        "chairman, Wu Ming-te, who showed him a new lens line. Wu said the firm would expand.\n\n"
        "Later that afternoon, Ding visited the Fuzhou centre of German engineering group Siemens, "
        "where he was welcomed by general manager Colin Whitacre. Whitacre said the centre was growing."
    )
    t = transform(docs(text), ref)
    by_meeting: dict[str, set[str]] = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add(r["person_name"])
    assert len(by_meeting) == 2
    assert any(m >= {"Ding Shaoqun", "Colin Whitacre"} and "Wu Ming-te" not in m for m in by_meeting.values())


def test_members_the_delegation_included_attend_each_stop_of_the_trip(ref):
    text = (
        "Date: 2024-07-03\n\n"
        "A Hunan delegation led by Governor Liu Zhaoyang was received by Minister of Economy of Saxony "
        "Frieda Lorenzen and by the Mayor of Leipzig, Anton Brecht, in Dresden and Leipzig on 24 and "
        "25 June, respectively.\n\n"
        "Lorenzen welcomed the delegation to the ministry. Brecht hosted the delegation at the city "
        "hall the next day.\n\n"
        "Members of the delegation included Vice Governor Qiao Hanming."
    )
    got = _meetings(text, ref)
    assert "Qiao Hanming" in got.get("2024-06-24", {})
    assert "Qiao Hanming" in got.get("2024-06-25", {})


def test_a_vice_mayor_on_both_visits_attends_each_visit(ref):
    text = (
        "Date: 2024-08-30\n\n"
        "Fuzhou Mayor Ding Shaoqun called on two foreign-invested firms in the city on Thursday.\n\n"
        "At the Mawei plant of Kaiyuan Precision, a lens maker, Ding was received by the company's "
        "chairman, Wu Ming-te, who showed him a new lens line. Wu said the firm would expand.\n\n"
        "Later that afternoon, Ding visited the Fuzhou centre of German engineering group Siemens, "
        "where he was welcomed by general manager Colin Whitacre. Whitacre said the centre was growing.\n\n"
        "Vice Mayor Chen Yuhua accompanied Ding on both visits."
    )
    t = transform(docs(text), ref)
    by_meeting: dict[str, set[str]] = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add(r["person_name"])
    assert len(by_meeting) == 2
    assert all("Chen Yuhua" in m for m in by_meeting.values())


def test_an_unknown_town_after_an_offices_of_is_no_given_name(ref):
    text = (
        "Published: 2024-11-08\n\n"
        "Wenzhou Vice Mayor Qian Aiping met and was hosted to dinner by Mayor of Kamikawara Hideaki "
        "Morisawa in the Japanese town on Wednesday.\n\n"
        "Qian Aiping (left) and Hideaki Morisawa pose for a photo.\n\n"
        "Morisawa said the two towns had exchanged students for 20 years."
    )
    got = people(text, ref)
    assert "Hideaki Morisawa" in got
    assert "Kamikawara Hideaki Morisawa" not in got
    assert got["Hideaki Morisawa"]["title"] == "Mayor"


def test_a_second_body_a_group_of_people_is_of_is_no_person(ref):
    text = (
        "Published: 2024-10-18\n\n"
        "Ambassador Lorcan Quigley hosted Vice Governor of Fujian Xie Mingyuan at the Embassy on "
        "Thursday.\n\n"
        "First Secretary Niamh Doyle and representatives of Enterprise Ireland and Teagasc Dairy "
        "also attended."
    )
    got = people(text, ref)
    assert "Teagasc Dairy" not in got
    assert "Niamh Doyle" in got
