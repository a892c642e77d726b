"""Exports: every part in order, named by student, and hostile student text kept as text."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from helpers.course import workstore
from helpers.course.work_export import csv_cell, export_json, md_text, slug
from helpers.course.workstore import (
    export_files,
    export_markdown,
    export_tables,
    export_work,
    load_work,
    save_entry,
    save_student_name,
    student_name,
)

ENTRIES = {
    "01-q10": {"kind": "open_question", "prompt": "Why?", "answer": "Line one\nLine two"},
    "01-q2": {"kind": "multiple_choice", "prompt": "Who?", "answer": "B", "status": "correct",
              "first_answer": "A", "attempts": 2, "hints_seen": 1},
    "01-card-x": {
        "kind": "provenance",
        "prompt": "Provenance card: x",
        "fields": {"outlet": "A | B", "confidence": "high"},
    },
    "06-assessment": {
        "kind": "assessment",
        "prompt": "Assessment",
        "fields": {"text": "x", "overall": "mixed"},
        "rows": [{"claim": "C1", "verdict": "supported"}, {"claim": "C2", "evidence": "E"}],
    },
}
NAMED = {**ENTRIES, "student": {"kind": "profile", "prompt": "Your name or pseudonym",
                                "fields": {"name": "Zoë  O'Brien-Smith"}}}

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '<a href="#" onclick="alert(1)">click</a>',
    '<div onmouseover="alert(1)">hover</div>',
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "<javascript:alert(1)>",
    "![tracker](https://example.com/pixel.png)",
    "see https://example.com/page and www.example.com",
    '![x](https://example.com/a.png "t")',
    "[ref]: javascript:alert(1)\n\n[ref]",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&#106;avascript:alert(1)",
    "<svg/onload=alert(1)>",
    "`<b>` and ```\n<i>code</i>\n```",
    "# A heading\n- a list\n1. numbered\n> quote\n---",
    "| a | b |\n|---|---|\n| c | d |",
]
FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "\t=1", "\r=1"]


class _Tags(HTMLParser):
    """Tags and attributes of rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def rendered_tags(markdown: str) -> list[tuple[str, dict]]:
    """The tags nbconvert's Markdown renderer (mistune) makes of `markdown`."""
    parser = _Tags()
    parser.feed(markdown2html_mistune(markdown))
    return parser.tags


def assert_inert(markdown: str) -> None:
    """Rendered, the Markdown holds no raw HTML, link, image or event attribute."""
    tags = rendered_tags(markdown)
    allowed = {"a", "h1", "h2", "p", "strong", "em", "blockquote", "ul", "li", "table", "thead",
               "tbody", "tr", "th", "td", "br"}
    assert {tag for tag, _ in tags} <= allowed, tags
    for tag, attrs in tags:
        if tag == "a":  # nbconvert's own link to each heading
            assert attrs["class"] == "anchor-link" and attrs["href"].startswith("#"), attrs
        else:
            assert set(attrs) <= {"h1": {"id"}, "h2": {"id"}}.get(tag, set()), (tag, attrs)


def test_markdown_export_has_every_part_in_question_order():
    markdown = export_markdown(ENTRIES)
    assert markdown.startswith("# Unnamed student: source criticism work")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 01-card-x · Provenance",
        "## 01-q2 · Multiple choice",
        "## 01-q10 · Open question",
        "## 06-assessment · Assessment",
    ]
    assert "> Line one\n> Line two" in markdown
    assert "*Feedback: correct*" in markdown
    assert "*first answer: A · attempts: 2 · hints seen: 1*" in markdown
    assert "- **outlet:** A \\| B" in markdown
    assert "| claim | verdict | evidence |" in markdown
    assert "| C2 |  | E |" in markdown


def test_markdown_export_is_headed_by_the_student_name():
    assert export_markdown(NAMED).startswith("# Zoë O'Brien-Smith: source criticism work\n")
    assert "## student" not in export_markdown(NAMED)


def test_markdown_export_of_nothing_says_so():
    assert "Nothing saved yet." in export_markdown({})


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_renders_as_text_in_every_place_of_the_markdown(payload: str):
    entry = {"kind": "card", "prompt": payload, "answer": payload, "status": payload,
             "first_answer": payload, "fields": {payload: payload}, "rows": [{payload: payload}]}
    markdown = export_markdown({payload: entry, "student": {
        "kind": "profile", "prompt": "n", "fields": {"name": payload}}})
    assert_inert(markdown)


def test_the_onerror_image_does_not_survive_rendering():
    """Issue 11 §3: rendered with mistune, the raw image tag of an answer survived."""
    html = markdown2html_mistune(export_markdown(
        {"01-q1": {"kind": "notes", "prompt": "P", "answer": "<img src=x onerror=alert(1)>"}}))
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("text", ["1,500 people", "don't", "a_b *c* [d](e)", "<b>", "5 > 3",
                                  "- dash", "12. twelve", "# hash", "x | y", "back\\slash"])
def test_escaped_text_reads_back_as_the_same_text(text: str):
    rendered = markdown2html_mistune(md_text(text))
    assert re.sub(r"</?p>|\n", "", rendered) == text.replace("&", "&amp;").replace(
        "<", "&lt;").replace(">", "&gt;")


def test_a_pipe_or_line_break_in_a_cell_keeps_the_table_whole():
    markdown = export_markdown({"06-a": {"kind": "assessment", "prompt": "P", "rows": [
        {"claim": "a | b\nc", "verdict": "x"}]}})
    tables = [tag for tag, _ in rendered_tags(markdown) if tag == "td"]
    assert len(tables) == 2
    assert "| a \\| b c | x |" in markdown


def test_csv_export_has_one_table_per_kind_with_forms_and_rows():
    tables = export_tables(ENTRIES)
    assert sorted(tables) == ["answers.csv", "assessment.csv", "provenance.csv"]
    cards = list(csv.DictReader(io.StringIO(tables["provenance.csv"])))
    assert cards == [{"qid": "01-card-x", "outlet": "A | B", "confidence": "high"}]
    assessment = list(csv.DictReader(io.StringIO(tables["assessment.csv"])))
    assert [row["claim"] for row in assessment] == ["C1", "C2"]
    assert [row["row"] for row in assessment] == ["1", "2"]
    assert {row["overall"] for row in assessment} == {"mixed"}
    assert assessment[1]["evidence"] == "E"
    assert assessment[0]["evidence"] == ""


def test_short_and_choice_answers_and_attempts_are_in_a_csv():
    answers = list(csv.DictReader(io.StringIO(export_tables(NAMED, with_student=True)
                                              ["answers.csv"])))
    assert [row["qid"] for row in answers] == ["01-q2", "01-q10"]
    assert answers[0] == {"student": "Zoë O'Brien-Smith", "qid": "01-q2",
                          "kind": "multiple_choice", "prompt": "Who?", "answer": "B",
                          "status": "correct", "first_answer": "A", "attempts": "2",
                          "hints_seen": "1"}


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(formula: str):
    entries = {"01-c": {"kind": "card", "prompt": formula, "answer": formula,
                        "fields": {formula: formula}, "rows": [{"r": formula}]}}
    cells = [cell for text in export_tables(entries, with_student=True).values()
             for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    # the prompt, answer, field name and value and row cell, each kept whole
    assert len([cell for cell in cells if cell.endswith(formula.lstrip("\t\r"))]) == 5


def test_csv_cell_follows_the_owasp_rule():
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("\r=1") == "\n=1"
    assert csv_cell("a\r\nb") == "a\nb"
    assert csv_cell("a=1") == "a=1"
    assert csv_cell("") == ""


@pytest.mark.parametrize(("name", "expected"), [
    ("Zoë  O'Brien-Smith", "zoe-o-brien-smith"), ("", "student"), ("李明", "student"),
    ("  --Ann--  ", "ann"), ("A" * 60, "a" * 40), ("a" * 39 + " b", "a" * 39)])
def test_slug_follows_the_contract(name: str, expected: str):
    assert slug(name) == expected


def test_student_name_is_saved_and_read_back():
    assert student_name() == ""
    assert save_student_name("  Ann  Example ") is None
    assert student_name() == "Ann Example"
    assert load_work().entries["student"]["kind"] == "profile"


def test_files_are_named_by_student_and_carry_the_name():
    files = export_files(NAMED, datetime(2026, 5, 1, 12, 0, 3, 999, tzinfo=UTC))
    prefix = "zoe-o-brien-smith"
    assert sorted(files) == [f"{prefix}-{n}" for n in (
        "answers.csv", "assessment.csv", "my-work.md", "provenance.csv", "work.json")]
    for name in files:
        if name.endswith(".csv"):
            assert files[name].startswith("student,qid,")
            assert "Zoë O'Brien-Smith" in files[name].splitlines()[1]
    document = json.loads(files[f"{prefix}-work.json"])
    assert document == {"format": "source-criticism-export", "version": 1,
                        "student": "Zoë O'Brien-Smith", "exported_at": "2026-05-01T12:00:03Z",
                        "entries": NAMED}


def test_json_export_time_is_utc_iso():
    stamp = json.loads(export_json({}))["exported_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)


def test_export_work_writes_every_file_into_the_work_folder(work_folder):
    for qid, entry in NAMED.items():
        save_entry(qid, entry)
    written, problem = export_work()
    assert problem is None
    assert len(written) == 5
    files = export_files(load_work().entries)
    for path in written:
        assert path.parent == work_folder
        if path.suffix != ".json":
            assert path.read_text(encoding="utf-8") == files[path.name]


def _links(html: str) -> dict[str, str]:
    """Download name -> decoded contents of every data-URI link."""
    found = re.findall(r'download="([^"]+)" href="data:[^,]+,([^"]+)"', html)
    return {name: base64.b64decode(data).decode("utf-8") for name, data in found}


def test_download_links_name_the_files_by_student_and_stay_the_same_between_saves():
    save_student_name("Ann")
    save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "hello"})
    links = _links(workstore.download_links_html())
    assert sorted(links) == ["ann-answers.csv", "ann-my-work.md", "ann-work.json",
                             "answers.json"]
    assert "> hello" in links["ann-my-work.md"]
    assert json.loads(links["answers.json"])["entries"]["01-q1"]["answer"] == "hello"
    assert workstore.download_links_html() == workstore.download_links_html()


def test_download_links_do_not_embed_large_files(monkeypatch):
    """Issue 11 §7: every save re-sent the whole work as base64 (53 MB after three answers)."""
    monkeypatch.setattr(workstore, "EMBED_LIMIT", 2_000)
    save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "word " * 1000})
    html = workstore.download_links_html()
    assert len(html) < 3_000
    assert "too large to download from this page" in html
    assert "student-my-work.md" in html
