"""Show a text with marked spans as safe HTML: every mark carries a visible, numbered label.

Any notebook can pass its own spans (traces, vague attributions, quotations). The text and
labels are escaped, marks are outlined and labelled so colour is never the only cue, and
long lines wrap. `span_viewer` puts this view in a widget where students pick a text; a text
longer than MAX_VIEW_CHARS is shown in parts, one at a time, with a note saying which part.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping

import ipywidgets as widgets
import pandas as pd

from helpers.limits import MAX_VIEW_CHARS, MAX_VIEW_MARKS, left_out_note

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
    text: str, spans: pd.DataFrame | Iterable[Span], label_column: str = "kind", first: int = 1
) -> str:
    """`text` as escaped HTML with each span in a numbered <mark> followed by its label.

    `spans` is a DataFrame with start, end and `label_column`, or (start, end, label) tuples;
    overlapping spans are merged, and marks are numbered in `merge_spans` order from `first`.
    """
    if any(not 0 <= s <= e <= len(text) for s, e, _ in _as_spans(spans, label_column)):
        raise ValueError("a span lies outside the text")
    pieces, position = [], 0
    merged = merge_spans(_as_spans(spans, label_column))
    for number, (start, end, label) in enumerate(merged, first):
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


def text_parts(
    text: str, spans: Iterable[Span], size: int = MAX_VIEW_CHARS, marks: int = MAX_VIEW_MARKS
) -> list[range]:
    """`text` cut into parts of about `size` characters, at a line break or space where one
    lies in the part's second half, never inside a mark (a part runs on to finish one); a
    part also ends after its `marks`-th mark."""
    merged = merge_spans(spans)
    starts = [s for s, _, _ in merged]
    parts, start = [], 0
    while start < len(text) or not parts:
        end = min(start + size, len(text))
        if end < len(text):
            half = start + size // 2
            cut = max(text.rfind("\n", half, end), text.rfind(" ", half, end))
            end = cut + 1 if cut >= 0 else end
            end = next((e for s, e, _ in merged if s < end < e), end)
        last = bisect_left(starts, start) + marks - 1
        if last < len(merged):
            end = min(end, merged[last][1])
        parts.append(range(start, end))
        start = end
    return parts


def _part_note(number: int, parts: list[range], length: int) -> str:
    """The note over one part of a long text: which characters it shows, how to see the rest."""
    how = (f"this is part {number + 1} of {len(parts)}, and the marks and the table below are "
           "this part's only; choose another part under “Part:” to see the rest")  # fmt: skip
    part = parts[number]
    return left_out_note(len(part), length, "characters", how, skipped=part.start)


def span_view_html(
    text: str,
    spans: pd.DataFrame,
    label_column: str = "kind",
    note_column: str = "explanation",
    part: int = 0,
) -> str:
    """A summary line, the highlighted text (scrollable) and a numbered table of the spans;
    of a text longer than MAX_VIEW_CHARS, only part number `part` (see `text_parts`)."""
    found = spans[spans["end"] > spans["start"]]
    triples = _as_spans(found, label_column)
    parts = text_parts(text, triples)
    shown = parts[part]
    cut = _part_note(part, parts, len(text)) if len(parts) > 1 else ""
    cut = f"<p class='hl-cut'><strong>{html.escape(cut)}</strong></p>" if cut else ""
    inside = [(s, e, label) for s, e, label in triples if shown.start <= s and e <= shown.stop]
    piece = text[shown.start : shown.stop]
    moved = [(s - shown.start, e - shown.start, label) for s, e, label in inside]
    first = 1 + len(merge_spans([t for t in triples if t[1] <= shown.start]))
    if found.empty:
        return f"<p><strong>Nothing found.</strong></p>{cut}{highlight_html(piece, [])}"
    counts = found[label_column].value_counts()
    summary = ", ".join(f"{n} × {html.escape(str(k))}" for k, n in counts.items())
    rows = "".join(
        f"<tr><td>{number}</td><td>{html.escape(text[s:e])}</td><td>{html.escape(label)}</td>"
        f"<td>{html.escape(note)}</td></tr>"
        for number, (s, e, label), note in _numbered(
            triples, found[note_column].astype(str).tolist()
        )
        if shown.start <= s and e <= shown.stop
    )
    return (
        f"<p><strong>{len(found)} found:</strong> {summary}</p>{cut}"
        '<div tabindex="0" role="region" aria-label="Text with marked passages" '
        'style="max-height:32em;overflow-y:auto;border:1px solid #999;padding:6px">'
        f"{highlight_html(piece, moved, first=first)}</div>"
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
    """Pick a text, a kind and (for a long text) a part; see what `find(text)` marks in it
    (HTML only, nothing printed)."""
    found = {text_id: find(text) for text_id, text in texts.items()}
    choice = widgets.Dropdown(options=list(texts), description="Text:").add_class(
        "span-viewer-text"
    )
    kinds = widgets.Dropdown(description="Show:").add_class("span-viewer-kind")
    part = widgets.Dropdown(description="Part:", layout={"display": "none"}).add_class(
        "span-viewer-part"
    )
    view = widgets.HTML().add_class("span-viewer-view")

    def offer(dropdown: widgets.Dropdown, options: list) -> None:
        """New options for a dropdown (first one chosen) without calling `show` meanwhile."""
        if list(dropdown.options) != options:
            dropdown.unobserve(show, names="value")
            dropdown.options = options
            dropdown.value = options[0][1] if isinstance(options[0], tuple) else options[0]
            dropdown.observe(show, names="value")

    def show(_change: object = None) -> None:
        spans = found[choice.value]
        offer(kinds, ["all", *sorted(set(spans[label_column]))])
        if kinds.value not in (None, "all"):
            spans = spans[spans[label_column] == kinds.value]
        text = texts[choice.value]
        parts = text_parts(text, _as_spans(spans[spans["end"] > spans["start"]], label_column))
        offer(part, [(f"{n} of {len(parts)}: characters {r.start + 1:,}–{r.stop:,}", n - 1)
                     for n, r in enumerate(parts, 1)])  # fmt: skip
        part.layout.display = "" if len(parts) > 1 else "none"
        view.value = span_view_html(text, spans, label_column, note_column, part.value)

    for control in (choice, kinds, part):
        control.observe(show, names="value")
    show()
    controls = widgets.HBox([choice, kinds, part])
    return widgets.VBox([controls, view], layout={"max_width": "1200px"}).add_class("span-viewer")
