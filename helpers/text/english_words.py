"""A general English word list (SCOWL, shipped in `helpers/data/`) with US/UK spelling tags.

Detectors use it to tell a real word from two words glued together and to recognise
British and American spellings, without any list tailored to particular texts.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

WORD_LIST = Path(__file__).resolve().parent / "data" / "english_words.tsv.gz"


@cache
def _load() -> tuple[frozenset[str], dict[str, str]]:
    """All lowercase words, and the spelling variety ("US"/"UK") of those only one list has."""
    words: set[str] = set()
    variety: dict[str, str] = {}
    with gzip.open(WORD_LIST, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, _, tag = line.rstrip("\n").partition("\t")
            words.add(word)
            if tag:
                variety[word] = tag
    return frozenset(words), variety


def english_words() -> frozenset[str]:
    """About 65,000 lowercase English words (American and British spellings)."""
    return _load()[0]


def is_word(token: str) -> bool:
    """True if `token` (any case, possessive 's allowed) is a word of the list."""
    lowered = token.lower().removesuffix("'s").removesuffix("’s")
    return lowered in _load()[0]


def spelling_variety(token: str) -> str | None:
    """ "US" or "UK" for a spelling only one variety uses (colour/color), else None."""
    return _load()[1].get(token.lower())
