"""Words: how many a text has, counted with the lexicon's one word pattern."""

from __future__ import annotations

from helpers.text.lexicon import WORD


def count_words(text: str) -> int:
    """Number of words, counting "12.75", "1,500" and "don't" as one word each."""
    return len(WORD.findall(text))
