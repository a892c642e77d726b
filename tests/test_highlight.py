"""highlight_html: escaped text, visible numbered labels, merged overlaps, hostile input."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.views.highlight import highlight_html, merge_spans, span_view_html, span_viewer


def visible_text(markup: str) -> str:
    """The text a reader sees: tags and the style block removed, entities decoded."""
    body = re.sub(r"<style>.*?</style>", "", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_marks_carry_visible_numbered_labels():
    out = highlight_html("one two three", [(4, 7, "doubled word")])
    assert "<mark" in out and ">two</mark>" in out
    assert "[1 doubled word]" in visible_text(out)


def test_hostile_markup_in_text_and_labels_is_escaped():
    text = '<script>alert("x")</script> & <b onmouseover="evil()">bold</b>'
    label = '<img src=x onerror="alert(1)">'
    out = highlight_html(text, [(0, 8, label), (33, 34, "amp & co")])
    assert "<script>" not in out and "<img" not in out and "<b " not in out
    assert "&lt;script&gt;" in out
    assert "onerror=&quot;" in out
    assert visible_text(out).startswith('<script>[1 <img src=x onerror="alert(1)">]')


def test_text_outside_marks_survives_unchanged():
    text = "Quotes “here” and\nlines & <tags>"
    out = highlight_html(text, [(7, 13, "quotation marks")])
    assert visible_text(out) == text.replace("“here”", "“here”[1 quotation marks]")


def test_overlapping_spans_merge_with_both_labels():
    assert merge_spans([(5, 9, "b"), (0, 6, "a"), (20, 22, "a"), (8, 12, "a")]) == [
        (0, 12, "a + b"),
        (20, 22, "a"),
    ]
    out = highlight_html("abcdefghijklmnop", [(0, 4, "x"), (2, 6, "y")])
    assert out.count("<mark") == 1 and "[1 x + y]" in out


def test_accepts_a_dataframe_with_a_label_column():
    spans = pd.DataFrame({"start": [0], "end": [3], "kind": ["k"], "speaker": ["Li"]})
    assert "[1 k]" in highlight_html("abc def", spans)
    assert "[1 Li]" in highlight_html("abc def", spans, label_column="speaker")


def test_no_spans_gives_the_escaped_text_and_empty_spans_are_ignored():
    out = highlight_html("a < b", [(1, 1, "empty")])
    assert "<mark" not in out and visible_text(out) == "a < b"


def test_span_outside_the_text_is_an_error():
    with pytest.raises(ValueError):
        highlight_html("short", [(2, 40, "x")])


def test_long_lines_wrap_and_colour_is_not_the_only_cue():
    out = highlight_html("x" * 5000, [(0, 1, "k")])
    assert "pre-wrap" in out and "overflow-wrap:anywhere" in out
    assert "border-bottom" in out and "hl-label" in out


def test_span_view_lists_every_span_under_its_mark_number():
    text = "alpha beta gamma"
    spans = pd.DataFrame(
        {"start": [0, 3, 11], "end": [5, 10, 16], "kind": ["a", "b", "c"],
         "explanation": ["why a", "why <b>", "why c"]}
    )  # fmt: skip
    out = span_view_html(text, spans)
    assert "3 found:" in out and "1 × a" in out
    rows = re.findall(r"<tr><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td>", out)
    assert rows == [("1", "alpha", "a"), ("1", "ha beta", "b"), ("2", "gamma", "c")]
    assert "why &lt;b&gt;" in out


def test_span_view_says_when_nothing_is_found():
    empty = pd.DataFrame(columns=["start", "end", "kind", "explanation"])
    assert "Nothing found" in span_view_html("<i>x</i>", empty)


def test_span_viewer_switches_text_and_kind_without_printing(capsys):
    texts = {"one": "the the cat", "two": "my dog & my cat"}

    def find(text):
        spans = [(m.start(), m.end(), "cat" if "cat" in m.group() else "dog", "n")
                 for m in re.finditer(r"cat|dog", text)]  # fmt: skip
        return pd.DataFrame(spans, columns=["start", "end", "kind", "explanation"])

    viewer = span_viewer(texts, find)
    choice, kinds = viewer.children[0].children[:2]
    view = viewer.children[1]
    assert "1 found" in view.value and "[1 cat]" in view.value
    choice.value = "two"
    assert "2 found" in view.value and "&amp;" in view.value
    assert list(kinds.options) == ["all", "cat", "dog"]
    kinds.value = "dog"
    assert "1 found" in view.value and "[1 dog]" in view.value
    assert capsys.readouterr().out == ""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200))))
def test_any_text_and_spans_keep_the_visible_text(text, pairs):
    spans = [(min(a, b), max(a, b), "k") for a, b in pairs if max(a, b) <= len(text)]
    seen = visible_text(highlight_html(text, spans))
    assert re.sub(r"\[\d+ k\]", "", seen) == text
