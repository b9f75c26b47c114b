"""Model contracts (flows/contracts.py): the build checks every view against its YAML, released
contracts can't change columns, new versions sit beside old ones, and the lock guards releases."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import load_without_prefect, write_inputs

from flows import contracts
from flows.cli import main
from flows.models import ModelError, build_models, discover_models
from flows.settings import PROJECT_ROOT

SQL_DIR = PROJECT_ROOT / "sql"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    """core/meta tables of the tiny input, no models built yet."""
    root = tmp_path_factory.mktemp("contracts")
    path = root / "loaded.duckdb"
    load_without_prefect(write_inputs(root / "in"), path)
    return path


@pytest.fixture
def db(loaded: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "w.duckdb"
    shutil.copy(loaded, copy)
    return copy


@pytest.fixture
def sql(tmp_path: Path) -> Path:
    """A copy of the project's sql/ (models, contracts, lock) to edit."""
    return Path(shutil.copytree(SQL_DIR, tmp_path / "sql"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, f"{old!r} not found once in {path}"
    path.write_text(text.replace(old, new))


def views(path: Path) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [
            r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
        ]
    finally:
        con.close()


def query(path: Path, sql_text: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql_text, params).fetchall()
    finally:
        con.close()


def test_project_contracts_are_released_and_match_the_lock(capsys):
    """Every committed model version has a lock entry equal to its contract (else: release it)."""
    lock = contracts.read_lock(SQL_DIR)
    for model in discover_models(SQL_DIR):
        entry = lock.get(contracts.lock_key(model.name, model.version))
        assert entry is not None, f"{model.name} v{model.version}: run `meetings contracts --release`"
        assert entry["checksum"] == model.contract.checksum
        assert entry["columns"] == model.contract.signatures
    assert main(["contracts"]) == 0
    assert "meetings v1: released" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "CAST(location AS VARCHAR) AS location,",
            "CAST(location AS VARCHAR) AS place,",
            "column location (VARCHAR) is missing; column place (VARCHAR) is not in the contract",
        ),
        (
            "CAST(weekday AS VARCHAR) AS weekday,",
            "CAST(length(weekday) AS BIGINT) AS weekday,",
            "column weekday is BIGINT, the contract says VARCHAR",
        ),
        (
            "    CAST(evidence AS VARCHAR) AS evidence\n",
            "    1 AS one\n",
            "column evidence (VARCHAR) is missing",
        ),
    ],
)
def test_sql_that_no_longer_matches_its_contract_fails_naming_model_and_column(
    db: Path, sql: Path, old: str, new: str, problem: str
):
    edit(sql / "marts" / "meetings.v1.sql", old, new)
    with pytest.raises(ModelError) as raised:
        build_models(db, sql, load_id="L1")
    message = str(raised.value)
    assert message.startswith(
        "model meetings v1 (analytics.meetings_v1) does not match its contract meetings.v1.yml: "
    )
    assert problem in message
    assert views(db) == []  # the build is one transaction: nothing of it stays


def test_column_order_is_part_of_the_contract(db: Path, sql: Path):
    edit(sql / "marts" / "themes.v1.sql", "CAST(code AS VARCHAR) AS code,\n", "")
    edit(
        sql / "marts" / "themes.v1.sql",
        "AS description\n",
        "AS description,\n    CAST(code AS VARCHAR) AS code\n",
    )
    with pytest.raises(
        ModelError, match=r"model themes v1 .*column label is at position 1, the contract has it at 2"
    ):
        build_models(db, sql, load_id="L1")


def test_editing_a_released_versions_columns_fails_naming_model_and_column(db: Path, sql: Path):
    # The SQL and the YAML agree with each other; only the lock knows what v1 promised.
    edit(
        sql / "marts" / "participants.v1.sql",
        "CAST(country AS VARCHAR) AS country",
        "CAST(NULL AS INTEGER) AS country",
    )
    yml = sql / "marts" / "participants.v1.yml"
    edit(yml, "  - name: country\n    data_type: VARCHAR", "  - name: country\n    data_type: INTEGER")
    with pytest.raises(ModelError) as raised:
        build_models(db, sql, load_id="L1")
    assert str(raised.value) == (
        "contract of released model participants v1 (participants.v1.yml) was changed: column country is "
        "INTEGER, the released version says VARCHAR. A released version's columns can't change: add "
        "participants.v2.sql and participants.v2.yml instead (and set a deprecation_date on v1)."
    )
    assert views(db) == []


def test_renaming_a_released_column_names_both(sql: Path, db: Path):
    edit(sql / "marts" / "themes.v1.sql", "AS label", "AS title")
    edit(sql / "marts" / "themes.v1.yml", "- name: label", "- name: title")
    with pytest.raises(
        ModelError,
        match=r"released model themes v1 .*column label \(VARCHAR\) is missing; "
        r"column title \(VARCHAR\) is not in the released version",
    ):
        build_models(db, sql, load_id="L1")


def test_descriptions_and_deprecation_date_of_a_released_version_may_change(db: Path, sql: Path):
    yml = sql / "marts" / "themes.v1.yml"
    edit(
        yml,
        "description: The theme taxonomy",
        "deprecation_date: 2030-01-31\ndescription: The whole taxonomy",
    )
    edit(yml, "description: What the theme covers.", "description: What it covers, in a sentence.")
    build_models(db, sql, load_id="L1")
    assert query(db, "SELECT deprecation_date FROM meta.models WHERE name = 'themes'") == [
        (dt.date(2030, 1, 31),)
    ]
    assert query(db, "SELECT comment FROM duckdb_views() WHERE view_name = 'themes_v1'") == [
        (
            "The whole taxonomy, from seeds/reference/themes.csv. Grain: one row per theme code. "
            "Deprecated: may be removed after 2030-01-31.",
        )
    ]
    assert query(
        db,
        "SELECT comment FROM duckdb_columns() WHERE schema_name = 'analytics' AND table_name = 'themes' "
        "AND column_name = 'description'",
    ) == [("What it covers, in a sentence.",)]


def test_a_new_version_sits_beside_the_released_one(db: Path, sql: Path, capsys, monkeypatch):
    marts = sql / "marts"
    (marts / "themes.v2.sql").write_text(
        "-- Grain: one row per theme code.\n"
        "SELECT CAST(code AS VARCHAR) AS code, CAST(label AS VARCHAR) AS label, "
        "CAST(length(description) AS BIGINT) AS description_length FROM core.themes\n"
    )
    v2 = yaml.safe_load((marts / "themes.v1.yml").read_text())
    v2["columns"][2] = {"name": "description_length", "data_type": "BIGINT", "description": "Characters."}
    (marts / "themes.v2.yml").write_text(yaml.safe_dump(v2))
    edit(
        marts / "themes.v1.yml",
        "description: The theme taxonomy",
        "deprecation_date: 2030-01-31\ndescription: The theme taxonomy",
    )

    # Unreleased versions build: the lock only guards released ones.
    built = build_models(db, sql, load_id="L1")
    assert built.filter(built["name"] == "themes").select("version", "is_latest", "row_count").rows() == [
        (1, False, 16),
        (2, True, 16),
    ]
    assert query(
        db,
        "SELECT table_name, list(column_name ORDER BY column_index) FROM duckdb_columns() "
        "WHERE schema_name = 'analytics' AND table_name IN ('themes', 'themes_v1', 'themes_v2') GROUP BY 1 ORDER BY 1",
    ) == [
        ("themes", ["code", "label", "description_length"]),
        ("themes_v1", ["code", "label", "description"]),
        ("themes_v2", ["code", "label", "description_length"]),
    ]
    assert query(db, "SELECT comment FROM duckdb_views() WHERE view_name = 'themes_v1'")[0][0].endswith(
        "Superseded by analytics.themes_v2. Deprecated: may be removed after 2030-01-31."
    )

    monkeypatch.setenv("MEETINGS_SQL_DIR", str(sql))
    assert main(["contracts"]) == 1
    assert "not released: themes v2; run `meetings contracts --release`" in capsys.readouterr().err
    before = contracts.read_lock(sql)
    assert main(["contracts", "--release"]) == 0
    assert "released themes.v2" in capsys.readouterr().out
    after = contracts.read_lock(sql)
    assert set(after) - set(before) == {"themes.v2"}
    assert {k: after[k] for k in before} == before
    assert after["themes.v2"]["columns"] == ["code VARCHAR", "label VARCHAR", "description_length BIGINT"]


def test_a_hand_edited_lock_entry_is_refused(db: Path, sql: Path):
    edit(sql / "contracts.lock", "  - weekday VARCHAR", "  - weekday INTEGER")
    with pytest.raises(ModelError, match=r"entry meetings\.v1 does not match its checksum"):
        build_models(db, sql, load_id="L1")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda sql: (sql / "marts" / "countries.v1.yml").unlink(), r"without a contract: countries v1"),
        (
            lambda sql: (sql / "marts" / "ghost.v1.yml").write_text("description: x\n"),
            r"ghost.v1.yml: contract without a model: ghost.v1.sql is missing",
        ),
        (
            lambda sql: (sql / "marts" / "countries.v1.yml").rename(sql / "marts" / "countries.v1.yaml"),
            r"countries.v1.yaml: name model contracts <name>.v<N>.yml",
        ),
        (
            lambda sql: edit(
                sql / "marts" / "countries.v1.yml",
                "    data_type: VARCHAR\n    description: ISO",
                "    data_type: NUMBERISH\n    description: ISO",
            ),
            r"countries.v1.yml: column code: not a DuckDB type: 'NUMBERISH'",
        ),
        (
            lambda sql: edit(sql / "marts" / "countries.v1.yml", "unique_key: [code]", "unique_key: [iso]"),
            r"unique_key column\(s\) iso are not columns",
        ),
    ],
)
def test_broken_contract_files_are_refused(db: Path, sql: Path, change, message: str):
    change(sql)
    with pytest.raises(ModelError, match=message):
        build_models(db, sql, load_id="L1")


def test_unique_key_is_checked(db: Path, sql: Path):
    # Two themes with one code: the view's grain promise (one row per theme code) is broken.
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO core.themes SELECT * FROM core.themes WHERE code = 'sports'")
    con.close()
    with pytest.raises(
        ModelError, match=r"model themes v1 \(analytics.themes_v1\): 1 value\(s\) of its unique_key \(code\)"
    ):
        build_models(db, sql, load_id="L1")


def test_contract_types_are_compared_in_duckdbs_spelling(db: Path, sql: Path):
    edit(
        sql / "marts" / "countries.v1.yml",
        "    data_type: VARCHAR\n    description: Short",
        "    data_type: text\n    description: Short",
    )
    build_models(db, sql, load_id="L1")  # TEXT is VARCHAR: neither the check nor the lock objects
    countries = next(m for m in discover_models(sql) if m.name == "countries")
    assert countries.contract.columns[1].data_type == "VARCHAR"
