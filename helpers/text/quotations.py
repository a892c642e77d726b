"""Where quotations are: one rule shared by source tracing and the translation-trace finder.

Machine translation and copying leave quotation marks reversed, detached or missing, so marks
are paired in order whichever way they face, and an unclosed quotation ends with its paragraph.
Quotation marks around a short term ("soft power") mark a term or a scare quote, not anyone's
words (`quotation_parts` tells them apart); two parts of one quotation split by an
attribution (`"...," she said. "..."`) belong together.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from helpers.text.lexicon import PRESENT_SPEECH_VERBS, SPEECH_VERBS, WORD, alternation

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


class QuotedPart(NamedTuple):
    """One stretch inside quotation marks, in the module's span shape, plus `group`: the
    number of the quotation it belongs to (parts joined by an attribution share one)."""

    start: int
    end: int
    surface: str
    kind: str
    explanation: str
    group: int


#: Most words a term in quotation marks has ("soft power", "Belt and Road").
TERM_WORDS = 3
# Words that make a short quoted stretch a clause someone said, not a term: auxiliaries,
# common verbs, subject pronouns; words ending in -ed, -ing or n't count too.
_CLAUSE_WORD_LIST = (
    "is are was were be been am being has have had do does did will would shall should can "
    "could may might must i we you he she they it let go goes went come came make made get "
    "got give gave take took say says said see saw know knew want need think believe win "
    "lose stand stands"
)
_CLAUSE_WORDS = frozenset(_CLAUSE_WORD_LIST.split())
_SAID = alternation((*SPEECH_VERBS, *PRESENT_SPEECH_VERBS, "continued", "continues", "went on"))
# Between two quoted parts: `," she said. "` or `" he added, "`: a short attribution only.
_ATTRIBUTION_BETWEEN = re.compile(
    rf"\s*[,.;:]?\s*(?:[\w.'’-]+\s+){{0,4}}(?:{_SAID})(?:\s+[\w.'’-]+){{0,4}}\s*[,.;:]?\s*",
    re.IGNORECASE,
)
# A quoted stretch right after "she said:" or right before ", he added" is someone's words.
_SAID_BEFORE = re.compile(rf"\b(?:{_SAID})\s*[,:]?\s*$", re.IGNORECASE)
_SAID_AFTER = re.compile(rf"\s*,?\s*(?:[\w.'’-]+\s+){{0,4}}(?:{_SAID})\b", re.IGNORECASE)
_TERM_EXPLANATION = (
    "a short term in quotation marks (a name, label or scare quote), not a quotation of "
    "anyone's words"
)
_QUOTATION_EXPLANATION = "words given as someone's own, inside quotation marks"


def is_term(inner: str) -> bool:
    """True when quoted words are a term: at most TERM_WORDS words and none a verb or a
    subject pronoun ("soft power", "win-win"), not a clause ("we will win")."""
    words = [w.lower() for w in WORD.findall(inner)]
    if not words or len(words) > TERM_WORDS or re.search(r"[.!?;:]\W*\w", inner):
        return False
    return not any(w in _CLAUSE_WORDS or w.endswith(("ed", "ing", "n't")) for w in words)


def quotation_parts(text: str) -> list[QuotedPart]:
    """Every stretch of `text` inside quotation marks (`quotation_spans`), each a `term` or
    a `quotation`; quotation parts joined only by an attribution (`"...," he said. "..."`)
    share one `group`."""
    parts: list[QuotedPart] = []
    group = -1
    previous_end: int | None = None
    for start, end in quotation_spans(text):
        surface = text[start:end]
        attributed = _SAID_BEFORE.search(text[max(0, start - 30) : start]) or _SAID_AFTER.match(
            text, end
        )
        if not attributed and is_term(surface):
            parts.append(QuotedPart(start, end, surface, "term", _TERM_EXPLANATION, -1))
            continue
        joined = previous_end is not None and _ATTRIBUTION_BETWEEN.fullmatch(
            text[previous_end:start]
        )
        group += 0 if joined else 1
        parts.append(QuotedPart(start, end, surface, "quotation", _QUOTATION_EXPLANATION, group))
        previous_end = end
    return parts
