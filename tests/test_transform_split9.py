"""Unit tests of the rules written for the misses of split 9 (s901-s940), on sentences of our own."""

from __future__ import annotations

import polars as pl
from transform_helpers import docs

from flows.transform import transform
from flows.transform.people import find_mentions
from flows.transform.tokens import label_tokens, tokenize


def mentions_of(sentence: str, ref) -> dict[str, dict]:
    s = pl.DataFrame({"sid": [0], "article_id": ["a"], "text": [sentence]}).with_columns(
        pl.col("sid").cast(pl.Int64)
    )
    _, m = find_mentions(label_tokens(tokenize(s), ref))
    return {r["name"]: r for r in m.filter(pl.col("ntok") >= 2).iter_rows(named=True)}


def people(t) -> dict[str, dict]:
    return {r["person_name"]: r for r in t.participants.iter_rows(named=True)}


def test_a_title_of_the_municipal_or_provincial_government_before_a_name(ref):
    m = mentions_of("Secretary-General of the provincial government Wen Dao and Liu Fang were present.", ref)
    assert m["Wen Dao"]["title"] == "Secretary-General"
    m = mentions_of("Deputy Secretary-General of the municipal government Wen Dao attended.", ref)
    assert m["Wen Dao"]["title"] == "Deputy Secretary-General"


def test_has_called_on_countries_to_act_is_no_meeting(ref):
    text = (
        " date 2024-05-14\nHeadline\n\nNanjing Mayor Wen Dao met with Lyon Mayor Paul Girard on Monday.\n\n"
        "Premier Li Ming has called on China and France to deepen trade ties, Wen said.\n"
    )
    got = people(transform(docs(text), ref))
    assert set(got) == {"Wen Dao", "Paul Girard"}


def test_separate_video_meetings_are_remote_meetings_one_per_guest(ref):
    text = (
        " date 2024-05-16\nHeadline\n\nHubei Governor Wen Dao held separate video meetings on Wednesday "
        "with Osaka Governor Sato Ken and Ohio Governor Mark Dale, speaking from Wuhan.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 2
    assert sorted(t.meetings["counterpart_countries"].to_list()) == [["JP"], ["US"]]


def test_a_trilateral_video_meeting_is_a_meeting(ref):
    text = (
        " date 2024-05-16\nHeadline\n\nHarbin Mayor Wen Dao held a trilateral video meeting on Monday with "
        "Sapporo Mayor Sato Ken and Busan Mayor Kim Min-jae.\n"
    )
    got = people(transform(docs(text), ref))
    assert {n: (r["side"], r["country"]) for n, r in got.items()} == {
        "Wen Dao": ("host", "CN"),
        "Sato Ken": ("guest", "JP"),
        "Kim Min-jae": ("guest", "KR"),
    }


def test_in_his_meeting_with_a_guest_reports_that_meeting_whatever_was_said_after(ref):
    text = (
        " date 2024-05-16\nHeadline\n\nNingbo Mayor Wen Dao held separate talks on Wednesday with the heads "
        "of two firms.\n\nWen first met Tom Reed, chief executive officer of Maersk.\n\n"
        "In his meeting with Ana Lim, chairman of Siemens, Wen said the city would help the firm grow.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 2
    by_meeting = t.participants.group_by("meeting_id").agg(pl.col("person_name").sort())
    assert sorted(by_meeting["person_name"].to_list()) == [["Ana Lim", "Wen Dao"], ["Tom Reed", "Wen Dao"]]


def test_the_chair_of_a_listed_company_heading_a_separate_meeting_borrows_no_country(ref):
    text = (
        " date 2024-03-22\nHeadline\n\nShenzhen Mayor Wen Dao met separately on Thursday with Ana Lim, "
        "chairman of Siemens, and Sato Ken, chairman of Japanese carmaker Toyota.\n"
    )
    got = people(transform(docs(text), ref))
    assert got["Ana Lim"]["country"] is None
    assert got["Sato Ken"]["country"] == "JP"


def test_a_trip_stated_before_the_lede_names_where_the_meeting_took_place(ref):
    text = (
        " date 2024-09-27\nHeadline\n\nA delegation led by Wuxi Mayor Wen Dao visited the United Kingdom "
        "this week.\n\nOn Tuesday, Wen met with Lord Mayor Jan Nowak. Nowak said trade was growing.\n"
    )
    t = transform(docs(text), ref)
    got = {(r["person_name"], r["side"], r["country"]) for r in t.participants.iter_rows(named=True)}
    assert got == {("Wen Dao", "guest", "CN"), ("Jan Nowak", "host", "GB")}
    # somebody else's visit told as background before the lede says nothing of this meeting
    text = (
        " date 2024-07-05\nHeadline\n\nIn 2018, then Wuxi mayor Li Ming visited Warsaw.\n\n"
        "Wuxi Mayor Wen Dao met with Mayor of Warsaw Jan Nowak on Wednesday.\n"
    )
    got = people(transform(docs(text), ref))
    assert (got["Wen Dao"]["side"], got["Jan Nowak"]["side"]) == ("host", "guest")


def test_a_later_meeting_on_the_same_day_with_people_of_its_own_is_a_meeting_of_its_own(ref):
    text = (
        " date 2024-10-09\nHeadline\n\nHarbin Party Secretary Wen Dao met with a delegation of US governors "
        "led by Governor Mark Dale on Monday.\n\nDale said the governors hoped to expand farm trade.\n\n"
        "On the same day, Harbin Mayor Li Ming met with Mayor of Sapporo Sato Ken.\n\n"
        "Sato said Sapporo valued its ties with Harbin. Li said the two cities should promote tourism.\n"
    )
    t = transform(docs(text), ref)
    assert t.meetings.height == 2
    by_meeting = t.participants.group_by("meeting_id").agg(pl.col("person_name").sort())
    assert sorted(by_meeting["person_name"].to_list()) == [["Li Ming", "Sato Ken"], ["Mark Dale", "Wen Dao"]]
    got = people(t)
    assert (got["Mark Dale"]["country"], got["Sato Ken"]["country"]) == ("US", "JP")
    # mentioned in passing (nobody it names comes up again), it is no meeting of the report
    text = (
        " date 2024-10-09\nHeadline\n\nHarbin Party Secretary Wen Dao met with Ohio Governor Mark Dale on "
        "Monday.\n\nDale said Ohio hoped to expand farm trade. Later that day, he called on Mayor Li Ming.\n"
    )
    assert transform(docs(text), ref).meetings.height == 1


def test_respective_dates_with_the_month_first(ref):
    text = (
        " date 2024-06-28\nHeadline\n\nFujian Governor Wen Dao met in Fuzhou on June 25 and 26, respectively, "
        "with Osaka Governor Sato Ken and Ohio Governor Mark Dale.\n"
    )
    t = transform(docs(text), ref)
    got = {
        r["person_name"]: str(r["meeting_date"])
        for r in t.participants.join(t.meetings.select("meeting_id", "meeting_date"), on="meeting_id")
        .filter(pl.col("side") == "guest")
        .iter_rows(named=True)
    }
    assert got == {"Sato Ken": "2024-06-25", "Mark Dale": "2024-06-26"}


def test_a_director_of_the_office_of_a_lead_s_title_is_on_that_lead_s_side(ref):
    text = (
        " date 2024-01-19\nHeadline\n\nFujian Governor Wen Dao met with Chief Executive of the Macao SAR "
        "Ho Ka Lok in Fuzhou yesterday.\n\nLam Mei Ling, director of the Office of the Chief Executive, and "
        "Fujian Vice Governor Li Ming also attended the meeting.\n"
    )
    got = people(transform(docs(text), ref))
    assert (got["Lam Mei Ling"]["side"], got["Lam Mei Ling"]["country"]) == ("guest", "MO")
    assert got["Li Ming"]["side"] == "host"
