"""The work a simulated student saves, the kernel code that saves and exports it, and the check
of every entry against the files on disk.

Entries follow the saved-work contract (SPEC.md): `kind` and `prompt`, plus `answer`,
`status`, `fields`, `rows`, `first_answer`, `attempts`, `hints_seen`; one of each kind a
notebook saves, each with text unique to the student so a mix-up between students shows.
"""

from __future__ import annotations

import json
from pathlib import Path

#: Saves entries with `helpers.course.workstore.save_entry`, exports, prints one RESULT line.
SAVE_CODE = """
import json as _json
from helpers.course import workstore as _ws
_entries = _json.loads({payload!r})
_messages = {{qid: _ws.save_entry(qid, entry) for qid, entry in _entries.items()}}
_result = {{"messages": _messages, "work": str(_ws.save_file())}}
if {export!r}:
    _written, _problem = _ws.export_work()
    _result.update(export=[str(p) for p in _written], export_problem=_problem)
print("RESULT " + _json.dumps(_result))
"""


def class_entries(name: str, tag: str = "") -> dict[str, dict]:
    """Seven entries of different kinds for student `name` (`tag` makes a second round differ)."""
    mark = f"{name}{tag}"
    return {
        "student": {"kind": "profile", "prompt": "Your name or pseudonym",
                    "fields": {"name": f"Student {mark}"}},
        "02-q1": {"kind": "choice", "prompt": "How does the news report use the speech?",
                  "answer": f"It opens with its own framing ({mark})", "status": "correct",
                  "first_answer": "It repeats the speech word for word", "attempts": 2,
                  "hints_seen": 1},
        "02-q2": {"kind": "short", "prompt": "Which word replaces 'rests'?",
                  "answer": f"falls {mark}", "status": "incorrect", "attempts": 1,
                  "hints_seen": 0},
        "02-q6": {"kind": "open", "prompt": "What evidence would confirm the hypothesis?",
                  "answer": f"(1) The Spanish report: «98,99 millones» ({mark}).\n"
                            f"(2) Other pages with XNUMX — Ünïcode kept ({mark})."},
        "02-notes": {"kind": "notes", "prompt": "Your notes",
                     "answer": f"Check quotations against the official text. {mark}"},
        "01-card": {"kind": "card", "prompt": "Provenance card",
                    "fields": {"source": f"ultimas-noticias {mark}", "author": "unknown",
                               "date": "2021-07-06"}},
        "06-assessment": {"kind": "assessment", "prompt": "Claims and verdicts",
                          "rows": [{"claim": f"500 parties took part {mark}",
                                    "verdict": "corroborated"},
                                   {"claim": f"the quotation is exact {mark}",
                                    "verdict": "unresolved"}]},
    }  # fmt: skip


def save_code(entries: dict[str, dict], export: bool = True) -> str:
    """Kernel code that saves `entries` (and exports the work when `export`)."""
    return SAVE_CODE.format(payload=json.dumps(entries, ensure_ascii=False), export=export)


def parse_result(stdout: str) -> dict:
    """The RESULT line printed by `save_code`."""
    for line in stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise ValueError(f"no RESULT line in the kernel's output: {stdout[:300]!r}")


def saved_entries(work_dir: Path) -> dict[str, dict]:
    """The entries in a student's answers.json, read straight from the disk."""
    data = json.loads((work_dir / "answers.json").read_text(encoding="utf-8"))
    return data["entries"]


def lost_entries(work_dir: Path, expected: dict[str, dict]) -> list[str]:
    """Question ids whose saved entry is missing or differs from what the student saved."""
    try:
        saved = saved_entries(work_dir)
    except (OSError, ValueError, KeyError):
        return sorted(expected)
    return sorted(qid for qid, entry in expected.items() if saved.get(qid) != entry)


def export_problems(work_dir: Path, expected: dict[str, dict]) -> list[str]:
    """What the exported Markdown and CSV files miss of the saved entries (empty when complete)."""
    markdown = "".join(p.read_text(encoding="utf-8") for p in work_dir.glob("*my-work.md"))
    tables = "".join(p.read_text(encoding="utf-8") for p in work_dir.glob("*.csv"))
    problems = [] if markdown else ["no Markdown export"]
    for qid, entry in expected.items():
        lines = [ln.strip() for ln in entry.get("answer", "").splitlines() if ln.strip()]
        missing = [ln for ln in lines if ln not in markdown]
        problems += [f"{qid}: answer line {ln!r} missing from the Markdown" for ln in missing]
        values = [*entry.get("fields", {}).values()]
        values += [v for row in entry.get("rows", []) for v in row.values()]
        problems += [f"{qid}: {v!r} missing from the CSV export" for v in values if v not in tables]
    return problems
