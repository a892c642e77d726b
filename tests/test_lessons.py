"""The lesson notebooks against the question bank: questions read as Markdown, every answer box
is one `ask(id)` line, no answer sits in a notebook file, headers are uniform, files are clean,
and the answer key is what `make answer-key` writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.course.answer_key import end_marker, generate, start_marker
from helpers.course.bank import SKILLS, Question, read_bank
from helpers.course.lessons import RUN_METADATA, asked_id, clean, source, sync_questions

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [nb.stem[:2] for nb in NOTEBOOKS]
BANK = read_bank()
#: Extra tags an objective may carry besides the four skills.
OTHER_TAGS = {"working method", "all four skills"}
HEADER = re.compile(
    r"^# (?P<number>\d\d) · .+\n\n"
    r"\*\*Time:\*\* about \d+ minutes · \*\*Level:\*\* [^·\n]+ · \*\*Before this:\*\* .+\n\n"
    r"\*\*Central question:\*\* \*.+\*\n\n"
    r"(?:.+\n\n)*"
    r"### By the end of this notebook you can\n(?P<objectives>(?:\d+\. .+\n)+)(?:\n.+\n)*$"
)
OBJECTIVE = re.compile(r"^\d+\. .+ \(\*skill: (?P<tags>[a-z ,]+)\*\)[;.]?$")


def cells(notebook: Path) -> list[dict]:
    return json.loads(notebook.read_text(encoding="utf-8"))["cells"]


def strings(value: object) -> list[str]:
    """Every string inside a notebook's JSON (sources, outputs, metadata, widget state)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_question_of_the_notebook_is_asked_once_in_bank_order(notebook):
    asked = [asked_id(c) for c in cells(notebook) if asked_id(c)]
    in_bank = [q.id for q in BANK.values() if q.notebook == notebook.name[:2]]
    assert asked == in_bank


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_the_markdown_above_each_answer_box_states_the_question_as_the_bank_has_it(notebook):
    notebook_cells = cells(notebook)
    assert sync_questions({"cells": notebook_cells}, BANK)["cells"] == notebook_cells, (
        "a question's Markdown differs from questions/*.toml: run make notebooks"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_no_notebook_file_holds_an_answer_a_check_or_a_model_answer(notebook):
    document = json.loads(notebook.read_text(encoding="utf-8"))
    text = "\n".join(strings(document))
    secrets = [
        part
        for q in BANK.values()
        for part in (
            q.explanation,
            q.model_answer,
            q.key_note,
            *q.rubric,
            *(w.say for w in q.wrong),
        )
        if part
    ]
    assert len(secrets) > 100
    assert [s for s in secrets if s in text] == []
    for cell in document["cells"]:
        code = source(cell) if cell["cell_type"] == "code" else ""
        assert not re.search(r"\b(answer|check|model_answer|explanation)\s*=|lambda", code), code
        assert "source_hidden" not in json.dumps(cell["metadata"]), "no folded cells are needed"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_notebook_files_hold_no_run_specific_metadata(notebook):
    document = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in document["cells"]:
        assert not set(cell["metadata"]) & set(RUN_METADATA), cell["metadata"]
    assert clean(json.loads(notebook.read_text(encoding="utf-8"))) == document, (
        "run make notebooks (it cleans the files after running them)"
    )


def test_clean_removes_timestamps_and_default_widget_values():
    state = "application/vnd.jupyter.widget-state+json"
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {"execution": {"a": 1}, "tags": ["x"]}}],
        "metadata": {
            "widgets": {
                state: {
                    "state": {
                        "m1": {
                            "model_name": "LayoutModel",
                            "state": {"width": "auto", "height": None, "_view_count": None},
                        },
                        "m2": {"model_name": "DropdownModel", "state": {"index": None}},
                    }
                }
            }
        },
    }
    cleaned = clean(notebook)
    assert cleaned["cells"][0]["metadata"] == {"tags": ["x"]}
    models = cleaned["metadata"]["widgets"][state]["state"]
    assert models["m1"]["state"] == {"width": "auto"}
    assert models["m2"]["state"] == {"index": None}


def test_sync_inserts_a_missing_question_cell_and_rewrites_a_stale_one():
    q = Question(id="07-notes", notebook="07", kind="notes", prompt="New prompt")
    ask_cell = {"cell_type": "code", "metadata": {}, "source": 'ask("07-notes")'}
    stale = {"cell_type": "markdown", "metadata": {}, "source": "**Notes.** Old prompt"}
    intro = {"cell_type": "markdown", "metadata": {}, "source": "## A section"}
    synced = sync_questions({"cells": [intro, dict(ask_cell)]}, {"07-notes": q})["cells"]
    assert [source(c) for c in synced] == [
        "## A section",
        "**Notes.** New prompt",
        'ask("07-notes")',
    ]
    rewritten = sync_questions({"cells": [stale, dict(ask_cell)]}, {"07-notes": q})["cells"]
    assert [source(c) for c in rewritten] == ["**Notes.** New prompt", 'ask("07-notes")']


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_notebook_opens_with_the_same_header_and_before_you_start(notebook):
    notebook_cells = cells(notebook)
    header = HEADER.match(source(notebook_cells[0]).strip() + "\n")
    assert header, f"{notebook.name}: the first cell must follow the header of the other notebooks"
    assert header["number"] == notebook.name[:2]
    tags = []
    for line in header["objectives"].strip().splitlines():
        objective = OBJECTIVE.match(line)
        assert objective, f"{notebook.name}: map each objective to a skill: {line}"
        tags += [t.strip() for t in objective["tags"].split(",")]
    assert set(tags) <= set(SKILLS) | OTHER_TAGS
    assert set(tags) & set(SKILLS)
    assert source(notebook_cells[1]).startswith("## Before you start\n")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_notebook_ends_with_what_you_did_and_what_comes_next(notebook):
    markdown = [source(c) for c in cells(notebook) if c["cell_type"] == "markdown"]
    ending = [n for n, text in enumerate(markdown) if text.startswith("## What you did, and ")]
    assert ending, f"{notebook.name}: end with '## What you did, and what comes next'"
    assert markdown[ending[0]].startswith("## What you did, and what comes next\n")
    after = markdown[ending[0] + 1 :]
    assert all(text.startswith("**Notes.**") for text in after), after
    assert re.search(r"^Next: |Next: ", markdown[ending[0]], re.MULTILINE)


def test_the_answer_key_is_what_make_answer_key_writes():
    key = (ROOT / "teacher" / "answer_key.md").read_text(encoding="utf-8")
    for number in IDS:
        assert start_marker(number) in key and end_marker(number) in key
    assert generate(key, BANK) == key, "run make answer-key and commit teacher/answer_key.md"


def test_each_key_entry_names_skill_accepted_answers_and_wrong_answers():
    key = (ROOT / "teacher" / "answer_key.md").read_text(encoding="utf-8")
    entry = key.split("#### 02-q4 ·", 1)[1].split("\n#### ", 1)[0]
    assert entry.startswith(" Question 2.4 · close reading · short answer")
    assert "**Accepted.** the figures 18, 98.99 million, 10 years, 2030, in this order" in entry
    assert "**Why.**" in entry
    assert "- “98,99 10 2030 XNUMX”: These are the report's numbers." in entry
    stale = generate(key, {})
    assert "#### 02-q4" not in stale
