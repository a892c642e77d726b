"""Load the catalogue (`data/sources.csv`) and its texts, checking every file on the way.

A teacher adds a text by dropping a `.txt` file in `data/texts/` and adding a row to
`sources.csv`; `load_corpus` does the rest (checksum, reading text, word count). Every
problem found is reported at once, each naming the file and the fix.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.paths import REPO_ROOT
from helpers.paths import data_dir as default_data_dir
from helpers.text.reading_text import ReadingText, reading_text
from helpers.text.words import count_words

CATALOGUE_NAME = "sources.csv"
TEXTS_FOLDER = "texts"
#: Conclusions about the texts (reconstructed dates, languages), kept apart from the catalogue.
INFERRED_PROVENANCE = REPO_ROOT / "teacher" / "inferred_provenance.csv"
REQUIRED_COLUMNS = (
    "text_id", "file", "title", "outlet", "author", "published", "language",
    "translated_from", "genre", "url", "sha256", "notes",
)
_TEXT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARTIAL_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class CorpusError(ValueError):
    """The catalogue or a text cannot be used; `problems` lists every reason found."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        super().__init__(f"{count} in the corpus:\n" + "\n".join(f"- {p}" for p in problems))


@dataclass(frozen=True)
class _Decoded:
    """A file's text, or why it could not be read."""

    text: str | None
    problem: str | None


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (the catalogue's fingerprint of a delivered source)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


def _decode(path: Path, shown: str) -> _Decoded:
    """Read a text file as UTF-8, or explain precisely why not and how to fix it."""
    data = path.read_bytes()
    resave = "open it in a text editor and save it as plain text with encoding UTF-8"
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
        return _Decoded(data.decode("utf-8-sig"), None)
    except UnicodeDecodeError as error:
        guess = _guess_encoding(data)
        return _Decoded(None, f"{shown} is not UTF-8 (byte {error.start} cannot be read; it "
                              f"looks like {guess}). Fix: {resave}.")


def _read_catalogue(catalogue: Path) -> list[dict[str, str]]:
    """Rows of sources.csv as dicts of stripped strings; raises CorpusError if unusable."""
    if not catalogue.is_file():
        raise CorpusError([f"{catalogue} is missing. Fix: restore it (git checkout -- "
                           f"data/{CATALOGUE_NAME}) or point load_corpus at the right folder."])
    decoded = _decode(catalogue, str(catalogue))
    if decoded.problem:
        raise CorpusError([decoded.problem])
    reader = csv.DictReader(decoded.text.splitlines())
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CorpusError([f"{catalogue} has no column {', '.join(missing)}. Fix: add "
                           "the column header (cells may stay empty)."])
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def _check_row(row: dict[str, str], line: int, texts: Path, seen: set[str]) -> list[str]:
    """Problems with one catalogue row's own cells (id, file name, date)."""
    problems = []
    text_id = row["text_id"]
    where = f"sources.csv line {line}"
    if not _TEXT_ID.match(text_id):
        problems.append(f"{where}: text_id {text_id!r} is not a short slug. Fix: use "
                        "lowercase letters, digits and hyphens only (e.g. 'my-new-text').")
    elif text_id in seen:
        problems.append(f"{where}: text_id {text_id!r} is used twice. Fix: give each row "
                        "its own text_id.")
    seen.add(text_id)
    if not row["file"]:
        problems.append(f"{where}: the file cell is empty. Fix: write the file name from "
                        f"{texts}.")
    if row["published"] and not _PARTIAL_ISO_DATE.match(row["published"]):
        problems.append(f"{where}: published {row['published']!r} is not an ISO date. Fix: "
                        "write YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty.")
    return problems


def _load_text(row: dict[str, str], texts: Path) -> tuple[dict | None, list[str]]:
    """Read and verify one catalogued file; return its corpus record or the problems."""
    path = texts / row["file"]
    shown = f"data/{TEXTS_FOLDER}/{row['file']}"
    if not path.is_file():
        return None, [f"{shown} (text_id {row['text_id']!r}) is missing. Fix: put the file "
                      f"in {texts} or correct the file cell in sources.csv."]
    decoded = _decode(path, shown)
    if decoded.problem:
        return None, [decoded.problem]
    actual = sha256_of(path)
    if row["sha256"] and row["sha256"].lower() != actual:
        return None, [f"{shown} has changed since it was catalogued (sha256 {actual[:12]}... "
                      f"instead of {row['sha256'][:12]}...). Fix: restore the delivered file "
                      f"(git checkout -- {shown}); if you changed it on purpose, empty its "
                      "sha256 cell."]
    reading: ReadingText = reading_text(decoded.text)
    record = {**row, "sha256": actual, "raw": decoded.text, "text": reading.text,
              "offsets": reading.offsets, "n_words": count_words(reading.text)}
    return record, []


def load_corpus(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load every catalogued text: the catalogue columns plus `raw`, `text`, `offsets`
    (text position -> raw position) and `n_words`, indexed by `text_id`.

    Raises CorpusError listing every problem found (not just the first).
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    texts = root / TEXTS_FOLDER
    rows = _read_catalogue(root / CATALOGUE_NAME)
    problems: list[str] = []
    records: list[dict] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        row_problems = _check_row(row, line, texts, seen)
        problems.extend(row_problems)
        if row_problems:
            continue
        record, load_problems = _load_text(row, texts)
        problems.extend(load_problems)
        if record:
            records.append(record)
    if not rows:
        problems.append(f"{root / CATALOGUE_NAME} lists no texts. Fix: add one row per text.")
    if problems:
        raise CorpusError(problems)
    return pd.DataFrame.from_records(records).set_index("text_id")


def reading_text_of(corpus: pd.DataFrame, text_id: str) -> ReadingText:
    """The `ReadingText` (text plus offset map back to the file) of one loaded text."""
    row = corpus.loc[text_id]
    return ReadingText(raw=row["raw"], text=row["text"], offsets=row["offsets"])


def load_events(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The events each text reports (`data/events.csv`: text_id, event, date, reference),
    with `date` as a pandas Timestamp; an empty table when the teacher has no such file."""
    path = (Path(data_dir) if data_dir is not None else default_data_dir()) / "events.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["text_id", "event", "date", "reference"])
    events = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    dates = pd.to_datetime(events["date"], format="%Y-%m-%d", errors="coerce")
    bad = events.loc[dates.isna(), "date"]
    if not bad.empty:
        raise CorpusError([f"{path.name}: date {value!r} is not YYYY-MM-DD. Fix: correct "
                           "the date cell." for value in bad])
    return events.assign(date=dates)


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
