"""People merely mentioned are not participants: one probe sentence per way a report cites
someone who was not at the meeting (quoted leaders, past and future events, bylines, letters,
invitations, related-news links, company statements and boilerplate, other events' openers ...),
each after a lede of the same shape."""

from __future__ import annotations

import pytest
from transform_helpers import docs, people

from flows.extract import article_id_for
from flows.transform import transform

LEDE = "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday."

# (case, article text, people who must not be output)
CASES = [
    (
        "quoted_leader",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang said that, as President Xi Jinping has pointed out, China and Sweden are partners. Berg said King Carl XVI Gustaf visited Shanghai in 2019.",
        ["Xi Jinping", "Carl"],
    ),
    (
        "past_visit",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg recalled that former Mayor Li Qiang had visited Stockholm in 2015, where he met Governor Sven Holm.",
        ["Li Qiang", "Sven Holm"],
    ),
    (
        "future_visit",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg said Swedish Prime Minister Ulf Kristersson is expected to visit China next month.",
        ["Ulf Kristersson"],
    ),
    (
        "byline",
        "By Wang Xiaoyu | China Daily | Updated: 2024-05-10\n\nMayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThey discussed trade.",
        ["Wang Xiaoyu"],
    ),
    (
        "editor",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThey discussed trade.\n\nEditor: Liu Fang\nReporter: Chen Jie",
        ["Liu Fang", "Chen Jie"],
    ),
    (
        "photo",
        "Photo by Zhao Lei/Xinhua\n\nMayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThey discussed trade.",
        ["Zhao Lei"],
    ),
    (
        "quote_from_elsewhere",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg quoted former UN Secretary-General Dag Hammarskjold, saying peace needs cooperation.",
        ["Hammarskjold"],
    ),
    (
        "other_event_speaker",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nOn Monday, Berg attended a forum at which Vice Minister Guo Hua delivered a keynote speech.",
        ["Guo Hua"],
    ),
    (
        "founder",
        "Mayor Zhang Qiming met Chairman Anna Berg of Nordic Mills on Tuesday.\n\nThe company, founded by Erik Nordin in 1921, employs 3,000 people in China.",
        ["Erik Nordin"],
    ),
    (
        "invited_by",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg conveyed greetings from Mayor Karin Wanngard of Stockholm, who invited Zhang to visit.",
        ["Karin Wanngard"],
    ),
    (
        "successor",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg, who succeeded Ambassador Helga Ek last year, said ties were strong.",
        ["Helga Ek"],
    ),
    (
        "late_leader",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang said the friendship initiated by late Premier Zhou Enlai should be carried forward.",
        ["Zhou Enlai"],
    ),
    (
        "letter",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg handed over a letter from Foreign Minister Maria Stenergard to Zhang.",
        ["Stenergard"],
    ),
    (
        "spokesperson",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nForeign ministry spokesperson Mao Ning told reporters on Wednesday that the visit was fruitful.",
        ["Mao Ning"],
    ),
    (
        "agreement_signed_earlier",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nIn 2018, then mayor Ying Yong and Stockholm's mayor signed a memorandum on smart cities.",
        ["Ying Yong"],
    ),
    (
        "namesake_award",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg is a winner of the Olof Palme Prize.",
        ["Olof Palme"],
    ),
    (
        "related_news",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThey discussed trade.\n\nRelated: Vice Mayor Liu Duo meets Finnish delegation\nMost read: Governor Gong Zheng inspects port",
        ["Liu Duo", "Gong Zheng"],
    ),
    (
        "will_meet_later",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg will meet Governor Wu Qing of Jiangsu on Thursday.",
        ["Wu Qing"],
    ),
    (
        "book_author",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang presented Berg with a book by poet Tomas Transtromer.",
        ["Transtromer"],
    ),
    (
        "anniversary_of",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThis year marks the 50th anniversary of the visit of Prime Minister Olof Palme to China.",
        ["Olof Palme"],
    ),
    (
        "convey_regards",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang asked Berg to convey his regards to Mayor Karin Wanngard of Stockholm.",
        ["Wanngard"],
    ),
    (
        "on_behalf",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nOn behalf of Prime Minister Ulf Kristersson, Berg thanked Shanghai for its support.",
        ["Kristersson"],
    ),
    (
        "had_met_earlier_same_sentence",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday. Berg, who had met Party Secretary Chen Jining a day earlier, praised the city.",
        ["Chen Jining"],
    ),
    (
        "the_leaders_consensus",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang said the two cities should implement the consensus reached by President Xi Jinping and Swedish Prime Minister Ulf Kristersson.",
        ["Xi Jinping", "Kristersson"],
    ),
    (
        "named_after",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden at the Sun Yat-sen Memorial Hall on Tuesday.",
        ["Sun Yat-sen"],
    ),
    (
        "chaired_by_absent",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThe forum, which will be chaired by Vice Premier Ding Xuexiang, opens next week.",
        ["Ding Xuexiang"],
    ),
    (
        "congratulated",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang congratulated Sweden on the election of Speaker Andreas Norlen.",
        ["Norlen"],
    ),
    (
        "according_to",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nAccording to Li Hua, director of the city's commerce bureau, trade rose 12 percent last year.",
        ["Li Hua"],
    ),
    (
        "told_reporters_after",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nProfessor Wu Xinbo of Fudan University told reporters the meeting showed growing ties.",
        ["Wu Xinbo"],
    ),
    (
        "video_message",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nIn a video message played at the event last month, Governor Sven Holm praised the partnership.",
        ["Sven Holm"],
    ),
    (
        "wife_of",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg's husband, the writer Nils Berg, has translated Lu Xun into Swedish.",
        ["Lu Xun"],
    ),
    (
        "invite_next",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang welcomed Mayor Karin Wanngard to visit Shanghai at a convenient time.",
        ["Wanngard"],
    ),
    (
        "similar_meeting_other_city",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nLast week, Beijing Mayor Yin Yong met a Swedish trade delegation.",
        ["Yin Yong"],
    ),
    (
        "headline_other",
        "Shanghai, Stockholm vow closer ties\n\nMayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nSee also: Premier Li Qiang meets Swedish PM",
        ["Li Qiang"],
    ),
    (
        "press_statement_quote",
        'Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nThey discussed a new plant in the city.\n\n"China remains our most important growth market," said Lars Holm, the group\'s global chief executive, in a statement issued in Stockholm.',
        ["Lars Holm"],
    ),
    (
        "media_contact",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nThey discussed a new plant.\n\nMedia contact: Karin Lund, Communications Manager, +46 8 123 456",
        ["Karin Lund"],
    ),
    (
        "about_company",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nThey discussed a new plant.\n\nAbout Nordic Mills\nNordic Mills, chaired by Erik Dahl, is a global paper maker with 20,000 employees.",
        ["Erik Dahl"],
    ),
    (
        "ceo_sent_video",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nGroup CEO Lars Holm, who could not attend, sent a video message.",
        ["Lars Holm"],
    ),
    (
        "earlier_meeting_with_boss",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nZhang recalled his meeting with group chairman Erik Dahl in Davos last January.",
        ["Erik Dahl"],
    ),
    (
        "expo_opening",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday on the sidelines of the expo, which was opened by Vice Premier He Lifeng on Monday.",
        ["He Lifeng"],
    ),
    (
        "analyst_quote",
        'Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\n"The investment signals confidence," said Chen Wei, an analyst at Guotai Securities.',
        ["Chen Wei"],
    ),
    (
        "keynote_other_speaker",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nAt the forum that followed, IMF First Deputy Managing Director Gita Ramos gave a keynote speech.",
        ["Gita Ramos"],
    ),
    (
        "appointed_successor",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nBerg will be succeeded by Jonas Ek in July.",
        ["Jonas Ek"],
    ),
    (
        "according_to_report",
        "Mayor Zhang Qiming met Anna Berg, president of Nordic Mills Asia, on Tuesday.\n\nAccording to a report by Bloomberg's Sarah Kent, the firm plans to list in Hong Kong.",
        ["Sarah Kent"],
    ),
    (
        "founder_namesake",
        "Mayor Zhang Qiming met Anna Berg, president of the Alfred Nobel Foundation Asia, on Tuesday.",
        ["Alfred Nobel"],
    ),
    (
        "trip_also_met",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThey discussed trade. During her stay in China, Berg will also visit Hangzhou.\n\nBerg also met Vice Foreign Minister Sun Weidong in Beijing last week.",
        ["Sun Weidong"],
    ),
    (
        "earlier_in_day_beijing",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden in Shanghai on Tuesday.\n\nBerg had held talks with Commerce Minister Wang Wentao in Beijing on Monday.",
        ["Wang Wentao"],
    ),
    (
        "trip_itinerary",
        "Governor Anna Berg of Vastra Gotaland met Mayor Zhang Qiming in Shanghai on Tuesday.\n\nThe delegation is on a five-day trip to China that also takes in Beijing, where Berg is scheduled to meet Vice Premier Ding Xuexiang.",
        ["Ding Xuexiang"],
    ),
    (
        "previous_stop",
        "Governor Anna Berg of Vastra Gotaland met Mayor Zhang Qiming in Shanghai on Tuesday.\n\nBefore arriving in Shanghai, the delegation visited Shenzhen, where it was received by Mayor Qin Weizhong.",
        ["Qin Weizhong"],
    ),
    (
        "royal_past_visit",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg recalled that Crown Princess Victoria toured the Bund during her visit in 2019.",
        ["Victoria"],
    ),
    (
        "pm_trip",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThe meeting came a month after Swedish Prime Minister Ulf Kristersson's trip to Beijing.",
        ["Kristersson"],
    ),
    (
        "president_earlier_visit",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang said President Xi Jinping's state visit to Sweden in 2010 laid a solid foundation.",
        ["Xi Jinping"],
    ),
    (
        "historical",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThe two recalled explorer Sven Hedin, who travelled across Xinjiang a century ago.",
        ["Sven Hedin"],
    ),
    (
        "photographer",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday. (Photo: Wang Gang)\n\nThey discussed trade.",
        ["Wang Gang"],
    ),
    (
        "reporter_end",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThey discussed trade.\n\n(Reporting by Li Na; editing by Tom Hogue)",
        ["Li Na", "Tom Hogue"],
    ),
    (
        "the_same_trip_met_separately_elsewhere",
        "Ambassador Anna Berg of Sweden met Mayor Zhang Qiming in Shanghai on Tuesday.\n\nBerg came to "
        "Shanghai after a stop in Nanjing, where she met Governor Xu Kunlin on Sunday.",
        ["Xu Kunlin"],
    ),
    (
        "xi_remarks_long",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nZhang said Shanghai is implementing the important instructions of General Secretary Xi Jinping, and welcomes Swedish firms.",
        ["Xi Jinping"],
    ),
    (
        "message_read",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nBerg read out a congratulatory message from Swedish Trade Minister Benjamin Dousa.",
        ["Dousa"],
    ),
    (
        "witness_past_signing",
        "Mayor Zhang Qiming met Ambassador Anna Berg of Sweden on Tuesday.\n\nThe sister-city agreement was signed in 1986 in the presence of then Mayor Jiang Zemin.",
        ["Jiang Zemin"],
    ),
]


@pytest.fixture(scope="module")
def probes(ref) -> dict[str, dict[str, dict]]:
    """Every probe article through one transform (as a corpus is run), people by name per case."""
    texts = ["Date: 2024-05-10\n\n" + text for _, text, _ in CASES]
    t = transform(docs(*texts), ref)
    by_article: dict[str, dict[str, dict]] = {}
    for r in t.participants.iter_rows(named=True):
        # (meeting_id is the article's id and the meeting's number: "<article_id>-1")
        by_article.setdefault(r["meeting_id"].rsplit("-", 1)[0], {})[r["person_name"]] = r
    return {
        case: by_article.get(article_id_for(text), {})
        for (case, _, _), text in zip(CASES, texts, strict=True)
    }


@pytest.mark.parametrize("case,text,absent", CASES, ids=[c[0] for c in CASES])
def test_a_merely_mentioned_person_is_no_participant(case, text, absent, probes):
    got = probes[case]
    assert {"Zhang Qiming", "Anna Berg"} <= set(got), case
    assert not [n for n in got if any(a.lower() in n.lower() for a in absent)], case


def test_the_head_of_state_whose_visit_is_the_occasion_is_no_participant(ref):
    text = (
        "Date: 2024-05-10\n\nAmbassador Anna Berg of Sweden met Mayor Zhang Qiming in Shanghai on "
        "Tuesday, during the state visit of King Carl Gustaf."
    )
    assert not [n for n in people(text, ref) if "Carl Gustaf" in n]


def test_welcomed_to_a_city_is_a_meeting_but_welcomed_to_visit_is_an_invitation(ref):
    met = people(
        "Date: 2024-05-10\n\nMayor Zhang Qiming welcomed Mayor Karin Wanngard of Stockholm to Shanghai on Tuesday.",
        ref,
    )
    assert met["Karin Wanngard"]["side"] == "guest"
    invited = people(
        "Date: 2024-05-10\n\n"
        + LEDE
        + " Zhang welcomed Mayor Karin Wanngard to visit Shanghai at a convenient time.",
        ref,
    )
    assert "Karin Wanngard" not in invited and "Anna Berg" in invited


# (a month with no day closing a meeting sentence is no sign of the past on its own: digests report
# meetings so, "met ... in November."; the predecessor is cited, people.predecessors_cited)
def test_a_predecessors_meeting_in_another_month_is_no_participant(ref):
    text = "Date: 2024-05-10\n\n" + LEDE + "\n\nHer predecessor Helga Ek met Zhang in March."
    assert "Helga Ek" not in people(text, ref)


@pytest.mark.parametrize("credit", ["(Photo: Wang Gang)", "(Xinhua/Wang Gang)", "(Photo/Wang Gang)"])
def test_a_bracketed_photo_credit_closing_the_lede_is_no_one_and_keeps_the_lede(credit, ref):
    text = (
        "Date: 2024-05-10\n\nShanghai and Stockholm to deepen ties\n\n"
        f"{LEDE} {credit}\n\nThey discussed trade and green shipping."
    )
    got = people(text, ref)
    assert {"Zhang Qiming", "Anna Berg"} == set(got)
