"""The markdown artifact every `meetings-etl` run leaves in Prefect (key `meetings-etl-run`, one
version per run): counts, seconds per stage, rejects, data-quality results and the newest meetings
of a published run; the failed stage and the reason (with the failed expectations) of a failed one.

Details of a published run are read back from the warehouse by load id (meta.rejects,
meta.dq_results, analytics.meetings), so the artifact shows what was actually published.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

ARTIFACT_KEY = "meetings-etl-run"  # lowercase letters, digits and dashes only (Prefect's rule)
MAX_REJECTS = 20
NEWEST_MEETINGS = 10
CELL_CHARS = 90

COUNT_COLUMNS = (
    ("articles", "articles"),
    ("articles_new", "new articles"),
    ("meetings", "meetings"),
    ("participants", "participants"),
    ("themes", "themes"),
    ("agreements", "agreements"),
    ("rejects", "rejects"),
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split()).replace("|", "\\|")
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


NEWEST_SQL = """
SELECT coalesce(m.meeting_date, m.published_date) AS day, m.location,
       string_agg(p.person_name, ', ' ORDER BY p.person_name) FILTER (WHERE p.side = 'host' AND p.role = 'lead'),
       string_agg(p.person_name, ', ' ORDER BY p.person_name) FILTER (WHERE p.side = 'guest' AND p.role = 'lead'),
       array_to_string(m.counterpart_countries, ', '), m.counterpart_org, m.source_file
FROM analytics.meetings m LEFT JOIN analytics.participants p USING (meeting_id)
GROUP BY ALL
ORDER BY day DESC NULLS LAST, m.source_file
LIMIT ?
"""


def success_markdown(summary: dict, warehouse: Path) -> str:
    """The artifact of a published run, with details read from the warehouse it was published to."""
    load_id = summary["load_id"]
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rejects = _query(
            con,
            "SELECT source_file, stage, reason FROM meta.rejects WHERE load_id = ? ORDER BY source_file",
            [load_id],
        )
        dq = _query(
            con,
            "SELECT suite, count(*) FILTER (WHERE success), count(*) FILTER (WHERE NOT success) "
            "FROM meta.dq_results WHERE load_id = ? GROUP BY suite ORDER BY suite",
            [load_id],
        )
        dq_failed = _query(
            con,
            "SELECT suite, expectation, details FROM meta.dq_results WHERE load_id = ? AND NOT success "
            "ORDER BY suite, expectation",
            [load_id],
        )
        newest = _query(con, NEWEST_SQL, [NEWEST_MEETINGS])
    finally:
        con.close()

    passed = sum(row[1] for row in dq)
    total = sum(row[1] + row[2] for row in dq)
    parts = [
        f"# meetings-etl run `{load_id}`: published",
        f"Published to `{summary['warehouse']}` from {summary['files_seen']} input file(s).",
        "## Counts",
        markdown_table([label for _, label in COUNT_COLUMNS], [[summary.get(k) for k, _ in COUNT_COLUMNS]]),
        "## Seconds per stage",
        markdown_table(list(summary["seconds"]), [list(summary["seconds"].values())]),
        f"## Rejects: {len(rejects)}",
    ]
    if rejects:
        parts.append(markdown_table(["file", "stage", "reason"], rejects[:MAX_REJECTS]))
        if len(rejects) > MAX_REJECTS:
            parts.append(f"... and {len(rejects) - MAX_REJECTS} more in `meta.rejects`.")
    parts.append(f"## Data quality: {passed} of {total} expectations passed")
    parts.append(markdown_table(["suite", "passed", "failed"], dq))
    if dq_failed:
        parts.append(markdown_table(["suite", "failed expectation", "details"], dq_failed))
    parts.append(f"## Newest meetings (of {NEWEST_MEETINGS} at most)")
    parts.append(
        markdown_table(["date", "location", "host", "guest", "counterparts", "organisation", "file"], newest)
    )
    return "\n\n".join(parts) + "\n"


def failure_markdown(where: str, exc: BaseException, parameters: dict) -> str:
    """The artifact of a failed run: where it stopped, why, and the failed expectations if any."""
    from flows.observe import first_paragraph

    parts = [
        f"# meetings-etl run failed at {where}",
        f"**{_cell(first_paragraph(exc))}**",
        "Nothing was published: the warehouse is unchanged.",
        "## Parameters",
        markdown_table(["name", "value"], sorted(parameters.items())),
    ]
    failures = getattr(exc, "failures", None)
    if failures:
        rows = []
        for failure in failures:
            counts = (
                f"{failure.unexpected_count} of {failure.element_count}"
                if failure.unexpected_count is not None
                else ""
            )
            examples = json.dumps(failure.sample_values[:3], default=str) if failure.sample_values else ""
            rows.append([failure.suite, failure.expectation, counts, failure.error or examples])
        parts.append(f"## Failed expectations: {len(failures)}")
        parts.append(markdown_table(["suite", "expectation", "failing rows", "examples / error"], rows))
        results = getattr(exc, "results", None)
        if results is not None and results.height:
            passed = int(results.get_column("success").sum())
            parts.append(f"{passed} of {results.height} expectations passed.")
    return "\n\n".join(parts) + "\n"


def _publish(markdown: str, description: str) -> None:
    from prefect.artifacts import create_markdown_artifact

    create_markdown_artifact(markdown=markdown, key=ARTIFACT_KEY, description=description)


def publish_success(summary: dict) -> None:
    markdown = success_markdown(summary, Path(summary["warehouse"]))
    _publish(
        markdown,
        f"load {summary['load_id']}: {summary['meetings']} meetings from {summary['articles']} articles",
    )


def publish_failure(where: str, exc: BaseException, parameters: dict) -> None:
    _publish(failure_markdown(where, exc, parameters), f"failed at {where}")
