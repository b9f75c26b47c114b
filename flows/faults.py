"""A pause point for crash tests of atomic publishing.

With `MEETINGS_HOLD_BEFORE_STAGE=models` a run stops just before that publish stage (its staging
file written, the published file untouched) for `MEETINGS_HOLD_SECONDS`, after saying so on stderr,
so a test can SIGKILL it there. Unset, which is the default, it does nothing.
"""

from __future__ import annotations

import sys
import time

from flows.settings import Settings

STAGES = ("load", "models", "publish")


def hold_before(settings: Settings, stage: str) -> None:
    wanted = settings.hold_before_stage
    if not wanted:
        return
    if wanted not in STAGES:
        raise ValueError(f"MEETINGS_HOLD_BEFORE_STAGE={wanted!r}: use one of {', '.join(STAGES)}")
    if wanted == stage:
        print(
            f"meetings: holding before stage {stage} for {settings.hold_seconds:g} s (MEETINGS_HOLD_BEFORE_STAGE)",
            file=sys.stderr,
            flush=True,
        )
        time.sleep(settings.hold_seconds)
