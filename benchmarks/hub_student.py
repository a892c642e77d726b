"""One simulated student on the class hub: sign in, start a server, run code in a kernel, save.

Talks HTTP and the kernel websocket to 127.0.0.1 only, through the hub's proxy as a browser
would. Every request draws on a shared `Budget` (a cap on count and on wall time), so a run
that goes wrong stops instead of hammering the machine.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from tornado.httpclient import AsyncHTTPClient, HTTPRequest, HTTPResponse
from tornado.websocket import WebSocketClientConnection, websocket_connect

LOOPBACK_HOSTS = {"127.0.0.1", "localhost"}
NOTEBOOK = "source-criticism/notebooks/02_versions_of_a_speech.ipynb"
AsyncHTTPClient.configure(None, max_clients=500)


class BudgetExceeded(RuntimeError):
    """The run used up its request count or its time."""


@dataclass
class Budget:
    """A cap on the number of requests and on wall time, shared by every student of a run."""

    max_requests: int
    seconds: float
    used: int = 0
    started: float = field(default_factory=time.monotonic)

    def take(self) -> None:
        """Count one request; raise once either cap is reached."""
        self.used += 1
        if self.used > self.max_requests:
            raise BudgetExceeded(f"request cap of {self.max_requests} reached")
        if time.monotonic() - self.started > self.seconds:
            raise BudgetExceeded(f"time cap of {self.seconds:.0f} s reached")


@dataclass
class Run:
    """What one execute request produced: stdout text, the error (if any) and its duration."""

    stdout: str
    error: str | None
    seconds: float


def _loopback(url: str) -> str:
    """The URL itself, after checking that it points at this machine."""
    host = urlsplit(url).hostname
    if host not in LOOPBACK_HOSTS:
        raise ValueError(f"refusing to contact {host}: the class test talks to loopback only")
    return url


class Kernel:
    """A kernel's websocket: send code, wait for its reply, collect stdout and errors."""

    def __init__(self, connection: WebSocketClientConnection, kernel_id: str, user: str) -> None:
        self.connection = connection
        self.kernel_id = kernel_id
        self.session = uuid.uuid4().hex
        self.user = user

    async def execute(self, code: str, timeout: float = 300) -> Run:
        """Run `code`; return when the kernel has replied and gone idle for this request."""
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "username": self.user, "session": self.session,
                  "msg_type": "execute_request", "version": "5.3",
                  "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}  # fmt: skip
        content = {"code": code, "silent": False, "store_history": True,
                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}  # fmt: skip
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content,
                   "channel": "shell", "buffers": []}  # fmt: skip
        started = time.monotonic()
        await self.connection.write_message(json.dumps(message))
        stdout, error, replied, idle = [], None, False, False
        while not (replied and idle):
            left = timeout - (time.monotonic() - started)
            raw = await asyncio.wait_for(self.connection.read_message(), max(left, 0.1))
            if raw is None:
                raise ConnectionError("the kernel connection closed")
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, body = reply["header"]["msg_type"], reply["content"]
            if kind == "stream" and body.get("name") == "stdout":
                stdout.append(body["text"])
            elif kind == "error":
                error = f"{body.get('ename')}: {body.get('evalue')}"
            elif kind == "execute_reply":
                replied = True
                if body.get("status") != "ok" and error is None:
                    error = f"{body.get('ename')}: {body.get('evalue')}"
            elif kind == "status" and body.get("execution_state") == "idle":
                idle = True
        return Run("".join(stdout), error, time.monotonic() - started)

    def close(self) -> None:
        """Close the websocket (the kernel keeps running, as when a tab is closed)."""
        self.connection.close()


class Student:
    """A browser's worth of state for one student: cookies, the API token, the server URL."""

    def __init__(self, base_url: str, name: str, password: str, budget: Budget) -> None:
        self.base = _loopback(base_url.rstrip("/"))
        self.name = name
        self.password = password
        self.budget = budget
        self.cookies: dict[str, str] = {}
        self.token: str | None = None
        self.http = AsyncHTTPClient()

    async def request(self, method: str, path: str, body: object = None, *,
                      token: str | None = None, form: dict | None = None,
                      use_cookies: bool = True, timeout: float = 120) -> HTTPResponse:  # fmt: skip
        """One HTTP request through the proxy; cookies are stored as a browser would."""
        self.budget.take()
        headers = {}
        data = None
        if form is not None:
            data = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        elif method in ("POST", "PUT", "PATCH"):
            data = ""
        if token:
            headers["Authorization"] = f"token {token}"
        if use_cookies and self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = HTTPRequest(_loopback(self.base + path), method=method, body=data,
                              headers=headers, follow_redirects=False,
                              request_timeout=timeout, allow_nonstandard_methods=True)  # fmt: skip
        response = await self.http.fetch(request, raise_error=False)
        if response.code == 599:
            raise ConnectionError(f"{method} {path}: {response.error}")
        if use_cookies:
            for line in response.headers.get_list("Set-Cookie"):
                for key, morsel in SimpleCookie(line).items():
                    self.cookies[key] = morsel.value
        return response

    async def login(self) -> None:
        """Fill in the login form with the shared password, as a student does."""
        page = await self.request("GET", "/hub/login")
        found = re.search(rb'name="_xsrf" value="([^"]+)"', page.body or b"")
        form = {"username": self.name, "password": self.password}
        if found:
            form["_xsrf"] = found.group(1).decode()
        response = await self.request("POST", "/hub/login", form=form)
        if response.code != 302 or "jupyterhub-session-id" not in self.cookies:
            raise RuntimeError(f"login of {self.name} failed with HTTP {response.code}")
        home = await self.request("GET", "/hub/home")
        if home.code != 200:
            raise RuntimeError(f"{self.name} signed in but /hub/home gave HTTP {home.code}")

    async def api(self, method: str, path: str, body: object = None, ok=(200, 201, 202, 204)):
        """A hub or server API call with the student's own token; the decoded JSON body."""
        response = await self.request(method, path, body, token=self.token, use_cookies=False)
        if response.code not in ok:
            detail = (response.body or b"")[:200]
            raise RuntimeError(f"{method} {path} gave HTTP {response.code}: {detail!r}")
        return json.loads(response.body) if response.body else None

    async def start_server(self, timeout: float = 300, poll: float = 0.5) -> float:
        """Ask the hub for this student's server; seconds until it is ready and answering."""
        started = time.monotonic()
        await self.api("POST", f"/hub/api/users/{self.name}/server", ok=(201, 202))
        while time.monotonic() - started < timeout:
            model = await self.api("GET", f"/hub/api/users/{self.name}")
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                await self.api("GET", f"/user/{self.name}/api/status")
                return time.monotonic() - started
            if not server:
                raise RuntimeError(f"the server of {self.name} stopped while starting")
            await asyncio.sleep(poll)
        raise TimeoutError(f"the server of {self.name} was not ready in {timeout:.0f} s")

    async def stop_server(self) -> None:
        """Stop this student's server (the 'Stop My Server' button) and wait until it is gone."""
        await self.api("DELETE", f"/hub/api/users/{self.name}/server", ok=(202, 204, 400))
        for _ in range(240):
            model = await self.api("GET", f"/hub/api/users/{self.name}")
            if not (model.get("servers") or {}).get(""):
                return
            await asyncio.sleep(0.5)
        raise TimeoutError(f"the server of {self.name} did not stop")

    async def notebook_cells(self, path: str = NOTEBOOK) -> list[str]:
        """The code cells of the student's own copy of a notebook, read through the server."""
        model = await self.api("GET", f"/user/{self.name}/api/contents/{path}?content=1")
        return [
            "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for cell in model["content"]["cells"]
            if cell["cell_type"] == "code"
        ]

    async def open_kernel(self, path: str = NOTEBOOK) -> Kernel:
        """Open the notebook's session (as JupyterLab does) and connect to its kernel."""
        body = {"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
        session = await self.api("POST", f"/user/{self.name}/api/sessions", body)
        return await self.connect(session["kernel"]["id"])

    async def new_kernel(self) -> Kernel:
        """A second kernel of its own (a copy of the notebook, or a console, open beside it)."""
        model = await self.api("POST", f"/user/{self.name}/api/kernels", {"name": "python3"})
        return await self.connect(model["id"])

    async def follow(self, path: str, hops: int = 10) -> HTTPResponse:
        """GET with the browser's cookies, following redirects within the hub as a browser does."""
        response = await self.request("GET", path)
        for _ in range(hops):
            location = response.headers.get("Location")
            if response.code not in (301, 302, 303, 307) or not location:
                break
            parts = urlsplit(location)
            if parts.hostname and parts.hostname not in LOOPBACK_HOSTS:
                raise ValueError(f"redirect away from loopback: {location}")
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            response = await self.request("GET", target)
        return response

    async def connect(self, kernel_id: str) -> Kernel:
        """The websocket of a running kernel, authenticated with the student's token."""
        self.budget.take()
        url = self.base.replace("http://", "ws://", 1)
        request = HTTPRequest(
            _loopback(f"{url}/user/{self.name}/api/kernels/{kernel_id}/channels"),
            headers={"Authorization": f"token {self.token}"}, request_timeout=120,
        )
        connection = await websocket_connect(request, max_message_size=64 * 1024 * 1024)
        return Kernel(connection, kernel_id, self.name)

    async def restart_kernel(self, kernel: Kernel) -> Kernel:
        """Restart a kernel (Kernel > Restart) and reconnect to it."""
        kernel.close()
        await self.api("POST", f"/user/{self.name}/api/kernels/{kernel.kernel_id}/restart")
        return await self.connect(kernel.kernel_id)
