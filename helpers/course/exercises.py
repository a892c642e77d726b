"""Answer widgets for the questions of the bank, with immediate feedback, saved through
`helpers.course.workstore`.

`ask("02-q4")` draws the answer box of one question; checking is done by the bank
(`Question.judge`), the HTML by pure functions such as `feedback_html`, and the widgets only
wire them to buttons. What a student answers is saved with the first answer, the number of
attempts and hints seen, and put back when the cell runs again, even after a kernel restart.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Sequence

import ipywidgets as widgets

from helpers.course.bank import Question, question
from helpers.course.texts import skipped_for_texts
from helpers.course.workstore import (
    SAVE_FILE_NAME,
    download_links_html,
    export_work,
    load_work,
    save_entry,
)
from helpers.problems import CourseProblem

# Radio labels in ipywidgets have a fixed height; let long options wrap instead of overlapping,
# and give HTML text a normal line height (the widget default is the height of one input row).
_STYLE = (
    "<style>.exercise .widget-radio-box label{height:auto;line-height:1.4;white-space:normal;"
    "margin-bottom:4px}.exercise .widget-html-content,.save-reminder-box .widget-html-content"
    "{white-space:normal;line-height:1.45}</style>"
)
_TEXT_LAYOUT = {"width": "100%", "max_width": "60em"}
_download_links: weakref.WeakSet[widgets.HTML] = weakref.WeakSet()


def _paragraphs(text: str) -> str:
    """Plain text as escaped HTML, keeping line breaks."""
    return html.escape(text).replace("\n", "<br>")


def _panel(css_class: str, border: str, body: str) -> str:
    """A bordered box; the words inside carry the meaning, the colour only repeats it."""
    return (
        f'<div class="{css_class}" style="border-left:4px solid {border};padding:4px 10px;'
        f'margin:4px 0;max-width:60em">{body}</div>'
    )


def feedback_html(correct: bool | None, explanation: str = "", empty: str = "") -> str:
    """Feedback on an answer: a marked "Correct" with the explanation, or "Not yet"."""
    if correct is None:
        return _panel("feedback-empty", "#6e6e6e", html.escape(empty)) if empty else ""
    if correct:
        body = "<strong>✓ Correct.</strong> " + _paragraphs(explanation)
        return _panel("feedback-correct", "#1a7f37", body)
    body = (
        "<strong>✗ Not yet.</strong> Look again at the text, try another answer, or ask for a hint."
    )
    return _panel("feedback-not-yet", "#b35900", body)


def hint_html(hint: str) -> str:
    """The hint, shown when the student asks for it."""
    return _panel("hint", "#0b5cad", "<strong>Hint:</strong> " + _paragraphs(hint))


def model_answer_html(model_answer: str, rubric: Sequence[str] = ()) -> str:
    """The model answer, revealed on request, with what a good answer does."""
    body = "<strong>Model answer</strong> (compare it with yours):<br>" + _paragraphs(model_answer)
    if rubric:
        points = "".join(f"<li>{html.escape(point)}</li>" for point in rubric)
        body += f"<br><strong>A good answer:</strong><ul>{points}</ul>"
    return _panel("model-answer", "#0b5cad", body)


def status_html(problem: str | None, done: str = "") -> str:
    """A one-line save status, or the problem with the save file in words."""
    if problem:
        return _panel(
            "save-problem", "#b00020", "<strong>⚠ Saved work:</strong> " + html.escape(problem)
        )
    return f'<span class="save-ok">{html.escape(done)}</span>' if done else ""


def save_answer(qid: str, entry: dict) -> str:
    """Save one entry and return the status HTML to show; download links are refreshed."""
    problem = save_entry(qid, entry)
    if _download_links:
        current = download_links_html()
        for links in list(_download_links):
            links.value = current
    return status_html(problem, f"✓ Saved ({SAVE_FILE_NAME} in your work folder).")


def _heading(q: Question) -> widgets.HTML:
    """The line above the answer box: which question it answers (the Markdown above states it)
    and its id (the teacher's answer key uses the id)."""
    words = "Your notes" if q.kind == "notes" else f"Your answer to {q.label}"
    body = f'{html.escape(words)} <span style="color:#555">({html.escape(q.id)})</span>'
    return widgets.HTML(_STYLE + f"<p><strong>{body}</strong></p>").add_class("exercise-question")


def _box(kind: str, children: list[widgets.Widget]) -> widgets.VBox:
    """The outer box, with stable CSS classes for styling and browser tests."""
    box = widgets.VBox(children, layout={"max_width": "62em"})
    return box.add_class("exercise").add_class(f"exercise-{kind}")


def _button(description: str, css_class: str) -> widgets.Button:
    """A button with a stable CSS class."""
    layout = {"width": "auto"}
    return widgets.Button(description=description, layout=layout).add_class(css_class)


def _restored(qid: str) -> tuple[dict, str]:
    """The saved entry for `qid` (or {}) and the status HTML to show with it."""
    loaded = load_work()
    entry = loaded.entries.get(qid, {})
    restored = "Your saved answer was restored." if "answer" in entry else ""
    return entry, status_html(loaded.problem, restored)


def attempt(entry: dict, answer: str, correct: bool) -> dict:
    """The entry after one more answer: the first answer is kept, attempts count answers that
    differ from the one before (Check and Enter on the same text count once)."""
    new = answer != entry.get("answer") or "status" not in entry
    return {
        **entry,
        "answer": answer,
        "status": "correct" if correct else "not yet",
        "first_answer": entry.get("first_answer", entry.get("answer", answer)),
        "attempts": entry.get("attempts", 0) + int(new),
        "hints_seen": entry.get("hints_seen", 0),
    }


class _Record:
    """A question's saved entry as the widget changes it; every change is saved at once."""

    def __init__(self, q: Question, status: widgets.HTML):
        self.question, self.status = q, status
        saved, status.value = _restored(q.id)
        self.entry = {**saved, "kind": q.kind, "prompt": q.prompt}

    def save(self, entry: dict) -> None:
        """Keep and save the new entry; the status line says how it went."""
        self.entry = entry
        self.status.value = save_answer(self.question.id, entry)

    def answered(self, answer: str) -> bool | None:
        """Judge an answer, and save it as an attempt unless it is blank."""
        correct = self.question.judge(answer)
        if correct is not None:
            self.save(attempt(self.entry, answer, correct))
        return correct

    def hint_seen(self) -> None:
        """Count the hint as seen (once: each question has one hint)."""
        if self.entry.get("hints_seen", 0) < 1:
            self.save({**self.entry, "hints_seen": 1})


def _with_hint(
    record: _Record, children: list[widgets.Widget], buttons: list[widgets.Button]
) -> list[widgets.Widget]:
    """Add a hint button and panel to an exercise's widgets; showing the hint is recorded."""
    shown = widgets.HTML().add_class("exercise-hint")
    show = _button("Show hint", "exercise-hint-button")

    def on_hint(_button: widgets.Button) -> None:
        shown.value = hint_html(record.question.hint)
        record.hint_seen()

    show.on_click(on_hint)
    return [*children, widgets.HBox([*buttons, show]), shown]


def _choice(q: Question) -> widgets.VBox:
    """A multiple-choice question: choosing an option gives feedback at once and is saved."""
    status = widgets.HTML().add_class("exercise-status")
    record = _Record(q, status)
    chosen = record.entry.get("answer")
    chosen = chosen if chosen in q.options else None
    choices = widgets.RadioButtons(options=list(q.options), value=chosen, layout=_TEXT_LAYOUT)
    choices.add_class("exercise-choices")
    feedback = widgets.HTML(feedback_html(q.judge(chosen), q.explanation))

    def on_choice(change: dict) -> None:
        feedback.value = feedback_html(record.answered(change["new"]), q.explanation)

    choices.observe(on_choice, names="value")
    children = _with_hint(record, [_heading(q), choices], [])
    return _box("multiple-choice", [*children, feedback.add_class("exercise-feedback"), status])


def _short(q: Question) -> widgets.VBox:
    """A short typed answer, checked when the student presses Check (or Enter) and saved."""
    status = widgets.HTML().add_class("exercise-status")
    record = _Record(q, status)
    typed = widgets.Text(
        value=record.entry.get("answer", ""),
        placeholder="Type your answer, then press Check",
        continuous_update=False,
        layout=_TEXT_LAYOUT,
    ).add_class("exercise-answer")
    verdict = q.judge(typed.value) if "answer" in record.entry else None
    feedback = widgets.HTML(feedback_html(verdict, q.explanation)).add_class("exercise-feedback")
    check_button = _button("Check", "exercise-check")

    def on_check(_event: object) -> None:
        correct = record.answered(typed.value)
        feedback.value = feedback_html(correct, q.explanation, empty="Type an answer first.")

    check_button.on_click(on_check)
    typed.observe(on_check, names="value")
    children = _with_hint(record, [_heading(q), typed], [check_button])
    return _box("short-answer", [*children, feedback, status])


def _writing_area(q: Question) -> tuple[widgets.Textarea, widgets.Button, widgets.HTML]:
    """A text area, Save button and status line that save what is written under the id."""
    status = widgets.HTML().add_class("exercise-status")
    record = _Record(q, status)
    area = widgets.Textarea(
        value=record.entry.get("answer", ""),
        placeholder="Write here. It is saved when you click Save or click outside the box.",
        continuous_update=False,
        rows=5,
        layout=_TEXT_LAYOUT,
    ).add_class("exercise-answer")
    save = _button("Save", "exercise-save")

    def on_save(_event: object) -> None:
        record.save({**record.entry, "answer": area.value})

    save.on_click(on_save)
    area.observe(on_save, names="value")
    return area, save, status


def _open(q: Question) -> widgets.VBox:
    """An open question: the student writes an answer (saved) and may reveal a model answer."""
    area, save, status = _writing_area(q)
    model = widgets.HTML().add_class("exercise-model-answer")
    reveal = _button("Show model answer", "exercise-reveal")

    def on_reveal(_button: widgets.Button) -> None:
        model.value = model_answer_html(q.model_answer, q.rubric)

    reveal.on_click(on_reveal)
    buttons = widgets.HBox([save, reveal])
    return _box("open-question", [_heading(q), area, buttons, status, model])


def _notes(q: Question) -> widgets.VBox:
    """A free notes box, saved like an answer and included in the export."""
    area, save, status = _writing_area(q)
    return _box("notes", [_heading(q), area, widgets.HBox([save]), status])


#: The saved-work id and prompt of the student's name (SPEC: a "profile" entry).
NAME_ID = "student"
NAME_PROMPT = "Your name or pseudonym"


def ask_name() -> widgets.VBox:
    """A field for the student's name or pseudonym, saved (on this machine only) as the
    "student" entry; exports carry it so a teacher can tell one student's work from another."""
    status = widgets.HTML().add_class("exercise-status")
    loaded = load_work()
    saved = loaded.entries.get(NAME_ID, {}).get("fields", {}).get("name", "")
    status.value = status_html(loaded.problem, "Your saved name was restored." if saved else "")
    name = widgets.Text(
        value=saved,
        placeholder="Type a name or pseudonym, then press Save",
        description=NAME_PROMPT,
        continuous_update=False,
        style={"description_width": "initial"},
        layout={"width": "100%", "max_width": "40em"},
    ).add_class("student-name")
    save = _button("Save", "student-name-save")

    def on_save(_event: object) -> None:
        entry = {"kind": "profile", "prompt": NAME_PROMPT, "fields": {"name": name.value.strip()}}
        status.value = save_answer(NAME_ID, entry)

    save.on_click(on_save)
    name.observe(on_save, names="value")
    return widgets.VBox([name, widgets.HBox([save]), status]).add_class("student-name-box")


_BUILDERS = {"choice": _choice, "short": _short, "open": _open, "notes": _notes}


def answer_box(q: Question) -> widgets.VBox:
    """The answer box of a question, with feedback and saving, drawn by its kind."""
    return _BUILDERS[q.kind](q)


def ask(qid: str) -> widgets.Widget:
    """The answer box of a bank question (the Markdown cell above states the question); a
    question about texts the current data folder lacks says so in one line instead, and a
    problem with the bank is shown in words, not as a traceback."""
    try:
        q = question(qid)
        return skipped_for_texts(q.texts) or answer_box(q)
    except CourseProblem as problem:
        return widgets.HTML(status_html(str(problem))).add_class("exercise-problem")


def download_work() -> widgets.VBox:
    """One-click download links for all saved work, and a button that writes the export to disk."""
    links = widgets.HTML(download_links_html()).add_class("work-download")
    _download_links.add(links)
    write = _button("Also write these files into the work folder", "work-export")
    status = widgets.HTML().add_class("work-export-status")

    def on_write(_button: widgets.Button) -> None:
        written, problem = export_work()
        names = ", ".join(path.name for path in written)
        status.value = status_html(problem, f"✓ Written to your work folder: {names}.")
        links.value = download_links_html()

    write.on_click(on_write)
    return widgets.VBox([links, widgets.HBox([write]), status]).add_class("work-download-box")


_REMINDER = (
    "<strong>Keep your work.</strong> Your answers are saved in the <code>work</code> folder as "
    "you answer and when you click Save. On Binder (mybinder.org) a session, and every file in it, "
    "is deleted after about 10 minutes without activity. Download your work before a break "
    "and at the end:"
)


def save_reminder() -> widgets.VBox:
    """The Binder warning with the download control, for cells where students type."""
    note = widgets.HTML(_STYLE + _panel("save-reminder", "#0b5cad", _REMINDER))
    return widgets.VBox([note, download_work()]).add_class("save-reminder-box")
