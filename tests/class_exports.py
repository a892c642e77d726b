"""A seeded generator of a fake class's exports (SPEC.md format), with the usual accidents.

Used by tests/test_class_work.py, and to write teacher/example_class/:
`.venv/bin/python tests/class_exports.py teacher/example_class 8`.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

#: Invented questions: id -> (kind, options or accepted answers, the right one).
QUESTIONS = {
    "01-q1": ("multiple_choice", ["A breadcrumb", "The headline", "A news agency"], "A breadcrumb"),
    "01-q2": ("multiple_choice", ["8 January", "1 August", "Cannot be decided"], "1 August"),
    "02-q2": ("short_answer", ["falls", "rests", "lies"], "falls"),
    "03-q5": ("short_answer", ["4", "14", "3"], "4"),
}
OPEN = {"01-q12": "Is the text a translation?", "02-q7": "What did the report leave out?"}
FIRST_NAMES = ["Alex", "Sam", "Robin", "Kim", "Noor", "Jo", "Lee", "Ari", "Dana", "Mika"]
LAST_NAMES = ["Example", "Sample", "Testcase", "Placeholder", "Fictional", "Madeup"]


def slug(name: str) -> str:
    """Same rule as SPEC.md (written out again so the test checks the reader against it)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or "student"


def student_entries(rng: random.Random, name: str) -> dict[str, dict]:
    """One student's saved entries: a name, checked questions with attempts, open answers."""
    entries = {"student": {"kind": "profile", "prompt": "Your name or pseudonym",
                           "fields": {"name": name}}}
    for qid, (kind, options, right) in QUESTIONS.items():
        if rng.random() < 0.1:
            continue  # not answered
        tries = [rng.choice(options)]
        while tries[-1] != right and len(tries) < 3 and rng.random() < 0.7:
            tries.append(rng.choice([o for o in options if o not in tries]))
        entries[qid] = {
            "kind": kind, "prompt": f"Question {qid}", "first_answer": tries[0],
            "answer": tries[-1], "attempts": len(tries), "hints_seen": rng.randint(0, 1),
            "status": "correct" if tries[-1] == right else "not yet",
        }
    for qid, prompt in OPEN.items():
        if rng.random() < 0.8:
            entries[qid] = {"kind": "open_question", "prompt": prompt,
                            "answer": f"{name} thinks: {rng.choice(['yes', 'no', 'unclear'])}."}
    return entries


def export(name: str, entries: dict[str, dict], day: int = 1) -> str:
    """The text of `<slug>-work.json`."""
    document = {"format": "source-criticism-export", "version": 1, "student": name,
                "exported_at": f"2026-12-{day:02d}T10:00:00Z", "entries": entries}
    return json.dumps(document, ensure_ascii=False, indent=1)


def write_class(folder: Path, n_students: int, seed: int = 14) -> dict[str, dict[str, dict]]:
    """Write `n_students` exports plus accidents; return the entries each student should keep."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES][:n_students]
    expected = {}
    for name in names:
        entries = student_entries(rng, name)
        expected[name] = entries
        (folder / f"{slug(name)}-work.json").write_text(export(name, entries), encoding="utf-8")
    return expected


def add_accidents(folder: Path, expected: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """Damage the class the way real hand-ins go wrong; update `expected` to what must be kept."""
    names = list(expected)
    first, second, third, fourth, fifth = names[:5]
    # a copy downloaded twice by the browser
    (folder / f"{slug(first)}-work (1).json").write_text(
        (folder / f"{slug(first)}-work.json").read_text(encoding="utf-8"), encoding="utf-8")
    # an older export of the same student, with less in it
    older = {k: v for k, v in expected[second].items() if not k.startswith("02")}
    (folder / "old").mkdir(exist_ok=True)
    (folder / "old" / f"{slug(second)}-work.json").write_text(
        export(second, older, day=1), encoding="utf-8")
    (folder / f"{slug(second)}-work.json").write_text(
        export(second, expected[second], day=3), encoding="utf-8")
    # renamed by the student
    (folder / f"{slug(third)}-work.json").rename(folder / "my homework.json")
    # cut off half-way (a failed upload)
    text = (folder / f"{slug(fourth)}-work.json").read_text(encoding="utf-8")
    (folder / f"{slug(fourth)}-work.json").write_text(text[: len(text) // 2], encoding="utf-8")
    del expected[fourth]
    # partial: an entry without its kind
    entries = {**expected[fifth], "03-q5": {"answer": "4"}}
    expected[fifth] = {k: v for k, v in entries.items() if k != "03-q5"}
    (folder / f"{slug(fifth)}-work.json").write_text(export(fifth, entries), encoding="utf-8")
    # a bare save file in a student's folder (no name inside), and files that are not exports
    (folder / "Pat Unnamed").mkdir(exist_ok=True)
    bare = {"01-q1": {"kind": "multiple_choice", "prompt": "Question 01-q1",
                      "answer": "The headline", "status": "not yet"}}
    (folder / "Pat Unnamed" / "answers.json").write_text(json.dumps(
        {"format": "source-criticism-work", "version": 1, "entries": bare}), encoding="utf-8")
    expected["Pat Unnamed"] = bare
    (folder / "settings.json").write_text('{"name": "not-work"}', encoding="utf-8")
    (folder / "README.md").write_text(
        "# A fake class\n\nInvented students (every name is made up), generated by "
        "`tests/class_exports.py` with the usual accidents: a file downloaded twice, an older "
        "export, a renamed file, one cut off, one with an incomplete answer, a bare "
        "`answers.json`, and files that are not exports (like this one, which is ignored).\n",
        encoding="utf-8")
    return expected


if __name__ == "__main__":
    target = Path(sys.argv[1])
    add_accidents(target, write_class(target, int(sys.argv[2]) if len(sys.argv) > 2 else 8))
