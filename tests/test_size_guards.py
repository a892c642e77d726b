"""Size guards: charts and highlighted views stay bounded for long or many texts, and a note
states the true totals; small inputs are drawn whole, with no note (texts written here)."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from helpers.analysis.dates import dates_by_text
from helpers.limits import MAX_CHART_ROWS, MAX_VIEW_CHARS, MAX_VIEW_MARKS, left_out_note
from helpers.views.claims_plots import dates_timeline, figures_by_source
from helpers.views.framing_plot import plot_term_frequencies
from helpers.views.highlight import span_view_html, span_viewer, text_parts
from helpers.views.timeline_plot import provenance_timeline


def test_left_out_note_states_the_totals_and_is_empty_when_nothing_is_left_out():
    assert left_out_note(40, 40, "texts", "see the table") == ""
    assert left_out_note(40, 4812, "rows", "filter the table to see the rest") == (
        "Showing the first 40 of 4,812 rows; filter the table to see the rest.")
    assert left_out_note(10, 30, "characters", "pick a part", skipped=10) == (
        "Showing characters 11–20 of 30; pick a part.")


def claims_of(sizes: dict[int, int]) -> pd.DataFrame:
    """A claims table with `sizes[family]` figures in each family, one text per figure."""
    rows = [{"family": family, "text_id": f"text-{family}-{i}", "published": "2020",
             "outlet": f"Outlet {i}", "qualifier": "exact", "value": 100.0 + i, "high": None,
             "phrase": f"{100 + i} delegates", "verdict": "conflicting", "flag": "",
             "counted": "delegates", "kind": "count"}
            for family, size in sizes.items() for i in range(size)]  # fmt: skip
    return pd.DataFrame(rows)


def test_figures_by_source_caps_a_large_family_and_says_how_many_are_left_out():
    claims = claims_of({1: 250, 2: 3})
    figure = figures_by_source(claims, [1, 2])
    big, small = figure.axes[:2]
    assert len(big.get_yticks()) == MAX_CHART_ROWS // 2
    assert big.get_title(loc="left").endswith(
        f"Showing the first {MAX_CHART_ROWS // 2} of 250 figures; "
        "family_evidence(claims, 1) lists them all.")
    assert len(small.get_yticks()) == 3 and "Showing" not in small.get_title(loc="left")
    assert figure.get_size_inches()[1] <= 1.2 + 2 * 1.0 + 0.45 * MAX_CHART_ROWS


def test_figures_by_source_caps_the_number_of_families():
    figure = figures_by_source(claims_of(dict.fromkeys(range(1, 16), 2)), list(range(1, 16)))
    panels = [a for a in figure.axes if a.get_title(loc="left").startswith("Family")]
    assert len(panels) == 10
    assert "Showing the first 10 of 15 families" in figure.get_suptitle()


def test_figures_by_source_draws_small_families_whole_without_a_note():
    figure = figures_by_source(claims_of({1: 4, 2: 7}), [1, 2])
    assert [len(a.get_yticks()) for a in figure.axes[:2]] == [4, 7]
    assert "Showing" not in figure.get_suptitle()
    assert "text-2-6 = Outlet 6" in figure.get_suptitle()


def corpus_of(n: int) -> pd.DataFrame:
    """A catalogue of `n` invented texts, each naming one date."""
    ids = [f"report-{i:03}" for i in range(n)]
    texts = [f"The council met on {1 + i % 28} March 2021." for i in range(n)]
    return pd.DataFrame({"outlet": [f"Paper {i}" for i in range(n)], "published": "2021-03-04",
                         "text": texts}, index=pd.Index(ids, name="text_id"))  # fmt: skip


@pytest.mark.parametrize(("n", "drawn"), [(55, MAX_CHART_ROWS), (3, 3)])
def test_dates_timeline_draws_at_most_the_row_limit(n: int, drawn: int):
    corpus = corpus_of(n)
    axes = dates_timeline(corpus, dates_by_text(corpus)).axes[0]
    assert len(axes.get_yticks()) == drawn
    note = f"Showing the first {MAX_CHART_ROWS} of {n} texts"
    assert (note in axes.get_title()) == (n > drawn)


@pytest.mark.parametrize(("n", "drawn"), [(70, MAX_CHART_ROWS), (5, 5)])
def test_provenance_timeline_draws_at_most_the_row_limit(n: int, drawn: int):
    corpus = corpus_of(n)
    events = pd.DataFrame({"text_id": corpus.index, "event": "Council meeting",
                           "date": pd.Timestamp("2021-03-01")})  # fmt: skip
    figure = provenance_timeline(corpus, events)
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == list(corpus.index[:drawn])
    note = f"Showing the first {MAX_CHART_ROWS} of {n} texts"
    assert (note in axes.get_title()) == (n > drawn)
    assert figure.get_size_inches()[1] <= 0.8 + 0.7 * MAX_CHART_ROWS


def test_term_chart_caps_texts_and_terms_and_names_both_totals():
    table = pd.DataFrame(1.0, index=[f"term{i}" for i in range(12)],
                         columns=[f"text{j}" for j in range(10)])  # fmt: skip
    axes = plot_term_frequencies(table, "Key terms", "invented").axes[0]
    assert len(axes.patches) <= 2 * MAX_CHART_ROWS
    assert len(axes.get_legend().get_texts()) == 8
    assert len(axes.get_yticks()) == 2 * MAX_CHART_ROWS // 8 < 12
    assert "Showing the first 8 of 10 texts" in axes.get_title()
    assert f"Showing the first {2 * MAX_CHART_ROWS // 8} of 12 terms" in axes.get_title()


@pytest.mark.parametrize("texts", [5, 6])
def test_term_chart_of_a_few_texts_and_eight_terms_is_whole(texts: int):
    table = pd.DataFrame(2.0, index=[f"term{i}" for i in range(8)],
                         columns=[f"text{j}" for j in range(texts)])  # fmt: skip
    axes = plot_term_frequencies(table, "Key terms", "invented").axes[0]
    assert len(axes.patches) == 8 * texts and axes.get_title() == "Key terms"


def long_text_and_marks(paragraphs: int) -> tuple[str, pd.DataFrame]:
    """Numbered paragraphs of invented prose; every paragraph's "officials said" is marked."""
    text = "".join(f"Paragraph {i}: officials said the bridge would open soon, and it did.\n"
                   for i in range(paragraphs))  # fmt: skip
    spans = [(m.start(), m.end(), "vague source", "who?")
             for m in re.finditer("officials said", text)]  # fmt: skip
    return text, pd.DataFrame(spans, columns=["start", "end", "kind", "explanation"])


def marks_in(view: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[(\d+) vague source\]</span>", view)]


def test_long_text_is_shown_in_bounded_parts_that_cover_it_and_number_marks_on():
    text, spans = long_text_and_marks(10_000)  # about 720,000 characters
    parts = text_parts(text, [(s, e, k) for s, e, k, _ in spans.itertuples(index=False)])
    assert "".join(text[p.start : p.stop] for p in parts) == text
    assert all(len(p) <= MAX_VIEW_CHARS for p in parts) and len(parts) > 30
    first, second = (span_view_html(text, spans, part=n) for n in (0, 1))
    assert len(first) < 3 * MAX_VIEW_CHARS and len(second) < 3 * MAX_VIEW_CHARS
    assert "10000 found" in first
    assert (f"Showing the first {len(parts[0]):,} of {len(text):,} characters; this is part 1 "
            f"of {len(parts)}") in first  # fmt: skip
    assert f"Showing characters {parts[1].start + 1:,}–{parts[1].stop:,} of {len(text):,}" in second
    assert len(marks_in(first)) == MAX_VIEW_MARKS
    numbers = marks_in(first) + marks_in(second)
    assert numbers == list(range(1, len(numbers) + 1))
    rows = re.findall(r"<tr><td>(\d+)</td>", second)
    assert [int(n) for n in rows] == marks_in(second)


def test_a_part_never_ends_inside_a_mark():
    text = "x" * (MAX_VIEW_CHARS - 5) + " " + "y" * 30 + " tail"
    mark = (MAX_VIEW_CHARS - 10, MAX_VIEW_CHARS + 20, "long mark")
    parts = text_parts(text, [mark])
    assert all(not (mark[0] < p.stop < mark[1]) for p in parts)
    assert parts[0].stop >= mark[1]


def test_short_text_is_one_part_with_no_note_and_no_part_choice(capsys):
    text, spans = long_text_and_marks(20)
    assert "hl-cut" not in span_view_html(text, spans)
    viewer = span_viewer({"short": text}, lambda _text: spans)
    part = viewer.children[0].children[2]
    assert part.layout.display == "none" and len(part.options) == 1
    assert capsys.readouterr().out == ""


def test_span_viewer_offers_the_parts_of_a_long_text(capsys):
    text, spans = long_text_and_marks(3_000)
    viewer = span_viewer({"short": "officials said no.", "long": text},
                         lambda t: spans if t == text else spans.iloc[:0])  # fmt: skip
    choice, _kinds, part = viewer.children[0].children
    view = viewer.children[1]
    assert part.layout.display == "none"
    choice.value = "long"
    count = len(text_parts(text, [(s, e, k) for s, e, k, _ in spans.itertuples(index=False)]))
    assert part.layout.display == "" and len(part.options) == count > 1
    assert f"this is part 1 of {count}" in view.value
    part.value = 2
    assert f"this is part 3 of {count}" in view.value
    assert len(view.value) < 3 * MAX_VIEW_CHARS
    assert capsys.readouterr().out == ""
