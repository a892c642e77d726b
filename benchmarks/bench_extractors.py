"""Time budgets of the three extractors on long and hostile texts (issue 11, section 5).

`extract_numbers`, `extract_dates` and `translation_traces` must grow near-linearly: each
runs on 1 MB of ordinary text (the corpus repeated) and of three crafted inputs that made
earlier versions quadratic ("between 10 and ", "July 6 ", "a-" repeated), at 0.25, 0.5 and
1 MB, and must finish 1 MB in under BUDGET seconds. Each input runs in its own process,
killed after CAP seconds. Prints a Markdown table for benchmarks/README.md; exits 1 when a
budget is missed. Run with `make bench` or `.venv/bin/python benchmarks/bench_extractors.py`.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time

BUDGET = 5.0
CAP = 120
SIZES = (250_000, 500_000, 1_000_000)
CRAFTED = {"between 10 and ": "between 10 and ", "July 6 ": "July 6 ", "a-": "a-"}
EXTRACTORS = ("extract_numbers", "extract_dates", "translation_traces")

_WORKER = """
import json, sys, time
from helpers import extract_dates, extract_numbers, load_corpus, translation_traces
kind, size = sys.argv[1], int(sys.argv[2])
if kind == "ordinary text":
    unit = "\\n\\n".join(load_corpus()["text"])
else:
    unit = kind
text = (unit * (size // len(unit) + 1))[:size]
for name in sys.argv[3:]:
    started = time.perf_counter()
    rows = len(globals()[name](text))
    print(json.dumps([name, time.perf_counter() - started, rows]), flush=True)
"""


def run(kind: str, size: int) -> dict[str, tuple[float | None, int]]:
    """Seconds and rows per extractor for one input; None where the process was killed."""
    found: dict[str, tuple[float | None, int]] = {name: (None, 0) for name in EXTRACTORS}
    command = [sys.executable, "-c", _WORKER, kind, str(size), *EXTRACTORS]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=CAP, check=True)
        output = done.stdout
    except subprocess.TimeoutExpired as stopped:
        output = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else ""
    for line in (output or "").splitlines():
        name, seconds, rows = json.loads(line)
        found[name] = (seconds, rows)
    return found


def main() -> int:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"# extractors: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"python {platform.python_version()}, load {load}")  # fmt: skip
    print("\n| input | size | extractor | time | rows | µs per KB |")
    print("|---|---|---|---|---|---|")
    missed = []
    for kind in ("ordinary text", *CRAFTED):
        for size in SIZES:
            for name, (seconds, rows) in run(kind, size).items():
                shown = f"> {CAP} s (killed)" if seconds is None else f"{seconds:.2f} s"
                per_kb = "" if seconds is None else f"{seconds / (size / 1000) * 1e6:,.0f}"
                print(f"| {kind!r} | {size / 1e6:.2f} MB | {name} | {shown} | {rows:,} | "
                      f"{per_kb} |", flush=True)  # fmt: skip
                if size == SIZES[-1] and (seconds is None or seconds > BUDGET):
                    missed.append(f"{name} on {kind!r}")
    print(f"\nBudget: every extractor under {BUDGET:.0f} s at 1 MB: "
          + ("met" if not missed else "MISSED by " + ", ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
