"""Time `claims_table` grouping on the five texts and on the corpus copied 4x, 16x and 64x.

Run: `.venv/bin/python benchmarks/bench_claims.py` (about a minute; a size is skipped when
the previous one suggests it would not finish within the budget). Two kinds of copies:
`same` repeats the texts under new text ids (every figure has exact twins, which the
grouping compares once), `distinct` also adds a made-up word to every sentence of each copy
(every figure differs from its twins, the worst case for the grouping). Figures are
extracted once per size (timed apart, it is linear), then the grouping (`_links`, what used
to compare every pair of figures) is timed as the best of three runs, one from 16 copies up.
"""

from __future__ import annotations

import re
import string
import time

import pandas as pd

from helpers import claims, load_corpus

COPIES = (1, 4, 16, 64)
BUDGET_SECONDS = 100.0


def marker(number: int) -> str:
    """A made-up word for copy `number` ("zqa", "zqb", ...), so its sentences differ."""
    letters = string.ascii_lowercase
    return "zq" + letters[number // 26] + letters[number % 26]


def copied(corpus: pd.DataFrame, times: int, distinct: bool) -> pd.DataFrame:
    """The corpus repeated `times` times under new text ids; `distinct` adds a made-up word
    before the end of every sentence of each copy."""
    frames = []
    for i in range(times):
        copy = corpus.set_axis([f"{i}:{t}" for t in corpus.index])
        if distinct:
            copy = copy.assign(text=[re.sub(r"\.(\s)", rf" {marker(i)}.\1", t)
                                     for t in copy["text"]])  # fmt: skip
        frames.append(copy)
    return pd.concat(frames)


def best_of(runs: int, function, *args) -> tuple[float, object]:
    """Shortest wall time of `runs` calls and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        began = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - began)
    return best, result


def main() -> None:
    """Print one line per kind of copy and size: figures, extraction time, grouping time and
    the number of claims found."""
    corpus = load_corpus()
    began = time.perf_counter()
    print(f"{'copies':>14} {'figures':>8} {'extract s':>10} {'group s':>9} {'claims':>7}")
    for distinct in (False, True):
        previous = (0.0, 0.0)
        for times in COPIES:
            label = f"{times} {'distinct' if distinct else 'same'}"
            left = BUDGET_SECONDS - (time.perf_counter() - began)
            growth = times / COPIES[max(0, COPIES.index(times) - 1)]
            if previous[0] * growth + previous[1] * growth**2 > left:
                print(f"{label:>14} skipped: would exceed the {BUDGET_SECONDS:.0f} s budget")
                continue
            extract, figures = best_of(1, claims._figures, copied(corpus, times, distinct))
            group, links = best_of(3 if times < 16 else 1, claims._links, figures)
            found = len(set(claims._components(len(figures), links[0])))
            print(f"{label:>14} {len(figures):>8} {extract:>10.3f} {group:>9.3f} {found:>7}")
            previous = (extract, group)
    print(f"total {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
