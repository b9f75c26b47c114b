"""Helpers for comparing warehouses: every core table and every analytics view, rows sorted."""

from __future__ import annotations

from pathlib import Path

import duckdb


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """{schema.table: sorted rows} for core.* and analytics.* (meta holds per-run bookkeeping)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = con.execute(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE schema_name = 'core' "
            "UNION ALL SELECT schema_name || '.' || view_name FROM duckdb_views() "
            "WHERE schema_name = 'analytics' ORDER BY 1"
        ).fetchall()
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall() for (name,) in names}
    finally:
        con.close()
