"""Spans of a text: the sentence around an offset, and spans claimed without overlap.

Both answer in logarithmic or amortised constant time per span, so the detectors that ask for
every figure or date stay near-linear on long texts.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import TypeVar

from helpers.text.sentences import Sentence, split_sentences

T = TypeVar("T")


class SentenceFinder:
    """The sentences of a text, and the one holding any offset (found by bisection)."""

    def __init__(self, text: str) -> None:
        self.sentences = split_sentences(text)
        self._starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        """The sentence with `start <= offset < end`, or None between sentences."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self.sentences[index].end:
            return None
        return self.sentences[index]

    def text_at(self, offset: int) -> str:
        """The text of the sentence holding `offset`, or "" between sentences."""
        sentence = self.at(offset)
        return sentence.text if sentence else ""


class Claimed:
    """Character spans already taken, so no character is counted by two detectors."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def free(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
        """The items whose `span(item)` overlaps no span taken before nor an earlier item;
        `items` come in order of their start (as `finditer` gives them). One pass over both
        lists; nothing is taken."""
        accepted: list[T] = []
        taken = self._spans
        j, last_end = 0, -1
        for item in items:
            start, end = span(item)
            while j < len(taken) and taken[j][1] <= start:
                j += 1
            if (j < len(taken) and taken[j][0] < end) or start < last_end:
                continue
            accepted.append(item)
            last_end = end
        return accepted

    def take(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
        """`free(items, span)`, and their spans are taken."""
        accepted = self.free(items, span)
        self._spans = sorted(self._spans + [span(item) for item in accepted])
        return accepted


class Covered:
    """Offsets covered by any of some spans (merged once, then found by bisection)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        """True if some covered offset lies in `start:end`."""
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start
