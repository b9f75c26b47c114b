"""Rules written for the misses of split 39 (docs/split39_coverage.md), on sentences of our own:
local television and radio news write-ups on station websites (anchor lead-ins, lower thirds,
sound bites, reporter sign-offs)."""

from __future__ import annotations

from transform_helpers import docs, people

from flows.transform import transform


def test_a_broadcast_label_names_no_one_and_its_line_stands_alone(ref):
    text = (
        " date 2024-10-11\n"
        "Harbour City Radio | Drive Time\n"
        "Mayor meets Chilean envoy on fruit and ports\n\n"
        "ANCHOR LEAD-IN (Odile Marchetti): The mayor sat down with Chile's ambassador on Thursday.\n\n"
        "Ningbo Mayor Ruan Qiwen met with Chilean Ambassador to China Tomas Irarrazaval on Thursday.\n\n"
        "[Caption] Ruan Qiwen, left, meets Tomas Irarrazaval.\n\n"
        "Ruan said the city wants to ship more cherries through its port.\n"
        "LOWER THIRD: TOMAS IRARRAZAVAL | Ambassador of Chile to China\n"
        "Irarrazaval said Chilean growers hope to reach more buyers.\n\n"
        "LOWER THIRD: Hu Manting | Fruit seller, Jiangbei market\n"
        'SOT: "My customers ask for Chilean cherries every winter."\n\n'
        "Vice Mayor Pei Anlan also attended.\n\n"
        "REPORTER SIGN-OFF: At City Hall, Gustav Lindqvist, Harbour City Radio."
    )
    got = people(text, ref)
    assert set(got) == {"Ruan Qiwen", "Tomas Irarrazaval", "Pei Anlan"}
    assert got["Ruan Qiwen"]["side"] == "host" and got["Ruan Qiwen"]["role"] == "lead"
    assert got["Tomas Irarrazaval"]["side"] == "guest" and got["Tomas Irarrazaval"]["country"] == "CL"


def test_a_bracketed_label_with_the_presenters_name_is_cut(ref):
    text = (
        "Published: March 3, 2025\n"
        "Lakeside FM News\n"
        "Governor welcomes Hunan trade mission\n\n"
        "[Newsreader Corinne Abayomi] The county's governor has welcomed visitors from Hunan.\n\n"
        "Kisumu Governor Odhiambo Wekesa on Monday hosted a delegation from Hunan led by Vice "
        "Governor Qiu Jinglan at his office in Kisumu.\n\n"
        '[O-Ton] Qiu Jinglan, through an interpreter: "We came to buy fish and tea."'
    )
    t = transform(docs(text), ref)
    names = set(t.participants["person_name"].to_list())
    assert names == {"Odhiambo Wekesa", "Qiu Jinglan"}
    assert t.meetings["counterpart_countries"].to_list() == [["CN"]]


def test_mdm_is_an_honorific(ref):
    text = (
        "Published: 2024-05-06\n\n"
        "Xiamen Mayor Kong Yusheng met with Singapore's Minister for Transport Lim Boon Keat on Sunday.\n\n"
        "Singapore's Consul General in Xiamen, Mdm Ng Hui Min, accompanied the minister."
    )
    got = people(text, ref)
    assert "Ng Hui Min" in got and "Mdm Ng Hui Min" not in got
    assert got["Ng Hui Min"]["role"] == "member" and got["Ng Hui Min"]["side"] == "guest"


def test_said_closing_a_name_before_a_lower_case_verb_is_the_surname(ref):
    text = (
        "Published: 2024-05-06\n\n"
        "Nakuru Governor Wanjiku Mbugua on Friday hosted a delegation from Anhui led by Vice Governor "
        "Sheng Leiming.\n\n"
        "Vice Governor Sheng was accompanied by Anhui officials, and County Trade Officer Halima Yusuf Said "
        "also attended for the county."
    )
    got = people(text, ref)
    assert "Halima Yusuf Said" in got and "Halima Yusuf" not in got


def test_a_field_between_a_body_and_its_officers_title_keeps_the_body(ref):
    text = (
        "Date: 2025-11-20\n\n"
        "Haikou Mayor Dong Shiyi met with International Sailing Federation Secretary-General Anders "
        "Brekke on Tuesday.\n\n"
        "Brekke said the federation would consider Haikou for a regatta.\n\n"
        "Federation events director Marisol Quiroga also attended the meeting."
    )
    got = people(text, ref)
    assert got["Marisol Quiroga"]["side"] == "guest"


def test_a_body_named_by_its_initials_before_a_field_and_a_title(ref):
    text = (
        "Date: 2025-11-20\n\n"
        "Sanya Mayor Wu Jiaqi met with Olympic Council of Asia Director-General Tariq Al-Sabah on "
        "Wednesday.\n\n"
        "OCA media director Yousef Karam also attended the meeting."
    )
    got = people(text, ref)
    assert got["Yousef Karam"]["side"] == "guest"
    assert got["Yousef Karam"]["country"] is None
    assert got["Yousef Karam"]["title"] == "Director"


def test_a_body_named_again_by_its_noun_opening_a_sentence_before_a_title(ref):
    text = (
        "16:20 UTC+8, 2025-09-12\n\n"
        "Shenzhen Mayor Tan Yuelei met with Hong Kong Productivity Council Chairman Edmund Lau "
        "Chi-wing today.\n\n"
        "Lau said the council would help Shenzhen firms go abroad.\n\n"
        "Council Director Winnie Kwok also attended."
    )
    got = people(text, ref)
    assert got["Winnie Kwok"]["side"] == "guest"
    assert got["Winnie Kwok"]["country"] == "HK"


def test_the_one_guest_firms_officer_takes_the_nationality_given_its_firm_noun(ref):
    text = (
        " date 2021-03-12\n\n"
        "Jilin Party Secretary Bai Yuncheng met with Henrik Vestergaard, CEO of Vestas Asia Pacific, in "
        "Changchun on Thursday.\n\n"
        "Bai welcomed the Danish company to build a blade plant in the province.\n\n"
        "Vestergaard said the firm would train local engineers."
    )
    t = transform(docs(text), ref)
    got = {r["person_name"]: r for r in t.participants.iter_rows(named=True)}
    assert got["Henrik Vestergaard"]["country"] == "DK"
    assert t.meetings["counterpart_countries"].to_list() == [["DK"]]


def test_a_deputy_of_a_named_lower_house_is_a_member_of_parliament(ref):
    text = (
        "Published: 2023-07-08\n\n"
        "Harbin Party Secretary Gu Weidong met with a delegation of the State Duma led by its Deputy "
        "Speaker Arkady Volkonsky on Friday.\n\n"
        "Duma deputy Larisa Pechorina also attended the meeting."
    )
    got = people(text, ref)
    assert got["Larisa Pechorina"]["title"] == "Member of Parliament"


def _themes(text: str, ref) -> set[str]:
    return set(transform(docs(text), ref).meeting_themes["theme"].to_list())


def test_e_government_shipping_emissions_and_young_entrepreneurs_name_fields(ref):
    text = (
        "Published: 2024-02-02\n\n"
        "Ningde Mayor Qiu Haoming met with Danish Ambassador to China Mads Hovgaard on Thursday.\n\n"
        "Qiu said the city wants to learn from Denmark's e-government and to cut shipping emissions at "
        "its port. Hovgaard said Danish firms hope to mentor young entrepreneurs in Ningde."
    )
    got = _themes(text, ref)
    assert {"urban_governance", "climate_environment", "education_youth"} <= got


def test_a_reporters_narration_after_a_credit_label_is_text_and_a_credit_line_is_not(ref):
    text = (
        " date 2024-05-10\n"
        "Lakeshore TV\n"
        "Mayor meets Belgian envoy\n\n"
        "ANCHOR: The mayor had a visitor from Brussels.\n\n"
        "REPORTER: Wuxi Mayor Hou Jiantao met with Belgian Ambassador to China Pieter Declercq on "
        "Thursday at City Hall.\n\n"
        "VO: Vice Mayor Ren Siyu also attended.\n\n"
        "REPORTER: Ling Fei. Editor: Mo Kexin."
    )
    got = people(text, ref)
    assert set(got) == {"Hou Jiantao", "Pieter Declercq", "Ren Siyu"}
    assert got["Hou Jiantao"]["side"] == "host" and got["Pieter Declercq"]["country"] == "BE"


def test_a_label_may_name_its_speaker_after_a_dash_or_in_capitalised_words(ref):
    text = (
        " date 2023-05-19\n"
        "River City TV\n"
        "Mayor meets Greek envoy\n\n"
        "Anchor Wen Shuya: The mayor sat down with Greece's ambassador on Thursday.\n\n"
        "Wuhu Mayor Cao Zhenbang met with Greek Ambassador to China Nikos Papadakis on Thursday.\n\n"
        'SOT - Lu Qingqing, olive oil importer: "We sell more Greek oil every year."\n\n'
        "Vice Mayor Ma Jinhui also attended."
    )
    got = people(text, ref)
    assert set(got) == {"Cao Zhenbang", "Nikos Papadakis", "Ma Jinhui"}


def test_a_person_named_after_a_press_role_covers_the_meeting_and_takes_no_part(ref):
    text = (
        " date 2023-05-19\n"
        "Delta Radio\n"
        "Mayor meets Peruvian envoy\n\n"
        "Zhuhai Mayor Qin Haoyang met with Peruvian Ambassador to China Ricardo Salazar Mendez on "
        "Thursday.\n\n"
        "Our reporter Ye Xiaotong attended the meeting, and camera operator Bao Linfeng was also "
        "present.\n\n"
        "Vice Mayor Du Lanxin also attended."
    )
    got = people(text, ref)
    assert set(got) == {"Qin Haoyang", "Ricardo Salazar Mendez", "Du Lanxin"}


def test_attended_then_a_comma_and_along_with_is_attendance_at_the_meeting(ref):
    text = (
        " date 2023-05-19\n"
        "Delta Radio\n"
        "Mayor meets Peruvian envoy\n\n"
        "Zhuhai Mayor Qin Haoyang met with Peruvian Ambassador to China Ricardo Salazar Mendez on "
        "Thursday.\n\n"
        "Vice Mayor Du Lanxin also attended, along with Deputy Secretary-General Kuang Jiemin."
    )
    got = people(text, ref)
    assert {"Du Lanxin", "Kuang Jiemin"} <= set(got)
    assert got["Du Lanxin"]["role"] == "member" and got["Kuang Jiemin"]["side"] == "host"


def test_a_transcripts_running_time_may_open_a_labelled_line(ref):
    text = (
        " date 2023-05-19\n"
        "River City TV\n"
        "Mayor meets Greek envoy\n\n"
        "[00:00] ANCHOR (Wen Shuya): Tonight Mayor Cao Zhenbang sat down with Greece's ambassador.\n\n"
        "[00:09] Wuhu Mayor Cao Zhenbang met with Greek Ambassador to China Nikos Papadakis on "
        "Thursday.\n\n"
        "[01:02] Vice Mayor Ma Jinhui also attended."
    )
    got = people(text, ref)
    assert set(got) == {"Cao Zhenbang", "Nikos Papadakis", "Ma Jinhui"}
