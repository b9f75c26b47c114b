"""Benchmark `meetings run` as a user runs it, next to a floor measured in the same run.

For each corpus size: a seeded synthetic corpus (bench/generate.py, made once and kept under
--work), then per repeat: the floor (listing the corpus and reading every file's bytes with a plain
Python loop), and `meetings run --json` in a fresh process into a fresh warehouse, timed from the
outside: wall time, peak RSS (the largest process, from wait4, and the whole process tree sampled
every 0.1 s: the CLI, Prefect's API server, Dask workers), seconds per stage (the run's summary),
rows per table (queried from the published warehouse). The fixed start-up is a run on a single
article. Optional: 100 new articles added to the warehouse of the last cold run, then a run with
nothing new (--incremental), and `make run` on the bundled corpus (--make-run).

    .venv/bin/python bench/run.py --articles 1000 10000 100000 --repeats 3 --incremental --make-run

Prints a Markdown report and writes every measurement as JSON (--out).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

ROOT = Path(__file__).resolve().parent.parent
MEETINGS = Path(sys.executable).parent / "meetings"
TABLES = ("meetings", "participants", "meeting_themes")
NEW_ARTICLES = 100


def machine() -> dict:
    lines = Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []
    cpu = next(
        (ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")), platform.processor()
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "disk": _disk(Path("/tmp")),
    }


def _disk(path: Path) -> str:
    usage = shutil.disk_usage(path)
    return f"{usage.total / 2**30:.0f} GB, {usage.free / 2**30:.0f} GB free"


def corpus(work: Path, articles: int, seed: int) -> Path:
    """The corpus of `articles` articles, generated once (a marker file says it is complete)."""
    folder = work / f"corpus-{articles}-seed{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        written = generate.generate(folder, articles, seed)
        marker.write_text(json.dumps({"articles": articles, "seed": seed, "bytes": written}))
        print(
            f"generated {articles} articles ({written / 1e6:.0f} MB) in {time.perf_counter() - started:.0f} s"
        )
    return folder


def floor_seconds(folder: Path) -> tuple[float, int, int]:
    """(seconds, files, bytes): list the folder and read every file's bytes, plainly."""
    started = time.perf_counter()
    files = total = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            if name.startswith("."):
                continue
            with open(os.path.join(dirpath, name), "rb") as f:
                total += len(f.read())
            files += 1
    return time.perf_counter() - started, files, total


class TreeSampler(threading.Thread):
    """Peak summed RSS of a process and all its descendants, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in procs:
                with contextlib.suppress(psutil.Error):  # a process may exit between the two calls
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            self.stopped.wait(0.1)


def run_meetings(args: list[str], env: dict | None = None) -> dict:
    """One `meetings run --json ...` in a fresh process: wall, peak RSS, its summary."""
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [str(MEETINGS), "run", "--json", *args], stdout=out, stderr=err, env={**os.environ, **(env or {})}
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # reaped here to get its rusage (ru_maxrss)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.stopped.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"meetings run failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {
        "wall": round(wall, 2),
        "peak_rss_tree_mb": round(sampler.peak / 2**20),
        "peak_rss_largest_mb": round(usage.ru_maxrss / 1024),
        # CPU of the run and the children it waited for (its API server, local Dask workers).
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "load_avg_before": round(load_before, 2),
        "summary": json.loads(stdout.strip().splitlines()[-1]),
    }


def table_rows(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = {t: con.execute(f"SELECT count(*) FROM analytics.{t}").fetchone()[0] for t in TABLES}
        rows["articles"] = con.execute("SELECT count(*) FROM core.articles").fetchone()[0]
        return rows
    finally:
        con.close()


def measure_run(input_dir: Path, warehouse: Path, extra: list[str], env: dict, fresh: bool) -> dict:
    if fresh:
        shutil.rmtree(warehouse.parent, ignore_errors=True)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    result = run_meetings(["--input", str(input_dir), "--warehouse", str(warehouse), *extra], env)
    result["rows"] = table_rows(warehouse)
    return result


def median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


def startup(work: Path, extra: list[str], env: dict, repeats: int, seed: int) -> dict:
    """Fixed cost: `meetings run` on a single article into a fresh warehouse."""
    one = corpus(work, 1, seed)
    runs = [measure_run(one, work / "wh-startup" / "m.duckdb", extra, env, True) for _ in range(repeats)]
    return {"runs": runs, "wall": median([r["wall"] for r in runs])}


def cold(work: Path, articles: int, extra: list[str], env: dict, repeats: int, seed: int) -> dict:
    folder = corpus(work, articles, seed)
    runs = []
    for i in range(repeats):
        fl, files, size = floor_seconds(folder)
        run = measure_run(folder, work / f"wh-{articles}" / "m.duckdb", extra, env, True)
        run.update(floor=round(fl, 3), files=files, bytes=size)
        runs.append(run)
        print(
            f"  {articles} articles, run {i + 1}: wall {run['wall']} s, floor {fl:.2f} s, "
            f"rss {run['peak_rss_tree_mb']} MB, stages {run['summary']['seconds']}",
            flush=True,
        )
    return {"articles": articles, "files": runs[0]["files"], "bytes": runs[0]["bytes"], "runs": runs}


def incremental(work: Path, articles: int, extra: list[str], env: dict, repeats: int, seed: int) -> dict:
    """100 new articles into the warehouse of a cold run, then a run with nothing new; repeated on
    the same warehouse (each repeat's 100 replace the previous repeat's in the input folder; the
    warehouse keeps those, as it keeps any input that disappears)."""
    folder = corpus(work, articles, seed)
    warehouse = work / f"wh-{articles}" / "m.duckdb"
    new_dir = folder / "new"
    added, unchanged = [], []
    try:
        for i in range(repeats):
            shutil.rmtree(new_dir, ignore_errors=True)
            if not warehouse.exists():  # reuses the last cold run's warehouse
                measure_run(folder, warehouse, extra, env, True)
            generate.generate(new_dir, NEW_ARTICLES, seed, start=articles + i * NEW_ARTICLES)
            added.append(measure_run(folder, warehouse, extra, env, False))
            unchanged.append(measure_run(folder, warehouse, extra, env, False))
            print(
                f"  +{NEW_ARTICLES} on {articles}: {added[-1]['wall']} s; nothing new: {unchanged[-1]['wall']} s",
                flush=True,
            )
    finally:
        shutil.rmtree(new_dir, ignore_errors=True)
    return {"articles": articles, "added": added, "unchanged": unchanged}


def make_run(repeats: int) -> dict:
    """`make run` on the bundled corpus once set up (the venv exists), as in the quick start."""
    walls = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(["make", "-C", str(ROOT), "run"], check=True, capture_output=True)
        walls.append(round(time.perf_counter() - started, 2))
    return {"walls": walls, "wall": median(walls)}


def report(results: dict) -> str:
    """The Markdown tables of RESULTS.md."""
    start = results["startup"]["wall"]
    lines = [
        "| articles | MB | wall s (median) | runs | floor s | (wall - start-up) / floor | articles/s "
        "| CPU s | peak RSS tree MB | peak RSS largest MB | load avg before |",
        "| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for c in results["cold"]:
        walls = [r["wall"] for r in c["runs"]]
        wall = median(walls)
        floor = median([r["floor"] for r in c["runs"]])
        lines.append(
            f"| {c['articles']:,} | {c['bytes'] / 1e6:.0f} | {wall} | {', '.join(map(str, walls))} | {floor} "
            f"| {(wall - start) / floor:.1f} | {c['articles'] / wall:.0f} "
            f"| {median([r['cpu_s'] for r in c['runs']])} "
            f"| {max(r['peak_rss_tree_mb'] for r in c['runs'])} "
            f"| {max(r['peak_rss_largest_mb'] or 0 for r in c['runs'])} "
            f"| {', '.join(str(r['load_avg_before']) for r in c['runs'])} |"
        )
    lines += ["", "Seconds per stage (median over runs; extract and transform are summed over batches):", ""]
    stages = ["extract", "transform", "validate", "load", "models", "publish"]
    lines += [
        "| articles | " + " | ".join(stages) + " | flow | outside the flow | batches |",
        "| ---: |" + " ---: |" * (len(stages) + 3),
    ]
    for c in results["cold"]:
        runs = c["runs"]
        per = [median([r["summary"]["seconds"].get(s, 0) for r in runs]) for s in stages]
        flow = median([r["summary"]["flow_seconds"] for r in runs])
        outside = median([r["wall"] - r["summary"]["flow_seconds"] for r in runs])
        lines.append(
            f"| {c['articles']:,} | " + " | ".join(map(str, per)) + f" | {flow} | {outside} "
            f"| {runs[0]['summary']['batches']} |"
        )
    lines += [
        "",
        "Rows (published warehouse):",
        "",
        "| articles | core.articles | meetings | participants | meeting_themes | rejects |",
    ]
    lines.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for c in results["cold"]:
        r = c["runs"][0]
        rows = r["rows"]
        lines.append(
            f"| {c['articles']:,} | {rows['articles']} | {rows['meetings']} | {rows['participants']} "
            f"| {rows['meeting_themes']} | {r['summary']['rejects']} |"
        )
    lines += ["", f"Start-up (one article, fresh warehouse): median {start} s of "
              f"{[r['wall'] for r in results['startup']['runs']]}, CPU "
              f"{[r['cpu_s'] for r in results['startup']['runs']]} s"]  # fmt: skip
    for inc in results.get("incremental", []):
        added = [r["wall"] for r in inc["added"]]
        same = [r["wall"] for r in inc["unchanged"]]
        lines.append(
            f"Incremental on {inc['articles']:,}: +{NEW_ARTICLES} new articles median {median(added)} s "
            f"of {added} (stages {inc['added'][0]['summary']['seconds']}); nothing new median "
            f"{median(same)} s of {same}"
        )
    if "make_run" in results:
        lines.append(
            f"`make run` on the bundled corpus: median {results['make_run']['wall']} s of {results['make_run']['walls']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/meetings-bench"))
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--task-runner", default=None, choices=["threads", "dask"])
    parser.add_argument("--in-flight", type=int, default=None, help="MEETINGS_BATCHES_IN_FLIGHT")
    parser.add_argument(
        "--incremental", action="store_true", help="+100 new and nothing-new runs on the largest size"
    )
    parser.add_argument(
        "--incremental-repeats",
        type=int,
        default=None,
        help="default --repeats",
    )
    parser.add_argument("--make-run", action="store_true", help="time `make run` on the bundled corpus")
    parser.add_argument("--out", type=Path, default=None, help="JSON file for every measurement")
    args = parser.parse_args(argv)

    args.work.mkdir(parents=True, exist_ok=True)
    extra = []
    if args.batch_size:
        extra += ["--batch-size", str(args.batch_size)]
    if args.task_runner:
        extra += ["--task-runner", args.task_runner]
    env = {"MEETINGS_BATCHES_IN_FLIGHT": str(args.in_flight)} if args.in_flight else {}
    results: dict = {
        "machine": machine(),
        "args": sys.argv[1:],
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    results["startup"] = startup(args.work, extra, env, args.repeats, args.seed)
    print(f"start-up: {results['startup']['wall']} s", flush=True)
    results["cold"] = [cold(args.work, n, extra, env, args.repeats, args.seed) for n in args.articles]
    if args.incremental:
        results["incremental"] = [
            incremental(
                args.work, max(args.articles), extra, env, args.incremental_repeats or args.repeats, args.seed
            )
        ]
    if args.make_run:
        results["make_run"] = make_run(args.repeats)
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=1))
    print(json.dumps(results["machine"]))
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
