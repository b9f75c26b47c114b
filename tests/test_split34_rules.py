"""Rules written for the misses of split 34 (docs/split34_coverage.md), on sentences of our own:
official accounts and newsletters re-posted as text (Chinese characters beside romanised names,
bullet signs and emoji, list headings, photo placeholders and credits)."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform

LEDE = (
    "Date: 2024-05-14\n\n"
    "On Monday, Lanzhou Mayor Bai Xuemin (白学民) met with Tomas Lindqvist, Swedish Consul General "
    "in Shanghai, at the Ningwozhuang Hotel.\n\n"
    "Bai said Lanzhou welcomed Swedish firms.\n\n"
)


def _row(got: dict, name: str) -> tuple:
    r = got[name]
    return (r["title"], r["country"], r["side"], r["role"])


def test_a_gloss_in_chinese_characters_leaves_the_apposition_to_the_name(ref):
    text = LEDE + (
        "Guo Peiran (郭沛然), Deputy Secretary-General of the Lanzhou Municipal Government, "
        "attended the meeting.\n\n"
        "Bai thanked Lindqvist（林奎斯特）for his visit."
    )
    got = people(text, ref)
    assert _row(got, "Guo Peiran") == ("Deputy Secretary-General", "CN", "host", "member")
    assert _row(got, "Tomas Lindqvist") == ("Consul General", "SE", "guest", "lead")


def test_a_person_described_by_trade_in_a_list_of_who_took_part_is_no_firm(ref):
    text = LEDE + (
        "Delegation members included Annika Berglund, Managing Director of a Gothenburg shipping "
        "company, and Sven Okafor-Lund, a tour operator."
    )
    got = people(text, ref)
    assert "Sven Okafor-Lund" in got
    assert got["Sven Okafor-Lund"]["side"] == "guest"
    assert got["Annika Berglund"]["title"] == "Managing Director"


def test_a_firm_described_after_an_officers_of_still_names_the_firm(ref):
    text = LEDE + (
        "The delegation included Annika Berglund, general manager of Nordhamn Tooling, a Swedish "
        "machinery maker based in Malmo."
    )
    got = people(text, ref)
    assert "Nordhamn Tooling" not in got
    assert got["Annika Berglund"]["organization"] == "Nordhamn Tooling"


def test_items_after_bullet_signs_and_keycap_digits_are_list_items(ref):
    text = LEDE + (
        "Attending the meeting were:\n"
        "1️⃣ Guo Peiran, Deputy Secretary-General of the Lanzhou Municipal Government\n"
        "2️⃣ Ylva Sandberg, Deputy Consul General of Sweden in Shanghai\n\n"
        "Also present were:\n"
        "・ Ma Wenjun, Director of the Lanzhou Foreign Affairs Office\n"
        "・ Erik Dahlgren, Consul of Sweden in Shanghai"
    )
    got = people(text, ref)
    assert _row(got, "Guo Peiran") == ("Deputy Secretary-General", "CN", "host", "member")
    assert _row(got, "Ylva Sandberg") == ("Deputy Consul General", "SE", "guest", "member")
    assert _row(got, "Ma Wenjun") == ("Director", "CN", "host", "member")
    assert _row(got, "Erik Dahlgren")[1:] == ("SE", "guest", "member")


def test_a_list_heading_of_attendees_or_of_a_delegation_names_members(ref):
    text = LEDE + (
        "Attending:\n"
        "- Ma Wenjun, Director of the Lanzhou Foreign Affairs Office\n\n"
        "Members of the Swedish delegation:\n"
        "- Ylva Sandberg, Deputy Consul General of Sweden in Shanghai\n"
        "- Annika Berglund, Managing Director of a Gothenburg shipping company"
    )
    got = people(text, ref)
    assert _row(got, "Ma Wenjun") == ("Director", "CN", "host", "member")
    assert _row(got, "Ylva Sandberg") == ("Deputy Consul General", "SE", "guest", "member")
    assert got["Annika Berglund"]["side"] == "guest"


def test_a_lede_broken_at_a_names_hyphen_is_no_menu(ref):
    text = (
        "2024年5月14日\n\n"
        "Gangwon Province Governor Kim Tae-\n"
        "joon and his delegation were received by Lanzhou Mayor Bai Xuemin yesterday.\n\n"
        "Kim said Gangwon hoped to send more skiers to Gansu."
    )
    got = people(text, ref)
    assert "Kim Tae-joon" in got
    assert _row(got, "Kim Tae-joon") == ("Governor", "KR", "guest", "lead")


def test_a_photo_placeholder_is_no_word_of_the_caption_below_it(ref):
    text = LEDE + "[Image]\nBai Xuemin, second from left, with members of the Swedish delegation.\n\nEnd."
    got = people(text, ref)
    assert not any("Image" in n for n in got)
    assert "Bai Xuemin" in got


def test_a_camera_sign_opens_a_credit_after_a_caption(ref):
    text = LEDE + (
        "Bai Xuemin, right, meets Tomas Lindqvist at the Ningwozhuang Hotel. 📷 Hu Yaping\n\n"
        "Lindqvist said Swedish firms wanted to build wind farms in Gansu."
    )
    got = people(text, ref)
    assert "Hu Yaping" not in got
    assert {"Bai Xuemin", "Tomas Lindqvist"} <= set(got)


def test_a_city_naming_a_side_gives_the_people_after_it_that_sides_country(ref):
    text = (
        "Published: Mar 4, 2024\n\n"
        "A Lanzhou delegation led by Mayor Bai Xuemin was received on March 2 local time by Ingrid "
        "Halvorsen, Governor of Vestland, Norway.\n\n"
        "Attending from the Lanzhou side were Vice Mayor Tan Qiuming and Lu Haoyu, chairman of a "
        "Lanzhou pharmaceutical group."
    )
    got = people(text, ref)
    assert got["Tan Qiuming"]["country"] == "CN"
    assert got["Tan Qiuming"]["side"] == "guest"
    assert got["Lu Haoyu"]["side"] == "guest"
    assert got["Ingrid Halvorsen"]["side"] == "host"


def test_a_foreign_seat_of_the_firm_described_by_a_noun_is_its_officers_country(ref):
    text = (
        "Date: 2024-05-14\n\n"
        "Lanzhou Vice Mayor Tan Qiuming met with Nordkap Bank CEO Henrik Aasland on Monday.\n\n"
        "Tan welcomed the Oslo-headquartered lender to expand its trade finance business in Gansu.\n\n"
        "Nordkap Bank China President Liv Moen attended."
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
    assert got["Henrik Aasland"]["country"] == "NO"
    assert got["Liv Moen"]["country"] == "NO"
    assert t.meetings["counterpart_countries"].to_list() == [["NO"]]


def test_a_russian_region_by_its_short_name_gives_its_deputy_governor_russia(ref):
    text = (
        "Date: 2024-05-14\n\n"
        "Harbin Mayor Li Zhenhai met with Vasily Orlov, Governor of Amur Region, on Monday.\n\n"
        "Amur Deputy Governor Pavel Sokolov accompanied him."
    )
    got = people(text, ref)
    assert got["Pavel Sokolov"]["country"] == "RU"
    assert got["Pavel Sokolov"]["side"] == "guest"


def test_a_field_opening_a_quotation_at_the_start_of_a_sentence_is_a_theme(ref):
    text = LEDE + "“Tourism is where our two peoples meet,” Lindqvist said."
    t = transform(docs(text), ref)
    assert "tourism" in set(t.meeting_themes["theme"].to_list())


def test_the_capitalised_name_of_the_china_europe_freight_trains_is_ports_and_shipping(ref):
    text = (
        LEDE + "Lindqvist noted that China-Europe Railway Express trains now reach Gothenburg twice a week."
    )
    t = transform(docs(text), ref)
    assert "ports_shipping" in set(t.meeting_themes["theme"].to_list())
