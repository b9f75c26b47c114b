"""The `meetings` console script: `meetings run` (the Prefect flow) and `meetings sql` (read-only query).

`export`, `docs` and `contracts` live in flows/warehouse_commands.py.

Exit codes: 0 success, 1 the run or query failed (the reason is printed as one paragraph on stderr),
2 bad command line (argparse).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from flows import warehouse_commands
from flows.query import FORMATS, QueryError, format_result, run_query
from flows.settings import Settings, configure_prefect_environment


def _parser() -> argparse.ArgumentParser:
    defaults = Settings()
    parser = argparse.ArgumentParser(prog="meetings", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract, transform, validate, load and build models")
    run.add_argument(
        "--input", type=Path, default=None, help=f"folder (recursive) or file; default {defaults.input_path}"
    )
    run.add_argument(
        "--warehouse", type=Path, default=None, help=f"DuckDB file; default {defaults.warehouse}"
    )
    run.add_argument("--full-refresh", action="store_true", help="rebuild core tables from this input only")
    run.add_argument(
        "--prune", action="store_true", help="drop the rows of inputs no longer in --input (default: keep)"
    )
    run.add_argument(
        "--no-wait",
        action="store_true",
        help="fail at once when another run holds the warehouse lock (default: wait for it)",
    )
    run.add_argument("--quiet", action="store_true", help="print a one-line summary only")
    run.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")

    sql = commands.add_parser("sql", help="read-only query of the published warehouse")
    sql.add_argument("query", help='one SQL statement, e.g. "SELECT * FROM analytics.meetings"')
    sql.add_argument(
        "--warehouse", type=Path, default=None, help=f"DuckDB file; default {defaults.warehouse}"
    )
    sql.add_argument("--format", choices=FORMATS, default="table")

    ev = commands.add_parser(
        "eval", help="run on a folder into a temporary warehouse and score it against gold files"
    )
    ev.add_argument("--input", type=Path, required=True, help="folder of articles")
    ev.add_argument(
        "--gold", type=Path, required=True, help="folder of gold JSON files (docs/upstream/GOLD_FORMAT.md)"
    )
    ev.add_argument("--json", type=Path, default=None, help="also write the scores and misses as JSON here")
    warehouse_commands.add_parsers(commands, defaults)
    return parser


def _fail(message: str) -> int:
    print(f"meetings: {message}", file=sys.stderr)
    return 1


def _summary_text(summary: dict, quiet: bool) -> str:
    counts = ("articles", "meetings", "participants", "themes", "rejects")
    if quiet:
        return " ".join(f"{name}={summary[name]}" for name in counts)
    lines = [f"load {summary['load_id']} published to {summary['warehouse']}"]
    lines += [f"  {name:<13}{summary[name]:>8}" for name in counts]
    lines.append(f"  {'new articles':<13}{summary['articles_new']:>8}  (files seen: {summary['files_seen']})")
    lines.append(
        f"  inputs: {summary['articles_new']} new, {summary['articles_changed']} changed, "
        f"{summary['articles_unchanged']} unchanged, {summary['rejects']} rejected; "
        f"{summary['transformed']} article(s) transformed"
    )
    lines.append("  seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in summary["seconds"].items()))
    return "\n".join(lines)


@contextlib.contextmanager
def _prefect_log_level(level: int) -> Iterator[None]:
    """Set Prefect's console log level for one run (it may have been configured at import already)."""
    logger = logging.getLogger("prefect")
    previous = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(previous)


def cmd_run(args: argparse.Namespace) -> int:
    # Prefect logs failures with full tracebacks; by default the one-paragraph reason below is enough.
    level = logging.INFO if args.verbose else logging.CRITICAL
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", logging.getLevelName(level))
    configure_prefect_environment()  # must precede the first prefect import
    from flows.load import LoadError
    from flows.pipeline import meetings_etl
    from flows.validate import ValidationFailed

    settings = Settings().with_overrides(input_path=args.input, warehouse=args.warehouse)
    try:
        with _prefect_log_level(level):
            summary = meetings_etl(
                input_path=str(settings.input_path),
                warehouse=str(settings.warehouse),
                full_refresh=args.full_refresh,
                prune=args.prune,
                wait=not args.no_wait,
            )
    except ValidationFailed as exc:
        return _fail(f"{exc}\n\nNothing was published: {settings.warehouse} is unchanged.")
    except (LoadError, FileNotFoundError, OSError, ValueError) as exc:
        return _fail(f"run failed: {exc}. Nothing was published: {settings.warehouse} is unchanged.")
    except Exception as exc:
        return _fail(
            f"run failed: {type(exc).__name__}: {exc}. Nothing was published: {settings.warehouse} is unchanged."
        )
    print(_summary_text(summary, args.quiet))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    warehouse = Settings().with_overrides(warehouse=args.warehouse).warehouse
    try:
        result = run_query(warehouse, args.query)
    except QueryError as exc:
        return _fail(str(exc))
    if result.columns:
        print(format_result(result, args.format))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    configure_prefect_environment()
    from flows.evaluate import evaluate_folder, report

    try:
        scores = evaluate_folder(args.input, args.gold, args.json)
    except Exception as exc:
        return _fail(f"evaluation failed: {type(exc).__name__}: {exc}")
    print(report(scores))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"run": cmd_run, "sql": cmd_sql, "eval": cmd_eval, **warehouse_commands.HANDLERS}[args.command](
        args
    )


if __name__ == "__main__":
    sys.exit(main())
