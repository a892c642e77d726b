"""Every question cell runs on its own after its notebook's setup cell (no cell depends on
another question cell, as 01-q9 once did on a name defined in 01-q8's cell).

One kernel per notebook runs the setup cell (the first code cell), then each `ask(...)` cell;
between two question cells every name defined since the setup is deleted, so each question
cell meets exactly the state the setup cell leaves.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

from helpers.course.lessons import asked_id, source

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MARK_SETUP = "_setup_names = set(globals())"
FORGET = (
    "for _name in set(globals()) - _setup_names:\n"
    "    if not _name.startswith('_'):\n"
    "        del globals()[_name]"
)


def run(client, code: str) -> list[str]:
    """Run code in the kernel; return the error messages it produced."""
    errors: list[str] = []

    def collect(message: dict) -> None:
        if message["msg_type"] == "error":
            errors.append(f"{message['content']['ename']}: {message['content']['evalue']}")
        elif message["msg_type"] == "stream" and message["content"]["name"] == "stderr":
            errors.append(message["content"]["text"])

    client.execute_interactive(code, timeout=120, output_hook=collect, allow_stdin=False)
    return errors


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem[:2] for nb in NOTEBOOKS])
def test_each_question_cell_runs_alone_after_the_setup_cell(notebook, work_folder):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    questions = [c for c in code if asked_id(c)]
    assert questions and not asked_id(code[0])
    manager, client = start_new_kernel(cwd=str(notebook.parent), env={**os.environ})
    try:
        assert run(client, source(code[0])) == [], "the setup cell fails"
        assert run(client, MARK_SETUP) == []
        failed = {}
        for cell in questions:
            errors = run(client, source(cell)) + run(client, FORGET)
            if errors:
                failed[asked_id(cell)] = errors
        assert failed == {}
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
