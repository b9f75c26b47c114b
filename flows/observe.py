"""What a `meetings-etl` run tells the people watching it, while it runs and after it ends.

- `stage(name)` wraps one stage of the flow: its start, end and failure go to Prefect's run logger
  (so to the UI and to `--log-format json`) and to listeners (the terminal progress of `meetings
  run`); an exception leaving a stage is tagged with the stage's name.
- `observed` wraps the flow function: a failure ends the run Failed with a state message that names
  the stage, and every run, failed or not, leaves a markdown artifact (flows/run_artifact.py).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

STAGE_ATTRIBUTE = "meetings_stage"  # set on an exception by the stage it left


@dataclass(frozen=True)
class StageEvent:
    stage: str
    status: str  # started | finished | failed
    seconds: float | None = None
    error: str | None = None


Listener = Callable[[StageEvent], None]

_listeners: list[Listener] = []
_listeners_lock = threading.Lock()
# Stages of the current run that have finished, in order (names a failure outside any stage).
_finished: ContextVar[list[str] | None] = ContextVar("meetings_finished_stages", default=None)


@contextlib.contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send every stage event to `listener` while the block runs (any thread's flow)."""
    with _listeners_lock:
        _listeners.append(listener)
    try:
        yield
    finally:
        with _listeners_lock:
            _listeners.remove(listener)


def _emit(event: StageEvent) -> None:
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        # A broken display must never fail a run.
        with contextlib.suppress(Exception):
            listener(event)


def run_logger() -> logging.Logger | logging.LoggerAdapter:
    """Prefect's run logger inside a flow or task run, else a plain module logger."""
    from prefect import get_run_logger
    from prefect.exceptions import MissingContextError

    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("flows.run")


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def first_paragraph(exc: BaseException) -> str:
    text = str(exc).strip()
    head = " ".join(text.split("\n\n")[0].split())
    return f"{type(exc).__name__}: {head}" if head else type(exc).__name__


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """One stage of the flow: logged, shown to listeners, and named on any exception leaving it."""
    logger = run_logger()
    logger.info("stage %s started", name, extra={"event": "stage_started", "stage": name})
    _emit(StageEvent(name, "started"))
    start = time.perf_counter()
    try:
        yield
    except BaseException as exc:
        seconds = round(time.perf_counter() - start, 3)
        if getattr(exc, STAGE_ATTRIBUTE, None) is None:
            with contextlib.suppress(AttributeError, TypeError):
                setattr(exc, STAGE_ATTRIBUTE, name)
        logger.error(
            "stage %s failed after %.2f s: %s",
            name,
            seconds,
            first_line(exc),
            extra={"event": "stage_failed", "stage": name, "seconds": seconds},
        )
        _emit(StageEvent(name, "failed", seconds, first_line(exc)))
        raise
    seconds = round(time.perf_counter() - start, 3)
    finished = _finished.get()
    if finished is not None:
        finished.append(name)
    logger.info(
        "stage %s finished in %.2f s",
        name,
        seconds,
        extra={"event": "stage_finished", "stage": name, "seconds": seconds},
    )
    _emit(StageEvent(name, "finished", seconds))


def failed_stage(exc: BaseException, finished: list[str]) -> str:
    """'stage validate', or where between stages the run stopped when no stage was running."""
    named = getattr(exc, STAGE_ATTRIBUTE, None)
    if named:
        return f"stage {named}"
    return f"the step after stage {finished[-1]}" if finished else "the start of the run"


COUNTS = ("files_seen", "articles", "articles_new", "meetings", "participants", "themes", "rejects")


# The wrapper below reaches the ContextVar only through these module functions: Prefect ships the
# flow object to Dask workers with cloudpickle, which pickles functions by reference but would have
# to pickle a ContextVar named in the wrapper's body by value, and can't.
def _track_stages() -> tuple[list[str], Any]:
    finished: list[str] = []
    return finished, _finished.set(finished)


def _stop_tracking(token: Any) -> None:
    _finished.reset(token)


def observed(fn: Callable[..., dict]) -> Callable[..., Any]:
    """Wrap the flow function (under `@flow`): failures name their stage; every run gets an artifact."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        from prefect.states import Failed

        from flows import run_artifact

        finished, token = _track_stages()
        logger = run_logger()
        try:
            summary = fn(*args, **kwargs)
        except Exception as exc:
            where = failed_stage(exc, finished)
            message = f"{where} failed: {first_paragraph(exc)}"
            logger.error(message, exc_info=exc, extra={"event": "run_failed", "stage": where})
            parameters = inspect.signature(fn).bind_partial(*args, **kwargs).arguments
            _publish_artifact(logger, run_artifact.publish_failure, where, exc, dict(parameters))
            # The run ends Failed with this message; a direct call still raises `exc` itself.
            return Failed(message=message, data=exc)
        finally:
            _stop_tracking(token)
        counts = {name: summary[name] for name in COUNTS if name in summary}
        logger.info(
            "run %s published to %s: %s",
            summary.get("load_id"),
            summary.get("warehouse"),
            ", ".join(f"{k} {v}" for k, v in counts.items()),
            extra={"event": "run_finished", "load_id": summary.get("load_id"), **counts},
        )
        _publish_artifact(logger, run_artifact.publish_success, summary)
        return summary

    return run


def _publish_artifact(logger, publish: Callable[..., Any], *args: Any) -> None:
    """The artifact is a report on the run, not part of it: its failure is a warning only."""
    try:
        publish(*args)
    except Exception as exc:
        logger.warning("could not create the run artifact: %s", first_line(exc))
