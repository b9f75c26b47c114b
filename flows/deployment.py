"""The scheduled deployment `meetings-etl/daily`, declared in code.

One definition serves both ways of running it unattended:
- `meetings serve`: a long-lived process that registers the deployment and runs its scheduled and
  ad-hoc runs itself (no work pool, no worker);
- `meetings deploy`: registers it in a process work pool (created if missing); a worker started
  in this project's environment (`prefect worker start --pool meetings`) runs it.

Both need a Prefect server (`PREFECT_API_URL`): a temporary local one dies with the process, and
nobody would be left to create the scheduled runs. The entrypoint is the module path
`flows.pipeline.meetings_etl`, importable wherever the package is installed, so no code is copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from flows.settings import Settings, configure_prefect_environment

DEPLOYMENT_NAME = "daily"
FLOW_NAME = "meetings-etl"
FULL_NAME = f"{FLOW_NAME}/{DEPLOYMENT_NAME}"


class NoServer(RuntimeError):
    """No Prefect server is configured (PREFECT_API_URL is unset)."""


@dataclass(frozen=True)
class Registered:
    deployment_id: UUID
    work_pool: str | None


def api_url() -> str | None:
    """The configured Prefect API (environment or active profile), or None for ephemeral mode."""
    configure_prefect_environment()
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def require_server() -> str:
    url = api_url()
    if not url:
        raise NoServer(
            "no Prefect server configured: start one (`prefect server start --host 127.0.0.1`) and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api, see README 'Scheduled runs'"
        )
    return url


def build_deployment(settings: Settings | None = None):
    """The RunnerDeployment: cron schedule in the configured time zone, input and warehouse as parameters."""
    configure_prefect_environment()
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.pipeline import meetings_etl

    settings = settings or Settings()
    return meetings_etl.to_deployment(
        name=DEPLOYMENT_NAME,
        schedules=[Cron(settings.schedule_cron, timezone=settings.schedule_timezone)],
        parameters={"input_path": str(settings.input_path), "warehouse": str(settings.warehouse)},
        description=(
            "Daily load of meeting reports into the DuckDB warehouse: extract, transform, validate, load, "
            "build models, publish."
        ),
        tags=["meetings-warehouse"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def ensure_process_pool(name: str) -> None:
    """Create the process work pool `name` unless it exists (an existing pool is left as configured)."""
    from prefect import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(name)
        except ObjectNotFound:
            template = ProcessWorker.get_default_base_job_template()
            client.create_work_pool(WorkPoolCreate(name=name, type="process", base_job_template=template))


def deploy(settings: Settings | None = None) -> Registered:
    """Register (create or update) `meetings-etl/daily` in the settings' process work pool."""
    settings = settings or Settings()
    require_server()
    ensure_process_pool(settings.work_pool)
    deployment_id = build_deployment(settings).apply(work_pool_name=settings.work_pool)
    return Registered(deployment_id=deployment_id, work_pool=settings.work_pool)


def serve(settings: Settings | None = None) -> None:
    """Register `meetings-etl/daily` and run its runs in this process until interrupted."""
    from prefect import serve as prefect_serve

    require_server()
    # One run at a time: runs write the same warehouse, and a second would only wait for the lock.
    prefect_serve(build_deployment(settings), limit=1)
