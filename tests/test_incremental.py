"""The real flow on hostile and changing inputs (stub transform): accounting, incremental loads by
content, duplicates under several names, removed files, --prune and --full-refresh."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ARTICLES, stub_transform, write_inputs
from snapshots import query, snapshot

import flows.pipeline as pipeline
from flows.cli import main

pytestmark = pytest.mark.slow

LOADS = (
    "SELECT files_seen, articles_new, articles_changed, articles_unchanged, rejects, articles "
    "FROM meta.loads ORDER BY started_at DESC LIMIT 1"
)

# Row counts of the models built by the n-th newest run
MODEL_COUNTS = (
    "SELECT name, version, row_count FROM meta.models WHERE load_id = (SELECT load_id FROM meta.models "
    "GROUP BY load_id ORDER BY max(built_at) DESC LIMIT 1 OFFSET {}) ORDER BY name, version"
)


@pytest.fixture
def transformed(prefect_harness, monkeypatch) -> list[list[str]]:
    """Route the flow to the stub transform; record the source files of every transform call."""
    calls: list[list[str]] = []

    def counting(documents, reference=None):
        calls.append(documents["source_file"].to_list())
        return stub_transform(documents)

    monkeypatch.setattr(pipeline, "run_transform", counting)
    monkeypatch.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
    return calls


def run(folder: Path, warehouse: Path, **params) -> dict:
    return pipeline.meetings_etl(input_path=str(folder), warehouse=str(warehouse), **params)


def meeting(host: str, guest: str, cc: str, city: str, weekday: str) -> str:
    return f"{host} met {guest} from {cc} in {city} on {weekday}."


GOOD = {
    "a_nz.txt": ("utf-8", ARTICLES["a_nz.txt"]),
    "sub dir/b se.md": (
        "utf-8",
        "date 2024-05-10\nSuzhou meets Swedes\n" + meeting("Wang Wei", "Anna Berg", "SE", "Suzhou", "Monday"),
    ),
    "Zürich 会见/c.htm": (
        "utf-8",
        '<html><head><meta property="article:published_time" content="2024-06-03">'
        "<script>Xu Li met Bad Script from XX in Nowhere on Monday.</script></head><body>"
        "<nav>Home World</nav><article><h1>Beijing welcomes Swiss guest</h1><p>"
        + meeting("Li Qiang", "Hans Keller", "CH", "Beijing", "Monday")
        + '</p><div class="share">Share on WeChat</div></article><footer>Copyright</footer></body></html>',
    ),
    "rec.json": (
        "utf-8",
        json.dumps(
            {
                "text": "date 2024-07-01\nHangzhou talks\n"
                + meeting("Zhou Min", "Maria Rossi", "IT", "Hangzhou", "Monday"),
                "url": "https://example.org/1",
            }
        ),
    ),
    "lines.jsonl": (
        "utf-8",
        json.dumps(
            {
                "text": "date 2024-07-02\nXiamen talks\n"
                + meeting("Lin Tao", "Ana Silva", "PT", "Xiamen", "Tuesday")
            }
        )
        + "\n{not json\n"
        + json.dumps(
            {
                "text": "date 2024-07-03\nQingdao talks\n"
                + meeting("Sun Bo", "Kim Minsu", "KR", "Qingdao", "Wednesday")
            }
        )
        + "\n",
    ),
    "u16.txt": (
        "utf-16",
        "date 2024-03-08\nDalian talks\n" + meeting("Ma Kai", "Yuki Tanaka", "JP", "Dalian", "Friday"),
    ),
    "latin1.txt": (
        "latin-1",
        "date 2024-03-01\nVisite à Shanghai, où le maire reçoit\n"
        + meeting("Gong Zheng", "François Dupré", "FR", "Shanghai", "Friday"),
    ),
    "gbk.txt": (
        "gbk",
        "date 2024-04-02\n上海市长会见新加坡客人\n"
        + meeting("Chen Jie", "Lee Wei", "SG", "Shanghai", "Tuesday"),
    ),
    "weather.txt": ("utf-8", "date 2024-06-01\nWeather report\nIt rained all day in the city.\n"),
    "NOTES": ("utf-8", "date 2024-01-02\nNotes\nNo meeting in these notes.\n"),
}
BAD = {
    "scan.pdf": (b"%PDF-1.7 binary", "unsupported format: .pdf"),
    "photo.png": (b"\x89PNG\r\n\x1a\n", "unsupported format: .png"),
    "misnamed.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "not text: PNG image"),
    "nul.txt": (b"text\x00with\x00nul", "not text: contains NUL bytes"),
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\t \n", "empty"),
    "big.txt": (b"date 2024-01-01\n" + b"x" * 5000, "too large: 5016 bytes (limit 4096)"),
    "bad.json": (b'{"text": "no end', "invalid JSON: Unterminated string starting at at line 1"),
    "notext.json": (
        b'{"title": "t"}',
        "JSON record has no text field (one of text, body, content, article, article_text)",
    ),
    "report.docx": (b"PK\x03\x04", "unsupported format: .docx"),
}
GUESTS = {
    "a_nz.txt": "Fiona Pemberton",
    "sub dir/b se.md": "Anna Berg",
    "Zürich 会见/c.htm": "Hans Keller",
    "rec.json": "Maria Rossi",
    "lines.jsonl#1": "Ana Silva",
    "lines.jsonl#3": "Kim Minsu",
    "u16.txt": "Yuki Tanaka",
    "latin1.txt": "François Dupré",
    "gbk.txt": "Lee Wei",
}


def test_a_folder_of_every_bad_kind_runs_and_accounts_for_every_input(
    transformed, tmp_path, monkeypatch, capsys
):
    folder = tmp_path / "in"
    for name, (encoding, text) in GOOD.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    warehouse = tmp_path / "meetings.duckdb"
    monkeypatch.setenv("MEETINGS_MAX_FILE_BYTES", "4096")

    assert main(["run", "--input", str(folder), "--warehouse", str(warehouse)]) == 0
    assert (
        "inputs: 11 new, 0 changed, 0 unchanged, 11 rejected; 11 article(s) transformed"
        in capsys.readouterr().out
    )

    reasons = {name: reason for name, (_, reason) in BAD.items()}
    reasons["lines.jsonl#2"] = "invalid JSON on line 2: Expecting property name enclosed in double quotes"
    assert dict(query(warehouse, "SELECT source_file, reason FROM meta.rejects")) == reasons
    assert query(warehouse, LOADS) == [(22, 11, 0, 0, 11, 11)]
    # files_seen = articles + rejects: every input is in core.sources as one or the other.
    assert query(warehouse, "SELECT count(*), count(article_id), count(reason) FROM core.sources") == [
        (22, 11, 11)
    ]
    guests = query(
        warehouse,
        "SELECT source_file, person_name FROM analytics.participants WHERE side = 'guest' ORDER BY 1",
    )
    assert dict(guests) == GUESTS
    assert query(
        warehouse, "SELECT source_file, meeting_count FROM core.articles WHERE meeting_count = 0 ORDER BY 1"
    ) == [
        ("NOTES", 0),
        ("weather.txt", 0),
    ]
    [(body,)] = query(warehouse, "SELECT body FROM core.articles WHERE source_file = 'Zürich 会见/c.htm'")
    assert "Hans Keller" in body
    assert not any(chrome in body for chrome in ("Bad Script", "Home World", "Share", "Copyright"))


AGGREGATES = tuple(
    f"analytics.{m}" for m in ("people", "counterpart_summary", "meetings_by_month", "theme_trends")
)


def test_a_second_run_does_no_work_and_an_edit_changes_only_its_article(transformed, tmp_path, monkeypatch):
    reused: list[bool] = []  # whether each run's model build reused the last row counts
    build = pipeline.models.build_models

    def spy(*args, reuse_row_counts=False, **kwargs):
        reused.append(reuse_row_counts)
        return build(*args, reuse_row_counts=reuse_row_counts, **kwargs)

    monkeypatch.setattr(pipeline.models, "build_models", spy)
    folder = write_inputs(tmp_path / "in")
    warehouse = tmp_path / "meetings.duckdb"
    run(folder, warehouse)
    assert transformed == [["a_nz.txt", "c_weather.txt", "sub/b_se.txt"]]
    first = snapshot(warehouse)

    second = run(folder, warehouse)
    assert transformed[1:] == []  # the transform was not called at all
    assert (second["transformed"], second["articles_unchanged"], second["seconds"]["transform"] < 0.05) == (
        0,
        3,
        True,
    )
    assert query(warehouse, LOADS) == [(5, 0, 0, 3, 2, 0)]
    assert snapshot(warehouse) == first
    assert reused == [False, True]  # nothing changed: no view was counted again
    assert query(warehouse, MODEL_COUNTS.format(1)) == query(warehouse, MODEL_COUNTS.format(0))

    (folder / "sub" / "b_se.txt").write_text(
        "date 2024-05-10\nSuzhou meets Swedish delegation\nWang Wei met Erik Lund from SE in Suzhou on Monday.\n"
    )
    third = run(folder, warehouse)
    assert reused == [False, True, False]
    assert transformed[1:] == [["sub/b_se.txt"]]
    assert (third["articles_changed"], third["articles_unchanged"], third["transformed"]) == (1, 2, 1)
    after = snapshot(warehouse)
    assert after.keys() == first.keys()
    kept = {r[1] for r in first["analytics.people"]} - {"Anna Berg"}
    assert kept <= {r[1] for r in after["analytics.people"]}

    def about(row: tuple, source: str) -> bool:  # a column holds the source, or a list of sources does
        return any(v == source or (isinstance(v, list) and source in v) for v in row)

    for table in first:  # every row of the other articles is as it was
        if table.startswith(AGGREGATES):  # rows across articles: checked below or by the marts' tests
            continue
        assert [r for r in after[table] if not about(r, "sub/b_se.txt")] == [
            r for r in first[table] if not about(r, "sub/b_se.txt")
        ], table
    assert query(
        warehouse,
        "SELECT person_name FROM analytics.participants WHERE source_file = 'sub/b_se.txt' ORDER BY 1",
    ) == [
        ("Erik Lund",),
        ("Wang Wei",),
    ]
    # The old article is gone with all its rows; the trade theme went with it.
    assert query(warehouse, "SELECT count(*) FROM core.articles") == [(3,)]
    assert (
        query(warehouse, "SELECT theme FROM analytics.meeting_themes WHERE source_file = 'sub/b_se.txt'")
        == []
    )


def test_copies_removed_files_prune_and_full_refresh(transformed, tmp_path):
    folder = write_inputs(tmp_path / "in")
    warehouse = tmp_path / "meetings.duckdb"
    run(folder, warehouse)
    nz = (folder / "a_nz.txt").read_text()

    # The same content under more names is one article listing every name. A name that sorts
    # first becomes the primary one (the contract's source_file): the article is rebuilt from it,
    # exactly as a run on a fresh warehouse builds it; a name that sorts later costs nothing.
    (folder / "z_copy.txt").write_text(nz)
    (folder / "0_copy.txt").write_text(nz)
    summary = run(folder, warehouse)
    assert (transformed[1:], summary["articles_new"], summary["articles"]) == ([["0_copy.txt"]], 2, 3)
    assert query(
        warehouse,
        "SELECT source_file, is_primary FROM analytics.article_sources WHERE article_id = "
        "(SELECT article_id FROM analytics.meetings WHERE location = 'Shanghai') ORDER BY 1",
    ) == [("0_copy.txt", True), ("a_nz.txt", False), ("z_copy.txt", False)]
    assert query(warehouse, "SELECT source_file FROM analytics.meetings WHERE location = 'Shanghai'") == [
        ("0_copy.txt",)
    ]
    fresh = tmp_path / "fresh.duckdb"
    run(folder, fresh)
    assert snapshot(warehouse) == snapshot(fresh)

    # A removed file keeps its rows by default; --prune drops them.
    (folder / "c_weather.txt").unlink()
    kept = run(folder, warehouse)
    assert (kept["sources_absent"], kept["articles_deleted"], kept["articles"]) == (1, 0, 3)
    assert query(warehouse, "SELECT count(*) FROM core.articles WHERE source_file = 'c_weather.txt'") == [
        (1,)
    ]
    pruned = run(folder, warehouse, prune=True)
    assert (pruned["sources_pruned"], pruned["articles_deleted"], pruned["articles"]) == (1, 1, 2)
    assert query(warehouse, "SELECT count(*) FROM core.sources WHERE source_file = 'c_weather.txt'") == [(0,)]

    # --full-refresh rebuilds everything from the input and gives the incremental path's tables.
    incremental = snapshot(warehouse)
    calls = len(transformed)
    refreshed = run(folder, warehouse, full_refresh=True)
    assert (len(transformed) - calls, refreshed["transformed"]) == (1, 2)
    assert snapshot(warehouse) == incremental


def test_primary_moves_to_a_kept_file_without_rebuilding(transformed, tmp_path):
    folder = write_inputs(tmp_path / "in")
    shutil.copy(folder / "a_nz.txt", folder / "b_copy.txt")
    warehouse = tmp_path / "meetings.duckdb"
    run(folder, warehouse)
    (folder / "b_copy.txt").unlink()  # kept: its rows stay
    (folder / "a_nz.txt").write_text("date 2024-03-22\nSomething else\nNo meeting today.\n")
    summary = run(folder, warehouse)
    assert transformed[1:] == [["a_nz.txt"]]  # only the edited file; the old article stays under b_copy.txt
    assert (summary["articles_changed"], summary["sources_absent"]) == (1, 1)
    assert query(
        warehouse, "SELECT source_file, location FROM analytics.meetings WHERE location = 'Shanghai'"
    ) == [("b_copy.txt", "Shanghai")]
    assert query(
        warehouse,
        "SELECT DISTINCT source_file FROM analytics.participants WHERE person_name = 'Fiona Pemberton'",
    ) == [("b_copy.txt",)]
