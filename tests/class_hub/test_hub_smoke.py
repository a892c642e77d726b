"""Smoke test of the class hub: two students sign in, start, run a cell and save; then it stops.

Skipped, with the reason, when JupyterHub or configurable-http-proxy are not installed
(`make setup-dev` installs both). The full class, the faults and the isolation test run in
`make classtest`.
"""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("jupyterhub") is None,
                       reason="class hub smoke test skipped: jupyterhub is not installed "
                              "(make setup-dev installs requirements-hub.txt)"),
    pytest.mark.skipif(not PROXY.exists(),
                       reason="class hub smoke test skipped: configurable-http-proxy is not "
                              "installed (make setup-dev runs npm ci; needs npm)"),
]  # fmt: skip


async def _two_students(run) -> dict[str, list[str]]:
    """Each student runs notebook 02's first cell and saves one entry; the problems seen."""
    from class_load import save_and_check
    from class_work import class_entries, lost_entries

    async def one(name: str) -> list[str]:
        student = await run.student(name)
        await student.start_server()
        kernel = await student.open_kernel()
        cell = await kernel.execute((await student.notebook_cells())[0])
        entry = {"02-q2": class_entries(name)["02-q2"]}
        problems = [cell.error] if cell.error else []
        problems += await save_and_check(run, student, kernel, entry, export=False)
        kernel.close()
        return problems + lost_entries(run.work_dir(name), entry)

    names = ["ana", "ben"]
    return dict(zip(names, await asyncio.gather(*(one(n) for n in names)), strict=True))


def test_two_students_run_a_cell_and_save_their_own_work(tmp_path: Path) -> None:
    from class_load import class_run
    from class_work import saved_entries

    with class_run(seconds=240, max_requests=400) as run:
        problems = asyncio.run(_two_students(run))
        saved = {name: saved_entries(run.work_dir(name)) for name in problems}
        running = run.hub.running_servers()
    assert problems == {"ana": [], "ben": []}
    assert saved["ana"]["02-q2"]["answer"] == "falls ana"
    assert saved["ben"]["02-q2"]["answer"] == "falls ben"
    assert sorted(running) == ["ana", "ben"]
    assert run.hub.hub.poll() is not None and run.hub.proxy.poll() is not None  # all stopped
