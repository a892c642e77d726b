"""Turn a stored file into reading text, keeping a map from every position back to the file.

Web and PDF copies break text in ways that are not the author's: a sentence cut by a page
break, Markdown bold markers, no-break spaces, ragged spacing. The files stay untouched;
these repairs happen in memory, and `ReadingText.to_raw` finds the original characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from helpers.text.lexicon import CONTINUING_WORDS

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_NO_BREAK_SPACE = re.compile("[\u00a0\u2007\u202f]")
_BOLD_MARKER = re.compile(r"\*\*|__")
_SPACE_RUN = re.compile(r"[ \t]{2,}")
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n)|(?<=\n)[ \t]+")
_LINE_BREAKS = re.compile(r"\r\n?")
_BLANK_RUN = re.compile(r"\n{3,}")
_BROKEN_LINE = re.compile(r"(?P<last>\w+[,;]?)\n+(?=(?P<next>\w))")


@dataclass(frozen=True)
class ReadingText:
    """Reading text plus `offsets`: `offsets[i]` is the position in `raw` of `text[i]`."""

    raw: str
    text: str
    offsets: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map the span `text[start:end]` to the span of `raw` it was made from."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside a text of length {len(self.text)}")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def _substitute(
    text: str, offsets: list[int], pattern: re.Pattern[str], replace: Callable[[re.Match], str]
) -> tuple[str, list[int]]:
    """Apply one regex substitution, carrying the offset map along."""
    pieces: list[str] = []
    new_offsets: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        replacement = replace(match)
        if replacement == match.group(0):
            continue
        pieces.append(text[position:start])
        new_offsets.extend(offsets[position:start])
        pieces.append(replacement)
        new_offsets.extend(_map_replacement(match.group(0), replacement, offsets[start:end]))
        position = end
    if not pieces:
        return text, offsets
    pieces.append(text[position:])
    new_offsets.extend(offsets[position:])
    return "".join(pieces), new_offsets


def _map_replacement(old: str, new: str, old_offsets: list[int]) -> list[int]:
    """Offsets for `new`: characters it shares with the start of `old` keep theirs, the rest
    point at the first replaced character, so a highlight never drifts into other words."""
    if len(new) == len(old):
        return old_offsets
    shared = 0
    while shared < min(len(old), len(new)) and old[shared] == new[shared]:
        shared += 1
    rest = old_offsets[shared] if shared < len(old) else old_offsets[-1] + 1
    return old_offsets[:shared] + [rest] * (len(new) - shared)


def _join_broken_line(match: re.Match) -> str:
    """Join a line break that cuts a sentence; keep real paragraph and heading breaks."""
    last, following = match.group("last"), match.group("next")
    if following.islower() or last.lower().rstrip(",;") in CONTINUING_WORDS:
        return last + " "
    return match.group(0)


_REPAIRS: tuple[tuple[re.Pattern[str], Callable[[re.Match], str]], ...] = (
    (_LINE_BREAKS, lambda m: "\n"),
    (_ZERO_WIDTH, lambda m: ""),
    (_NO_BREAK_SPACE, lambda m: " "),
    (_BOLD_MARKER, lambda m: ""),
    (_TRAILING_SPACE, lambda m: ""),
    (_SPACE_RUN, lambda m: " "),
    (_BROKEN_LINE, _join_broken_line),
    (_BLANK_RUN, lambda m: "\n\n"),
)


def reading_text(raw: str) -> ReadingText:
    """Repair copy-and-paste damage in `raw` and return the text with its offset map."""
    text, offsets = raw, list(range(len(raw) + 1))
    for pattern, replace in _REPAIRS:
        text, offsets = _substitute(text, offsets, pattern, replace)
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    offsets = [*offsets[lead : lead + len(stripped)], offsets[lead + len(stripped)]]
    return ReadingText(raw=raw, text=stripped, offsets=tuple(offsets))
