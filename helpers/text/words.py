"""Words: what the module counts as one word."""

from __future__ import annotations

import re

#: A word; numbers such as "12.75" or "1,500" and contractions such as "don't" stay whole.
WORD = re.compile(r"\w+(?:[’'.,-]\w+)*")


def count_words(text: str) -> int:
    """Number of words, counting "12.75", "1,500" and "don't" as one word each."""
    return len(WORD.findall(text))
