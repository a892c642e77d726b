"""One local Jupyter server per student, each in its own home folder with its own work folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Unicode

from hub.provision import sync_course
from hub.settings import COURSE_FOLDER


class CourseSpawner(SimpleLocalProcessSpawner):
    """SimpleLocalProcessSpawner that provisions the course notebooks and sets COURSE_WORK_DIR.

    For trials and small classes only: every server runs as the hub's own OS user, so the
    separation between students is the hub's authentication, not the file system.
    """

    course_source = Unicode(help="Repository whose notebooks every student gets.").tag(config=True)

    def course_dir(self) -> Path:
        """The student's copy of the course: `<home>/source-criticism`."""
        return Path(self.home_dir) / COURSE_FOLDER

    def user_env(self, env: dict) -> dict:
        """The student's HOME plus their own COURSE_WORK_DIR."""
        env = super().user_env(env)
        env["COURSE_WORK_DIR"] = str(self.course_dir() / "work")
        return env

    async def start(self):
        """Copy or update the student's notebooks (never overwriting their changes), then start."""
        trust_dir = Path(self.home_dir) / ".local" / "share" / "jupyter"
        report = await asyncio.to_thread(
            sync_course, Path(self.course_source), self.course_dir(), trust_dir
        )
        self.log.info(
            "Course for %s: %d copied, %d updated, %d kept as the student changed them",
            self.user.name, len(report.copied), len(report.updated), len(report.kept),
        )
        return await super().start()
