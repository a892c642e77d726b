"""Exercise widgets: pure checking, feedback HTML, and simulated student interaction."""

import base64
import html
import re

import pytest
from widget_finder import find

from helpers.course.exercises import (
    download_links_html,
    download_work,
    feedback_html,
    judge_choice,
    judge_text,
    multiple_choice,
    normalise_answer,
    notes,
    open_question,
    save_reminder,
    short_answer,
    status_html,
)
from helpers.course.workstore import load_work, save_file


def text_of(html_value: str) -> str:
    """Visible text of an HTML snippet."""
    return html.unescape(" ".join(re.sub(r"<style>.*?</style>|<[^>]+>", " ", html_value).split()))


# Pure checking


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  Machine   Translation. ", "machine translation"),
        ("“Quoted”", '"quoted"'),
        ("ＡＢＣ", "abc"),
        ("Straße", "strasse"),
    ],
)
def test_normalise_answer_ignores_case_spacing_quotes_and_final_stop(typed, expected):
    assert normalise_answer(typed) == expected


def test_judge_text_with_accepted_answers():
    assert judge_text("  rewrite ", ["Rewrite", "a rewrite"]) is True
    assert judge_text("A REWRITE.", ["Rewrite", "a rewrite"]) is True
    assert judge_text("original", ["Rewrite"]) is False
    assert judge_text("Rewrite", "rewrite") is True
    assert judge_text("   ", ["anything"]) is None


def test_judge_text_with_a_function():
    def is_even(text):
        return text.strip().isdigit() and int(text) % 2 == 0

    assert judge_text("42", is_even) is True
    assert judge_text("41", is_even) is False
    assert judge_text("", is_even) is None


def test_judge_choice():
    assert judge_choice(None, "B") is None
    assert judge_choice("B", "B") is True
    assert judge_choice("A", "B") is False


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


def test_multiple_choice_feedback_hint_and_saving():
    box = multiple_choice("01-q1", "Who made it?", ["A", "B", "C"], "B", "Look up.", "It is B.")
    assert "exercise" in box._dom_classes
    assert "Who made it?" in find(box, "exercise-question").value
    feedback = find(box, "exercise-feedback")
    assert feedback.value == ""
    find(box, "exercise-choices").value = "A"
    assert text_of(feedback.value).startswith("✗ Not yet.")
    assert load_work().entries["01-q1"]["status"] == "not yet"
    hint = find(box, "exercise-hint")
    assert hint.value == ""
    find(box, "exercise-hint-button").click()
    assert "Look up." in text_of(hint.value)
    find(box, "exercise-choices").value = "B"
    assert text_of(feedback.value) == "✓ Correct. It is B."
    assert "Saved" in text_of(find(box, "exercise-status").value)
    saved = load_work().entries["01-q1"]
    assert saved == {
        "kind": "multiple_choice",
        "prompt": "Who made it?",
        "answer": "B",
        "status": "correct",
    }


def test_multiple_choice_restores_the_saved_choice_when_the_cell_runs_again():
    first = multiple_choice("01-q1", "Q?", ["A", "B"], "B", "h", "Right.")
    find(first, "exercise-choices").value = "B"
    again = multiple_choice("01-q1", "Q?", ["A", "B"], "B", "h", "Right.")
    assert find(again, "exercise-choices").value == "B"
    assert text_of(find(again, "exercise-feedback").value) == "✓ Correct. Right."
    assert "restored" in text_of(find(again, "exercise-status").value)


def test_multiple_choice_ignores_a_saved_answer_no_longer_offered():
    first = multiple_choice("01-q1", "Q?", ["A", "B"], "B", "h", "e")
    find(first, "exercise-choices").value = "A"
    changed = multiple_choice("01-q1", "Q?", ["B", "C"], "B", "h", "e")
    assert find(changed, "exercise-choices").value is None


def test_multiple_choice_rejects_an_answer_not_among_the_options():
    with pytest.raises(ValueError, match="01-q9"):
        multiple_choice("01-q9", "Q?", ["A", "B"], "C", "h", "e")


def test_short_answer_checks_on_click_and_saves():
    box = short_answer("01-q2", "Which year?", ["2021", "in 2021"], "A year.", "Stated.")
    feedback = find(box, "exercise-feedback")
    find(box, "exercise-check").click()
    assert text_of(feedback.value) == "Type an answer first."
    assert "01-q2" not in load_work().entries
    answer = find(box, "exercise-answer")
    answer.value = "2020"
    assert text_of(feedback.value).startswith("✗ Not yet.")
    answer.value = " In 2021. "
    find(box, "exercise-check").click()
    assert text_of(feedback.value) == "✓ Correct. Stated."
    assert load_work().entries["01-q2"]["answer"] == " In 2021. "
    again = short_answer("01-q2", "Which year?", ["2021", "in 2021"], "A year.", "Stated.")
    assert find(again, "exercise-answer").value == " In 2021. "
    assert text_of(find(again, "exercise-feedback").value) == "✓ Correct. Stated."


def test_short_answer_with_a_check_function():
    box = short_answer("01-q3", "A number above 10?", lambda t: float(t) > 10, "h", "Yes.")
    find(box, "exercise-answer").value = "12.5"
    assert "✓ Correct." in text_of(find(box, "exercise-feedback").value)


def test_open_question_saves_text_and_reveals_the_model_answer_on_request():
    box = open_question("01-q4", "Why?", "Because <it> says so.")
    model = find(box, "exercise-model-answer")
    assert model.value == ""
    find(box, "exercise-answer").value = "My reasons"
    assert load_work().entries["01-q4"] == {
        "kind": "open_question",
        "prompt": "Why?",
        "answer": "My reasons",
    }
    find(box, "exercise-reveal").click()
    assert "Because <it> says so." in text_of(model.value)
    assert "&lt;it&gt;" in model.value
    again = open_question("01-q4", "Why?", "x")
    assert find(again, "exercise-answer").value == "My reasons"


def test_notes_save_on_button_click():
    box = notes("01-notes", "Your notes")
    area = find(box, "exercise-answer")
    area.value = "first"
    find(box, "exercise-save").click()
    assert load_work().entries["01-notes"]["answer"] == "first"
    assert find(notes("01-notes", "Your notes"), "exercise-answer").value == "first"


def test_a_damaged_save_file_is_reported_in_the_widget_not_raised():
    save_file().parent.mkdir(parents=True)
    save_file().write_text("{half a file", encoding="utf-8")
    box = notes("01-notes", "Your notes")
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
    box = open_question("01-q4", "Why?", "m")
    find(box, "exercise-answer").value = "Saved text"
    assert "> Saved text" in _downloaded(links.value, "student-my-work.md")
    assert '"01-q4"' in _downloaded(links.value, "answers.json")
    assert links.value == download_links_html()


def test_export_button_writes_the_files_into_the_work_folder(work_folder):
    notes("01-n", "N").children[1].value = "note"
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
