"""Rules written for the misses of blind split 31 (docs/split31_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_an_office_after_and_in_an_of_phrase_is_the_next_names(ref):
    text = (
        "Published: 2024-03-12\n\n"
        "Tianjin Mayor Zhang Weimin met with Leeds Lord Mayor Oliver Grant on Monday.\n\n"
        "Baroness Clara Hughes, Peter Nolan of the Leeds City Council and British Consul General "
        "in Shanghai Ruth Eames also attended the meeting."
    )
    got = people(text, ref)
    assert "Clara Hughes" in got and "Baroness Clara Hughes" not in got
    assert got["Peter Nolan"]["title"] is None
    assert got["Ruth Eames"]["title"] == "Consul General"


def test_a_youth_league_secretary_keeps_the_secretary_title(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Wuxi Mayor Zhou Jianfeng met with Penang Chief Minister Tan Boon Heng on Monday.\n\n"
        "Liang Meiyu, deputy secretary of the Wuxi Municipal Committee of the Communist Youth League, "
        "and Secretary of the Penang Youth Union Committee Lim Kar Wai attended the meeting."
    )
    got = people(text, ref)
    assert got["Liang Meiyu"]["title"] == "Deputy Secretary"
    assert got["Lim Kar Wai"]["title"] == "Secretary"


def test_a_membership_before_and_gives_way_to_the_office_after_it(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "VIENTIANE - On June 10, Somsak Vongdara, member of the Party Central Committee and First "
        "Secretary of the Central Committee of the Lao Youth Union, received a "
        "delegation of the All-China Youth Federation led by its Vice Chairman Gao Ming."
    )
    got = people(text, ref)
    assert got["Somsak Vongdara"]["title"] == "First Secretary"
    assert got["Gao Ming"]["title"] == "Vice Chairman"


def test_parliamentary_offices_off_the_canonical_list(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Ningbo Party Secretary Xu Haoran met with a Brazilian delegation led by Senator Marta "
        "Quintela Rocha on Monday.\n\n"
        "Federal deputy Rafael Monteiro Dias, the Clerk of the Senate, Mr. Paulo Sergio Neves, and "
        "Wei Lanfang, Deputy Head of the Foreign Affairs Office, attended the meeting."
    )
    got = people(text, ref)
    assert got["Rafael Monteiro Dias"]["title"] == "Federal Deputy"
    assert got["Paulo Sergio Neves"]["title"] == "Clerk"
    assert got["Wei Lanfang"]["title"] == "Deputy Head"


def test_national_assembly_members_listed_are_members_of_parliament(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Suzhou Mayor Wu Qingwen met with Korean Deputy Speaker Choi Hyun-woo on Monday.\n\n"
        "National Assembly members Yoon Seo-jin and Bae Min-ho accompanied Choi."
    )
    got = people(text, ref)
    assert got["Yoon Seo-jin"]["title"] == "Member of Parliament"
    assert got["Bae Min-ho"]["title"] == "Member of Parliament"


def _themes(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes.get_column("theme").to_list())


def test_digital_skills_womens_entrepreneurship_and_coordinated_planning_are_themes(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Zhuhai Mayor Huang Zhihao met with Fiji Deputy Speaker Litia Naivalu on Monday.\n\n"
        "Huang proposed training for young women in digital skills and the coordinated planning of "
        "the two harbour districts. Naivalu said women's entrepreneurship was a priority of her parliament."
    )
    assert {"science_tech", "trade_investment", "urban_governance"} <= _themes(text, ref)


def test_heads_after_an_inviter_passive_still_lead_the_delegation(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Kunming Party Secretary Liu Hongjian met on Monday with a delegation of young politicians "
        "from Bhutan and the Maldives.\n\n"
        "The delegation, invited by the International Department of the CPC Central Committee, was "
        "jointly headed by Bhutanese MP Karma Dorji Wangchuk and Maldivian MP Aishath Nadha Rasheed.\n\n"
        "Wangchuk said Bhutan wanted to learn from Yunnan's tea growers."
    )
    got = people(text, ref)
    assert {"Karma Dorji Wangchuk", "Aishath Nadha Rasheed"} <= set(got)
    assert got["Karma Dorji Wangchuk"]["side"] == "guest"


def test_cooperatives_and_freight_firms_are_no_people(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Changsha Mayor Zhou Haibing met with Malawi Speaker Grace Phiri Banda on Monday.\n\n"
        "Chairman Peter Mwale of Lilongwe Maize Cooperative, General Manager Ruth Gondwe of Blantyre "
        "Freight and Ambassador Daniel Kumwenda also attended."
    )
    got = people(text, ref)
    assert "Lilongwe Maize Cooperative" not in got and "Blantyre Freight" not in got
    assert got["Peter Mwale"]["title"] == "Chairman"
    assert got["Ruth Gondwe"]["title"] == "General Manager"


def test_a_forum_of_women_parliamentarians_is_no_person(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Beijing, June 11 -- Wang Lijuan, vice president of the All-China Women's Federation, met "
        "with Grace Mukamana, president of the Forum of Burundian Women Parliamentarians, on Tuesday."
    )
    got = people(text, ref)
    assert "Women Parliamentarians" not in got
    assert got["Grace Mukamana"]["title"] == "President"
