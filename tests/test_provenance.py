"""Page furniture (general rules, invented pages, the five texts) and provenance cards."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from widget_finder import find

from helpers import load_corpus
from helpers.analysis.page_furniture import MAX_FURNITURE_CHARS, furniture_kind, page_furniture
from helpers.analysis.tables import SPAN_COLUMNS
from helpers.course.provenance import (
    CARD_FIELDS,
    card_fields,
    card_qid,
    provenance_card,
    provenance_cards,
    saved_cards,
)
from helpers.course.workstore import export_tables, load_work, save_entry

NOTEBOOK_01 = Path(__file__).resolve().parent.parent / "notebooks" / "01_sourcing.ipynb"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Home › Politics › Council approves the new budget for", "breadcrumb"),
        ("Home / Sport / Local club wins the cup", "breadcrumb"),
        ("HomeEconomyMarkets Rally As Rates Fall...", "breadcrumb"),
        ("You are here: Home > News", "breadcrumb"),
        ("Menu Search", "navigation"),
        ("Skip to main content", "navigation"),
        ("Subscribe to our newsletter", "mailing-list prompt"),
        ("Join the Example Weekly mailing list", "mailing-list prompt"),
        ("Sign up for email updates from the Foundation", "mailing-list prompt"),
        ("Please donate to keep this site free", "donation banner"),
        ("Support us: become a member today!", "donation banner"),
        ("Page last modified: 12-03-2019 08:00:00 ZULU", "page stamp"),
        ("Last updated on 3 March 2024", "page stamp"),
        ("Updated: 2019-11-02", "page stamp"),
        ("By Jane Roe Source: The Daily Example Updated: 2018-05-01", "byline"),
        ("By Maria Lopez", "byline"),
        ("Source: Example News Agency", "byline"),
        ("Evening Post – reporter Ann Smith", "byline"),
        ("The author is a senior fellow at an invented institute.", "author note"),
        (
            "The opinions expressed here do not necessarily reflect those of the editors.",
            "disclaimer",
        ),
        ("The views don't necessarily represent the board's position.", "disclaimer"),
        ("Disclaimer: this page is for information only.", "disclaimer"),
        ("Original title: A river runs through it", "reprint line"),
        ("This article first appeared in The Example Review.", "reprint line"),
        ("(Unofficial translation)", "translation label"),
        ("Translated by the embassy", "translation label"),
        ("(Example Agency, Lisbon, March 3rd)", "dateline"),
        ("(Lima, January 15, 2020)", "dateline"),
        ("Geneva, 12 May 2019", "dateline"),
        ("Leave a comment", "comment box"),
        ("Leave a Reply", "comment box"),
        ("Leave a response", "comment box"),
        ("12 Comments", "comment box"),
        ("Be the first to comment on this story", "comment box"),
        ("Share this article", "share or follow prompt"),
        ("Follow us on social media", "share or follow prompt"),
        ("© 2021 Example Media Group. All rights reserved.", "copyright line"),
    ],
)
def test_invented_furniture_lines_are_recognised(line, kind):
    assert furniture_kind(line).kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the budget would be approved next week.",
        "Homeowners protested outside the council building.",
        "Responsibility of political parties",
        "Leave a message for future generations, the speaker urged the students gathered there.",
        "Many people donate blood in winter, the report said, and the number is rising.",
        "Search and rescue teams reached the village on Monday.",
        "",
        "   ",
    ],
)
def test_ordinary_content_is_not_furniture(line):
    assert furniture_kind(line) is None


def test_long_paragraphs_are_never_furniture_even_with_a_keyword():
    paragraph = "Please donate. " + "This is a long paragraph of content. " * 8
    assert len(paragraph) > MAX_FURNITURE_CHARS
    assert furniture_kind(paragraph) is None


def test_page_furniture_of_an_invented_page():
    page = "\n".join(
        [
            "Home › World › Floods hit the valley",
            "",
            "Floods hit the valley",
            "By Ann Example",
            "Heavy rain flooded three villages on Sunday, officials said.",
            "Leave a Reply",
            "Page last modified: 02-03-2020",
        ]
    )
    found = page_furniture(page)
    assert list(found.columns) == [*SPAN_COLUMNS, "line"]
    assert found["line"].tolist() == [1, 4, 6, 7]
    assert found["kind"].tolist() == ["breadcrumb", "byline", "comment box", "page stamp"]
    assert found["surface"].tolist() == [page.splitlines()[n - 1] for n in [1, 4, 6, 7]]
    assert [page[s:e] for s, e in zip(found["start"], found["end"], strict=True)] == found[
        "surface"].tolist()
    assert all(found["explanation"].str.len() > 20)


def test_page_furniture_offsets_skip_outer_spaces_and_any_line_break():
    page = "Intro line.\r\n   Leave a comment  \r\nBody.\u2028Share this article"
    found = page_furniture(page)
    assert found[["surface", "line"]].values.tolist() == [
        ["Leave a comment", 2], ["Share this article", 4]]
    for row in found.itertuples():
        assert page[row.start : row.end] == row.surface


def test_page_furniture_of_text_without_any_is_empty():
    found = page_furniture("Just one sentence of content.\nAnd another one here.")
    assert found.empty
    assert list(found.columns) == [*SPAN_COLUMNS, "line"]


def test_page_furniture_on_the_five_texts():
    """The course's texts: every template line is found, and nothing else."""
    corpus = load_corpus()
    found = {
        text_id: page_furniture(corpus.loc[text_id, "raw"])[["surface", "kind"]]
        .apply(tuple, axis=1)
        .tolist()
        for text_id in corpus.index
    }
    assert found["ultimas-noticias"] == [
        ("HomeWorldXi Jinping Urges Political Parties To Seek The Progress Of The...", "breadcrumb")
    ]
    assert found["xi-keynote"] == [
        ("(Translation)", "translation label"),
        ("Beijing, 6 July 2021", "dateline"),
    ]
    assert [kind for _text, kind in found["globalsecurity"]] == [
        "donation banner",
        "mailing-list prompt",
        "page stamp",
    ]
    assert [kind for _text, kind in found["song-tao"]] == [
        "navigation",
        "byline",
        "author note",
        "disclaimer",
    ]
    assert [kind for _text, kind in found["workers-daily"]] == [
        "reprint line",
        "byline",
        "dateline",
        "comment box",
    ]
    assert found["workers-daily"][-1] == ("Leave a Replay", "comment box")


def test_card_fields_keep_order_and_drop_unchosen_dropdowns():
    fields = card_fields({"outlet": "  Example Post ", "genre": "(choose)", "confidence": "high"})
    assert list(fields) == [label for label, _c, _h in CARD_FIELDS]
    assert fields["outlet"] == "Example Post"
    assert fields["genre"] == ""
    assert fields["confidence"] == "high"
    assert fields["who made it"] == ""


def test_every_origin_type_taught_can_be_chosen_saved_and_restored():
    """Each type notebook 01 explains is a choice on the card, and comes back after a save."""
    notebook = json.loads(NOTEBOOK_01.read_text(encoding="utf-8"))
    markdown = "".join("".join(c["source"]) for c in notebook["cells"]
                       if c["cell_type"] == "markdown")  # fmt: skip
    taught = re.findall(r"^- \*\*([a-z ]+)\*\*:", markdown, flags=re.MULTILINE)
    assert len(taught) == 5
    offered = _inputs(provenance_card("t"))["original or translation"].options
    assert set(taught) <= set(offered)
    for kind in offered[1:]:
        card = provenance_card("t")
        _inputs(card)["original or translation"].value = kind
        find(card, "exercise-save").click()
        assert _inputs(provenance_card("t"))["original or translation"].value == kind
        assert saved_cards().loc["t", "original or translation"] == kind


def test_a_saved_origin_type_no_longer_offered_comes_back_unchosen():
    save_entry(card_qid("t"), {"kind": "provenance", "prompt": "p",
                               "fields": {"text": "t", "original or translation": "forgery"}})
    assert _inputs(provenance_card("t"))["original or translation"].value == "(choose)"


def _inputs(card):
    return {child.description: child for child in card.children if hasattr(child, "description")}


def test_provenance_card_saves_restores_and_exports():
    card = provenance_card("example-text", "An invented title")
    inputs = _inputs(card)
    inputs["who made it"].value = "Ann Example (byline)"
    inputs["original or translation"].value = "rewrite"
    inputs["confidence"].value = "medium"
    find(card, "exercise-save").click()
    entry = load_work().entries[card_qid("example-text")]
    assert entry["kind"] == "provenance"
    assert entry["prompt"] == "Provenance card: An invented title"
    assert entry["fields"]["text"] == "example-text"
    assert entry["fields"]["original or translation"] == "rewrite"
    assert entry["fields"]["genre"] == ""
    again = _inputs(provenance_card("example-text", "An invented title"))
    assert again["who made it"].value == "Ann Example (byline)"
    assert again["confidence"].value == "medium"
    assert again["genre"].value == "(choose)"
    table = export_tables(load_work().entries)["provenance.csv"]
    assert table.splitlines()[0].startswith("qid,text,who made it,outlet")
    assert "01-card-example-text,example-text,Ann Example (byline)" in table


def test_provenance_card_escapes_the_title():
    card = provenance_card("x", "<b>bold</b>")
    assert "&lt;b&gt;" in card.children[0].value


def test_provenance_cards_make_one_tab_per_text():
    catalogue = pd.DataFrame({"title": ["First", "Second"]}, index=["a", "b"])
    tabs = provenance_cards(catalogue)
    assert tabs.titles == ("a", "b")
    assert [c.children[0].value for c in tabs.children] == [
        "<strong>Provenance card: First</strong>",
        "<strong>Provenance card: Second</strong>",
    ]


def test_saved_cards_lists_saved_cards_only():
    assert saved_cards().empty
    assert list(saved_cards().columns) == [label for label, _c, _h in CARD_FIELDS]
    card = provenance_card("example-text", "T")
    _inputs(card)["outlet"].value = "Example Post"
    find(card, "exercise-save").click()
    provenance_card("unsaved-text", "U")
    table = saved_cards()
    assert list(table.index) == ["example-text"]
    assert table.loc["example-text", "outlet"] == "Example Post"
