"""The module on a second text set (tests/data/other_texts: three invented accounts of one
event, one quoting another with changed figures and a silent cut): the workbench and every
course notebook run with no error output."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from helpers import load_corpus
from helpers.course.texts import missing_texts, needs_texts, skipped_html

ROOT = Path(__file__).resolve().parent.parent
OTHER_TEXTS = ROOT / "tests" / "data" / "other_texts"
DELIVERED = ("ultimas-noticias", "xi-keynote", "globalsecurity", "song-tao", "workers-daily")
COURSE = sorted((ROOT / "notebooks").glob("0*.ipynb"))


def run_on_other_texts(notebook: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    """Execute a notebook (errors kept in the outputs) with COURSE_DATA_DIR on the other set."""
    monkeypatch.setenv("COURSE_DATA_DIR", str(OTHER_TEXTS))
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                            store_widget_state=True,
                            resources={"metadata": {"path": str(notebook.parent)}})
    client.execute()
    return nb


def errors(nb: nbformat.NotebookNode) -> list[str]:
    """'cell n: ErrorName: message' for every error output."""
    return [f"cell {n}: {out['ename']}: {out['evalue']}"
            for n, cell in enumerate(nb.cells) for out in cell.get("outputs", [])
            if out["output_type"] == "error"]


def test_other_texts_are_a_valid_text_set():
    corpus = load_corpus(OTHER_TEXTS)
    assert list(corpus.index) == ["harbour-gazette", "council-statement", "valley-blog"]
    assert not set(DELIVERED) & set(corpus.index)


def test_missing_texts_are_named_and_skipped():
    corpus = pd.DataFrame(index=pd.Index(["a-text", "b-text"], name="text_id"))
    assert missing_texts(corpus, "a-text", "xi-keynote", "song-tao") == ["xi-keynote", "song-tao"]
    assert needs_texts(corpus, "a-text", "b-text") is True
    assert needs_texts(corpus, "xi-keynote") is False
    assert skipped_html(["xi-keynote"]).endswith(
        "your text set does not have xi-keynote, so it is skipped.</em></p>")


def test_workbench_runs_on_other_texts(monkeypatch):
    nb = run_on_other_texts(ROOT / "notebooks" / "workbench.ipynb", monkeypatch)
    assert errors(nb) == []
    shown = json.dumps([nb.metadata.get("widgets"), *(c.get("outputs", []) for c in nb.cells)])
    for text_id in ("council-statement", "harbour-gazette", "valley-blog"):
        assert text_id in shown
    assert not [text_id for text_id in DELIVERED if text_id in shown]
    # the silent cut in the Gazette's second quotation reaches the compare view
    assert "Children will no longer cross the ring road" in shown


def test_workbench_names_no_text():
    source = "\n".join(c.source for c in nbformat.read(
        ROOT / "notebooks" / "workbench.ipynb", as_version=4).cells)
    assert [text_id for text_id in DELIVERED if text_id in source] == []


@pytest.mark.othertexts
@pytest.mark.parametrize("notebook", COURSE, ids=[n.stem for n in COURSE])
def test_course_notebook_runs_on_other_texts(notebook, monkeypatch):
    assert errors(run_on_other_texts(notebook, monkeypatch)) == []
