"""What `meetings run` shows on stderr while the flow runs.

- `text` on a terminal: a live line per stage (rich): spinner while it runs, ✓ and its time when
  done, ✗ and the reason when it fails. Not on a pipe or with `--quiet` (cron mails stay short).
- `json`: one JSON object per log line of the run (Prefect's run logger), for log shippers.
- `--verbose` (text): Prefect's own console lines at INFO as well.
Prefect's run logs reach its API (the UI) at INFO whatever is shown here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from typing import IO, Any

from flows.observe import StageEvent, listening

LOG_FORMATS = ("text", "json")

# Attributes every LogRecord has: anything else on a record came from `extra=` or Prefect's adapter.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
_SKIPPED = {"send_to_api", "color_message", "worker_id", "name"}


class JsonLineFormatter(logging.Formatter):
    """One compact JSON object per record: time (UTC), level, logger, message, then context fields
    (flow_run_id, flow_run_name, task_run_name, stage, event, counts ...) and any exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in _SKIPPED and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class StageProgress:
    """A rich live display with one line per stage, fed by `flows.observe` stage events."""

    def __init__(self, console) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(finished_text=" "),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self.tasks: dict[str, Any] = {}
        self.starting: Any = None

    def __enter__(self) -> StageProgress:
        # Until the first stage starts Prefect is starting (a temporary server takes seconds).
        self.starting = self.progress.add_task("[dim]starting Prefect[/]", total=None)
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, event: StageEvent) -> None:
        if event.status == "started":
            if self.starting is not None:
                self.progress.remove_task(self.starting)
                self.starting = None
            self.tasks[event.stage] = self.progress.add_task(f"{event.stage:<10}", total=1)
            return
        task = self.tasks.get(event.stage)
        if task is None:
            return
        if event.status == "finished":
            self.progress.update(task, description=f"[green]✓[/] {event.stage:<10}", completed=1)
        else:
            reason = (event.error or "")[:60].replace("[", "\\[")  # the full reason follows the display
            self.progress.update(task, description=f"[red]✗ {event.stage:<10}[/] {reason}", completed=1)


def _console_handlers() -> list[logging.Handler]:
    """Prefect's console handlers (configured on the root logger and a few of its own)."""
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger(), *(logging.getLogger(n) for n in list(logging.root.manager.loggerDict))]
    handlers = []
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, PrefectConsoleHandler) and handler not in handlers:
                handlers.append(handler)
    return handlers


@contextlib.contextmanager
def _console_level(level: int) -> Iterator[None]:
    handlers = _console_handlers()
    previous = [h.level for h in handlers]
    for handler in handlers:
        handler.setLevel(level)
    try:
        yield
    finally:
        for handler, old in zip(handlers, previous, strict=True):
            handler.setLevel(old)


@contextlib.contextmanager
def json_logs(stream: IO[str]) -> Iterator[None]:
    """Prefect's loggers (run logs included) write JSON lines to `stream` at INFO."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLineFormatter())
    handler.setLevel(logging.INFO)
    logger = logging.getLogger("prefect")
    previous = logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@contextlib.contextmanager
def run_display(log_format: str = "text", quiet: bool = False, verbose: bool = False) -> Iterator[None]:
    """Set up stderr for one `meetings run`; the reason for a failure is printed by the caller."""
    with contextlib.ExitStack() as stack:
        if log_format == "json":
            stack.enter_context(_console_level(logging.CRITICAL + 1))
            stack.enter_context(json_logs(sys.stderr))
        else:
            stack.enter_context(_console_level(logging.INFO if verbose else logging.CRITICAL + 1))
            console = stderr_console()
            if not quiet and not verbose and console.is_terminal:
                progress = stack.enter_context(StageProgress(console))
                stack.enter_context(listening(progress))
        yield
