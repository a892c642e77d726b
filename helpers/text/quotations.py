"""Where quotations are: one rule shared by source tracing and the translation-trace finder.

Machine translation and copying leave quotation marks reversed, detached or missing, so marks
are paired in order whichever way they face, and an unclosed quotation ends with its paragraph.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"[\"“”„«»]|(?<!\w)‘|’(?!\w)|\n")

def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` inside double quotation marks (straight, curly or guillemets, paired in
    order whichever way they face, as machine translation leaves them) or curly single
    marks; a quotation whose closing mark is missing runs to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    double: int | None = None
    single: int | None = None
    for match in _MARK.finditer(text):
        mark, where = match.group(0), match.start()
        if mark == "\n":
            spans.extend((start, where) for start in (double, single) if start is not None)
            double = single = None
        elif mark == "‘":
            single = where if double is None else single
        elif mark == "’":
            if single is not None:
                spans.append((single, where + 1))
            single = None
        elif double is None:
            double = where
        else:
            spans.append((double, where + 1))
            double = None
    spans.extend((start, len(text)) for start in (double, single) if start is not None)
    return sorted(spans)
