"""Build the versioned SQL models in sql/ as views in the `analytics` schema.

A model is one SELECT in a file named `<name>.v<N>.sql` anywhere under sql/ (staging/ and marts/
only organise them), with its contract `<name>.v<N>.yml` beside it (flows/contracts.py). Every
version becomes the view `analytics.<name>_v<N>`; the highest version of each name also becomes
`analytics.<name>`. Models may read other models as `analytics.<name>` (its latest version) or
`analytics.<name>_v<N>`; they are built in that dependency order. Each view is checked against its
contract and commented from it; released contracts are checked against sql/contracts.lock first.

Grain of meta.models: one row per model version per build (load_id, name, version, is_latest,
checksum = sha256 of the SQL file, contract_checksum = of its contract's columns, deprecation_date,
built_at, row_count, path).
"""

from __future__ import annotations

import graphlib
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from flows import comments, contracts
from flows.contracts import Contract, ContractError
from flows.load import append_frame, connect, utc_now

FILE_RE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\.v(?P<version>[1-9][0-9]*)\.sql$")
CONTRACT_RE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\.v(?P<version>[1-9][0-9]*)\.ya?ml$")
VERSIONED_RE = re.compile(r"(?P<name>.+)_v(?P<version>[0-9]+)")
REF_RE = re.compile(r'\banalytics\s*\.\s*"?([A-Za-z_][A-Za-z0-9_]*)"?', re.IGNORECASE)
COMMENT_RE = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)
STRING_RE = re.compile(r"'(?:[^']|'')*'")

MODELS_SCHEMA = {
    "load_id": pl.String,
    "name": pl.String,
    "version": pl.Int32,
    "is_latest": pl.Boolean,
    "checksum": pl.String,
    "built_at": pl.Datetime("us"),
    "row_count": pl.Int64,
    "path": pl.String,
    "contract_checksum": pl.String,
    "deprecation_date": pl.Date,
}
log = logging.getLogger(__name__)


class ModelError(ValueError):
    """A model file that can't be built (name, SQL shape, unknown reference, cycle, SQL error)."""


@dataclass(frozen=True)
class Model:
    name: str
    version: int
    path: Path
    sql: str
    checksum: str
    is_latest: bool = False
    contract: Contract | None = None  # from <name>.v<N>.yml beside the SQL; the build requires it

    @property
    def view(self) -> str:
        return f"{self.name}_v{self.version}"

    @property
    def node(self) -> tuple[str, int]:
        return (self.name, self.version)


def _code_only(sql: str) -> str:
    """The SQL without comments and string literals (neither may declare a dependency)."""
    return STRING_RE.sub("''", COMMENT_RE.sub(" ", sql))


def _select_body(sql: str, path: Path) -> str:
    """The single statement of a model file, without its trailing semicolon."""
    body = sql.strip().rstrip(";").strip()
    code = _code_only(body).strip()
    if ";" in code:
        raise ModelError(f"{path}: a model is one SELECT statement; found several statements")
    if not re.match(r"(?is)^\(?\s*(select|with|from)\b", code):
        raise ModelError(f"{path}: a model must be a SELECT (or WITH ... SELECT) statement")
    return body


def discover_models(sql_dir: Path) -> list[Model]:
    """Every `<name>.v<N>.sql` under sql_dir, with is_latest set on each name's highest version."""
    found: dict[tuple[str, int], Model] = {}
    for path in sorted(Path(sql_dir).rglob("*.sql")):
        match = FILE_RE.match(path.name)
        if not match:
            raise ModelError(f"{path}: model files are named <name>.v<N>.sql (lowercase name, N >= 1)")
        if VERSIONED_RE.fullmatch(match["name"]):
            raise ModelError(f"{path}: a model name must not end in _v<N> (it would read as a version)")
        text = path.read_text(encoding="utf-8")
        model = Model(
            name=match["name"],
            version=int(match["version"]),
            path=path,
            sql=_select_body(text, path),
            checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
        if model.node in found:
            raise ModelError(f"{path}: {model.view} is also defined in {found[model.node].path}")
        found[model.node] = model
    _check_orphan_contracts(sql_dir)
    latest: dict[str, int] = {}
    for name, version in found:
        latest[name] = max(version, latest.get(name, 0))
    return [
        Model(
            m.name,
            m.version,
            m.path,
            m.sql,
            m.checksum,
            is_latest=latest[m.name] == m.version,
            contract=_contract_beside(m),
        )
        for m in sorted(found.values(), key=lambda m: m.node)
    ]


def _contract_beside(model: Model) -> Contract | None:
    path = model.path.with_suffix(".yml")
    if not path.exists():
        return None
    try:
        return contracts.load_contract(path, model.name, model.version)
    except ContractError as exc:
        raise ModelError(str(exc)) from exc


def _check_orphan_contracts(sql_dir: Path) -> None:
    """Refuse a contract without its SQL file, or one spelt .yaml (it would be silently ignored)."""
    for path in sorted(Path(sql_dir).rglob("*.y*ml")):
        match = CONTRACT_RE.match(path.name)
        if not match:
            continue
        if path.suffix == ".yaml":
            raise ModelError(f"{path}: name model contracts <name>.v<N>.yml (not .yaml)")
        sql = path.with_suffix(".sql")
        if not sql.exists():
            raise ModelError(f"{path}: contract without a model: {sql.name} is missing beside it")


def dependencies(model: Model, models: list[Model]) -> set[tuple[str, int]]:
    """The model versions a model reads: `analytics.<name>` is the latest, `<name>_v<N>` that one."""
    latest = {m.name: m.version for m in models if m.is_latest}
    nodes = {m.node for m in models}
    deps = set()
    for ref in REF_RE.findall(_code_only(model.sql)):
        ref = ref.lower()
        versioned = VERSIONED_RE.fullmatch(ref)
        if ref in latest:
            deps.add((ref, latest[ref]))
        elif versioned and (versioned["name"], int(versioned["version"])) in nodes:
            deps.add((versioned["name"], int(versioned["version"])))
        else:
            raise ModelError(f"{model.path}: analytics.{ref} is not a model in sql/")
    deps.discard(model.node)
    return deps


def build_order(models: list[Model]) -> list[Model]:
    """Models sorted so every model comes after the ones it reads (ties in name/version order)."""
    by_node = {m.node: m for m in models}
    sorter = graphlib.TopologicalSorter({m.node: dependencies(m, models) for m in models})
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        cycle = " -> ".join(f"{n}_v{v}" for n, v in exc.args[1])
        raise ModelError(f"models depend on each other in a cycle: {cycle}") from exc
    ordered = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        ordered.extend(by_node[node] for node in ready)
        sorter.done(*ready)
    return ordered


def check_contracts(models: list[Model], sql_dir: Path) -> None:
    """Every model has a contract, and no released contract (sql/contracts.lock) has changed columns."""
    missing = [m for m in models if m.contract is None]
    if missing:
        raise ModelError(
            "model(s) without a contract: "
            + ", ".join(
                f"{m.name} v{m.version} (write {m.path.with_suffix('.yml').name} beside {m.path.name})"
                for m in missing
            )
        )
    try:
        lock = contracts.read_lock(sql_dir)
        for model in models:
            contracts.check_released(model.name, model.version, model.contract, lock)
    except ContractError as exc:
        raise ModelError(str(exc)) from exc


def _warn_deprecated(model: Model) -> None:
    deprecated = model.contract.deprecation_date
    if deprecated and deprecated < utc_now().date():
        log.warning(
            "analytics.%s passed its deprecation date %s: remove %s", model.view, deprecated, model.path
        )


def _last_row_counts(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int, str], int]:
    """(name, version, checksum) -> row_count of the last build recorded in meta.models."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name = 'models'"
    ).fetchall()[0][0]
    if not exists:
        return {}
    rows = con.execute(
        "SELECT name, version, checksum, row_count FROM meta.models "
        "WHERE load_id = (SELECT load_id FROM meta.models ORDER BY built_at DESC LIMIT 1)"
    ).fetchall()
    return {(name, version, checksum): count for name, version, checksum, count in rows}


def build_models(database: Path, sql_dir: Path, load_id: str, reuse_row_counts: bool = False) -> pl.DataFrame:
    """Create or replace every model view in `database`, check each against its contract, comment it,
    record them in meta.models and return those rows. Any failure leaves `database` without changes.

    reuse_row_counts: the caller knows that no core table changed since the last build, so a model
    whose SQL is unchanged (same checksum) keeps its recorded row count instead of being counted
    again (counting runs every view: seconds at 100k articles)."""
    models = build_order(discover_models(sql_dir))
    check_contracts(models, sql_dir)
    latest = {m.name: m.version for m in models if m.is_latest}
    con = connect(database)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE SCHEMA IF NOT EXISTS analytics")
        con.execute("CREATE SCHEMA IF NOT EXISTS meta")
        known = _last_row_counts(con) if reuse_row_counts else {}
        rows = []
        for model in models:
            try:
                con.execute(f"CREATE OR REPLACE VIEW analytics.{model.view} AS\n{model.sql}")
                contracts.check_relation(con, model.contract, "analytics", model.view)
                if model.is_latest:
                    con.execute(
                        f"CREATE OR REPLACE VIEW analytics.{model.name} AS SELECT * FROM analytics.{model.view}"
                    )
                for view, note in comments.model_notes(model.name, model.version, latest[model.name]).items():
                    comments.comment_view(con, model.contract, view, note)
                row_count = known.get((model.name, model.version, model.checksum))
                if row_count is None:
                    row_count = con.execute(f"SELECT count(*) FROM analytics.{model.view}").fetchall()[0][0]
            except ContractError as exc:
                raise ModelError(f"{exc} (SQL: {model.path.relative_to(sql_dir)})") from exc
            except duckdb.Error as exc:
                raise ModelError(f"{model.path}: {exc}") from exc
            _warn_deprecated(model)
            rows.append(
                {
                    "load_id": load_id,
                    "name": model.name,
                    "version": model.version,
                    "is_latest": model.is_latest,
                    "checksum": model.checksum,
                    "built_at": utc_now(),
                    "row_count": row_count,
                    "path": model.path.relative_to(sql_dir).as_posix(),
                    "contract_checksum": model.contract.checksum,
                    "deprecation_date": model.contract.deprecation_date,
                }
            )
        built = pl.DataFrame(rows, schema=MODELS_SCHEMA)
        append_frame(con, "meta", "models", built)
        try:
            comments.comment_sources(con, contracts.load_sources(sql_dir))
        except (ContractError, duckdb.Error) as exc:
            raise ModelError(f"{Path(sql_dir) / contracts.SOURCES_NAME}: {exc}") from exc
        con.execute("COMMIT")
        return built
    finally:
        con.close()
