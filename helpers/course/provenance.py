"""Sourcing: a provenance card per text, saved with the student's work."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.course.exercises import save_answer, status_html
from helpers.course.workstore import load_work

#: The ways a text can relate to the words first written or spoken.
ORIGIN_TYPES = (
    "original",
    "official translation",
    "machine translation",
    "rewrite",
    "aggregation",
    "unknown",
)
GENRES = (
    "news report",
    "speech or transcript",
    "opinion or advocacy article",
    "reference or background page",
    "press release or official statement",
    "other",
)
CONFIDENCE_LEVELS = ("low", "medium", "high")
_NOT_CHOSEN = "(choose)"

#: Card fields in order: label, choices (None = free text), placeholder or help.
CARD_FIELDS: tuple[tuple[str, tuple[str, ...] | None, str], ...] = (
    ("who made it", None, "author, speaker, translator, reporter; or 'not stated'"),
    ("outlet", None, "the site or publication, and how you know"),
    ("date as stated", None, "exactly as printed on the page, or 'none'"),
    ("date as reconstructed", None, "your best date, and the reasoning"),
    ("genre", GENRES, ""),
    ("original or translation", ORIGIN_TYPES, ""),
    ("clues on the page", None, "lines or words that told you this"),
    ("confidence", CONFIDENCE_LEVELS, ""),
)


def card_qid(text_id: str) -> str:
    """The question id under which a text's provenance card is saved."""
    return f"01-card-{text_id}"


def _field_widget(label: str, choices: tuple[str, ...] | None, help_text: str, value: str):
    """One labelled input of the card, holding `value` if it was saved."""
    style = {"description_width": "13em"}
    layout = {"width": "100%", "max_width": "60em"}
    if choices is not None:
        options = [_NOT_CHOSEN, *choices]
        chosen = value if value in choices else _NOT_CHOSEN
        return widgets.Dropdown(
            options=options, value=chosen, description=label, style=style, layout=layout
        )
    maker = widgets.Textarea if label == "clues on the page" else widgets.Text
    return maker(value=value, placeholder=help_text, description=label, style=style, layout=layout)


def card_fields(values: dict[str, str]) -> dict[str, str]:
    """The card as saved: every field in order, unchosen drop-downs left empty."""
    return {
        label: "" if values.get(label, "") == _NOT_CHOSEN else values.get(label, "").strip()
        for label, _choices, _help in CARD_FIELDS
    }


def provenance_card(text_id: str, title: str = "") -> widgets.VBox:
    """A provenance card for one text: fields to fill in, saved with the Save card button."""
    qid = card_qid(text_id)
    loaded = load_work()
    saved = loaded.entries.get(qid, {}).get("fields", {})
    inputs = {
        label: _field_widget(label, choices, help_text, saved.get(label, ""))
        for label, choices, help_text in CARD_FIELDS
    }
    restored = "Your saved card was restored." if saved else ""
    status = widgets.HTML(status_html(loaded.problem, restored)).add_class("exercise-status")
    save = widgets.Button(description="Save card", layout={"width": "auto"})
    save.add_class("exercise-save")
    heading = f"Provenance card: {title or text_id}"

    def on_save(_button: widgets.Button) -> None:
        fields = card_fields({label: box.value for label, box in inputs.items()})
        entry = {"kind": "provenance", "prompt": heading, "fields": {"text": text_id, **fields}}
        status.value = save_answer(qid, entry)

    save.on_click(on_save)
    header = widgets.HTML(f"<strong>{html.escape(heading)}</strong>")
    parts = [header, *inputs.values(), widgets.HBox([save]), status]
    box = widgets.VBox(parts, layout={"max_width": "62em"})
    return box.add_class("exercise").add_class("provenance-card")


def provenance_cards(catalogue: pd.DataFrame) -> widgets.Tab:
    """One provenance card per text of a catalogue (index text_id, column `title`), in tabs."""
    cards = [
        provenance_card(text_id, row.get("title", "")) for text_id, row in catalogue.iterrows()
    ]
    tabs = widgets.Tab(children=cards, titles=tuple(catalogue.index))
    return tabs.add_class("provenance-cards")


def saved_cards() -> pd.DataFrame:
    """The provenance cards saved so far, one row per text (empty when none is saved)."""
    entries = load_work().entries
    rows = [e["fields"] for e in entries.values() if e.get("kind") == "provenance"]
    columns = ["text", *(label for label, _choices, _help in CARD_FIELDS)]
    return pd.DataFrame(rows, columns=columns).set_index("text")
