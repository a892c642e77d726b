"""Charts for corroboration: each source's figure for a claim, and the dates each text names.

Both return a matplotlib Figure (nothing is drawn on screen by the helper). Shape and a
text label carry every meaning; colour only repeats it. A chart draws at most MAX_CHART_ROWS
rows, so it stays readable for long or many texts; its title says what is left out.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.dates import date_span
from helpers.limits import MAX_CHART_ROWS, left_out_note

#: Fewest rows a family's panel keeps when several families share a chart's MAX_CHART_ROWS.
_MIN_PANEL_ROWS = 4

_MARKERS = {"over": (">", "more than / at least"), "under": ("<", "less than / up to"),
            "about": ("D", "about / nearly"), "exact": ("o", "exact")}  # fmt: skip


def _label(row: pd.Series) -> str:
    """Y-axis label of one figure: its text and publication date."""
    return f"{row['text_id']} ({row['published'] or 'date not stated'})"


def figures_by_source(claims: pd.DataFrame, families: list[int]) -> Figure:
    """One panel per family of `claims_table`: each source's figure as a marker whose shape
    gives its qualifier, labelled with the words the text uses and the claim's verdict.

    At most MAX_CHART_ROWS figures in all: each family's panel shows its first figures and its
    title says how many are left out (family_evidence lists them all)."""
    shown = families[: MAX_CHART_ROWS // _MIN_PANEL_ROWS]
    per_family = MAX_CHART_ROWS // max(1, len(shown))
    panels = {f: claims[claims["family"] == f] for f in shown}
    figure = Figure(figsize=(10, 1.2 + sum(
        1.0 + 0.45 * min(len(rows), per_family) for rows in panels.values())),
        layout="constrained")  # fmt: skip
    axes_list = figure.subplots(len(shown), 1, squeeze=False)[:, 0]
    for axes, (family, every) in zip(axes_list, panels.items(), strict=True):
        rows = every.head(per_family).reset_index(drop=True)
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
        cut = left_out_note(len(rows), len(every), "figures",
                            f"family_evidence(claims, {family}) lists them all")  # fmt: skip
        axes.set_title(f"Family {family}: {counted}" + (f"\n{cut}" if cut else ""),
                       fontsize=10, loc="left")  # fmt: skip
        axes.grid(axis="x", alpha=0.3)
    _legend(figure, axes_list, "marker shape = qualifier")
    drawn = [i for rows in panels.values() for i in rows.index[:per_family]]
    outlets = claims[claims.index.isin(drawn)].drop_duplicates("text_id")
    sources = "; ".join(f"{r.text_id} = {r.outlet or 'outlet not identified'}"
                        for r in outlets.itertuples())  # fmt: skip
    cut = left_out_note(len(shown), len(families), "families",
                        "draw the others in a chart of their own")  # fmt: skip
    figure.suptitle(f"Figures by source. Sources: {sources}" + (f"\n{cut}" if cut else ""),
                    fontsize=9, wrap=True)  # fmt: skip
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

    `dates` is the table of `helpers.analysis.dates.dates_by_text(corpus)`. At most
    MAX_CHART_ROWS texts (the first); the title says how many are left out."""
    every, corpus = corpus, corpus.head(MAX_CHART_ROWS)
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
    cut = left_out_note(len(corpus), len(every), "texts", "dates_by_text(corpus) lists the "
                        "dates of all of them")  # fmt: skip
    axes.set_title("Dates named in each text (helpers.analysis.dates) and publication dates "
                   "(data/sources.csv)" + (f"\n{cut}" if cut else ""), fontsize=10)  # fmt: skip
    axes.grid(axis="x", alpha=0.3)
    _legend(figure, [axes], "")
    return figure
