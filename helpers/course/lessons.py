"""Keep the lesson notebooks in step with the question bank, and their files free of run noise.

`python -m helpers.course.lessons notebooks/*.ipynb` (run by `make notebooks`) writes each
question's Markdown cell above its `ask("id")` cell from the bank, and removes per-cell
execution timestamps and other run-specific metadata.
"""

from __future__ import annotations

import json
import re
import sys
import uuid
from collections.abc import Mapping
from pathlib import Path

from helpers.course.bank import Question, bank, question_markdown

#: A question cell: exactly one call of `ask` with a question id.
ASK_CELL = re.compile(r'^ask\("(?P<qid>[^"]+)"\)\s*$')
#: The start of a Markdown cell that states a question (written from the bank).
QUESTION_CELL = re.compile(r"^\*\*(?:Question \d+\.\d+|Notes)\.\*\*")
#: Cell metadata written by a run, not by an author.
RUN_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def source(cell: Mapping) -> str:
    """A cell's source as one string (stored as a string or a list of lines)."""
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)


def asked_id(cell: Mapping) -> str | None:
    """The question id of an `ask("id")` code cell, or None for any other cell."""
    match = ASK_CELL.match(source(cell)) if cell["cell_type"] == "code" else None
    return match["qid"] if match else None


def _markdown_cell(text: str) -> dict:
    """A new Markdown cell."""
    return {"cell_type": "markdown", "id": uuid.uuid4().hex[:8], "metadata": {}, "source": text}


def sync_questions(notebook: dict, questions: Mapping[str, Question]) -> dict:
    """The notebook with the Markdown cell above every `ask("id")` cell written from the bank
    (replaced if it is already a question cell, inserted otherwise)."""
    cells: list[dict] = []
    for cell in notebook["cells"]:
        qid = asked_id(cell)
        if qid in questions:
            text = question_markdown(questions[qid])
            previous = cells[-1] if cells else None
            if previous and previous["cell_type"] == "markdown":
                if QUESTION_CELL.match(source(previous)):
                    previous["source"] = text
                else:
                    cells.append(_markdown_cell(text))
            else:
                cells.append(_markdown_cell(text))
        cells.append(cell)
    return {**notebook, "cells": cells}


def _is_default(model_name: str, key: str, value: object) -> bool:
    """Whether a saved widget attribute only repeats what JupyterLab fills in anyway: unset
    (null) CSS properties of a layout, and the unset view count every model has."""
    return value is None and (model_name == "LayoutModel" or key == "_view_count")


def clean(notebook: dict) -> dict:
    """The notebook without per-cell execution timestamps and other run-specific metadata, and
    its saved widget state (needed to draw the widgets on first open) without default values."""
    for cell in notebook["cells"]:
        for key in RUN_METADATA:
            cell["metadata"].pop(key, None)
    saved = notebook.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {})
    for model in saved.get("state", {}).values():
        name, state = model.get("model_name", ""), model.get("state", {})
        model["state"] = {k: v for k, v in state.items() if not _is_default(name, k, v)}
    return notebook


def dumps(notebook: dict) -> str:
    """The notebook's file text as Jupyter writes it (sorted keys, sources as lists of lines),
    so that a rewrite changes only what changed."""
    for cell in notebook["cells"]:
        cell["source"] = source(cell).splitlines(keepends=True)
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def rewrite(path: Path) -> bool:
    """Sync and clean one notebook file in place; True when it changed."""
    before = path.read_text(encoding="utf-8")
    after = dumps(clean(sync_questions(json.loads(before), bank())))
    if after != before:
        path.write_text(after, encoding="utf-8")
    return after != before


def main(paths: list[str]) -> None:
    """Sync and clean the notebooks named on the command line."""
    for name in paths:
        if rewrite(Path(name)):
            print(f"updated {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
