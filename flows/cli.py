"""The `meetings` console script: `meetings run` (the Prefect flow) and `meetings sql` (read-only query).

`export`, `docs` and `contracts` live in flows/warehouse_commands.py.
Also `meetings serve` / `meetings deploy` (the scheduled deployment, flows/deployment.py) and
`meetings report` (an HTML page of charts, flows/report.py).

Exit codes: 0 success, 1 the run or query failed (the reason is printed as one paragraph on stderr),
2 bad command line (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from flows import api_server, warehouse_commands
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
        "--prune", action="store_true", help="drop the rows of inputs no longer in --input (default: keep)"
    )
    run.add_argument(
        "--no-wait",
        action="store_true",
        help="fail at once when another run holds the warehouse lock (default: wait for it)",
    )
    run.add_argument(
        "--batch-size", type=int, default=None, help=f"files per batch; default {defaults.batch_size}"
    )
    run.add_argument(
        "--task-runner",
        choices=RUNNERS,
        default=None,
        help=f"where batches are extracted and transformed; default {defaults.task_runner}",
    )
    run.add_argument(
        "--dask-address",
        default=None,
        metavar="tcp://HOST:PORT",
        help="Dask scheduler for --task-runner dask; default a local cluster",
    )
    run.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    run.add_argument("--quiet", action="store_true", help="print a one-line summary only")
    run.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")
    run.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="text: per-stage progress on a terminal; json: one JSON log line per event on stderr",
    )

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

    serve = commands.add_parser(
        "serve", help="serve the scheduled deployment meetings-etl/daily (long-lived)"
    )
    deploy = commands.add_parser("deploy", help="register meetings-etl/daily in a process work pool")
    for sub in (serve, deploy):
        sub.add_argument("--input", type=Path, default=None, help="input parameter of scheduled runs")
        sub.add_argument("--warehouse", type=Path, default=None, help="warehouse parameter of scheduled runs")
        sub.add_argument("--cron", default=None, help=f"schedule; default {defaults.schedule_cron!r}")
        sub.add_argument("--timezone", default=None, help=f"IANA zone; default {defaults.schedule_timezone}")
    deploy.add_argument("--work-pool", default=None, help=f"default {defaults.work_pool}")

    report = commands.add_parser("report", help="write an HTML page of charts about the warehouse")
    report.add_argument(
        "--warehouse", type=Path, default=None, help=f"DuckDB file; default {defaults.warehouse}"
    )
    report.add_argument("--output", type=Path, default=None, help="HTML file; default report.html beside it")
    return parser


def _fail(message: str) -> int:
    print(f"meetings: {message}", file=sys.stderr)
    return 1


def _fail_json(message: str) -> int:
    """`_fail` for `--log-format json`: the reason as one more JSON line, so stderr stays parseable."""
    import json

    print(
        json.dumps({"level": "ERROR", "logger": "meetings", "event": "exit", "message": message}),
        file=sys.stderr,
    )
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


def _at_stage(exc: BaseException) -> str:
    """' (at stage extract)' for an exception that left a stage of the flow (flows/observe.py)."""
    from flows.observe import STAGE_ATTRIBUTE

    stage = getattr(exc, STAGE_ATTRIBUTE, None)
    return f" (at stage {stage})" if stage else ""


def cmd_run(args: argparse.Namespace) -> int:
    configure_prefect_environment()  # must precede the first prefect import
    server = api_server.start_if_needed()  # Prefect's API boots while the imports below run
    from flows.console import run_display
    from flows.load import LoadError
    from flows.pipeline import meetings_etl
    from flows.runners import task_runner
    from flows.validate import ValidationFailed

    settings = Settings().with_overrides(
        input_path=args.input,
        warehouse=args.warehouse,
        task_runner=args.task_runner,
        dask_address=args.dask_address,
    )
    fail = _fail_json if args.log_format == "json" else _fail
    try:
        flow = meetings_etl
        if settings.task_runner != "threads" or settings.dask_address:
            flow = meetings_etl.with_options(
                task_runner=task_runner(settings.task_runner, settings.dask_address or None)
            )
        if server is not None:
            import great_expectations  # noqa: F401  (the slowest import: done while the server boots)

            server.wait(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
        # Prefect logs failures with full tracebacks; on the console the one-paragraph reason is enough.
        with run_display(args.log_format, quiet=args.quiet or args.json, verbose=args.verbose):
            summary = flow(
                input_path=str(settings.input_path),
                warehouse=str(settings.warehouse),
                full_refresh=args.full_refresh,
                batch_size=args.batch_size,
                prune=args.prune,
                wait=not args.no_wait,
            )
    except ValidationFailed as exc:
        return fail(f"{exc}\n\nNothing was published: {settings.warehouse} is unchanged.")
    except (LoadError, FileNotFoundError, OSError, ValueError) as exc:
        return fail(
            f"run failed: {exc}{_at_stage(exc)}. Nothing was published: {settings.warehouse} is unchanged."
        )
    except Exception as exc:
        return fail(
            f"run failed: {type(exc).__name__}: {exc}{_at_stage(exc)}. "
            f"Nothing was published: {settings.warehouse} is unchanged."
        )
    if args.json:
        import json

        print(json.dumps(summary))
    else:
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


def _deployment_settings(args: argparse.Namespace) -> Settings:
    return Settings().with_overrides(
        input_path=args.input,
        warehouse=args.warehouse,
        schedule_cron=args.cron,
        schedule_timezone=args.timezone,
        work_pool=getattr(args, "work_pool", None),
    )


def cmd_serve(args: argparse.Namespace) -> int:
    # A long-lived process: its console (and its runs', which inherit this) shows INFO lines.
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "INFO")
    from flows import deployment

    try:
        deployment.serve(_deployment_settings(args))
    except deployment.NoServer as exc:
        return _fail(str(exc))
    return 0


def cmd_deploy(args: argparse.Namespace) -> int:
    from flows import deployment

    settings = _deployment_settings(args)
    try:
        registered = deployment.deploy(settings)
    except deployment.NoServer as exc:
        return _fail(str(exc))
    print(
        f"registered {deployment.FULL_NAME} ({registered.deployment_id}) at {deployment.api_url()}: "
        f"cron {settings.schedule_cron!r} ({settings.schedule_timezone}), input {settings.input_path}, "
        f"warehouse {settings.warehouse}, work pool {registered.work_pool!r}.\n"
        f"Runs start when a worker polls the pool: prefect worker start --pool {registered.work_pool}"
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from flows.report import ReportError, write_report

    settings = Settings().with_overrides(warehouse=args.warehouse)
    try:
        written = write_report(settings.warehouse, args.output or settings.report_path, settings)
    except ReportError as exc:
        return _fail(str(exc))
    print(f"wrote {written.path}: {len(written.charts)} charts ({', '.join(written.charts)})")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {
        "run": cmd_run,
        "sql": cmd_sql,
        "eval": cmd_eval,
        "serve": cmd_serve,
        "deploy": cmd_deploy,
        "report": cmd_report,
        **warehouse_commands.HANDLERS,
    }
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
