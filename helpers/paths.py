"""Where the module keeps its data and the students' saved work."""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that moves saved student work (tests point it at a temporary folder).
WORK_DIR_ENV = "COURSE_WORK_DIR"

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder holding `sources.csv` and `texts/` (the repository's `data/`)."""
    return REPO_ROOT / "data"


def work_dir() -> Path:
    """The folder for saved student work: `$COURSE_WORK_DIR`, else `work/` in the repository."""
    configured = os.environ.get(WORK_DIR_ENV)
    return Path(configured).expanduser() if configured else REPO_ROOT / "work"
