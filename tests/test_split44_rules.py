"""Rules written for the misses of split 44 (docs/split44_coverage.md), on sentences of our own:
business and investment meetings of Chinese leaders with the heads and regional heads of foreign
companies and chambers, often on the sidelines of expos, with the firms' self-descriptions."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def _meetings(text: str, ref):
    t = transform(docs(text), ref)
    by_meeting = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], {})[r["person_name"]] = r
    return t, by_meeting


def test_a_definite_description_of_a_firm_gives_its_nationality_to_the_guest_it_names(ref):
    # separate meetings: each guest takes the nationality the sentence naming them gives "the ...
    # company", whatever the other guest's firm is
    text = (
        " date 2025-05-10\n"
        "Suzhou mayor meets two company heads\n"
        "Suzhou Mayor Qin Haoran held separate meetings with Pedro Alcantara, chief executive officer "
        "of Mirafonte, and Yuki Tanabe, chairman of Kurosawa Seiki, on Friday.\n\n"
        "Meeting Alcantara, Qin welcomed the Brazilian food processing company to open a plant in "
        "the city.\n\n"
        "Tanabe said the Japanese precision tools maker would add a second production line in Suzhou."
    )
    got = people(text, ref)
    assert got["Pedro Alcantara"]["country"] == "BR" and got["Pedro Alcantara"]["side"] == "guest"
    assert got["Yuki Tanabe"]["country"] == "JP" and got["Yuki Tanabe"]["side"] == "guest"
    assert got["Qin Haoran"]["country"] == "CN"


def test_trade_words_may_stand_between_the_demonym_and_the_firm_noun(ref):
    text = (
        " date 2025-05-10\n"
        "Changzhou mayor meets Valdora executive\n"
        "Changzhou Mayor Fei Lianjun met with Agnes Lindgren, president of Valdora China, on Friday.\n\n"
        "Fei welcomed the Swedish power grid and automation group to expand in the city."
    )
    got = people(text, ref)
    assert got["Agnes Lindgren"]["country"] == "SE"
    t = transform(docs(text), ref)
    assert t.meetings["counterpart_countries"].to_list() == [["SE"]]


def test_a_bank_is_a_firm_noun(ref):
    text = (
        " date 2025-05-10\n"
        "Tianjin Party chief meets Kestrel Bank chairman\n"
        "Kestrel Bank Chairman Oliver Pembury met with Tianjin Party Secretary Yin Chao on Monday.\n\n"
        "Yin welcomed the Australian bank to widen its services for exporters in the city."
    )
    got = people(text, ref)
    assert got["Oliver Pembury"]["country"] == "AU"


def test_for_after_the_market_a_post_covers_leads_on_to_the_firm(ref):
    # "president of Greater China for <demonym> ... <firm>": the market is no country held; the
    # firm's nationality after "for" is
    text = (
        " date 2025-05-10\n"
        "Xiamen mayor meets lighting firm head\n"
        "Xiamen Mayor Wu Hanbo met with Joost Verhagen, president of Greater China for Dutch lighting "
        "maker Lumenhaven, on Monday."
    )
    got = people(text, ref)
    assert got["Joost Verhagen"]["country"] == "NL"
    assert got["Joost Verhagen"]["side"] == "guest"
    # "general manager of China region for Korea-based X": the seat after "for" is the firm's
    text = (
        " date 2025-05-10\n"
        "Xiamen mayor meets display maker head\n"
        "Xiamen Mayor Wu Hanbo met with Kim Do-yeon, president of China region for Korea-based "
        "Hanbit Display, on Monday."
    )
    got = people(text, ref)
    assert got["Kim Do-yeon"]["country"] == "KR"
    assert got["Kim Do-yeon"]["side"] == "guest"


def test_a_country_before_a_firm_post_of_a_firm_is_the_market(ref):
    text = (
        " date 2025-05-10\n"
        "Fuzhou governor meets tech company heads\n"
        "Fujian Governor Lan Qiyu met with a group of business leaders including Rhea Mallory, "
        "Greater China president of US storage maker Cobaltline Systems, and Soren Dahl, chief "
        "executive officer of Danish shipping company Nordvind Lines, in Fuzhou on Thursday."
    )
    got = people(text, ref)
    assert got["Rhea Mallory"]["country"] == "US"
    assert got["Rhea Mallory"]["side"] == "guest"


def test_a_firms_vice_president_takes_the_seat_its_description_gives(ref):
    text = (
        " date 2025-05-10\n"
        "Qingdao mayor meets shipping line executive\n"
        "Qingdao Mayor Geng Xiaolin met with Lukas Brenner, vice president of Alpenmeer Shipping "
        "Company, on Thursday.\n\n"
        "Geng hoped the Vienna-based shipping line would add more routes calling at Qingdao."
    )
    got = people(text, ref)
    assert got["Lukas Brenner"]["country"] == "AT"


def test_a_companion_on_another_day_is_no_participant(ref):
    text = (
        "Published: May 9, 2025\n"
        "Nanning Party chief meets Thai rubber group chairman\n"
        "Somchai Rattanakul, chairman of Thailand's Siam Latex Holdings, was received by Liao Mingde, "
        "Party secretary of Nanning, on Wednesday.\n\n"
        "Liao said the city welcomes the group to invest in the border trade zone.\n\n"
        "On Tuesday, Somchai visited the expo halls together with Thai Deputy Minister of Commerce "
        "Anong Wattana."
    )
    got = people(text, ref)
    assert set(got) == {"Somchai Rattanakul", "Liao Mingde"}


def test_vice_chairmen_in_the_plural_give_each_name_the_office(ref):
    text = (
        " date 2025-05-10\n"
        "Zhuhai Party chief meets Macao chamber\n"
        "Zhuhai Party Secretary Dai Zhiyong met with a delegation of the Macao Chamber of Commerce "
        "led by its chairman Ho Kam-fai on Thursday.\n\n"
        "Vice chairmen Lorena Sequeira and Tam Wai-lun were also in the delegation."
    )
    got = people(text, ref)
    assert got["Lorena Sequeira"]["title"] == "Vice Chairman"
    assert got["Tam Wai-lun"]["title"] == "Vice Chairman"
    assert got["Tam Wai-lun"]["role"] == "member" and got["Tam Wai-lun"]["side"] == "guest"


def test_and_with_another_guest_on_another_weekday_is_another_meeting(ref):
    text = (
        " date 2025-04-12\n"
        "Hainan governor meets two executives at Boao\n"
        "Hainan Governor Feng Jiaming met with Oskar Lindahl, CEO of Swedish packaging company "
        "Fjordpak, on Tuesday, and with Marianne Duclos, president of Belvoir Resorts Group, on Wednesday.\n\n"
        "Duclos said the French hotel group would open a resort in Sanya."
    )
    t, by_meeting = _meetings(text, ref)
    assert t.meetings.height == 2
    guests = sorted(
        name for people_ in by_meeting.values() for name, r in people_.items() if r["side"] == "guest"
    )
    assert guests == ["Marianne Duclos", "Oskar Lindahl"]
    dates = sorted(str(d) for d in t.meetings["meeting_date"].to_list())
    assert dates == ["2025-04-08", "2025-04-09"]
    for people_ in by_meeting.values():
        assert len([r for r in people_.values() if r["side"] == "guest"]) == 1
        assert "Feng Jiaming" in people_
    duclos = next(p["Marianne Duclos"] for p in by_meeting.values() if "Marianne Duclos" in p)
    assert duclos["country"] == "FR"


def test_a_place_closing_a_name_before_an_apposition_naming_a_place_first(ref):
    text = (
        " date 2025-04-12\n"
        "Jiangsu delegation visits Spain\n"
        "MADRID -- Jiangsu Vice Governor Shen Liping, leading a trade delegation, was received by "
        "Carmen Valencia, Madrid region's director-general for trade, on Wednesday.\n\n"
        "Valencia said Madrid welcomes Chinese investors."
    )
    got = people(text, ref)
    assert "Carmen Valencia" in got
    assert got["Carmen Valencia"]["side"] == "host"


def test_theme_phrases_of_company_plans(ref):
    text = (
        " date 2025-04-12\n"
        "Xi'an mayor meets aircraft maker head\n"
        "Xi'an Mayor Ye Niansheng met with Helga Strand, CEO of Nordavia, on Monday.\n\n"
        "Strand said the company would build a research center in the city and hoped to work with "
        "Xi'an on sustainable aviation fuel."
    )
    t = transform(docs(text), ref)
    themes = set(t.meeting_themes["theme"].to_list())
    assert {"science_tech", "clean_energy"} <= themes
    text = (
        " date 2025-04-12\n"
        "Shanghai mayor meets bank chairman\n"
        "Shanghai Mayor Ye Niansheng met with Helga Strand, chairman of Nordbank, on Monday.\n\n"
        "Ye said the science and technology innovation board had drawn many listings."
    )
    t = transform(docs(text), ref)
    themes = set(t.meeting_themes["theme"].to_list())
    assert "finance" in themes and "science_tech" not in themes
