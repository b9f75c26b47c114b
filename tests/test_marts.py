"""The v1 marts on known rows, and the descriptions that reach the warehouse as COMMENTs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from conftest import load_without_prefect, write_inputs

from flows.contracts import load_sources
from flows.models import build_models, discover_models
from flows.settings import PROJECT_ROOT

SQL_DIR = PROJECT_ROOT / "sql"
D = dt.date


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def richer(tmp_path_factory) -> Path:
    """The tiny input plus one article with two undated meetings: one with NZ and AU (published
    2024-05-20), one with an organisation only and no dates at all."""
    root = tmp_path_factory.mktemp("marts")
    path = root / "meetings.duckdb"
    load_without_prefect(write_inputs(root / "in"), path)
    con = duckdb.connect(str(path))
    con.execute(
        "INSERT INTO core.articles (article_id, source_file, headline, published_date, meeting_count, body) "
        "VALUES ('art-x', 'x.txt', 'Two visits', DATE '2024-05-20', 2, 'text')"
    )
    con.execute(
        "INSERT INTO core.meetings (meeting_id, article_id, source_file, published_date, meeting_date, "
        "counterpart_countries, counterpart_org, evidence) VALUES "
        "('m3', 'art-x', 'x.txt', DATE '2024-05-20', NULL, ['NZ', 'AU'], NULL, 'e3'), "
        "('m4', 'art-x', 'x.txt', NULL, NULL, [], 'IMF', 'e4')"
    )
    con.execute(
        "INSERT INTO core.participants (meeting_id, source_file, person_name, country, side, role, evidence) "
        "VALUES ('m3', 'x.txt', 'Lu Jianhua', 'CN', 'host', 'lead', 'e3'), "
        "('m3', 'x.txt', 'Jo Bloggs', 'CN', 'host', 'member', 'e3'), "
        "('m4', 'x.txt', 'Zhang San', 'CN', 'host', 'lead', 'e4')"
    )
    con.execute(
        "INSERT INTO core.meeting_themes VALUES ('m3', 'x.txt', 'tourism', 'host', 'e3'), "
        "('m3', 'x.txt', 'sports', 'guest', 'e3'), ('m4', 'x.txt', 'finance', 'both', 'e4')"
    )
    con.close()
    build_models(path, SQL_DIR, load_id="L1")
    return path


def test_meetings_by_month(richer: Path):
    assert query(richer, "SELECT * FROM analytics.meetings_by_month ORDER BY month NULLS LAST") == [
        # month, meetings, undated, articles, countries, orgs, participants
        (D(2024, 3, 1), 1, 0, 1, 1, 0, 2),
        (D(2024, 4, 1), 0, 0, 0, 0, 0, 0),  # a month without meetings is a row of zeros
        (D(2024, 5, 1), 2, 1, 2, 3, 0, 4),  # b_se (SE) and m3 (NZ, AU; by its published date)
        (None, 1, 1, 1, 0, 1, 1),  # m4: no date at all
    ]
    assert query(
        richer,
        "SELECT sum(meetings) = (SELECT count(*) FROM analytics.meetings) FROM analytics.meetings_by_month",
    ) == [(True,)]


def test_counterpart_summary(richer: Path):
    assert query(richer, "SELECT * FROM analytics.counterpart_summary ORDER BY country_code") == [
        ("AU", "Australia", 1, D(2024, 5, 20), D(2024, 5, 20), "sports, tourism", "Lu Jianhua"),
        # tourism at both NZ meetings comes first; the rest tie at one meeting and go by code
        (
            "NZ",
            "New Zealand",
            2,
            D(2024, 3, 21),
            D(2024, 5, 20),
            "tourism, sports, trade_investment",
            "Lu Jianhua",
        ),
        ("SE", "Sweden", 1, D(2024, 5, 6), D(2024, 5, 6), "trade_investment", "Wang Wei"),
    ]


def test_theme_trends(richer: Path):
    assert query(
        richer, "SELECT count(*), count(DISTINCT theme), count(DISTINCT month) FROM analytics.theme_trends"
    ) == [(48, 16, 3)]
    assert query(
        richer,
        "SELECT theme, theme_label, month, meetings, raised_by_host, raised_by_guest, month_meetings, share_of_meetings "
        "FROM analytics.theme_trends WHERE theme IN ('tourism', 'trade_investment') ORDER BY theme, month",
    ) == [
        ("tourism", "Tourism", D(2024, 3, 1), 1, 0, 1, 1, 1.0),
        ("tourism", "Tourism", D(2024, 4, 1), 0, 0, 0, 0, None),
        ("tourism", "Tourism", D(2024, 5, 1), 1, 1, 0, 2, 0.5),
        ("trade_investment", "Trade and investment", D(2024, 3, 1), 1, 1, 1, 1, 1.0),
        ("trade_investment", "Trade and investment", D(2024, 4, 1), 0, 0, 0, 0, None),
        ("trade_investment", "Trade and investment", D(2024, 5, 1), 1, 1, 1, 2, 0.5),
    ]
    # m4's finance theme has no month: it is left out, not put in a NULL month.
    assert query(richer, "SELECT sum(meetings) FROM analytics.theme_trends WHERE theme = 'finance'") == [(0,)]


def test_articles_have_meeting_counts_including_zero(richer: Path):
    assert query(
        richer, "SELECT source_file, meeting_count, participant_count FROM analytics.articles ORDER BY 1"
    ) == [("a_nz.txt", 1, 2), ("c_weather.txt", 0, 0), ("sub/b_se.txt", 1, 2), ("x.txt", 2, 3)]


def test_marts_are_empty_on_an_empty_warehouse(tmp_path: Path):
    empty = tmp_path / "in"
    empty.mkdir()
    (empty / "c.txt").write_text("date 2024-06-01\nWeather report\nIt rained.\n")
    path = tmp_path / "w.duckdb"
    load_without_prefect(empty, path, build_models=True)
    assert query(path, "SELECT count(*) FROM analytics.meetings_by_month") == [(0,)]
    assert query(path, "SELECT count(*) FROM analytics.theme_trends") == [(0,)]
    assert query(path, "SELECT count(*) FROM analytics.counterpart_summary") == [(0,)]
    assert query(path, "SELECT meeting_count FROM analytics.articles") == [(0,)]


def test_every_view_and_column_carries_its_contract_description(stub_warehouse: Path):
    comments = {
        (table, column): comment
        for table, column, comment in query(
            stub_warehouse,
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'analytics'",
        )
    }
    view_comments = dict(
        query(stub_warehouse, "SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'analytics'")
    )
    models = discover_models(SQL_DIR)
    assert set(view_comments) == {m.view for m in models} | {m.name for m in models if m.is_latest}
    for model in models:
        for view in (model.view, model.name):
            assert view_comments[view].startswith(model.contract.description.rstrip(".") + ".")
            assert f"Grain: {model.contract.grain}." in view_comments[view]
            for column in model.contract.columns:
                assert comments[(view, column.name)] == column.description, (view, column.name)
    assert view_comments["meetings"].endswith(
        "Latest version of meetings: same rows as analytics.meetings_v1."
    )
    assert not any(comment is None for comment in comments.values())


def test_core_and_meta_tables_are_documented_completely(stub_warehouse: Path):
    """sql/sources.yml lists every core/meta table and column with its type (a new column needs a line)."""
    actual: dict[str, list[tuple[str, str]]] = {}
    for schema, table, column, data_type, comment in query(
        stub_warehouse,
        "SELECT schema_name, table_name, column_name, data_type, comment FROM duckdb_columns() "
        "WHERE schema_name IN ('core', 'meta') ORDER BY schema_name, table_name, column_index",
    ):
        actual.setdefault(f"{schema}.{table}", []).append((column, data_type))
        assert comment, f"{schema}.{table}.{column} has no comment"
    documented = {s.label: [(c.name, c.data_type) for c in s.columns] for s in load_sources(SQL_DIR)}
    assert documented == actual
    tables = dict(
        query(
            stub_warehouse,
            "SELECT schema_name || '.' || table_name, comment FROM duckdb_tables() WHERE schema_name IN ('core', 'meta')",
        )
    )
    assert tables["meta.models"].startswith("The analytics model versions each published run built")


def test_meta_models_records_contract_and_deprecation(stub_warehouse: Path):
    rows = query(
        stub_warehouse,
        "SELECT name, version, is_latest, length(checksum), contract_checksum LIKE 'sha256:%', "
        "deprecation_date, row_count, built_at IS NOT NULL FROM meta.models ORDER BY name",
    )
    assert [(r[0], r[1], r[6]) for r in rows] == [
        ("agreements", 1, 0),
        ("article_sources", 1, 3),
        ("articles", 1, 3),
        ("counterpart_summary", 1, 2),
        ("countries", 1, 249),
        ("meeting_events", 1, 2),
        ("meeting_themes", 1, 3),
        ("meetings", 1, 2),
        ("meetings_by_month", 1, 3),
        ("participants", 1, 4),
        ("participants", 2, 4),
        ("people", 1, 4),
        ("theme_trends", 1, 48),
        ("themes", 1, 16),
    ]
    assert {(r[3], r[4], r[5], r[7]) for r in rows} == {(64, True, None, True)}
    assert [(r[0], r[1]) for r in rows if not r[2]] == [("participants", 1)]
