"""The real flow on the bundled corpus into a temporary warehouse, compared with the gold files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import input_sources

from flows.evaluate import score, tables_from_warehouse
from flows.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "seeds" / "articles"
GOLD = PROJECT_ROOT / "tests" / "fixtures" / "expected"
HOLDOUT = PROJECT_ROOT / "tests" / "fixtures" / "holdout"
ITALY = "000_0ee11f2a8dcb9823.txt"
CALIFORNIA = "004_0fa582f4bb3a2a9f.txt"


@pytest.fixture
def corpus_warehouse(dev_flow) -> Path:
    """The flow's warehouse of the bundled corpus (conftest.dev_flow: run once per session)."""
    summary, warehouse = dev_flow
    # One article per file, whatever its format (.txt, .html, .json), and per record of a .jsonl feed.
    assert summary["articles"] == input_sources(CORPUS)
    return warehouse


def query(warehouse: Path, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_seed_participants_exactly(corpus_warehouse):
    rows = query(
        corpus_warehouse,
        "select source_file, person_name, title, country, side, role from analytics.participants "
        "where source_file in (?, ?) order by source_file, side desc, role, person_name",
        ITALY,
        CALIFORNIA,
    )
    assert rows == [
        (ITALY, "Gong Zheng", "Mayor", "CN", "host", "lead"),
        (ITALY, "Massimo Ambrosetti", "Ambassador", "IT", "guest", "lead"),
        (ITALY, "Tiziana D'Angelo", "Consul General", "IT", "guest", "member"),
        (CALIFORNIA, "Gong Zheng", "Mayor", "CN", "host", "lead"),
        (CALIFORNIA, "Gavin Newsom", "Governor", "US", "guest", "lead"),
    ]


def test_seed_meetings_dates_and_themes(corpus_warehouse):
    m = {
        r[0]: r[1:]
        for r in query(
            corpus_warehouse,
            "select source_file, published_date, meeting_date, weekday, counterpart_countries "
            "from analytics.meetings where source_file in (?, ?)",
            ITALY,
            CALIFORNIA,
        )
    }
    assert m[CALIFORNIA] == (date(2023, 10, 30), date(2023, 10, 29), "Sunday", ["US"])
    assert m[ITALY] == (None, None, "Friday", ["IT"])
    themes = {
        src: {
            t
            for s, t in query(corpus_warehouse, "select source_file, theme from analytics.meeting_themes")
            if s == src
        }
        for src in (ITALY, CALIFORNIA)
    }
    assert themes[CALIFORNIA] >= {
        "climate_environment", "clean_energy", "import_expo", "biomedicine_health", "science_tech",
        "manufacturing", "education_youth", "sports", "sister_cities",
    }  # fmt: skip
    assert themes[ITALY] >= {
        "trade_investment",
        "import_expo",
        "tourism",
        "culture_people",
        "urban_governance",
        "science_tech",
    }
    everyone = {r[0] for r in query(corpus_warehouse, "select person_name from analytics.participants")}
    assert "Xi Jinping" not in everyone


def test_every_fixture_article_against_gold(corpus_warehouse):
    """The bundled corpus must meet the product's quality targets (issue 3)."""
    scores = score(tables_from_warehouse(corpus_warehouse), GOLD)
    s = scores.summary()
    p, t = s["participants"], s["themes"]
    # no merely mentioned person is output as a participant (named, so a failure says who)
    mentioned = {
        (source, detail) for source, kind, detail in scores.misses if kind == "mentioned-only output"
    }
    assert mentioned == set()
    assert p["f1"] >= 0.95
    assert p["title_accuracy"] >= 0.95 and p["country_accuracy"] >= 0.95
    assert p["side_accuracy"] >= 0.98 and p["role_accuracy"] >= 0.95
    assert s["published_date_accuracy"] >= 0.98 and s["meeting_date_accuracy"] >= 0.95
    assert s["counterpart_countries_accuracy"] >= 0.90
    assert t["f1"] >= 0.85


def test_holdout_split_scores(tmp_path, prefect_harness):
    """The held-out split (written before the extractor saw it) through the real flow."""
    from flows.pipeline import meetings_etl

    warehouse = tmp_path / "holdout.duckdb"
    meetings_etl(input_path=str(HOLDOUT / "articles"), warehouse=str(warehouse))
    s = score(tables_from_warehouse(warehouse), HOLDOUT / "expected").summary()
    # Regression floor at what this version measures (side 0.993, participants F1 0.993, title 1.000,
    # counterparts 0.975), never lower; the other floors are the product targets.
    p = s["participants"]
    assert p["f1"] >= 0.99 and p["precision"] >= 0.99 and p["mentioned_output_as_participant"] == 0
    assert p["title_accuracy"] >= 0.99 and p["country_accuracy"] >= 0.95 and p["role_accuracy"] >= 0.95
    assert p["side_accuracy"] >= 0.99
    assert s["published_date_accuracy"] >= 0.98 and s["meeting_date_accuracy"] >= 0.95
    assert s["counterpart_countries_accuracy"] >= 0.97
    assert s["themes"]["f1"] >= 0.85


# Blind splits: written from PHENOMENA.md by writers who never saw the extractor, its reference data
# or its output; only their summary scores are read. Floors at what this version measures (README,
# Quality), never lower: the product targets are not all met on them. Session 8 lowered two, by
# one theme or person: holdout11 themes 0.955 -> 0.952 (split 22's theme phrases), holdout20 F1
# 0.969 -> 0.968, country and side 0.981 -> 0.980 (split 24's rule that a relative clause's
# meeting in another month is background). Session 11 lowered three, by one or two people or
# meetings: holdout11 title 0.984 -> 0.977 and holdout16 title 0.978 -> 0.971 (issue 11c's settled
# title conventions: two and one titles of these older writers' gold follow another convention;
# holdout11 had fallen to 0.969, a later rule gave one back), holdout40 meeting date 1.000 -> 0.976
# (one meeting, with issue 11g's date rules). Only summary rows were read to place them. Session 12
# raised five (holdout16 title and themes, holdout20 F1, holdout41 themes, holdout42 F1, holdout45
# title) and lowered none: the two rules that cost a blind split a person were narrowed or taken out.
BLIND_FLOORS = {
    "holdout11": {"f1": 0.996, "precision": 0.992, "title": 0.977, "country": 1.0, "side": 1.0,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 1.0, "themes": 0.952},
    "holdout16": {"f1": 1.0, "precision": 1.0, "title": 0.978, "country": 1.0, "side": 1.0,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 1.0, "themes": 0.925},
    # (session 10: F1 0.968 -> 0.975, recall 0.962 -> 0.975; of the people now matched, one more
    # has a wrong country: country 0.980 -> 0.974)
    "holdout20": {"f1": 0.984, "precision": 0.981, "title": 1.0, "country": 0.981, "side": 0.987,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 0.952,
                  "counterparts": 1.0, "themes": 0.891},
    # session 10's split, on arrival at 4ccd371 (the same at 136c19b): F1 0.969, title 0.959,
    # meeting date 0.809. At the end of session 10 recall rose (0.945 -> 0.967) and title over the
    # larger matched set fell to 0.955 (holdout34, its pair, was folded into dev in session 11).
    # Its meeting date rose to 1.000 with a rule for date forms the lead had named in its
    # writer's brief (README, Quality)
    # (country 0.977 -> 0.989 and counterparts 0.976 -> 1.000 with session 14's rules)
    "holdout33": {"f1": 0.983, "precision": 1.0, "title": 0.972, "country": 0.988, "side": 0.989,
                  "role": 0.983, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 1.0, "themes": 0.9},
    # session 11's split in national English media with background and quotes, on arrival at
    # aa2074f (the extractor of the session's start). Its pairs holdout36 and holdout40 were folded
    # into dev in session 12 (docs/split36_coverage.md, docs/split40_coverage.md)
    "holdout41": {"f1": 0.983, "precision": 0.983, "title": 0.991, "country": 0.974, "side": 0.991,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 0.952, "themes": 0.937},
    # session 12's splits kept blind, on arrival at b25d5a8 (the extractor that started session 12):
    # city papers of large cities in the seeds' genre (holdout42), pages with heavy page noise
    # (holdout45), reports dense with people who are not participants (holdout46). Their pairs
    # holdout43, 44 and 47 were folded into dev (docs/split{43,44,47}_coverage.md)
    "holdout42": {"f1": 0.991, "precision": 0.991, "title": 0.991, "country": 0.991, "side": 0.991,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 1.0, "themes": 0.936},
    "holdout45": {"f1": 0.961, "precision": 0.966, "title": 0.991, "country": 0.964, "side": 0.973,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 0.952,
                  "counterparts": 0.905, "themes": 0.918},
    "holdout46": {"f1": 0.959, "precision": 0.974, "title": 0.987, "country": 0.993, "side": 0.993,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 0.952,
                  "counterparts": 0.929, "themes": 0.857},
    # session 12's final check: three splits in the natural mix of the seeds' genre, written while
    # the session's rules were built and scored once, at its end (at b25d5a8, its start, together
    # 0.989 F1, one mentioned person, in holdout48, present at both)
    "holdout48": {"f1": 0.996, "precision": 0.992, "title": 1.0, "country": 0.975, "side": 0.992,
                  "role": 1.0, "mentioned": 1, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 0.976, "themes": 0.95},
    "holdout49": {"f1": 0.992, "precision": 0.992, "title": 0.984, "country": 0.992, "side": 0.992,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 1.0, "themes": 0.95},
    "holdout50": {"f1": 0.993, "precision": 0.993, "title": 0.98, "country": 0.973, "side": 1.0,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 0.977, "themes": 0.948},
    # session 13's splits kept blind, on arrival at 25125da (the extractor that started session 13):
    # the natural mix of the seeds' genre (holdout51) and reports naming many people who are not
    # participants (holdout52: 143 of them, none output). Their pair holdout53 (the other side's
    # voice) was folded into dev (docs/split53_coverage.md)
    "holdout51": {"f1": 0.996, "precision": 0.992, "title": 0.984, "country": 0.984, "side": 0.992,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 1.0, "themes": 0.945},
    "holdout52": {"f1": 0.986, "precision": 0.993, "title": 0.993, "country": 0.993, "side": 1.0,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 0.976, "themes": 0.939},
    # session 13's second pair (holdout55: the other side's voice; holdout57: trips) were folded into
    # dev in session 14 (docs/split55_coverage.md, docs/split57_coverage.md): their blind rows were
    # unchanged by the rules of their folded pairs 53 and 56
    # session 13's final check: the natural mix of the seeds' genre, written at the session's start
    # and scored once, at its end (the same at 25125da, its start: every target met)
    "holdout54": {"f1": 1.0, "precision": 1.0, "title": 1.0, "country": 0.985, "side": 0.985,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 0.976, "themes": 0.967},
    # session 14's blind splits kept blind: holdout61 (half the other side's voice, half trips) on
    # arrival at 7045d9d 0.949, after session 14's rules 0.952 (meeting date 0.915, one mentioned
    # person); holdout62 (trips, written after 14a's trip rules) 0.929 at 7045d9d -> 0.951 at the
    # end (meeting date 0.889 -> 0.926). Their pairs 58 (trips) and 59 (the other side's voice) were
    # folded into dev (docs/split58_coverage.md, docs/split59_coverage.md)
    "holdout61": {"f1": 0.952, "precision": 0.974, "title": 0.986, "country": 0.986, "side": 0.993,
                  "role": 1.0, "mentioned": 1, "published": 1.0, "meeting_date": 0.914,
                  "counterparts": 0.936, "themes": 0.897},
    "holdout62": {"f1": 0.951, "precision": 0.971, "title": 0.985, "country": 1.0, "side": 1.0,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 0.925,
                  "counterparts": 0.944, "themes": 0.875},
    # session 14's final check: the natural mix of the seeds' genre, written at the session's start
    # and scored once, at its end (the same at 7045d9d, its start: every target met)
    "holdout60": {"f1": 0.975, "precision": 0.983, "title": 0.982, "country": 0.991, "side": 0.991,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 0.976,
                  "counterparts": 0.928, "themes": 0.918},
    # session 15's blind splits kept blind: holdout64 (trips, dated in the many ways real pages do)
    # on arrival at b4f9579 0.921 (meeting date 0.848), at the session's end 0.932 (0.864). Its
    # pairs 63 (trips), 65 and 68 (people who are not participants) and 66 (the other side's voice)
    # were folded into dev (docs/split{63,65,66,68}_coverage.md)
    "holdout64": {"f1": 0.931, "precision": 0.971, "title": 0.978, "country": 0.978, "side": 0.992,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 0.864,
                  "counterparts": 0.847, "themes": 0.861},
    # session 15's final check: the natural mix of the seeds' genre, written at the session's start
    # and scored once, at its end (0.992 F1 at b4f9579 too: every target met)
    "holdout67": {"f1": 0.991, "precision": 0.991, "title": 1.0, "country": 0.983, "side": 0.983,
                  "role": 1.0, "mentioned": 0, "published": 1.0, "meeting_date": 1.0,
                  "counterparts": 1.0, "themes": 0.976},
}  # fmt: skip


@pytest.mark.parametrize("split", sorted(BLIND_FLOORS))
def test_blind_split_scores(split, tmp_path, prefect_harness):
    from flows.pipeline import meetings_etl

    root = PROJECT_ROOT / "tests" / "fixtures" / split
    warehouse = tmp_path / f"{split}.duckdb"
    meetings_etl(input_path=str(root / "articles"), warehouse=str(warehouse))
    s = score(tables_from_warehouse(warehouse), root / "expected").summary()
    p, floor = s["participants"], BLIND_FLOORS[split]
    got = {
        "f1": p["f1"], "precision": p["precision"], "title": p["title_accuracy"],
        "country": p["country_accuracy"], "side": p["side_accuracy"], "role": p["role_accuracy"],
        "published": s["published_date_accuracy"], "meeting_date": s["meeting_date_accuracy"],
        "counterparts": s["counterpart_countries_accuracy"], "themes": s["themes"]["f1"],
    }  # fmt: skip
    below = {k: v for k, v in got.items() if v < floor[k] - 0.0005}
    assert not below, f"{split} fell below its floors: {below}"
    assert p["mentioned_output_as_participant"] <= floor["mentioned"]
