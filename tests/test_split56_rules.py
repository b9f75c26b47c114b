"""Rules written for the misses of split 56 (docs/split56_coverage.md), on sentences of our own:
trips and days with several meetings (a delegation visiting two or three countries or cities, a
minister's tour of Chinese cities, a mayor meeting several guests separately), bilateral meetings
on a forum's sidelines."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def _meetings(text: str, ref) -> list[dict[str, dict]]:
    """Participants by meeting, in meeting order: [{name: row}, ...]."""
    t = transform(docs(text), ref)
    by_meeting: dict[str, dict[str, dict]] = {}
    for r in t.participants.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], {})[r["person_name"]] = r
    return [by_meeting[k] for k in sorted(by_meeting, key=lambda m: int(m.rsplit("-", 1)[1]))]


def test_a_meeting_gerund_before_an_office_with_a_two_word_portfolio_names_the_guest(ref):
    # "Meeting <demonym> Minister of Planning and Investment <name>, <host> said": the portfolio's
    # "and" describes the guest, it does not end the description
    text = (
        " date 2024-09-12\n"
        "Hebei governor meets guests at trade fair\n"
        "Hebei Governor Lu Wenqiang met separately with guests at the Langfang trade fair on Wednesday.\n\n"
        "Meeting Moritz Hallberg, secretary-general of the Baltic Ports Council, Lu said Hebei wants "
        "closer port links.\n\n"
        "Meeting Thai Minister of Industry and Energy Somchai Rattanakul, Lu said Hebei welcomes Thai "
        "investors.\n\n"
        "Meeting Ilse Brouwer, chief executive officer of Dutch dairy group Veldmelk, Lu said Hebei "
        "hopes to expand dairy farming."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 3
    minister = [m for m in meetings if "Somchai Rattanakul" in m]
    assert len(minister) == 1
    assert minister[0]["Somchai Rattanakul"]["side"] == "guest"
    assert minister[0]["Somchai Rattanakul"]["role"] == "lead"
    assert minister[0]["Somchai Rattanakul"]["country"] == "TH"
    assert minister[0]["Lu Wenqiang"]["side"] == "host"


def test_the_two_sides_opening_the_next_sentence_reports_a_later_days_meeting(ref):
    # a later day's meeting sentence followed by "The two sides <verb> ...": a meeting of its own
    text = (
        " date 2019-04-20\n"
        "Anhui delegation visits Malaysia, Thailand\n"
        "An Anhui provincial delegation led by Vice Governor Tao Minghe visited Malaysia and Thailand "
        "from April 14 to 19.\n\n"
        "On Tuesday (April 16), Tao met with the Chief Minister of Penang, Malaysia, Chong Wei Liang. "
        "Tao proposed closer cooperation in electronics.\n\n"
        "On Thursday, Tao met with Governor of Chiang Mai Province Anurak Phromma. The two sides "
        "celebrated ten years of sister-province ties and agreed to expand rice trade."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    assert set(meetings[0]) == {"Tao Minghe", "Chong Wei Liang"}
    assert set(meetings[1]) == {"Tao Minghe", "Anurak Phromma"}
    assert meetings[1]["Anurak Phromma"]["side"] == "host"
    assert meetings[1]["Tao Minghe"]["side"] == "guest"


def test_a_companion_of_the_traveller_told_after_the_last_stop_is_at_every_meeting(ref):
    # "C, vice governor of Anhui, accompanied Tao." after the second stop's meeting: Tao leads
    # both meetings, so C is at both
    text = (
        " date 2019-04-20\n"
        "Anhui governor visits Portugal, Spain\n"
        "Anhui Governor Tao Minghe led a provincial delegation to Portugal and Spain this week.\n\n"
        "In Lisbon on Monday (15 April), Tao met with Portuguese Minister of Economy Rui Valente "
        "Moreira. They discussed renewable energy.\n\n"
        "In Madrid on Wednesday, Tao met with Spanish Minister of Industry Elena Castillo Ruiz. They "
        "discussed car parts and olive oil exports.\n\n"
        "Qiu Zhenlan, vice governor of Anhui, accompanied Tao."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    for m in meetings:
        assert m["Qiu Zhenlan"]["role"] == "member"
        assert m["Qiu Zhenlan"]["side"] == "guest"
        assert m["Tao Minghe"]["role"] == "lead"


def test_a_companion_of_one_meetings_guest_keeps_to_that_meeting(ref):
    # the accompanied person leads only the second meeting: the companion is at that one only
    text = (
        " date 2023-06-30\n"
        "Hunan vice governor meets two guests\n"
        "Hunan Vice Governor Qin Baoshan met separately with Ugandan Minister of Trade Paul Kirabo "
        "and Ghanaian Minister of Agriculture Kwesi Boateng Mensah on Thursday.\n\n"
        "Meeting Kirabo, Qin said Hunan welcomes Ugandan coffee.\n\n"
        "Meeting Mensah, Qin said Hunan hopes to train Ghanaian farmers.\n\n"
        "Ghanaian Ambassador to China Ama Serwaa Owusu accompanied Mensah."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    with_ambassador = [m for m in meetings if "Ama Serwaa Owusu" in m]
    assert len(with_ambassador) == 1
    assert "Kwesi Boateng Mensah" in with_ambassador[0]


def test_an_attendee_of_the_talks_in_a_paragraph_of_their_own_attends_every_separate_talk(ref):
    text = (
        " date 2025-06-14\n"
        "Jiangxi governor holds talks with two ministers\n"
        "Jiangxi Governor Peng Lihua held brief separate talks on Friday with Malawian Minister of "
        "Trade Grace Phiri and Tanzanian Minister of Industry Hamisi Mwinyi in Nanchang.\n\n"
        "Peng told Phiri that Jiangxi hopes to buy more Malawian tobacco. Phiri welcomed Jiangxi "
        "investors.\n\n"
        "With Mwinyi, Peng discussed copper processing. Mwinyi said Tanzania hopes to attract "
        "Jiangxi manufacturers.\n\n"
        "Jiangxi Vice Governor Kang Yuming attended the talks."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    for m in meetings:
        assert m["Kang Yuming"]["role"] == "member"
        assert m["Kang Yuming"]["side"] == "host"


def test_an_attendee_of_the_talks_inside_one_guests_paragraph_attends_only_those(ref):
    text = (
        " date 2025-06-14\n"
        "Jiangxi governor holds talks with two ministers\n"
        "Jiangxi Governor Peng Lihua held brief separate talks on Friday with Malawian Minister of "
        "Trade Grace Phiri and Tanzanian Minister of Industry Hamisi Mwinyi in Nanchang.\n\n"
        "Peng told Phiri that Jiangxi hopes to buy more Malawian tobacco. Jiangxi Vice Governor "
        "Kang Yuming attended the talks.\n\n"
        "With Mwinyi, Peng discussed copper processing."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    with_kang = [m for m in meetings if "Kang Yuming" in m]
    assert len(with_kang) == 1
    assert "Grace Phiri" in with_kang[0]


def test_under_secretary_and_undersecretary_are_titles(ref):
    got = people(
        " date 2024-11-29\n"
        "Fujian delegation in Lima\n"
        "In Lima on Tuesday, Fujian Vice Governor Lin Hao met with Peruvian Undersecretary for Trade "
        "Promotion Lucia Paredes Soto.\n\n"
        "Under Secretary for Financial Services Edwin Chau Ka-ming accompanied Lin.",
        ref,
    )
    assert got["Lucia Paredes Soto"]["title"] == "Undersecretary"
    assert got["Lucia Paredes Soto"]["country"] == "PE"
    assert got["Edwin Chau Ka-ming"]["title"] == "Under Secretary"
    assert "Peruvian Undersecretary" not in got


def test_an_office_after_to_the_is_the_office_served_not_held(ref):
    got = people(
        " date 2024-05-29\n"
        "Hubei delegation in Rome\n"
        "In Rome on Monday, Hubei Vice Governor Zhao Liping met with Italian State Secretary to the "
        "Minister of Enterprises Paolo Fiorentini. They discussed machinery.",
        ref,
    )
    assert got["Paolo Fiorentini"]["title"] == "State Secretary"
    assert got["Paolo Fiorentini"]["country"] == "IT"


def test_a_region_of_no_list_before_for_is_the_market_of_a_firms_office(ref):
    # "president of Northern Europe for the Danish wind turbine group X": the firm's nationality
    # is the officer's country ("for" carries the description on, it names no posting)
    text = (
        " date 2023-11-07\n"
        "Vice mayor meets business leaders at expo\n"
        "Shanghai Vice Mayor Ren Jiahua met separately with the heads of two exhibitors' delegations "
        "on Monday.\n\n"
        "Meeting Henrik Dalgaard, president of Northern Europe for the Danish wind turbine group "
        "Vestas, Ren said Shanghai welcomes offshore wind projects.\n\n"
        "Meeting Paolo Rinaldi, chairman of the Italian pasta company Barilla, Ren said the expo helps "
        "consumer brands."
    )
    got = people(text, ref)
    assert got["Henrik Dalgaard"]["country"] == "DK"
    assert got["Paolo Rinaldi"]["country"] == "IT"


def test_a_place_right_after_a_companys_name_is_where_its_unit_sits(ref):
    got = people(
        " date 2021-07-09\n"
        "Wuxi mayor meets chipmaker head\n"
        "Wuxi Mayor Du Xiaogang met with Park Ji-sung, president of SK Hynix Wuxi, on Thursday.",
        ref,
    )
    assert got["Park Ji-sung"]["country"] is None
    assert got["Du Xiaogang"]["country"] == "CN"


def test_a_firms_description_is_about_the_person_named_last_before_it(ref):
    # "A, president of Bosch China, the arm of the German technology group, and B, president of
    # Samsung Electronics' unit": the German group is A's firm, not B's
    text = (
        " date 2021-07-09\n"
        "Changzhou mayor meets two company heads\n"
        "Changzhou Mayor Sheng Lei met separately with Jonas Weber, president of Siemens China, the arm "
        "of the German industrial group, and Lee Min-ho, president of LG Chem's battery unit, on "
        "Thursday.\n\n"
        "Meeting Weber, Sheng said Changzhou hopes Siemens will expand.\n\n"
        "Meeting Lee, Sheng said Changzhou will improve services for battery makers."
    )
    got = people(text, ref)
    assert got["Jonas Weber"]["country"] == "DE"
    assert got["Lee Min-ho"]["country"] is None


def test_a_stop_the_headline_does_not_name_opening_a_meeting_sentence_is_no_meeting(ref):
    # a tour of "Guangzhou, Fujian" (headline); "In Beijing on Monday, A met Vice Premier C" is a
    # stop the report does not cover: C is no participant
    text = (
        " date 2025-05-19\n"
        "Chilean foreign minister visits Guangzhou, Fujian\n"
        "Chilean Foreign Minister Camila Orrego concluded a week-long visit to China on Sunday.\n\n"
        "In Beijing on Monday, Orrego met Vice Premier Ding Yuanchao and held talks with her Chinese "
        "counterpart.\n\n"
        "In Guangzhou on Thursday (May 15), Orrego met with Guangzhou Mayor Sun Zhiyong. Sun said "
        "Guangzhou welcomes Chilean cherries.\n\n"
        "In Fuzhou on Saturday, Orrego was received by Fujian Governor Zhao Longyu. Zhao proposed "
        "cooperation in aquaculture."
    )
    meetings = _meetings(text, ref)
    names = {n for m in meetings for n in m}
    assert "Ding Yuanchao" not in names
    assert len(meetings) == 2
    assert set(meetings[0]) == {"Camila Orrego", "Sun Zhiyong"}
    assert set(meetings[1]) == {"Camila Orrego", "Zhao Longyu"}


def test_a_page_with_no_blank_lines_sets_one_paragraph_per_line(ref):
    # the same tour printed one paragraph per line, no blank line between (session 15): the stop
    # the headline does not name is still a paragraph of its own, so C is still no participant
    text = (
        " date 2022-09-26\n"
        "Uruguayan trade minister ends visit to Chengdu, Chongqing\n"
        "Uruguayan Minister of Industry Lucia Ferreyra Pons wrapped up a five-day visit to China on "
        "Saturday.\n"
        "In Beijing on Tuesday the minister held talks with Vice Premier Shen Guoliang.\n"
        "In Chengdu on Thursday, Ferreyra met with Sichuan Governor Tan Yiming. Tan said Sichuan "
        "wants more Uruguayan beef.\n"
        "In Chongqing on Saturday, Ferreyra was received by Chongqing Mayor Ye Hanbo. They discussed "
        "wool processing.\n"
    )
    meetings = _meetings(text, ref)
    names = {n for m in meetings for n in m}
    assert "Shen Guoliang" not in names
    assert len(meetings) == 2
    assert set(meetings[0]) == {"Lucia Ferreyra Pons", "Tan Yiming"}
    assert set(meetings[1]) == {"Lucia Ferreyra Pons", "Ye Hanbo"}
    # ... and a sentence broken across two lines is still one sentence of one paragraph
    broken = text.replace("Sichuan Governor Tan Yiming. Tan said", "Sichuan Governor Tan Yiming. Tan\nsaid")
    assert [set(m) for m in _meetings(broken, ref)] == [set(m) for m in meetings]


def test_present_at_the_meeting_in_a_place_is_at_the_stop_opening_on_that_place(ref):
    text = (
        " date 2024-11-29\n"
        "Xiamen delegation visits Argentina, Uruguay\n"
        "Xiamen Vice Mayor Lin Wenhao led a Xiamen delegation to Argentina and Uruguay this week.\n\n"
        "In Buenos Aires on Monday (Nov 25), Lin met with Buenos Aires Minister of Economic Development "
        "Martin Ezequiel Ruiz. They discussed beef exports.\n\n"
        "In Montevideo on Wednesday, Lin met with Montevideo Mayor Ana Belen Sosa. They discussed "
        "port cooperation.\n\n"
        "Chinese Consul General in Buenos Aires Qiu Ming was present at the meeting in Buenos Aires."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    assert "Qiu Ming" in meetings[0] and "Qiu Ming" not in meetings[1]
    assert meetings[0]["Qiu Ming"]["role"] == "member"


def test_the_head_who_led_the_delegation_leads_it_where_the_lede_names_only_the_delegation(ref):
    # "A led a Hefei delegation to Spain ..., following President C's state visit earlier this
    # month": the trip is this one (the earlier time is C's visit, after the comma), so A leads the
    # delegation the lede names ("the delegation was received by B"); C is only cited
    text = (
        " date 2024-11-29\n"
        "Hefei delegation visits Spain, Portugal\n"
        "Hefei Vice Mayor Luo Yunfeng led a Hefei delegation to Spain and Portugal from November 24 to "
        "28, following President Xi Jinping's state visit to Spain earlier this month.\n\n"
        "In Valencia on Monday (Nov 25), the delegation was received by Valencia's Regional Minister "
        "for Industry Carmen Llorens Vidal. Luo proposed cooperation in car batteries.\n\n"
        "In Lisbon on Wednesday, Luo met with Portuguese Minister of Economy Tiago Antunes Correia. "
        "They discussed solar power."
    )
    meetings = _meetings(text, ref)
    assert len(meetings) == 2
    assert set(meetings[0]) == {"Luo Yunfeng", "Carmen Llorens Vidal"}
    assert meetings[0]["Luo Yunfeng"]["side"] == "guest"
    assert meetings[0]["Luo Yunfeng"]["role"] == "lead"
    assert meetings[0]["Carmen Llorens Vidal"]["side"] == "host"
    assert set(meetings[1]) == {"Luo Yunfeng", "Tiago Antunes Correia"}
    assert meetings[1]["Tiago Antunes Correia"]["side"] == "host"


def test_a_delegation_led_in_another_year_names_no_head_of_this_meeting(ref):
    # guard: the earlier time inside the clause of "led" still tells of another visit
    text = (
        " date 2024-11-29\n"
        "Valencia minister meets Hefei guests\n"
        "In 2019, Vice Mayor Zhou Tianyu led a Hefei delegation to Valencia.\n\n"
        "On Monday, the delegation was received by Valencia's Regional Minister for Industry Carmen "
        "Llorens Vidal. The two sides discussed car batteries."
    )
    names = {n for m in _meetings(text, ref) for n in m}
    assert "Zhou Tianyu" not in names


def test_another_days_event_of_the_trip_gives_no_theme_to_the_meeting_before_it(ref):
    # "The delegation also held a tourism promotion event in Osaka on Thursday." after Wednesday's
    # meeting: no meeting of the report is about it
    text = (
        " date 2018-05-25\n"
        "Hunan delegation visits ROK, Japan\n"
        "A Hunan provincial delegation led by Vice Governor Mao Xiaoling visited South Korea and Japan "
        "from May 20 to 24.\n\n"
        "On Monday (May 21), Mao met with the mayor of Daegu, South Korea, Kwon Min-jae. They "
        "discussed container shipping.\n\n"
        "On Wednesday, Mao met with Governor of Nara Prefecture Kenji Arakawa in Nara. The two sides "
        "agreed to deepen cooperation in agriculture.\n\n"
        "The delegation also held a Hunan tourism promotion event in Osaka on Thursday."
    )
    t = transform(docs(text), ref)
    by_meeting: dict[str, set[str]] = {}
    for r in t.meeting_themes.iter_rows(named=True):
        by_meeting.setdefault(r["meeting_id"], set()).add(r["theme"])
    assert len(t.meetings) == 2
    assert all("tourism" not in themes for themes in by_meeting.values())
    second = max(by_meeting, key=lambda m: int(m.rsplit("-", 1)[1]))
    assert "agriculture_food" in by_meeting[second]
