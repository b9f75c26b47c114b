"""Task runners for `meetings run --task-runner`: where the batch extract+transform tasks run.

`threads` (default): Prefect's thread pool in the flow's process. `dask`: a Dask cluster through
prefect-dask: the scheduler at `--dask-address` (tcp://HOST:PORT) when given, else a LocalCluster
of one single-threaded worker process per core. Dask workers need the same code, reference data
and input paths as the flow's machine, and a real Prefect API (a server, not ephemeral mode:
otherwise every worker starts its own temporary server).
"""

from __future__ import annotations

import os

RUNNERS = ("threads", "dask")


def task_runner(name: str = "threads", dask_address: str | None = None, workers: int | None = None):
    """A Prefect task runner instance for `name`."""
    if name == "threads":
        if dask_address:
            raise ValueError("--dask-address needs --task-runner dask")
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner()
    if name != "dask":
        raise ValueError(f"unknown task runner {name!r}; choose one of {', '.join(RUNNERS)}")
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:  # the optional extra: pip install -e '.[dask]'
        raise ValueError("--task-runner dask needs prefect-dask: pip install -e '.[dask]'") from exc
    if dask_address:
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            "n_workers": workers or os.cpu_count() or 1,
            "threads_per_worker": 1,  # polars uses the worker's cores itself
            "processes": True,
            "dashboard_address": ":0",  # a free port: several clusters on one host don't clash
        },
    )
