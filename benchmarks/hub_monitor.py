"""Samples, once a second, the memory of each student's server and kernels and the machine's CPU.

Memory is the resident set (RSS) summed over a server's process tree (the server and its
kernels), and also its proportional set (PSS), which splits shared library pages between the
processes that map them (a fairer total). CPU is the whole machine's busy share from /proc/stat,
so it includes anything else running; `cpu_seconds` counts only the class's own processes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import psutil


def _cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs from the first line of /proc/stat."""
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def _tree(pid: int) -> list[psutil.Process]:
    """A process and all its descendants (an empty list when it is gone)."""
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


@dataclass
class Usage:
    """Peak memory per student, peak totals, CPU busy samples and CPU seconds used."""

    peak_rss: dict[str, int] = field(default_factory=dict)
    peak_pss: dict[str, int] = field(default_factory=dict)
    peak_total_rss: int = 0
    peak_total_pss: int = 0
    peak_hub_rss: int = 0
    busy: list[float] = field(default_factory=list)
    cpu_seconds: dict[int, float] = field(default_factory=dict)


class Monitor:
    """A background thread that samples the registered process trees until stopped."""

    def __init__(self, hub_pids: list[int], interval: float = 1.0) -> None:
        self.hub_pids = hub_pids
        self.servers: dict[str, int] = {}
        self.usage = Usage()
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.seen: dict[int, float] = {}  # pid -> creation time, to kill only our own

    def watch(self, user: str, pid: int) -> None:
        """Add (or replace after a restart) the server process of a student."""
        self.servers[user] = pid

    def start(self) -> None:
        """Start sampling."""
        self._thread.start()

    def stop(self) -> Usage:
        """Stop sampling and return what was measured."""
        self._stop.set()
        self._thread.join()
        return self.usage

    def _memory(self, processes: list[psutil.Process]) -> tuple[int, int]:
        """(RSS, PSS) summed over processes, recording their CPU time as it grows."""
        rss = pss = 0
        for process in processes:
            try:
                info = process.memory_full_info()
                times = process.cpu_times()
            except psutil.Error:
                continue
            self.seen[process.pid] = process.create_time()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
            spent = self.usage.cpu_seconds
            spent[process.pid] = max(times.user + times.system, spent.get(process.pid, 0.0))
        return rss, pss

    def _sample(self) -> None:
        """One sample of every tree."""
        usage = self.usage
        total_rss = total_pss = 0
        for user, pid in list(self.servers.items()):
            rss, pss = self._memory(_tree(pid))
            usage.peak_rss[user] = max(usage.peak_rss.get(user, 0), rss)
            usage.peak_pss[user] = max(usage.peak_pss.get(user, 0), pss)
            total_rss, total_pss = total_rss + rss, total_pss + pss
        hub_rss, hub_pss = self._memory([p for pid in self.hub_pids for p in _tree(pid)[:1]])
        usage.peak_hub_rss = max(usage.peak_hub_rss, hub_rss)
        usage.peak_total_rss = max(usage.peak_total_rss, total_rss + hub_rss)
        usage.peak_total_pss = max(usage.peak_total_pss, total_pss + hub_pss)

    def _run(self) -> None:
        """Sample every `interval` seconds; record the CPU busy share of each interval."""
        busy0, total0 = _cpu_times()
        while not self._stop.wait(self.interval):
            self._sample()
            busy1, total1 = _cpu_times()
            if total1 > total0:
                self.usage.busy.append((busy1 - busy0) / (total1 - total0))
            busy0, total0 = busy1, total1
