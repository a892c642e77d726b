"""Question widgets with immediate feedback, saved through `helpers.course.workstore`.

Checking is done by pure functions (`normalise_answer`, `judge_choice`, `judge_text`) and the
HTML by `feedback_html`; the widgets only wire them to buttons. What a student types is saved
and put back when the cell runs again, even after a kernel restart.
"""

from __future__ import annotations

import html
import unicodedata
import weakref
from collections.abc import Callable, Sequence

import ipywidgets as widgets

from helpers.course.workstore import (
    SAVE_FILE_NAME,
    download_links_html,
    export_work,
    load_work,
    save_entry,
)

Check = Callable[[str], bool] | Sequence[str] | str

# Radio labels in ipywidgets have a fixed height; let long options wrap instead of overlapping,
# and give HTML text a normal line height (the widget default is the height of one input row).
_STYLE = (
    "<style>.exercise .widget-radio-box label{height:auto;line-height:1.4;white-space:normal;"
    "margin-bottom:4px}.exercise .widget-html-content,.save-reminder-box .widget-html-content"
    "{white-space:normal;line-height:1.45}</style>"
)
_TEXT_LAYOUT = {"width": "100%", "max_width": "60em"}
_download_links: weakref.WeakSet[widgets.HTML] = weakref.WeakSet()


def normalise_answer(text: str) -> str:
    """Answer text compared without regard to case, spacing, quote style or a final full stop."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split()).rstrip(".!").strip()


def judge_choice(chosen: str | None, answer: str) -> bool | None:
    """True/False for a chosen option; None while nothing is chosen."""
    return None if chosen is None else chosen == answer


def judge_text(text: str, check: Check) -> bool | None:
    """True/False for a typed answer; None while it is blank.

    `check` is a function of the typed text, or the accepted answer(s) compared after
    `normalise_answer`.
    """
    if not text.strip():
        return None
    if callable(check):
        return bool(check(text))
    accepted = [check] if isinstance(check, str) else check
    return normalise_answer(text) in {normalise_answer(a) for a in accepted}


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


def model_answer_html(model_answer: str) -> str:
    """The model answer, revealed on request."""
    body = "<strong>Model answer</strong> (compare it with yours):<br>" + _paragraphs(model_answer)
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


def _question(qid: str, question: str) -> widgets.HTML:
    """The question text with its id (the teacher's answer key uses the id)."""
    body = f'{_paragraphs(question)} <span style="color:#555">({html.escape(qid)})</span>'
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
    return entry, status_html(loaded.problem, "Your saved answer was restored." if entry else "")


def _with_hint(
    hint: str, children: list[widgets.Widget], buttons: list[widgets.Button]
) -> list[widgets.Widget]:
    """Add a hint button and panel to an exercise's widgets."""
    shown = widgets.HTML().add_class("exercise-hint")
    ask = _button("Show hint", "exercise-hint-button")

    def on_hint(_button: widgets.Button) -> None:
        shown.value = hint_html(hint)

    ask.on_click(on_hint)
    return [*children, widgets.HBox([*buttons, ask]), shown]


def multiple_choice(
    qid: str, question: str, options: Sequence[str], answer: str, hint: str, explanation: str
) -> widgets.VBox:
    """A multiple-choice question: choosing an option gives feedback at once and is saved."""
    if answer not in options:
        raise ValueError(f"{qid}: the answer {answer!r} is not one of the options")
    entry, status_text = _restored(qid)
    chosen = entry.get("answer") if entry.get("answer") in options else None
    choices = widgets.RadioButtons(options=list(options), value=chosen, layout=_TEXT_LAYOUT)
    choices.add_class("exercise-choices")
    feedback = widgets.HTML(feedback_html(judge_choice(chosen, answer), explanation))
    status = widgets.HTML(status_text).add_class("exercise-status")

    def on_choice(change: dict) -> None:
        correct = judge_choice(change["new"], answer)
        feedback.value = feedback_html(correct, explanation)
        verdict = "correct" if correct else "not yet"
        record = {"kind": "multiple_choice", "prompt": question, "answer": change["new"]}
        status.value = save_answer(qid, {**record, "status": verdict})

    choices.observe(on_choice, names="value")
    children = _with_hint(hint, [_question(qid, question), choices], [])
    return _box("multiple-choice", [*children, feedback.add_class("exercise-feedback"), status])


def short_answer(
    qid: str, question: str, check: Check, hint: str, explanation: str
) -> widgets.VBox:
    """A short typed answer, checked when the student presses Check (or Enter) and saved."""
    entry, status_text = _restored(qid)
    typed = widgets.Text(
        value=entry.get("answer", ""),
        placeholder="Type your answer, then press Check",
        continuous_update=False,
        layout=_TEXT_LAYOUT,
    ).add_class("exercise-answer")
    verdict = judge_text(typed.value, check) if entry else None
    feedback = widgets.HTML(feedback_html(verdict, explanation)).add_class("exercise-feedback")
    status = widgets.HTML(status_text).add_class("exercise-status")
    check_button = _button("Check", "exercise-check")

    def on_check(_event: object) -> None:
        correct = judge_text(typed.value, check)
        feedback.value = feedback_html(correct, explanation, empty="Type an answer first.")
        if correct is not None:
            record = {"kind": "short_answer", "prompt": question, "answer": typed.value}
            status.value = save_answer(
                qid, {**record, "status": "correct" if correct else "not yet"}
            )

    check_button.on_click(on_check)
    typed.observe(on_check, names="value")
    children = _with_hint(hint, [_question(qid, question), typed], [check_button])
    return _box("short-answer", [*children, feedback, status])


def _writing_area(
    qid: str, kind: str, prompt: str
) -> tuple[widgets.Textarea, widgets.Button, widgets.HTML]:
    """A text area, Save button and status line that save what is written under `qid`."""
    entry, status_text = _restored(qid)
    area = widgets.Textarea(
        value=entry.get("answer", ""),
        placeholder="Write here. It is saved when you click Save or click outside the box.",
        continuous_update=False,
        rows=5,
        layout=_TEXT_LAYOUT,
    ).add_class("exercise-answer")
    status = widgets.HTML(status_text).add_class("exercise-status")
    save = _button("Save", "exercise-save")

    def on_save(_event: object) -> None:
        status.value = save_answer(qid, {"kind": kind, "prompt": prompt, "answer": area.value})

    save.on_click(on_save)
    area.observe(on_save, names="value")
    return area, save, status


def open_question(qid: str, question: str, model_answer: str) -> widgets.VBox:
    """An open question: the student writes an answer (saved) and may reveal a model answer."""
    area, save, status = _writing_area(qid, "open_question", question)
    model = widgets.HTML().add_class("exercise-model-answer")
    reveal = _button("Show model answer", "exercise-reveal")

    def on_reveal(_button: widgets.Button) -> None:
        model.value = model_answer_html(model_answer)

    reveal.on_click(on_reveal)
    buttons = widgets.HBox([save, reveal])
    return _box("open-question", [_question(qid, question), area, buttons, status, model])


def notes(qid: str, prompt: str) -> widgets.VBox:
    """A free notes box, saved like an answer and included in the export."""
    area, save, status = _writing_area(qid, "notes", prompt)
    return _box("notes", [_question(qid, prompt), area, widgets.HBox([save]), status])


def download_work() -> widgets.VBox:
    """One-click download links for all saved work, and a button that writes the export to disk."""
    links = widgets.HTML(download_links_html()).add_class("work-download")
    _download_links.add(links)
    write = _button("Also write my-work.md into the work folder", "work-export")
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
