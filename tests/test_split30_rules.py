"""Rules written for the misses of blind split 30 (docs/split30_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_attendees_joining_online_or_present_in_person_are_members(ref):
    text = (
        "Published: 2024-04-10\n\n"
        "Xi'an Mayor Ye Niansheng met with Maria Okonkwo, vice president of the African Development "
        "Bank, in Xi'an on Tuesday.\n\n"
        "The talks were held in a hybrid format. Tomas Lindgren, the bank's country economist, attended "
        "in person, while Amara Diallo, head of the bank's infrastructure department, joined online from "
        "Abidjan.\n\n"
        "Ye said Xi'an would like to work with the bank on logistics."
    )
    got = people(text, ref)
    assert {"Ye Niansheng", "Maria Okonkwo", "Tomas Lindgren", "Amara Diallo"} <= set(got)
    assert got["Amara Diallo"]["role"] == "member"
    assert got["Amara Diallo"]["side"] == "guest"


def test_signatories_of_an_agreement_after_the_meeting_are_members(ref):
    text = (
        "Published: 2024-05-20\n\n"
        "Hefei Mayor Luo Yunfeng met with Governor Hans Lindqvist of Vasterbotten, Sweden, in Hefei on Friday.\n\n"
        "After the meeting, the two leaders witnessed the signing of a memorandum on battery research. "
        "The memorandum was signed by Zhou Minghao, director of the Hefei Science and Technology Bureau, "
        "and Karin Sjoberg, director of the Vasterbotten Regional Development Office."
    )
    got = people(text, ref)
    assert {"Luo Yunfeng", "Hans Lindqvist", "Zhou Minghao", "Karin Sjoberg"} <= set(got)
    assert got["Zhou Minghao"]["role"] == "member"
    assert got["Karin Sjoberg"]["role"] == "member"


def test_a_signing_told_with_a_year_or_a_then_office_names_no_member(ref):
    text = (
        "Published: 2024-05-20\n\n"
        "Wuxi Mayor Zhao Jianjun met with Mayor Paul Hendry of Dayton, US, in Wuxi on Friday.\n\n"
        "The two cities became sister cities in 1989, in an agreement signed by then-Mayor Richard Colton.\n\n"
        "Zhao said Wuxi hoped to deepen exchanges in manufacturing."
    )
    got = people(text, ref)
    assert {"Zhao Jianjun", "Paul Hendry"} <= set(got)
    assert "Richard Colton" not in got


def test_the_witness_of_a_later_signing_is_no_signatory(ref):
    text = (
        "Published: 2024-05-20\n\n"
        "Jinan Mayor Yu Haitian met with Brazilian Ambassador Marcos Galvao in Jinan on Tuesday.\n\n"
        "Later in the day, a memorandum was signed by representatives of two companies at a ceremony "
        "witnessed by Shandong Governor Lin Wu.\n\n"
        "Yu said Jinan welcomed Brazilian investment."
    )
    got = people(text, ref)
    assert {"Yu Haitian", "Marcos Galvao"} <= set(got)
    assert "Lin Wu" not in got


def test_of_two_signatories_the_one_of_no_place_signs_for_the_other_side(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Wuhan Party Secretary Guo Yuanqiang met with Governor Kim Young-rok of Gangwon Province, "
        "South Korea, in Wuhan on Tuesday.\n\n"
        "After the meeting, Wuhan Vice Mayor Chen Xiaobo and Vice Governor Park Ji-hoon signed an "
        "agreement on friendly exchanges."
    )
    got = people(text, ref)
    assert (got["Chen Xiaobo"]["side"], got["Chen Xiaobo"]["country"]) == ("host", "CN")
    assert (got["Park Ji-hoon"]["side"], got["Park Ji-hoon"]["country"]) == ("guest", "KR")


def test_executives_listed_as_taking_part_in_a_roundtable_each_lead_the_guests(ref):
    text = (
        "Published: 2024-09-03\n\n"
        "Fujian Governor Zhao Long held a roundtable with the heads of several multinational companies "
        "in Fuzhou on Monday.\n\n"
        "Lars Mikkelsen, vice president of Danish brewer Carlsberg, Akira Sato, president of Japan's "
        "Toray China, and Beatrice Moreau, CEO of Danone North Asia, took part in the discussion.\n\n"
        "Vice Governor Wang Yong also attended."
    )
    got = people(text, ref)
    for name in ["Lars Mikkelsen", "Akira Sato", "Beatrice Moreau"]:
        assert (got[name]["side"], got[name]["role"]) == ("guest", "lead")
    assert got["Zhao Long"]["role"] == "lead"
    assert got["Wang Yong"]["role"] == "member"


def test_the_apposition_of_the_previous_name_does_not_describe_a_name_with_its_own(ref):
    text = (
        "Published: 2024-09-03\n\n"
        "Jiangsu Governor Xu Kunlin met with foreign executives in Nanjing on Monday: "
        "Lars Mikkelsen, vice president of Danish brewing group Carlsberg, Akira Sato, managing director "
        "of Japan's Toray China, Beatrice Moreau, president of Danone North Asia, and Omar Haddad, CEO "
        "of Aramco Asia."
    )
    got = people(text, ref)
    assert got["Akira Sato"]["title"] == "Managing Director"
    assert got["Beatrice Moreau"]["title"] == "President"
    assert got["Beatrice Moreau"]["country"] != "JP"


def test_a_plural_office_after_a_list_of_names_is_each_ones_title(ref):
    text = (
        "Published: 2024-02-29\n\n"
        "Guangzhou Party Secretary Guo Yonghang met Lucia Ferrante of Italy, Tomas Novak of the Czech "
        "Republic and Hanna Virtanen of Finland, the new consuls general in Guangzhou, on Wednesday.\n\n"
        "Guo welcomed them to the city."
    )
    got = people(text, ref)
    for name, iso2 in [("Lucia Ferrante", "IT"), ("Tomas Novak", "CZ"), ("Hanna Virtanen", "FI")]:
        assert (got[name]["title"], got[name]["country"]) == ("Consul General", iso2)


def test_a_swiss_canton_gives_its_country(ref):
    text = (
        "Published: 2024-11-21\n\n"
        "Shanghai Vice Mayor Hua Yuan and Beat Jans-Keller, President of the Government of the Canton of "
        "Basel-Stadt, held a video conference on Wednesday.\n\n"
        "Hua said Shanghai welcomed Basel's pharmaceutical firms."
    )
    got = people(text, ref)
    assert (got["Beat Jans-Keller"]["country"], got["Beat Jans-Keller"]["side"]) == ("CH", "guest")


def test_envoys_among_those_who_spoke_by_video_link_each_lead_the_guests(ref):
    text = (
        "Published: 2024-07-08\n\n"
        "Guangxi Party Secretary Liu Ning held a video conference on Friday with envoys from 12 countries "
        "along the western corridor.\n\n"
        "Liu said the corridor had carried more containers than ever.\n\n"
        "Among those who spoke via video link were Thai Ambassador to China Somchai Wongsa and Malaysian "
        "Ambassador to China Azman bin Ahmad. Somchai said Thai exporters used the railway."
    )
    got = people(text, ref)
    for name, iso2 in [("Somchai Wongsa", "TH"), ("Azman bin Ahmad", "MY")]:
        assert (got[name]["side"], got[name]["role"], got[name]["country"]) == ("guest", "lead", iso2)


def test_a_bracketed_label_after_a_sentence_opens_a_sentence_of_its_own(ref):
    text = (
        "Published: 2023-06-15\n\n"
        "Suzhou Mayor Wu Qingwen held a video conference on Thursday with the mayor of Graz, Austria, "
        "Elke Hofbauer.\n"
        "[Screen grab] Wu Qingwen talks with Elke Hofbauer by video link.\n\n"
        "Wu said Suzhou valued its ties with Graz."
    )
    got = people(text, ref)
    assert "Elke Hofbauer" in got
    assert not any(n.startswith("Elke Hofbauer ") for n in got)


def test_a_given_name_spelt_like_a_city_before_an_apposition_closes_the_name(ref):
    text = (
        "Published: 2025-06-25\n\n"
        "Mayor Jan Smit of Utrecht met with Nanjing Vice Mayor Hu Wanjun in Utrecht on Monday.\n\n"
        "Sun Yanan, deputy secretary-general of the Nanjing municipal government, was part of the "
        "Nanjing delegation."
    )
    got = people(text, ref)
    assert "Sun Yanan" in got
    assert (got["Sun Yanan"]["title"], got["Sun Yanan"]["role"]) == ("Deputy Secretary-General", "member")


def test_a_delegation_of_a_foreign_chamber_comes_from_the_chambers_country(ref):
    text = (
        "Published: 2025-05-23\n\n"
        "On Tuesday, Vice Mayor Hua Yuan met Kenji Mori, Consul General of Japan in Shanghai. Hua said "
        "Japanese companies were welcome.\n\n"
        "On Wednesday, Vice Mayor Chen Tong met a delegation of the British Chamber of Commerce in China "
        "led by its chair, Fiona Blackwood. Blackwood said British banks were keen to grow."
    )
    got = people(text, ref)
    assert (got["Fiona Blackwood"]["country"], got["Fiona Blackwood"]["side"]) == ("GB", "guest")


def test_the_catalan_particle_i_joins_a_double_surname(ref):
    text = (
        "Published: 2023-09-20\n\n"
        "Hangzhou Mayor Yao Gaoyuan met IOC Vice President Ingrid Solberg on Tuesday.\n\n"
        "Jordi Puig i Ferrer, a member of the IOC Coordination Commission, also attended the meeting."
    )
    got = people(text, ref)
    assert "Jordi Puig i Ferrer" in got
    assert "Jordi Puig" not in got


def test_a_given_name_spelt_like_a_city_after_a_capitalised_dateline(ref):
    text = (
        "Published: 2023-10-15\n\n"
        "HANGZHOU -- Wang Lanzhou, Party chief of Zhejiang province, and Governor Liu Jie met with "
        "Danish Minister Lars Holm in Hangzhou on Friday.\n\n"
        "Wang said Zhejiang welcomed Danish firms."
    )
    got = people(text, ref)
    assert got["Wang Lanzhou"]["title"] == "Party Secretary"
    assert got["Liu Jie"]["title"] == "Governor"


def _themes(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes.get_column("theme").to_list())


def test_green_shipping_crew_training_and_friendly_exchange_relations_are_themes(ref):
    text = (
        "Published: 2024-11-06\n\n"
        "Dalian Mayor Chen Shaowang met with Governor Lee Jun-ho of Gyeonggi Province, South Korea, in "
        "Dalian on Tuesday.\n\n"
        "Lee said Gyeonggi hoped to work with Dalian on green shipping and crew training. After the "
        "meeting, the two leaders witnessed the signing of an agreement on friendly exchange relations."
    )
    got = _themes(text, ref)
    assert {"ports_shipping", "climate_environment", "education_youth", "sister_cities"} <= got


def test_a_capitalised_run_right_after_at_is_a_venue_not_a_person(ref):
    text = (
        "Published: 2024-12-12\n\n"
        "KUCHING - Premier Abang Johari received a delegation from Guangxi, China, led by Vice Chairman "
        "Wei Guonan, at Wisma Bapa Malaysia yesterday.\n\n"
        "Abang Johari said Sarawak welcomed investment in palm oil processing."
    )
    got = people(text, ref)
    assert {"Abang Johari", "Wei Guonan"} <= set(got)
    assert "Wisma Bapa Malaysia" not in got and "Wisma Bapa" not in got


def test_the_deputy_of_a_guest_leads_office_takes_that_leads_country(ref):
    text = (
        "Published: 2025-05-23\n\n"
        "On Tuesday, Vice Mayor Hua Yuan met Kenji Mori, Consul General of Japan in Shanghai. Hua said "
        "Japanese companies were welcome.\n\n"
        "On Wednesday, Vice Mayor Chen Tong met a delegation of the British Chamber of Commerce in China "
        "led by its chair, Fiona Blackwood. Blackwood said British banks were keen to grow. Vice Chair "
        "Rajiv Mehta was also present."
    )
    got = people(text, ref)
    assert (got["Rajiv Mehta"]["country"], got["Rajiv Mehta"]["side"]) == ("GB", "guest")
