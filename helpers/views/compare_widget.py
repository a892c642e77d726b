"""The compare widget: pick a later and an earlier text (or paste one), see each later
sentence beside the earlier sentence it comes from, with word differences, filters and a
similarity map.

The pure functions (`filter_trace`, `changed_numbers`, `view_html`, `similarity_png`) do the
work and are tested; `compare_versions` only wires them to controls. Traces are cached per
pair of texts (`helpers.analysis.tracing`), maps per pair here, so a change of filter
answers at once.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers.analysis.claims import figure_pairs
from helpers.analysis.tracing import CLOSE, PARAPHRASE, candidate_scores, left_out, trace_sources
from helpers.limits import MAX_WORDS
from helpers.problems import CourseProblem
from helpers.text.sentences import split_sentences
from helpers.text.words import count_words
from helpers.views.diff_view import diff_html

FILTERS = ("all", "changed numbers", "quotations", "no source", "left out")
PASTE = "(paste a text)"
# The map has at most this many cells per side; longer texts share a cell between several
# sentences (the cell shows their highest score), so the map never grows with the square of
# the texts.
MAP_CELLS = 300
# The table shows at most this many rows; a note says how many more the filter found.
ROWS_SHOWN = 300
_MARKERS = {
    "verbatim": ("o", "verbatim"),
    "close": ("s", "close"),
    "paraphrase": ("^", "paraphrase"),
}
_RELATION_LABELS = {
    "verbatim": "verbatim (word for word)",
    "close": "close (a few words differ)",
    "paraphrase": "paraphrase",
    "none": "none (no source found)",
}
LEGEND = (
    "<details class='compare-legend'><summary><strong>How to read the table</strong>"
    "</summary><p><strong>Score</strong> (0 to 1): how much of the later sentence's content "
    "the earlier sentence has, counting rare words, names and figures more than words every "
    "text on the topic uses. The <strong>relation</strong> follows from the score alone, so a "
    "higher score never shows a weaker relation: <em>verbatim</em> = 1.00 (every word, in "
    f"order); <em>close</em> = {CLOSE:.2f} or more (a few words differ); <em>paraphrase</em> "
    f"= {PARAPHRASE:.2f} or more (the same specific content in other words: a shared name, "
    "figure, rare word or run of words); <em>none</em> = below that (sentences that only "
    "share topic words stay below it). A paraphrase is a lead to check, not proof of "
    "copying. <strong>Quotation</strong>: the sentence quotes someone; <em>quoted words "
    "verbatim</em> says whether the quoted words stand, in order, in the earlier text; "
    "<em>left out silently</em> lists earlier sentences skipped inside one quotation without "
    "an ellipsis. <strong>Term in quotation marks</strong>: a short label or scare quote "
    "(\"soft power\"), not someone's words.</p></details>"
)
_MAP_CAPTION = (
    "<p><strong>Similarity map</strong> (below): later sentences from top to bottom, earlier "
    "sentences from left to right; darker cells have higher scores (the same scores as the "
    "table); a circle, square or triangle marks the source the tool chose (verbatim, close, "
    "paraphrase). A diagonal of markers means the later text follows the earlier one in "
    f"order. Long texts share a cell between neighbouring sentences (at most {MAP_CELLS} "
    "cells a side), showing the highest score among them.</p>"
)
_TABLE_STYLE = (
    "<style>.compare-table{width:100%;table-layout:fixed;border-collapse:collapse;"
    "font-size:14px;line-height:1.45}.compare-table th,.compare-table td{border:1px solid #bbb;"
    "padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere;"
    "white-space:normal}.compare-table th{background:#eee}.compare-versions "
    ".widget-html-content{line-height:1.45;white-space:normal}</style>"
)


def check_pasted(text: str, side: str) -> str:
    """`text` if it is within the size limit, else a CourseProblem saying what to do."""
    words = count_words(text)
    if words > MAX_WORDS:
        raise CourseProblem(
            f"The {side} text you pasted has {words:,} words; the comparison takes at most "
            f"{MAX_WORDS:,}. Paste a shorter part (a chapter or an article), or split the text "
            "and compare it part by part."
        )
    return text


def problem_html(problem: CourseProblem) -> str:
    """A problem as a short message in the page (never a traceback)."""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problem.problems)
    return (f"<div class='compare-problem' role='alert'><strong>Cannot compare:</strong>"
            f"<ul>{items}</ul></div>")  # fmt: skip


def changed_numbers(trace: pd.DataFrame, derived: str, source: str) -> pd.Series:
    """For each row of `trace` (the whole `trace_sources(derived, source)` table): True when a
    figure of the later sentence is paired with a source figure of another value, or has none
    counting the same thing in its traced source (`figure_pairs`, as the claims table reads
    figures)."""
    pairs = figure_pairs(derived, source, trace)
    flagged = pairs.loc[pairs["status"].isin(["changed", "unpaired"]), "derived_start"].tolist()
    keep = [any(start <= at < end for at in flagged)
            for start, end in zip(trace["derived_start"], trace["derived_end"], strict=True)]
    return pd.Series(keep, index=trace.index, dtype=bool)


def filter_trace(trace: pd.DataFrame, kind: str, derived: str = "", source: str = ""
                 ) -> pd.DataFrame:  # fmt: skip
    """Rows of a trace table a filter keeps (`kind` is one of FILTERS except "left out");
    "changed numbers" needs the two texts the trace was made from."""
    if kind == "all":
        return trace
    if kind == "changed numbers":
        return trace[changed_numbers(trace, derived, source)]
    if kind == "quotations":
        return trace[trace["in_quotes"]]
    if kind == "no source":
        return trace[trace["relation"] == "none"]
    raise ValueError(f"unknown filter {kind!r}; choose one of {', '.join(FILTERS)}")


def _flags(row) -> str:
    """Quotation facts and quoted terms of one row, in words."""
    terms = ""
    if len(row.terms):
        shown = ", ".join(html.escape(t) for t in row.terms)
        terms = f"<br>term in quotation marks (not a quotation): {shown}"
    if not row.in_quotes:
        return terms
    words = "quoted words verbatim" if row.verbatim else "quoted words NOT verbatim"
    text = f"<br>quotation: {words}"
    if row.omitted_before:
        listed = "".join(f"<li>{html.escape(s)}</li>" for s in row.omitted_before)
        text += f"<br>left out silently before it:<ul>{listed}</ul>"
    return text + terms


def _trace_table(rows: pd.DataFrame) -> str:
    """Side-by-side table of derived sentences and their sources, word differences marked."""
    body = []
    for number, row in zip(rows.index, rows.itertuples(index=False), strict=True):
        if row.source is None:
            later, earlier = html.escape(row.derived), "<em>(no source sentence found)</em>"
        else:
            later = diff_html(row.source, row.derived, side="b")
            earlier = diff_html(row.source, row.derived, side="a")
        if row.also_from:
            earlier += "<br><em>also draws on:</em> " + " ".join(
                html.escape(s) for s in row.also_from
            )
        body.append(
            f"<tr><td>{number + 1}</td><td>{later}</td><td>{earlier}</td>"
            f"<td>{_RELATION_LABELS[row.relation]}{_flags(row)}</td><td>{row.score:.2f}</td></tr>"
        )
    head = (
        "<tr><th style='width:4%'>#</th><th style='width:36%'>Later text: sentence "
        "([+] added)</th><th style='width:36%'>Earlier text: its source ([−] removed)</th>"
        "<th style='width:16%'>Relation</th><th style='width:8%'>Score</th></tr>"
    )
    return f"<table class='compare-table'>{head}{''.join(body)}</table>"


def _left_out_table(rows: pd.DataFrame) -> str:
    """Table of source sentences nothing in the later text comes from."""
    body = "".join(
        f"<tr><td>{n + 1}</td><td>{html.escape(text)}</td></tr>"
        for n, text in zip(rows["source_index"], rows["source"], strict=True)
    )
    head = (
        "<tr><th style='width:8%'>Earlier #</th>"
        "<th>Earlier sentence that the later text does not use</th></tr>"
    )
    return f"<table class='compare-table'>{head}{body}</table>"


def view_html(trace: pd.DataFrame, dropped: pd.DataFrame, kind: str, state: str,
              derived: str = "", source: str = "") -> str:  # fmt: skip
    """The whole view for one filter: a summary line, then the table; `state` goes into a
    `data-state` attribute so a browser test can tell one update from the next. `derived`
    and `source` are the texts compared (the "changed numbers" filter reads their figures)."""
    counts = trace["relation"].value_counts()
    summary = ", ".join(f"{counts.get(r, 0)} {r}" for r in _RELATION_LABELS)
    intro = (
        f"<p><strong>{len(trace)} sentences</strong> in the later text: {summary}. "
        f"<strong>{len(dropped)}</strong> sentences of the earlier text are not used.</p>"
    )
    if kind == "left out":
        shown, table = len(dropped), _left_out_table(dropped.head(ROWS_SHOWN))
    else:
        rows = filter_trace(trace, kind, derived, source)
        shown, table = len(rows), _trace_table(rows.head(ROWS_SHOWN))
    note = f"<p>Filter <strong>{html.escape(kind)}</strong>: {shown} rows.</p>"
    if kind == "changed numbers":
        note += ("<p>Later sentences with a figure whose value differs from the earlier "
                 "sentence's figure for the same thing, or that the earlier sentence does not "
                 "have at all (as the claims table pairs figures).</p>")  # fmt: skip
    if shown > ROWS_SHOWN:
        note += (f"<p class='compare-cut'><strong>Only the first {ROWS_SHOWN} of {shown} rows "
                 f"are shown</strong>; {shown - ROWS_SHOWN} more are left out here. Choose a "
                 "filter, or compare shorter texts, to see them.</p>")  # fmt: skip
    return (
        f"<div class='compare-view-state' data-state='{html.escape(state, quote=True)}'>"
        f"{_TABLE_STYLE}{intro}{LEGEND}{note}{table}</div>"
    )


def map_cells(derived: str, source: str) -> tuple[np.ndarray, int, int]:
    """The map's data: a matrix of tracing's own scores (`candidate_scores`, the ones the
    table shows), later sentences as rows and earlier ones as columns, binned so neither
    side has more than MAP_CELLS cells (a cell keeps the highest score of its sentences);
    plus the number of later and earlier sentences. Pairs tracing never scored are 0."""
    later, earlier = len(split_sentences(derived)), len(split_sentences(source))
    rows, columns = min(max(later, 1), MAP_CELLS), min(max(earlier, 1), MAP_CELLS)
    cells = np.zeros((rows, columns))
    scores = candidate_scores(derived, source)
    if len(scores):
        r = scores["derived_index"].to_numpy() * rows // max(later, 1)
        c = scores["source_index"].to_numpy() * columns // max(earlier, 1)
        np.maximum.at(cells, (r, c), scores["score"].to_numpy(float))
    return cells, later, earlier


def similarity_png(derived: str, source: str) -> bytes:
    """PNG of a map: later sentences (rows) by earlier sentences (columns), shaded by
    tracing's scores (`map_cells`), with the traced source of each later sentence marked
    by relation."""
    cells, later, earlier = map_cells(derived, source)
    trace = trace_sources(derived, source)
    number_at = {s.start: n for n, s in enumerate(split_sentences(source))}
    figure = Figure(figsize=(9, 4.5), dpi=80)
    figure.subplots_adjust(left=0.08, right=0.99, bottom=0.11, top=0.86)
    axes = figure.add_subplot()
    image = axes.imshow(
        cells, cmap="Greys", vmin=0, vmax=1, aspect="auto", interpolation="nearest",
        extent=(-0.5, max(earlier, 1) - 0.5, max(later, 1) - 0.5, -0.5),
    )  # fmt: skip
    figure.colorbar(image, ax=axes, label="score (as in the table)")
    handles = []
    for relation, (marker, label) in _MARKERS.items():
        rows = trace[trace["relation"] == relation]
        columns = [number_at[start] for start in rows["source_start"]]
        axes.scatter(columns, rows.index, marker=marker, facecolors="none",
                     edgecolors="tab:red", s=36)  # fmt: skip
        handles.append(Line2D([], [], marker=marker, linestyle="", markerfacecolor="none",
                              markeredgecolor="tab:red", label=label))  # fmt: skip
    axes.set_xlim(-0.5, max(earlier, 1) - 0.5)
    axes.set_ylim(max(later, 1) - 0.5, -0.5)
    axes.set_xlabel("earlier text: sentence number (from 0)")
    axes.set_ylabel("later text: sentence number (from 0)")
    axes.set_title("Where each later sentence comes from", loc="left", pad=18)
    figure.legend(handles=handles, loc="upper right", ncols=3, fontsize="small",
                  title="traced source, by relation", title_fontsize="small")  # fmt: skip
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


_cached_png = lru_cache(maxsize=16)(similarity_png)


def map_html(png: bytes, alt: str) -> str:
    """The map as an <img> with a text alternative (an ipywidgets Image cannot carry one,
    which leaves screen-reader users with an unlabelled picture)."""
    encoded = base64.b64encode(png).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt, quote=True)}" '
        'style="width:100%;max-width:900px;height:auto">'
    )


def _options(corpus: pd.DataFrame) -> list[tuple[str, str]]:
    """Dropdown entries: every text by id and title, then the paste option."""
    entries = [(f"{tid}: {str(title)[:60]}", tid) for tid, title in corpus["title"].items()]
    return [*entries, (PASTE, PASTE)]


def compare_versions(
    corpus: pd.DataFrame, derived: str | None = None, source: str | None = None
) -> widgets.VBox:
    """Widget comparing a later text (`derived`, a text_id) with an earlier one (`source`)
    among the texts of `corpus` (the table of `load_corpus`), or pasted texts."""
    ids = list(corpus.index)
    options = _options(corpus)
    derived_choice = widgets.Dropdown(
        options=options, value=derived or ids[0], description="Later text:",
        layout={"width": "48%"}, style={"description_width": "initial"},
    )  # fmt: skip
    source_choice = widgets.Dropdown(
        options=options, value=source or ids[min(1, len(ids) - 1)], description="Earlier text:",
        layout={"width": "48%"}, style={"description_width": "initial"},
    )  # fmt: skip
    shown = widgets.Dropdown(options=FILTERS, value="all", description="Show:")
    pasted = {
        side: widgets.Textarea(
            placeholder=f"Paste the {side} text here", description=f"{side.capitalize()}:",
            continuous_update=False, layout={"width": "98%", "height": "8em", "display": "none"},
        )
        for side in ("later", "earlier")
    }  # fmt: skip
    view = widgets.HTML(layout={"width": "100%"})
    caption = widgets.HTML(_MAP_CAPTION)
    picture = widgets.HTML(layout={"width": "100%"})
    counter = itertools.count(1)

    def text_of(choice: widgets.Dropdown, side: str) -> str:
        area = pasted[side]
        area.layout.display = "" if choice.value == PASTE else "none"
        if choice.value == PASTE:
            return check_pasted(area.value, side)
        return corpus.loc[choice.value, "text"]

    def update(_change=None) -> None:
        try:
            later = text_of(derived_choice, "later")
            earlier = text_of(source_choice, "earlier")
        except CourseProblem as problem:
            view.value, picture.value = problem_html(problem), ""
            return
        state = f"{next(counter)}|{derived_choice.value}|{source_choice.value}|{shown.value}"
        view.value = view_html(
            trace_sources(later, earlier), left_out(later, earlier), shown.value, state,
            later, earlier,
        )
        alt = (f"Similarity map of {derived_choice.value} (rows) against {source_choice.value} "
               "(columns); the caption above explains how to read it.")
        # After the view, which the reader sees first.
        picture.value = map_html(_cached_png(later, earlier), alt)

    for control in (derived_choice, source_choice, shown, *pasted.values()):
        control.observe(update, names="value")
    for control, name in ((derived_choice, "compare-derived"), (source_choice, "compare-source"),
                          (shown, "compare-filter"), (view, "compare-view"),
                          (picture, "compare-map")):  # fmt: skip
        control.add_class(name)
    update()
    box = widgets.VBox(
        [
            widgets.HBox([derived_choice, source_choice], layout={"flex_flow": "row wrap"}),
            pasted["later"],
            pasted["earlier"],
            shown,
            view,
            caption,
            picture,
        ],
        layout={"width": "100%", "max_width": "1240px"},
    )
    box.add_class("compare-versions")
    return box
