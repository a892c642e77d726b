"""Sourcing: spot the page furniture around an article, and fill in a provenance card per text.

`page_furniture` is a pure function built on general patterns of web templates (navigation,
banners, stamps, bylines, disclaimers, comment boxes); it knows nothing about particular texts.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

import ipywidgets as widgets
import pandas as pd

from helpers.exercises import save_answer, status_html
from helpers.workstore import load_work

#: Longest line (in characters) still considered furniture rather than a paragraph of content.
MAX_FURNITURE_CHARS = 200


class FurnitureRule(NamedTuple):
    """One kind of page furniture: a pattern for a whole line and what it tells a reader."""

    kind: str
    pattern: re.Pattern
    meaning: str


def _rule(kind: str, pattern: str, meaning: str) -> FurnitureRule:
    """A rule whose pattern is matched case-insensitively against a stripped line."""
    return FurnitureRule(kind, re.compile(pattern, re.IGNORECASE), meaning)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_SEPARATOR = r"\s*[›>»/|:]+\s*"

#: Checked in order; a line gets the first rule it matches.
FURNITURE_RULES: tuple[FurnitureRule, ...] = (
    _rule(
        "breadcrumb",
        rf"^(?:you are here:\s*)?home(?:{_SEPARATOR}\S|(?-i:[A-Z]))",
        "The site's navigation trail (Home › section › title): it names the host site's "
        "sections, not the author; a run-together trail means separators were lost in copying.",
    ),
    _rule(
        "navigation",
        r"^(?:(?:nav(?:igation)?|menu|search|home|log ?in|sign ?in|skip to (?:main )?content)"
        r"\b\W*)+$",
        "Menu or search labels from the host site's template.",
    ),
    _rule(
        "mailing-list prompt",
        r"\b(?:join|subscribe(?: to)?|sign ?up(?: for| to)?|get)\b.{0,60}"
        r"\b(?:mailing list|newsletters?|e-?mail updates|alerts)\b",
        "A sign-up prompt of the host site: it says who runs the page, not who wrote the text.",
    ),
    _rule(
        "donation banner",
        r"\b(?:please donate|donate (?:now|today|here)|make an? (?:charitable |one-time |monthly )?"
        r"(?:donation|contribution)|support us\b|become an? (?:member|patron|supporter))",
        "A site-wide banner. Banners change over time, so one can date the copy you are reading.",
    ),
    _rule(
        "page stamp",
        r"^(?:page )?(?:last )?(?:modified|updated|revised)\b\s*(?:on\b|:)",
        "When the page file was last changed: not necessarily when the text was first written "
        "or published. Check the order of day and month.",
    ),
    _rule(
        "byline",
        r"^by\s+\S.*\b(?:source|updated|published|posted)\s*:|\breporters?\s+[A-Z]\w+"
        r"|^(?:source|author|editor|by)\s*:|^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$",
        "Who wrote it and where it comes from, as the page states it. Note the source named "
        "and any 'Updated' date, which may differ from the first publication.",
    ),
    _rule(
        "author note",
        r"^the (?:author|writer)s? (?:is|are|was|were)\b",
        "The author's position as the page states it: it tells you from where the author speaks.",
    ),
    _rule(
        "disclaimer",
        r"\b(?:views?|opinions?)\b.{0,80}\b(?:do(?:es)?\s*n[o’']?t|do not|does not)\s+"
        r"(?:necessarily\s+)?(?:reflect|represent)|^disclaimer\b",
        "The host says it does not vouch for the text: it carries it without endorsing it.",
    ),
    _rule(
        "reprint line",
        r"^(?:original(?:ly)? (?:title|headline|published|source)|this (?:article|story) "
        r"(?:was )?(?:first )?(?:appeared|published)|reprinted (?:from|with))\b",
        "The text was taken over from somewhere else; look for the first place it appeared.",
    ),
    _rule(
        "translation label",
        r"^\(?(?:unofficial |official |machine |automatic )?translat(?:ion|ed)\b[^.]{0,60}\)?$",
        "The page itself says the text is a translation.",
    ),
    _rule(
        "dateline",
        rf"^\((?:[^()]{{1,60}},\s*)?[A-Z][\w .'-]+,\s*{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?"
        rf"(?:,?\s*\d{{4}})?\)$|^[A-Z][\w .'-]{{1,40}},\s*(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
        rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})$",
        "Place and date of the report or speech (and sometimes the agency that filed it).",
    ),
    _rule(
        "comment box",
        r"^(?:leave an? \w+|add an? comment|post an? comment|write an? comment|"
        r"\d+\s+(?:comments?|responses?|replies)|comments?(?:\s*\(\d+\))?|be the first to "
        r"comment\b.*)\W*$",
        "The heading of the site's comment form: it belongs to the (re)publishing site's "
        "template, not to the article. A misspelt heading is the template's own slip.",
    ),
    _rule(
        "share or follow prompt",
        r"^(?:share(?: this(?: article| story| page)?)?(?: on\b.*)?|follow us\b.*|"
        r"print(?: this)?(?: article| page)?|e-?mail this(?: article| story)?)\W*$",
        "Social-media or print buttons of the site's template.",
    ),
    _rule(
        "copyright line",
        r"(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b)",
        "Names who holds the rights to the page, which can differ from who wrote the text.",
    ),
)


def furniture_kind(line: str) -> FurnitureRule | None:
    """The first rule a single line matches, or None for ordinary content."""
    stripped = " ".join(line.split())
    if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
        return None
    return next((rule for rule in FURNITURE_RULES if rule.pattern.search(stripped)), None)


def page_furniture(text: str) -> pd.DataFrame:
    """Lines that look like page furniture (site template, stamps, bylines) rather than content.

    Columns: `line` (1-based line number), `text` (the line), `kind`, `meaning`.
    """
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        rule = furniture_kind(line)
        if rule is not None:
            rows.append((number, line.strip(), rule.kind, rule.meaning))
    return pd.DataFrame(rows, columns=["line", "text", "kind", "meaning"])


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
