"""`meetings run --log-format json` then `meetings report` on the bundled corpus; run progress on a
terminal; the SVG chart helpers."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import duckdb
import pytest
from conftest import input_sources, stub_transform, write_inputs

from flows import charts
from flows.cli import main
from flows.report import month_range, quarter
from flows.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "seeds" / "articles"
STAGES = ["extract", "transform", "validate", "load", "models", "publish"]
CHARTS = [
    "meetings-per-month",
    "counterpart-countries",
    "counterpart-organisations",
    "theme-month-heatmap",
    "top-hosts",
    "top-guests",
    "dq-history",
]


def query(path: Path, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(prefect_harness, tmp_path_factory):
    """`meetings run --log-format json` on the corpus, then `meetings report`, output captured."""
    warehouse = tmp_path_factory.mktemp("report") / "wh" / "meetings.duckdb"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        ran = main(["run", "--input", str(CORPUS), "--warehouse", str(warehouse), "--log-format", "json"])
    report_out = io.StringIO()
    with contextlib.redirect_stdout(report_out):
        reported = main(["report", "--warehouse", str(warehouse)])
    return {
        "warehouse": warehouse,
        "codes": (ran, reported),
        "stdout": out.getvalue(),
        "stderr": err.getvalue(),
        "report_stdout": report_out.getvalue(),
        "html": (warehouse.parent / "report.html").read_text(encoding="utf-8"),
    }


def chart(html: str, chart_id: str) -> str:
    [svg] = re.findall(rf'<svg class="chart" data-chart="{chart_id}".*?</svg>', html, flags=re.S)
    return svg


def bars(svg: str) -> list[tuple[str, float]]:
    return [
        (label, float(value))
        for label, value in re.findall(r'<rect [^>]*data-label="([^"]*)"[^>]*data-value="([^"]*)"', svg)
    ]


def test_json_log_lines_cover_every_stage_and_the_run(corpus):
    assert corpus["codes"] == (0, 0)
    entries = [json.loads(line) for line in corpus["stderr"].splitlines()]  # every line is JSON
    stage_events = [(e["event"], e["stage"]) for e in entries if e.get("event", "").startswith("stage_")]
    assert stage_events == [(event, s) for s in STAGES for event in ("stage_started", "stage_finished")]
    [finished] = [e for e in entries if e.get("event") == "run_finished"]
    meetings = query(corpus["warehouse"], "SELECT count(*) FROM analytics.meetings")[0][0]
    articles = input_sources(CORPUS)  # one article per file, and per record of a JSONL feed
    assert (finished["meetings"], finished["articles"], finished["rejects"]) == (meetings, articles, 0)
    assert finished["flow_name"] == "meetings-etl" and finished["level"] == "INFO"
    assert len({e["flow_run_id"] for e in entries if "flow_run_id" in e}) == 1
    assert corpus["stdout"].splitlines()[1] == f"  {'articles':<13}{articles:>8}"


@pytest.mark.slow
def test_json_logs_of_a_failed_run_stay_json_and_name_the_stage(prefect_harness, tmp_path: Path, capsys):
    missing = tmp_path / "nowhere"
    assert (
        main(
            [
                "run",
                "--input",
                str(missing),
                "--warehouse",
                str(tmp_path / "w.duckdb"),
                "--log-format",
                "json",
            ]
        )
        == 1
    )
    entries = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    [failed] = [e for e in entries if e.get("event") == "run_failed"]
    assert (failed["stage"], failed["level"]) == ("stage extract", "ERROR")
    assert (
        failed["message"] == f"stage extract failed: FileNotFoundError: input path does not exist: {missing}"
    )
    assert "Traceback" in failed["exception"]
    assert entries[-1]["event"] == "exit"
    assert entries[-1]["message"].startswith(
        f"run failed: input path does not exist: {missing} (at stage extract)."
    )


def test_report_has_every_chart_and_needs_no_network(corpus):
    html = corpus["html"]
    assert re.findall(r'data-chart="([^"]+)"', html) == CHARTS
    assert corpus["report_stdout"].startswith(f"wrote {corpus['warehouse'].parent / 'report.html'}: 7 charts")
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<(script|link|img|iframe)\b", html)  # nothing to fetch


def test_report_charts_show_the_warehouse_numbers(corpus):
    html, warehouse = corpus["html"], corpus["warehouse"]
    per_month = dict(
        query(
            warehouse,
            "SELECT strftime(coalesce(meeting_date, published_date), '%Y-%m'), count(*) "
            "FROM analytics.meetings WHERE coalesce(meeting_date, published_date) IS NOT NULL GROUP BY 1",
        )
    )
    assert dict(bars(chart(html, "meetings-per-month"))) == per_month
    assert "2017-11" in per_month and "2025-06" in per_month  # the corpus spans these months
    countries = bars(chart(html, "counterpart-countries"))
    code, n = query(
        warehouse,
        "SELECT c, count(*) FROM (SELECT unnest(counterpart_countries) AS c FROM analytics.meetings) "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1",
    )[0]
    assert countries[0][0].endswith(f"({code})") and countries[0][1] == n
    # every bar is its country's count in the warehouse (counts grow with the corpus), top 15 shown
    per_code = dict(
        query(
            warehouse,
            "SELECT c, count(*) FROM (SELECT unnest(counterpart_countries) AS c FROM analytics.meetings) "
            "GROUP BY 1",
        )
    )
    assert len(countries) == min(15, len(per_code))
    assert all(n == per_code[label[-3:-1]] for label, n in countries)
    # (the 15 most frequent, whichever they are as the corpus grows; Italy fell out at 1032 articles)
    assert [n for _, n in countries] == sorted(per_code.values(), reverse=True)[:15]
    assert ("Germany (DE)", per_code["DE"]) in countries and per_code["HK"] >= 2
    # the ten most frequent hosts (ties by name), labelled "name (title, country)"
    hosts = query(
        warehouse,
        "SELECT person_name, count(DISTINCT meeting_id) n FROM analytics.participants WHERE side = 'host' "
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10",
    )
    host_bars = bars(chart(html, "top-hosts"))
    assert [(label.split(" (")[0], n) for label, n in host_bars] == hosts and hosts[0][1] >= 2
    assert re.fullmatch(r".+ \(.+, [A-Z]{2}\)", host_bars[0][0])
    guests = query(
        warehouse,
        "SELECT person_name, count(DISTINCT meeting_id) n FROM analytics.participants WHERE side = 'guest' "
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10",
    )
    assert [(label.split(" (")[0], n) for label, n in bars(chart(html, "top-guests"))] == guests
    cells = re.findall(
        r'data-row="([^"]*)" data-col="([^"]*)" data-value="(\d+)"', chart(html, "theme-month-heatmap")
    )
    themed = query(
        warehouse,
        "SELECT count(*) FROM analytics.meeting_themes JOIN analytics.meetings USING (meeting_id) "
        "WHERE coalesce(meeting_date, published_date) IS NOT NULL",
    )[0][0]
    assert sum(int(v) for *_, v in cells) == themed
    # months, or quarters when the corpus spans more than 36 months
    by_quarter = any(re.fullmatch(r"\d{4}-Q[1-4]", col) for _, col, _ in cells)
    month_n = query(
        warehouse,
        "SELECT count(*) FROM analytics.meeting_themes JOIN analytics.meetings USING (meeting_id) "
        "WHERE theme = 'trade_investment' AND strftime(coalesce(meeting_date, published_date), '%Y-%m') "
        + ("BETWEEN '2024-01' AND '2024-03'" if by_quarter else "= '2024-03'"),
    )[0][0]
    column = "2024-Q1" if by_quarter else "2024-03"
    assert month_n > 0 and ("Trade and investment", column, str(month_n)) in cells
    dq = re.findall(r'data-series="([^"]*)" data-value="(\d+)"', chart(html, "dq-history"))
    assert dq == [("expectations passed", "31")]  # one load, nothing failed (a zero draws no bar)


def test_report_links_the_data_docs_of_the_last_run(corpus):
    docs = corpus["warehouse"].parent / "data_docs"
    links = dict(re.findall(r'<a href="(data_docs/[^"]+)">([a-z_]+)</a>', corpus["html"]))
    assert sorted(links.values()) == ["articles", "index", "meeting_themes", "meetings", "participants"]
    index = (docs / "index.html").read_text(encoding="utf-8")
    for href, label in links.items():
        page = (corpus["warehouse"].parent / href).read_text(encoding="utf-8")
        if label != "index":
            assert href.removeprefix("data_docs/") in index  # the index lists the same pages
            assert f"Validations / {label} /" in re.sub(r"<[^>]+>|\s+", " ", page).replace("  ", " ")
            assert "Expectation Validation Result" in page and "Succeeded" in page


def test_report_without_a_warehouse_says_so(tmp_path: Path, capsys):
    assert main(["report", "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert capsys.readouterr().err.startswith("meetings: no warehouse at ")
    assert not (tmp_path / "report.html").exists()


@pytest.mark.slow
def test_run_on_a_terminal_shows_each_stage_with_a_tick(prefect_harness, tmp_path: Path, monkeypatch, capsys):
    from rich.console import Console

    import flows.console
    import flows.pipeline as pipeline

    monkeypatch.setattr(pipeline, "run_transform", stub_transform)
    monkeypatch.setattr(pipeline, "load_reference_data", lambda reference_dir: None)
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=100, color_system=None)
    monkeypatch.setattr(flows.console, "stderr_console", lambda: terminal)
    args = ["run", "--input", str(write_inputs(tmp_path / "in")), "--warehouse", str(tmp_path / "w.duckdb")]
    assert main(args) == 0
    # The last redraw of the live display: one line per stage, each ticked, with its time.
    last = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue().split("\x1b[2K")[-1])
    lines = [line.split() for line in last.strip().splitlines()]
    assert [line[:2] for line in lines] == [["✓", stage] for stage in STAGES]
    assert all(len(line) == 3 and re.fullmatch(r"\d:\d\d:\d\d", line[2]) for line in lines)
    assert capsys.readouterr().out.startswith("load ")

    # --quiet (cron) and json logs: no live display, even on a terminal.
    from flows import observe

    for log_format, quiet in (("text", True), ("json", False)):
        with flows.console.run_display(log_format, quiet=quiet):
            assert observe._listeners == []


def test_charts_scale_bars_and_shade_cells():
    svg = charts.hbar(
        [("Germany (DE)", 4), ("Italy (IT)", 2)], "c", "Countries", "#000", width=300, label_width=100
    )
    widths = [float(w) for w in re.findall(r'<rect x="100" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths == [156.0, 78.0]  # 300 - 100 - 44 for the longest bar, half of it for half the value
    assert charts.nice_ticks(4) == [0, 1, 2, 3, 4] and charts.nice_ticks(31) == [0, 10, 20, 30, 40]
    grid = charts.heatmap(["a", "b"], ["x", "y"], {("a", "x"): 2, ("b", "y"): 1}, "h", "Heat")
    fills = {
        col: fill for fill, col in re.findall(r'fill="(#[0-9a-f]{6})" data-row="a" data-col="(\w)"', grid)
    }
    assert fills == {"x": "#173f7a", "y": "#f5f7fa"}  # the largest value darkest, an empty cell grey
    assert "No data yet" in charts.columns([], [], "e", "Empty")
    assert charts.clip("International Monetary Fund", 100) == "International…"


def test_month_range_and_quarters():
    assert month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [quarter(m) for m in ("2024-01", "2024-03", "2024-04", "2024-12")] == [
        "2024-Q1",
        "2024-Q1",
        "2024-Q2",
        "2024-Q4",
    ]
