"""Rules written for the misses of blind split 19 (docs/split19_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_a_sports_event_a_city_hosted_is_no_person(ref):
    text = (
        "Published: 2024-08-12\n\n"
        "Vice Governor Tan Meiling met with consuls general from nine countries stationed in Xi'an this "
        "morning.\n\n"
        "Among the guests was Marta Kowalczyk, Consul General of Poland.\n\n"
        "Shaanxi has just hosted a successful Xi'an Summer Universiade, Tan said."
    )
    got = people(text, ref)
    assert "Summer Universiade" not in got
    assert got["Tan Meiling"]["side"] == "host"
    assert got["Marta Kowalczyk"]["side"] == "guest"


def test_people_met_at_a_stop_of_the_programme_take_no_part(ref):
    text = (
        "Published: 2024-05-20\n\n"
        "On 17 May, Ambassador Ingrid Solheim met with Fujian Vice Governor Ma Lihua in Fuzhou.\n\n"
        "The Ambassador was accompanied by Consul General Petter Aas.\n\n"
        "Her itinerary also included a visit to Xiamen, where she met Vice Mayor Lu Wenbin and toured "
        "the port."
    )
    got = people(text, ref)
    assert {"Ingrid Solheim", "Ma Lihua", "Petter Aas"} <= set(got)
    assert "Lu Wenbin" not in got


def test_a_photo_credit_in_brackets_after_a_caption_names_nobody(ref):
    text = (
        "Published: 2024-07-02\n\n"
        "Vice Mayor Luo Xinyi met a delegation of the Macao Youth Federation led by Chairman Ho Ka-lok "
        "on Monday.\n\n"
        "Luo Xinyi, left, meets Ho Ka-lok in Zhongshan. (Photo: Fan Zhiwei)\n\n"
        "Luo said the two cities would deepen cooperation."
    )
    got = people(text, ref)
    assert {"Luo Xinyi", "Ho Ka-lok"} <= set(got)
    assert "Fan Zhiwei" not in got


def test_a_name_after_a_trading_house_is_the_firm(ref):
    text = (
        "Published: 2024-04-12\n\n"
        "Vice Mayor Gao Ruilin met separately with Anna Lindqvist, Consul General of Sweden, and "
        "Kenji Morishita, president of Japanese trading house Aozora Shoji.\n\n"
        "Gao met Lindqvist on Wednesday. Gao met Morishita on Thursday."
    )
    got = people(text, ref)
    assert {"Gao Ruilin", "Anna Lindqvist", "Kenji Morishita"} <= set(got)
    assert "Aozora Shoji" not in got


def test_provinces_of_the_mekong_and_halong_are_places(ref):
    text = (
        "Published: 2024-02-09\n\n"
        "Vice Governor Li Minghao held talks with Prasert Wongsawat, Governor of Chiang Rai province of "
        "Thailand, in Kunming on Wednesday.\n\n"
        "Li said the two provinces would open a new coffee trade route, and Wongsawat invited "
        "Yunnan firms to a fair in Ha Long City next month."
    )
    got = people(text, ref)
    assert "Chiang Rai" not in got and "Ha Long" not in got
    assert got["Prasert Wongsawat"]["country"] == "TH"


def test_an_officer_of_a_shenzhen_district_office_is_chinese_and_hosts(ref):
    text = (
        "Published: 2024-03-09\n\n"
        "Mark Ellery, chief executive officer of Harbourline Bank, was received by Zhong Wanqing, Party "
        "chief of Futian District, on Thursday.\n\n"
        "Zhong said the district welcomed the bank. Ellery said the bank would open a branch there.\n\n"
        "Tao Yiran, deputy director of the Futian District Commerce Bureau, also attended the meeting."
    )
    got = people(text, ref)
    assert got["Tao Yiran"]["country"] == "CN"
    assert got["Tao Yiran"]["side"] == "host"


def test_a_member_at_a_branch_of_the_guests_firm_is_a_guest_of_no_country(ref):
    text = (
        "Published: 2024-06-07\n\n"
        "Qiao Zhenming, director of the Zhoushan Port Zone, met with Henrik Dahl, chief "
        "executive officer of Boeing China, on Wednesday.\n\n"
        "Qiao said the zone would support the new plant. Dahl said the plant would open next year.\n\n"
        "Oskar Lind, head of the Boeing Zhoushan Completion Centre, and Pan Yue, deputy director of the "
        "Zhoushan Municipal Bureau of Commerce, attended the meeting."
    )
    got = people(text, ref)
    assert got["Oskar Lind"]["side"] == "guest"
    assert got["Oskar Lind"]["country"] is None
    assert got["Pan Yue"]["side"] == "host"


def test_separate_meetings_take_the_weekdays_of_the_lede_in_order(ref):
    text = (
        "Published: 2024-05-11\n\n"
        "Vice Governor Hu Chenglin met separately with Amara Okafor, Governor of Nigeria's Ogun State, "
        "on Wednesday and with Tomas Berg, Vice Governor of Sweden's Skane region, on Thursday.\n\n"
        "Meeting Okafor, Hu said the province would buy more cassava. Berg said Skane hoped to attract "
        "more Chinese students."
    )
    t = transform(docs(text), ref)
    by_lead = {
        r["person_name"]: r["meeting_id"]
        for r in t.participants.iter_rows(named=True)
        if r["side"] == "guest" and r["role"] == "lead"
    }
    dates = {r["meeting_id"]: str(r["meeting_date"]) for r in t.meetings.iter_rows(named=True)}
    assert dates[by_lead["Amara Okafor"]] == "2024-05-08"
    assert dates[by_lead["Tomas Berg"]] == "2024-05-09"


def test_separate_meetings_under_a_lede_of_no_day_take_their_own_sentences_days(ref):
    text = (
        "Published: 2024-05-11\n\n"
        "Vice Mayor Lu Qinghe met separately with Sofia Marin, Consul General of Spain in Guangzhou, "
        "and Kwame Mensah, Consul General of Ghana in Guangzhou.\n\n"
        "Lu met Marin on Tuesday. Lu said the city would host a Spanish film week.\n\n"
        "On Wednesday afternoon, Lu met Mensah. Mensah said Ghana hoped to sell more cocoa."
    )
    t = transform(docs(text), ref)
    by_lead = {
        r["person_name"]: r["meeting_id"]
        for r in t.participants.iter_rows(named=True)
        if r["side"] == "guest" and r["role"] == "lead"
    }
    dates = {r["meeting_id"]: str(r["meeting_date"]) for r in t.meetings.iter_rows(named=True)}
    assert dates[by_lead["Sofia Marin"]] == "2024-05-07"
    assert dates[by_lead["Kwame Mensah"]] == "2024-05-08"


def _themes(text, ref):
    t = transform(docs(text), ref)
    return set(t.meeting_themes["theme"].to_list())


def test_fields_named_by_their_products_and_services(ref):
    text = (
        "Published: 2024-09-20\n\n"
        "Vice Mayor Dong Jiawen met with Mayor Lee Sun-hee of Wando, South Korea, on Thursday.\n\n"
        "Dong proposed that the two sides cooperate in breeding sea cucumbers and abalone and in "
        "marine ranching, and relaunch cross-border self-driving tours. Lee said Wando firms were "
        "interested in intelligent driving systems for harbour trucks."
    )
    got = _themes(text, ref)
    assert {"agriculture_food", "tourism", "science_tech"} <= got


def test_the_pandemic_as_background_leaves_the_fields_of_its_sentence(ref):
    text = (
        "Published: 2024-04-18\n\n"
        "Vice Mayor Shen Liwen met with Mayor Aroha Ngata of Rotorua, New Zealand, on Tuesday.\n\n"
        "Shen proposed that the two sides restore the direct flights suspended during the COVID-19 "
        "pandemic. Ngata said the city hoped to welcome more students."
    )
    got = _themes(text, ref)
    assert "ports_shipping" in got


def test_megacity_governance_and_art_troupes_name_their_fields(ref):
    text = (
        "Published: 2024-04-18\n\n"
        "Vice Mayor Shen Liwen met with Mayor Claire Dubois of Lyon, France, on Tuesday.\n\n"
        "Shen said the two cities could share experience in the governance of megacities. Dubois "
        "invited a Shanghai art troupe to perform in Lyon."
    )
    got = _themes(text, ref)
    assert {"urban_governance", "culture_people"} <= got


def test_a_guest_member_of_no_country_takes_the_country_of_the_lead_they_accompany(ref):
    text = (
        "Published: 2024-04-19\n\n"
        "Vice Mayor Kong Weilan met separately with Park Ji-ho, Consul General of the Republic of Korea "
        "in Dalian, and Taro Fujimoto, president of Japanese trading house Aoba Bussan.\n\n"
        "Kong met Park on Tuesday. On Wednesday, Kong met Fujimoto. Fujimoto was accompanied by "
        "Emi Nakagawa, general manager of the company's Dalian office."
    )
    got = people(text, ref)
    assert got["Emi Nakagawa"]["side"] == "guest"
    assert got["Emi Nakagawa"]["country"] == "JP"
