"""The synthesis task: a structured reliability assessment of one text (claims, evidence, verdict).

`assessment_entry` and `assessment_advice` are pure (what is saved; what is still missing); the
form widget only collects values and saves them through `helpers.course.workstore`, which
also exports them (Markdown and `assessment.csv`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd

from helpers.course.exercises import save_answer, status_html
from helpers.course.workstore import load_work

ASSESSMENT_QID = "06-assessment"
CLAIM_COLUMNS = ("claim", "evidence", "corroboration", "verdict")
CLAIM_VERDICTS = ("supported", "partly supported", "contradicted", "unresolved")
OVERALL_VERDICTS = (
    "reliable for this purpose",
    "reliable with reservations",
    "not reliable for this purpose",
    "unresolved",
)
MIN_CLAIMS = 2
_NOT_CHOSEN = "(choose)"
_PLACEHOLDERS = {
    "claim": "What does the text say? Quote or paraphrase one claim.",
    "evidence": "What in the text itself supports or weakens it (clues, wording, numbers)?",
    "corroboration": "What do other texts or named references say? Name them.",
}
_LAYOUT = {"width": "100%", "max_width": "60em"}
_STYLE = {"description_width": "9em"}


def _clean(value: str) -> str:
    """A form value as saved: trimmed, with an unchosen drop-down left empty."""
    return "" if value == _NOT_CHOSEN else value.strip()


def assessment_entry(
    text_id: str, purpose: str, claims: Sequence[dict[str, str]], overall: str, summary: str
) -> dict:
    """The saved form: the text and overall judgement as fields, one row per non-empty claim."""
    rows = [
        {column: _clean(claim.get(column, "")) for column in CLAIM_COLUMNS}
        for claim in claims
        if any(_clean(claim.get(column, "")) for column in CLAIM_COLUMNS)
    ]
    fields = {
        "text": _clean(text_id),
        "purpose": _clean(purpose),
        "overall verdict": _clean(overall),
        "summary": _clean(summary),
    }
    return {
        "kind": "assessment",
        "prompt": "Reliability assessment",
        "fields": fields,
        "rows": rows,
    }


def assessment_advice(entry: dict) -> list[str]:
    """What the assessment still lacks before it is handed in (empty when it is complete)."""
    fields, rows = entry["fields"], entry["rows"]
    advice = [f"Choose {name}." for name in ("text", "overall verdict") if not fields[name]]
    if not fields["purpose"]:
        advice.append("Say what you would use the text as evidence for (its purpose).")
    if len(rows) < MIN_CLAIMS:
        advice.append(f"Assess at least {MIN_CLAIMS} claims.")
    for number, row in enumerate(rows, start=1):
        missing = [column for column in CLAIM_COLUMNS if not row[column]]
        if missing:
            advice.append(f"Claim {number}: add {', '.join(missing)}.")
        if row["verdict"] in ("supported", "contradicted") and not row["corroboration"]:
            advice.append(f"Claim {number}: a '{row['verdict']}' verdict needs corroboration.")
    if not fields["summary"]:
        advice.append("Write a short summary that weighs the claims together.")
    return advice


def advice_html(advice: list[str]) -> str:
    """The checklist shown after saving: what is missing, or that the form is complete."""
    if not advice:
        return "<p><strong>✓ Complete.</strong> Download your work below to hand it in.</p>"
    items = "".join(f"<li>{html.escape(item)}</li>" for item in advice)
    return f"<p><strong>Still to do before you hand in:</strong></p><ul>{items}</ul>"


def _dropdown(label: str, options: Sequence[str], value: str) -> widgets.Dropdown:
    """A drop-down with a '(choose)' first option, set to a saved value if it is offered."""
    chosen = value if value in options else _NOT_CHOSEN
    return widgets.Dropdown(
        options=[_NOT_CHOSEN, *options],
        value=chosen,
        description=label,
        style=_STYLE,
        layout=_LAYOUT,
    )


def _claim_row(number: int, saved: dict[str, str]) -> widgets.VBox:
    """Inputs for one claim: three text areas and a verdict."""
    inputs = [
        widgets.Textarea(
            value=saved.get(column, ""),
            placeholder=_PLACEHOLDERS[column],
            description=column,
            rows=2,
            style=_STYLE,
            layout=_LAYOUT,
        )
        for column in CLAIM_COLUMNS[:-1]
    ]
    inputs.append(_dropdown("verdict", CLAIM_VERDICTS, saved.get("verdict", "")))
    heading = widgets.HTML(f"<strong>Claim {number}</strong>")
    return widgets.VBox([heading, *inputs]).add_class("assessment-claim")


def _row_values(row: widgets.VBox) -> dict[str, str]:
    """The values typed into one claim row."""
    return {box.description: box.value for box in row.children[1:]}


def reliability_assessment(catalogue: pd.DataFrame, qid: str = ASSESSMENT_QID) -> widgets.VBox:
    """The assessment form for one text of the catalogue, restored from the saved work."""
    loaded = load_work()
    saved = loaded.entries.get(qid, {})
    fields = saved.get("fields", {})
    text = _dropdown("text", list(catalogue.index), fields.get("text", ""))
    purpose = widgets.Text(
        value=fields.get("purpose", ""),
        placeholder="e.g. as evidence of what the speaker said / of the event's date",
        description="purpose",
        style=_STYLE,
        layout=_LAYOUT,
    )
    saved_rows = saved.get("rows") or [{}] * (MIN_CLAIMS + 1)
    rows = widgets.VBox([_claim_row(n, row) for n, row in enumerate(saved_rows, start=1)])
    overall = _dropdown("overall verdict", OVERALL_VERDICTS, fields.get("overall verdict", ""))
    summary = widgets.Textarea(
        value=fields.get("summary", ""),
        placeholder="Weigh the claims together: how far, and for what, can this text be trusted?",
        description="summary",
        rows=4,
        style=_STYLE,
        layout=_LAYOUT,
    )
    add = widgets.Button(description="Add a claim", layout={"width": "auto"})
    save = widgets.Button(description="Save assessment", layout={"width": "auto"})
    advice = widgets.HTML().add_class("assessment-advice")
    restored = "Your saved assessment was restored." if qid in loaded.entries else ""
    status = widgets.HTML(status_html(loaded.problem, restored)).add_class("exercise-status")

    def on_add(_button: widgets.Button) -> None:
        rows.children = [*rows.children, _claim_row(len(rows.children) + 1, {})]

    def on_save(_button: widgets.Button) -> None:
        claims = [_row_values(row) for row in rows.children]
        entry = assessment_entry(text.value, purpose.value, claims, overall.value, summary.value)
        status.value = save_answer(qid, entry)
        advice.value = advice_html(assessment_advice(entry))

    add.on_click(on_add)
    save.on_click(on_save)
    parts = [text, purpose, rows, widgets.HBox([add.add_class("assessment-add")]), overall, summary]
    buttons = [widgets.HBox([save.add_class("exercise-save")]), status, advice]
    box = widgets.VBox([*parts, *buttons], layout={"max_width": "62em"})
    return box.add_class("exercise").add_class("reliability-assessment")
