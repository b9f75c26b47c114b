"""The `meetings` console script: `meetings run` (the Prefect flow) and `meetings sql` (read-only query).

Exit codes: 0 success, 1 the run or query failed (the reason is printed as one paragraph on stderr),
2 bad command line (argparse).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from flows import api_server
from flows.query import FORMATS, QueryError, format_result, run_query
from flows.runners import RUNNERS
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
        "--batch-size", type=int, default=None, help=f"files per batch; default {defaults.batch_size}"
    )
    run.add_argument(
        "--task-runner",
        choices=RUNNERS,
        default="threads",
        help="where batches are extracted and transformed: Prefect's thread pool or a Dask cluster",
    )
    run.add_argument(
        "--dask-address",
        default=None,
        metavar="tcp://HOST:PORT",
        help="Dask scheduler to use with --task-runner dask; default a local cluster",
    )
    run.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    run.add_argument("--quiet", action="store_true", help="print a one-line summary only")
    run.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")

    sql = commands.add_parser("sql", help="read-only query of the published warehouse")
    sql.add_argument("query", help='one SQL statement, e.g. "SELECT * FROM analytics.meetings"')
    sql.add_argument(
        "--warehouse", type=Path, default=None, help=f"DuckDB file; default {defaults.warehouse}"
    )
    sql.add_argument("--format", choices=FORMATS, default="table")
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
    lines.append("  seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in summary["seconds"].items()))
    return "\n".join(lines)


@contextlib.contextmanager
def _prefect_log_level(level: int) -> Iterator[None]:
    """Set Prefect's (and a local Dask cluster's) console log level for one run (it may have been
    configured at import already)."""
    loggers = [logging.getLogger(name) for name in ("prefect", "distributed")]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, before in zip(loggers, previous, strict=True):
            logger.setLevel(before)


def cmd_run(args: argparse.Namespace) -> int:
    # Prefect logs failures with full tracebacks; by default the one-paragraph reason below is enough.
    level = logging.INFO if args.verbose else logging.CRITICAL
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", logging.getLevelName(level))
    configure_prefect_environment()  # must precede the first prefect import
    server = api_server.start_if_needed()  # boots while the imports below run
    return _run(args, level, server)


def _run(args: argparse.Namespace, level: int, server: api_server.TemporaryServer | None) -> int:
    from flows.load import LoadError
    from flows.pipeline import meetings_etl
    from flows.runners import task_runner
    from flows.validate import ValidationFailed

    settings = Settings().with_overrides(input_path=args.input, warehouse=args.warehouse)
    try:
        flow = meetings_etl
        if args.task_runner != "threads" or args.dask_address:
            flow = meetings_etl.with_options(task_runner=task_runner(args.task_runner, args.dask_address))
        if server is not None:
            import great_expectations  # noqa: F401  (the slowest import: done while the server boots)

            server.wait(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
        with _prefect_log_level(level):
            summary = flow(
                input_path=str(settings.input_path),
                warehouse=str(settings.warehouse),
                full_refresh=args.full_refresh,
                batch_size=args.batch_size,
            )
    except ValidationFailed as exc:
        return _fail(f"{exc}\n\nNothing was published: {settings.warehouse} is unchanged.")
    except (LoadError, FileNotFoundError, OSError, ValueError) as exc:
        return _fail(f"run failed: {exc}. Nothing was published: {settings.warehouse} is unchanged.")
    except Exception as exc:
        return _fail(
            f"run failed: {type(exc).__name__}: {exc}. Nothing was published: {settings.warehouse} is unchanged."
        )
    print(json.dumps(summary) if args.json else _summary_text(summary, args.quiet))
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"run": cmd_run, "sql": cmd_sql}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
