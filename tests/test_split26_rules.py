"""Rules written for the misses of split 26 (round-ups of several meetings, docs/split26_coverage.md),
on sentences of our own."""

from __future__ import annotations

import polars as pl
from transform_helpers import docs, people

from flows.transform import transform


def test_a_place_relative_after_the_meeting_tells_of_another_stop(ref):
    texts = [
        "Published: 2024-04-12\n\n"
        "Hangzhou Mayor Yao Gaoyuan received Governor Mikael Sundqvist on Tuesday, on the second stop "
        "of a tour that had started in Jakarta, where he met Indonesian minister Budi Santoso.\n\n"
        "Yao said the two sides would cooperate on tourism.",
        "Published: 2024-04-12\n\n"
        "Busan Mayor Park Sung-ho held talks with Wuhan Party Secretary Guo Yuanqiang on Monday, after "
        "a stop in Bangkok, where the delegation had met Thai Deputy Prime Minister Anan Wongsakul.\n\n"
        "Park said the two ports would share routes.",
        "Published: 2024-04-12\n\n"
        "Shenzhen Mayor Qin Weizhong met Lord Mayor Helen Carter on Friday, two days after her arrival "
        "in Guangzhou, where she called on Guangdong Governor Wang Weizhong.\n\n"
        "Qin said the two cities would cooperate on trade.",
    ]
    for text, (a, b, cited) in zip(
        texts,
        [
            ("Yao Gaoyuan", "Mikael Sundqvist", "Budi Santoso"),
            ("Park Sung-ho", "Guo Yuanqiang", "Anan Wongsakul"),
            ("Qin Weizhong", "Helen Carter", "Wang Weizhong"),
        ],
        strict=True,
    ):
        got = people(text, ref)
        assert {a, b} <= set(got), text
        assert cited not in got, text


def test_a_place_relative_with_the_only_meeting_verb_is_the_meeting(ref):
    text = (
        "Published: 2024-04-12\n\n"
        "On Thursday, Wuhan Party Secretary Guo Yuanqiang travelled to Busan, where he met Busan Mayor "
        "Park Sung-ho at City Hall.\n\n"
        "Park said the two ports would share routes."
    )
    got = people(text, ref)
    assert {"Guo Yuanqiang", "Park Sung-ho"} <= set(got)
    assert (got["Park Sung-ho"]["side"], got["Guo Yuanqiang"]["side"]) == ("host", "guest")


def _meetings(text, ref):
    """Meetings of one article: (date, weekday, sorted lead names) in meeting order."""
    t = transform(docs(text), ref)
    leads = (
        t.participants.filter(pl.col("role") == "lead")
        .group_by("meeting_id")
        .agg(pl.col("person_name").sort().alias("leads"))
    )
    rows = t.meetings.join(leads, on="meeting_id", how="left").sort("meeting_id")
    return [(str(r["meeting_date"]), r["weekday"], r["leads"]) for r in rows.iter_rows(named=True)]


def test_a_meeting_told_on_the_day_after_is_a_meeting_of_its_own(ref):
    openings = ["The next morning,", "The following day,", "On the following afternoon,", "The day after,"]
    for opening in openings:
        text = (
            "Published: 2024-06-08\n\n"
            "Fujian Governor Zhao Longwei was received on Tuesday by Penang Chief Minister Chow Kah Leng "
            "in George Town.\n\n"
            "Chow said Penang wanted more tourists from Fujian.\n\n"
            f"{opening} Zhao travelled to Kuala Lumpur, where he met Malaysian Minister Tengku Azlan.\n\n"
            "Azlan said Malaysia would buy more Chinese machinery."
        )
        got = _meetings(text, ref)
        assert len(got) == 2, (opening, got)
        assert got[0][:2] == ("2024-06-04", "Tuesday"), opening
        assert got[1][:2] == ("2024-06-05", None), opening
        assert "Tengku Azlan" in got[1][2] and "Tengku Azlan" not in got[0][2], opening


def test_a_lede_broken_inside_a_name_is_no_headline_nor_credit(ref):
    texts = [
        # the first line looks like a headline glued to a longer lede
        "Published: 2024-06-08\n"
        "Hainan governor meets Penang leader\n\n"
        "Hainan Governor Liu Xiaoming met Penang Chief Minister Chow\n"
        "Kah-leng in Haikou on Monday, with both sides pledging to open more flights and to expand "
        "trade in tropical fruit between the two islands.\n\n"
        "Liu said Hainan would welcome Penang's electronics makers.",
        # the first line looks like a photo credit
        "Published: 2024-06-08\n"
        "Dalian mayor meets Kobe delegation\n\n"
        "Dalian Mayor Chen\n"
        "Shaobo met on Monday with a delegation from Kobe led by Deputy Mayor Haruki Ogawa.\n\n"
        "Chen said Dalian and Kobe would open a new ferry route.",
    ]
    for text, (host, guest) in zip(
        texts, [("Liu Xiaoming", "Chow Kah-leng"), ("Chen Shaobo", "Haruki Ogawa")], strict=True
    ):
        got = people(text, ref)
        assert {host, guest} <= set(got), text
        assert (got[host]["side"], got[guest]["side"]) == ("host", "guest"), text


def test_a_credit_closing_a_caption_line_is_no_part_of_the_next_name(ref):
    for credit in ["Xinhua", "Wang Gang", "Ti Gong"]:
        text = (
            "Published: 2024-06-08\n"
            "Suzhou mayor meets Finnish minister\n\n"
            f"Wu Qingwen (left) shakes hands with Aino Lehtinen in Suzhou. {credit}\n"
            "Suzhou Mayor Wu Qingwen met on Monday with Finnish Minister of Trade Aino Lehtinen.\n\n"
            "Wu said Suzhou would welcome more Finnish companies."
        )
        got = people(text, ref)
        assert {"Wu Qingwen", "Aino Lehtinen"} <= set(got), credit
        assert not any(credit in name for name in got), credit


def test_an_abbreviated_title_in_the_plural_titles_each_name_listed(ref):
    text = (
        "Published: 2024-06-08\n\n"
        "Tianjin Mayor Zhang Gong met on Monday with a delegation of the European Parliament led by "
        "Karl Berger.\n\n"
        "MEPs Lotte Vermeulen and Pavel Horak were among the members of the delegation.\n\n"
        "Zhang said Tianjin would welcome European investors."
    )
    got = people(text, ref)
    assert {"Lotte Vermeulen", "Pavel Horak"} <= set(got)
    assert got["Lotte Vermeulen"]["title"] == got["Pavel Horak"]["title"] == "Member of Parliament"
    assert got["Pavel Horak"]["side"] == "guest"


def test_a_verb_capitalised_between_name_words_is_part_of_the_name(ref):
    text = (
        "Published: 2024-06-08\n\n"
        "Kilifi Governor Amina Baya Mwanzi met on Monday with a delegation from Ningbo led by Vice "
        "Mayor Chen Bin.\n\n"
        "Mariam Said Juma, the county's director of trade, was also present.\n\n"
        "Mwanzi said Kilifi wanted Chinese investment in its fish processing plants."
    )
    got = people(text, ref)
    assert "Mariam Said Juma" in got
    assert got["Mariam Said Juma"]["side"] == "host"


def test_a_title_describing_a_name_refers_to_no_lead_holding_it(ref):
    text = (
        "Published: 2024-05-08\n\n"
        "Changsha Party Secretary Wu Guiying met Kenyan Ambassador to China Peter Otieno Mbugua and "
        "Ugandan Minister of Trade Grace Nakato on 6 and 7 May, respectively.\n\n"
        "In her meeting with Mbugua, Wu said Hunan would buy more Kenyan tea.\n\n"
        "Meeting Nakato the next day, Wu said the two sides should cooperate on coffee processing.\n\n"
        "Nakato said Uganda wanted more Chinese tourists. She was accompanied by Moses Kato Ssali, "
        "the Ugandan ambassador to China."
    )
    t = transform(docs(text), ref)
    where = {
        r["person_name"]: r["meeting_id"]
        for r in t.participants.iter_rows(named=True)
        if r["person_name"] in ("Peter Otieno Mbugua", "Grace Nakato", "Moses Kato Ssali")
    }
    assert where["Moses Kato Ssali"] == where["Grace Nakato"] != where["Peter Otieno Mbugua"]


def test_a_gerund_opening_a_sentence_is_no_part_of_the_name_after_it(ref):
    for gerund in ["Welcoming", "Receiving", "Greeting"]:
        text = (
            "Published: 2024-05-10\n\n"
            "Tianjin Mayor Zhang Gong met separately on Thursday with Chilean Minister Rosa Fuentes and "
            "Peruvian Governor Luis Quispe.\n\n"
            f"{gerund} Fuentes, Zhang said the port would open a new route for Chilean fruit.\n\n"
            "In the afternoon, Zhang met Quispe. The two sides discussed tourism."
        )
        t = transform(docs(text), ref)
        got = people(text, ref)
        assert f"{gerund} Fuentes" not in got, gerund
        fuentes = got["Rosa Fuentes"]["meeting_id"]
        themes = {(r["meeting_id"], r["theme"]) for r in t.meeting_themes.iter_rows(named=True)}
        assert (fuentes, "agriculture_food") in themes, gerund
        assert not any(th == "agriculture_food" and m != fuentes for m, th in themes), gerund


def test_what_another_meeting_told_in_passing_discussed_is_no_theme(ref):
    openings = [
        "The delegation had stopped first in Lyon on Saturday, where Li met Auvergne-Rhone-Alpes President "
        "Claire Dubois to discuss football academies.",
        "In 2019, Li visited Lyon, where he met the region's then president Claire Dubois to discuss "
        "football academies.",
    ]
    for other in openings:
        text = (
            "Published: 2024-05-10\n\n"
            "Bordeaux Mayor Pierre Hurmic received Wuhan Party Secretary Li Hongbing on Monday.\n\n"
            f"{other}\n\n"
            "Hurmic said Bordeaux wanted more Chinese tourists."
        )
        t = transform(docs(text), ref)
        themes = {r["theme"] for r in t.meeting_themes.iter_rows(named=True)}
        assert "tourism" in themes, other
        assert "sports" not in themes, other


def test_fields_named_in_words_of_their_own_give_their_themes(ref):
    cases = {
        "The two sides agreed to work together on carbon accounting for exporters.": "climate_environment",
        "She said the two cities shared climate goals.": "climate_environment",
        "He pitched the island's beaches to Chinese holidaymakers.": "tourism",
        "They hoped to open a direct air link between the two cities.": "ports_shipping",
        "He asked for help to build cold storage for local fishermen.": "agriculture_food",
        "They agreed to cooperate in marine science.": "science_tech",
        "He said the firm would localize production of its pumps in Xiamen.": "manufacturing",
    }
    for sentence, theme in cases.items():
        text = (
            "Published: 2024-05-10\n\n"
            "Xiamen Mayor Wu Ying met Cebu Governor Ana Reyes on Monday.\n\n"
            f"Reyes said Cebu valued its ties with Xiamen. {sentence}"
        )
        t = transform(docs(text), ref)
        assert theme in set(t.meeting_themes["theme"].to_list()), sentence


def test_a_phrase_naming_two_fields_gives_both(ref):
    text = (
        "Published: 2024-05-10\n\n"
        "Xiamen Mayor Wu Ying met Cebu Governor Ana Reyes on Monday.\n\n"
        "Wu said the two cities should strengthen cultural and tourism exchanges."
    )
    t = transform(docs(text), ref)
    assert {"culture_people", "tourism"} <= set(t.meeting_themes["theme"].to_list())
