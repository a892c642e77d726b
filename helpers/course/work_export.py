"""A student's saved entries as files to hand in: Markdown to read, JSON and CSV for the teacher.

Student text is written so that it stays text wherever it is opened: in Markdown, HTML and
Markdown syntax are escaped (no raw HTML, links or images survive rendering); in CSV, a cell
that a spreadsheet would run as a formula is prefixed with an apostrophe (the OWASP rule).
File names carry the student's name as a slug, so a class's exports can share a folder.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from datetime import UTC, datetime

EXPORT_FORMAT = "source-criticism-export"
STUDENT_QID = "student"
_SLUG_LENGTH = 40
_ATTEMPT_KEYS = ("first_answer", "attempts", "hints_seen")
_ANSWER_COLUMNS = ("qid", "kind", "prompt", "answer", "status", *_ATTEMPT_KEYS)
# Characters with a meaning in Markdown wherever they stand (backslash-escaped, as is the ":"
# of "://" so no address becomes a link), and in HTML (written as entities, so no tag opens).
_MD_INLINE = re.compile(r"([\\`*_\[\]!|~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# A line that would start a heading, list, setext underline or numbered list.
_LINE_START = re.compile(r"^(\s*)([#+=-])|^(\s*\d+)([.)])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: cells a spreadsheet runs


def name_in(entries: dict[str, dict]) -> str:
    """The student's name or pseudonym saved in `entries` (SPEC.md), or ""."""
    fields = entries.get(STUDENT_QID, {}).get("fields", {})
    name = fields.get("name", "") if isinstance(fields, dict) else ""
    return " ".join(name.split()) if isinstance(name, str) else ""


def slug(name: str) -> str:
    """A file-name-safe form of a name: lowercase ASCII letters and digits joined by "-",
    at most 40 characters; "student" when nothing is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    joined = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return joined[:_SLUG_LENGTH].strip("-") or "student"


def natural_key(qid: str) -> list:
    """Sort key that puts "01-q2" before "01-q10"."""
    parts = re.split(r"([0-9]+)", qid)
    return [int(part) if n % 2 else part for n, part in enumerate(parts)]


def md_text(text: object) -> str:
    """One line of student text for Markdown: renders as the same text, never as HTML,
    a link, an image or a heading."""
    escaped = _MD_INLINE.sub(r"\\\1", str(text))
    escaped = "".join(_HTML.get(ch, ch) for ch in escaped).replace("://", "\\://")
    return _LINE_START.sub(lambda m: f"{m[1] or m[3] or ''}\\{m[2] or m[4]}", escaped)


def _md_cell(value: object) -> str:
    """Text made safe for one Markdown table cell or list item (line breaks become spaces)."""
    return md_text(" ".join(str(value).split()))


def _md_quote(text: str) -> str:
    """A block of student text as a Markdown block quote (empty text says so)."""
    lines = text.strip().splitlines() or ["(nothing written)"]
    return "\n".join(f"> {md_text(line)}".rstrip() for line in lines)


def _label(kind: str) -> str:
    """Human name of an entry kind ("multiple_choice" -> "Multiple choice")."""
    return kind.replace("_", " ").capitalize()


def _attempts_line(entry: dict) -> list[str]:
    """The record of attempts (first answer, number of attempts, hints seen), if any."""
    parts = []
    if "first_answer" in entry:
        parts.append(f"first answer: {_md_cell(entry['first_answer'])}")
    if "attempts" in entry:
        parts.append(f"attempts: {entry['attempts']}")
    if "hints_seen" in entry:
        parts.append(f"hints seen: {entry['hints_seen']}")
    return [f"*{' · '.join(parts)}*", ""] if parts else []


def _md_entry(qid: str, entry: dict) -> list[str]:
    """Markdown lines for one saved entry."""
    lines = [f"## {_md_cell(qid)} · {_md_cell(_label(entry.get('kind', 'answer')))}", ""]
    prompt = _md_cell(entry.get("prompt", ""))
    if prompt:
        lines += [f"**{prompt}**", ""]
    if "answer" in entry:
        lines += [_md_quote(str(entry["answer"])), ""]
    if entry.get("status"):
        lines += [f"*Feedback: {_md_cell(entry['status'])}*", ""]
    lines += _attempts_line(entry)
    for name, value in entry.get("fields", {}).items():
        lines.append(f"- **{_md_cell(name)}:** {_md_cell(value)}")
    if entry.get("fields"):
        lines.append("")
    rows = entry.get("rows", [])
    if rows:
        columns = _columns(rows)
        lines.append("| " + " | ".join(_md_cell(c) for c in columns) + " |")
        lines.append("|" + " --- |" * len(columns))
        for row in rows:
            lines.append("| " + " | ".join(_md_cell(row.get(c, "")) for c in columns) + " |")
        lines.append("")
    return lines


def export_markdown(entries: dict[str, dict]) -> str:
    """All saved work as one Markdown document headed by the student's name, in question order."""
    name = name_in(entries)
    heading = _md_cell(name) if name else "Unnamed student"
    lines = [f"# {heading}: source criticism work", ""]
    work = {qid: entry for qid, entry in entries.items() if qid != STUDENT_QID}
    if not work:
        lines += ["Nothing saved yet.", ""]
    for qid in sorted(work, key=natural_key):
        lines += _md_entry(qid, work[qid])
    return "\n".join(lines)


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with = + - @ tab or CR (which it
    would run as a formula) gets a leading apostrophe, as OWASP recommends. Line breaks become
    "\n", so the cell is quoted and stays one cell."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if text.startswith(_FORMULA_START) else text


def _columns(records: list[dict]) -> list[str]:
    """Column names in order of first appearance across records."""
    return list(dict.fromkeys(name for record in records for name in record))


def _csv(records: list[dict]) -> str:
    """CSV text of records (columns in order of first appearance), every cell neutralised."""
    columns = _columns(records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_cell(c) for c in columns])
    writer.writerows([csv_cell(record.get(c, "")) for c in columns] for record in records)
    return buffer.getvalue()


def export_tables(entries: dict[str, dict], with_student: bool = False) -> dict[str, str]:
    """CSV text per entry kind (`<kind>.csv`): a line per table row (`rows`), its form
    (`fields`) repeated; plus `answers.csv` with every typed or chosen answer and its attempts.
    `with_student` adds a first column with the student's name (as in the exported files)."""
    student = {"student": name_in(entries)} if with_student else {}
    records: dict[str, list[dict]] = {}
    answers = []
    for qid in sorted(entries, key=natural_key):
        entry = entries[qid]
        if qid == STUDENT_QID:
            continue
        form = {**student, "qid": qid, **_without(student, entry.get("fields", {}))}
        rows = [{**form, "row": n, **_without(student, row)}
                for n, row in enumerate(entry.get("rows", []), start=1)]
        if rows or entry.get("fields"):
            records.setdefault(entry.get("kind", "answer"), []).extend(rows or [form])
        if "answer" in entry:
            answers.append({**student, "qid": qid,
                            **{c: entry.get(c, "") for c in _ANSWER_COLUMNS[1:]}})
    tables = {f"{kind}.csv": _csv(rows) for kind, rows in records.items()}
    if answers:
        tables["answers.csv"] = _csv(answers)
    return tables


def _without(columns: dict[str, str], cells: dict[str, str]) -> dict[str, str]:
    """A form or row without cells named like `columns` (the "student" column is the name)."""
    return {k: v for k, v in cells.items() if k not in columns}


def export_json(entries: dict[str, dict], exported_at: datetime | None = None) -> str:
    """The machine-readable export (SPEC.md): every entry as saved, with name and time."""
    moment = (exported_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    document = {"format": EXPORT_FORMAT, "version": 1, "student": name_in(entries),
                "exported_at": moment.isoformat().replace("+00:00", "Z"), "entries": entries}
    return json.dumps(document, ensure_ascii=False, indent=1)


def export_names(entries: dict[str, dict]) -> tuple[str, str]:
    """The names of the readable and the machine-readable export for these entries."""
    prefix = slug(name_in(entries))
    return f"{prefix}-my-work.md", f"{prefix}-work.json"


def export_files(entries: dict[str, dict], exported_at: datetime | None = None
                 ) -> dict[str, str]:
    """File name -> contents of everything handed in: `<slug>-my-work.md`, `<slug>-work.json`
    and `<slug>-<table>.csv`."""
    markdown, machine = export_names(entries)
    prefix = slug(name_in(entries))
    tables = export_tables(entries, with_student=True)
    tables = {f"{prefix}-{name}": text for name, text in tables.items()}
    return {markdown: export_markdown(entries), machine: export_json(entries, exported_at),
            **tables}
