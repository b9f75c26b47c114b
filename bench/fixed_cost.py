"""The transform's fixed cost per call: CPU of one transform on a one-sentence article.

The rule tests call the transform on one or two sentences about a thousand times, so this fixed
cost (thousands of eager polars operations on tiny frames) is most of the test suite's time.

    PYTHONPATH=. python bench/fixed_cost.py            # CPU per call, best of N
    PYTHONPATH=. python bench/fixed_cost.py --modules  # CPU of polars collects per module
    PYTHONPATH=. python bench/fixed_cost.py --profile  # plus a cProfile of one call
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import pstats
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import polars.lazyframe.frame as lazy_frame  # noqa: E402
from transform_helpers import docs  # noqa: E402

from flows.settings import PROJECT_ROOT  # noqa: E402
from flows.transform import transform  # noqa: E402
from flows.transform.reference import load_reference  # noqa: E402

TEXT = (
    "Date: 2024-05-09\n\nKenya's Ambassador to China, Wanjiru Otieno, met Yunnan Governor Lin Haoming"
    " in Kunming on Tuesday.\n"
)


def per_module(d, ref) -> None:
    original = lazy_frame.LazyFrame._collect_eager
    cost: collections.Counter = collections.Counter()
    count: collections.Counter = collections.Counter()

    def timed(self, *args, **kwargs):
        start = time.process_time()
        result = original(self, *args, **kwargs)
        frames = [f for f in traceback.extract_stack()[:-1] if "/flows/" in f.filename]
        module = frames[-1].filename.rsplit("flows/", 1)[1] if frames else "?"
        cost[module] += time.process_time() - start
        count[module] += 1
        return result

    lazy_frame.LazyFrame._collect_eager = timed
    try:
        start = time.process_time()
        transform(d, ref)
        print(f"total {time.process_time() - start:.3f} s CPU, {sum(count.values())} collects")
        for module, seconds in cost.most_common(40):
            print(f"{seconds:.3f} {count[module]:5d} {module}")
    finally:
        lazy_frame.LazyFrame._collect_eager = original


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--modules", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    ref = load_reference(PROJECT_ROOT / "seeds" / "reference")
    d = docs(TEXT)
    transform(d, ref)
    times = []
    for _ in range(args.repeats):
        start = time.process_time()
        transform(d, ref)
        times.append(time.process_time() - start)
    print(f"CPU per call: best {min(times):.3f} s, all " + ", ".join(f"{t:.3f}" for t in times))
    if args.modules:
        per_module(d, ref)
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(transform, d, ref)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
