"""Faults during a class, and isolation between two students, on the local JupyterHub.

Each fault starts from work the student has saved and checked on disk, and ends with the
student going on (a new save) and every entry saved before the fault still on disk:
1. a student's server and kernel are killed (SIGKILL) in the middle of a run of saves;
2. the hub is restarted mid-class, first as planned (SIGTERM), then after a crash (SIGKILL),
   while one student saves and another works through the proxy while the hub is down;
3. a kernel is restarted, and two kernels of one student save into the same file at once;
4. the disk holding the homes is full (a small tmpfs, filled up): the save reports a clear
   message and the earlier work is kept.
Isolation: with her own token and cookies, one student can neither read nor change another's
work through the hub or the other's server. Run by `class_load.py --faults`.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import signal
import time
from pathlib import Path

import psutil
from class_load import ClassRun, class_run, save_and_check
from class_work import class_entries, lost_entries, parse_result, save_code, saved_entries
from hub_student import Student

#: Saves `count` entries `<prefix>-<n>` one after another, pausing `pause` s between them.
LOOP_CODE = """
import time as _time
from helpers.course import workstore as _ws
_failed = []
for _n in range({count}):
    _e = {{"kind": "short", "prompt": "loop", "answer": str(_n)}}
    _m = _ws.save_entry(f"{prefix}-{{_n}}", _e)
    if _m:
        _failed.append(_m)
    _time.sleep({pause})
print("RESULT", __import__("json").dumps({{"messages": {{}}, "work": str(_ws.save_file()),
      "failed": _failed}}))
"""
#: Makes every atomic write fail as a full disk does (used only when no tmpfs can be mounted).
INJECT_FULL = """
import errno as _errno, tempfile as _tempfile
_real_mkstemp = _tempfile.mkstemp
def _full(*args, **kwargs):
    raise OSError(_errno.ENOSPC, "No space left on device")
_tempfile.mkstemp = _full
"""
UNDO_FULL = "_tempfile.mkstemp = _real_mkstemp"


def _loop_entry(n: int) -> dict:
    """The entry LOOP_CODE saves as number n."""
    return {"kind": "short", "prompt": "loop", "answer": str(n)}


async def arrive(run: ClassRun, name: str):
    """A student signed in, with a running server, a kernel that ran notebook 02's first cell,
    and seven entries saved and checked on disk."""
    student = await run.student(name)
    await student.start_server()
    await run.watch(name)
    kernel = await student.open_kernel()
    first = (await student.notebook_cells())[0]
    result = await kernel.execute(first)
    if result.error:
        raise RuntimeError(f"{name}: first cell failed: {result.error}")
    entries = class_entries(name)
    problems = await save_and_check(run, student, kernel, entries, export=False)
    if problems or lost_entries(run.work_dir(name), entries):
        raise RuntimeError(f"{name}: baseline save failed: {problems}")
    return student, kernel, entries


async def go_on(run: ClassRun, student: Student, kernel, expected: dict, tag: str) -> list[str]:
    """The student saves one more entry; problems, plus any earlier entry missing on disk."""
    entry = {f"after-{tag}": {"kind": "notes", "prompt": "after the fault", "answer": tag}}
    problems = await save_and_check(run, student, kernel, entry, export=False)
    expected.update(entry)
    return problems + [f"lost {q}" for q in lost_entries(run.work_dir(student.name), expected)]


def kill_tree(pid: int) -> int:
    """SIGKILL a process and all its descendants at once; how many were killed."""
    root = psutil.Process(pid)
    tree = [root, *root.children(recursive=True)]
    for process in tree:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(tree, timeout=10)
    return len(tree)


async def wait_for_entries(work: Path, prefix: str, count: int, timeout: float = 120) -> dict:
    """Poll answers.json until it holds `count` entries named `<prefix>-*`; those entries."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError, KeyError):
            saved = saved_entries(work)
            if sum(q.startswith(f"{prefix}-") for q in saved) >= count:
                return saved
        await asyncio.sleep(0.05)
    raise TimeoutError(f"fewer than {count} {prefix} entries were saved in time")


async def fault_killed_while_saving(run: ClassRun) -> dict:
    """1. SIGKILL the server and kernel of a student while the kernel saves in a loop."""
    student, kernel, expected = await arrive(run, "killed")
    work = run.work_dir("killed")
    saving = asyncio.ensure_future(kernel.execute(LOOP_CODE.format(prefix="k", count=2000,
                                                                   pause=0)))  # fmt: skip
    before = await wait_for_entries(work, "k", 30)
    killed = kill_tree(await run.server_pid("killed"))
    with contextlib.suppress(Exception):
        await asyncio.wait_for(saving, 10)
    after_kill = saved_entries(work)  # must still be a readable save file
    lost = [q for q, e in before.items() if after_kill.get(q) != e]
    expected.update({q: e for q, e in after_kill.items() if q.startswith("k-")})
    await student.stop_server()  # the student presses "Stop My Server", then "Start My Server"
    await student.start_server()
    await run.watch("killed")
    kernel = await student.open_kernel()
    problems = await go_on(run, student, kernel, expected, "kill")
    kernel.close()
    corrupt = sorted(p.name for p in work.glob("answers.json.corrupt-*"))
    leftovers = sorted(p.name for p in work.glob(".answers.json.*"))
    return {"fault": "server and kernel killed while saving", "processes_killed": killed,
            "loop_entries_on_disk_before_kill": sum(q.startswith("k-") for q in before),
            "loop_entries_after_kill": sum(q.startswith("k-") for q in after_kill),
            "lost": lost, "problems": problems + corrupt,
            "leftover_temporary_files": leftovers}  # fmt: skip


async def fault_hub_restart(run: ClassRun) -> dict:
    """2. Restart the hub (SIGTERM, then SIGKILL) while students work; servers keep running."""
    saver, saver_kernel, saver_expected = await arrive(run, "restart-a")
    reader, reader_kernel, reader_expected = await arrive(run, "restart-b")
    pids = {n: await run.server_pid(n) for n in ("restart-a", "restart-b")}
    problems, lost = [], []
    for number, sig in enumerate((signal.SIGTERM, signal.SIGKILL), start=1):
        prefix = f"r{number}"
        saving = asyncio.ensure_future(saver_kernel.execute(LOOP_CODE.format(
            prefix=prefix, count=60, pause=0.1)))  # fmt: skip
        await wait_for_entries(run.work_dir("restart-a"), prefix, 5)
        await asyncio.to_thread(run.hub.stop_hub, sig)
        # While the hub is down, the other student's open kernel still answers through the proxy.
        down = await reader_kernel.execute(save_code({f"{prefix}-while-down": {
            "kind": "notes", "prompt": "hub down", "answer": prefix}}, export=False))  # fmt: skip
        if down.error or parse_result(down.stdout)["messages"].get(f"{prefix}-while-down"):
            problems.append(f"{prefix}: saving while the hub was down failed: {down}")
        reader_expected[f"{prefix}-while-down"] = {"kind": "notes", "prompt": "hub down",
                                                   "answer": prefix}  # fmt: skip
        await asyncio.to_thread(run.hub.start_hub)
        run.monitor.hub_pids[1] = run.hub.hub.pid
        result = parse_result((await saving).stdout)
        problems += result["failed"]
        saver_expected.update({f"{prefix}-{n}": _loop_entry(n) for n in range(60)})
        for name in pids:
            if await run.server_pid(name) != pids[name] or not psutil.pid_exists(pids[name]):
                problems.append(f"{prefix}: the server of {name} did not survive")
        await reader.api("GET", f"/user/{reader.name}/api/contents/source-criticism")
    lost += lost_entries(run.work_dir("restart-a"), saver_expected)
    lost += lost_entries(run.work_dir("restart-b"), reader_expected)
    problems += await go_on(run, saver, saver_kernel, saver_expected, "restart")
    _, newcomer_kernel, _ = await arrive(run, "restart-c")  # the hub still admits people
    for kernel in (saver_kernel, reader_kernel, newcomer_kernel):
        kernel.close()
    return {"fault": "hub restarted mid-class (SIGTERM, then SIGKILL)",
            "servers_kept": pids, "lost": lost, "problems": problems}  # fmt: skip


async def fault_kernel_restart_and_twin(run: ClassRun) -> dict:
    """3. Two kernels of one student save into one file at once; then a kernel restart."""
    student, first, expected = await arrive(run, "twin")
    second = await student.new_kernel()
    runs = await asyncio.gather(
        first.execute(LOOP_CODE.format(prefix="ta", count=80, pause=0)),
        second.execute(LOOP_CODE.format(prefix="tb", count=80, pause=0)),
    )
    problems = [m for r in runs for m in parse_result(r.stdout)["failed"]]
    problems += [r.error for r in runs if r.error]
    for prefix in ("ta", "tb"):
        expected.update({f"{prefix}-{n}": _loop_entry(n) for n in range(80)})
    lost = lost_entries(run.work_dir("twin"), expected)
    first = await student.restart_kernel(first)
    check = await first.execute(
        "from helpers.course import workstore as _ws\nprint('COUNT', len(_ws.load_work().entries))"
    )
    seen = int(check.stdout.split()[-1]) if "COUNT" in check.stdout else -1
    if seen != len(expected):
        problems.append(f"after the restart the kernel sees {seen} entries, not {len(expected)}")
    problems += await go_on(run, student, first, expected, "restart")
    problems += await go_on(run, student, second, expected, "twin")
    first.close()
    second.close()
    return {"fault": "kernel restart, and the same notebook's work saved from two kernels",
            "entries_checked": len(expected), "lost": lost, "problems": problems}  # fmt: skip


def fill_disk(folder: Path) -> Path:
    """Write a file in `folder` until the file system is full; the file."""
    filler = folder / "filler.bin"
    block = b"\0" * (1024 * 1024)
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(block)
        except OSError as err:
            if err.errno != errno.ENOSPC:
                raise
        with contextlib.suppress(OSError):
            while True:  # the last few kilobytes
                handle.write(b"\0" * 4096)
    return filler


async def fault_disk_full(run: ClassRun) -> dict:
    """4. The disk holding the homes fills up: the save says so and the earlier work stays."""
    student, kernel, expected = await arrive(run, "diskfull")
    before = dict(saved_entries(run.work_dir("diskfull")))
    mounted = run.homes_mounted
    filler = None
    if mounted:
        filler = await asyncio.to_thread(fill_disk, run.settings.homes)
    else:
        await kernel.execute(INJECT_FULL)
    try:
        attempt = await kernel.execute(save_code({"full-1": {"kind": "notes", "prompt": "full",
                                                             "answer": "x" * 5000}}))  # fmt: skip
        result = parse_result(attempt.stdout) if not attempt.error else {"messages": {}}
        after = saved_entries(run.work_dir("diskfull"))
    finally:
        if filler is not None:
            filler.unlink()
        else:
            await kernel.execute(UNDO_FULL)
    message = result["messages"].get("full-1") or ""
    problems = []
    if "No space left" not in message or "earlier saved work is unchanged" not in message:
        problems.append(f"unclear or missing message: {message!r} ({attempt.error})")
    if not result.get("export_problem"):
        problems.append("exporting on a full disk reported no problem")
    lost = [q for q, e in before.items() if after.get(q) != e]
    if "full-1" in after:
        problems.append("an entry was reported as failed but is in the file")
    problems += await go_on(run, student, kernel, expected, "disk-freed")
    kernel.close()
    return {"fault": "disk holding the homes full",
            "how": "tmpfs filled to the last block" if mounted else "ENOSPC injected (no mount)",
            "message_shown": message, "lost": lost, "problems": problems}  # fmt: skip


async def isolation(run: ClassRun) -> dict:
    """Alice, with her own token and cookies, tries to read and change Bob's work."""
    alice, alice_kernel, _ = await arrive(run, "alice")
    _, bob_kernel, bob_expected = await arrive(run, "bob")
    answers = "source-criticism/work/answers.json"
    secret = bob_expected["02-notes"]["answer"]
    alice_token = alice.token
    attempts = {
        "hub API: read bob's model": ("GET", "/hub/api/users/bob", None),
        "hub API: start bob's server": ("POST", "/hub/api/users/bob/server", None),
        "hub API: stop bob's server": ("DELETE", "/hub/api/users/bob/server", None),
        "hub API: make a token for bob": ("POST", "/hub/api/users/bob/tokens", {}),
        "bob's server: read answers.json": ("GET", f"/user/bob/api/contents/{answers}", None),
        "bob's server: overwrite answers.json": (
            "PUT", f"/user/bob/api/contents/{answers}",
            {"type": "file", "format": "text", "content": "{}"}),
        "bob's server: start a kernel": ("POST", "/user/bob/api/kernels", {"name": "python3"}),
        "bob's server: list kernels": ("GET", "/user/bob/api/kernels", None),
    }  # fmt: skip
    results, problems = {}, []
    for label, (method, path, body) in attempts.items():
        response = await alice.request(method, path, body, token=alice_token, use_cookies=False)
        results[label] = response.code
        if response.code < 300 or secret.encode() in (response.body or b""):
            problems.append(f"{label}: HTTP {response.code}")
    bob_kernel_id = bob_kernel.kernel_id
    try:
        alice.name, intruder = "bob", await alice.connect(bob_kernel_id)
        intruder.close()
        problems.append("alice opened bob's kernel websocket")
        results["bob's kernel websocket"] = "opened"
    except Exception as err:
        results["bob's kernel websocket"] = f"refused ({getattr(err, 'code', err)})"
    finally:
        alice.name = "alice"
    for label, path in {"cookie: bob's answers.json": f"/user/bob/files/{answers}",
                        "cookie: bob's JupyterLab": "/user/bob/lab"}.items():  # fmt: skip
        response = await alice.follow(path)
        results[label] = response.code
        if response.code == 200 or secret.encode() in (response.body or b""):
            problems.append(f"{label}: HTTP {response.code}")
    own = await alice.follow(f"/user/alice/files/{answers}")  # control: the same path works
    results["control: alice's own answers.json by cookie"] = own.code
    if own.code != 200 or b"Student alice" not in (own.body or b""):
        problems.append(f"control failed: alice could not read her own file ({own.code})")
    lost = lost_entries(run.work_dir("bob"), bob_expected)
    peek = await alice_kernel.execute(
        f"print('READ', {secret!r} in open({str(run.work_dir('bob') / 'answers.json')!r}).read())"
    )
    for kernel in (alice_kernel, bob_kernel):
        kernel.close()
    return {"fault": "isolation between two students (hub API, server API, websocket, cookies)",
            "responses": results, "lost": lost, "problems": problems,
            "local_spawner_alice_reads_bob_file": "READ True" in peek.stdout}  # fmt: skip


async def all_faults(run: ClassRun) -> list[dict]:
    """Each fault in turn on one hub; a fault that crashes is reported, not fatal."""
    reports = []
    for fault in (fault_killed_while_saving, fault_hub_restart, fault_kernel_restart_and_twin,
                  fault_disk_full, isolation):  # fmt: skip
        started = time.monotonic()
        try:
            report = await fault(run)
        except Exception as err:
            crash = f"{type(err).__name__}: {err}"
            report = {"fault": fault.__name__, "lost": [], "problems": [crash]}
        report["seconds"] = round(time.monotonic() - started, 1)
        report["passed"] = not report["lost"] and not report["problems"]
        reports.append(report)
        print(("PASS " if report["passed"] else "FAIL ") + report["fault"], flush=True)
    return reports


def run_faults(seconds: float, keep: bool) -> dict:
    """All faults and the isolation test on a hub whose homes sit on a small tmpfs."""
    size = "512m" if os.geteuid() == 0 else ""
    with class_run(seconds, max_requests=5000, keep=keep, homes_size=size) as run:
        reports = asyncio.run(all_faults(run))
    return {"faults": reports, "failed": sum(not r["passed"] for r in reports),
            "lost_entries": sum(len(r["lost"]) for r in reports)}
