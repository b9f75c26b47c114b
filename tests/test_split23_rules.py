"""Rules written for the misses of blind split 23 (docs/split23_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_a_list_opened_by_among_them_names_a_delegations_members(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "A delegation of the Korea Importers Federation, led by its chairman Park Dong-won, was received "
        "by Dalian Mayor Chen Haibo on Tuesday.\n\n"
        "The delegation of 40 members represents Korean firms in shipping and retail. Among them were "
        "Kim Soo-jin, president of Hanul Trading; and Lee Jae-sung, general manager of Daebong Seafood.\n\n"
        "Chen said Dalian welcomed Korean investment."
    )
    got = people(text, ref)
    assert {"Kim Soo-jin", "Lee Jae-sung"} <= set(got)
    assert (got["Kim Soo-jin"]["side"], got["Kim Soo-jin"]["role"]) == ("guest", "member")
    assert "Hanul Trading" not in got


def test_among_them_after_a_lede_meeting_a_group_names_its_heads(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Yunnan Governor Wang Lixin met in Kunming on Monday with ambassadors of five Asian countries.\n\n"
        "Among them were Somchai Rattanakorn, Ambassador of Thailand to China; and Nguyen Van Hai, "
        "Ambassador of Vietnam to China.\n\n"
        "Wang said Yunnan would open more border crossings."
    )
    got = people(text, ref)
    assert got["Somchai Rattanakorn"]["role"] == "lead"
    assert got["Nguyen Van Hai"]["role"] == "lead"


def test_one_more_member_was_also_in_the_delegation(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Fuzhou Mayor Wu Xiansheng met with a delegation of the Tainan Food Exporters Association led by "
        "its chairman Chang Wei-ting on Thursday.\n\n"
        "Hsu Ya-ling, manager of a Tainan-based tea company, was also in the delegation."
    )
    got = people(text, ref)
    assert (got["Hsu Ya-ling"]["side"], got["Hsu Ya-ling"]["role"]) == ("guest", "member")


def test_whoever_speaks_for_the_diplomats_heads_a_guest_side(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Guangxi Chairman Lan Tianli met with envoys from 12 countries in Nanning on Friday.\n\n"
        "Lan said Guangxi would deepen trade with Southeast Asia.\n\n"
        "Speaking for the diplomats, Malaysian Ambassador Azlan bin Hashim said the corridor would help "
        "exporters."
    )
    got = people(text, ref)
    assert (got["Azlan bin Hashim"]["country"], got["Azlan bin Hashim"]["side"]) == ("MY", "guest")


def test_words_named_as_a_firm_elsewhere_name_no_person(ref):
    text = (
        "Published: 2024-06-12\n"
        "Governor meets Brightwater Aero CEO\n\n"
        "Sichuan Governor Shi Xiaolin met with Helena Voss, chief executive officer of Dutch aircraft "
        "parts maker Brightwater Aero, in Chengdu on Monday.\n\n"
        "Shi welcomed Brightwater Aero to build a repair base in the province."
    )
    got = people(text, ref)
    assert {"Shi Xiaolin", "Helena Voss"} <= set(got)
    assert "Brightwater Aero" not in got


def test_who_attended_an_opening_or_closing_ceremony_takes_no_part(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Kunming Mayor Liu Jiachen met with Maria Santos, Deputy Director-General of the Asia Trade "
        "Council, in Kunming on Tuesday, on the eve of the South Asia Expo.\n\n"
        "Vice Premier Gao Weimin addressed the expo's closing session on Friday, and State Councillor "
        "Tan Ruoyu attended its opening ceremony on Wednesday.\n\n"
        "Liu said Kunming would expand trade. Vice Mayor Zhou Ling attended the signing ceremony."
    )
    got = people(text, ref)
    assert {"Liu Jiachen", "Maria Santos", "Zhou Ling"} <= set(got)
    assert "Tan Ruoyu" not in got
    assert "Gao Weimin" not in got


def test_who_attended_an_event_on_another_day_takes_no_part(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Harbin Mayor Zhang Qixiang met with Ivan Petrov, Chairman of the Amur Shipping Union, in "
        "Harbin on Tuesday.\n\n"
        "Zhang said Harbin would open more river routes. Vice Mayor Kong Lingyu attended the meeting.\n\n"
        "Minister of Commerce Fan Jiawen attended the welcome banquet for the union on Thursday evening."
    )
    got = people(text, ref)
    assert {"Zhang Qixiang", "Ivan Petrov", "Kong Lingyu"} <= set(got)
    assert "Fan Jiawen" not in got


def test_the_deputy_of_a_leads_chair_sits_on_that_leads_side(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Gao Yuanming, Chairman of the Standing Committee of the Hubei Provincial People's Congress, met "
        "in Wuhan on Monday with a delegation of the Bavarian state parliament led by its President, "
        "Anja Lindemann.\n\n"
        "Gao said the two legislatures would deepen exchanges.\n\n"
        "Xu Meiling, Vice Chairwoman of the Standing Committee, was present at the meeting."
    )
    got = people(text, ref)
    assert (got["Xu Meiling"]["country"], got["Xu Meiling"]["side"]) == ("CN", "host")


def test_a_visitor_accompanying_one_guest_lead_comes_from_that_leads_country(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Xiamen Mayor Wu Kaiming held separate talks with Sir Nigel Ashcombe, chairman of British "
        "insurer Ravensmoor, and Dr. Park Min-ji, chief executive officer of South Korean chipmaker "
        "Daesan Semiconductor, on Thursday.\n\n"
        "Meeting Park, Wu said Xiamen welcomed chip investment. She was accompanied by Kang Tae-woo, the "
        "company's chief technology officer."
    )
    got = people(text, ref)
    assert (got["Kang Tae-woo"]["country"], got["Kang Tae-woo"]["side"]) == ("KR", "guest")


def test_a_guest_lead_comes_from_the_place_named_after_from_in_their_sentence(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Shanghai Mayor Gong Zheng and Vice Mayor Liu Duo met foreign guests in Shanghai on Tuesday.\n\n"
        "In the morning, Gong met with Lars Eriksen, chairman of Norwegian shipowner Fjordline "
        "Shipping.\n\n"
        "In the afternoon, Liu Duo met with a delegation from the Indonesian province of Bali led by its "
        "Governor, Made Suarsana."
    )
    got = people(text, ref)
    assert (got["Made Suarsana"]["country"], got["Made Suarsana"]["side"]) == ("ID", "guest")


def test_a_lead_of_separate_meetings_takes_no_other_guests_country(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Wuhan Mayor Cheng Yongwen met separately with Klaus Berger, chief executive officer of German "
        "carmaker Heilbronn Motoren, and Ana Ruiz, president of logistics company Vela Cargo, on Friday.\n\n"
        "Cheng said Wuhan welcomed investment in cars and logistics."
    )
    got = people(text, ref)
    assert got["Klaus Berger"]["country"] == "DE"
    assert got["Ana Ruiz"]["country"] is None


def test_a_firms_possessive_before_the_market_its_post_covers_names_the_firm(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Hangzhou Mayor Yao Gaoyuan met with Henrik Dahl, chairman of Danish toy maker Brikken, in "
        "Hangzhou on Monday.\n\n"
        "Yao said the city welcomed the group's new plant. Zhou Minghui, Brikken's Greater China CEO, "
        "accompanied Dahl."
    )
    got = people(text, ref)
    assert (got["Zhou Minghui"]["country"], got["Zhou Minghui"]["side"]) == ("DK", "guest")


def test_a_diplomat_speaking_after_the_envoys_spokesman_is_one_of_the_envoys(ref):
    text = (
        "Published: 2024-06-12\n\n"
        "Yunnan Governor Wang Yubo met with envoys from 18 countries in Kunming on Thursday.\n\n"
        "Wang said Yunnan would open more flights to South Asia.\n\n"
        "Speaking on behalf of the envoys, Nepalese Ambassador Bishnu Prasad Adhikari thanked the "
        "province. Sri Lankan Ambassador Nimal Perera said Sri Lanka hoped to sell more tea in China."
    )
    got = people(text, ref)
    assert (got["Nimal Perera"]["country"], got["Nimal Perera"]["role"]) == ("LK", "lead")
