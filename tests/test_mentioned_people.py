"""Issues 14c and 15b: people a report names who are not at the meeting it reports, found by probe
articles of our own (docs/participants_kinds.md): each kind that came out as a participant gets a
rule, tested here on sentences written for it."""

from __future__ import annotations

import pytest
from transform_helpers import docs, people

from flows.transform import transform

LEDE = "Date: 2025-09-20\n\nThe Governor of Osaka Prefecture, Kenji Watanabe, met Jiangsu Vice Governor Hu Guangjie in Osaka on Friday."


def cited(sentence: str, ref) -> dict[str, dict]:
    got = people(LEDE + "\n\n" + sentence, ref)
    assert {"Kenji Watanabe", "Hu Guangjie"} <= set(got)
    return got


@pytest.mark.parametrize(
    ("sentence", "elsewhere"),
    [
        (
            "From Osaka, Hu's delegation went on to Kyoto, where it was received by Mayor Koji Matsui.",
            "Koji Matsui",
        ),
        (
            "Hu's delegation then travelled to Kobe, where Hyogo Governor Motohiko Saito hosted a dinner for it.",
            "Motohiko Saito",
        ),
        ("Hu then proceeded to Nagoya, where he was received by Mayor Ichiro Hirose.", "Ichiro Hirose"),
        ("The Jiangsu delegation went on to Hiroshima, where Mayor Kazumi Matsui met Hu.", "Kazumi Matsui"),
    ],
)
def test_the_host_of_another_stop_reached_that_day_is_no_participant(sentence, elsewhere, ref):
    assert elsewhere not in cited(sentence, ref)


def test_a_where_clause_at_a_place_the_lede_names_still_reports_the_meeting(ref):
    # (Osaka is named in the lede: the travel there is the meeting's own)
    got = people(
        "Date: 2025-09-20\n\nThe Governor of Osaka Prefecture, Kenji Watanabe, met Jiangsu Vice Governor "
        "Hu Guangjie on Friday.\n\nHu's delegation had travelled to Osaka, where it was received by "
        "Watanabe and Vice Governor Aiko Morita.",
        ref,
    )
    assert {"Kenji Watanabe", "Hu Guangjie", "Aiko Morita"} <= set(got)


BRAZIL = "Date: 2025-06-13\n\nGuangzhou Mayor Sun Zhiyang received Brazilian Ambassador Paulo Moreira Lins on Thursday."


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        (
            "Moreira Lins, who accompanied President Lula da Silva on his state visit to China in 2023, said "
            "ties had never been closer.",
            "Lula da Silva",
        ),
        ("In 2023 Moreira Lins accompanied President Jair Bolsonaro to Beijing.", "Jair Bolsonaro"),
        (
            "Moreira Lins was accompanied by Minister Mauro Vieira when he first came to Guangzhou in 2022.",
            "Mauro Vieira",
        ),
        (
            "Back in 2021, Sun also took part in the talks with Governor Joao Doria in Sao Paulo.",
            "Joao Doria",
        ),
    ],
)
def test_attendance_told_with_a_past_year_is_at_that_earlier_visit(sentence, earlier, ref):
    got = people(BRAZIL + "\n\n" + sentence, ref)
    assert {"Sun Zhiyang", "Paulo Moreira Lins"} <= set(got)
    assert earlier not in got


def test_a_past_year_in_another_clause_leaves_the_attendance_of_this_meeting(ref):
    # (the year dates when B joined the firm, not the attendance)
    got = people(
        BRAZIL + "\n\nAlso present was Vice Mayor Tang Hangxiang, who joined the city government in 2019.",
        ref,
    )
    assert got["Tang Hangxiang"]["role"] == "member"


SWEDEN = "Date: 2024-05-10\n\nAmbassador Anna Berg of Sweden met Mayor Zhang Qiming in Shanghai on Tuesday"


@pytest.mark.parametrize(
    ("occasion", "visitor"),
    [
        (", during the state visit of President Alexander Stubb.", "Alexander Stubb"),
        (" on the occasion of the official visit of Prime Minister Ulf Kristersson.", "Ulf Kristersson"),
        (
            ", as part of preparations for the visit of Crown Princess Victoria Bernadotte.",
            "Victoria Bernadotte",
        ),
        (
            " during the visit of Foreign Minister Maria Malmer Stenergard to China.",
            "Maria Malmer Stenergard",
        ),
        (" during Prime Minister Ulf Kristersson's visit to China.", "Ulf Kristersson"),
        (", during President Alexander Stubb's state visit.", "Alexander Stubb"),
    ],
)
def test_the_leader_whose_visit_is_the_occasion_of_the_meeting_is_cited(occasion, visitor, ref):
    got = people(SWEDEN + occasion, ref)
    assert {"Anna Berg", "Zhang Qiming"} <= set(got)
    assert visitor not in got


ITALY = "Date: 2025-04-10\n\nHubei Governor Tan Weiping met Italian Consul General Ines Marchetti in Wuhan on Wednesday."


@pytest.mark.parametrize(
    ("sentence", "attendee", "elsewhere"),
    [
        (
            "Marchetti was accompanied by Consul Luca Bernardi, while Ambassador Massimo Ambrosetti stayed in Beijing.",
            "Luca Bernardi",
            "Massimo Ambrosetti",
        ),
        (
            "Tan was joined by Vice Governor Zhao Haishan, who had hosted Lombardy President Attilio Fontana in 2019.",
            "Zhao Haishan",
            "Attilio Fontana",
        ),
        (
            "Also present was Trade Commissioner Amedeo Scognamiglio, who had earlier met Mayor Sheng Yuchun.",
            "Amedeo Scognamiglio",
            "Sheng Yuchun",
        ),
    ],
)
def test_a_name_in_a_clause_of_its_own_after_the_attendance_did_not_attend(
    sentence, attendee, elsewhere, ref
):
    got = people(ITALY + "\n\n" + sentence, ref)
    assert got[attendee]["role"] == "member"
    assert elsewhere not in got


def test_a_contrast_clause_saying_someone_else_attended_keeps_them(ref):
    got = people(
        ITALY
        + "\n\nVice Governor Zhao Haishan was present in Wuhan, while Consul Luca Bernardi joined from Milan.",
        ref,
    )
    assert got["Zhao Haishan"]["role"] == got["Luca Bernardi"]["role"] == "member"


def test_the_guest_s_own_visit_is_no_occasion_of_another(ref):
    got = people(
        "Date: 2024-05-10\n\nMayor Zhang Qiming met Ambassador Anna Berg of Sweden during Berg's visit to "
        "Shanghai on Tuesday, with Consul General Lars Ekholm in attendance.",
        ref,
    )
    assert {"Anna Berg", "Zhang Qiming"} <= set(got)


# Issue 15b (docs/participants_kinds.md, "Session 15"): people of reports written dense with
# people who are not at the meeting (split 65's voice)
NORWAY = "Date: 2025-03-14\n\nQingdao Mayor Zhao Haomin met Norwegian Ambassador Signe Brudeset in Qingdao on Thursday."


@pytest.mark.parametrize(
    ("sentence", "elsewhere"),
    [
        (
            "On the same day, Shandong Governor Lin Wu met a separate Norwegian seafood delegation in Jinan, "
            "led by council chairman Christian Chramer.",
            {"Lin Wu", "Christian Chramer"},
        ),
        (
            "Meanwhile in Beijing, Vice Premier Ding Xuexiang received Norwegian State Secretary Eivind Vad Petersson.",
            {"Ding Xuexiang", "Eivind Vad Petersson"},
        ),
        (
            "Later that day, in Yantai, Party Secretary Zhang Dongsheng met with a trade mission headed by "
            "Equinor executive Kari Sandvik.",
            {"Zhang Dongsheng", "Kari Sandvik"},
        ),
    ],
)
def test_another_meeting_of_that_day_told_in_passing_is_no_meeting_of_the_report(sentence, elsewhere, ref):
    got = people(NORWAY + "\n\n" + sentence, ref)
    assert {"Zhao Haomin", "Signe Brudeset"} <= set(got)
    assert not elsewhere & set(got)


def test_another_meeting_of_that_day_told_with_its_purpose_is_a_meeting(ref):
    # (told with what the talks were for: a meeting of its own, as "They discussed ..." after it)
    t = transform(
        docs(
            NORWAY
            + "\n\nMeanwhile, in Weihai, Mayor Yan Jiansheng received Norwegian Consul General Kristin "
            "Enstad to discuss fish farming."
        ),
        ref,
    )
    leads = {r["person_name"]: r["meeting_id"] for r in t.participants.iter_rows(named=True)}
    assert {"Zhao Haomin", "Signe Brudeset", "Yan Jiansheng", "Kristin Enstad"} <= set(leads)
    assert leads["Yan Jiansheng"] == leads["Kristin Enstad"] != leads["Zhao Haomin"]


@pytest.mark.parametrize(
    ("sentence", "senders"),
    [
        (
            "Brudeset received congratulatory letters from Ingrid Fiskaa, president of the Nordic Ports "
            "Union, and from Bergen Mayor Marte Mjos Persen.",
            {"Ingrid Fiskaa", "Marte Mjos Persen"},
        ),
        (
            "On the same day, Zhao received warm messages from Oslo Mayor Anne Lindboe and from former "
            "Prime Minister Erna Solberg.",
            {"Anne Lindboe", "Erna Solberg"},
        ),
        (
            "At the meeting, Zhao received greetings from Bergen Mayor Marte Mjos Persen, and from Erna Solberg.",
            {"Marte Mjos Persen", "Erna Solberg"},
        ),
    ],
)
def test_the_senders_of_letters_received_are_cited(sentence, senders, ref):
    got = people(NORWAY + "\n\n" + sentence, ref)
    assert {"Zhao Haomin", "Signe Brudeset"} <= set(got)
    assert not senders & set(got)


@pytest.mark.parametrize(
    "text",
    [
        "Date: 2024-11-08\n\nThe Qingdao International Sailing Week opened on Thursday with 40 crews.\n\n"
        "The organisers received greetings from World Sailing president Quanhai Li and from Danish "
        "sailor Anne-Marie Rindom.",
        "Date: 2024-11-08\n\nJinan will host a hydrogen expo in May, the city said at a press briefing.\n\n"
        "The committee has received video messages from Japanese Minister Yoji Muto, and from Hiroshi "
        "Tanaka, chairman of the Japan Hydrogen Association.",
    ],
)
def test_a_report_of_letters_received_is_no_meeting(text, ref):
    # (no meeting: "received" names only the senders, who are cited)
    t = transform(docs(text), ref)
    assert t.meetings.height == 0 and t.participants.height == 0


@pytest.mark.parametrize(
    ("sentence", "host"),
    [
        (
            "In the evening, the Norwegian guests attended a welcome dinner given by Party Secretary Zeng Zanrong.",
            "Zeng Zanrong",
        ),
        (
            "Brudeset's team later attended a seafood banquet hosted by Shandong Vice Governor Song Junji.",
            "Song Junji",
        ),
    ],
)
def test_the_host_of_a_meal_attended_after_the_meeting_is_cited(sentence, host, ref):
    got = people(NORWAY + "\n\n" + sentence, ref)
    assert {"Zhao Haomin", "Signe Brudeset"} <= set(got)
    assert host not in got


@pytest.mark.parametrize(
    ("sentence", "attendee"),
    [
        ("The meeting was attended by Deputy Mayor Geng Tao, who took office last year.", "Geng Tao"),
        (
            "Also present was Consul General Elin Sorbo, whose consulate moved to a new building last month.",
            "Elin Sorbo",
        ),
    ],
)
def test_an_attendee_s_own_past_in_a_closing_relative_clause_leaves_the_attendance(sentence, attendee, ref):
    got = people(NORWAY + "\n\n" + sentence, ref)
    assert got[attendee]["role"] == "member"


@pytest.mark.parametrize(
    ("sentence", "sender"),
    [
        (
            "Zhao welcomed Brudeset to the harbour, and Prime Minister Jonas Gahr Store sent a video message.",
            "Jonas Gahr Store",
        ),
        (
            "Zhao received Brudeset at City Hall, and Oslo Mayor Anne Lindboe wrote a letter of greetings.",
            "Anne Lindboe",
        ),
        (
            "Zhao and Brudeset met business leaders; Bergen Mayor Marte Mjos Persen sent a congratulatory letter.",
            "Marte Mjos Persen",
        ),
    ],
)
def test_a_person_who_sent_a_message_is_cited(sentence, sender, ref):
    got = people(NORWAY + "\n\n" + sentence, ref)
    assert {"Zhao Haomin", "Signe Brudeset"} <= set(got)
    assert sender not in got


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        (
            "Zhao Haomin (right) meets Swedish Ambassador Per Augustsson in Qingdao, May 2023. [File photo]",
            "Per Augustsson",
        ),
        (
            "File photo: Zhao Haomin meets Finnish Ambassador Jari Sinkari, November 2021.",
            "Jari Sinkari",
        ),
    ],
)
def test_a_meeting_dated_with_a_month_of_an_earlier_year_is_another_meeting(sentence, earlier, ref):
    got = people(NORWAY + "\n\n" + sentence, ref)
    assert {"Zhao Haomin", "Signe Brudeset"} <= set(got)
    assert earlier not in got


@pytest.mark.parametrize(
    "text",
    [
        "Date: 2024-11-08\n\nThe Qingdao Symphony Orchestra came home from Europe on Thursday.\n\n"
        "In Bergen, its conductor Tang Muhai received a prize from Norwegian Culture Minister Lubna Jaffery.",
        "Date: 2024-11-08\n\nOcean University of China held its autumn graduation on Thursday.\n\n"
        "Explorer Borge Ousland received an honorary degree from university president Yu Zhigang.",
    ],
)
def test_receiving_a_thing_given_is_no_meeting(text, ref):
    # (`conferred_noun`: what was received is an award, a degree, a gift: nobody met)
    t = transform(docs(text), ref)
    assert t.meetings.height == 0 and t.participants.height == 0


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Zhao Haomin, left, shakes hands with Signe Brudeset.", "Ti Gong"),
        ("Brudeset (2nd right) and Zhao pose for a photo at the city hall.", "Xiang Bo"),
    ],
)
def test_a_photo_credit_closing_a_caption_and_printed_again_below_it_is_no_person(caption, credit, ref):
    # (a page without blank lines: the caption's credit, then the same credit on a line of its own)
    got = people(
        "Date: 2025-03-14\nQingdao Mayor Zhao Haomin met Norwegian Ambassador Signe Brudeset in Qingdao on "
        f"Thursday.\n{caption} {credit}\n{credit}\n"
        "During his meeting with Brudeset, Zhao said Qingdao welcomed Norwegian seafood firms.\n",
        ref,
    )
    assert {"Zhao Haomin", "Signe Brudeset"} <= set(got)
    assert credit not in got


# Issue 15f: split 68's voice (docs/participants_kinds.md, "Session 15 (issue 15f)")
HARBIN = "Date: 2024-10-18\n\nHarbin Mayor Zhang Qiwei met Finnish Ambassador Kaarina Lehtovaara in Harbin on Wednesday."


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        (
            "Finnish President Aino Virtanen led a trade mission to Heilongjiang in April this year.",
            "Aino Virtanen",
        ),
        (
            "A Lapland business delegation headed by Governor Mikko Rantala visited Harbin in July this year.",
            "Mikko Rantala",
        ),
    ],
)
def test_the_head_of_a_visit_in_another_month_of_this_year_is_no_participant(sentence, earlier, ref):
    got = people(HARBIN + "\n\n" + sentence, ref)
    assert {"Zhang Qiwei", "Kaarina Lehtovaara"} <= set(got)
    assert earlier not in got


@pytest.mark.parametrize(
    ("sentence", "later"),
    [
        (
            "A notice posted on Thursday showed that a provincial delegation led by Party Secretary Xu "
            "Jianmin will travel to Helsinki next month.",
            "Xu Jianmin",
        ),
        (
            "Local media reported on Friday that a business group headed by Vice Governor Sun Lihua would "
            "visit Oulu next year.",
            "Sun Lihua",
        ),
    ],
)
def test_the_head_of_a_visit_at_another_time_after_a_dated_report_clause_is_no_participant(
    sentence, later, ref
):
    # (the weekday is the report's; the words after the head state the visit's own time)
    got = people(HARBIN + "\n\n" + sentence, ref)
    assert {"Zhang Qiwei", "Kaarina Lehtovaara"} <= set(got)
    assert later not in got


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        (
            "On the same day, Vice Mayor Liu Chenggang met a delegation from Russia's Amur Region at a "
            "different venue.",
            "Liu Chenggang",
        ),
        (
            "Meanwhile, Vice Governor Ma Wenbo received a delegation of the Japanese Chamber of Commerce in Daqing.",
            "Ma Wenbo",
        ),
    ],
)
def test_a_same_day_meeting_with_an_unnamed_delegation_told_in_passing_is_no_meeting_of_the_report(
    sentence, other, ref
):
    t = transform(docs(HARBIN + "\n\n" + sentence), ref)
    got = {r["person_name"] for r in t.participants.iter_rows(named=True)}
    assert got == {"Zhang Qiwei", "Kaarina Lehtovaara"}
    assert t.meetings.height == 1
    assert other not in got


@pytest.mark.parametrize(
    "attendance",
    [
        "Lucie Fontaine, head of the trade section at the consulate, attended the meeting.",
        "Pauline Girard, director of the cultural service at the consulate, was also present.",
    ],
)
def test_a_member_of_the_consulate_sits_with_the_consul_general(attendance, ref):
    # (split 68's S8: "the" mission in the member's own description is the diplomat leads')
    got = people(
        "Date: 2024-06-14\n\nChangsha Mayor Zhou Haibing met French Consul General Sophie Delorme in "
        "Changsha on Thursday.\n\n" + attendance,
        ref,
    )
    member = next(r for n, r in got.items() if n not in {"Zhou Haibing", "Sophie Delorme"})
    assert member["side"] == "guest" and member["country"] == "FR"


def test_the_mission_of_the_next_conjunct_leaves_a_host_member_with_the_hosts(ref):
    got = people(
        "Date: 2024-06-14\n\nGovernor Ana Beltrán of Mendoza received Chinese Ambassador Wang Hui on Thursday."
        "\n\nThe Minister of Tourism of Mendoza, Lucía Ferrer, and the Cultural Counsellor of the Embassy, Zhao "
        "Ning, also took part in the meeting.",
        ref,
    )
    assert got["Lucía Ferrer"]["side"] == "host"
