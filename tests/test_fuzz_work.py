"""Property-based fuzzing of the save file and the exports (issue 11): whatever is in the file or
typed by a student, loading and saving never raise, and exports keep student text inert."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_work_export import assert_inert

from helpers.course.entries import clean_entry
from helpers.course.workstore import export_markdown, export_tables, load_work, save_entry

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
# Text with everything students (and damaged files) produce: markup, formulas, surrogates.
TEXT = st.text(st.characters(codec=None), max_size=40) | st.sampled_from(
    ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "=HYPERLINK(1)", "a|b\nc",
     "\ud800", "![i](http://x/y.png)", "+cmd", "@x", "\t-1", "# h", "1. x"])
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12)
ENTRY = st.fixed_dictionaries(
    {"kind": st.sampled_from(["notes", "card", "assessment", "multiple_choice"]),
     "prompt": TEXT},
    optional={"answer": TEXT, "status": TEXT, "first_answer": TEXT,
              "attempts": st.integers(0, 9), "hints_seen": st.integers(0, 9),
              "fields": st.dictionaries(TEXT, TEXT, max_size=3),
              "rows": st.lists(st.dictionaries(TEXT, TEXT, max_size=3), max_size=3)})


@contextlib.contextmanager
def _fresh() -> Iterator[Path]:
    """A save file path in a new empty folder (one per example), removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / "answers.json"


@FUZZ
@given(st.binary(max_size=300) | JSON_VALUE.map(lambda v: json.dumps(v).encode()))
def test_any_file_content_loads_without_raising(content: bytes):
    with _fresh() as path:
        path.write_bytes(content)
        loaded = load_work(path)
        assert all(clean_entry(entry) == (entry, []) for entry in loaded.entries.values())
        assert loaded.problem is None or "answers.json" in loaded.problem
        assert path.exists() == (loaded.problem is None or "wrong shape" in loaded.problem)


@FUZZ
@given(st.dictionaries(TEXT, JSON_VALUE, max_size=5))
def test_any_entries_in_a_valid_file_are_kept_or_reported_never_moved_aside(entries: dict):
    with _fresh() as path:
        document = {"format": "source-criticism-work", "version": 1, "entries": entries}
        path.write_text(json.dumps(document), encoding="utf-8")
        loaded = load_work(path)
        assert path.exists()
        assert not list(path.parent.glob("*.corrupt-*"))
        assert save_entry("fuzz", {"kind": "notes", "prompt": "P"}, path) is None or loaded.problem
        assert "fuzz" in load_work(path).entries


@FUZZ
@given(TEXT, ENTRY)
def test_any_entry_saves_and_reads_back_as_stored(qid: str, entry: dict):
    with _fresh() as path:
        save_entry(qid, entry, path)
        stored, _ = clean_entry(entry)
        assert list(load_work(path).entries.values()) == [stored]


@FUZZ
@given(st.dictionaries(TEXT, ENTRY, max_size=4))
def test_exports_of_any_entries_keep_student_text_inert(entries: dict):
    entries = {qid: clean_entry(entry)[0] for qid, entry in entries.items()}
    assert_inert(export_markdown(entries))
    for text in export_tables(entries, with_student=True).values():
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len({len(row) for row in rows}) == 1
        for row in rows:
            assert not [c for c in row if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
