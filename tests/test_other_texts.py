"""The module on a second text set (tests/data/other_texts: three invented accounts of one
event, one quoting another with changed figures and a silent cut): the workbench and every
course notebook run with no error output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from helpers import load_corpus
from helpers.course.bank import bank
from helpers.course.lessons import asked_id
from helpers.course.texts import missing_texts, needs_texts, skipped_html
from helpers.paths import _listed_ids, catalogue_ids

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


def test_catalogue_ids_follow_the_data_folder_and_its_edits(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_DATA_DIR", str(OTHER_TEXTS))
    assert catalogue_ids() == set(load_corpus(OTHER_TEXTS).index)
    monkeypatch.delenv("COURSE_DATA_DIR")
    assert catalogue_ids() == set(DELIVERED)
    catalogue = tmp_path / "sources.csv"
    assert catalogue_ids(tmp_path) == frozenset()  # no catalogue: no texts
    catalogue.write_text("\ufefftitle, text_id \nA, a-text\n\n,\nB , b-text\nC\n", encoding="utf-8")
    assert catalogue_ids(tmp_path) == {"a-text", "b-text"}
    catalogue.write_text("title,text_id\nA,a-text\nD,d-text\n", encoding="utf-8")
    os.utime(catalogue, ns=(1, 1))  # an edit is seen even when the size is unchanged
    assert catalogue_ids(tmp_path) == {"a-text", "d-text"}
    catalogue.write_text("title,id\nA,a-text\n", encoding="utf-8")
    assert catalogue_ids(tmp_path) == frozenset()  # no text_id column


def test_catalogue_ids_read_an_unchanged_catalogue_once():
    _listed_ids.cache_clear()
    for _ in range(50):
        catalogue_ids(OTHER_TEXTS)
    assert (_listed_ids.cache_info().misses, _listed_ids.cache_info().hits) == (1, 49)


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
    nb = run_on_other_texts(notebook, monkeypatch)
    assert errors(nb) == []
    # no answer box asks about a text the set lacks; every other question draws its box
    drawn = asked_widgets(nb)
    assert drawn and set(drawn) <= set(bank())
    skipped = {qid for qid, classes in drawn.items() if "texts-skipped" in classes}
    assert skipped == {qid for qid in drawn if bank()[qid].texts}
    assert all("exercise" in drawn[qid] for qid in set(drawn) - skipped)


def asked_widgets(nb: nbformat.NotebookNode) -> dict[str, list[str]]:
    """Question id of each `ask(...)` cell -> the CSS classes of the widget it displayed."""
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    view = "application/vnd.jupyter.widget-view+json"
    return {asked_id(cell): state[out["data"][view]["model_id"]]["state"]["_dom_classes"]
            for cell in nb.cells if asked_id(cell)
            for out in cell.outputs if view in out.get("data", {})}
