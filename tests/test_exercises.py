"""Exercise widgets: feedback HTML, and simulated student interaction with bank questions."""

import base64
import html
import re
from pathlib import Path
from types import MappingProxyType

from widget_finder import find

from helpers.course.bank import Question, bank
from helpers.course.exercises import (
    answer_box,
    ask,
    ask_name,
    attempt,
    download_links_html,
    download_work,
    feedback_html,
    model_answer_html,
    save_reminder,
    status_html,
)
from helpers.course.workstore import load_work, save_file

CHOICE = Question(
    id="01-q1",
    notebook="01",
    kind="choice",
    prompt="Who made it?",
    skill="sourcing",
    options=("A", "B", "C"),
    answers=("B",),
    hint="Look up.",
    explanation="It is B.",
)
SHORT = Question(
    id="01-q2",
    notebook="01",
    kind="short",
    prompt="Which year?",
    skill="contextualisation",
    check=MappingProxyType({"texts": ["2021", "in 2021"]}),
    hint="A year.",
    explanation="Stated.",
)
OPEN = Question(
    id="01-q4",
    notebook="01",
    kind="open",
    prompt="Why?",
    skill="sourcing",
    model_answer="Because <it> says so.",
    rubric=("Names a reason",),
)
NOTES = Question(id="01-notes", notebook="01", kind="notes", prompt="Your notes")
OTHER_TEXTS = Path(__file__).resolve().parent / "data" / "other_texts"


def text_of(html_value: str) -> str:
    """Visible text of an HTML snippet."""
    return html.unescape(" ".join(re.sub(r"<style>.*?</style>|<[^>]+>", " ", html_value).split()))


def test_feedback_uses_words_and_symbols_not_only_colour():
    right = text_of(feedback_html(True, "Because <b>."))
    wrong = text_of(feedback_html(False, "Because."))
    assert right.startswith("✓ Correct.")
    assert "Because <b>." in right
    assert wrong.startswith("✗ Not yet.")
    assert "Because" not in wrong
    assert feedback_html(None, "x") == ""
    assert "Type an answer first." in feedback_html(None, "x", empty="Type an answer first.")


def test_feedback_escapes_text():
    assert "&lt;script&gt;" in feedback_html(True, "<script>alert(1)</script>")
    assert "<script>" not in feedback_html(True, "<script>alert(1)</script>")


def test_status_shows_problems_in_words():
    assert "⚠" in status_html("file <broken>")
    assert "&lt;broken&gt;" in status_html("file <broken>")
    assert status_html(None) == ""
    assert "Saved" in status_html(None, "Saved")


# Widgets and simulated interaction


def test_the_heading_names_the_question_but_not_its_answer():
    heading = text_of(find(answer_box(CHOICE), "exercise-question").value)
    assert heading == "Your answer to Question 1.1 (01-q1)"
    assert text_of(find(answer_box(NOTES), "exercise-question").value) == "Your notes (01-notes)"


def test_multiple_choice_feedback_hint_attempts_and_saving():
    box = answer_box(CHOICE)
    assert "exercise" in box._dom_classes
    feedback = find(box, "exercise-feedback")
    assert feedback.value == ""
    find(box, "exercise-choices").value = "A"
    assert text_of(feedback.value).startswith("✗ Not yet.")
    assert load_work().entries["01-q1"]["status"] == "not yet"
    hint = find(box, "exercise-hint")
    assert hint.value == ""
    find(box, "exercise-hint-button").click()
    find(box, "exercise-hint-button").click()
    assert "Look up." in text_of(hint.value)
    find(box, "exercise-choices").value = "C"
    find(box, "exercise-choices").value = "B"
    assert text_of(feedback.value) == "✓ Correct. It is B."
    assert "Saved" in text_of(find(box, "exercise-status").value)
    assert load_work().entries["01-q1"] == {
        "kind": "choice",
        "prompt": "Who made it?",
        "answer": "B",
        "status": "correct",
        "first_answer": "A",
        "attempts": 3,
        "hints_seen": 1,
    }


def test_multiple_choice_restores_the_saved_choice_and_keeps_counting():
    first = answer_box(CHOICE)
    find(first, "exercise-choices").value = "A"
    again = answer_box(CHOICE)
    assert find(again, "exercise-choices").value == "A"
    assert "restored" in text_of(find(again, "exercise-status").value)
    find(again, "exercise-choices").value = "B"
    assert text_of(find(again, "exercise-feedback").value) == "✓ Correct. It is B."
    saved = load_work().entries["01-q1"]
    assert (saved["first_answer"], saved["attempts"], saved["answer"]) == ("A", 2, "B")


def test_a_second_accepted_option_is_correct():
    box = answer_box(Question(**{**CHOICE.__dict__, "answers": ("B", "C")}))
    find(box, "exercise-choices").value = "C"
    assert text_of(find(box, "exercise-feedback").value).startswith("✓ Correct.")


def test_multiple_choice_ignores_a_saved_answer_no_longer_offered():
    find(answer_box(CHOICE), "exercise-choices").value = "A"
    changed = answer_box(Question(**{**CHOICE.__dict__, "options": ("B", "C")}))
    assert find(changed, "exercise-choices").value is None


def test_short_answer_checks_on_click_counts_attempts_once_and_saves():
    box = answer_box(SHORT)
    feedback = find(box, "exercise-feedback")
    find(box, "exercise-check").click()
    assert text_of(feedback.value) == "Type an answer first."
    assert "01-q2" not in load_work().entries
    answer = find(box, "exercise-answer")
    answer.value = "2020"
    find(box, "exercise-check").click()  # Enter, then a click on Check: one attempt
    assert text_of(feedback.value).startswith("✗ Not yet.")
    answer.value = " In 2021. "
    find(box, "exercise-check").click()
    assert text_of(feedback.value) == "✓ Correct. Stated."
    saved = load_work().entries["01-q2"]
    assert saved == {
        "kind": "short",
        "prompt": "Which year?",
        "answer": " In 2021. ",
        "status": "correct",
        "first_answer": "2020",
        "attempts": 2,
        "hints_seen": 0,
    }
    again = answer_box(SHORT)
    assert find(again, "exercise-answer").value == " In 2021. "
    assert text_of(find(again, "exercise-feedback").value) == "✓ Correct. Stated."


def test_a_hint_seen_before_any_answer_is_saved_and_kept():
    box = answer_box(SHORT)
    find(box, "exercise-hint-button").click()
    assert load_work().entries["01-q2"] == {
        "kind": "short",
        "prompt": "Which year?",
        "hints_seen": 1,
    }
    assert find(answer_box(SHORT), "exercise-status").value == ""
    find(box, "exercise-answer").value = "2021"
    saved = load_work().entries["01-q2"]
    assert (saved["hints_seen"], saved["attempts"], saved["first_answer"]) == (1, 1, "2021")


def test_attempt_keeps_the_first_answer_of_an_entry_saved_before_attempts_were_recorded():
    old = {"kind": "short", "prompt": "Year?", "answer": "2020", "status": "not yet"}
    assert attempt(old, "2021", True) == {
        **old,
        "answer": "2021",
        "status": "correct",
        "first_answer": "2020",
        "attempts": 1,
        "hints_seen": 0,
    }


def test_open_question_saves_text_and_reveals_the_model_answer_with_its_rubric():
    box = answer_box(OPEN)
    model = find(box, "exercise-model-answer")
    assert model.value == ""
    find(box, "exercise-answer").value = "My reasons"
    assert load_work().entries["01-q4"] == {
        "kind": "open",
        "prompt": "Why?",
        "answer": "My reasons",
    }
    find(box, "exercise-reveal").click()
    assert "Because <it> says so." in text_of(model.value)
    assert "A good answer: Names a reason" in text_of(model.value)
    assert "&lt;it&gt;" in model.value
    assert find(answer_box(OPEN), "exercise-answer").value == "My reasons"


def test_model_answer_without_rubric():
    assert "good answer" not in model_answer_html("M")


def test_notes_save_on_button_click():
    box = answer_box(NOTES)
    area = find(box, "exercise-answer")
    area.value = "first"
    find(box, "exercise-save").click()
    assert load_work().entries["01-notes"]["answer"] == "first"
    assert find(answer_box(NOTES), "exercise-answer").value == "first"


def test_ask_draws_a_bank_question_and_reports_an_unknown_id_in_words():
    assert "exercise-short-answer" in ask("02-q4")._dom_classes
    problem = ask("09-q99")
    assert "exercise-problem" in problem._dom_classes
    assert "no question '09-q99'" in text_of(problem.value)


def test_ask_skips_a_question_about_texts_the_data_folder_lacks(monkeypatch):
    monkeypatch.setenv("COURSE_DATA_DIR", str(OTHER_TEXTS))
    skipped = ask("02-q4")  # about ultimas-noticias and xi-keynote
    assert skipped._dom_classes == ("texts-skipped",)
    assert text_of(skipped.value) == (
        "This cell is about the five delivered texts; your text set does not have "
        "ultimas-noticias, xi-keynote, so it is skipped.")
    assert not load_work().entries  # nothing is saved for a question not asked
    assert "exercise-multiple-choice" in ask("00-q1")._dom_classes  # a general question
    assert "exercise-open-question" in ask("01-q13")._dom_classes


def test_ask_draws_every_question_of_the_bank_on_the_delivered_texts(monkeypatch):
    monkeypatch.delenv("COURSE_DATA_DIR", raising=False)
    drawn = {qid: ask(qid)._dom_classes for qid in bank()}
    assert len(drawn) == 55
    assert {qid: classes for qid, classes in drawn.items() if "exercise" not in classes} == {}


def test_name_field_saves_the_student_profile_entry():
    box = ask_name()
    name = find(box, "student-name")
    name.value = "  Ada L. "
    assert load_work().entries["student"] == {
        "kind": "profile",
        "prompt": "Your name or pseudonym",
        "fields": {"name": "Ada L."},
    }
    assert find(ask_name(), "student-name").value == "Ada L."


def test_a_damaged_save_file_is_reported_in_the_widget_not_raised():
    save_file().parent.mkdir(parents=True)
    save_file().write_text("{half a file", encoding="utf-8")
    box = answer_box(NOTES)
    status = text_of(find(box, "exercise-status").value)
    assert "⚠" in status
    assert "answers.json" in status
    assert "answers.json.corrupt-1" in status
    find(box, "exercise-answer").value = "fresh start"
    assert load_work().entries["01-notes"]["answer"] == "fresh start"


def _downloaded(links_html: str, name: str) -> str:
    """The text a link in the download HTML would save as `name`."""
    match = re.search(rf'download="{re.escape(name)}" href="data:[^,]+,([^"]+)"', links_html)
    assert match, f"no link for {name}"
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_download_links_follow_every_save():
    control = download_work()
    links = find(control, "work-download")
    assert "Nothing saved yet." in _downloaded(links.value, "student-my-work.md")
    find(answer_box(OPEN), "exercise-answer").value = "Saved text"
    assert "> Saved text" in _downloaded(links.value, "student-my-work.md")
    assert '"01-q4"' in _downloaded(links.value, "answers.json")
    assert links.value == download_links_html()


def test_export_button_writes_the_files_into_the_work_folder(work_folder):
    find(answer_box(NOTES), "exercise-answer").value = "note"
    control = download_work()
    find(control, "work-export").click()
    assert (work_folder / "student-my-work.md").read_text(encoding="utf-8").count("> note") == 1
    assert "student-my-work.md" in text_of(find(control, "work-export-status").value)


def test_save_reminder_mentions_binder_idle_limit_and_offers_the_download():
    reminder = save_reminder()
    words = text_of(reminder.children[0].value)
    assert "Binder" in words
    assert "10 minutes" in words
    assert "Download my work" in find(reminder, "work-download").value
