"""Shared fixtures: one Prefect test harness per session, a tiny input folder, and a stub transform.

The stub stands in for the real extractor (flows/transform/) so the warehouse tests check the
flow, validation, load and models with exactly known values, whatever the extractor's quality.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import polars as pl
import pytest

from flows.settings import PROJECT_ROOT, configure_prefect_environment

# Under pytest-xdist (`make test` runs two workers) each worker is its own process with its own
# session fixtures (Prefect test harness, shared corpus runs): give each its own PREFECT_HOME too, so
# no two processes share Prefect's local files (an ephemeral server's SQLite database, storage).
if _worker := os.environ.get("PYTEST_XDIST_WORKER"):
    _home = Path(os.environ.get("PREFECT_HOME") or PROJECT_ROOT / ".prefect")
    os.environ["PREFECT_HOME"] = str(_home / f"xdist-{_worker}")

configure_prefect_environment()  # before anything imports prefect: offline, telemetry off

from flows.transform import Tables, schema  # noqa: E402

# Files of the tiny input: 3 articles (2 with a meeting) and 2 rejects.
ARTICLES = {
    "a_nz.txt": (
        "date 2024-03-22\nShanghai hosts New Zealand envoy\n"
        "Lu Jianhua met Fiona Pemberton from NZ in Shanghai on Thursday. They discussed trade and tourism.\n"
    ),
    "sub/b_se.txt": (
        "date 2024-05-10\nSuzhou meets Swedish delegation\n"
        "Wang Wei met Anna Berg from SE in Suzhou on Monday. They discussed trade.\n"
    ),
    "c_weather.txt": "date 2024-06-01\nWeather report\nIt rained all day in the city.\n",
}
REJECTS = {"d_scan.pdf": b"%PDF-1.4 binary", "e_empty.txt": b"   \n"}

MEETING_RE = re.compile(
    r"(?P<host>[A-Z]\w+ [A-Z]\w+) met (?P<guest>[A-Z]\w+ [A-Z]\w+) from (?P<cc>[A-Z]{2}) "
    r"in (?P<city>[A-Z]\w+) on (?P<weekday>\w+day)\."
)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def write_inputs(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, data in REJECTS.items():
        (folder / name).write_bytes(data)
    return folder


def stub_transform(documents: pl.DataFrame, reference=None) -> Tables:
    """A deterministic stand-in for flows.transform.transform on the tiny input format above."""
    articles, meetings, participants, themes = [], [], [], []
    for doc in documents.iter_rows(named=True):
        lines = doc["text"].strip().split("\n")
        published = dt.date.fromisoformat(lines[0].split()[1])
        match = MEETING_RE.search(doc["text"])
        articles.append(
            {
                "article_id": doc["article_id"],
                "source_file": doc["source_file"],
                "headline": lines[1],
                "published_date": published,
                "url": None,
                "content_hash": doc["content_hash"],
                "meeting_count": 1 if match else 0,
                "body": "\n".join(lines[2:]),
            }
        )
        if not match:
            continue
        meeting_id = f"{doc['article_id']}-1"
        back = (published.weekday() - WEEKDAYS.index(match["weekday"])) % 7
        evidence = match.group(0)
        meetings.append(
            {
                "meeting_id": meeting_id,
                "article_id": doc["article_id"],
                "source_file": doc["source_file"],
                "headline": lines[1],
                "published_date": published,
                "meeting_date": published - dt.timedelta(days=back),
                "weekday": match["weekday"],
                "location": match["city"],
                "counterpart_countries": [match["cc"]],
                "counterpart_org": None,
                "evidence": evidence,
            }
        )
        for name, side, country in ((match["host"], "host", "CN"), (match["guest"], "guest", match["cc"])):
            participants.append(
                {
                    "meeting_id": meeting_id,
                    "source_file": doc["source_file"],
                    "person_name": name,
                    "title": None,
                    "organization": None,
                    "country": country,
                    "side": side,
                    "role": "lead",
                    "evidence": evidence,
                }
            )
        for word, theme, raised_by in (
            ("trade", "trade_investment", "both"),
            ("tourism", "tourism", "guest"),
        ):
            if word in doc["text"]:
                themes.append(
                    {
                        "meeting_id": meeting_id,
                        "source_file": doc["source_file"],
                        "theme": theme,
                        "raised_by": raised_by,
                        "evidence": "They discussed",
                    }
                )
    return Tables(
        articles=pl.DataFrame(articles, schema=schema.ARTICLES),
        meetings=pl.DataFrame(meetings, schema=schema.MEETINGS),
        participants=pl.DataFrame(participants, schema=schema.PARTICIPANTS),
        meeting_themes=pl.DataFrame(themes, schema=schema.MEETING_THEMES),
        agreements=pl.DataFrame(schema=schema.AGREEMENTS),
    )


def bad_side_transform(documents: pl.DataFrame, reference=None) -> Tables:
    """The stub with one participant's side set to a value outside (host, guest)."""
    tables = stub_transform(documents, reference)
    tables.participants = tables.participants.with_columns(
        pl.when(pl.col("person_name") == "Anna Berg")
        .then(pl.lit("visitor"))
        .otherwise(pl.col("side"))
        .alias("side")
    )
    return tables


THEMES_CSV = PROJECT_ROOT / "seeds" / "reference" / "themes.csv"


def load_without_prefect(
    folder: Path,
    published: Path,
    full_refresh: bool = False,
    build_models: bool = False,
    themes_csv: Path = THEMES_CSV,  # countries.csv is read beside it
):
    """Extract + stub transform + load + publish, calling the modules directly (no flow, no GX)."""
    from flows import incremental, load, models
    from flows.extract import extract_files, list_inputs

    files = list_inputs(folder)
    extracted = extract_files(files, max_bytes=1_000_000)
    previous = incremental.empty_previous() if full_refresh else incremental.read_previous(published)
    # the same plan as a flow run, so core.sources stays consistent with core.articles
    plan = incremental.plan(
        previous,
        extracted,
        [relative for _, relative in files],
        lambda names: extract_files([(folder / n, n) for n in names], 1_000_000).documents,
        full_refresh=full_refresh,
    )
    started = load.utc_now()
    run = load.RunData(
        load_id=load.new_load_id(started),
        started_at=started,
        tables=stub_transform(plan.all_documents()),
        rejects=incremental.run_rejects(plan),
        dq_results=pl.DataFrame(
            [
                {
                    "suite": "meetings",
                    "expectation": "expect_column_values_to_be_unique(meeting_id)",
                    "success": True,
                    "details": "{}",
                }
            ]
        ),
        files_seen=plan.counts["files_seen"],
        input_path=str(folder),
        full_refresh=full_refresh,
        themes_csv=themes_csv,
        changes=plan.changes,
    )
    with load.warehouse_lock(published):
        staging = load.prepare_staging(published, "v1.5.0", full_refresh)
        try:
            stats = load.load_run(staging, run)
            if build_models:
                models.build_models(staging, PROJECT_ROOT / "sql", run.load_id)
            load.publish(staging, published, run.load_id)
        except BaseException:
            load.discard(staging)
            raise
    return run.load_id, stats


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (server start-up is the slow part)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture
def input_dir(tmp_path: Path) -> Path:
    return write_inputs(tmp_path / "input")


@pytest.fixture
def stubbed_transform(monkeypatch):
    """Route the flow's transform stage to the stub (no reference data needed)."""
    import flows.pipeline as pipeline

    monkeypatch.setattr(pipeline, "run_transform", stub_transform)
    monkeypatch.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
    return stub_transform


@pytest.fixture
def stub_tables() -> Tables:
    """The stub's tables for the tiny input, without running the flow."""
    import tempfile

    from flows.extract import extract_files, list_inputs

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_inputs(Path(tmp))
        extracted = extract_files(list_inputs(folder), max_bytes=1_000_000)
    return stub_transform(extracted.documents)


@pytest.fixture(scope="session")
def stub_warehouse(tmp_path_factory) -> Path:
    """The tiny input loaded with the stub transform and every model built (no Prefect). Read only."""
    root = tmp_path_factory.mktemp("stub_warehouse")
    path = root / "meetings.duckdb"
    load_without_prefect(write_inputs(root / "in"), path, build_models=True)
    return path


@pytest.fixture(scope="session")
def ref():
    """The bundled reference data (seeds/reference), loaded once for the transform unit tests."""
    from flows.transform.reference import load_reference

    return load_reference(PROJECT_ROOT / "seeds" / "reference")


# The bundled corpus (seeds/articles, 1,700+ articles) is transformed, and run through the flow, by
# several test files. Each costs 10-20 s, so each is done once per session (once per xdist worker
# that needs it) and shared; the tests only read them, and each test gets its own copy of the
# tables' holder. (No grouping of these tests onto one worker: pytest-xdist 3.8's --dist loadgroup
# renames node ids through `item._nodeid`, which pytest 9.2 no longer reads, so its groups are
# silently ignored.)
DEV_CORPUS = PROJECT_ROOT / "seeds" / "articles"


@pytest.fixture(scope="session")
def _dev_documents() -> pl.DataFrame:
    from flows.extract import extract_files, list_inputs

    return extract_files(list_inputs(DEV_CORPUS), 5_000_000).documents


@pytest.fixture
def dev_documents(_dev_documents) -> pl.DataFrame:
    """The bundled corpus as the extract stage hands it on (a copy: polars frames share the data)."""
    return _dev_documents.clone()


@pytest.fixture(scope="session")
def _dev_tables(_dev_documents, ref) -> Tables:
    from flows.transform import transform

    return transform(_dev_documents, ref)


def _copy(tables: Tables) -> Tables:
    import dataclasses

    return Tables(**{f.name: getattr(tables, f.name).clone() for f in dataclasses.fields(tables)})


@pytest.fixture
def dev_tables(_dev_tables) -> Tables:
    """The real transform's tables for the whole bundled corpus in one batch (read only; a copy)."""
    return _copy(_dev_tables)


@pytest.fixture(scope="session")
def dev_flow(tmp_path_factory, prefect_harness) -> tuple[dict, Path]:
    """The real flow `meetings-etl` on the bundled corpus into a temporary warehouse: its summary
    and the warehouse (read only: open it with read_only=True)."""
    from flows.pipeline import meetings_etl

    warehouse = tmp_path_factory.mktemp("dev_flow") / "meetings.duckdb"
    summary = meetings_etl(input_path=str(DEV_CORPUS), warehouse=str(warehouse))
    return summary, warehouse


def input_sources(folder: Path) -> int:
    """Sources in an input folder: one per file, one per non-blank line of a JSONL file (the
    contract's `file.jsonl#<line>`); the bundled corpus has a JSONL feed of two records."""
    return sum(
        sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
        if f.suffix == ".jsonl"
        else 1
        for f in folder.iterdir()
        if f.is_file()
    )
