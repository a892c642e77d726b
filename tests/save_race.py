"""Several processes (kernels) saving into one save file at once; used by the tests at a small
size and by `benchmarks/save_stress.py` at full size. Counts saves refused and saves lost."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from helpers.course.workstore import load_work, save_entry

DAMAGED = '{"format": "source-criticism-work", "entries": {"01-q1": {"ans'
_CONTEXT = multiprocessing.get_context("fork")


def _note(qid: str) -> dict:
    """The entry a worker saves under `qid` (its answer names it, to check it came back)."""
    return {"kind": "notes", "prompt": "P", "answer": qid}


def _storm_worker(path: Path, worker: int, count: int, start, results) -> None:
    """Save `count` entries as fast as possible once every worker is ready; report each."""
    start.wait()
    for n in range(count):
        qid = f"w{worker}-q{n}"
        results.put((qid, save_entry(qid, _note(qid), path)))


def _tally(path: Path, outcomes: list[tuple[str, str | None]]) -> dict[str, int]:
    """Saves refused (a message that nothing was saved) and lost (reported saved, not there)."""
    saved = load_work(path).entries
    refused = [qid for qid, problem in outcomes if problem and "Could not save" in problem]
    lost = [qid for qid, problem in outcomes
            if qid not in refused and saved.get(qid) != _note(qid)]
    return {"refused": len(refused), "lost": len(lost), "saves": len(outcomes)}


def _joined(processes: list) -> None:
    """Wait for every process; a process that failed (an exception) is an error."""
    for process in processes:
        process.join(timeout=600)
    if any(p.exitcode != 0 for p in processes):
        raise RuntimeError(f"a saving process failed: {[p.exitcode for p in processes]}")


def save_storm(path: Path, workers: int, count: int) -> dict[str, int]:
    """`workers` processes × `count` saves of distinct entries into a fresh file."""
    path.unlink(missing_ok=True)
    start, results = _CONTEXT.Barrier(workers), _CONTEXT.SimpleQueue()
    processes = [_CONTEXT.Process(target=_storm_worker, args=(path, w, count, start, results))
                 for w in range(workers)]
    for process in processes:
        process.start()
    outcomes = [results.get() for _ in range(workers * count)]  # drained before joining
    _joined(processes)
    return _tally(path, outcomes)


def _race_worker(path: Path, worker: int, rounds: int, start, done, results) -> None:
    """Each round: load (as a notebook opening does), save one entry, load again."""
    for round_ in range(rounds):
        start.wait()
        load_work(path)
        qid = f"w{worker}-r{round_}"
        results.put((qid, save_entry(qid, _note(qid), path)))
        load_work(path)
        done.wait()


def save_race(path: Path, workers: int, rounds: int) -> dict[str, int]:
    """Rounds in which the file is damaged and `workers` processes load and save at once;
    after each round every save reported fine must be in the file."""
    start, done = _CONTEXT.Barrier(workers + 1), _CONTEXT.Barrier(workers + 1)
    results = _CONTEXT.SimpleQueue()
    processes = [_CONTEXT.Process(target=_race_worker,
                                  args=(path, w, rounds, start, done, results))
                 for w in range(workers)]
    for process in processes:
        process.start()
    totals = {"refused": 0, "lost": 0, "rounds": rounds, "saves": 0}
    for _ in range(rounds):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DAMAGED, encoding="utf-8")
        start.wait()
        done.wait()
        outcomes = [results.get() for _ in range(workers)]
        for key, value in _tally(path, outcomes).items():
            totals[key] += value
    _joined(processes)
    return totals
