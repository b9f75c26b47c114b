"""Prefect's temporary API server for one `meetings run`, started first and in the background.

With no API configured, a Prefect 3.8 flow call imports the whole server package into the calling
process, starts `uvicorn prefect.server.api.server:create_app` as a subprocess and waits for it:
several seconds during which nothing else happens. `meetings run` instead starts that same server
(same command and environment as prefect.server.api.server.SubprocessASGIServer) before its own
imports, points PREFECT_API_URL at it, and waits for it only when the flow starts; the client never
imports the server package. Dask workers inherit the URL, so they share this server instead of
each starting one. Nothing changes when the user has configured an API (PREFECT_API_URL in the
environment, the active Prefect profile or a settings file) or when prefect is already imported.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

SERVER_APP = "prefect.server.api.server:create_app"


def configured_api_url() -> str | None:
    """The API URL Prefect would use, or None for ephemeral mode; read without importing prefect
    (which takes seconds) unless it is imported already: the environment, the active profile, and
    a `prefect.toml`, `.env` or `pyproject.toml` in the working directory that sets one."""
    if "prefect.settings" in sys.modules:  # e.g. under a test harness: ask Prefect itself
        return sys.modules["prefect.settings"].get_current_settings().api.url
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    for name, marker in (
        (".env", "PREFECT_API_URL"),
        ("prefect.toml", "url"),
        ("pyproject.toml", "tool.prefect"),
    ):
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if marker in Path(name).read_text(encoding="utf-8"):
                return f"configured in {name}"
    path = Path(os.environ.get("PREFECT_PROFILES_PATH", _prefect_home() / "profiles.toml")).expanduser()
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    return profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")


def _prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()


def _listening_socket() -> socket.socket:
    """A socket bound to a free local port and listening: handed to the server, so no race for the port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class TemporaryServer:
    """A Prefect API server subprocess serving a socket this process bound."""

    def __init__(self) -> None:
        spec = importlib.util.find_spec("prefect")  # locates the package without importing it
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("prefect is not installed")
        app_dir = Path(next(iter(spec.submodule_search_locations))).parent
        # The server's own messages (e.g. a traceback when stopped while still starting) go to a
        # log beside Prefect's database rather than into the run's one-paragraph output.
        self.log = _prefect_home() / "api-server.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(_listening_socket()) as sock, self.log.open("ab") as log:
            self.port = sock.getsockname()[1]
            fd = sock.fileno()
            command = ["-m", "uvicorn", "--app-dir", str(app_dir), "--factory", SERVER_APP, "--fd", str(fd)]
            self.process = subprocess.Popen(
                [sys.executable, *command, "--log-level", "error", "--lifespan", "on"],
                env={
                    **os.environ,
                    "PREFECT_UI_ENABLED": "0",
                    "PREFECT__SERVER_EPHEMERAL": "1",
                    "PREFECT__SERVER_FINAL": "1",
                },
                pass_fds=(fd,),
                stdout=log,
                stderr=log,
            )

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait(self, timeout: float) -> None:
        """Block until the server answers /health (requests queue on the socket until it serves)."""
        deadline = time.monotonic() + timeout
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via an HTTP proxy
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                raise RuntimeError(
                    f"the temporary Prefect API server exited with code {code} (see {self.log})"
                )
            with (
                contextlib.suppress(urllib.error.URLError, OSError),
                direct.open(f"{self.api_url}/health", timeout=5) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(
            f"the temporary Prefect API server did not start within {timeout:.0f} s (see {self.log})"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_if_needed() -> TemporaryServer | None:
    """Start the server now unless an API is configured; sets PREFECT_API_URL for this process."""
    if configured_api_url():
        return None
    server = TemporaryServer()
    os.environ["PREFECT_API_URL"] = server.api_url
    # Registered before prefect is imported, so it runs after Prefect's own exit handlers (which
    # may still send logs and events to the server).
    atexit.register(server.stop)
    return server
