"""Shared fixtures: no test ever writes into the real `work/` folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def work_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test saves student work into its own empty folder."""
    folder = tmp_path / "work"
    monkeypatch.setenv("COURSE_WORK_DIR", str(folder))
    return folder
