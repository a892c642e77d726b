"""A timeline of the texts: when the events they report happened, and when each was published.

Publication dates in the catalogue may be partial ("2021", "2020-09") or missing; the chart
shows a partial date as a span covering every day it could be, and a missing one as a note,
so that uncertainty stays visible instead of being guessed away. A date a teacher reconstructed
(`published_basis` "inferred", from `with_inferred_dates`) is drawn hollow or dotted and
labelled as inferred. At most MAX_CHART_ROWS texts are drawn; the title says how many are
left out.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.dates import date_span
from helpers.limits import MAX_CHART_ROWS, left_out_note


def provenance_timeline(corpus: pd.DataFrame, events: pd.DataFrame) -> Figure:
    """One row per text: dots for the events it reports, a square (or a span, for a partial
    date) for its publication date, and a note where the publication date is not stated
    (the first MAX_CHART_ROWS texts only)."""
    every, corpus = corpus, corpus.head(MAX_CHART_ROWS)
    figure = Figure(figsize=(10, 0.8 + 0.7 * len(corpus)), layout="constrained")
    axes = figure.subplots()
    for row, (text_id, entry) in enumerate(corpus.iterrows()):
        reported = events.loc[events["text_id"] == text_id, "date"]
        axes.scatter(reported, [row - 0.12] * len(reported), marker="o", color="tab:blue",
                     label="event the text reports", zorder=3)
        span = date_span(entry["published"])
        inferred = entry.get("published_basis") == "inferred"
        label, spanned = (("inferred publication date", "inferred publication") if inferred
                          else ("published", "published"))  # fmt: skip
        if span is None:
            axes.annotate("publication date not stated", (reported.max(), row - 0.12),
                          xytext=(8, -3), textcoords="offset points", fontsize=8)
        elif span[0] == span[1]:
            axes.scatter([span[0]], [row + 0.12], marker="s", zorder=3, label=label,
                         color="white" if inferred else "tab:orange", edgecolors="tab:orange")
        else:
            axes.plot(span, [row + 0.12] * 2, linewidth=6, color="tab:orange", alpha=0.5,
                      linestyle=":" if inferred else "-", solid_capstyle="butt",
                      label=f"{spanned} (somewhere in this span)")
    axes.set_yticks(range(len(corpus)), list(corpus.index))
    axes.invert_yaxis()
    axes.set_xlabel("Date")
    cut = left_out_note(len(corpus), len(every), "texts", "the tables of load_corpus() and "
                        "load_events() list them all")  # fmt: skip
    axes.set_title("Events reported and publication dates (data/events.csv, data/sources.csv)"
                   + (f"\n{cut}" if cut else ""))  # fmt: skip
    axes.grid(axis="x", alpha=0.3)
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    axes.legend(unique.values(), unique.keys(), loc="upper left", fontsize=8)
    return figure
