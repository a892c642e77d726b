"""Time `diff_words` and `trace_sources` against the tools a user would otherwise pick.

Run: `.venv/bin/python benchmarks/bench_compare.py` (about 8 minutes, mostly waiting for the
slow peers; `--cap` sets the per-tool, per-size time limit, default 120 s). Every
measurement runs in its own child process, so peak memory (the child's maximum resident set
size, from `os.wait4`) is per-measurement and a tool that runs too long is killed. Results
go to `benchmarks/README.md` (raw numbers: `benchmarks/results/compare.json`, not committed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (10_000, 100_000, 1_000_000)
REAL_PAIRS = (("ultimas-noticias", "xi-keynote"), ("globalsecurity", "xi-keynote"))
TOOLS = ("diff_words", "trace_sources", "difflib", "diff-match-patch", "GNU diff")
REPEATS_SMALL = 30


# ---------------------------------------------------------------- synthetic pairs


def synthetic_pair(n_words: int, seed: int) -> tuple[str, str]:
    """A text of `n_words` words (Zipf-like vocabulary, numbers, sentences) and a copy with
    about 5% of words replaced, deleted or inserted and 2% of sentences moved."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = [
        "".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(40_000)
    ]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    words = rng.choices(vocabulary, weights, k=n_words)
    for k in range(0, n_words, 53):
        words[k] = f"{rng.randint(1, 9999)}.{rng.randint(0, 99):02d}"
    sentences, k = [], 0
    while k < n_words:
        length = rng.randint(8, 30)
        chunk = words[k : k + length]
        sentences.append(" ".join([chunk[0].capitalize(), *chunk[1:]]) + ".")
        k += length
    edited = []
    for sentence in sentences:
        out = []
        for word in sentence.split(" "):
            roll = rng.random()
            if roll < 0.017:
                continue
            if roll < 0.034:
                out.append(rng.choice(vocabulary))
                continue
            out.append(word)
            if roll < 0.05:
                out.append(rng.choice(vocabulary))
        edited.append(" ".join(out))
    for _ in range(len(edited) // 50):
        edited.insert(rng.randrange(len(edited)), edited.pop(rng.randrange(len(edited))))
    return " ".join(sentences), " ".join(edited)


# ---------------------------------------------------------------- worker (child process)


def run_tool(tool: str, folder: Path, repeats: int) -> float:
    """Run one tool on the pair in `folder` (a.txt earlier, b.txt later); best time in s."""
    a = (folder / "a.txt").read_text(encoding="utf-8")
    b = (folder / "b.txt").read_text(encoding="utf-8")
    if tool == "import only":
        import helpers  # noqa: F401  (the start-up memory every helpers worker pays)

        def job():
            return None
    elif tool == "diff_words":
        from helpers.text.diffing import diff_words

        def job():
            diff_words(a, b)
    elif tool == "trace_sources":
        from helpers.analysis.tracing import _cached_trace, trace_sources

        def job():
            _cached_trace.cache_clear()
            trace_sources(b, a)
    elif tool == "difflib":
        import difflib

        words_a, words_b = a.split(), b.split()

        def job():
            difflib.SequenceMatcher(None, words_a, words_b).get_opcodes()
    elif tool == "diff-match-patch":
        from diff_match_patch import diff_match_patch

        lines_a, lines_b = "\n".join(a.split()) + "\n", "\n".join(b.split()) + "\n"

        def job():
            dmp = diff_match_patch()
            dmp.Diff_Timeout = 0  # exact diff, as the other tools give
            chars_a, chars_b, lines = dmp.diff_linesToChars(lines_a, lines_b)
            diffs = dmp.diff_main(chars_a, chars_b, False)
            dmp.diff_charsToLines(diffs, lines)
    else:
        raise ValueError(tool)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - start)
    return best


# ---------------------------------------------------------------- parent


def measure(command: list[str], cap: float, timed_inside: bool) -> dict:
    """Run a child; its time, peak memory (MiB) and whether it was killed at the cap. A
    Python worker prints the time it measured itself; other tools are timed as a process."""
    start = time.perf_counter()
    output = subprocess.PIPE if timed_inside else subprocess.DEVNULL
    child = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL, cwd=ROOT,
                             start_new_session=True)  # fmt: skip
    deadline = start + cap
    while True:
        pid, _status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(child.pid, signal.SIGKILL)
            _, _status, usage = os.wait4(child.pid, 0)
            return {"seconds": None, "wall": cap, "peak_mib": usage.ru_maxrss / 1024,
                    "killed": True}  # fmt: skip
        time.sleep(0.01)
    wall = time.perf_counter() - start
    seconds = float(child.stdout.read().decode().split()[-1]) if timed_inside else wall
    return {"seconds": seconds, "wall": wall, "peak_mib": usage.ru_maxrss / 1024, "killed": False}


def _worker(*arguments: str) -> list[str]:
    """Command line that runs this script as a worker."""
    return [sys.executable, str(Path(__file__)), *arguments]


def run_case(folder: Path, repeats: int, cap: float) -> dict:
    """Every tool on one pair."""
    results = {}
    for tool in TOOLS:
        if tool == "GNU diff":
            command = ["diff", str(folder / "a.words"), str(folder / "b.words")]
            runs = [measure(command, cap, timed_inside=False) for _ in range(min(5, repeats) + 2)]
            result = min(runs, key=lambda run: run["wall"])
        else:
            runs = {"diff_words": max(3, repeats), "diff-match-patch": min(3, repeats)}.get(
                tool, repeats
            )
            command = _worker("--worker", tool, str(folder), "--repeats", str(runs))
            result = measure(command, cap, timed_inside=True)
        results[tool] = result
        shown = "killed at cap" if result["killed"] else f"{result['seconds']:.4f} s"
        print(f"  {tool:18} {shown:>16}  {result['peak_mib']:8.1f} MiB", flush=True)
    return results


def write_pair(folder: Path, earlier: str, later: str) -> None:
    """Store a pair as texts and as one-word-per-line files (for GNU diff)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(earlier, encoding="utf-8")
    (folder / "b.txt").write_text(later, encoding="utf-8")
    (folder / "a.words").write_text("\n".join(earlier.split()) + "\n", encoding="utf-8")
    (folder / "b.words").write_text("\n".join(later.split()) + "\n", encoding="utf-8")


def prepare(what: str, folder: Path) -> None:
    """Write one input pair (a real pair "LATER/EARLIER" or a synthetic size) to `folder`."""
    if "/" in what:
        from helpers.corpus import load_corpus

        later, earlier = what.split("/")
        corpus = load_corpus()
        write_pair(folder, corpus.loc[earlier, "text"], corpus.loc[later, "text"])
    else:
        write_pair(folder, *synthetic_pair(int(what), seed=int(what)))


def machine() -> dict:
    """Facts about the machine and the versions measured."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor() or "unknown")  # fmt: skip
    diff_version = subprocess.run(["diff", "--version"], capture_output=True, text=True)
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "os": platform.platform(),
        "python": platform.python_version(),
        "rapidfuzz": metadata.version("rapidfuzz"),
        "diff-match-patch": metadata.version("diff-match-patch"),
        "GNU diff": diff_version.stdout.splitlines()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=2, metavar=("TOOL", "FOLDER"))
    parser.add_argument("--prepare", nargs=2, metavar=("PAIR", "FOLDER"))
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--cap", type=float, default=120.0)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args()
    if args.worker:
        print(run_tool(args.worker[0], Path(args.worker[1]), args.repeats))
        return
    if args.prepare:
        prepare(args.prepare[0], Path(args.prepare[1]))
        return
    # The parent stays small (inputs are made by children): a child's peak memory counts
    # the parent's memory it was forked from.
    results = {"machine": machine(), "real": {}, "synthetic": {}}
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        write_pair(empty, "", "")
        baseline = measure(_worker("--worker", "import only", str(empty)), args.cap, True)
        results["machine"]["peak memory of a worker that only imports helpers"] = (
            f"{baseline['peak_mib']:.0f} MiB"
        )
        cases = [(f"{later} vs {earlier}", f"{later}/{earlier}") for later, earlier in REAL_PAIRS]
        cases += [(size, str(size)) for size in args.sizes]
        for name, what in cases:
            print(name if isinstance(name, str) else f"synthetic {name} words", flush=True)
            folder = Path(tmp) / what.replace("/", "_")
            subprocess.run(_worker("--prepare", what, str(folder)), check=True, cwd=ROOT)
            small = isinstance(name, str) or name <= 10_000
            group = "real" if isinstance(name, str) else "synthetic"
            results[group][name] = run_case(folder, REPEATS_SMALL if small else 1, args.cap)
    (HERE / "results").mkdir(exist_ok=True)
    raw = json.dumps(results, indent=2) + "\n"
    (HERE / "results" / "compare.json").write_text(raw, encoding="utf-8")
    (HERE / "README.md").write_text(readme(results, args.cap), encoding="utf-8")


# ---------------------------------------------------------------- report


def _cell(result: dict) -> str:
    if result["killed"]:
        return f"> {result['wall']:.0f} s (killed)"
    return f"{result['seconds']:.3f} s"


def _ratio(result: dict, reference: dict) -> str:
    if result["killed"]:
        return f"> {result['wall'] / reference['seconds']:.0f}×"
    return f"{result['seconds'] / reference['seconds']:.2f}×"


def _table(rows: dict) -> list[str]:
    lines = [
        "| input | tool | time | peak memory | time ÷ diff_words | time ÷ GNU diff |",
        "|---|---|---|---|---|---|",
    ]
    for name, results in rows.items():
        for tool in TOOLS:
            result = results[tool]
            lines.append(
                f"| {name} | {tool} | {_cell(result)} | {result['peak_mib']:.0f} MiB | "
                f"{_ratio(result, results['diff_words'])} | {_ratio(result, results['GNU diff'])} |"
            )
    return lines


def _findings(results: dict) -> list[str]:
    """The targets, checked against this run's numbers."""
    cases = {**results["real"], **{int(k): v for k, v in results["synthetic"].items()}}
    lines = []
    for name, tools in cases.items():
        if isinstance(name, str):
            total = tools["diff_words"]["seconds"] + tools["trace_sources"]["seconds"]
            lines.append(f"- {name}: traced and diffed in {total * 1000:.0f} ms.")
    faster = all(
        tools["difflib"]["killed"] or tools["diff_words"]["seconds"] < tools["difflib"]["seconds"]
        for tools in cases.values()
    )
    lines.append(
        f"- `diff_words` faster than `difflib` on every input: {'yes' if faster else 'NO'}."
    )
    sizes = sorted(k for k in cases if isinstance(k, int))
    if sizes:
        top = cases[sizes[-1]]
        ratio = top["diff_words"]["seconds"] / top["GNU diff"]["seconds"]
        lines.append(f"- `diff_words` ÷ GNU diff at {sizes[-1]:,} words: {ratio:.1f}×.")
        per_word = ", ".join(
            f"{cases[n]['trace_sources']['seconds'] / n * 1e6:.0f} µs at {n:,}"
            for n in sizes if not cases[n]["trace_sources"]["killed"]
        )  # fmt: skip
        lines.append(f"- `trace_sources` time per word: {per_word} (flat = linear).")
    return lines


def readme(results: dict, cap: float) -> str:
    """The benchmark report, regenerated on every run."""
    facts = results["machine"]
    synthetic = {f"synthetic {int(k):,} words": v for k, v in results["synthetic"].items()}
    lines = [
        "# Benchmarks: comparing versions of a text",
        "",
        "`benchmarks/bench_compare.py` times the module's `diff_words` (word diff) and",
        "`trace_sources` (sentence tracing) on the two real pairs of the corpus and on seeded",
        "synthetic pairs (a text and a copy with about 5% of words replaced, deleted or inserted",
        "and 2% of sentences moved), and, on the same input, the tools a reader would",
        "otherwise pick: Python's `difflib.SequenceMatcher` on word lists, `diff-match-patch`",
        "in word mode (one word per line, its `linesToChars` trick, no time-out so the diff is",
        "exact) and GNU `diff` on one-word-per-line files, the practical speed limit.",
        "Each measurement runs in its own process; time is the best of 30 runs for the real",
        "pairs and 10k words (3 for diff-match-patch), and above that of 3 runs for",
        "`diff_words` and one run for the slower tools, excluding start-up and file reading;",
        "GNU diff is timed as a whole process (start-up included), best of 3-7 runs; peak",
        "memory is",
        "that process's maximum resident set size, start-up included: a worker that imports",
        "`helpers` (pandas, matplotlib, ipywidgets) starts high, see the machine facts.",
        f"A tool still running after {cap:.0f} s is killed.",
        "`trace_sources` works on the whole texts (sentence splitting, index, scoring): the",
        "diff tools only align words, so its ratios are not like for like.",
        "",
        "Run it again with `.venv/bin/python benchmarks/bench_compare.py` (about 8 minutes).",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in facts.items()],
        "",
        "## Results",
        "",
        *_table({**results["real"], **synthetic}),
        "",
        "## Targets, and this run against them",
        "",
        "- Real pairs traced and diffed in under 50 ms each, so the widget answers within",
        "  100 ms.",
        "- `diff_words` faster than `difflib` at every size and within 3× of GNU diff at 1M",
        "  words.",
        "- `trace_sources` under 5 s at 100k words, growing near-linearly.",
        "",
        "This run:",
        "",
        *_findings(results),
        "",
        "The machine is shared (see the load average above): absolute times vary from run to",
        "run by up to about 2×; the ratios between tools measured in one run vary less.",
        "`trace_sources` per-word time still rises from 100k to 1M words: in a longer text each",
        "rare word occurs in more sentences, so more candidates collect votes (at most 60",
        "sentences per word, which bounds the work per sentence), and the data no longer fit",
        "the processor's caches. The work per sentence is bounded, so growth stays linear in",
        "the limit; no step compares all pairs of sentences.",
        "",
        "## Why these algorithms and rapidfuzz",
        "",
        "- `difflib` compares every word with every other in the worst case: quadratic time,",
        "  and its `autojunk` heuristic silently ignores frequent words in long inputs.",
        "- `diff_words` maps words to integers, strips the common start and end, anchors the",
        "  alignment on words that occur once in each text (patience diff, a longest increasing",
        "  subsequence in O(n log n)) and hands only the small gaps between anchors to",
        "  rapidfuzz's `Indel.opcodes`, a bit-parallel LCS in C++ that works on any sequence of",
        "  hashable items. The Python work left is linear bookkeeping over the tokens.",
        "- `trace_sources` never scores all pairs of sentences: an inverted index of each",
        "  derived sentence's rarest words picks a handful of candidates, and rapidfuzz's C++",
        "  scorers (`Indel`, `LCSseq`, `fuzz.partial_ratio`) score only those.",
        "- rapidfuzz is MIT-licensed, actively maintained, ships wheels for every platform",
        "  the course targets and has no dependencies; a hand-written Python LCS is 50-100×",
        "  slower than its C++ kernels.",
        "",
        "## The other benchmarks (`make bench` runs all three)",
        "",
        "- `benchmarks/bench_claims.py`: `claims_table` extraction and grouping on the corpus",
        "  copied up to 64 times (figures are compared only within blocks of the same kind and",
        "  counted thing, so grouping stays near-linear); it prints its table.",
        "- `benchmarks/student_load.py`: peak memory of one student's kernel after running every",
        "  notebook, and the time from `make lab` to a usable start notebook; the README of the",
        "  repository quotes its latest figures.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
