"""Retry and time-limit options of the flow's I/O tasks (reading inputs, publishing).

Those tasks touch files that may sit on a network share or be written by a scraper at the same
moment: a transient OSError is worth another attempt after a growing pause (b, 2b, 4b ... seconds),
and every attempt has a time limit so a hung mount fails the run instead of stalling it forever.
Retrying them is safe: reading has no side effects, and publishing is idempotent until the final
rename, which either happened or did not.
"""

from __future__ import annotations

from flows.settings import Settings

# OSErrors that another attempt won't fix: a wrong path or missing rights is the operator's to fix.
PERMANENT = (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError)


def is_transient(task, task_run, state) -> bool:
    """Prefect's retry condition: retry OSErrors (I/O errors, stale mounts, timeouts), except
    PERMANENT ones; any other exception is a bug or bad data, which no retry fixes."""
    try:
        state.result()
    except PERMANENT:
        return False
    except OSError:  # includes TimeoutError, so a timed-out attempt is retried
        return True
    except Exception:
        return False
    return False


def io_task_options(settings: Settings, timeout: bool = True) -> dict:
    """Keyword arguments for `@task`: retries, exponential backoff delays, timeout per attempt.

    Prefect can only interrupt a blocking call (a read from a hung mount) on the main thread: for
    tasks submitted to worker threads pass `timeout=False`, where a timeout would only warn.
    """
    from prefect.tasks import exponential_backoff

    options = {
        "retries": settings.io_retries,
        "retry_delay_seconds": exponential_backoff(settings.io_retry_backoff_seconds),
        "retry_condition_fn": is_transient,
    }
    if timeout:
        options["timeout_seconds"] = settings.io_timeout_seconds
    return options
