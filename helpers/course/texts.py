"""Course cells about particular texts skip politely when the module runs on another text set.

A teacher may point the module at their own texts (`COURSE_DATA_DIR`); cells of the numbered
course that are about the five delivered texts, and questions of the bank that name them in
`texts`, then say so in one line instead of failing or asking about texts that are not there.
"""

from __future__ import annotations

import html
from collections.abc import Container, Iterable

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from helpers.paths import catalogue_ids


def _absent(loaded: Container[str], text_ids: Iterable[str]) -> list[str]:
    """The ids among `text_ids` that are not in `loaded`, in the order given."""
    return [text_id for text_id in text_ids if text_id not in loaded]


def missing_texts(corpus: pd.DataFrame, *text_ids: str) -> list[str]:
    """The ids among `text_ids` that the loaded text set does not have, in the order given."""
    return _absent(corpus.index, text_ids)


def skipped_html(missing: list[str]) -> str:
    """The one friendly line shown instead of a cell that needs texts this set lacks."""
    names = ", ".join(html.escape(text_id) for text_id in missing)
    return (
        '<p class="texts-skipped" style="color:#555"><em>This cell is about the five delivered '
        f"texts; your text set does not have {names}, so it is skipped.</em></p>"
    )


def _skipped(missing: list[str]) -> widgets.HTML:
    """The one-line message as a widget, with a stable CSS class."""
    return widgets.HTML(skipped_html(missing)).add_class("texts-skipped")


def needs_texts(corpus: pd.DataFrame, *text_ids: str) -> bool:
    """True when every text is loaded; otherwise show one line saying the cell is skipped."""
    missing = missing_texts(corpus, *text_ids)
    if missing:
        display(_skipped(missing))
    return not missing


def skipped_for_texts(text_ids: Iterable[str]) -> widgets.HTML | None:
    """The one-line message when the current data folder's catalogue lacks any of `text_ids`
    (a question about them is then not asked), else None."""
    missing = _absent(catalogue_ids(), text_ids)
    return _skipped(missing) if missing else None
