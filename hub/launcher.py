"""Start and stop the class hub: its proxy, the hub, and on the way out every student's server.

`make hub` runs `main()`: it prints the address, starts the hub again if it dies, and on
Ctrl-C stops the students' servers through the hub's API, the hub, and the proxy. The proxy is
a process of its own, so the hub can be restarted (`ClassHub.restart_hub`) while students keep
working.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from hub.settings import LOOPBACK, REPO_ROOT, HubSettings

CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"
PROXY = REPO_ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
#: How often `make hub` starts a hub that died again before it gives up.
MAX_RESTARTS = 5


class ClassHub:
    """The proxy and hub processes of one class, with the tokens they share."""

    def __init__(self, settings: HubSettings, quiet: bool = False) -> None:
        self.settings = settings
        self.proxy_token = secrets.token_hex(32)
        self.service_token = secrets.token_hex(32)
        self.quiet = quiet
        self.proxy: subprocess.Popen | None = None
        self.hub: subprocess.Popen | None = None

    def _log(self, name: str):
        """Append-mode log file in the state folder (or the terminal when not quiet)."""
        if not self.quiet:
            return None
        self.settings.state_dir.mkdir(parents=True, exist_ok=True)
        return open(self.settings.state_dir / f"{name}.log", "ab")

    def start_proxy(self) -> None:
        """Start configurable-http-proxy on the public port, sending unknown paths to the hub."""
        if not PROXY.exists():
            raise SystemExit(f"{PROXY} is missing: run `npm ci` (make setup-dev does).")
        s = self.settings
        hub_url = f"http://127.0.0.1:{s.hub_port}"
        command = [str(PROXY), "--ip", s.ip, "--port", str(s.port), "--api-ip", "127.0.0.1",
                   "--api-port", str(s.proxy_api_port), "--default-target", hub_url,
                   "--error-target", f"{hub_url}/hub/error", "--log-level", "warn"]  # fmt: skip
        env = {**os.environ, "CONFIGPROXY_AUTH_TOKEN": self.proxy_token}
        log = self._log("proxy")
        self.proxy = subprocess.Popen(command, env=env, stdout=log, stderr=log,
                                      start_new_session=True)  # fmt: skip

    def start_hub(self) -> None:
        """Start JupyterHub with hub/jupyterhub_config.py and wait until its API answers."""
        env = {**os.environ, **self.settings.to_env(), "CONFIGPROXY_AUTH_TOKEN": self.proxy_token,
               "HUB_SERVICE_TOKEN": self.service_token}  # fmt: skip
        command = [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)]
        log = self._log("hub")
        self.hub = subprocess.Popen(command, env=env, cwd=self.settings.state_dir, stdout=log,
                                    stderr=log, start_new_session=True)  # fmt: skip
        self.wait_ready()

    def api(self, method: str, path: str, body: dict | None = None) -> tuple[int, object]:
        """Call the hub's REST API with the launcher's token; (status, decoded JSON or None)."""
        url = f"http://127.0.0.1:{self.settings.hub_port}/hub/api{path}"
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"token {self.service_token}"}
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as err:
            return err.code, None

    def wait_ready(self, timeout: float = 120) -> None:
        """Block until the hub answers on its API, or fail with the hub's exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.hub is not None and self.hub.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with status {self.hub.returncode}")
            try:
                if self.api("GET", "/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError("JupyterHub did not answer within the time limit")

    def start(self) -> None:
        """Proxy first, then the hub (which registers its routes with the proxy)."""
        self.settings.homes.mkdir(parents=True, exist_ok=True)
        self.settings.state_dir.mkdir(parents=True, exist_ok=True)
        self.start_proxy()
        self.start_hub()

    def stop_hub(self, sig: int = signal.SIGTERM) -> None:
        """Stop only the hub process; the servers and the proxy go on."""
        if self.hub is not None and self.hub.poll() is None:
            self.hub.send_signal(sig)
            try:
                self.hub.wait(30)
            except subprocess.TimeoutExpired:
                self.hub.kill()
                self.hub.wait()

    def restart_hub(self, sig: int = signal.SIGTERM) -> None:
        """Stop the hub (SIGTERM: a planned restart; SIGKILL: a crash) and start it again."""
        self.stop_hub(sig)
        self.start_hub()

    def running_servers(self) -> list[str]:
        """Names of the users whose server is running or starting."""
        status, users = self.api("GET", "/users?state=active")
        return [u["name"] for u in users or []] if status == 200 else []

    def stop_servers(self, timeout: float = 60) -> None:
        """Ask the hub to stop every student's server and wait until none is left."""
        for name in self.running_servers():
            self.api("DELETE", f"/users/{name}/server")
        deadline = time.monotonic() + timeout
        while self.running_servers() and time.monotonic() < deadline:
            time.sleep(0.5)

    def stop(self) -> None:
        """Servers, then the hub, then the proxy."""
        if self.hub is not None and self.hub.poll() is None:
            self.stop_servers()
        self.stop_hub()
        if self.proxy is not None and self.proxy.poll() is None:
            self.proxy.terminate()
            try:
                self.proxy.wait(10)
            except subprocess.TimeoutExpired:
                self.proxy.kill()
                self.proxy.wait()


def main() -> None:
    """`make hub`: start, print the address and password, stop everything on Ctrl-C."""
    settings = HubSettings.from_env()
    hub = ClassHub(settings)
    for sig in (signal.SIGINT, signal.SIGTERM):  # also when started with SIGINT ignored
        signal.signal(sig, signal.default_int_handler)
    if settings.ip not in LOOPBACK:
        print(f"WARNING: listening on {settings.ip} with a shared password, no TLS: trials only.")
    try:
        hub.start()
        print(
            f"\nClass hub (TRIAL: shared password, no TLS) at {settings.url}\n"
            f"Sign in with any name and the password '{settings.password}'.\n"
            f"Homes: {settings.homes}\nPress Ctrl-C to stop the hub and every student's server.\n",
            flush=True,
        )
        for _ in range(MAX_RESTARTS):
            while hub.hub.poll() is None:
                time.sleep(1)
            print(f"JupyterHub exited with status {hub.hub.returncode}; starting it again "
                  "(the students' servers and the proxy keep running).", file=sys.stderr)
            hub.start_hub()
        print(f"JupyterHub stopped {MAX_RESTARTS} times: giving up.", file=sys.stderr)
    except KeyboardInterrupt:
        print("\nStopping the students' servers, the hub and the proxy...", flush=True)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this short
        hub.stop()


if __name__ == "__main__":
    main()
