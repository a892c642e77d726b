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
import re
from functools import lru_cache

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from rapidfuzz import fuzz, process

from helpers.analysis.tracing import left_out, trace_sources
from helpers.text.diffing import diff_words
from helpers.text.sentences import split_sentences
from helpers.views.diff_view import diff_html

FILTERS = ("all", "changed numbers", "quotations", "no source", "left out")
PASTE = "(paste a text)"
_DIGIT = re.compile(r"\d")
# Beyond this many sentence pairs the map shows only the traced matches, not every score.
_MAP_CELLS = 250_000
# Word-set similarity below this (in %) is common to any two sentences on one topic: blank.
_MAP_CUTOFF = 55
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
_MAP_CAPTION = (
    "<p><strong>Similarity map</strong> (below): later sentences from top to bottom, earlier "
    "sentences from left to right; darker cells are more similar sentences; a circle, square "
    "or triangle marks the source the tool chose (verbatim, close, paraphrase). A diagonal "
    "of markers means the later text follows the earlier one in order. The table above gives "
    "the same matches in words.</p>"
)
_TABLE_STYLE = (
    "<style>.compare-table{width:100%;table-layout:fixed;border-collapse:collapse;"
    "font-size:14px;line-height:1.45}.compare-table th,.compare-table td{border:1px solid #bbb;"
    "padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere;"
    "white-space:normal}.compare-table th{background:#eee}.compare-versions "
    ".widget-html-content{line-height:1.45;white-space:normal}</style>"
)


def changed_numbers(derived: str, source: str | None) -> bool:
    """True when a word that differs between the two sentences holds a digit."""
    if source is None:
        return False
    return any(
        op != "equal" and (_DIGIT.search(a_part) or _DIGIT.search(b_part))
        for op, a_part, b_part in diff_words(source, derived)
    )


def filter_trace(trace: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Rows of a trace table a filter keeps (`kind` is one of FILTERS except "left out")."""
    if kind == "all":
        return trace
    if kind == "changed numbers":
        keep = [
            changed_numbers(d, s) for d, s in zip(trace["derived"], trace["source"], strict=True)
        ]
        return trace[pd.Series(keep, index=trace.index, dtype=bool)]
    if kind == "quotations":
        return trace[trace["in_quotes"]]
    if kind == "no source":
        return trace[trace["relation"] == "none"]
    raise ValueError(f"unknown filter {kind!r}; choose one of {', '.join(FILTERS)}")


def _flags(row) -> str:
    """Quotation facts of one row, in words."""
    if not row.in_quotes:
        return ""
    words = "quoted words verbatim" if row.verbatim else "quoted words NOT verbatim"
    text = f"<br>quotation: {words}"
    if row.omitted_before:
        listed = "".join(f"<li>{html.escape(s)}</li>" for s in row.omitted_before)
        text += f"<br>left out silently before it:<ul>{listed}</ul>"
    return text


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


def view_html(trace: pd.DataFrame, dropped: pd.DataFrame, kind: str, state: str) -> str:
    """The whole view for one filter: a summary line, then the table; `state` goes into a
    `data-state` attribute so a browser test can tell one update from the next."""
    counts = trace["relation"].value_counts()
    summary = ", ".join(f"{counts.get(r, 0)} {r}" for r in _RELATION_LABELS)
    intro = (
        f"<p><strong>{len(trace)} sentences</strong> in the later text: {summary}. "
        f"<strong>{len(dropped)}</strong> sentences of the earlier text are not used.</p>"
    )
    if kind == "left out":
        shown, table = len(dropped), _left_out_table(dropped)
    else:
        rows = filter_trace(trace, kind)
        shown, table = len(rows), _trace_table(rows)
    note = f"<p>Filter <strong>{html.escape(kind)}</strong>: {shown} rows.</p>"
    return (
        f"<div class='compare-view-state' data-state='{html.escape(state, quote=True)}'>"
        f"{_TABLE_STYLE}{intro}{note}{table}</div>"
    )


def similarity_png(derived: str, source: str) -> bytes:
    """PNG of a map: later sentences (rows) by earlier sentences (columns), shaded by
    similarity, with the traced source of each later sentence marked by relation."""
    later = [s.text for s in split_sentences(derived)]
    earlier_sentences = split_sentences(source)
    earlier = [s.text for s in earlier_sentences]
    number_at = {s.start: n for n, s in enumerate(earlier_sentences)}
    trace = trace_sources(derived, source)
    figure = Figure(figsize=(9, 4.5), dpi=80)
    figure.subplots_adjust(left=0.08, right=0.99, bottom=0.11, top=0.86)
    axes = figure.add_subplot()
    if later and earlier and len(later) * len(earlier) <= _MAP_CELLS:
        scores = process.cdist(
            later, earlier, scorer=fuzz.token_set_ratio, score_cutoff=_MAP_CUTOFF, workers=1
        )
        image = axes.imshow(
            scores / 100, cmap="Greys", vmin=0, vmax=1, aspect="auto",
            interpolation="nearest",
        )  # fmt: skip
        figure.colorbar(
            image, ax=axes, label=f"word-set similarity (blank below {_MAP_CUTOFF / 100})"
        )
    handles = []
    for relation, (marker, label) in _MARKERS.items():
        rows = trace[trace["relation"] == relation]
        columns = [number_at[start] for start in rows["source_start"]]
        axes.scatter(columns, rows.index, marker=marker, facecolors="none",
                     edgecolors="tab:red", s=36)  # fmt: skip
        handles.append(Line2D([], [], marker=marker, linestyle="", markerfacecolor="none",
                              markeredgecolor="tab:red", label=label))  # fmt: skip
    axes.set_xlim(-0.5, max(len(earlier), 1) - 0.5)
    axes.set_ylim(max(len(later), 1) - 0.5, -0.5)
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

    def text_of(choice: widgets.Dropdown, area: widgets.Textarea) -> str:
        area.layout.display = "" if choice.value == PASTE else "none"
        return area.value if choice.value == PASTE else corpus.loc[choice.value, "text"]

    def update(_change=None) -> None:
        later = text_of(derived_choice, pasted["later"])
        earlier = text_of(source_choice, pasted["earlier"])
        state = f"{next(counter)}|{derived_choice.value}|{source_choice.value}|{shown.value}"
        view.value = view_html(
            trace_sources(later, earlier), left_out(later, earlier), shown.value, state
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
