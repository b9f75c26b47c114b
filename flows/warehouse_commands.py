"""`meetings export`, `meetings docs` and `meetings contracts`: the warehouse's interface to BI tools
and the model contracts' upkeep. Registered on the `meetings` parser by flows/cli.py.

Exit codes as for the other commands: 0 success, 1 failure (one paragraph on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flows.settings import Settings

EXPORT_FORMATS = ("parquet",)  # flows/export.py FORMATS, without importing duckdb for --help


def add_parsers(commands: argparse._SubParsersAction, defaults: Settings) -> None:
    export = commands.add_parser(
        "export", help="write every latest analytics model as a file (Parquet) for file-based BI tools"
    )
    export.add_argument("directory", type=Path, help="folder for <model>.parquet files (created if missing)")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="parquet")
    export.add_argument(
        "--warehouse", type=Path, default=None, help=f"DuckDB file; default {defaults.warehouse}"
    )

    docs = commands.add_parser("docs", help="regenerate the data dictionary from the model contracts")
    docs.add_argument("--check", action="store_true", help="write nothing; exit 1 when the file is stale")
    docs.add_argument("--output", type=Path, default=None, help=f"default {defaults.dictionary}")

    contracts = commands.add_parser(
        "contracts", help="check model contracts against the released ones in sql/contracts.lock"
    )
    contracts.add_argument(
        "--release", action="store_true", help="add the versions not released yet to sql/contracts.lock"
    )


def _fail(message: str) -> int:
    print(f"meetings: {message}", file=sys.stderr)
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    from flows.export import ExportError, export

    warehouse = Settings().with_overrides(warehouse=args.warehouse).warehouse
    try:
        written = export(warehouse, args.directory, args.format)
    except ExportError as exc:
        return _fail(str(exc))
    for item in written:
        print(f"{item.path}  {item.rows} rows")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from flows import dictionary
    from flows.models import ModelError

    settings = Settings().with_overrides(dictionary=args.output)
    try:
        if args.check:
            if dictionary.is_current(settings.sql_dir, settings.dictionary):
                return 0
            return _fail(
                f"{settings.dictionary} is stale: run `meetings docs` (or `make docs`) and commit it"
            )
        changed = dictionary.write(settings.sql_dir, settings.dictionary)
    except ModelError as exc:
        return _fail(str(exc))
    print(f"{settings.dictionary} {'written' if changed else 'already up to date'}")
    return 0


def cmd_contracts(args: argparse.Namespace) -> int:
    from flows import contracts
    from flows.models import ModelError, discover_models

    sql_dir = Settings().sql_dir
    try:
        models = discover_models(sql_dir)
        missing = [m for m in models if m.contract is None]
        if missing:
            return _fail("model(s) without a contract: " + ", ".join(str(m.path) for m in missing))
        found = {m.node: m.contract for m in models}
        if args.release:
            for key in contracts.release(sql_dir, found):
                print(f"released {key}")
        lock = contracts.read_lock(sql_dir)
        problems, unreleased = [], []
        for (name, version), contract in sorted(found.items()):
            try:
                contracts.check_released(name, version, contract, lock)
            except contracts.ContractError as exc:
                problems.append(str(exc))
                continue
            released = contracts.lock_key(name, version) in lock
            print(f"{name} v{version}: {'released' if released else 'NOT RELEASED'}")
            if not released:
                unreleased.append(f"{name} v{version}")
    except (ModelError, contracts.ContractError) as exc:
        return _fail(str(exc))
    if unreleased:
        problems.append(
            f"not released: {', '.join(unreleased)}; run `meetings contracts --release` and commit "
            f"{sql_dir / contracts.LOCK_NAME}"
        )
    if problems:
        return _fail(" ".join(problems))
    return 0


HANDLERS = {"export": cmd_export, "docs": cmd_docs, "contracts": cmd_contracts}
