"""Charts for corroboration: each source's figure for a claim, and the dates each text names.

Both return a matplotlib Figure (nothing is drawn on screen by the helper). Shape and a
text label carry every meaning; colour only repeats it.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.dates import date_span

_MARKERS = {"over": (">", "more than / at least"), "under": ("<", "less than / up to"),
            "about": ("D", "about / nearly"), "exact": ("o", "exact")}  # fmt: skip


def _label(row: pd.Series) -> str:
    """Y-axis label of one figure: its text and publication date."""
    return f"{row['text_id']} ({row['published'] or 'date not stated'})"


def figures_by_source(claims: pd.DataFrame, families: list[int]) -> Figure:
    """One panel per family of `claims_table`: each source's figure as a marker whose shape
    gives its qualifier, labelled with the words the text uses and the claim's verdict."""
    figure = Figure(figsize=(10, 1.2 + sum(
        1.0 + 0.45 * (claims["family"] == f).sum() for f in families)), layout="constrained")
    axes_list = figure.subplots(len(families), 1, squeeze=False)[:, 0]
    for axes, family in zip(axes_list, families, strict=True):
        rows = claims[claims["family"] == family].reset_index(drop=True)
        for y, row in rows.iterrows():
            marker, meaning = _MARKERS[row["qualifier"]]
            high = row["high"] if pd.notna(row["high"]) else row["value"]
            axes.plot([row["value"], high], [y, y], color="tab:blue", linewidth=2)
            axes.scatter([row["value"]], [y], marker=marker, s=70, color="tab:blue",
                         label=meaning, zorder=3)  # fmt: skip
            note = f"  “{row['phrase']}”  [{row['verdict']}]"
            if row["flag"]:
                note += f"  flag: {row['flag']}"
            axes.annotate(note, (high, y), xytext=(6, -3), textcoords="offset points",
                          fontsize=8)  # fmt: skip
        axes.set_yticks(range(len(rows)), [_label(r) for _, r in rows.iterrows()], fontsize=8)
        axes.invert_yaxis()
        axes.set_ylim(len(rows) - 0.5, -0.7)
        low, top = rows["value"].min(), rows["high"].fillna(rows["value"]).max()
        axes.set_xlim(min(0, low), top * 1.9 if top > 0 else 1)
        counted = rows["counted"].iloc[0]
        axes.set_xlabel(f"stated value (unit: {counted}; kind: {rows['kind'].iloc[0]})")
        axes.set_title(f"Family {family}: {counted}", fontsize=10, loc="left")
        axes.grid(axis="x", alpha=0.3)
    _legend(figure, axes_list, "marker shape = qualifier")
    outlets = claims[claims["family"].isin(families)].drop_duplicates("text_id")
    sources = "; ".join(f"{r.text_id} = {r.outlet or 'outlet not identified'}"
                        for r in outlets.itertuples())  # fmt: skip
    figure.suptitle(f"Figures by source. Sources: {sources}", fontsize=9, wrap=True)
    return figure


def _legend(figure: Figure, axes_list, title: str) -> None:
    """One legend for the whole figure, below the panels, each entry once."""
    unique: dict = {}
    for axes in axes_list:
        handles, labels = axes.get_legend_handles_labels()
        unique.update(zip(labels, handles, strict=True))
    figure.legend(unique.values(), unique.keys(), loc="outside lower center", ncols=4,
                  fontsize=8, title=title, title_fontsize=8)  # fmt: skip


def dates_timeline(corpus: pd.DataFrame, dates: pd.DataFrame) -> Figure:
    """One row per text: the dates it names (dots for days, bars for months, years and
    ranges), its catalogue publication date (square), and how many dates stay unresolved.

    `dates` is the table of `helpers.analysis.dates.dates_by_text(corpus)`."""
    figure = Figure(figsize=(10, 1.2 + 0.8 * len(corpus)), layout="constrained")
    axes = figure.subplots()
    for y, (text_id, entry) in enumerate(corpus.iterrows()):
        mine = dates[dates["text_id"] == text_id]
        resolved = mine[mine["resolved"]]
        for row in resolved.itertuples():
            if row.first == row.last:
                axes.scatter([row.first], [y], marker="o", color="tab:blue", zorder=3,
                             label="date named in the text (day)")  # fmt: skip
            else:
                axes.plot([row.first, row.last], [y, y], linewidth=5, alpha=0.5,
                          color="tab:blue", solid_capstyle="butt",
                          label="month, year or range named in the text")  # fmt: skip
        span = date_span(entry["published"])
        if span and span[0] == span[1]:
            axes.scatter([span[0]], [y + 0.25], marker="s", color="tab:orange", zorder=3,
                         label="publication date (sources.csv)")  # fmt: skip
        elif span:
            axes.plot(span, [y + 0.25] * 2, linewidth=5, color="tab:orange", alpha=0.6,
                      solid_capstyle="butt", label="publication year only (sources.csv)")
        notes = [] if span else ["publication date not stated"]
        unresolved = len(mine) - len(resolved)
        if unresolved:
            notes.append(f"{unresolved} date(s) unresolved (no year, or day/month unclear)")
        if notes:
            axes.annotate("; ".join(notes), (0.01, y + 0.3), xycoords=("axes fraction", "data"),
                          fontsize=8)  # fmt: skip
    labels = [f"{t}\n({o or 'outlet not identified'})" for t, o in corpus["outlet"].items()]
    axes.set_yticks(range(len(corpus)), labels, fontsize=8)
    axes.set_ylim(len(corpus) - 0.4, -0.6)
    axes.set_xlabel("date (calendar year)")
    axes.set_title("Dates named in each text (helpers.analysis.dates) and publication dates "
                   "(data/sources.csv)", fontsize=10)  # fmt: skip
    axes.grid(axis="x", alpha=0.3)
    _legend(figure, [axes], "")
    return figure
