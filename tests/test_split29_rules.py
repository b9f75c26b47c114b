"""Rules written for the misses of split 29 (docs/split29_coverage.md: Hong Kong, Macao, Taiwan
and overseas Chinese exchanges), on sentences of our own."""

from __future__ import annotations

from transform_helpers import people


def test_a_consul_general_posted_in_hong_kong_calls_on_a_mainland_mayor_at_home(ref):
    text = (
        "date 2024-04-10\n\n"
        "Zhuhai Mayor Liang Guoming on Monday met with Henrik Sondervig, Consul General of Denmark in "
        "Hong Kong.\n\n"
        "Liang said Zhuhai welcomes Danish wind turbine makers."
    )
    got = people(text, ref)
    assert (got["Liang Guoming"]["country"], got["Liang Guoming"]["side"]) == ("CN", "host")
    assert (got["Henrik Sondervig"]["country"], got["Henrik Sondervig"]["side"]) == ("DK", "guest")


def test_an_accompanying_consul_general_posted_in_hong_kong_moves_no_meeting_there(ref):
    text = (
        "date 2024-04-10\n\n"
        "Foshan Party Secretary Wen Jialin met with Lord Mayor Margaret Pellow of Bristol on Friday.\n\n"
        "Pellow was accompanied by Oliver Trask, British Consul General in Hong Kong."
    )
    got = people(text, ref)
    assert got["Wen Jialin"]["side"] == "host"
    assert (got["Margaret Pellow"]["side"], got["Oliver Trask"]["side"]) == ("guest", "guest")


def test_where_the_guests_are_based_is_not_where_they_are_received(ref):
    text = (
        "date 2024-04-10\n\n"
        "Hunan Vice Governor Tang Xiaoping met with trade commissioners from nine countries based in "
        "Hong Kong on Tuesday.\n\n"
        "The group was led by Nadia Okonkwo, Trade Commissioner of Nigeria.\n\n"
        "Liu Fang, director of the Hunan Provincial Department of Commerce, attended the meeting."
    )
    got = people(text, ref)
    assert (got["Tang Xiaoping"]["country"], got["Tang Xiaoping"]["side"]) == ("CN", "host")
    assert got["Liu Fang"]["side"] == "host"
    assert (got["Nadia Okonkwo"]["country"], got["Nadia Okonkwo"]["side"]) == ("NG", "guest")


def test_a_city_official_receives_at_home_a_body_named_after_the_city(ref):
    text = (
        "date 2024-04-10\n\n"
        "Xiamen Party Secretary Cui Yongming met with a delegation of the Xiamen Taiwan Merchants "
        "Association on Thursday.\n\n"
        "Many of the association's members come from Hsinchu and Taichung, and Hsinchu's chip "
        "makers were well represented."
    )
    got = people(text, ref)
    assert (got["Cui Yongming"]["country"], got["Cui Yongming"]["side"]) == ("CN", "host")


def test_a_plural_body_noun_ends_no_person_name(ref):
    text = (
        "date 2024-04-10\n\n"
        "Xiamen Mayor Huang Wenbo met with Lim Boon Keng, president of the Federation of Hakka "
        "Associations in Malaysia, and Tan Siew Ling, head of the Union of Penang Fruit Growers Cooperatives, "
        "on Monday.\n\n"
        "Lim was accompanied by Goh Kian Seng, chairman of the Johor Chinese Chambers of Commerce."
    )
    got = people(text, ref)
    assert {"Huang Wenbo", "Lim Boon Keng", "Tan Siew Ling", "Goh Kian Seng"} <= set(got)
    assert not {"Hakka Associations", "Penang Fruit Growers Cooperatives", "Chinese Chambers"} & set(got)
    assert not any(n.endswith(("Associations", "Chambers", "Cooperatives")) for n in got)


def test_people_listed_among_the_delegation_or_at_the_meeting_take_part(ref):
    text = (
        "date 2024-04-10\n\n"
        "Fuzhou Mayor Wu Xianfeng met with a delegation of the Hong Kong Fujian Association led by "
        "its chairman Dr. Lam Kwok-wai on Thursday.\n\n"
        "Among the delegation were Sandy Ho Mei-ling, chief executive officer of Hong Kong-listed "
        "Eastbay Logistics, and Derek Fung Chi-wai, chairman of Hong Kong-based fintech firm Novapay.\n\n"
        "Among the business leaders at the meeting were Alan Cheng Wai-kit, general manager of Hong "
        "Kong toy maker Joyful Toys."
    )
    got = people(text, ref)
    assert {"Sandy Ho Mei-ling", "Derek Fung Chi-wai", "Alan Cheng Wai-kit"} <= set(got)
    assert got["Sandy Ho Mei-ling"]["role"] == "member"
    assert got["Derek Fung Chi-wai"]["side"] == "guest"
    assert not any("listed" in n for n in got)
