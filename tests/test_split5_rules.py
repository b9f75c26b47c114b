"""Unit tests of the rules written for the misses of split 5 (n501-n540), on sentences of our own."""

from __future__ import annotations

import polars as pl
import pytest
from transform_helpers import docs, people

from flows.transform import transform
from flows.transform.people import find_mentions
from flows.transform.tokens import label_tokens, tokenize


def labels(sentence: str, ref) -> pl.DataFrame:
    s = pl.DataFrame({"sid": [0], "article_id": ["a"], "text": [sentence]}).with_columns(
        pl.col("sid").cast(pl.Int64)
    )
    return label_tokens(tokenize(s), ref)


def test_reference_phrase_with_a_possessive_matches_across_it(ref):
    """Article tokens lose their "'s"; a reference phrase written with one still matches whole."""
    t = labels("Li Na, deputy head of the Hunan Provincial People's Congress, spoke.", ref)
    body = t.filter(pl.col("tok").is_in(["Provincial", "People", "Congress"]))
    assert body["lab"].to_list() == ["org", "org", "org"]
    # a place still stops at a possessive: "Hunan's" is no part of a longer phrase
    t = labels("Hunan's Provincial People's Congress met.", ref)
    assert t.filter(pl.col("tok") == "Hunan")["lab"].item() == "place"


def test_an_office_in_the_possessive_is_another_persons(ref):
    """ "Director of the Mayor's Office": the mayor's office, not this person's title."""
    text = (
        " date 2024-03-04\nMayor meets envoy\n\n"
        "Mayor Wen Dao of Wuxi met Ambassador Olga Petrova of Norway on Monday.\n\n"
        "Director of the Mayor's Office Li Ke was also present.\n"
    )
    p = people(text, ref)
    assert (p["Li Ke"]["title"], p["Li Ke"]["side"], p["Li Ke"]["role"]) == ("Director", "host", "member")


def test_body_of_the_chinese_state_gives_its_officer_a_country(ref):
    """ "People's Congress", "People's Government": bodies of the Chinese state (organizations.csv)."""
    s = pl.DataFrame(
        {
            "sid": [0],
            "article_id": ["a"],
            "text": [
                "Qiao Lin, Vice Chairman of the Standing Committee of "
                "the Provincial People's Congress, spoke."
            ],
        }
    ).with_columns(pl.col("sid").cast(pl.Int64))
    _, m = find_mentions(label_tokens(tokenize(s), ref))
    row = m.filter(pl.col("name") == "Qiao Lin").row(0, named=True)
    assert (row["title"], row["country"], row["org"]) == ("Vice Chairman", "CN", None)


def test_among_the_delegation_are_members(ref):
    text = (
        " date 2025-03-07\n"
        "Ningbo Mayor Hu Kang met with Ola Berg, chairman of the Norwegian Shipowners' Club, on Thursday.\n\n"
        "Club treasurer Ivar Lunde and board member Siri Dahl were among the delegation.\n"
    )
    p = people(text, ref)
    assert {n: (r["side"], r["role"]) for n, r in p.items()} == {
        "Hu Kang": ("host", "lead"),
        "Ola Berg": ("guest", "lead"),
        "Ivar Lunde": ("guest", "member"),
        "Siri Dahl": ("guest", "member"),
    }


def test_malaysian_compound_honorific_is_no_part_of_the_name(ref):
    text = (
        " date 2025-03-07\n"
        "Xiamen Mayor Hu Kang met with Datuk Patinggi Osman Bakar, Chief Minister of Sabah, and "
        "Datuk Amar Tan Wei Ming on Thursday.\n"
    )
    assert {"Osman Bakar", "Tan Wei Ming"} <= set(people(text, ref))


def test_plural_firm_noun_states_the_guests_nationality(ref):
    text = (
        " date 2025-03-07\n"
        "A delegation of the Korea-China Trade Forum led by its chairman Park Min-jun was received by "
        "Jinan Mayor Hu Kang on Thursday.\n\n"
        "Hu said Jinan welcomes more Korean companies.\n"
    )
    p = people(text, ref)
    assert (p["Park Min-jun"]["country"], p["Park Min-jun"]["side"]) == ("KR", "guest")


def test_the_title_alone_names_the_one_person_named_earlier_with_it(ref):
    """ "Ambassador A visited Wuxi. On Monday the Ambassador met with Mayor B": A leads a side."""
    text = (
        " date 2025-03-07\n"
        "Ambassador Lena Holm travelled to Wuxi this week for a three-day programme.\n\n"
        "On Monday the Ambassador met with Wuxi Mayor Zhao Ping.\n"
    )
    p = people(text, ref)
    assert {n: (r["side"], r["role"]) for n, r in p.items()} == {
        "Lena Holm": ("guest", "lead"),
        "Zhao Ping": ("host", "lead"),
    }


def test_welcomed_reports_a_meeting_only_with_a_person_as_its_object(ref):
    text = (
        " date 2025-03-07\n"
        "Governor Anna Berg today welcomed Hubei Vice Governor Liu Jun and a delegation to Oslo.\n"
    )
    p = people(text, ref)
    assert {n: r["side"] for n, r in p.items()} == {"Anna Berg": "host", "Liu Jun": "guest"}
    text = (
        " date 2025-03-07\n"
        "Mayor Wen Dao met with Ola Dahl on Thursday.\n\n"
        "Wen welcomed more Norwegian investment in Lake Tai and Mount Lu.\n"
    )
    assert set(people(text, ref)) == {"Wen Dao", "Ola Dahl"}


def test_copyright_credit_after_a_caption_is_dropped():
    from flows.transform.documents import split_documents

    text = (
        " date 2025-03-07\nEnvoy meets mayor\n\n"
        "Mayor Wen Dao met Ola Dahl on Thursday.\n\n"
        "The Mayor welcomes Ola Dahl at City Hall. © City of Oslo / K. Lie\n"
    )
    body = split_documents(docs(text)).row(0, named=True)["body"]
    assert "Lie" not in body and body.endswith("at City Hall.")


def test_a_delegation_of_a_place_comes_from_there(ref):
    """ "Mayor A met with a delegation of Wuxi Municipality led by B": Wuxi is where the visitors
    come from, not where they were received."""
    text = (
        " date 2025-03-07\n"
        "On 5 March 2025, Mayor of Tampere Aino Virta met with a delegation of Wuxi Municipality led by "
        "Vice Mayor Zhao Ping.\n"
    )
    p = people(text, ref)
    assert {n: (r["side"], r["country"]) for n, r in p.items()} == {
        "Aino Virta": ("host", "FI"),
        "Zhao Ping": ("guest", "CN"),
    }


def test_a_foreign_chamber_gives_its_chair_a_country(ref):
    s = pl.DataFrame(
        {"sid": [0], "article_id": ["a"], "text": ["He met Ann Lee, chair of the British Chamber in Wuhan."]}
    ).with_columns(pl.col("sid").cast(pl.Int64))
    _, m = find_mentions(label_tokens(tokenize(s), ref))
    assert m.filter(pl.col("name") == "Ann Lee")["country"].item() == "GB"


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("Zhao Ping, Deputy Secretary of the CPC Hubei Provincial Committee and Governor of Hubei Province, spoke.",
         "Governor"),
        ("Zhao Ping, Member of the Standing Committee of the CPC Wuxi Municipal Committee and Vice Mayor of Wuxi, "
         "spoke.", "Vice Mayor"),
        # the party chief's own post stays the main one
        ("Zhao Ping, Secretary of the CPC Hubei Provincial Committee and Chairman of the Standing Committee, spoke.",
         "Party Secretary"),
    ],
)  # fmt: skip
def test_a_government_office_comes_before_a_deputy_party_post(ref, sentence, title):
    from flows.transform.people import main_office

    s = pl.DataFrame({"sid": [0], "article_id": ["a"], "text": [sentence]}).with_columns(
        pl.col("sid").cast(pl.Int64)
    )
    t, m = find_mentions(label_tokens(tokenize(s), ref))
    m = main_office(t, m, ref.cues.get("secondary_title"))
    assert m.filter(pl.col("name") == "Zhao Ping")["title"].item() == title


def test_a_theme_phrase_may_name_two_fields(ref):
    text = (
        " date 2025-03-07\n"
        "Mayor Wen Dao met with Ola Dahl on Thursday.\n\n"
        "Wen said the city hopes to cooperate with Norway in new energy vehicles.\n"
    )
    t = transform(docs(text), ref)
    assert {"manufacturing", "clean_energy"} <= set(t.meeting_themes["theme"].to_list())


def test_a_regional_body_after_its_place_is_no_name(ref):
    s = pl.DataFrame(
        {
            "sid": [0],
            "article_id": ["a"],
            "text": ["Ma Lin, Secretary of the Ningxia Hui Autonomous Regional Committee, met Ola Dahl."],
        }
    ).with_columns(pl.col("sid").cast(pl.Int64))
    _, m = find_mentions(label_tokens(tokenize(s), ref), place_suffix=ref.cues.get("place_suffix"))
    assert set(m.filter(pl.col("ntok") >= 2)["name"].to_list()) == {"Ma Lin", "Ola Dahl"}


def test_a_city_that_is_a_given_name_stays_a_place_after_of(ref):
    t = labels("Councillor for Culture of Florence Marco Neri attended.", ref)
    assert t.filter(pl.col("tok") == "Florence")["lab"].item() == "place"
    t = labels("Florence Marco attended.", ref)
    assert t.filter(pl.col("tok") == "Florence")["lab"].item() == "NAME"
