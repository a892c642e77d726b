"""Check a data folder (`sources.csv`, `texts/`, `events.csv`) and list every problem with its
file, line and fix: `make check-data [DATA=path]`, or `python -m helpers.check_data [path]`."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers.corpus import CorpusError, load_corpus, load_events, shown_path
from helpers.paths import data_dir


def check_data(folder: str | Path | None = None) -> tuple[list[str], str]:
    """Every problem in the data folder, and a one-line summary of what loaded."""
    root = Path(folder) if folder else data_dir()
    problems, counts = [], []
    for what, load in (("texts", load_corpus), ("events", load_events)):
        try:
            counts.append(f"{len(load(root))} {what}")
        except CorpusError as error:
            problems.extend(error.problems)
    summary = f"{shown_path(root)}: " + (
        f"{len(problems)} problem" + ("s" if len(problems) != 1 else "") if problems
        else ", ".join(counts) + ", no problems")
    return problems, summary


def main(argv: list[str]) -> int:
    """Print the problems (one per line, each with its fix) and return 1 if there are any."""
    problems, summary = check_data(argv[0] if argv else None)
    for problem in problems:
        print(f"- {problem}")
    print(summary)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
