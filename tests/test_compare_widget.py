"""Compare widget: pure filtering and HTML functions, then the widget wired to them."""

import html
import re

import ipywidgets as widgets
import pytest

from helpers import compare_versions, left_out, load_corpus, trace_sources
from helpers.analysis.tracing import candidate_scores
from helpers.limits import MAX_WORDS
from helpers.problems import CourseProblem
from helpers.views import compare_widget
from helpers.views.compare_widget import (
    FILTERS,
    LEGEND,
    PASTE,
    changed_numbers,
    check_pasted,
    filter_trace,
    map_cells,
    map_html,
    similarity_png,
    view_html,
)

EARLIER = (
    "Since 2012, all the 98.99 million residents were lifted out of poverty. "
    "The river is 300 km long. Farmers in the valley doubled their harvest. "
    "The city council met on Monday to discuss bridges."
)
LATER = (
    "Since 2012, the 10 million residents were lifted out of poverty. "
    '"Farmers in the valley doubled their harvest," he said. '
    "Our reporter liked the <b>lunch</b> <script>alert(1)</script>."
)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def by_class(box: widgets.Widget, name: str) -> widgets.Widget:
    stack = [box]
    while stack:
        widget = stack.pop()
        if name in getattr(widget, "_dom_classes", ()):
            return widget
        stack.extend(getattr(widget, "children", ()))
    raise AssertionError(f"no widget with class {name}")


def visible(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def state_of(view: widgets.HTML) -> str:
    return re.search(r"data-state='([^']*)'", view.value).group(1)


def test_changed_numbers_follow_the_figure_pairs_of_claims():
    earlier = ("The clinic hired 12 nurses in March. The new wing has twenty beds. "
               "The mayor opened the wing on a sunny Monday morning with a short speech.")
    later = ("The clinic hired 30 nurses in March, the director said. "  # changed value
             "The new wing has 20 beds. "  # same value in digits: no change
             "The mayor opened the wing with a short speech on Monday, before 200 guests. "
             "Parking costs 5 euros.")  # unpaired figure; then a sentence with no source
    trace = trace_sources(later, earlier)
    assert trace["source"].notna().tolist() == [True, True, True, False]
    assert changed_numbers(trace, later, earlier).tolist() == [True, False, True, False]
    assert list(filter_trace(trace, "changed numbers", later, earlier).index) == [0, 2]
    page = visible(view_html(trace, left_out(later, earlier), "changed numbers", "s", later,
                             earlier))  # fmt: skip
    assert "Filter changed numbers: 2 rows." in page
    assert "30 nurses" in page and "200 guests" in page and "20 beds" not in page


def test_filters_keep_the_right_rows():
    trace = trace_sources(LATER, EARLIER)
    assert len(filter_trace(trace, "all")) == 3
    assert list(filter_trace(trace, "changed numbers", LATER, EARLIER).index) == [0]
    assert list(filter_trace(trace, "quotations").index) == [1]
    assert list(filter_trace(trace, "no source").index) == [2]
    with pytest.raises(ValueError, match="unknown filter"):
        filter_trace(trace, "everything")


def test_view_html_escapes_and_marks_state():
    trace, dropped = trace_sources(LATER, EARLIER), left_out(LATER, EARLIER)
    page = view_html(trace, dropped, "all", "7|a|b|all")
    assert "data-state='7|a|b|all'" in page
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;lunch" in page
    assert "[−]" in page and "[+]" in page and "no source sentence found" in page
    assert "quoted words verbatim" in page
    left = view_html(trace, dropped, "left out", "8|a|b|left out")
    assert "The river is 300 km long." in left and "Since 2012" not in left


def test_similarity_png_is_a_png():
    png = similarity_png(LATER, EARLIER)
    assert png.startswith(b"\x89PNG")
    assert similarity_png("", "").startswith(b"\x89PNG")


def test_map_draws_the_scores_the_table_shows():
    cells, later, earlier = map_cells(LATER, EARLIER)
    trace = trace_sources(LATER, EARLIER)
    assert cells.shape == (later, earlier) == (3, 4)
    for number, row in trace.iterrows():
        if row.source is not None:
            column = [s for s in range(earlier) if cells[number, s] == row.score]
            assert column, f"row {number}: the map lacks the table's score {row.score}"
    scores = candidate_scores(LATER, EARLIER)
    expected = [[0.0] * earlier for _ in range(later)]
    for r, c, value in scores.itertuples(index=False):
        expected[r][c] = max(expected[r][c], value)
    assert cells.tolist() == expected
    assert cells[2].max() < 0.35  # the reporter's own sentence: nothing above paraphrase


def test_map_never_grows_with_the_square_of_the_input(monkeypatch):
    monkeypatch.setattr(compare_widget, "MAP_CELLS", 10)
    text = " ".join(f"Sentence {n} names the river Vltava{n} and its bridges." for n in range(95))
    cells, later, earlier = map_cells(text, text)
    assert cells.shape == (10, 10) and (later, earlier) == (95, 95)
    assert all(cells[k, k] == 1.0 for k in range(10))  # each diagonal cell holds verbatim pairs
    assert cells.sum() == pytest.approx(10.0)


def test_pasted_text_over_the_limit_gives_a_message_not_a_traceback(corpus):
    assert check_pasted("A short text.", "later") == "A short text."
    with pytest.raises(CourseProblem, match=f"at most {MAX_WORDS:,}"):
        check_pasted("word " * (MAX_WORDS + 1), "later")
    box = compare_versions(corpus, derived="ultimas-noticias", source="xi-keynote")
    view, picture = by_class(box, "compare-view"), by_class(box, "compare-map")
    by_class(box, "compare-derived").value = PASTE
    area = next(
        w for w in box.children if isinstance(w, widgets.Textarea) and "later" in w.placeholder
    )
    area.value = "word " * (MAX_WORDS + 1)
    assert "Cannot compare" in view.value and "Traceback" not in view.value
    assert f"{MAX_WORDS + 1:,} words" in visible(view.value)
    assert picture.value == ""


def test_view_shows_at_most_a_page_of_rows_and_says_what_is_left_out(monkeypatch):
    monkeypatch.setattr(compare_widget, "ROWS_SHOWN", 2)
    trace = trace_sources(LATER, EARLIER)
    page = visible(view_html(trace, left_out(LATER, EARLIER), "all", "s"))
    assert "Only the first 2 of 3 rows are shown; 1 more are left out here" in page
    assert "Our reporter liked" not in page


def test_legend_explains_score_relation_and_terms():
    words = visible(LEGEND)
    for phrase in ("Score", "relation follows from the score alone", "verbatim = 1.00",
                   "close = 0.80", "paraphrase = 0.35", "Term in quotation marks"):  # fmt: skip
        assert phrase in words
    trace = trace_sources('Critics call it "soft power" outreach.', EARLIER)
    assert "term in quotation marks (not a quotation): &quot;soft power&quot;" in view_html(
        trace, left_out("x", EARLIER), "all", "s"
    )


def test_widget_has_the_agreed_classes_and_answers_changes(corpus):
    box = compare_versions(corpus, derived="ultimas-noticias", source="xi-keynote")
    assert "compare-versions" in box._dom_classes
    view = by_class(box, "compare-view")
    shown = by_class(box, "compare-filter")
    later = by_class(box, "compare-derived")
    picture = by_class(box, "compare-map")
    assert set(FILTERS) <= set(shown.options)
    assert picture.value.startswith('<img src="data:image/png;base64,iVBORw0KGgo')
    assert 'alt="Similarity map of ultimas-noticias (rows) against xi-keynote' in picture.value
    first_state, first_page = state_of(view), view.value
    assert first_state.endswith("|ultimas-noticias|xi-keynote|all")
    assert "Trimming your feet" in visible(first_page)

    shown.value = "changed numbers"
    assert state_of(view) != first_state and "98,99th" in visible(view.value)
    assert "Trimming your feet" not in visible(view.value)
    shown.value = "left out"
    assert "In the same vein, democracy is the right of all peoples" in view.value

    later.value = "globalsecurity"
    assert "|globalsecurity|xi-keynote|left out" in state_of(view)
    shown.value = "quotations"
    assert "universally-recognized" in visible(view.value)


def test_pasted_text_is_compared(corpus):
    box = compare_versions(corpus, derived="ultimas-noticias", source="xi-keynote")
    view = by_class(box, "compare-view")
    by_class(box, "compare-derived").value = PASTE
    area = next(
        w for w in box.children if isinstance(w, widgets.Textarea) and "later" in w.placeholder
    )
    assert area.layout.display == ""
    area.value = "The choice is in our hands and the responsibility falls on our shoulders."
    assert "verbatim (word for word)" in view.value


def test_map_html_escapes_its_text_alternative():
    page = map_html(b"\x89PNG", 'a "quoted" <b>name</b>')
    assert 'alt="a &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt;"' in page
    assert page.startswith('<img src="data:image/png;base64,iVBORw==')
