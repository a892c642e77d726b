"""Where the class hub keeps its state and homes, and its loopback ports, from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: Default folder for the hub's database and the students' homes (ignored by git).
DEFAULT_ROOT = REPO_ROOT / "hub" / "run"
#: Trial password shared by every account unless HUB_PASSWORD sets another (8+ characters).
DEFAULT_PASSWORD = "try-the-course"
#: Folder of each student's copy of the course, as nbgitpuller names it after the repository.
COURSE_FOLDER = "source-criticism"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class HubSettings:
    """Everything `make hub` can change with an environment variable."""

    root: Path = DEFAULT_ROOT
    ip: str = "127.0.0.1"
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    password: str = DEFAULT_PASSWORD

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> HubSettings:
        """Settings from HUB_ROOT, HUB_IP, HUB_PORT, HUB_API_PORT, HUB_PROXY_API_PORT and
        HUB_PASSWORD."""
        env = os.environ if env is None else env
        return cls(
            root=Path(env.get("HUB_ROOT") or DEFAULT_ROOT).resolve(),
            ip=env.get("HUB_IP") or "127.0.0.1",
            port=int(env.get("HUB_PORT") or 8000),
            hub_port=int(env.get("HUB_API_PORT") or 8081),
            proxy_api_port=int(env.get("HUB_PROXY_API_PORT") or 8001),
            password=env.get("HUB_PASSWORD") or DEFAULT_PASSWORD,
        )

    def to_env(self) -> dict[str, str]:
        """The environment variables that reproduce these settings in another process."""
        return {
            "HUB_ROOT": str(self.root),
            "HUB_IP": self.ip,
            "HUB_PORT": str(self.port),
            "HUB_API_PORT": str(self.hub_port),
            "HUB_PROXY_API_PORT": str(self.proxy_api_port),
            "HUB_PASSWORD": self.password,
        }

    @property
    def state_dir(self) -> Path:
        """The hub's database, cookie secret and logs."""
        return self.root / "state"

    @property
    def homes(self) -> Path:
        """One home folder per student."""
        return self.root / "homes"

    @property
    def url(self) -> str:
        """The address students open."""
        host = "127.0.0.1" if self.ip in ("", "0.0.0.0") else self.ip
        return f"http://{host}:{self.port}/"

    def home(self, user: str) -> Path:
        """A student's home folder."""
        return self.homes / user

    def work_dir(self, user: str) -> Path:
        """A student's COURSE_WORK_DIR: `work/` in their copy of the course."""
        return self.home(user) / COURSE_FOLDER / "work"
