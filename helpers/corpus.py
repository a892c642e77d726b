"""Load the catalogue (`sources.csv`), its texts and `events.csv`, checking every file on the way.

A teacher adds a text by dropping a `.txt` file in the data folder's `texts/` and adding a row
to `sources.csv`; `load_corpus` does the rest (checksum, reading text, word count). Every
problem found is reported at once, each naming the file, the line and the fix. The loader only
reads regular files inside `texts/`, each once (the checksum is of the bytes decoded), and
refuses files larger than `helpers.limits` allows before decoding them.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

import pandas as pd

from helpers.analysis.dates import date_span
from helpers.limits import MAX_TEXT_BYTES, MAX_WORDS
from helpers.paths import CATALOGUE_NAME, REPO_ROOT, catalogue_ids
from helpers.paths import data_dir as default_data_dir
from helpers.problems import CourseProblem
from helpers.text.reading_text import ReadingText, reading_text
from helpers.text.words import count_words

EVENTS_NAME = "events.csv"
TEXTS_FOLDER = "texts"
#: Conclusions about the texts (reconstructed dates, languages), kept apart from the catalogue.
INFERRED_PROVENANCE = REPO_ROOT / "teacher" / "inferred_provenance.csv"
REQUIRED_COLUMNS = (
    "text_id", "file", "title", "outlet", "author", "published", "language",
    "translated_from", "genre", "url", "sha256", "notes",
)
EVENT_COLUMNS = ("text_id", "event", "date", "reference")
_TEXT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARTIAL_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_RESAVE_TEXT = "open it in a text editor and save it as plain text with encoding UTF-8"
_RESAVE_TABLE = ('in a spreadsheet, use "Save as" and choose "CSV UTF-8"; in a text editor, '
                 "save it with encoding UTF-8")


class CorpusError(CourseProblem):
    """The catalogue or a text cannot be used; `problems` lists every reason found."""

    def __init__(self, problems: list[str]):
        super().__init__(problems)
        count = f"{len(self.problems)} problem" + ("s" if len(self.problems) > 1 else "")
        self.args = (f"{count} in the corpus:\n" + "\n".join(f"- {p}" for p in self.problems),)


@dataclass(frozen=True)
class _Decoded:
    """A file's text and the SHA-256 of the bytes it was decoded from, or why it is unusable."""

    text: str | None
    problem: str | None
    sha256: str = ""


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (the catalogue's fingerprint of a delivered source)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shown_path(path: Path) -> str:
    """How a file is named in messages: relative to the repository when inside it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(absolute)


def _guess_encoding(data: bytes) -> str:
    """Name the encoding a non-UTF-8 file was most likely saved in, for the error message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    try:
        decoded = data.decode("gb18030")
        if sum("\u4e00" <= ch <= "\u9fff" for ch in decoded) > len(decoded) // 10:
            return "GB18030/GBK (Chinese)"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= byte <= 0x9F for byte in data):
        return "Windows-1252"
    return "Latin-1 (ISO-8859-1)"


def _looks_binary(data: bytes) -> bool:
    """True for files that are not text at all (Word, PDF, images): NUL or many control bytes."""
    sample = data[:4096]
    controls = sum(byte < 32 and byte not in (9, 10, 12, 13) for byte in sample)
    return b"\x00" in sample or controls > len(sample) // 20


def _read_capped(path: Path, shown: str) -> tuple[bytes | None, str | None]:
    """The bytes of a regular file, read once; a pipe, device or folder, or a file over
    `MAX_TEXT_BYTES`, is refused without reading it (so nothing can hang or fill memory)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as err:
        return None, f"{shown} cannot be opened ({err.strerror}). Fix: check the file exists " \
                     "and may be read."
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        return None, (f"{shown} is not a regular file (it is a folder, pipe or device). "
                      "Fix: put a plain .txt file there.")
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(MAX_TEXT_BYTES + 1) if status.st_size <= MAX_TEXT_BYTES else b""
    if status.st_size > MAX_TEXT_BYTES or len(data) > MAX_TEXT_BYTES:
        return None, (f"{shown} is larger than {MAX_TEXT_BYTES / 1e6:g} MB, more than the "
                      f"module can show (at most {MAX_WORDS:,} words). Fix: keep only the part "
                      "you teach, or split it into several texts, each with its own row in "
                      "sources.csv.")
    return data, None


def _decode(path: Path, shown: str, resave: str = _RESAVE_TEXT) -> _Decoded:
    """Read a file once as UTF-8, hashing the bytes read, or explain why not and how to fix it."""
    data, problem = _read_capped(path, shown)
    if data is None:
        return _Decoded(None, problem)
    if not data.strip():
        return _Decoded(None, f"{shown} is empty. Fix: paste the text into it and save, "
                              "or remove its row from sources.csv.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _Decoded(None, f"{shown} is saved as UTF-16, not UTF-8. Fix: {resave}.")
    if _looks_binary(data):
        return _Decoded(None, f"{shown} is not a plain-text file (it may be a Word document, "
                              "a PDF or an image). Fix: copy its text into a new .txt file "
                              "saved as UTF-8.")
    try:
        return _Decoded(data.decode("utf-8-sig"), None, hashlib.sha256(data).hexdigest())
    except UnicodeDecodeError as error:
        guess = _guess_encoding(data)
        return _Decoded(None, f"{shown} is not UTF-8 (byte {error.start} cannot be read; it "
                              f"looks like {guess}). Fix: {resave}.")


def _is_repository_data(root: Path) -> bool:
    """True when `root` is the repository's own data folder (the delivered files)."""
    return root.resolve() == (REPO_ROOT / "data").resolve()


def _read_table(path: Path, columns: tuple[str, ...], restore: str
                ) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """(line, row) pairs of a CSV file as dicts of stripped strings, and its problems: a wrong
    encoding, a missing column, or a row with too few or too many cells."""
    shown = shown_path(path)
    if not path.exists():
        return [], [f"{shown} is missing. Fix: {restore}."]
    decoded = _decode(path, shown, _RESAVE_TABLE)
    if decoded.problem:
        return [], [decoded.problem]
    reader = csv.reader(decoded.text.splitlines())
    header = [name.strip() for name in next(reader, [])]
    missing = [c for c in columns if c not in header]
    if missing:
        return [], [f"{shown} line 1 has no column {', '.join(missing)}. Fix: add the column "
                    "header (cells may stay empty)."]
    rows, problems, start = [], [], reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            few = "too few" if len(cells) < len(header) else "too many"
            problems.append(f"{shown} line {line} has {few} cells ({len(cells)} instead of "
                            f"{len(header)}). Fix: give the row one cell per column; put "
                            "double quotes around a cell that contains a comma.")
            continue
        rows.append((line, {k: v.strip() for k, v in zip(header, cells, strict=True)}))
    return rows, problems


def _restore_hint(root: Path, name: str) -> str:
    """How to get a catalogue file back: git for the delivered folder, else the folder itself."""
    if _is_repository_data(root):
        return f"restore it (git checkout -- data/{name})"
    return f"add {name} to {shown_path(root)}, or point the module at the right folder"


def _is_date(value: str) -> bool:
    """True for a real partial ISO date: "2021", "2021-07" or "2021-07-06" (not "2021-02-30")."""
    if not _PARTIAL_ISO_DATE.match(value):
        return False
    try:
        date_span(value)
    except ValueError:
        return False
    return True


def _check_row(row: dict[str, str], where: str, seen: set[str]) -> list[str]:
    """Problems with one catalogue row's own cells (id, file name, date)."""
    problems = []
    text_id = row["text_id"]
    if not _TEXT_ID.match(text_id):
        problems.append(f"{where}: text_id {text_id!r} is not a short slug. Fix: use "
                        "lowercase letters, digits and hyphens only (e.g. 'my-new-text').")
    elif text_id in seen:
        problems.append(f"{where}: text_id {text_id!r} is used twice. Fix: give each row "
                        "its own text_id.")
    seen.add(text_id)
    if row["published"] and not _is_date(row["published"]):
        problems.append(f"{where}: published {row['published']!r} is not an ISO date. Fix: "
                        "write YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty.")
    return problems


def _confined(file: str, texts: Path, where: str) -> tuple[Path | None, str | None]:
    """The real path of a `file` cell inside `texts/`, or why it is refused: empty, absolute,
    with `..`, or a link that leads out of the folder."""
    folder = shown_path(texts)
    fix = f"Fix: write the name of a file in {folder} (e.g. 'my-text.txt')."
    if not file:
        return None, f"{where}: the file cell is empty. {fix}"
    parts = PureWindowsPath(file).parts
    if PurePosixPath(file).is_absolute() or PureWindowsPath(file).anchor or ".." in parts:
        return None, f"{where}: file {file!r} points outside {folder}. {fix}"
    real = (texts / file).resolve()
    if not real.is_relative_to(texts.resolve()):
        return None, (f"{where}: {folder}/{file} is a link to a file outside {folder}. Fix: "
                      f"copy the text itself into {folder} instead of linking to it.")
    return real, None


def _changed_hint(root: Path, row: dict[str, str], catalogued: dict[str, str]) -> str:
    """The fix for a text whose checksum differs: git only for a delivered text."""
    on_purpose = "if you changed it on purpose, empty its sha256 cell in sources.csv"
    if catalogued.get(row["file"]) != row["sha256"].lower():
        return f"put back the original file; {on_purpose}"
    restore = f"git checkout -- data/{TEXTS_FOLDER}/{row['file']}"
    if _is_repository_data(root):
        return f"restore the delivered file ({restore}); {on_purpose}"
    return (f"copy the delivered file from the repository (after {restore}) into "
            f"{shown_path(root / TEXTS_FOLDER)}; {on_purpose}")


def _delivered_checksums() -> dict[str, str]:
    """File name -> sha256 of the texts delivered in the repository's own catalogue."""
    path = REPO_ROOT / "data" / CATALOGUE_NAME
    rows, _ = _read_table(path, REQUIRED_COLUMNS, "") if path.is_file() else ([], [])
    return {row["file"]: row["sha256"].lower() for _, row in rows if row["sha256"]}


def _load_text(row: dict[str, str], where: str, root: Path) -> tuple[dict | None, list[str]]:
    """Read and verify one catalogued file; return its corpus record or the problems."""
    texts = root / TEXTS_FOLDER
    path, refused = _confined(row["file"], texts, where)
    if refused:
        return None, [refused]
    shown = f"{shown_path(texts)}/{row['file']}"
    if not path.exists():
        return None, [f"{shown} (text_id {row['text_id']!r}) is missing. Fix: put the file "
                      f"in {shown_path(texts)} or correct the file cell in {where}."]
    decoded = _decode(path, shown)
    if decoded.problem:
        return None, [decoded.problem]
    actual = decoded.sha256
    if row["sha256"] and row["sha256"].lower() != actual:
        fix = _changed_hint(root, row, _delivered_checksums())
        return None, [f"{shown} has changed since it was catalogued (sha256 {actual[:12]}... "
                      f"instead of {row['sha256'][:12]}...). Fix: {fix}."]
    reading: ReadingText = reading_text(decoded.text)
    n_words = count_words(reading.text)
    if n_words > MAX_WORDS:
        return None, [f"{shown} has {n_words:,} words; the module accepts at most "
                      f"{MAX_WORDS:,} (about 400 pages). Fix: keep only the part you teach, "
                      "or split it into several texts, each with its own row in sources.csv."]
    record = {**row, "sha256": actual, "raw": decoded.text, "text": reading.text,
              "offsets": reading.offsets, "n_words": n_words}
    return record, []


def _root(data_dir: str | Path | None) -> Path:
    """The data folder: the one given, else `$COURSE_DATA_DIR`, else the repository's data/."""
    return Path(data_dir).expanduser() if data_dir is not None else default_data_dir()


def load_corpus(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load every catalogued text: the catalogue columns plus `raw`, `text`, `offsets`
    (text position -> raw position) and `n_words`, indexed by `text_id`.

    Raises CorpusError listing every problem found (not just the first).
    """
    root = _root(data_dir)
    catalogue = root / CATALOGUE_NAME
    rows, problems = _read_table(catalogue, REQUIRED_COLUMNS,
                                 _restore_hint(root, CATALOGUE_NAME))
    records: list[dict] = []
    seen: set[str] = set()
    for line, row in rows:
        where = f"{shown_path(catalogue)} line {line}"
        row_problems = _check_row(row, where, seen)
        problems.extend(row_problems)
        if row_problems:
            continue
        record, load_problems = _load_text(row, where, root)
        problems.extend(load_problems)
        if record:
            records.append(record)
    if not rows and not problems:
        problems.append(f"{shown_path(catalogue)} lists no texts. Fix: add one row per text.")
    if problems:
        raise CorpusError(problems)
    return pd.DataFrame.from_records(records).set_index("text_id")


def reading_text_of(corpus: pd.DataFrame, text_id: str) -> ReadingText:
    """The `ReadingText` (text plus offset map back to the file) of one loaded text."""
    row = corpus.loc[text_id]
    return ReadingText(raw=row["raw"], text=row["text"], offsets=row["offsets"])


def load_events(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The events each text reports (`events.csv`: text_id, event, date, reference), with
    `date` as a pandas Timestamp (the first day of a partial date such as "2021-07"); an
    empty table when the folder has no such file. Raises CorpusError listing every problem."""
    root = _root(data_dir)
    path = root / EVENTS_NAME
    if not path.exists() and not path.is_symlink():
        return pd.DataFrame(columns=list(EVENT_COLUMNS))
    rows, problems = _read_table(path, EVENT_COLUMNS, "")
    known = catalogue_ids(root) or None  # no readable catalogue: ids are not checked
    shown = shown_path(path)
    records = []
    for line, row in rows:
        where = f"{shown} line {line}"
        if not _is_date(row["date"]):
            problems.append(f"{where}: date {row['date']!r} is not YYYY-MM-DD. Fix: write "
                            "YYYY-MM-DD, YYYY-MM or YYYY.")
        elif known is not None and row["text_id"] not in known:
            problems.append(f"{where}: text_id {row['text_id']!r} is not in sources.csv. Fix: "
                            "use the text_id of a catalogued text, or remove the row.")
        else:
            records.append({**row, "date": date_span(row["date"])[0]})
    if problems:
        raise CorpusError(problems)
    columns = list(dict.fromkeys([*EVENT_COLUMNS, *(rows[0][1] if rows else [])]))
    return pd.DataFrame.from_records(records, columns=columns)


def with_inferred_dates(corpus: pd.DataFrame, path: str | Path | None = None) -> pd.DataFrame:
    """A copy of `corpus` whose empty `published` cells are filled from the reconstructed dates
    in `teacher/inferred_provenance.csv` (rows with field `published`, confidence verified or
    likely), with `published_basis` ("stated", "inferred" or "") so views can label the
    difference; the catalogue itself keeps only what the pages state."""
    source = Path(path) if path is not None else INFERRED_PROVENANCE
    filled = corpus.copy()
    filled["published_basis"] = filled["published"].map(lambda d: "stated" if d else "")
    if not source.is_file():
        return filled
    rows = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")
    dates = rows[(rows["field"] == "published") & (rows["value"] != "")
                 & rows["confidence"].isin(["verified", "likely"])].set_index("text_id")["value"]
    bad = [d for d in dates if not _PARTIAL_ISO_DATE.match(d)]
    if bad:
        raise CorpusError([f"{source.name}: published {d!r} is not an ISO date. Fix: write "
                           "YYYY-MM-DD, YYYY-MM or YYYY." for d in bad])
    empty = (filled["published"] == "") & filled.index.isin(dates.index)
    filled.loc[empty, "published"] = dates.reindex(filled.index[empty]).to_numpy()
    filled.loc[empty, "published_basis"] = "inferred"
    return filled
