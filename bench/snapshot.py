"""Snapshot the transform's tables for a corpus, or compare them with an earlier snapshot.

Speed work and refactors must leave every table identical. Run once on the old commit and once on
the new one (PYTHONPATH picks the code), then compare:

    PYTHONPATH=. python bench/snapshot.py seeds/articles /tmp/snap-old
    PYTHONPATH=. python bench/snapshot.py seeds/articles /tmp/snap-new --compare /tmp/snap-old

Each table is written sorted on all its columns, so row order inside the transform does not count.
Prints the transform's CPU and wall time (one run, after a warm-up on 50 articles).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import polars as pl

from flows.extract import extract_files, list_inputs
from flows.pipeline import load_reference_data, run_transform

ROOT = Path(__file__).resolve().parent.parent


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    keys = [c for c, t in frame.schema.items() if not isinstance(t, pl.List | pl.Struct | pl.Array)]
    return frame.sort(keys, nulls_last=True) if keys else frame


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot folder")
    parser.add_argument("--reference", type=Path, default=ROOT / "seeds" / "reference")
    args = parser.parse_args()

    extracted = extract_files(list_inputs(args.input), 50_000_000)
    documents = extracted.documents
    reference = load_reference_data(args.reference)
    run_transform(documents.head(50), reference)
    cpu, wall = time.process_time(), time.perf_counter()
    tables = run_transform(documents, reference)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{documents.height} articles: transform {wall:.2f} s wall, {cpu:.2f} s CPU")

    args.out.mkdir(parents=True, exist_ok=True)
    differ = 0
    for name, frame in vars(tables).items():
        frame = _sorted(frame)
        frame.write_parquet(args.out / f"{name}.parquet")
        if args.compare is None:
            continue
        old = pl.read_parquet(args.compare / f"{name}.parquet")
        if old.equals(frame):
            print(f"  {name}: identical ({frame.height} rows)")
            continue
        differ += 1
        print(f"  {name}: DIFFERENT ({old.height} -> {frame.height} rows)")
        if old.columns == frame.columns:
            with pl.Config(tbl_rows=10, tbl_cols=-1, fmt_str_lengths=60):
                print("   only old:", old.join(frame, on=old.columns, how="anti", nulls_equal=True))
                print("   only new:", frame.join(old, on=old.columns, how="anti", nulls_equal=True))
        else:
            print(f"   columns {old.columns} -> {frame.columns}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
