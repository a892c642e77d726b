"""Bar chart of how often each text uses each term (the table from `term_frequencies`).

At most one text per hatching pattern and twice MAX_CHART_ROWS bars (a bar is about half as
tall as a row of labels in the other charts), so the chart stays readable for many texts or
terms; the title says what is left out.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.limits import MAX_CHART_ROWS, left_out_note

_HATCHES = ("", "//", "..", "xx", "\\\\", "--", "++", "oo")


def plot_term_frequencies(table: pd.DataFrame, title: str, sources: str) -> Figure:
    """Grouped horizontal bars of a `term_frequencies` table; hatching tells texts apart too.

    `sources` names the texts (and their outlets) under the chart. Only the first texts
    (columns) and terms (rows) are drawn when there are more than the limits above.
    """
    every = table
    table = table.iloc[:, : len(_HATCHES)]
    table = table.head(max(1, 2 * MAX_CHART_ROWS // max(1, len(table.columns))))
    cuts = [left_out_note(len(table.columns), len(every.columns), "texts",
                          "chart the others apart"),
            left_out_note(len(table), len(every), "terms", "the table lists them all")]  # fmt: skip
    title = "\n".join([title, *filter(None, cuts)])
    bars = len(table) * max(1, len(table.columns))
    fig = Figure(figsize=(9, 1.6 + 0.22 * bars), layout="constrained")
    ax = fig.subplots()
    height = 0.8 / max(1, len(table.columns))
    positions = range(len(table))
    for i, column in enumerate(table.columns):
        ax.barh(
            [p + i * height for p in positions],
            table[column],
            height=height,
            label=column,
            hatch=_HATCHES[i % len(_HATCHES)],
            edgecolor="black",
        )
    ax.set_yticks([p + height * (len(table.columns) - 1) / 2 for p in positions], table.index)
    ax.invert_yaxis()
    ax.set_xlabel("occurrences per 1,000 words")
    ax.set_title(title)
    ax.legend(title="text", loc="lower right")
    fig.supxlabel(f"Sources: {sources}", fontsize=8, x=0.01, ha="left", wrap=True)
    return fig
