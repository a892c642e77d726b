"""Split reading text into sentences with character offsets, in one linear pass.

Every tool that compares texts sentence by sentence uses this one splitter, so a sentence
means the same thing everywhere. It knows abbreviations ("Nov.", "No.", "Prof."), initials
("H.E.", "U.S."), decimals ("1.4"), headings without a full stop, and quotations that end
a sentence (`..." Ma said.` stays one sentence). A sentence cut by a blank line or a page
break (form feed), as pasted or raw text often has it, stays whole: the break does not end a
sentence when the text before it ends in a word or comma and the next line starts in lower
case or the cut word cannot end a sentence ("to", "the", "of").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from helpers.text.lexicon import (
    ABBREVIATIONS,
    CONTINUING_WORDS,
    PRESENT_SPEECH_VERBS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
    alternation,
)


class Sentence(NamedTuple):
    """One sentence: `text == whole_text[start:end]`, without surrounding whitespace."""

    start: int
    end: int
    text: str


_CLOSERS = "\"'”’»)]」』"
_OPENERS = "\"'“‘«([「『"
_CLOSE_CLASS = re.escape(_CLOSERS)
_OPEN_CLASS = re.escape(_OPENERS)
# A candidate end: terminal punctuation plus closing quotes/brackets, a line break, or a
# blank line. Western stops need whitespace (or the end) after them; CJK stops do not.
_BOUNDARY = re.compile(
    rf"[\n\f][ \t]*[\n\f]\s*|[\n\f]|[.!?…]+[{_CLOSE_CLASS}]*(?=\s|$)|[。！？]+[{_CLOSE_CLASS}]*"
)
_CUT_BEFORE = re.compile(r"(\w+)[,;]?[ \t]*$")
_LAST_WORD = re.compile(r"(\w+)\.$")
_INITIAL = re.compile(r"(?:^|\W)(?:[^\W\d_]\.)*[^\W\d_]\.$")
_NEXT_WORD = re.compile(rf"\s*[{_OPEN_CLASS}]*(\w*)")
# `"..." Ma said.` / `", he added.` : a short attribution right after a closing quote.
_ATTRIBUTION = re.compile(
    rf"[{_CLOSE_CLASS}\s]*,?\s*(?:[\w.'’-]+\s+){{0,5}}?"
    rf"{alternation((*SPEECH_VERBS, *PRESENT_SPEECH_VERBS))}\b"
    r"[^.!?\n]{0,60}[.!?]",
    re.IGNORECASE,
)
# `peoples. ", He said.`: a closing quote cut off from its sentence by a stray space.
_DANGLING_CLOSE = re.compile(rf"\s*[{_CLOSE_CLASS}]+\s*,")
_LOOKBEHIND = 40
_LOOKAHEAD = 120


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Decide whether a candidate boundary really ends a sentence."""
    mark = match.group(0)
    after = text[match.end() : match.end() + _LOOKAHEAD]
    next_word = _NEXT_WORD.match(after).group(1)
    if mark[0] in "\n\f":
        cut = _CUT_BEFORE.search(text, max(0, match.start() - _LOOKBEHIND), match.start())
        if cut and (next_word[:1].islower() or cut.group(1).lower() in CONTINUING_WORDS):
            return False
        return len(mark.strip(" \t")) > 1 or not next_word[:1].islower()
    if mark[0] in "。！？":
        return True
    stripped = after.lstrip()
    if not stripped:
        return True
    if stripped[0] in ",;:" or next_word[:1].islower():
        return False
    closes_quote = mark[-1] in _CLOSERS or _DANGLING_CLOSE.match(after)
    if closes_quote and _ATTRIBUTION.match(after):
        return False
    if mark.rstrip(_CLOSERS) != ".":
        return True
    before = text[max(0, match.start() - _LOOKBEHIND) : match.start() + 1]
    word = _LAST_WORD.search(before)
    if word and word.group(1) in ABBREVIATIONS:
        return False
    if _INITIAL.search(before):
        return next_word in SENTENCE_OPENERS
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, in order, with offsets; whitespace between them is dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if not _ends_sentence(text, match):
            continue
        cut = match.start() if match.group(0)[0] in "\n\f" else match.end()
        _append(sentences, text, start, cut)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    """Add `text[start:end]` without its outer whitespace, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end]))
