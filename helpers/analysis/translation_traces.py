"""Find the marks that translation and re-translation leave in an English text.

`TRACE_RULES` lists every rule: a general rule about English (a closing quote mark cannot
open a quotation, a sentence does not start with a lowercase word, one text should not
abbreviate one name in two ways), where to look for it and what a hit means. A hit is a
*trace*: a reason to look closer, not proof of machine translation. Quotations come from
`helpers.text.quotations`, number formats and masked numbers from `helpers.analysis.numbers`,
navigation trails from `helpers.analysis.page_furniture`.

Every rule runs in one pass over the text (no pattern can backtrack over a long run), so the
finder grows linearly with the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import pandas as pd

from helpers.analysis.numbers import extract_numbers
from helpers.analysis.page_furniture import page_furniture
from helpers.analysis.tables import SPAN_COLUMNS, span_table
from helpers.text.english_words import english_words, is_word
from helpers.text.lexicon import ABBREVIATIONS, SENTENCE_OPENERS, word_set
from helpers.text.quotations import quotation_spans
from helpers.text.spans import Covered

TRACE_COLUMNS = SPAN_COLUMNS

#: Every kind of trace, with what it usually means (shown as a legend in the notebooks).
TRACE_KINDS = {
    "self-reference": "a first-person phrase such as 'my country' in a text with no narrator "
    "'I': a literal rendering of a self-reference like 'our country'",
    "joined words": "two words written as one, or a word glued to a number",
    "doubled word": "the same word twice in a row or joined by 'and'/'or'",
    "split numeral": "a number left alone before a new sentence, cut from its phrase",
    "mixed acronyms": "two abbreviations with the same letters for one name",
    "number format": "a number in another language's convention, or impossible as written",
    "masked number": "a placeholder left where a number should be",
    "quotation marks": "quote marks reversed, detached, unbalanced or mixed in style",
    "stray punctuation": "punctuation marks doubled or separated from their word",
    "lowercase sentence": "a sentence that starts with a lowercase word after a full stop",
    "capital after comma": "a pronoun capitalised in the middle of a sentence",
    "breadcrumb residue": "website navigation (Home > Section > Title) run into the text",
}

#: A hit: start, end, and the words its explanation names.
Hit = tuple[int, int, dict[str, str]]


class TraceRule(NamedTuple):
    """One rule: the kind of trace, why it matters (`{name}` fields filled from the hit), and
    how to find its hits in a text."""

    kind: str
    explanation: str
    find: Callable[[_Text], Iterator[Hit]]


# ------------------------------------------------------------------ what rules look at

_DOUBLE_MARKS = "\"“”„«»"
_OPENING, _CLOSING = "“«", "”»"
_FIRST_PERSON = re.compile(r"\b(?:I|me|myself)\b")
#: Words machine translation glues to the next word ("thepeople", "10and").
_GLUING_WORDS = word_set("the and of to that this which with from")
_NAME_FILLERS = word_set("of the and for in on de del la le des da di")
_ACRONYM_DEFINITION = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


@dataclass
class _Text:
    """A text and what several rules ask about it, each worked out once when first asked."""

    text: str

    @cached_property
    def quotations(self) -> list[tuple[int, int]]:
        return quotation_spans(self.text)

    @cached_property
    def quoted(self) -> Covered:
        return Covered(self.quotations)

    @cached_property
    def narrator_says_i(self) -> bool:
        """True if someone speaks as 'I' outside quotation marks."""
        return any(m.start() not in self.quoted for m in _FIRST_PERSON.finditer(self.text))

    @cached_property
    def acronyms(self) -> dict[str, list[tuple[str, str]]]:
        """Defined acronyms and their names, by their letters in order ("OTW": WTO, ...)."""
        by_letters = defaultdict(list)
        for acronym, name in acronym_definitions(self.text).items():
            by_letters["".join(sorted(acronym.upper()))].append((acronym, name))
        return by_letters

    @cached_property
    def figures(self) -> pd.DataFrame:
        """Figures `helpers.analysis.numbers` flags; dates are left to the date tools."""
        figures = extract_numbers(self.text)
        return figures[(figures["flag"] != "") & (figures["kind"] != "date")]

    @cached_property
    def double_quotations(self) -> list[tuple[int, int, bool]]:
        """(opening mark, end, closed) of every quotation in double marks."""
        text = self.text
        return [
            (start, end, end - 1 > start and text[end - 1] in _DOUBLE_MARKS)
            for start, end in self.quotations
            if text[start] in _DOUBLE_MARKS
        ]


def acronym_definitions(text: str) -> dict[str, str]:
    """{acronym: full name} for every 'Full Name (ABC)' whose initials spell the acronym."""
    definitions: dict[str, str] = {}
    for match in _ACRONYM_DEFINITION.finditer(text):
        letters = [c for c in match.group(1) if c.isupper()]
        words = re.findall(r"[\w’'-]+", text[max(0, match.start() - 120) : match.start()])
        capitals: list[str] = []
        taken = 0
        for word in reversed(words):
            if word[0].isupper():
                capitals.insert(0, word)
            elif word not in _NAME_FILLERS:
                break
            taken += 1
            if len(capitals) == len(letters):
                break
        if [w[0] for w in capitals] == letters:
            definitions.setdefault(match.group(1), " ".join(words[len(words) - taken :]))
    return definitions


# ------------------------------------------------------------------ finding hits

Check = Callable[[re.Match[str], _Text], "bool | list[dict[str, str]]"]


def _where(pattern: str, check: Check | None = None, flags: int = 0) -> Callable:
    """Hits of a pattern (its group `mark` if it has one, else the whole match) that pass
    `check`; a check may return several sets of words for the explanation, one hit each."""
    compiled = re.compile(pattern, flags)

    def find(found: _Text) -> Iterator[Hit]:
        for match in compiled.finditer(found.text):
            verdict = True if check is None else check(match, found)
            extras = ([{}] if verdict else []) if isinstance(verdict, bool) else verdict
            words = {"match": match.group(0),
                     **{k: v or "" for k, v in match.groupdict().items()}}  # fmt: skip
            span = match.span("mark") if "mark" in compiled.groupindex else match.span()
            for extra in extras:
                yield (*span, {**words, **extra})

    return find


def _role(text: str, i: int) -> str:
    """Whether the spacing around a quote mark makes it an opening or a closing mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([—–-"
    space_after = after.isspace() or after in ".,;:!?)"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return ""


def _unpartnered(found: _Text) -> Iterator[Hit]:
    """Opening marks of quotations never closed in their paragraph, unless the next paragraph
    opens with a quote mark (the convention for a quotation that runs on)."""
    text = found.text
    for start, end, closed in found.double_quotations:
        following = text[end : end + 200].lstrip()
        if not closed and not (following[:1] and following[0] in _OPENING + '"'):
            yield start, start + 1, {}


def _mixed_styles(found: _Text) -> Iterator[Hit]:
    """Closing marks of quotations opened with a straight mark and closed with a curly one,
    or the other way round."""
    text = found.text
    for start, end, closed in found.double_quotations:
        if closed and (text[start] == '"') != (text[end - 1] == '"'):
            yield end - 1, end, {}


_CAPITALISED_WORD = re.compile(r"[^\S\n]+([A-Z][a-z]*)\b")


def _cut_titles(found: _Text) -> Iterator[Hit]:
    """A quotation closed right after a letter, followed on the same line by a capitalised
    sentence opener: '“Thought Guides Chinese Characteristics” The theme'."""
    text = found.text
    for _start, end, closed in found.double_quotations:
        after = _CAPITALISED_WORD.match(text, end)
        if closed and after and after.group(1) in SENTENCE_OPENERS and text[end - 2].isalpha():
            yield end - 2, after.end(), {}


def _figures(masked: bool) -> Callable[[_Text], Iterator[Hit]]:
    """Flagged figures: masked ones, or the others."""

    def find(found: _Text) -> Iterator[Hit]:
        figures = found.figures
        for row in figures[(figures["kind"] == "masked") == masked].itertuples():
            yield row.start, row.end, {"flag": row.flag[:1].upper() + row.flag[1:]}

    return find


def _breadcrumbs(found: _Text) -> Iterator[Hit]:
    """Lines that `helpers.analysis.page_furniture` recognises as a site's navigation trail."""
    furniture = page_furniture(found.text)
    for row in furniture[furniture["kind"] == "breadcrumb"].itertuples():
        yield row.start, row.end, {"meaning": row.explanation}


# ------------------------------------------------------------------ checks

def _outside_quotes_without_narrator(match: re.Match[str], found: _Text) -> bool:
    return not found.narrator_says_i and match.start() not in found.quoted


_PREFIXES = word_set(
    "anti auto bio co counter cross cyber eco extra geo hyper inter intra macro mega micro mid "
    "mini multi neo non out over pan para post pre pro pseudo re self semi sub super tele "
    "trans tri ultra un under up down well"
)
_SUFFIXES = word_set(
    "s es ed d ing ly ness ism isms ist ists ity ities ment ments ation ations er ers less ful "
    "able ible ability ibility al ally ise ize ised ized ising izing ship ships hood wise like "
    "ward wards dom some fold"
)
_GLUE_MIN_LENGTH = 15
_PART_MIN_LENGTH = 4
#: Longer than two of the longest listed words: neither a word nor two glued ones.
_GLUE_MAX_LENGTH = 48


def _derived(token: str) -> bool:
    """True if `token` is a listed word plus a common prefix or suffix (not a glued pair)."""
    words = english_words()
    for suffix in _SUFFIXES:
        stem = token[: -len(suffix)]
        if token.endswith(suffix) and len(stem) >= 3:
            doubled = len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words
            if stem in words or stem + "e" in words or doubled or stem[:-1] + "y" in words:
                return True
    return any(
        token.startswith(p) and (token[len(p) :] in words or _derived(token[len(p) :]))
        for p in _PREFIXES
        if len(token) - len(p) >= 3
    )


def _split_glued(match: re.Match[str], _found: _Text) -> list[dict[str, str]]:
    """The two words a non-word token is made of, if it splits cleanly."""
    token, words = match.group(0), english_words()
    if len(token) > _GLUE_MAX_LENGTH or token in words or _derived(token):
        return []
    for first in _GLUING_WORDS:
        rest = token[len(first) :]
        if token.startswith(first) and len(rest) >= 3 and rest in words:
            return [{"first": first, "second": rest}]
    if len(token) < _GLUE_MIN_LENGTH:
        return []
    splits = [
        (token[:cut], token[cut:])
        for cut in range(_PART_MIN_LENGTH, len(token) - _PART_MIN_LENGTH + 1)
        if token[:cut] in words
        and token[cut:] in words
        and token[:cut] not in _PREFIXES
        and token[cut:] not in _SUFFIXES
    ]
    best = max(splits, key=lambda parts: min(map(len, parts)), default=None)
    return [{"first": best[0], "second": best[1]}] if best else []


_REPEATABLE = word_set(
    "again more less over on round around through by out up down back forth far near "
    "time step side day year bit had that is"
)


def _doubled(match: re.Match[str], _found: _Text) -> list[dict[str, str]]:
    word, joined = match.group("word"), match.group("joint").strip()
    if word.lower() in _REPEATABLE or word.lower().endswith("er") or word[0].isupper():
        return []
    why = (
        f"The same word on both sides of '{joined}': two near-synonyms in the source "
        "were rendered by one English word."
        if joined
        else "A word is written twice in a row."
    )
    return [{"why": why}]


def _twins(match: re.Match[str], found: _Text) -> list[dict[str, str]]:
    """Defined acronyms with the same letters as this token, other than itself."""
    token = match.group(0)
    return [
        {"acronym": acronym, "name": name}
        for acronym, name in found.acronyms.get("".join(sorted(token.upper())), [])
        if acronym != token
    ]


_LIST_MARKER = re.compile(r"^(?:\d+|[a-z]|x{0,2}(?:ix|iv|v?i{1,3}|v)|x{1,2})$")
_LOWERCASE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _word_before(text: str, stop: int) -> str:
    """The token ending at the full stop `stop` that starts lowercase or with a digit, after
    a space or hyphen ("was met" -> "met"; "e-mail" -> "e-mail"), or ""."""
    start = stop
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    if start > 0 and text[start - 1] == ".":
        candidates = [i + 1 for i in range(start, stop) if text[i] == "-"]
    else:
        candidates = [start, *(i + 1 for i in range(start, stop) if text[i] == "-")]
    first = next((i for i in candidates if i < stop and text[i] in _LOWERCASE), None)
    return text[first:stop] if first is not None else ""


def _fragment(match: re.Match[str], found: _Text) -> bool:
    before = _word_before(found.text, match.start())
    return (bool(before) and before not in ABBREVIATIONS and not _LIST_MARKER.match(before)
            and is_word(match.group("word").split("-")[0]))  # fmt: skip


def _misplaced(role: str) -> Check:
    """A quote mark whose spacing gives it the other role ("open" or "close")."""
    return lambda match, found: _role(found.text, match.start()) == role


# ------------------------------------------------------------------ the rules

_QUOTES = "quotation marks"
_REBUILT = "the marks were moved when the sentence was rebuilt."

#: Every rule, in the order its hits are listed for one place in a text.
TRACE_RULES: tuple[TraceRule, ...] = (
    TraceRule(
        "self-reference",
        "No one in this text speaks as 'I' outside quotation marks, so '{match}' reads as a "
        "word-for-word rendering of a self-reference (such as Chinese 'our country'); an "
        "English report would name the country.",
        _where(r"\bmy (?:country|nation|government|party|state)\b",
               _outside_quotes_without_narrator, re.IGNORECASE),
    ),
    TraceRule(
        "joined words",
        "Not an English word, but '{first}' + '{second}' run together: a space (or a list "
        "comma) was lost, e.g. at a line break or when two translated pieces were joined.",
        _where(r"(?<![\w./@-])[a-z]{6,}(?![\w/@-]|\.\w)", _split_glued),
    ),
    TraceRule(
        "joined words",
        "The word '{word}' is glued to a number: a space was lost.",
        _where(r"(?<!\d)\d+(?P<word>[a-z]{2,})\b",
               lambda m, _: m.group("word") in _GLUING_WORDS | {"in", "on", "at", "for", "or"}),
    ),
    TraceRule(
        "joined words",
        "A lowercase word runs into a capitalised one without a space.",
        _where(r"(?<![\w./@-])(?P<first>[a-z]{2,})(?P<second>[A-Z][a-z]+)(?![\w./@-])",
               lambda m, _: is_word(m.group("first")) and is_word(m.group("second"))),
    ),
    TraceRule(
        "doubled word",
        "{why}",
        _where(r"\b(?P<word>[A-Za-z]+)(?P<joint>\s+(?:and|or)\s+|\s+)(?P=word)\b", _doubled,
               re.IGNORECASE),
    ),
    TraceRule(
        "split numeral",
        "The number {number} stands alone before '{opener}', which starts a sentence: it "
        "probably belonged to a phrase of that sentence (a number of years, people, items) "
        "and was cut off when the sentence was split. In a PDF copy it could be a footnote "
        "number.",
        _where(r"(?<=[.!?])[”\"’']?[ \t]+(?P<mark>(?P<number>\d+)[ \t]+(?P<opener>[A-Z][a-z]*))\b",
               lambda m, _: m.group("opener") in SENTENCE_OPENERS),
    ),
    TraceRule(
        "mixed acronyms",
        "'{match}' has the letters of '{acronym}', which this text defines as '{name} "
        "({acronym})': two abbreviations for one name suggest pieces translated from, or "
        "written in, languages that abbreviate it differently.",
        _where(r"\b[A-Z][A-Za-z]*[A-Z][a-z]?\b", _twins),
    ),
    TraceRule(
        "number format", "{flag}: check the figure against another version.", _figures(False)
    ),
    TraceRule(
        "masked number", "{flag}: check the figure against another version.", _figures(True)
    ),
    TraceRule(
        _QUOTES,
        "A closing quote mark stands where an opening one belongs (space before, word after): "
        + _REBUILT,
        _where(rf"[{_CLOSING}]", _misplaced("open")),
    ),
    TraceRule(
        _QUOTES,
        "An opening quote mark stands where a closing one belongs (word before, space after): "
        + _REBUILT,
        _where(rf"[{_OPENING}]", _misplaced("close")),
    ),
    TraceRule(
        _QUOTES,
        "A quote mark is cut off from the quoted words by a space, with punctuation after it.",
        _where(rf"\s[{_DOUBLE_MARKS}][.,;:!?]"),
    ),
    TraceRule(
        _QUOTES,
        "This quote mark has no partner in its paragraph: part of the quotation was lost or "
        "moved.",
        _unpartnered,
    ),
    TraceRule(
        _QUOTES,
        "This mark closes a quotation opened with a mark of another style (straight and "
        "curly): the quotation was pieced together.",
        _mixed_styles,
    ),
    TraceRule(
        _QUOTES,
        "A quotation ends without punctuation and a capitalised word follows: a quoted title "
        "may have been cut in the wrong place.",
        _cut_titles,
    ),
    TraceRule(
        _QUOTES,
        "A full stop inside the quotation and a comma outside it: punctuation placed by "
        "another language's rules.",
        _where(r'[.!?]\s*["”]\s*,'),
    ),
    TraceRule(
        "stray punctuation",
        "Punctuation marks that English never writes together (or a space before a comma): "
        "left over where a sentence was cut and re-joined.",
        _where(r"[.;:,!?][ \t]+[,;:]|,[,;:]|;[;,]|(?<=\w)[ \t]+[,;](?=[ \t\w])"),
    ),
    TraceRule(
        "lowercase sentence",
        "A full stop is followed by a lowercase '{word}': the sentence was cut in the wrong "
        "place, leaving a fragment.",
        _where(r"\.[ \t]+(?P<word>[a-z][a-z-]+)\b", _fragment),
    ),
    TraceRule(
        "capital after comma",
        "'{mark}' is capitalised after a comma: a tool treated the comma as the end of a "
        "sentence (or moved it from inside a quotation).",
        _where(r"[,;][\"”’]?[ \t]+(?P<mark>He|She|They|We|It|His|Her|Their)\b(?= [a-z])"),
    ),
    TraceRule("breadcrumb residue", "{meaning}", _breadcrumbs),
)


def translation_traces(text: str) -> pd.DataFrame:
    """Every trace in `text`, one row each (start, end, surface, kind, explanation), in order."""
    found = _Text(text)
    rows = [
        (start, end, text[start:end], rule.kind, rule.explanation.format_map(words))
        for rule in TRACE_RULES
        for start, end, words in rule.find(found)
    ]
    return span_table(rows)
