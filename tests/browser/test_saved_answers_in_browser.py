"""A student answers one question of each kind in real JupyterLab, saves, comes back in a new
page with a new kernel, runs the notebook again and finds every answer where it left it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lab_page import (
    code_cells_to_run,
    open_notebook,
    run_all_cells,
    shut_down_sessions,
    wait_for_run,
)
from playwright.sync_api import Locator, Page
from servers import REPO, wait_until

pytestmark = pytest.mark.browser

SOURCING = "notebooks/01_sourcing.ipynb"
START = "notebooks/00_start_here.ipynb"
RIGHT_CHOICE = "A breadcrumb: the site's navigation trail, its separators lost"
WRONG_CHOICE = "The name of the news agency that wrote the report"


def answer_box(page: Page, qid: str) -> Locator:
    """The answer box of one question, found by the id its heading shows."""
    heading = page.locator(".exercise-question", has_text=f"({qid})")
    return page.locator(".exercise").filter(has=heading)


def saved_entries(work: Path) -> dict:
    """The entries of the student's save file, as the server's kernel wrote them."""
    path = work / "answers.json"
    return json.loads(path.read_text(encoding="utf-8"))["entries"] if path.exists() else {}


def run_notebook(page: Page, lab: str, path: str) -> None:
    """Open a notebook in a fresh page with a fresh kernel and run every cell."""
    shut_down_sessions(lab)
    open_notebook(page, lab, path)
    run_all_cells(page)
    wait_for_run(page, lab, path, code_cells_to_run(REPO / path))


def test_an_answer_of_each_kind_is_saved_and_found_again_after_a_reload(page, lab, lab_server):
    work = Path(lab_server.env["COURSE_WORK_DIR"])
    (work / "answers.json").unlink(missing_ok=True)
    page.on("dialog", lambda dialog: dialog.accept())
    run_notebook(page, lab, SOURCING)

    choice = answer_box(page, "01-q1")
    choice.locator("label", has_text=WRONG_CHOICE).click()
    choice.get_by_text("✗ Not yet.").wait_for()
    choice.locator("label", has_text=RIGHT_CHOICE).click()
    choice.get_by_text("✓ Correct.").wait_for()

    short = answer_box(page, "01-q3")
    short.locator("input[type=text]").fill("in 2022")
    short.locator("input[type=text]").press("Enter")
    short.get_by_text("✓ Correct.").wait_for()

    open_box = answer_box(page, "01-q12")
    open_box.locator("textarea").fill("Probably translated: literal sayings.")
    open_box.locator("button.exercise-save").click()
    open_box.get_by_text("Saved").wait_for()

    notes = answer_box(page, "01-notes")
    notes.locator("textarea").fill("Check the dates next time.")
    notes.locator("button.exercise-save").click()
    notes.get_by_text("Saved").wait_for()

    wait_until(lambda: "01-notes" in saved_entries(work), 15, "the notes to be saved")
    entries = saved_entries(work)
    assert {k: entries["01-q1"][k] for k in ("answer", "first_answer", "attempts")} == {
        "answer": RIGHT_CHOICE,
        "first_answer": WRONG_CHOICE,
        "attempts": 2,
    }
    assert entries["01-q3"]["answer"] == "in 2022"
    assert entries["01-q3"]["status"] == "correct"

    page.reload()
    run_notebook(page, lab, SOURCING)
    checked = answer_box(page, "01-q1").locator("input[type=radio]:checked")
    assert checked.evaluate("input => input.parentElement.textContent.trim()") == RIGHT_CHOICE
    assert answer_box(page, "01-q3").locator("input[type=text]").input_value() == "in 2022"
    assert answer_box(page, "01-q12").locator("textarea").input_value() == (
        "Probably translated: literal sayings."
    )
    assert answer_box(page, "01-notes").locator("textarea").input_value() == (
        "Check the dates next time."
    )
    assert answer_box(page, "01-q1").get_by_text("✓ Correct.").count() == 1


def test_the_name_field_is_saved_and_shown_again(page, lab, lab_server):
    work = Path(lab_server.env["COURSE_WORK_DIR"])
    page.on("dialog", lambda dialog: dialog.accept())
    run_notebook(page, lab, START)
    name = page.locator(".student-name input[type=text]")
    name.fill("Ada L.")
    page.locator("button.student-name-save").click()
    wait_until(lambda: "student" in saved_entries(work), 15, "the name to be saved")
    assert saved_entries(work)["student"]["fields"] == {"name": "Ada L."}

    page.reload()
    run_notebook(page, lab, START)
    assert page.locator(".student-name input[type=text]").input_value() == "Ada L."
