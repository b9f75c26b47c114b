"""COMMENT ON statements from the contracts, so descriptions reach BI tools through the catalog.

BI tools and SQLAlchemy's inspector read `duckdb_views().comment` and `duckdb_columns().comment`:
every model view (versioned and latest) and every documented core/meta table gets its description,
grain and version status; every column its description.
"""

from __future__ import annotations

import duckdb

from flows.contracts import Contract, relation_columns


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def relation_comment(contract: Contract, note: str = "") -> str:
    """Description, grain, then what this relation is among the model's versions."""
    parts = [sentence(contract.description), sentence(f"Grain: {contract.grain}")]
    if note:
        parts.append(sentence(note))
    if contract.deprecation_date:
        parts.append(f"Deprecated: may be removed after {contract.deprecation_date.isoformat()}.")
    return " ".join(parts)


def model_notes(name: str, version: int, latest: int) -> dict[str, str]:
    """Comment notes per view of one model version: its `_v<N>` view, and the bare name if latest."""
    notes = {f"{name}_v{version}": "" if version == latest else f"Superseded by analytics.{name}_v{latest}"}
    if version == latest:
        notes[name] = f"Latest version of {name}: same rows as analytics.{name}_v{version}"
    return notes


def comment_view(con: duckdb.DuckDBPyConnection, contract: Contract, view: str, note: str) -> None:
    target = f"analytics.{_ident(view)}"
    con.execute(f"COMMENT ON VIEW {target} IS {literal(relation_comment(contract, note))}")
    for column in contract.columns:
        con.execute(f"COMMENT ON COLUMN {target}.{_ident(column.name)} IS {literal(column.description)}")


def comment_sources(con: duckdb.DuckDBPyConnection, sources: list[Contract]) -> None:
    """Comment the documented core/meta tables and those of their columns that exist in this file."""
    for source in sources:
        schema, table = source.label.split(".", 1)
        existing = {name for name, _ in relation_columns(con, schema, table)}
        if not existing:
            continue  # a table this warehouse doesn't have (yet)
        target = f"{schema}.{_ident(table)}"
        con.execute(f"COMMENT ON TABLE {target} IS {literal(relation_comment(source))}")
        for column in source.columns:
            if column.name in existing:
                con.execute(
                    f"COMMENT ON COLUMN {target}.{_ident(column.name)} IS {literal(column.description)}"
                )
