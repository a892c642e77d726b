"""The README, the start notebook and the teacher's guide list every notebook with the time the
notebook itself states, so the course map cannot drift from the course."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
STATED_TIME = re.compile(r"\*\*Time:\*\*\s*(?:about\s*)?(?:\d+\s*[–-]\s*)?(\d+)\s*min")


def first_cell(notebook: Path) -> str:
    return "".join(json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]["source"])


def course_map_rows(text: str) -> dict[str, int]:
    """Notebook number -> minutes, from the Markdown table rows of a course map."""
    rows = re.findall(r"^\|\s*(\d\d)\s*\|.*\|\s*(\d+) min\s*\|\s*$", text, re.MULTILINE)
    return {number: int(minutes) for number, minutes in rows}


def stated_minutes() -> dict[str, int]:
    found = {}
    for notebook in NOTEBOOKS:
        match = STATED_TIME.search(first_cell(notebook))
        assert match, f"{notebook.name}: first cell must state **Time:** in minutes"
        found[notebook.name[:2]] = int(match.group(1))
    return found


def start_notebook_source() -> str:
    cells = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in cells["cells"] if c["cell_type"] == "markdown")


@pytest.mark.parametrize(
    "document",
    [
        lambda: (ROOT / "README.md").read_text(encoding="utf-8"),
        lambda: (ROOT / "teacher" / "README.md").read_text(encoding="utf-8"),
        start_notebook_source,
    ],
    ids=["README", "teacher-guide", "start-notebook"],
)
def test_course_map_lists_every_notebook_with_its_stated_time(document):
    assert course_map_rows(document()) == stated_minutes()


def test_every_notebook_states_objectives():
    for notebook in NOTEBOOKS:
        assert re.search(r"objectives|you can", first_cell(notebook), re.IGNORECASE), notebook.name

