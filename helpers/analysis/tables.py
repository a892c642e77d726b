"""The table shapes the detectors share: one span table, and one way to run a detector over
every text of a corpus."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pandas as pd

#: Every span detector returns these columns first: offsets into the text it was given,
#: `surface == text[start:end]`, a kind, and what the span tells a reader.
SPAN_COLUMNS = ["start", "end", "surface", "kind", "explanation"]


def span_table(rows: Iterable[tuple], extra: list[str] | None = None) -> pd.DataFrame:
    """A span table from (start, end, surface, kind, explanation, *extra) rows, sorted by
    position (longest first where two start together), without repeated rows."""
    columns = [*SPAN_COLUMNS, *(extra or [])]
    unique = sorted(set(rows), key=lambda row: (row[0], -row[1], row[3]))
    return pd.DataFrame(unique, columns=columns)


def per_text(
    corpus: pd.DataFrame | Mapping[str, str] | pd.Series,
    finder: Callable[[str], pd.DataFrame],
    column: str = "text",
) -> pd.DataFrame:
    """`finder` run on every text, its tables stacked with a `text_id` column first.

    `corpus` is the loaded corpus (a DataFrame indexed by text id; `column` picks `text` or
    `raw`), or any mapping of text id to text."""
    texts = corpus[column] if isinstance(corpus, pd.DataFrame) else corpus
    frames = []
    for text_id, text in texts.items():
        table = finder(text)
        table.insert(0, "text_id", text_id)
        frames.append(table)
    if not frames:
        return pd.DataFrame(columns=["text_id"])
    return pd.concat(frames, ignore_index=True)
