"""The README, the start notebook and the teacher's guide list every notebook with the time the
notebook itself states, so the course map cannot drift from the course."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
STATED_TIME = re.compile(r"\*\*Time:\*\*\s*(?:about\s*)?(\d+)\s*min")
TIME_LINE = re.compile(r"\*\*Time:\*\*[^·\n]*")


def first_cell(notebook: Path) -> str:
    return "".join(json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]["source"])


def course_map_rows(text: str) -> dict[str, int]:
    """Notebook number -> minutes, from the Markdown table rows of a course map."""
    rows = re.findall(r"^\|\s*(\d\d)\s*\|.*\|\s*(\d+) min\s*\|\s*$", text, re.MULTILINE)
    return {number: int(minutes) for number, minutes in rows}


def objectives_rows(text: str) -> dict[str, int]:
    """Notebook number -> minutes, from rows such as `| **02 Versions of a speech** (35 min) |`."""
    rows = re.findall(r"^\|\s*\*\*(\d\d) [^*]+\*\*\s*\((\d+) min\)", text, re.MULTILINE)
    return {number: int(minutes) for number, minutes in rows}


def stated_minutes() -> dict[str, int]:
    """Notebook number -> the one time its header states ("**Time:** about 35 minutes")."""
    found = {}
    for notebook in NOTEBOOKS:
        line = TIME_LINE.search(first_cell(notebook))
        assert line, f"{notebook.name}: first cell must state **Time:** in minutes"
        match = STATED_TIME.fullmatch(line.group(0).strip().replace("minutes", "min"))
        assert match, f"{notebook.name}: state one time, e.g. '**Time:** about 35 minutes', not " \
                      f"{line.group(0).strip()!r}"
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


def test_objectives_list_every_notebook_with_its_stated_time():
    text = (ROOT / "teacher" / "objectives.md").read_text(encoding="utf-8")
    assert objectives_rows(text) == stated_minutes()


def test_stated_total_is_the_sum_of_the_notebook_times():
    total = sum(stated_minutes().values())
    words = f"{total // 60} hours {total % 60} minutes"
    assert words in (ROOT / "teacher" / "README.md").read_text(encoding="utf-8")
    assert f"{total // 60} h {total % 60} min" in (
        ROOT / "teacher" / "lesson_plans.md").read_text(encoding="utf-8")


def test_every_notebook_states_objectives():
    for notebook in NOTEBOOKS:
        assert re.search(r"objectives|you can", first_cell(notebook), re.IGNORECASE), notebook.name

