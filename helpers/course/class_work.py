"""A class's handed-in work put together: one folder of student exports in, a teacher's tables out.

`collect_work(folder)` reads every `*.json` file under a folder: exports (`<slug>-work.json`,
format "source-criticism-export") and bare save files (`answers.json`). Duplicated, renamed,
partial or damaged files never stop it: each is reported in `ClassWork.problems` and the rest is
used. The tables are built from the saved entries alone (no answer key is needed): an answer
counts as correct when the student's own feedback said so.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.course.checks import normalise_answer
from helpers.course.workstore import natural_key

EXPORT_FORMAT = "source-criticism-export"
SAVE_FORMAT = "source-criticism-work"
#: Entry kinds checked with immediate feedback (a first answer, attempts and a final answer).
CHECKED_KINDS = frozenset({"choice", "multiple_choice", "short", "short_answer"})
#: Entry kinds written freely (shown side by side per question).
OPEN_KINDS = frozenset({"open", "open_question", "notes"})
NAME_QID = "student"
_QID = re.compile(r"\b\d{2}-q\d+\b")
_ANCHOR = re.compile(r"""<a\s[^>]*?(?<![\w-])(?:id|name)=["']([^"']+)["']""")
_GRADE_MEASURES = ("first correct", "attempts", "final")


@dataclass
class ClassWork:
    """Everything read from one folder: one row per student and the problems met on the way."""

    students: pd.DataFrame
    results: pd.DataFrame
    open_answers: pd.DataFrame
    problems: list[str] = field(default_factory=list)


@dataclass
class _Submission:
    """One usable file: whose work it is, when it was exported and its entries."""

    student: str
    shown: str
    exported_at: str
    entries: dict[str, dict]
    is_export: bool


def slug(name: str) -> str:
    """The file-name form of a student name (SPEC.md): lowercase, [a-z0-9] runs joined by '-'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or "student"


def _name_in(entries: dict[str, dict]) -> str:
    """The name the student typed into the name field, or ""."""
    fields = entries.get(NAME_QID, {}).get("fields")
    return str(fields.get("name", "")).strip() if isinstance(fields, dict) else ""


def _read(path: Path, shown: str) -> tuple[_Submission | None, list[str]]:
    """One file as a submission, or the reasons it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, [f"{shown}: not readable as JSON ({err}); skipped. Fix: ask the student "
                      "to export again with the Download my work button."]
    if not isinstance(data, dict) or data.get("format") not in (EXPORT_FORMAT, SAVE_FORMAT):
        return None, [f"{shown}: not a student export of this module; skipped."]
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return None, [f"{shown}: its list of answers is missing or damaged; skipped. Fix: ask "
                      "the student to export again."]
    kept, problems = _usable_entries(entries, shown)
    name = str(data.get("student") or "").strip() or _name_in(kept)
    if not name:
        name = path.parent.name if path.name == "answers.json" and path.parent.name else path.stem
        problems.append(f"{shown}: no student name in the file; listed as {name!r}.")
    exported = str(data.get("exported_at") or "")
    return _Submission(name, shown, exported, kept, data["format"] == EXPORT_FORMAT), problems


def _usable_entries(entries: dict, shown: str) -> tuple[dict[str, dict], list[str]]:
    """The entries with a kind; partial ones (no kind, bad attempts) are dropped or repaired."""
    kept: dict[str, dict] = {}
    problems = []
    for qid, entry in entries.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("kind"), str):
            problems.append(f"{shown}: entry {qid!r} is incomplete (no kind); skipped.")
            continue
        attempts = entry.get("attempts")
        if attempts is not None and not (isinstance(attempts, int) and attempts >= 0):
            problems.append(f"{shown}: entry {qid!r} has attempts {attempts!r}; ignored.")
            entry = {k: v for k, v in entry.items() if k != "attempts"}
        kept[str(qid)] = entry
    return kept, problems


def _one_per_student(found: list[_Submission]) -> tuple[list[_Submission], list[str]]:
    """Keep the latest export of each student; report the copies left out."""
    by_name: dict[str, list[_Submission]] = {}
    for submission in found:
        by_name.setdefault(submission.student.casefold(), []).append(submission)
    kept, problems = [], []
    for copies in by_name.values():
        copies.sort(key=lambda s: (s.exported_at, len(s.entries), -len(s.shown), s.shown))
        latest = copies[-1]
        kept.append(latest)
        for older in copies[:-1]:
            same = "an identical copy" if older.entries == latest.entries else "an older export"
            problems.append(f"{older.shown}: {same} of the work of {latest.student!r} "
                            f"(kept {latest.shown}).")
        expected = f"{slug(latest.student)}-work.json"
        if latest.is_export and Path(latest.shown).name != expected:
            problems.append(f"{latest.shown}: renamed (an export by {latest.student!r} is "
                            f"called {expected}); read under the name inside the file.")
    return sorted(kept, key=lambda s: s.student.casefold()), problems


def _judged(entries_by_qid: dict[str, list[tuple[str, dict]]]) -> dict[str, dict[str, bool]]:
    """Per question: each normalised final answer -> whether its feedback said 'correct'."""
    judged: dict[str, dict[str, bool]] = {}
    for qid, entries in entries_by_qid.items():
        for _student, entry in entries:
            if "answer" in entry and entry.get("status"):
                answer = normalise_answer(str(entry["answer"]))
                judged.setdefault(qid, {})[answer] = entry["status"] == "correct"
    return judged


def _verdict(entry: dict) -> bool | None:
    """The feedback the student's final answer got: True, False, or None when not checked."""
    return entry["status"] == "correct" if entry.get("status") else None


def _first_correct(entry: dict, judged: dict[str, bool]) -> bool | None:
    """Whether the first answer was right: the final verdict when there was one attempt or the
    first answer is the final one, else how the class's feedback judged that answer; None when
    the file cannot tell (no first answer recorded)."""
    final = _verdict(entry)
    if entry.get("attempts") == 1:
        return final
    if entry.get("first_answer") is None:
        return None
    first = normalise_answer(str(entry["first_answer"]))
    if first == normalise_answer(str(entry.get("answer", ""))):
        return final
    if first in judged:
        return judged[first]
    return False if final else None


def _result_rows(kept: list[_Submission]) -> list[dict]:
    """One row per student and checked question."""
    by_qid: dict[str, list[tuple[str, dict]]] = {}
    for submission in kept:
        for qid, entry in submission.entries.items():
            if entry["kind"] in CHECKED_KINDS and "answer" in entry:
                by_qid.setdefault(qid, []).append((submission.student, entry))
    judged = _judged(by_qid)
    rows = []
    for qid in sorted(by_qid, key=natural_key):
        for student, entry in by_qid[qid]:
            rows.append({
                "student": student, "qid": qid, "kind": entry["kind"],
                "first_answer": str(entry.get("first_answer", entry.get("answer", ""))),
                "first_correct": _first_correct(entry, judged.get(qid, {})),
                "attempts": entry.get("attempts"), "hints_seen": entry.get("hints_seen"),
                "final": str(entry.get("answer", "")),
                "final_correct": _verdict(entry),
            })
    return rows


def collect_work(folder: str | Path) -> ClassWork:
    """Read every student file under `folder` (subfolders too) into the class's tables."""
    root = Path(folder)
    if not root.is_dir():
        empty = pd.DataFrame()
        return ClassWork(empty, empty, empty, [f"{root} is not a folder. Fix: put the students' "
                                                "exports into one folder and name it here."])
    found, problems = [], []
    for path in sorted(root.rglob("*.json")):
        submission, read_problems = _read(path, str(path.relative_to(root)))
        problems.extend(read_problems)
        if submission:
            found.append(submission)
    kept, duplicate_problems = _one_per_student(found)
    problems.extend(duplicate_problems)
    students = pd.DataFrame(
        [{"student": s.student, "file": s.shown,
          "exported_at": s.exported_at, "entries": len(s.entries)} for s in kept],
        columns=["student", "file", "exported_at", "entries"],
    )
    results = pd.DataFrame(_result_rows(kept), columns=[
        "student", "qid", "kind", "first_answer", "first_correct", "attempts", "hints_seen",
        "final", "final_correct"])
    results["attempts"] = results["attempts"].astype("Int64")
    results["hints_seen"] = results["hints_seen"].astype("Int64")
    if not kept:
        problems.append(f"No student exports found in {root}. Fix: copy the students' "
                        "*-work.json files (or answers.json files) into it.")
    return ClassWork(students, results, _open_answers(kept), problems)


def _open_answers(kept: list[_Submission]) -> pd.DataFrame:
    """Written answers, one row per open question and one column per student."""
    table: dict[str, dict[str, str]] = {}
    for submission in kept:
        for qid, entry in submission.entries.items():
            if entry["kind"] in OPEN_KINDS and str(entry.get("answer", "")).strip():
                table.setdefault(submission.student, {})[qid] = str(entry["answer"]).strip()
    frame = pd.DataFrame(table, columns=[s.student for s in kept if s.student in table])
    frame = frame.reindex(sorted(frame.index, key=natural_key)).fillna("")
    return frame.rename_axis(index="qid", columns="student")


def with_rubrics(open_answers: pd.DataFrame, rubrics: dict[str, list[str]]) -> pd.DataFrame:
    """The open answers with a first column holding each question's rubric points (from the
    question bank; "" for a question the mapping does not have)."""
    points = {qid: "\n".join(f"• {point}" for point in rubric) for qid, rubric in rubrics.items()}
    rubric = pd.Series([points.get(qid, "") for qid in open_answers.index],
                       index=open_answers.index, name="rubric", dtype=str)
    return pd.concat([rubric, open_answers], axis=1).rename_axis(columns="student")


def student_grid(work: ClassWork) -> pd.DataFrame:
    """Students × questions: for each question, first attempt correct, attempts, final answer."""
    results = work.results
    if results.empty:
        return pd.DataFrame(index=pd.Index([], name="student"))
    marks = results.assign(**{
        "first correct": results["first_correct"].map({True: "yes", False: "no"}).fillna("?"),
        "final": results["final"] + results["final_correct"].map(
            {True: " ✓", False: " ✗"}).fillna(""),
    })
    grid = marks.pivot(index="student", columns="qid", values=list(_GRADE_MEASURES))
    grid = grid.swaplevel(axis=1)
    qids = sorted(results["qid"].unique(), key=natural_key)
    grid = grid.reindex(columns=pd.MultiIndex.from_product([qids, _GRADE_MEASURES]))
    return grid.reindex(work.students["student"]).fillna("")


def mistake_links(path: str | Path) -> dict[str, list[tuple[str, str]]]:
    """Question id -> [(mistake, link)] from a common-mistakes page that names question ids.

    A heading or table row mentioning "01-q2" is linked to that question (other lines, such as
    prose or comments, are not); the link points at an explicit `<a id="...">` in the line,
    else at the heading's anchor, else at the page.
    """
    path = Path(path)
    if not path.is_file():
        return {}
    links: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        qids = _QID.findall(line)
        if not qids or not line.startswith(("#", "|")):
            continue
        anchor = _ANCHOR.search(line)
        heading = line.startswith("#")
        title = line.lstrip("#") if heading else line.strip("|").split("|")[0]
        title = re.sub(r"<[^>]+>", "", title).strip()
        target = anchor.group(1) if anchor else _heading_anchor(title) if heading else ""
        bold = re.search(r"\*\*(.+?)\*\*", title)
        title = (bold.group(1) if bold else title).strip(" .*")
        link = f"{path.name}#{target}" if target else path.name
        for qid in dict.fromkeys(qids):
            links.setdefault(qid, []).append((title, link))
    return links


def _heading_anchor(title: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, each space a
    hyphen. (JupyterLab keeps case and punctuation; an explicit `<a id>` serves both.)"""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


def answer_distribution(
    work: ClassWork, mistakes: dict[str, list[tuple[str, str]]] | None = None
) -> pd.DataFrame:
    """Per question, each final answer with how many students gave it and whether it was
    judged correct; wrong answers carry the common mistakes listed for that question."""
    results = work.results
    columns = ["qid", "answer", "students", "correct", "common mistake"]
    if results.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for qid, group in results.groupby("qid", sort=False):
        keys = group["final"].map(normalise_answer)
        for _key, answers in sorted(group.groupby(keys), key=lambda kv: (-len(kv[1]), kv[0])):
            verdicts = answers["final_correct"].dropna()
            correct = bool(verdicts.iloc[0]) if not verdicts.empty else None
            listed = (mistakes or {}).get(qid, []) if correct is False else []
            rows.append({
                "qid": qid, "answer": answers["final"].mode().iloc[0] or "(blank)",
                "students": len(answers), "correct": correct,
                "common mistake": "; ".join(f"{title} ({link})" for title, link in listed),
            })
    return pd.DataFrame(rows, columns=columns)


def gradebook(work: ClassWork) -> pd.DataFrame:
    """One row per student: checked questions answered, first attempts correct, finals correct,
    open answers written, then each question's final verdict."""
    students = work.students["student"]
    results = work.results
    summary = pd.DataFrame(index=pd.Index(students, name="student"))
    summary["answered"] = results.groupby("student").size()
    summary["first attempt correct"] = results.groupby("student")["first_correct"].apply(
        lambda s: int((s == True).sum()))  # noqa: E712 (None must not count)
    summary["final correct"] = results.groupby("student")["final_correct"].apply(
        lambda s: int((s == True).sum()))  # noqa: E712
    summary["open answers written"] = (work.open_answers != "").sum()
    summary = summary.fillna(0).astype(int)
    if not results.empty:
        verdicts = results.pivot(index="student", columns="qid", values="final_correct")
        verdicts = verdicts.reindex(columns=sorted(verdicts.columns, key=natural_key))
        summary = summary.join(verdicts.apply(lambda c: c.map({True: 1, False: 0})).astype("Int64"))
    return summary


def write_gradebook(work: ClassWork, path: str | Path) -> Path:
    """Write the gradebook as CSV (UTF-8 with BOM, so spreadsheets read names correctly)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    gradebook(work).to_csv(path, encoding="utf-8-sig", quoting=csv.QUOTE_MINIMAL)
    return path
