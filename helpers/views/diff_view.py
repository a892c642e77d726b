"""The word diff of `helpers.text.diffing` rendered as escaped HTML."""

from __future__ import annotations

import html
from typing import Literal

from helpers.text.diffing import diff_words


def diff_html(a: str, b: str, side: Literal["both", "a", "b"] = "both") -> str:
    """The word diff of a source text `a` into a derived text `b` as escaped HTML: removed
    text struck through in `<del>` after a [−] mark, added text underlined in `<ins>` after
    a [+] mark (marks and titles for readers who cannot see colour); `side` shows one text's
    view only ("a": the source's, "b": the derived text's)."""
    pieces = []
    for op, a_part, b_part in diff_words(a, b):
        if op == "equal":
            pieces.append(html.escape(a_part if side != "b" else b_part))
            continue
        if a_part and side != "b":
            pieces.append(
                '<span class="diff-mark">[−]</span><del title="removed" style="text-decoration: '
                f'line-through; background: #fde2e2; color: inherit">{html.escape(a_part)}</del>'
            )
        if b_part and side != "a":
            pieces.append(
                '<span class="diff-mark">[+]</span><ins title="added" style="text-decoration: '
                f'underline; background: #dff5e1; color: inherit">{html.escape(b_part)}</ins>'
            )
    return (
        '<span class="word-diff" style="white-space: pre-wrap; overflow-wrap: anywhere">'
        + "".join(pieces)
        + "</span>"
    )
