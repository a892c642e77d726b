"""Everything a student types, kept in one JSON file in the work folder and exported for handing in.

Each saved item is an *entry* keyed by its question id ("01-q3"), shaped as `entries.py`
describes. Writes are atomic (a crash never leaves a half-written file) and keep the file's
mode. Every read and write holds an advisory lock (`fcntl.flock` on a lock file that is never
removed, so taking it is one atomic step): two kernels saving at once never lose an entry, and
a file is moved aside as damaged only by the holder of the lock, after it failed to parse.
Anything odd (a damaged or deeply nested file, entries of the wrong shape, a pipe or device
in place of the file, an unreadable file) becomes a message for the student, never a traceback.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from helpers.course.entries import REPLACEMENT_NOTE, clean_entries, clean_entry, storable
from helpers.course.work_export import (
    STUDENT_QID,
    export_files,
    export_markdown,
    export_names,
    export_tables,
    name_in,
    natural_key,
)
from helpers.limits import MAX_WORDS
from helpers.paths import work_dir
from helpers.text.words import count_words

try:
    import fcntl
except ImportError:  # Windows has no flock: saves stay atomic but are not serialised.
    fcntl = None

__all__ = [
    "SAVE_FILE_NAME", "Loaded", "download_links_html", "export_files", "export_markdown",
    "export_tables", "export_work", "load_work", "natural_key", "save_entry", "save_file",
    "save_student_name", "student_name", "write_atomic",
]

SAVE_FILE_NAME = "answers.json"
_FORMAT = "source-criticism-work"
_VERSION = 1
#: Temporary files of a save older than this (seconds) were left by a killed kernel.
STALE_TEMP_AGE = 600
#: Files up to this size are embedded in the download links; larger ones are written to disk.
EMBED_LIMIT = 500_000
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@dataclass(frozen=True)
class Loaded:
    """The saved entries, and a message for the student when the file could not all be used.

    `usable` is False when the file exists but can be neither read nor moved aside: saving
    would overwrite it, so nothing is saved until it is fixed.
    """

    entries: dict[str, dict] = field(default_factory=dict)
    problem: str | None = None
    usable: bool = True
    repaired: bool = False


class _Unreadable(ValueError):
    """The save file exists but its contents cannot be used."""


def save_file() -> Path:
    """The student's save file: `answers.json` in the work folder."""
    return work_dir() / SAVE_FILE_NAME


def _special(path: Path) -> str | None:
    """A message when `path` exists but is not a regular file (a pipe, device or folder)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return (f"{path} is not a file but a folder, pipe or device, so your work cannot be saved "
            "there. Ask your teacher to remove it, or set COURSE_WORK_DIR to another folder.")


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; a pipe or device raises OSError instead of blocking."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        return handle.read()


def _parse(data: bytes) -> dict:
    """The raw entries in a save file's bytes; `_Unreadable` when it is not a save file."""
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise _Unreadable(f"it could not be read (byte {err.start} is not UTF-8)") from err
    except json.JSONDecodeError as err:
        raise _Unreadable(f"it is not valid JSON ({err.msg} at line {err.lineno})") from err
    except RecursionError as err:
        raise _Unreadable("it is nested too deeply to be a saved-work file") from err
    if not isinstance(document, dict) or document.get("format") != _FORMAT:
        raise _Unreadable("it is not a saved-work file of this module")
    entries = document.get("entries")
    if not isinstance(entries, dict):
        raise _Unreadable("its list of saved answers is damaged")
    return entries


def _aside_name(path: Path, label: str = "corrupt") -> Path:
    """The first free name `answers.json.<label>-<n>` next to the file."""
    n = 1
    while path.with_name(f"{path.name}.{label}-{n}").exists():
        n += 1
    return path.with_name(f"{path.name}.{label}-{n}")


def _move_aside(path: Path, reason: str) -> Loaded:
    """Rename an unusable save file so nothing overwrites it; say so to the student."""
    aside = _aside_name(path)
    try:
        os.replace(path, aside)
    except FileNotFoundError:
        return Loaded()
    except OSError as err:
        return Loaded(problem=(
            f"Your saved work in {path.name} could not be used: {reason}. It could not be moved "
            f"aside either ({err.strerror or err}), so nothing will be saved until your teacher "
            "fixes it."), usable=False)
    return Loaded(problem=(
        f"Your saved work in {path.name} could not be used: {reason}. The file was kept as "
        f"{aside.name} (show it to your teacher); you start with a fresh file."))


def _load(path: Path, may_move: bool) -> Loaded:
    """Read and check the save file; move it aside only if `may_move` (the lock is held) and
    it does not parse. Entries of the wrong shape are repaired or skipped, with a message."""
    special = _special(path)
    if special:
        return Loaded(problem=special, usable=False)
    try:
        raw = _parse(_read_bytes(path))
    except FileNotFoundError:
        return Loaded()
    except (OSError, _Unreadable) as err:
        reason = err if isinstance(err, _Unreadable) else \
            f"it could not be read ({err.strerror or err})"
        if may_move:
            return _move_aside(path, str(reason))
        return Loaded(problem=f"Your saved work in {path.name} could not be read: {reason}. "
                              "Ask your teacher to check the work folder.", usable=False)
    entries, notes = clean_entries(raw)
    if not notes:
        return Loaded(entries)
    return Loaded(entries, f"Some saved answers in {path.name} had the wrong shape: "
                           + "; ".join(notes) + ".", repaired=True)


def load_work(path: Path | None = None) -> Loaded:
    """Read the saved entries; a damaged file is moved aside and reported, never raised."""
    path = path or save_file()
    if not (path.exists() or path.is_symlink()):
        return Loaded()
    if _special(path):
        return _load(path, may_move=False)
    try:
        with _locked(path):
            return _load(path, may_move=True)
    except OSError:  # no lock in a read-only folder: read, but move nothing
        return _load(path, may_move=False)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step (a temporary file is written, synced, then
    renamed), keeping the mode of the file it replaces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    data = text.encode("utf-8")
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{time.monotonic_ns()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        with os.fdopen(os.open(temporary, flags, 0o600), "wb") as handle:
            handle.write(data)
            handle.flush()
            if hasattr(os, "fchmod"):  # not on Windows, where modes mean little
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _lock_name(path: Path) -> Path:
    """The lock file that guards `path`: a hidden `.answers.json.lock` next to it."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive `fcntl.flock` on the lock file of `path` while the block runs. The
    lock file is created if needed and never removed, so every process locks the same file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(_lock_name(path), flags, 0o666 & ~_UMASK)
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _clean_stale_temps(path: Path) -> None:
    """Remove this save file's temporary files left by a killed kernel: only ours (by name and
    owner), regular files, older than `STALE_TEMP_AGE`; the caller holds the lock."""
    now = time.time()
    for temporary in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            info = temporary.lstat()
            owner = os.geteuid() if hasattr(os, "geteuid") else info.st_uid
            if (stat.S_ISREG(info.st_mode) and info.st_uid == owner
                    and now - info.st_mtime > STALE_TEMP_AGE):
                temporary.unlink()


def _too_long(entry: dict) -> str | None:
    """A message when an entry holds more words than the module accepts (`MAX_WORDS`)."""
    texts = [entry.get("answer", ""), entry.get("first_answer", "")]
    texts += entry.get("fields", {}).values()
    texts += [v for row in entry.get("rows", []) for v in row.values()]
    words = sum(count_words(text) for text in texts)
    if words <= MAX_WORDS:
        return None
    return (f"This answer is too long to save ({words:,} words; at most {MAX_WORDS:,}). "
            "Shorten it, or save long texts as files in the work folder.")


def save_entry(qid: str, entry: dict, path: Path | None = None) -> str | None:
    """Store one entry under `qid`; return a message for the student if something went wrong.
    The read-modify-write runs under a lock, so concurrent saves from other kernels are kept."""
    path = path or save_file()
    special = _special(path)
    if special:
        return special
    clean, changes = clean_entry(entry)
    if clean is None:
        return f"This answer could not be saved: {changes[0]}."
    too_long = _too_long(clean)
    if too_long:
        return too_long + " Your earlier saved work is unchanged."
    notes = [f"Saved, but {REPLACEMENT_NOTE}."] if REPLACEMENT_NOTE in changes else []
    try:
        with _locked(path):
            problem = _save_locked(storable(str(qid)), clean, path)
    except OSError as err:
        return (f"Could not save to {path.name} ({err.strerror or err}). Your earlier saved "
                "work is unchanged.")
    return " ".join([*([problem] if problem else []), *notes]) or None


def _save_locked(qid: str, entry: dict, path: Path) -> str | None:
    """Add or replace `qid` in the save file, written back atomically; the caller holds the
    lock and turns an `OSError` into a message."""
    _clean_stale_temps(path)
    loaded = _load(path, may_move=True)
    if not loaded.usable:
        return loaded.problem
    problem = loaded.problem
    if loaded.repaired:
        kept = _aside_name(path, "before-repair")
        write_atomic(kept, _read_bytes(path).decode("utf-8"))
        problem = f"{problem} The file as it was is kept as {kept.name}."
    entries = {**loaded.entries, qid: entry}
    document = {"format": _FORMAT, "version": _VERSION, "entries": entries}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=1))
    return problem


def student_name(path: Path | None = None) -> str:
    """The student's name or pseudonym from the saved work (SPEC.md), or ""."""
    return name_in(load_work(path).entries)


def save_student_name(name: str, path: Path | None = None) -> str | None:
    """Save the student's name or pseudonym (used in export names and headings)."""
    entry = {"kind": "profile", "prompt": "Your name or pseudonym", "fields": {"name": name}}
    return save_entry(STUDENT_QID, entry, path)


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
        return written, f"Could not write the export ({err.strerror or err})."
    return written, loaded.problem


_MIME = {".md": "text/markdown", ".csv": "text/csv", ".json": "application/json"}


def data_uri(name: str, text: str) -> str:
    """A `data:` URI holding a file's text, so a link downloads it without a server."""
    mime = _MIME.get(Path(name).suffix, "text/plain")
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{payload}"


def _link(name: str, text: str, label: str) -> str:
    """An anchor that downloads `text` as file `name` from the page; a file over `EMBED_LIMIT`
    is not embedded (the page would grow with every save) and the student is told where it is."""
    if len(text.encode("utf-8")) > EMBED_LIMIT:
        return (f"{html.escape(label)} (too large to download from this page: write it into "
                f"the work folder with the button below if it is not there, then download "
                f"<code>{html.escape(name)}</code> from the file browser)")
    href = data_uri(name, text)
    return f'<a download="{html.escape(name)}" href="{href}">⬇ {html.escape(label)}</a>'


def _saved_at(path: Path) -> datetime | None:
    """When the save file was last written (so the links change only when the work does)."""
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, UTC)
    except OSError:
        return None


def download_links_html(path: Path | None = None) -> str:
    """Links that download the current saved work (Markdown, the export for the teacher, CSV
    tables, the save file itself); a problem with the save file is shown instead of raised."""
    path = path or save_file()
    loaded = load_work(path)
    files = export_files(loaded.entries, _saved_at(path))
    markdown, machine = export_names(loaded.entries)
    parts = [f"<strong>{_link(markdown, files.pop(markdown), 'Download my work (Markdown)')}"
             "</strong>",
             _link(machine, files.pop(machine), f"{machine} (for your teacher)")]
    if files:
        parts.append("Tables (CSV): " + " · ".join(_link(n, t, n) for n, t in files.items()))
    if loaded.problem:
        parts.append("⚠ " + html.escape(loaded.problem))
    if loaded.entries:
        saved = json.dumps({"format": _FORMAT, "version": _VERSION, "entries": loaded.entries},
                           ensure_ascii=False, indent=1)
        parts.append(
            _link(SAVE_FILE_NAME, saved, SAVE_FILE_NAME)
            + " (to continue in a new session, upload it into the <code>work</code> folder)"
        )
    return '<div class="work-download-links">' + "<br>".join(parts) + "</div>"
