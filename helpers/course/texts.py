"""Course cells about particular texts skip politely when the module runs on another text set.

A teacher may point the module at their own texts (`COURSE_DATA_DIR`); cells of the numbered
course that are about the five delivered texts then say so in one line instead of failing.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
from IPython.display import display


def missing_texts(corpus: pd.DataFrame, *text_ids: str) -> list[str]:
    """The ids among `text_ids` that the loaded text set does not have, in the order given."""
    return [text_id for text_id in text_ids if text_id not in corpus.index]


def skipped_html(missing: list[str]) -> str:
    """The one friendly line shown instead of a cell that needs texts this set lacks."""
    names = ", ".join(html.escape(text_id) for text_id in missing)
    return (
        '<p class="texts-skipped" style="color:#555"><em>This cell is about the five delivered '
        f"texts; your text set does not have {names}, so it is skipped.</em></p>"
    )


def needs_texts(corpus: pd.DataFrame, *text_ids: str) -> bool:
    """True when every text is loaded; otherwise show one line saying the cell is skipped."""
    missing = missing_texts(corpus, *text_ids)
    if missing:
        display(widgets.HTML(skipped_html(missing)).add_class("texts-skipped"))
    return not missing
