"""Rules written for the misses of blind split 21 (docs/split21_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_a_name_after_the_speech_verb_of_a_member_list_is_cited(ref):
    text = (
        "Published: 2024-05-14\n\n"
        "Wuhan Mayor Sheng Xiaobo met with Hyogo Governor Taro Kimura on Tuesday.\n\n"
        "Meeting Kimura and his delegation, which included Hyogo Assembly Speaker Jiro Sato, Sheng "
        "said Premier Li Qiang has called for closer ties between the two countries.\n\n"
        "Kimura said Hyogo would welcome more Wuhan companies."
    )
    got = people(text, ref)
    assert {"Sheng Xiaobo", "Taro Kimura", "Jiro Sato"} <= set(got)
    assert got["Jiro Sato"]["role"] == "member"
    assert "Li Qiang" not in got


def test_a_secretary_of_no_party_committee_holds_no_canonical_title(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Kunming Vice Mayor Liu Jianbo met with Harriet Mwangi, Principal Secretary of Uganda's "
        "Ministry of Trade, on Monday.\n\n"
        "Ruth Nankya, Secretary of Culture of Kampala, also attended.\n\n"
        "Nguyen Van Long, Secretary of the Dien Bien Provincial Party Committee, was present."
    )
    got = people(text, ref)
    # (Principal Secretary is an office of its own since session 11's settled conventions, and a
    # cabinet's "Secretary of Culture" a Secretary since session 12's)
    assert got["Harriet Mwangi"]["title"] == "Principal Secretary"
    assert got["Ruth Nankya"]["title"] == "Secretary"
    assert got["Nguyen Van Long"]["title"] == "Party Secretary"


def test_a_minister_counsellor_and_a_metropolitan_chief_executive_hold_no_canonical_title(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Xiamen Mayor Wu Jinghai met with a delegation from Tamale led by Metropolitan Chief "
        "Executive Abdul Mumin on Monday.\n\n"
        "Paulo Ferraz, Minister Counsellor of the Portuguese Embassy, also attended."
    )
    got = people(text, ref)
    assert got["Abdul Mumin"]["title"] is None
    assert got["Paulo Ferraz"]["title"] is None


def test_an_akim_glossed_as_mayor_is_a_mayor_and_a_deputy_akim_a_deputy_mayor(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "On Monday, Nurlan Serikovich Abenov, the akim (mayor) of Karaganda, met with a delegation "
        "from Lanzhou led by Vice Mayor Zhang Wei.\n\n"
        "Deputy akim Dana Tolegenovna Sadykova took part in the talks."
    )
    got = people(text, ref)
    assert got["Nurlan Serikovich Abenov"]["title"] == "Mayor"
    assert got["Dana Tolegenovna Sadykova"]["title"] == "Deputy Mayor"


def test_a_new_or_newly_arrived_envoy_keeps_the_title_of_the_apposition(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Wuhan Vice Mayor Chen Xiaoming met with Aliya Nurbekova, the newly arrived Consul General "
        "of Kyrgyzstan in Wuhan, and Tomas Lindberg, the new Ambassador of Sweden to China, on "
        "Monday.\n\n"
        "Chen said Wuhan welcomed more trade."
    )
    got = people(text, ref)
    assert got["Aliya Nurbekova"]["title"] == "Consul General"
    assert got["Tomas Lindberg"]["title"] == "Ambassador"


def test_the_group_a_lede_meets_lists_its_heads_each_a_lead(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Guangxi Vice Governor Li Hongbo met on Tuesday with the consuls general in Nanning of "
        "Indonesia, Malaysia and Singapore, who paid a joint call.\n\n"
        "The group included Indonesian Consul General Budi Santoso, Malaysian Consul General Aminah "
        "Rahman and Singaporean Consul General Tan Wei Ling. Zhou Li, Director of the Guangxi "
        "Foreign Affairs Office, also attended.\n\n"
        "Li said Guangxi would open more flights to the region."
    )
    got = people(text, ref)
    for name in ("Budi Santoso", "Aminah Rahman", "Tan Wei Ling"):
        assert (got[name]["role"], got[name]["side"]) == ("lead", "guest")
    assert got["Zhou Li"]["role"] == "member"


def test_the_burmese_honorifics_u_and_daw_are_dropped(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Nanning Mayor Zhou Hongbo met with Myanmar Consul General U Aung Kyaw Moe on Monday. "
        "Deputy Consul General Daw Khin Thandar Aye also attended.\n\n"
        "Zhou said Nanning would buy more rice from Myanmar."
    )
    got = people(text, ref)
    assert "Aung Kyaw Moe" in got and "U. Aung Kyaw Moe" not in got
    assert "Khin Thandar Aye" in got


def test_a_business_leader_who_joined_the_visit_is_a_guest_member(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Shenzhen Vice Mayor Zhang Hua met with a delegation from Mombasa led by Governor Hassan "
        "Omar Juma on Monday.\n\n"
        "Fatuma Achieng, chairwoman of the Mombasa Port Traders Association, was among several "
        "business leaders who joined the trip.\n\n"
        "Zhang said Shenzhen would import more tea."
    )
    got = people(text, ref)
    assert (got["Fatuma Achieng"]["role"], got["Fatuma Achieng"]["side"]) == ("member", "guest")


def test_the_head_of_a_delegation_led_by_them_in_a_sentence_citing_its_source_is_a_lead(ref):
    text = (
        "Date: 2024-09-20\n\n"
        "A Kashgar municipal delegation led by Party Secretary Wang Jianmin visited Bishkek from 15 "
        "to 18 September, the Kashgar Foreign Affairs Office said on Thursday.\n\n"
        "On Monday (16 September), Aibek Dzhunushaliev, the mayor of Bishkek, met with the "
        "delegation.\n\n"
        "Dzhunushaliev said Bishkek wanted more flights to Kashgar."
    )
    got = people(text, ref)
    assert got["Wang Jianmin"]["role"] == "lead"


def test_a_person_the_meeting_was_attended_by_is_a_member(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Yantai Mayor Zheng Deyan met with Ulsan Mayor Kim Doo-kyum on Monday.\n\n"
        "In the meeting with the Ulsan delegation, attended by Yantai Vice Mayor Sun Jianmin, Zheng "
        "proposed more ferry "
        "sailings between the two ports."
    )
    got = people(text, ref)
    assert got["Sun Jianmin"]["role"] == "member"
    assert got["Kim Doo-kyum"]["role"] == "lead"


def test_a_sentence_opening_on_meeting_a_guest_reports_a_meeting_of_its_own(ref):
    text = (
        "Date: 2024-04-12\n\n"
        "Wuhan Vice Mayor Zhao Gang met separately on Thursday with the new Consuls General of Peru "
        "and Ecuador.\n\n"
        "In his meeting with Peruvian Consul General Luis Alberto Paredes, Zhao said Peruvian "
        "blueberries are popular in Wuhan.\n\n"
        "Meeting Madam Gabriela Salazar\n"
        "Mendoza, Ecuador's new Consul General, Zhao said Ecuadorian bananas sell well in the city."
    )
    t = transform(docs(text), ref)
    got = {(r["meeting_id"], r["person_name"]): r for r in t.participants.iter_rows(named=True)}
    names = {n for _, n in got}
    assert "Gabriela Salazar Mendoza" in names
    meetings_of = {n: {m for m, p in got if p == n} for n in names}
    assert len(meetings_of["Zhao Gang"]) == 2
    assert meetings_of["Gabriela Salazar Mendoza"] != meetings_of["Luis Alberto Paredes"]


def test_members_a_which_clause_includes_are_members(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Hefei Mayor Luo Yunfeng met separately with Shizuoka Governor Kenji Hayashi and the "
        "president of the Asian Infrastructure Investment Bank, Marta Lindqvist, on Monday.\n\n"
        "Meeting Hayashi and his delegation, which included Shizuoka Assembly Speaker Daisuke Mori, "
        "Luo said Hefei welcomed Japanese carmakers."
    )
    got = people(text, ref)
    assert got["Daisuke Mori"]["role"] == "member"
    assert got["Kenji Hayashi"]["role"] == "lead"


def _themes(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes["theme"].to_list())


def test_a_later_tour_and_a_city_described_as_a_trading_port_give_no_theme(ref):
    text = (
        "Published: 2024-06-04\n\n"
        "Xiamen Mayor Wu Jinghai met with Cebu Governor Maria Lopez on Monday.\n\n"
        "Wu said Xiamen and Cebu both have long histories as trading ports. The two sides agreed to "
        "expand tourism.\n\n"
        "The delegation later toured a pharmaceutical research institute in Haicang."
    )
    got = _themes(text, ref)
    assert "tourism" in got
    assert "trade_investment" not in got
    assert "biomedicine_health" not in got
