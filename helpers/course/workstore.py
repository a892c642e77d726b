"""Everything a student types, kept in one JSON file in the work folder and exported for handing in.

Each saved item is an *entry* keyed by its question id ("01-q3"): a dict with `kind` and `prompt`
and any of `answer` (text), `status` (e.g. "correct"), `fields` (a form: name -> text) and `rows`
(a table: list of name -> text). Writes are atomic, so a crash never leaves a half-written file;
a file that cannot be read is moved aside with a clear message and the student starts afresh.
Saving holds an advisory lock, so two notebooks (two kernels) saving at once never lose an entry.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpers.paths import work_dir

try:
    import fcntl
except ImportError:  # Windows has no flock: saves stay atomic but are not serialised.
    fcntl = None

SAVE_FILE_NAME = "answers.json"
EXPORT_MARKDOWN_NAME = "my-work.md"
_FORMAT = "source-criticism-work"
_VERSION = 1


@dataclass(frozen=True)
class Loaded:
    """The saved entries, and a message for the student when the file could not be used."""

    entries: dict[str, dict] = field(default_factory=dict)
    problem: str | None = None


class _Unreadable(ValueError):
    """The save file exists but its contents cannot be used."""


def save_file() -> Path:
    """The student's save file: `answers.json` in the work folder."""
    return work_dir() / SAVE_FILE_NAME


def natural_key(qid: str) -> list:
    """Sort key that puts "01-q2" before "01-q10"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", qid)]


def _parse(text: str) -> dict[str, dict]:
    """The entries in a save file's text; `_Unreadable` when it is not a save file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise _Unreadable(f"it is not valid JSON ({err.msg} at line {err.lineno})") from err
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise _Unreadable("it is not a saved-work file of this module")
    entries = data.get("entries")
    if not isinstance(entries, dict) or not all(isinstance(e, dict) for e in entries.values()):
        raise _Unreadable("its list of saved answers is damaged")
    return entries


def _aside_name(path: Path) -> Path:
    """The first free name `answers.json.corrupt-<n>` next to the file."""
    n = 1
    while path.with_name(f"{path.name}.corrupt-{n}").exists():
        n += 1
    return path.with_name(f"{path.name}.corrupt-{n}")


def load_work(path: Path | None = None) -> Loaded:
    """Read the saved entries; a damaged file is moved aside and reported, never raised."""
    path = path or save_file()
    if not path.exists():
        return Loaded()
    try:
        return Loaded(_parse(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, _Unreadable) as err:
        reason = err if isinstance(err, _Unreadable) else f"it could not be read ({err})"
        return Loaded(problem=_move_aside(path, str(reason)))


def _move_aside(path: Path, reason: str) -> str:
    """Rename an unusable save file so nothing overwrites it; return the message for the student."""
    aside = _aside_name(path)
    try:
        os.replace(path, aside)
    except OSError as err:
        return (
            f"Your saved work in {path.name} could not be used: {reason}. It could not be moved "
            f"aside either ({err}), so nothing will be saved until your teacher fixes it."
        )
    return (
        f"Your saved work in {path.name} could not be used: {reason}. The file was kept as "
        f"{aside.name} (show it to your teacher); you start with a fresh file."
    )


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step: a temporary file is written, synced, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _lock_name(path: Path) -> Path:
    """The lock file that guards `path`: `answers.json.lock` next to it."""
    return path.with_name(f"{path.name}.lock")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive `fcntl.flock` on the lock file of `path` while the block runs. The
    lock file is removed on release (the work folder keeps only the student's files); a waiter
    that wakes up holding a removed file's lock tries again with the current one."""
    lock = _lock_name(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        handle = open(lock, "a")  # noqa: SIM115 (closed on release, below)
        try:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            current = lock.exists() and os.path.samestat(os.fstat(handle.fileno()), lock.stat())
        except BaseException:
            handle.close()
            raise
        if current:
            break
        handle.close()
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
        handle.close()


def save_entry(qid: str, entry: dict, path: Path | None = None) -> str | None:
    """Store one entry under `qid`; return a message for the student if something went wrong.
    The read-modify-write runs under a lock, so concurrent saves from other kernels are kept."""
    path = path or save_file()
    try:
        with _locked(path):
            return _save_unlocked(qid, entry, path)
    except OSError as err:
        return f"Could not save to {path.name} ({err}). Your earlier saved work is unchanged."


def _save_unlocked(qid: str, entry: dict, path: Path) -> str | None:
    """Add or replace `qid` in the save file, written back atomically; the caller holds the
    lock and turns an `OSError` into a message."""
    loaded = load_work(path)
    if loaded.problem and path.exists():
        return loaded.problem
    entries = {**loaded.entries, qid: entry}
    document = {"format": _FORMAT, "version": _VERSION, "entries": entries}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=1))
    return loaded.problem


def _label(kind: str) -> str:
    """Human name of an entry kind ("multiple_choice" -> "Multiple choice")."""
    return kind.replace("_", " ").capitalize()


def _md_cell(value: object) -> str:
    """Text made safe for one Markdown table cell."""
    return " ".join(str(value).split()).replace("|", "\\|")


def _md_quote(text: str) -> str:
    """A block of student text as a Markdown block quote (empty text says so)."""
    lines = text.strip().splitlines() or ["(nothing written)"]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _md_entry(qid: str, entry: dict) -> list[str]:
    """Markdown lines for one saved entry."""
    lines = [f"## {qid} · {_label(entry.get('kind', 'answer'))}", ""]
    if entry.get("prompt"):
        lines += [f"**{_md_cell(entry['prompt'])}**", ""]
    if "answer" in entry:
        lines += [_md_quote(str(entry["answer"])), ""]
    if entry.get("status"):
        lines += [f"*Feedback: {entry['status']}*", ""]
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
    """All saved work as one Markdown document, in question order."""
    lines = ["# My work: source criticism", ""]
    if not entries:
        lines += ["Nothing saved yet.", ""]
    for qid in sorted(entries, key=natural_key):
        lines += _md_entry(qid, entries[qid])
    return "\n".join(lines)


def _columns(records: list[dict]) -> list[str]:
    """Column names in order of first appearance across records."""
    return list(dict.fromkeys(name for record in records for name in record))


def export_tables(entries: dict[str, dict]) -> dict[str, str]:
    """CSV text per entry kind: a line per table row (`rows`), its form (`fields`) repeated."""
    records: dict[str, list[dict]] = {}
    for qid in sorted(entries, key=natural_key):
        entry = entries[qid]
        form = {"qid": qid, **entry.get("fields", {})}
        rows = [{**form, "row": n, **row} for n, row in enumerate(entry.get("rows", []), start=1)]
        if rows or entry.get("fields"):
            records.setdefault(entry.get("kind", "answer"), []).extend(rows or [form])
    tables = {}
    for kind, rows in records.items():
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_columns(rows), restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        tables[f"{kind}.csv"] = buffer.getvalue()
    return tables


def export_files(entries: dict[str, dict]) -> dict[str, str]:
    """File name -> contents of everything handed in: the Markdown plus one CSV per table kind."""
    return {EXPORT_MARKDOWN_NAME: export_markdown(entries), **export_tables(entries)}


def export_work(path: Path | None = None) -> tuple[list[Path], str | None]:
    """Write the export files next to the save file; return their paths and any problem."""
    path = path or save_file()
    loaded = load_work(path)
    written = []
    try:
        for name, text in export_files(loaded.entries).items():
            write_atomic(path.with_name(name), text)
            written.append(path.with_name(name))
    except OSError as err:
        return written, f"Could not write the export ({err})."
    return written, loaded.problem


_MIME = {".md": "text/markdown", ".csv": "text/csv"}


def data_uri(name: str, text: str) -> str:
    """A `data:` URI holding a file's text, so a link downloads it without a server."""
    mime = _MIME.get(Path(name).suffix, "text/plain")
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{payload}"
