"""Saves under load (issue 11 §4): 8 processes × 200 saves into one file, repeated 5 times, and
a damaged file with 6 processes loading and saving at once, for 460 rounds. Every save that was
refused ("Could not save") or reported fine but missing afterwards is counted; the goal is
0 refused and 0 lost. Results go to benchmarks/save_stress.md. The same trials on the code
before issue 11 (commit 4b51db5): 1 save refused in 3 runs of 8 × 200 (the lock-file race),
and 51 of 2,760 saves lost in the damaged-file race (an unlocked load set a good file aside).

Run: `.venv/bin/python benchmarks/save_stress.py` (about a minute on 2 cores). Needs a system
with fork and flock (Linux, macOS).
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from save_race import save_race, save_storm  # noqa: E402  (shared with the tests)

STORM = {"workers": 8, "count": 200, "repeats": 5}
RACE = {"workers": 6, "rounds": 460}


def main() -> None:
    """Run both trials in a temporary folder, print and write the table."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.json"
        for repeat in range(1, STORM["repeats"] + 1):
            started = time.perf_counter()
            result = save_storm(path, STORM["workers"], STORM["count"])
            rows.append((f"{STORM['workers']} processes × {STORM['count']} saves, run {repeat}",
                         result["saves"], result["refused"], result["lost"],
                         time.perf_counter() - started))
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        result = save_race(path, RACE["workers"], RACE["rounds"])
        rows.append((f"damaged file, {RACE['workers']} processes load and save, "
                     f"{RACE['rounds']} rounds", result["saves"], result["refused"],
                     result["lost"], time.perf_counter() - started))
    lines = [
        "# Saves under load (benchmarks/save_stress.py)", "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- cores: {os.cpu_count()}; load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- os: {platform.platform()}; python: {platform.python_version()}", "",
        "| trial | saves | refused | lost | time |", "|---|---|---|---|---|",
        *(f"| {name} | {saves} | {refused} | {lost} | {seconds:.1f} s |"
          for name, saves, refused, lost, seconds in rows), "",
    ]
    text = "\n".join(lines)
    (HERE / "save_stress.md").write_text(text, encoding="utf-8")
    print(text)
    if any(refused or lost for _, _, refused, lost, _ in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
