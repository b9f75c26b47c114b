"""`meetings report`: one self-contained HTML page about the published warehouse.

Charts are inline SVG (flows/charts.py) and the styles are inline too: the page needs no network
and no other file to be viewed, mailed or archived. It links to the GX Data Docs of the last run
when they sit beside the warehouse.

Charts (id: what, grain of its data):
- meetings-per-month: meetings per calendar month of the meeting date (the publication date when
  the meeting date is unknown), every month of the range shown, empty ones included;
- counterpart-countries: meetings per counterpart country or region (a meeting with two counts
  for both), top 15;
- counterpart-organisations: meetings per counterpart organisation, top 10;
- theme-month-heatmap: meetings per theme per month with meetings (per quarter beyond 36 months);
- top-hosts / top-guests: meetings per person on that side (leads and members), top 10;
- dq-history: expectations passed and failed per published load (meta.dq_results), last 30.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows import charts
from flows.settings import Settings
from flows.validate import SUITES

BLUE, GREEN, PURPLE, ORANGE, RED = "#4e79a7", "#59a14f", "#b07aa1", "#f28e2b", "#e15759"
MAX_HEATMAP_MONTHS = 36
DQ_LOADS = 30


class ReportError(RuntimeError):
    """The report can't be written (no warehouse, or one without the expected tables)."""


@dataclass(frozen=True)
class Written:
    path: Path
    charts: list[str]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def country_names(reference_dir: Path) -> dict[str, str]:
    path = Path(reference_dir) / "countries.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {row["iso2"]: row["name"] for row in csv.DictReader(f)}


def month_range(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last inclusive."""
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def quarter(month: str) -> str:
    year, m = month.split("-")
    return f"{year}-Q{(int(m) - 1) // 3 + 1}"


DAY = "coalesce(m.meeting_date, m.published_date)"


def gather(con: duckdb.DuckDBPyConnection, settings: Settings) -> dict:
    """Everything the page shows, as plain Python values."""
    names = country_names(settings.reference_dir)
    data: dict = {}
    data["kpis"] = _rows(
        con,
        "SELECT (SELECT count(*) FROM analytics.meetings), (SELECT count(*) FROM core.articles), "
        "(SELECT count(*) FROM analytics.participants), "
        "(SELECT count(DISTINCT c) FROM (SELECT unnest(counterpart_countries) c FROM analytics.meetings)), "
        "(SELECT count(DISTINCT theme) FROM analytics.meeting_themes), (SELECT count(*) FROM meta.loads)",
    )[0]
    data["last_load"] = _rows(
        con, "SELECT load_id, started_at, status FROM meta.loads ORDER BY started_at DESC LIMIT 1"
    )
    per_month = dict(
        _rows(
            con,
            f"SELECT strftime({DAY}, '%Y-%m'), count(*) FROM analytics.meetings m "
            f"WHERE {DAY} IS NOT NULL GROUP BY 1",
        )
    )
    data["undated"] = _rows(con, f"SELECT count(*) FROM analytics.meetings m WHERE {DAY} IS NULL")[0][0]
    months = month_range(min(per_month), max(per_month)) if per_month else []
    data["months"] = [(month, per_month.get(month, 0)) for month in months]
    data["countries"] = [
        (f"{names.get(code, code)} ({code})", n)
        for code, n in _rows(
            con,
            "SELECT c, count(*) n FROM (SELECT unnest(counterpart_countries) c FROM analytics.meetings) "
            "GROUP BY c ORDER BY n DESC, c LIMIT 15",
        )
    ]
    data["organisations"] = _rows(
        con,
        "SELECT counterpart_org, count(*) n FROM analytics.meetings WHERE counterpart_org IS NOT NULL "
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10",
    )
    theme_months = _rows(
        con,
        f"SELECT coalesce(t.label, mt.theme), strftime({DAY}, '%Y-%m'), count(DISTINCT m.meeting_id) "
        "FROM analytics.meeting_themes mt JOIN analytics.meetings m USING (meeting_id) "
        "LEFT JOIN analytics.themes t ON t.code = mt.theme "
        f"WHERE {DAY} IS NOT NULL GROUP BY ALL",
    )
    columns = sorted(per_month)
    bucket = (lambda month: month) if len(columns) <= MAX_HEATMAP_MONTHS else quarter
    cells: dict[tuple[str, str], int] = {}
    totals: dict[str, int] = {}
    for label, month, n in theme_months:
        cells[(label, bucket(month))] = cells.get((label, bucket(month)), 0) + n
        totals[label] = totals.get(label, 0) + n
    data["heatmap"] = (
        sorted(totals, key=lambda label: (-totals[label], label)),
        list(dict.fromkeys(bucket(month) for month in columns)),
        cells,
        "month" if bucket is not quarter else "quarter",
    )
    for side in ("host", "guest"):
        data[side] = [
            (_person_label(name, title, country), n)
            for name, title, country, n in _rows(
                con,
                "SELECT person_name, mode(title), mode(country), count(DISTINCT meeting_id) n "
                "FROM analytics.participants WHERE side = ? GROUP BY person_name "
                "ORDER BY n DESC, person_name LIMIT 10",
                [side],
            )
        ]
    data["loads"] = _rows(
        con,
        "SELECT l.load_id, l.started_at, l.status, l.files_seen, l.articles_new, l.rejects, "
        "count(d.expectation) FILTER (WHERE d.success), count(d.expectation) FILTER (WHERE NOT d.success) "
        "FROM meta.loads l LEFT JOIN meta.dq_results d USING (load_id) GROUP BY ALL "
        "ORDER BY l.started_at DESC LIMIT ?",
        [DQ_LOADS],
    )[::-1]
    return data


def _person_label(name: str, title: str | None, country: str | None) -> str:
    details = ", ".join(part for part in (title, country) if part)
    return f"{name} ({details})" if details else name


def render_charts(data: dict) -> dict[str, str]:
    """Chart id -> SVG text."""
    months = data["months"]
    if len(months) <= 24:  # short range: label every other month
        month_ticks = {i: m for i, (m, _) in enumerate(months) if i % 2 == 0}
    else:  # long range: label each January with its year
        month_ticks = {i: m[:4] for i, (m, _) in enumerate(months) if m.endswith("-01")}
    rows, cols, cells, unit = data["heatmap"]
    loads = data["loads"]
    return {
        "meetings-per-month": charts.columns(
            [m for m, _ in months],
            [charts.Series("meetings", BLUE, [n for _, n in months])],
            "meetings-per-month",
            "Meetings per month",
            tick_labels=month_ticks,
        ),
        "counterpart-countries": charts.hbar(
            data["countries"], "counterpart-countries", "Top counterpart countries and regions", GREEN
        ),
        "counterpart-organisations": charts.hbar(
            data["organisations"],
            "counterpart-organisations",
            "Counterpart organisations",
            PURPLE,
            label_width=230,
        ),
        "theme-month-heatmap": charts.heatmap(
            rows, cols, cells, "theme-month-heatmap", f"Meetings per theme and {unit}", label_width=270
        ),
        "top-hosts": charts.hbar(data["host"], "top-hosts", "Most frequent hosts", BLUE, label_width=260),
        "top-guests": charts.hbar(
            data["guest"], "top-guests", "Most frequent guests", ORANGE, label_width=260
        ),
        "dq-history": charts.columns(
            [f"{started:%m-%d %H:%M}" for _, started, *_ in loads],
            [
                charts.Series("expectations passed", GREEN, [row[6] for row in loads]),
                charts.Series("expectations failed", RED, [row[7] for row in loads]),
            ],
            "dq-history",
            "Data-quality results per load",
            height=220,
        ),
    }


STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #1f2933; background: #f5f7fa; margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 4px; }
p.meta, p.note { color: #616e7c; margin: 0 0 12px; font-size: 13px; }
section { background: #fff; border: 1px solid #e4e7eb; border-radius: 8px; padding: 16px 18px; margin: 14px 0; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin: 16px 0; }
.kpi { background: #fff; border: 1px solid #e4e7eb; border-radius: 8px; padding: 10px 12px; }
.kpi b { display: block; font-size: 22px; }
.kpi span { color: #616e7c; font-size: 12px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.pair section { margin: 0; }
table { border-collapse: collapse; font-size: 12px; margin-top: 10px; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e4e7eb; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table + p.note { margin: 12px 0 0; }
a { color: #2d5f8b; }
@media (max-width: 760px) { .pair, .kpis { grid-template-columns: 1fr 1fr; } }
"""


def _section(title: str, note: str, svg: str, extra: str = "") -> str:
    note_html = f'<p class="note">{note}</p>' if note else ""
    return f"<section><h2>{charts.esc(title)}</h2>{note_html}{svg}{extra}</section>"


def _loads_table(loads: list[tuple]) -> str:
    head = (
        "<tr><th>load</th><th>started (UTC)</th><th>status</th><th class=n>files</th>"
        "<th class=n>new articles</th><th class=n>rejects</th><th class=n>expectations passed</th></tr>"
    )
    body = "".join(
        f"<tr><td>{charts.esc(load_id)}</td><td>{started:%Y-%m-%d %H:%M}</td><td>{charts.esc(status)}</td>"
        f"<td class=n>{files}</td><td class=n>{new}</td><td class=n>{rejects}</td>"
        f"<td class=n>{passed} of {passed + failed}</td></tr>"
        for load_id, started, status, files, new, rejects, passed, failed in reversed(loads[-10:])
    )
    return f"<table>{head}{body}</table>"


def data_docs_links(docs_dir: Path, relative_to: Path) -> list[tuple[str, str]]:
    """(label, relative href) of the Data Docs index and of each suite's validation page.

    The index lists its pages with JavaScript from public CDNs (empty offline); the validation
    pages read fine without network, so the report links them directly.
    """
    index = docs_dir / "index.html"
    if not index.exists():
        return []
    links = [("index", os.path.relpath(index, relative_to))]
    for suite in SUITES:
        pages = sorted((docs_dir / "validations" / suite).rglob("*.html"))
        if pages:
            links.append((suite, os.path.relpath(pages[-1], relative_to)))
    return links


def render_page(data: dict, svgs: dict[str, str], warehouse: Path, docs_links: list[tuple[str, str]]) -> str:
    meetings, articles, participants, countries, themes, loads = data["kpis"]
    kpis = "".join(
        f'<div class="kpi"><b>{value:,}</b><span>{label}</span></div>'
        for value, label in (
            (meetings, "meetings"),
            (articles, "articles"),
            (participants, "participants"),
            (countries, "countries and regions"),
            (themes, "themes raised"),
            (loads, "loads"),
        )
    )
    last = data["last_load"]
    last_text = (
        f"last load {charts.esc(last[0][0])} at {last[0][1]:%Y-%m-%d %H:%M} UTC ({charts.esc(last[0][2])})"
        if last
        else "no load yet"
    )
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    undated = data["undated"]
    month_note = "By meeting date, or publication date when the meeting date is unknown." + (
        f" {undated} meeting(s) with neither date are not shown." if undated else ""
    )
    rows, _, _, unit = data["heatmap"]
    docs = (
        '<p class="note">GX Data Docs of the last run, expectation by expectation: '
        + " · ".join(f'<a href="{charts.esc(href)}">{charts.esc(label)}</a>' for label, href in docs_links)
        + " (the index needs network for its page list; the suite pages read fine offline).</p>"
        if docs_links
        else ""
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Meetings warehouse report</title><style>{STYLE}</style></head><body><main>",
        "<h1>Meetings warehouse</h1>",
        f'<p class="meta">Generated {generated} from <code>{charts.esc(warehouse)}</code>; {last_text}.</p>',
        f'<div class="kpis">{kpis}</div>',
        _section("Meetings per month", month_note, svgs["meetings-per-month"]),
        '<div class="pair">',
        _section(
            "Top counterpart countries and regions",
            "Meetings per country or region of the guest side.",
            svgs["counterpart-countries"],
        ),
        _section(
            "Counterpart organisations",
            "Meetings per company or international organisation of the guest side.",
            svgs["counterpart-organisations"],
        ),
        "</div>",
        _section(
            f"Themes by {unit}",
            f"Meetings that raised each theme, per {unit} with meetings; {len(rows)} themes raised.",
            svgs["theme-month-heatmap"],
        ),
        '<div class="pair">',
        _section("Most frequent hosts", "Meetings per person on the host side.", svgs["top-hosts"]),
        _section("Most frequent guests", "Meetings per person on the guest side.", svgs["top-guests"]),
        "</div>",
        _section(
            "Data-quality history",
            "Great Expectations results recorded with each published load (meta.dq_results).",
            svgs["dq-history"],
            _loads_table(data["loads"]) + docs,
        ),
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_report(warehouse: Path, output: Path, settings: Settings | None = None) -> Written:
    """Write the page to `output` (atomically: readers never see half a page)."""
    settings = settings or Settings()
    warehouse, output = Path(warehouse), Path(output)
    if not warehouse.exists():
        raise ReportError(f"no warehouse at {warehouse}: run `meetings run` first (or pass --warehouse)")
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        raise ReportError(f"cannot open {warehouse} read-only: {exc}") from exc
    try:
        data = gather(con, settings)
    except duckdb.CatalogException as exc:
        raise ReportError(f"{warehouse} is not a complete warehouse: {exc}") from exc
    finally:
        con.close()
    svgs = render_charts(data)
    links = data_docs_links(settings.with_overrides(warehouse=warehouse).data_docs_dir, output.parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.tmp-{os.getpid()}")
    partial.write_text(render_page(data, svgs, warehouse, links), encoding="utf-8")
    os.replace(partial, output)
    return Written(path=output, charts=list(svgs))
