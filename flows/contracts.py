"""Model contracts: the YAML file beside each versioned SQL model, and the lock of released ones.

`sql/<folder>/<name>.v<N>.yml` states what the view `analytics.<name>_v<N>` promises (dbt style):

    description: what the model is for (becomes the view's COMMENT)
    grain: one row per ...
    unique_key: [column, ...]      # optional: the build checks that no two rows share it
    deprecation_date: 2026-06-30   # optional: after this day the version may be removed
    columns:                       # in order; every column of the view, nothing else
      - name: meeting_id
        data_type: VARCHAR
        description: ...           # becomes the column's COMMENT

The build compares each view's columns (names, order, DuckDB types) with its contract and fails
naming the model and the column. `sql/contracts.lock` (committed) holds the columns of every
released version with their checksum: a released version's columns can't change, so a change of
columns is a new version file. Descriptions and deprecation_date may change at any time.
`meetings contracts --release` adds the versions that are not in the lock yet.

`sql/sources.yml` documents the tables the pipeline writes (core.*, meta.*) the same way; they are
commented in the warehouse and listed in the data dictionary, but are not versioned.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import yaml

LOCK_NAME = "contracts.lock"
SOURCES_NAME = "sources.yml"
LOCK_HEADER = (
    "# Released model contracts: the columns each released version promises, in order, and their\n"
    "# checksum. Written by `meetings contracts --release`. Never edit an entry: a change of columns\n"
    "# is a new version file (<name>.v<N+1>.sql and .yml); the old version stays until removed.\n"
)
CONTRACT_KEYS = {"description", "grain", "unique_key", "deprecation_date", "columns"}
COLUMN_KEYS = {"name", "data_type", "description"}
SOURCE_RE = re.compile(r"^(core|meta)\.[a-z][a-z0-9_]*$")
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it: 10x faster


class ContractError(ValueError):
    """A contract file that can't be read, or a relation that doesn't keep its contract."""


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str  # canonical DuckDB spelling ("VARCHAR", "VARCHAR[]", "BIGINT")
    description: str

    @property
    def signature(self) -> str:
        return f"{self.name} {self.data_type}"


@dataclass(frozen=True)
class Contract:
    """What one relation promises. For a model `label` is `<name> v<N>`, for a source `core.x`."""

    label: str
    path: Path
    description: str
    grain: str
    columns: tuple[Column, ...]
    unique_key: tuple[str, ...] = ()
    deprecation_date: dt.date | None = None

    @property
    def signatures(self) -> list[str]:
        return [c.signature for c in self.columns]

    @property
    def checksum(self) -> str:
        return columns_checksum(self.signatures)


def columns_checksum(signatures: list[str]) -> str:
    return "sha256:" + hashlib.sha256("\n".join(signatures).encode("utf-8")).hexdigest()


@functools.cache
def canonical_type(data_type: str) -> str:
    """DuckDB's own spelling of a type ("text" -> "VARCHAR", "int" -> "INTEGER")."""
    if not re.fullmatch(r"[A-Za-z0-9_ ,()\[\]\"]+", data_type or ""):
        raise ContractError(f"not a DuckDB type: {data_type!r}")
    con = duckdb.connect()
    try:
        return con.execute(f"DESCRIBE SELECT CAST(NULL AS {data_type}) AS c").fetchall()[0][1]
    except duckdb.Error as exc:
        raise ContractError(f"not a DuckDB type: {data_type!r} ({exc})") from exc
    finally:
        con.close()


def _text(value: object, what: str, path: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContractError(f"{path}: {what} must be a non-empty text")
    return " ".join(value.split())


def _date(value: object, path: Path) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ContractError(f"{path}: deprecation_date must be a date (YYYY-MM-DD), got {value!r}") from exc


def _columns(raw: object, path: Path) -> tuple[Column, ...]:
    if not isinstance(raw, list) or not raw:
        raise ContractError(f"{path}: columns must be a non-empty list")
    columns, seen = [], set()
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or set(item) - COLUMN_KEYS:
            raise ContractError(f"{path}: column {i} must have name, data_type and description only")
        name = _text(item.get("name"), f"column {i} name", path)
        if name in seen:
            raise ContractError(f"{path}: column {name} is listed twice")
        seen.add(name)
        written = _text(item.get("data_type"), f"column {name} data_type", path)
        try:
            data_type = canonical_type(written)
        except ContractError as exc:
            raise ContractError(f"{path}: column {name}: {exc}") from exc
        columns.append(
            Column(name, data_type, _text(item.get("description"), f"column {name} description", path))
        )
    return tuple(columns)


def _contract(label: str, raw: object, path: Path) -> Contract:
    if not isinstance(raw, dict):
        raise ContractError(f"{path}: expected a mapping with description, grain and columns")
    unknown = set(raw) - CONTRACT_KEYS
    if unknown:
        raise ContractError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    columns = _columns(raw.get("columns"), path)
    key = raw.get("unique_key") or []
    if isinstance(key, str):
        key = [key]
    missing = [k for k in key if k not in {c.name for c in columns}]
    if missing:
        raise ContractError(f"{path}: unique_key column(s) {', '.join(missing)} are not columns")
    return Contract(
        label=label,
        path=path,
        description=_text(raw.get("description"), "description", path),
        grain=_text(raw.get("grain"), "grain", path),
        columns=columns,
        unique_key=tuple(key),
        deprecation_date=_date(raw.get("deprecation_date"), path),
    )


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ContractError(f"{path}: not valid YAML: {exc}") from exc


def load_contract(path: Path, name: str, version: int) -> Contract:
    """The contract of model `name` version `version` from its YAML file."""
    return _contract(f"{name} v{version}", _read_yaml(path), path)


def load_sources(sql_dir: Path) -> list[Contract]:
    """The documented core/meta tables from sql/sources.yml (none when the file is absent)."""
    path = Path(sql_dir) / SOURCES_NAME
    if not path.exists():
        return []
    raw = _read_yaml(path) or {}
    if not isinstance(raw, dict):
        raise ContractError(f"{path}: expected a mapping of schema.table to its description")
    sources = []
    for table, body in raw.items():
        if not SOURCE_RE.match(str(table)):
            raise ContractError(f"{path}: {table} is not a core.<table> or meta.<table> name")
        sources.append(_contract(str(table), body, path))
    return sources


def column_differences(
    expected: list[tuple[str, str]], actual: list[tuple[str, str]], reference: str = "the contract"
) -> list[str]:
    """What differs between the expected (name, type) columns and the actual ones, column by column."""
    expected_types, actual_types = dict(expected), dict(actual)
    problems = [f"column {n} ({t}) is missing" for n, t in expected if n not in actual_types]
    problems += [f"column {n} ({t}) is not in {reference}" for n, t in actual if n not in expected_types]
    problems += [
        f"column {n} is {actual_types[n]}, {reference} says {t}"
        for n, t in expected
        if n in actual_types and actual_types[n] != t
    ]
    if not problems:
        order = [n for n, _ in expected]
        for position, (name, _) in enumerate(actual, 1):
            if order[position - 1] != name:
                problems.append(
                    f"column {name} is at position {position}, {reference} has it at {order.index(name) + 1}"
                )
                break
    return problems


def _pairs(signatures: list[str]) -> list[tuple[str, str]]:
    return [tuple(s.split(" ", 1)) for s in signatures]  # type: ignore[misc]


def relation_columns(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> list[tuple[str, str]]:
    """(name, type) of a table's or view's columns in order; empty when there is no such relation."""
    try:
        rows = con.execute(f"DESCRIBE {_ident(schema)}.{_ident(name)}").fetchall()
    except duckdb.CatalogException:
        return []  # DESCRIBE, unlike duckdb_columns(), binds only this relation: 10x faster here
    return [(row[0], row[1]) for row in rows]


def check_relation(con: duckdb.DuckDBPyConnection, contract: Contract, schema: str, relation: str) -> None:
    """Fail unless `schema.relation` has exactly the contract's columns, in order, with its types."""
    actual = relation_columns(con, schema, relation)
    problems = column_differences([(c.name, c.data_type) for c in contract.columns], actual)
    if problems:
        raise ContractError(
            f"model {contract.label} ({schema}.{relation}) does not match its contract {contract.path.name}: "
            + "; ".join(problems)
        )
    if contract.unique_key:
        cols = ", ".join(_ident(c) for c in contract.unique_key)
        dupes = con.execute(
            f"SELECT count(*) FROM (SELECT {cols} FROM {schema}.{_ident(relation)} GROUP BY ALL HAVING count(*) > 1)"
        ).fetchall()[0][0]
        if dupes:
            raise ContractError(
                f"model {contract.label} ({schema}.{relation}): {dupes} value(s) of its unique_key "
                f"({', '.join(contract.unique_key)}) occur more than once; the grain is {contract.grain}"
            )


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- the lock of released contracts -------------------------------------------------------------


def lock_key(name: str, version: int) -> str:
    return f"{name}.v{version}"


def read_lock(sql_dir: Path) -> dict[str, dict]:
    """Released versions: `<name>.v<N>` -> {checksum, columns}. Entries edited by hand are refused."""
    path = Path(sql_dir) / LOCK_NAME
    if not path.exists():
        return {}
    raw = _read_yaml(path) or {}
    if not isinstance(raw, dict):
        raise ContractError(f"{path}: expected a mapping of <name>.v<N> to checksum and columns")
    for key, entry in raw.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("columns"), list):
            raise ContractError(f"{path}: entry {key} must have checksum and columns")
        if columns_checksum(entry["columns"]) != entry.get("checksum"):
            raise ContractError(
                f"{path}: entry {key} does not match its checksum: released entries must not be edited"
            )
    return raw


def check_released(name: str, version: int, contract: Contract, lock: dict[str, dict]) -> None:
    """Fail when a released version's contract no longer has the columns it was released with."""
    entry = lock.get(lock_key(name, version))
    if entry is None or entry["checksum"] == contract.checksum:
        return
    released = _pairs(entry["columns"])
    problems = column_differences(
        released, [(c.name, c.data_type) for c in contract.columns], reference="the released version"
    )
    raise ContractError(
        f"contract of released model {name} v{version} ({contract.path.name}) was changed: "
        + "; ".join(problems or ["columns differ from sql/contracts.lock"])
        + f". A released version's columns can't change: add {name}.v{version + 1}.sql and "
        f"{name}.v{version + 1}.yml instead (and set a deprecation_date on v{version})."
    )


def write_lock(sql_dir: Path, lock: dict[str, dict]) -> Path:
    path = Path(sql_dir) / LOCK_NAME
    ordered = {
        k: {"checksum": lock[k]["checksum"], "columns": list(lock[k]["columns"])} for k in sorted(lock)
    }
    text = LOCK_HEADER + yaml.safe_dump(ordered, sort_keys=False, default_flow_style=False, width=200)
    path.write_text(text, encoding="utf-8")
    return path


def release(sql_dir: Path, contracts: dict[tuple[str, int], Contract]) -> list[str]:
    """Add every version missing from the lock (after checking the released ones); return their keys."""
    lock = read_lock(sql_dir)
    for (name, version), contract in sorted(contracts.items()):
        check_released(name, version, contract, lock)
    added = []
    for (name, version), contract in sorted(contracts.items()):
        key = lock_key(name, version)
        if key not in lock:
            lock[key] = {"checksum": contract.checksum, "columns": contract.signatures}
            added.append(key)
    if added:
        write_lock(sql_dir, lock)
    return added
