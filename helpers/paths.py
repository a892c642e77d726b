"""Where the module keeps its texts and the students' saved work."""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that moves saved student work (tests point it at a temporary folder).
WORK_DIR_ENV = "COURSE_WORK_DIR"
#: Environment variable that points the module at another set of texts (a teacher's own).
DATA_DIR_ENV = "COURSE_DATA_DIR"

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder holding `sources.csv` and `texts/`: `$COURSE_DATA_DIR`, else `data/`."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured).expanduser() if configured else REPO_ROOT / "data"


def work_dir() -> Path:
    """The folder for saved student work: `$COURSE_WORK_DIR`, else `work/` in the repository."""
    configured = os.environ.get(WORK_DIR_ENV)
    return Path(configured).expanduser() if configured else REPO_ROOT / "work"
