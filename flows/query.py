"""Ad-hoc read-only queries of the published warehouse, formatted for a terminal or a file.

The connection is read-only and has file-system access switched off (locked), so a query can
neither change the warehouse nor write or attach other files.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

FORMATS = ("table", "csv", "json", "markdown")


class QueryError(RuntimeError):
    """A query that can't run; the message says why in one paragraph."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]


def run_query(warehouse: Path, sql: str) -> QueryResult:
    warehouse = Path(warehouse)
    if not warehouse.exists():
        raise QueryError(f"no warehouse at {warehouse}: run `meetings run` first (or pass --warehouse)")
    try:
        con = duckdb.connect(
            str(warehouse),
            read_only=True,
            config={"enable_external_access": False, "lock_configuration": True},
        )
    except duckdb.Error as exc:
        raise QueryError(f"cannot open {warehouse} read-only: {exc}") from exc
    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            return QueryResult(columns=[], rows=[])
        return QueryResult(columns=[d[0] for d in cursor.description], rows=cursor.fetchall())
    except (duckdb.InvalidInputException, duckdb.PermissionException) as exc:
        if "read-only" in str(exc) or "disabled by configuration" in str(exc):
            raise QueryError(
                "refused: `meetings sql` opens the warehouse through a read-only connection, so statements "
                f"that write (INSERT, UPDATE, DELETE, CREATE, COPY, ATTACH ...) are not allowed. DuckDB said: {exc}"
            ) from exc
        raise QueryError(str(exc)) from exc
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from exc
    finally:
        con.close()


def _plain(value: Any) -> Any:
    """JSON-friendly value: dates as ISO text, decimals as floats, lists and structs kept."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | dict):
        return json.dumps(_plain(value), ensure_ascii=False)
    return str(_plain(value))


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(
            [dict(zip(result.columns, map(_plain, row), strict=True)) for row in result.rows], indent=2
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        return buffer.getvalue().rstrip("\n")
    cells = [[_cell(v) for v in row] for row in result.rows]
    if fmt == "markdown":
        escape = [[c.replace("|", "\\|").replace("\n", " ") for c in row] for row in cells]
        lines = [
            "| " + " | ".join(result.columns) + " |",
            "|" + "|".join(" --- " for _ in result.columns) + "|",
        ]
        lines += ["| " + " | ".join(row) + " |" for row in escape]
        return "\n".join(lines)
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return _text_table(result.columns, cells)


def _text_table(columns: list[str], cells: list[list[str]], max_width: int = 60) -> str:
    def clip(text: str) -> str:
        text = text.replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    clipped = [[clip(c) for c in row] for row in cells]
    widths = [max([len(col)] + [len(row[i]) for row in clipped]) for i, col in enumerate(columns)]

    def join(row: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

    count = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
    return "\n".join([join(columns), join(["-" * w for w in widths]), *map(join, clipped), count])
