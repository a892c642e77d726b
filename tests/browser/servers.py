"""Start and stop the JupyterLab and Voila servers the browser tests drive, on free local ports."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[2]
BIN = REPO / ".venv" / "bin"
OUTPUT = REPO / "test-output"
STARTUP_TIMEOUT = 60.0

#: JupyterLab settings for the tests' throwaway settings folder: no autosave (the tests serve
#: copies, but a copy need not be written either). Everything else is as a student gets it.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:port."""
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def get_json(url: str) -> object:
    """GET a local JSON API (JupyterLab runs without a token in the tests)."""
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def wait_until(condition, timeout: float, what: str, interval: float = 0.25) -> None:
    """Poll `condition()` until it is true; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


@contextmanager
def running(command: list[str], env: dict[str, str], log_name: str) -> Iterator[subprocess.Popen]:
    """Run a server in its own process group, logging to test-output/logs/, and stop it after."""
    logs = OUTPUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with open(logs / log_name, "w") as log:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield process
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop a server and its kernels: SIGTERM to the process group, SIGKILL if it lingers."""
    for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(grace)
            return
        except subprocess.TimeoutExpired:
            continue


def server_env(tmp: Path) -> dict[str, str]:
    """Environment for a test server: saved work, settings and workspaces in `tmp`."""
    settings = tmp / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return {
        **os.environ,
        "COURSE_WORK_DIR": str(tmp / "work"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "lab-workspaces"),
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        "JUPYTER_DATA_DIR": str(tmp / "jupyter-data"),  # its own notebook trust database
    }


def repository_copy(tmp: Path) -> Path:
    """A served stand-in for the repository: copies of the notebooks, links to everything else.

    Running cells in JupyterLab changes a notebook (and a save would write it), so the tests
    never open the committed files; relative paths such as `../data` still work.
    """
    root = tmp / "repository"
    root.mkdir()
    for entry in REPO.iterdir():
        if entry.name == "notebooks":
            shutil.copytree(entry, root / entry.name, ignore=shutil.ignore_patterns(".*"))
        elif entry.name != ".git":
            (root / entry.name).symlink_to(entry)
    return root


class LabServer(NamedTuple):
    """A running JupyterLab: its base URL, the folder it serves and its environment."""

    url: str
    root: Path
    env: dict[str, str]


def trust(server: LabServer, path: str) -> None:
    """Trust a served notebook, as `make lab` and Binder's postBuild do for the module's own."""
    subprocess.run([str(BIN / "jupyter"), "trust", str(server.root / path)], env=server.env,
                   check=True, capture_output=True, timeout=60)  # fmt: skip


@contextmanager
def jupyter_lab(tmp: Path) -> Iterator[LabServer]:
    """Serve a copy of the repository with JupyterLab (no token, no xsrf) until the block ends."""
    root = repository_copy(tmp)
    port = free_port()
    command = [
        str(BIN / "jupyter"), "lab", "--no-browser", "--allow-root",
        "--ip", "127.0.0.1", "--port", str(port), f"--ServerApp.root_dir={root}",
        "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
        f"--LabApp.user_settings_dir={tmp / 'lab-settings'}",
        f"--LabApp.workspaces_dir={tmp / 'lab-workspaces'}",
    ]
    env = server_env(tmp)
    base_url = f"http://127.0.0.1:{port}"
    with running(command, env, "jupyterlab.log") as process:
        wait_until(lambda: _answers(f"{base_url}/api/status", process), STARTUP_TIMEOUT,
                   "JupyterLab to answer /api/status")
        yield LabServer(base_url, root, env)


@contextmanager
def voila(notebook: Path, tmp: Path) -> Iterator[str]:
    """Serve one notebook as a Voila app (as `make app` does) and yield its URL once the port
    accepts connections."""
    port = free_port()
    command = [
        str(BIN / "voila"), str(notebook), "--no-browser",
        "--port", str(port), "--Voila.ip=127.0.0.1", "--template=offline",
    ]
    env = {**server_env(tmp), "JUPYTER_PATH": str(REPO / "app" / "jupyter")}  # as `make app`
    with running(command, env, "voila.log") as process:
        wait_until(lambda: _alive(process) and port_open(port), STARTUP_TIMEOUT,
                   "Voila to listen on its port")
        yield f"http://127.0.0.1:{port}/"


def _alive(process: subprocess.Popen) -> bool:
    """Whether the server is still running; raise at once if it exited (its log says why)."""
    if process.poll() is not None:
        raise RuntimeError(f"server exited with code {process.returncode}; see {OUTPUT / 'logs'}")
    return True


def _answers(url: str, process: subprocess.Popen) -> bool:
    """Whether the running server answers `url` with JSON."""
    _alive(process)
    try:
        get_json(url)
    except OSError:
        return False
    return True
