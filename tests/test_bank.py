"""The question bank: its schema rejects bad entries, and the course's bank is complete."""

from __future__ import annotations

import csv
import re
import textwrap
from collections import Counter

import pytest

from helpers.course.bank import KINDS, SKILLS, question, question_markdown, read_bank
from helpers.paths import REPO_ROOT
from helpers.problems import CourseProblem

#: The ids of the five delivered texts, as the delivered catalogue lists them.
with (REPO_ROOT / "data" / "sources.csv").open(encoding="utf-8") as _catalogue:
    DELIVERED = [row["text_id"] for row in csv.DictReader(_catalogue)]

CHOICE = """
[[question]]
id = "07-q1"
notebook = "07"
kind = "choice"
skill = "sourcing"
prompt = "Who made it?"
options = ["A", "B", "C"]
answer = "B"
hint = "Look up."
explanation = "It is B."
"""


def write_bank(tmp_path, *entries: str):
    folder = tmp_path / "questions"
    folder.mkdir(exist_ok=True)
    for n, entry in enumerate(entries):
        (folder / f"{n:02d}.toml").write_text(textwrap.dedent(entry), encoding="utf-8")
    return folder


def problems_of(tmp_path, *entries: str) -> str:
    with pytest.raises(CourseProblem) as raised:
        read_bank(write_bank(tmp_path, *entries))
    return str(raised.value)


def test_a_valid_entry_is_read(tmp_path):
    q = read_bank(write_bank(tmp_path, CHOICE))["07-q1"]
    assert (q.kind, q.skill, q.options, q.answers, q.label) == (
        "choice",
        "sourcing",
        ("A", "B", "C"),
        ("B",),
        "Question 7.1",
    )
    assert q.judge("B") is True
    assert q.judge("A") is False
    assert q.judge(None) is None


def test_unknown_keys_are_rejected(tmp_path):
    message = problems_of(tmp_path, CHOICE + 'check_code = "lambda t: True"\n')
    assert "00.toml: 07-q1: unknown key 'check_code'" in message


def test_missing_fields_are_named(tmp_path):
    message = problems_of(tmp_path, CHOICE.replace('hint = "Look up."\n', ""))
    assert "07-q1: missing hint" in message


def test_an_answer_not_among_the_options_is_rejected(tmp_path):
    message = problems_of(tmp_path, CHOICE.replace('answer = "B"', 'answer = ["B", "D"]'))
    assert "the answer 'D' is not one of the options" in message


def test_a_wrong_answer_must_be_a_wrong_option(tmp_path):
    entry = CHOICE + '\n[[question.wrong]]\nanswer = "B"\nsay = "But B is right."\n'
    assert "wrong answer 'B' is not a wrong option" in problems_of(tmp_path, entry)


def test_the_texts_a_question_is_about_are_read_and_checked(tmp_path):
    q = read_bank(write_bank(tmp_path, CHOICE + 'texts = ["xi-keynote", "song-tao"]\n'))["07-q1"]
    assert q.texts == ("xi-keynote", "song-tao")
    assert read_bank(write_bank(tmp_path, CHOICE))["07-q1"].texts == ()
    for bad in ('"xi-keynote"', "[]", '["xi-keynote", ""]'):
        message = problems_of(tmp_path, CHOICE + f"texts = {bad}\n")
        assert "07-q1: texts must be a list of text ids" in message, bad


def test_duplicate_ids_are_rejected_across_files(tmp_path):
    assert "07-q1: the id is used twice" in problems_of(tmp_path, CHOICE, CHOICE)


def test_every_problem_is_reported_at_once(tmp_path):
    bad_skill = CHOICE.replace('"sourcing"', '"guessing"').replace('"07-q1"', '"07-q2"', 1)
    short = """
    [[question]]
    id = "08-q1"
    notebook = "07"
    kind = "short"
    skill = "corroboration"
    prompt = "Which year?"
    hint = "h"
    explanation = "e"

    [question.check]
    regex = "("
    """
    message = problems_of(tmp_path, bad_skill, short, "not = [toml")
    assert "07-q2: skill must be one of" in message
    assert "08-q1: notebook must be '08'" in message
    assert "08-q1: check.regex does not compile" in message
    assert "02.toml: not valid TOML" in message


def test_ask_names_an_unknown_question():
    with pytest.raises(CourseProblem, match="no question '09-q99'"):
        question("09-q99")


# The course's own bank


def test_the_bank_holds_every_exercise_of_the_course():
    questions = read_bank()
    exercises = [q for q in questions.values() if q.kind != "notes"]
    assert len(exercises) == 49
    assert Counter(q.notebook for q in exercises) == {
        "00": 1, "01": 14, "02": 10, "03": 6, "04": 8, "05": 7, "06": 3,
    }  # fmt: skip
    assert {q.kind for q in questions.values()} == set(KINDS)
    assert {q.skill for q in exercises} == set(SKILLS)
    for q in exercises:
        if q.kind == "open":
            assert q.model_answer and q.rubric, q.id
        else:
            assert q.hint and q.explanation, q.id


def test_the_texts_of_every_question_are_delivered_texts():
    named = {q.id: q.texts for q in read_bank().values() if q.texts}
    assert len(DELIVERED) == 5
    assert {t for texts in named.values() for t in texts} == set(DELIVERED)
    assert all(len(set(texts)) == len(texts) for texts in named.values())


def test_a_question_that_names_a_text_lists_it_and_general_questions_list_none():
    """Every delivered id a prompt or option names is in `texts`; only these questions of
    method (they can be answered on any text set) have no `texts`."""
    general = {"00-q1", "00-notes", "01-q13", "01-q14", "01-notes", "02-notes", "03-q6",
               "03-notes", "04-notes", "05-notes", "06-q1", "06-q3"}
    questions = read_bank().values()
    assert {q.id for q in questions if not q.texts} == general
    for q in questions:
        words = " ".join((q.prompt, *q.options))
        assert [t for t in DELIVERED if t in words and t not in q.texts] == [], q.id


def test_every_listed_wrong_answer_is_judged_wrong():
    for q in read_bank().values():
        for wrong in q.wrong:
            assert q.judge(wrong.answer) is False, (q.id, wrong.answer)


def test_01_q9_accepts_rewrite_as_a_second_label():
    q = read_bank()["01-q9"]
    assert q.judge("machine translation") is True
    assert q.judge("rewrite") is True
    assert q.judge("original") is False


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("18th 98.99 million 10 2030", True),
        ("18, 98.99, 10, 2030", True),
        ("18th  98.99 million  10 years  2030", True),
        ("18th 98.99 10 2020", False),
        ("98,99 10 2030 XNUMX", False),
    ],
)
def test_02_q4_accepts_what_a_student_types_and_rejects_wrong_numbers(typed, right):
    assert read_bank()["02-q4"].judge(typed) is right


def test_question_markdown_states_number_prompt_and_options():
    q = read_bank()["01-q9"]
    text = question_markdown(q)
    assert text.startswith("**Question 1.9.** ")
    assert text.splitlines()[2:] == [f"- {option}" for option in q.options]
    assert question_markdown(read_bank()["02-notes"]).startswith("**Notes.** ")


def test_05_q5_answer_and_stated_rate_follow_the_framing_helper():
    """The answer and the rate the explanation states are computed, not remembered."""
    from helpers.analysis.framing import evaluative_profile
    from helpers.corpus import load_corpus

    q = read_bank()["05-q5"]
    rates = evaluative_profile(load_corpus()["text"].to_dict()).loc["intensifier"]
    assert q.answers == (rates.idxmax(),)
    stated = re.search(r"about (\d+) per 1,000 words", q.explanation)
    assert stated and int(stated[1]) == round(rates.max())
