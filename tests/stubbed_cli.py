"""`meetings` in a separate process with the stub transform, for the kill and concurrency tests.

Usage: python tests/stubbed_cli.py run --input DIR --warehouse FILE [...]
Environment (test hooks live here, never in the product):
- STUB_PAUSE_FILE: when the transform starts (the run holds the warehouse lock), write this file
  and sleep STUB_PAUSE_SECONDS (default 5);
- STUB_KILL_AFTER_LOAD=1: SIGKILL this process right after the load has written the staging file,
  before models and publish (a crash at the worst moment).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import stub_transform

import flows.pipeline as pipeline
from flows import load
from flows.cli import main


def paused_transform(documents, reference=None):
    marker = os.environ.get("STUB_PAUSE_FILE")
    if marker:
        Path(marker).write_text(str(os.getpid()))
        time.sleep(float(os.environ.get("STUB_PAUSE_SECONDS", "5")))
    return stub_transform(documents)


def killing_finish_load(staging, run, stats, _real=load.finish_load):
    stats = _real(staging, run, stats)
    os.kill(os.getpid(), signal.SIGKILL)
    return stats


pipeline.run_transform = paused_transform
pipeline.load_reference_data = lambda reference_dir: None
if os.environ.get("STUB_KILL_AFTER_LOAD"):
    load.finish_load = killing_finish_load

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
