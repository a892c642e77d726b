"""Where the module keeps its texts and the students' saved work."""

from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

#: Environment variable that moves saved student work (tests point it at a temporary folder).
WORK_DIR_ENV = "COURSE_WORK_DIR"
#: Environment variable that points the module at another set of texts (a teacher's own).
DATA_DIR_ENV = "COURSE_DATA_DIR"
#: The catalogue of a data folder: one row per text, its id in the `text_id` column.
CATALOGUE_NAME = "sources.csv"

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder holding `sources.csv` and `texts/`: `$COURSE_DATA_DIR`, else `data/`."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured).expanduser() if configured else REPO_ROOT / "data"


def work_dir() -> Path:
    """The folder for saved student work: `$COURSE_WORK_DIR`, else `work/` in the repository."""
    configured = os.environ.get(WORK_DIR_ENV)
    return Path(configured).expanduser() if configured else REPO_ROOT / "work"


def catalogue_ids(folder: Path | None = None) -> frozenset[str]:
    """The text ids a data folder's catalogue lists (default: `data_dir()`), without loading
    the texts; empty when there is no readable catalogue. Cached per file and modification time,
    because every question cell asks (`helpers.corpus` checks the catalogue properly)."""
    path = (folder or data_dir()) / CATALOGUE_NAME
    try:
        status = path.stat()
    except OSError:
        return frozenset()
    return _listed_ids(str(path.resolve()), status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=16)
def _listed_ids(path: str, _mtime_ns: int, _size: int) -> frozenset[str]:
    """The non-empty `text_id` cells of one catalogue file (the version with that time and size)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return frozenset()
    reader = csv.reader(lines)
    header = [name.strip() for name in next(reader, [])]
    if "text_id" not in header:
        return frozenset()
    column = header.index("text_id")
    return frozenset(row[column].strip() for row in reader
                     if len(row) > column and row[column].strip())
