"""A class on the local JupyterHub, measured: `make classtest N=30` (never part of `make test`).

N simulated students sign in within the ramp (default one minute), start their servers, open
notebook 02 in a kernel and run its code cells, save seven entries of different kinds with
`helpers.course.workstore.save_entry`, and export their work. Then every student's saved work
is checked entry by entry from the files on disk. Reported: spawn time p50/p95/max, notebook
run time, peak memory per student and in total, CPU saturation, errors and lost entries.

`--faults` runs the four faults of benchmarks/class_faults.py and the two-user isolation test
instead. Everything talks to 127.0.0.1 only; requests are capped by count and by time; the
hub, the proxy and every server are stopped at the end, and the temporary homes removed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import shutil
import signal
import socket
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from class_work import (  # noqa: E402
    class_entries,
    export_problems,
    lost_entries,
    parse_result,
    save_code,
)
from hub_monitor import Monitor, Usage  # noqa: E402
from hub_student import Budget, Student  # noqa: E402

from hub.launcher import ClassHub  # noqa: E402
from hub.settings import HubSettings  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
MiB = 1024 * 1024


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ClassRun:
    """A hub in a temporary root with free loopback ports, its monitor and its request budget."""

    def __init__(self, root: Path, budget: Budget) -> None:
        ports = {"port": free_port(), "hub_port": free_port(), "proxy_api_port": free_port()}
        self.settings = HubSettings(root=root, password="class-test-pw", **ports)
        self.hub = ClassHub(self.settings, quiet=True)
        self.budget = budget
        self.monitor: Monitor | None = None

    def start(self) -> None:
        """Start the proxy and the hub, then sampling."""
        self.hub.start()
        self.monitor = Monitor([self.hub.proxy.pid, self.hub.hub.pid])
        self.monitor.start()

    def stop(self) -> Usage | None:
        """Stop sampling, every server, the hub and the proxy; kill anything left over."""
        usage = self.monitor.stop() if self.monitor else None
        try:
            self.hub.stop()
        finally:
            for pid, created in (self.monitor.seen if self.monitor else {}).items():
                with contextlib.suppress(psutil.Error):
                    process = psutil.Process(pid)
                    if process.create_time() == created:
                        process.kill()
        return usage

    async def student(self, name: str) -> Student:
        """A student who has signed in and holds a token of their own (made by the launcher)."""
        student = Student(self.settings.url, name, self.settings.password, self.budget)
        await student.login()
        request = {"note": "class test", "expires_in": 7200}
        status, body = await asyncio.to_thread(
            self.hub.api, "POST", f"/users/{name}/tokens", request
        )
        if status != 201:
            raise RuntimeError(f"no token for {name}: HTTP {status}")
        student.token = body["token"]
        return student

    async def server_pid(self, name: str) -> int:
        """The pid of a student's running server, from the hub's stored spawner state."""
        _, model = await asyncio.to_thread(self.hub.api, "GET", f"/users/{name}")
        return int(model["servers"][""]["state"]["pid"])

    async def watch(self, name: str) -> int:
        """Sample a student's server tree from now on; its pid."""
        pid = await self.server_pid(name)
        self.monitor.watch(name, pid)
        return pid

    def work_dir(self, name: str) -> Path:
        """Where the student's answers.json lives on disk."""
        return self.settings.work_dir(name)


@contextmanager
def class_run(seconds: float, max_requests: int, keep: bool = False, homes_size: str = ""):
    """A started ClassRun in a temporary root, always stopped and removed afterwards.

    `homes_size` ("64m") mounts a tmpfs of that size on the homes folder: a small disk that
    the disk-full fault can fill."""
    root = Path(tempfile.mkdtemp(prefix="classtest-"))
    mounted = False
    if homes_size:
        (root / "homes").mkdir()
        command = f"mount -t tmpfs -o size={homes_size} classtest-homes {root / 'homes'}"
        mounted = os.system(command) == 0
    run = ClassRun(root, Budget(max_requests, seconds))
    run.homes_mounted = mounted
    try:
        run.start()
        yield run
    finally:
        run.usage = run.stop()
        if mounted:
            os.system(f"umount {root / 'homes'}")
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


async def run_notebook(student: Student, kernel) -> tuple[float, list[str]]:
    """Run every code cell of the student's copy of notebook 02; (seconds, errors)."""
    started = time.monotonic()
    errors = []
    for number, code in enumerate(await student.notebook_cells(), start=1):
        result = await kernel.execute(code)
        if result.error:
            errors.append(f"cell {number}: {result.error}")
    return time.monotonic() - started, errors


async def save_and_check(run: ClassRun, student: Student, kernel, entries: dict,
                         export: bool = True) -> list[str]:  # fmt: skip
    """Save `entries` in the kernel (and export); the problems the kernel reported."""
    result = parse_result((await kernel.execute(save_code(entries, export))).stdout)
    problems = [f"{qid}: {m}" for qid, m in result["messages"].items() if m]
    if export and result.get("export_problem"):
        problems.append(f"export: {result['export_problem']}")
    if Path(result["work"]).parent != run.work_dir(student.name):
        problems.append(f"saved in {result['work']}, not in the student's own work folder")
    return problems


async def attend(run: ClassRun, name: str, delay: float) -> dict:
    """One student's lesson: sign in, start, run notebook 02, save seven entries, export."""
    await asyncio.sleep(delay)
    record: dict = {"name": name, "errors": []}
    try:
        started = time.monotonic()
        student = await run.student(name)
        record["login_s"] = time.monotonic() - started
        record["spawn_s"] = await student.start_server()
        await run.watch(name)
        kernel = await student.open_kernel()
        record["notebook_s"], cell_errors = await run_notebook(student, kernel)
        record["errors"] += cell_errors
        entries = class_entries(name)
        saving = time.monotonic()
        record["errors"] += await save_and_check(run, student, kernel, entries)
        record["save_export_s"] = time.monotonic() - saving
        kernel.close()
        record["expected"] = entries
    except Exception as err:  # every failure is counted and reported, none stops the class
        record["errors"].append(f"{type(err).__name__}: {err}")
    return record


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summarise(run: ClassRun, records: list[dict], usage: Usage, wall: float) -> dict:
    """The figures of one class run, after checking every student's files on disk."""
    lost = export_missing = 0
    errors = [f"{r['name']}: {e}" for r in records for e in r["errors"]]
    for record in records:
        if "expected" not in record:
            lost += len(class_entries(record["name"]))
            continue
        lost += len(lost_entries(run.work_dir(record["name"]), record["expected"]))
        problems = export_problems(run.work_dir(record["name"]), record["expected"])
        export_missing += len(problems)
        errors += [f"{record['name']}: {p}" for p in problems]
    spawn = [r["spawn_s"] for r in records if "spawn_s" in r]
    notebook = [r["notebook_s"] for r in records if "notebook_s" in r]
    per_student = list(usage.peak_rss.values()) or [0]
    busy = usage.busy or [0.0]
    return {
        "students": len(records),
        "spawn_p50_s": percentile(spawn, 0.5) if spawn else None,
        "spawn_p95_s": percentile(spawn, 0.95) if spawn else None,
        "spawn_max_s": max(spawn) if spawn else None,
        "notebook_p50_s": percentile(notebook, 0.5) if notebook else None,
        "notebook_max_s": max(notebook) if notebook else None,
        "peak_rss_per_student_median_mib": statistics.median(per_student) / MiB,
        "peak_rss_per_student_max_mib": max(per_student) / MiB,
        "peak_pss_per_student_median_mib": statistics.median(usage.peak_pss.values() or [0]) / MiB,
        "peak_total_rss_mib": usage.peak_total_rss / MiB,
        "peak_total_pss_mib": usage.peak_total_pss / MiB,
        "hub_and_proxy_rss_mib": usage.peak_hub_rss / MiB,
        "cpu_busy_mean": statistics.fmean(busy),
        "cpu_busy_share_of_seconds_over_90pct": sum(b > 0.9 for b in busy) / len(busy),
        "class_cpu_seconds": sum(usage.cpu_seconds.values()),
        "wall_s": wall,
        "requests": run.budget.used,
        "errors": len(errors),
        "error_list": errors[:50],
        "lost_entries": lost,
        "export_missing": export_missing,
    }


async def lesson(run: ClassRun, students: int, ramp: float) -> list[dict]:
    """Every student attends, the i-th starting i/N of the way through the ramp."""
    names = [f"student{n:02d}" for n in range(1, students + 1)]
    return await asyncio.gather(
        *(attend(run, name, ramp * i / students) for i, name in enumerate(names))
    )


def load_test(students: int, ramp: float, seconds: float, keep: bool) -> dict:
    """Run one class of `students` and return its summary."""
    started = time.monotonic()
    with class_run(seconds, max_requests=students * 400 + 200, keep=keep) as run:
        load = os.getloadavg()
        records = asyncio.run(lesson(run, students, ramp))
        wall = time.monotonic() - started
        usage = run.monitor.stop()
        summary = summarise(run, records, usage, wall)
    summary.update(ramp_s=ramp, load_average_before=load, cores=os.cpu_count(),
                   memory_gib=psutil.virtual_memory().total / 1024**3)  # fmt: skip
    return summary


def table_row(summary: dict) -> str:
    """One Markdown table row of the README's class table."""
    s = summary
    return (
        f"| {s['students']} | {s['spawn_p50_s']:.1f} / {s['spawn_p95_s']:.1f} / "
        f"{s['spawn_max_s']:.1f} s | {s['notebook_p50_s']:.1f} s (max {s['notebook_max_s']:.1f}) "
        f"| {s['peak_rss_per_student_median_mib']:.0f} MiB (max "
        f"{s['peak_rss_per_student_max_mib']:.0f}) | {s['peak_total_rss_mib'] / 1024:.2f} GiB "
        f"(PSS {s['peak_total_pss_mib'] / 1024:.2f}) | {100 * s['cpu_busy_mean']:.0f}% "
        f"({100 * s['cpu_busy_share_of_seconds_over_90pct']:.0f}% of seconds >90%) "
        f"| {s['class_cpu_seconds'] / s['students']:.1f} s | {s['errors']} | "
        f"{s['lost_entries']} |"
    )


def main() -> None:
    """Parse the options, run the class (or the faults), print and store the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--students", type=int, default=10)
    parser.add_argument("--ramp", type=float, default=60, help="seconds over which all sign in")
    parser.add_argument("--time-limit", type=float, default=900, help="cap on the run (s)")
    parser.add_argument("--faults", action="store_true", help="run the faults and isolation")
    parser.add_argument("--keep", action="store_true", help="keep the temporary homes")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.faults:
        from class_faults import run_faults

        summary = run_faults(args.time_limit, args.keep)
        name = "class-faults.json"
    else:
        summary = load_test(args.students, args.ramp, args.time_limit, args.keep)
        name = f"class-{args.students}-ramp{args.ramp:g}.json"
    (RESULTS / name).write_text(json.dumps(summary, indent=1, default=str), encoding="utf-8")
    print(json.dumps(summary, indent=1, default=str))
    if summary.get("spawn_max_s") is not None:
        print(table_row(summary))
    failed = summary.get("errors") or summary.get("lost_entries") or summary.get("failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
