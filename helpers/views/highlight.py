"""Show a text with marked spans as safe HTML: every mark carries a visible, numbered label.

Any notebook can pass its own spans (traces, vague attributions, quotations). The text and
labels are escaped, marks are outlined and labelled so colour is never the only cue, and
long lines wrap. `span_viewer` puts this view in a widget where students pick a text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping

import ipywidgets as widgets
import pandas as pd

Span = tuple[int, int, str]

_STYLE = (
    "<style>.hl-text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:62em;"
    "line-height:1.6;font-family:Georgia,serif;font-size:15px}"
    ".hl-text mark{background:#fff3b0;color:#000;border-bottom:2px solid #7a5c00;padding:0 1px}"
    ".hl-label{font:bold 11px sans-serif;color:#fff;background:#333;border-radius:3px;"
    "padding:0 3px;margin-left:2px;white-space:nowrap}"
    ".hl-table td,.hl-table th{padding:2px 8px;vertical-align:top;text-align:left;"
    "border-bottom:1px solid #ccc}</style>"
)


def _as_spans(spans: pd.DataFrame | Iterable[Span], label_column: str) -> list[Span]:
    """(start, end, label) triples from a DataFrame (start, end, `label_column`) or tuples."""
    if isinstance(spans, pd.DataFrame):
        rows = spans[["start", "end", label_column]].itertuples(index=False)
        return [(int(s), int(e), str(label)) for s, e, label in rows]
    return [(int(s), int(e), str(label)) for s, e, label in spans]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Merge overlapping spans into one, joining their distinct labels with ' + '."""
    merged: list[list] = []
    for start, end, label in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if label not in last[2]:
                last[2].append(label)
        else:
            merged.append([start, end, [label]])
    return [(start, end, " + ".join(labels)) for start, end, labels in merged]


def highlight_html(
    text: str, spans: pd.DataFrame | Iterable[Span], label_column: str = "kind"
) -> str:
    """`text` as escaped HTML with each span in a numbered <mark> followed by its label.

    `spans` is a DataFrame with start, end and `label_column`, or (start, end, label) tuples;
    overlapping spans are merged, and marks are numbered in `merge_spans` order.
    """
    if any(not 0 <= s <= e <= len(text) for s, e, _ in _as_spans(spans, label_column)):
        raise ValueError("a span lies outside the text")
    pieces, position = [], 0
    for number, (start, end, label) in enumerate(merge_spans(_as_spans(spans, label_column)), 1):
        tag = f"{number} {label}"
        pieces.append(html.escape(text[position:start]))
        pieces.append(
            f'<mark title="{html.escape(tag)}">{html.escape(text[start:end])}</mark>'
            f'<span class="hl-label" aria-label="mark {html.escape(tag)}">'
            f"[{html.escape(tag)}]</span>"
        )
        position = end
    pieces.append(html.escape(text[position:]))
    return f'{_STYLE}<div class="hl-text">{"".join(pieces)}</div>'


def _numbered(spans: list[Span], notes: list[str]) -> list[tuple[int, Span, str]]:
    """Each span with the number of the merged mark that holds it, in text order."""
    merged = merge_spans(spans)
    numbered = []
    for span, note in sorted(zip(spans, notes, strict=True)):
        number = next(i for i, (s, e, _) in enumerate(merged, 1) if s <= span[0] and span[1] <= e)
        numbered.append((number, span, note))
    return numbered


def span_view_html(
    text: str, spans: pd.DataFrame, label_column: str = "kind", note_column: str = "explanation"
) -> str:
    """A summary line, the highlighted text (scrollable) and a numbered table of the spans."""
    found = spans[spans["end"] > spans["start"]]
    if found.empty:
        return f"<p><strong>Nothing found.</strong></p>{highlight_html(text, [])}"
    triples = _as_spans(found, label_column)
    counts = found[label_column].value_counts()
    summary = ", ".join(f"{n} × {html.escape(str(k))}" for k, n in counts.items())
    rows = "".join(
        f"<tr><td>{number}</td><td>{html.escape(text[s:e])}</td><td>{html.escape(label)}</td>"
        f"<td>{html.escape(note)}</td></tr>"
        for number, (s, e, label), note in _numbered(
            triples, found[note_column].astype(str).tolist()
        )
    )
    return (
        f"<p><strong>{len(found)} found:</strong> {summary}</p>"
        '<div tabindex="0" role="region" aria-label="Text with marked passages" '
        'style="max-height:32em;overflow-y:auto;border:1px solid #999;padding:6px">'
        f"{highlight_html(text, triples)}</div>"
        '<table class="hl-table" style="border-collapse:collapse;max-width:62em;'
        'white-space:normal"><thead><tr><th>#</th><th>passage</th><th>what</th>'
        f"<th>why it matters</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def span_viewer(
    texts: Mapping[str, str],
    find: Callable[[str], pd.DataFrame],
    label_column: str = "kind",
    note_column: str = "explanation",
) -> widgets.VBox:
    """Pick a text and a kind; see what `find(text)` marks in it (HTML only, nothing printed)."""
    found = {text_id: find(text) for text_id, text in texts.items()}
    choice = widgets.Dropdown(options=list(texts), description="Text:").add_class(
        "span-viewer-text"
    )
    kinds = widgets.Dropdown(description="Show:").add_class("span-viewer-kind")
    view = widgets.HTML().add_class("span-viewer-view")

    def show(_change: object = None) -> None:
        spans = found[choice.value]
        labels = ["all", *sorted(set(spans[label_column]))]
        if list(kinds.options) != labels:
            kinds.unobserve(show, names="value")
            kinds.options = labels
            kinds.value = "all"
            kinds.observe(show, names="value")
        if kinds.value not in (None, "all"):
            spans = spans[spans[label_column] == kinds.value]
        view.value = span_view_html(texts[choice.value], spans, label_column, note_column)

    choice.observe(show, names="value")
    kinds.observe(show, names="value")
    show()
    controls = widgets.HBox([choice, kinds])
    return widgets.VBox([controls, view], layout={"max_width": "1200px"}).add_class("span-viewer")
