"""Rules written for the misses of split 7 (holdout7, folded into dev in session 6;
docs/split7_coverage.md), on sentences of our own."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_a_stop_on_a_weekday_other_than_the_ledes_date_names_no_participant(ref):
    # the lede gives a date (15 May 2024, a Wednesday), the earlier stop a weekday: another day
    text = (
        "Published: 2024-05-17\n\n"
        "On 15 May, Ambassador Lars Eklund paid a courtesy call on the Mayor of Wuhan, Cheng Guoping.\n\n"
        "The visit to Wuhan followed a stop in Hunan. On Saturday (11 May) the Ambassador was in "
        "Changsha, where he met Hunan Vice Governor Liu Xiaoming and toured a rice research centre.\n\n"
        "Cheng said Wuhan welcomed Swedish investment in clean energy."
    )
    got = people(text, ref)
    assert {"Lars Eklund", "Cheng Guoping"} <= set(got)
    assert "Liu Xiaoming" not in got


def test_a_stop_on_a_date_other_than_the_ledes_weekday_names_no_participant(ref):
    # the lede gives a weekday (Wednesday 15 May 2024), the later stop a date: another day
    text = (
        "Published: 2024-05-17\n\n"
        "Ambassador Lars Eklund paid a courtesy call on Wuhan Mayor Cheng Guoping on Wednesday.\n\n"
        "On 16 May the Ambassador was in Yichang, where he met Yichang Mayor Zhou Haibo.\n\n"
        "Cheng said Wuhan welcomed Swedish investment in clean energy."
    )
    got = people(text, ref)
    assert {"Lars Eklund", "Cheng Guoping"} <= set(got)
    assert "Zhou Haibo" not in got


def test_the_same_day_told_as_a_weekday_and_as_a_date_is_one_meeting(ref):
    # 15 May 2024 is a Wednesday: the later sentence repeats the lede's meeting
    text = (
        "Published: 2024-05-17\n\n"
        "On 15 May, Ambassador Lars Eklund paid a courtesy call on Wuhan Mayor Cheng Guoping.\n\n"
        "On Wednesday Eklund and Cheng were joined by Vice Mayor Hu Yabo, who attended the talks.\n\n"
        "Cheng said Wuhan welcomed Swedish investment in clean energy."
    )
    got = people(text, ref)
    assert {"Lars Eklund", "Cheng Guoping", "Hu Yabo"} <= set(got)


def test_a_place_that_is_a_family_name_ends_the_name_before_it(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Ningbo Mayor Tang Fei met with Marcos Oliveira Valencia, Governor of the Brazilian state of "
        "Parana, on Wednesday.\n\n"
        "Oliveira Valencia said Parana would ship more soybeans to Ningbo, and invited Tang to Lima "
        "and Santiago next year."
    )
    got = people(text, ref)
    assert "Marcos Oliveira" not in got
    guest = got["Marcos Oliveira Valencia"]
    assert (guest["title"], guest["country"], guest["side"]) == ("Governor", "BR", "guest")


def test_part_of_a_possessive_delegation_names_a_member(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Hunan Governor Mao Weiming met with Queensland Premier Rachel Whitford in Changsha on "
        "Wednesday.\n\n"
        "Whitford said Queensland hoped to sell more beef to Hunan.\n\n"
        "Gavin Pryce, Queensland's Minister for Agriculture, was part of the premier's delegation."
    )
    got = people(text, ref)
    member = got["Gavin Pryce"]
    assert (member["side"], member["role"], member["country"]) == ("guest", "member", "AU")


def test_a_visit_made_as_part_of_a_delegation_long_ago_names_no_member(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Hunan Governor Mao Weiming met with Queensland Premier Rachel Whitford in Changsha on "
        "Wednesday.\n\n"
        "The ties date back to 1988, when Vice Premier Zhou Anlan toured Brisbane as part of a "
        "trade delegation."
    )
    got = people(text, ref)
    assert {"Mao Weiming", "Rachel Whitford"} <= set(got)
    assert "Zhou Anlan" not in got


def test_a_word_after_a_titles_of_and_a_countrys_possessive_is_a_body(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Suzhou Mayor Wu Qingwen met with Ingrid Solberg, chairwoman of Norway's Fjordtek, and "
        "Park Ji-hoon, president of South Korea's Hanwol, on Wednesday.\n\n"
        "Wu welcomed both firms to expand their plants in Suzhou."
    )
    got = people(text, ref)
    assert "Fjordtek" not in got and "Hanwol" not in got
    assert (got["Ingrid Solberg"]["organization"], got["Ingrid Solberg"]["country"]) == ("Fjordtek", "NO")
    assert (got["Park Ji-hoon"]["organization"], got["Park Ji-hoon"]["country"]) == ("Hanwol", "KR")


def test_a_mid_sized_korean_city_gives_its_mayor_a_country(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Lee Sang-min, Mayor of Gimhae, met with Yantai Mayor Zheng Deyan on Wednesday.\n\n"
        "Zheng said the two cities would open a new ferry route."
    )
    got = people(text, ref)
    assert (got["Lee Sang-min"]["country"], got["Lee Sang-min"]["side"]) == ("KR", "guest")


def test_a_headline_on_the_date_marker_line_glued_to_a_short_lede_is_the_headline(ref):
    # the lede (11 words) is less than twice the headline (7 words), still far longer than it
    text = (
        " date 2024-05-17 Wuhan mayor meets visiting Mayor of Bordeaux\n"
        "Wuhan Mayor Cheng Guoping met Bordeaux Mayor Claire Dumont on Wednesday.\n\n"
        "Cheng said the two cities would deepen cooperation in wine and aviation."
    )
    got = people(text, ref)
    assert (got["Cheng Guoping"]["country"], got["Cheng Guoping"]["side"]) == ("CN", "host")
    assert (got["Claire Dumont"]["country"], got["Claire Dumont"]["side"]) == ("FR", "guest")
    headline = transform(docs(text), ref).articles["headline"][0]
    assert headline == "Wuhan mayor meets visiting Mayor of Bordeaux"


def _themes(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes["theme"].to_list())


def test_technology_of_another_field_is_no_science_theme(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Yantai Mayor Zheng Deyan met with Aarhus Mayor Anders Kjeldsen on Wednesday.\n\n"
        "Kjeldsen said Aarhus was willing to share its solar power technology and its experience "
        "with Yantai, and invited Yantai firms to bring their technologies to Denmark."
    )
    got = _themes(text, ref)
    assert "clean_energy" in got
    assert "science_tech" not in got


def test_a_named_technology_field_is_a_science_theme(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Yantai Mayor Zheng Deyan met with Aarhus Mayor Anders Kjeldsen on Wednesday.\n\n"
        "Zheng proposed cooperation in fintech and in green finance."
    )
    assert "science_tech" in _themes(text, ref)


def test_a_long_history_of_friendly_exchanges_is_no_culture_theme(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Yantai Mayor Zheng Deyan met with Aarhus Mayor Anders Kjeldsen on Wednesday.\n\n"
        "Zheng said Yantai and Aarhus had enjoyed friendly exchanges for many years, and proposed "
        "cooperation in offshore wind power."
    )
    got = _themes(text, ref)
    assert "clean_energy" in got
    assert "culture_people" not in got


def test_artists_and_cultural_festivals_are_a_culture_theme(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Yantai Mayor Zheng Deyan met with Aarhus Mayor Anders Kjeldsen on Wednesday.\n\n"
        "Kjeldsen invited Yantai artists to the city's summer cultural festival."
    )
    assert "culture_people" in _themes(text, ref)


def test_a_friendship_province_relationship_is_a_sister_theme(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Yunnan Governor Wang Yubo met with Gifu Governor Haruto Mizuno in Kunming on Wednesday.\n\n"
        "Wang said the friendship-province relationship between Yunnan and Gifu turned 30 this year, "
        "and both sides agreed to renew the friendship prefecture agreement."
    )
    assert "sister_cities" in _themes(text, ref)


def test_an_idiom_holding_a_fields_word_is_no_theme(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Yantai Mayor Zheng Deyan met with Aarhus Mayor Anders Kjeldsen on Wednesday.\n\n"
        "Zheng said ten years of ties had borne rich fruit, and proposed cooperation in offshore "
        "wind power."
    )
    got = _themes(text, ref)
    assert "clean_energy" in got
    assert "agriculture_food" not in got


def test_generic_words_name_no_field(ref):
    # a port city described, sustainable development and new technologies in general
    text = (
        "Published: 2024-05-17\n\n"
        "Yantai Mayor Zheng Deyan met with Aarhus Mayor Anders Kjeldsen on Wednesday.\n\n"
        "Zheng said both are port cities committed to sustainable development and to new "
        "technologies, and proposed cooperation in offshore wind power."
    )
    got = _themes(text, ref)
    assert "clean_energy" in got
    assert not {"ports_shipping", "climate_environment", "science_tech"} & got


def test_a_hosts_birthplace_self_description_names_no_field(ref):
    text = (
        "Published: 2024-05-17\n\n"
        "Henan Governor Wang Kai met with Aarhus Mayor Anders Kjeldsen in Zhengzhou on Wednesday.\n\n"
        "Henan is the birthplace of Chinese characters and a major base of education and industry, "
        "Wang said.\n\n"
        "Wang proposed cooperation in offshore wind power."
    )
    got = _themes(text, ref)
    assert "clean_energy" in got
    assert "education_youth" not in got


def test_a_weekday_ends_the_description_before_the_papers_name(ref):
    text = (
        "Published: 2024-05-19\n\n"
        "Hu Wenrong, Party Secretary of Jiangsu, met with Lucia Ferreira Campos, Governor of the "
        "Brazilian state of Parana, on Friday, Yangzi Evening News reported on Sunday.\n\n"
        "Hu said Jiangsu would buy more soybeans from Parana."
    )
    got = people(text, ref)
    guest = got["Lucia Ferreira Campos"]
    assert (guest["title"], guest["country"], guest["organization"]) == ("Governor", "BR", None)
