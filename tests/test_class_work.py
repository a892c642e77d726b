"""collect_work on a generated class of 30 exports, with duplicated, renamed, partial and
damaged files among them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from class_exports import OPEN, QUESTIONS, add_accidents, export, write_class

from helpers.course.class_work import (
    answer_distribution,
    collect_work,
    mistake_links,
    student_grid,
    with_rubrics,
    write_gradebook,
)


@pytest.fixture
def class_folder(tmp_path: Path) -> tuple[Path, dict[str, dict[str, dict]]]:
    """30 students' exports plus the accidents of a real hand-in."""
    folder = tmp_path / "class"
    expected = add_accidents(folder, write_class(folder, 30))
    return folder, expected


def test_every_usable_student_is_read_once(class_folder):
    folder, expected = class_folder
    work = collect_work(folder)
    assert sorted(work.students["student"]) == sorted(expected)
    assert len(work.students) == 30  # 30 written, one cut off, one bare answers.json added


def test_each_accident_is_reported_and_none_is_fatal(class_folder):
    folder, _ = class_folder
    problems = "\n".join(collect_work(folder).problems)
    assert "alex-example-work (1).json: an identical copy of the work of 'Alex Example'" in problems
    assert "old/sam-example-work.json: an older export of the work of 'Sam Example'" in problems
    assert "my homework.json: renamed" in problems and "robin-example-work.json" in problems
    assert "kim-example-work.json: not readable as JSON" in problems
    assert "noor-example-work.json: entry '03-q5' is incomplete" in problems
    assert "Pat Unnamed/answers.json: no student name" in problems
    assert "settings.json: not a student export" in problems
    assert "README.md" not in problems


def test_latest_export_of_a_student_wins(class_folder):
    folder, expected = class_folder
    work = collect_work(folder)
    row = work.students.set_index("student").loc["Sam Example"]
    assert row["file"] == "sam-example-work.json"
    assert row["entries"] == len(expected["Sam Example"])


def test_results_carry_first_answer_attempts_and_final(class_folder):
    folder, expected = class_folder
    results = collect_work(folder).results.set_index(["student", "qid"])
    for name, entries in expected.items():
        for qid, entry in entries.items():
            if qid not in QUESTIONS:
                continue
            row = results.loc[(name, qid)]
            assert row["final"] == entry["answer"]
            assert row["final_correct"] == (entry["status"] == "correct")
            if "attempts" in entry:
                assert row["attempts"] == entry["attempts"]
                right = QUESTIONS[qid][2]
                assert row["first_correct"] == (entry["first_answer"] == right)
    assert len(results) == sum(len(set(e) & set(QUESTIONS)) for e in expected.values())


def test_grid_is_students_by_questions(class_folder):
    folder, expected = class_folder
    work = collect_work(folder)
    grid = student_grid(work)
    assert list(grid.index) == list(work.students["student"])
    assert list(grid.columns.get_level_values(0).unique()) == sorted(QUESTIONS)
    entry = expected["Alex Example"].get("01-q1")
    cell = grid.loc["Alex Example", ("01-q1", "final")]
    assert cell == ("" if entry is None else entry["answer"]
                    + (" ✓" if entry["status"] == "correct" else " ✗"))


def test_distribution_counts_answers_and_links_mistakes(class_folder, tmp_path):
    folder, expected = class_folder
    mistakes = tmp_path / "common_mistakes.md"
    mistakes.write_text(
        "| Mistake | Where |\n|---|---|\n"
        '| <a id="dates"></a>**Taking the page date as the text date.** | 01-q2 |\n'
        "## Reading the headline as the source (01-q1)\n", encoding="utf-8")
    links = mistake_links(mistakes)
    assert links["01-q2"] == [("Taking the page date as the text date",
                               "common_mistakes.md#dates")]
    assert links["01-q1"] == [("Reading the headline as the source (01-q1)",
                               "common_mistakes.md#reading-the-headline-as-the-source-01-q1")]
    table = answer_distribution(collect_work(folder), links)
    q2 = table[table["qid"] == "01-q2"].set_index("answer")
    finals = [e["01-q2"]["answer"] for e in expected.values() if "01-q2" in e]
    assert q2["students"].to_dict() == {a: finals.count(a) for a in set(finals)}
    assert q2.loc["1 August", "correct"] and q2.loc["1 August", "common mistake"] == ""
    wrong = q2[q2["correct"] == False]  # noqa: E712
    assert (wrong["common mistake"] == "Taking the page date as the text date "
            "(common_mistakes.md#dates)").all() and not wrong.empty
    assert list(table["qid"].unique()) == sorted(QUESTIONS)


def test_open_answers_side_by_side(class_folder):
    folder, expected = class_folder
    table = collect_work(folder).open_answers
    assert list(table.index) == sorted(OPEN)
    for name, entries in expected.items():
        for qid in OPEN:
            shown = table.loc[qid, name] if name in table.columns else ""
            assert shown == entries.get(qid, {}).get("answer", "")


def test_gradebook_csv(class_folder, tmp_path):
    folder, expected = class_folder
    path = write_gradebook(collect_work(folder), tmp_path / "out" / "gradebook.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(expected)
    noor = expected["Noor Example"]
    finals = sum(e.get("status") == "correct" for q, e in noor.items() if q in QUESTIONS)
    assert int(rows["Noor Example"]["final correct"]) == finals
    assert int(rows["Noor Example"]["open answers written"]) == len(set(noor) & set(OPEN))
    assert rows["Pat Unnamed"]["01-q1"] == "0"


def test_missing_or_empty_folder_is_a_message(tmp_path):
    assert "is not a folder" in collect_work(tmp_path / "nowhere").problems[0]
    work = collect_work(tmp_path)
    assert work.students.empty and "No student exports found" in work.problems[0]
    assert student_grid(work).empty and answer_distribution(work).empty
    assert list(write_gradebook(work, tmp_path / "g.csv").read_text(
        encoding="utf-8-sig").splitlines()) == ["student,answered,first attempt correct,"
                                                "final correct,open answers written"]


def test_rubric_stands_beside_the_open_answers(class_folder):
    folder, expected = class_folder
    work = collect_work(folder)
    table = with_rubrics(work.open_answers, {"02-q7": ["Names what was cut", "Says why"]})
    assert list(table.columns) == ["rubric", *work.open_answers.columns]
    assert table.loc["02-q7", "rubric"] == "• Names what was cut\n• Says why"
    assert table.loc["01-q12", "rubric"] == ""
    assert table.loc["02-q7", "Alex Example"] == expected["Alex Example"].get(
        "02-q7", {}).get("answer", "")


def test_hint_without_an_answer_is_not_an_answer(tmp_path):
    entries = {"01-q1": {"kind": "choice", "prompt": "?", "attempts": 0, "hints_seen": 1}}
    (tmp_path / "x-work.json").write_text(export("X", entries), encoding="utf-8")
    assert collect_work(tmp_path).results.empty
