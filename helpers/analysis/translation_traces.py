"""Find the marks that translation and re-translation leave in an English text.

Each detector is a general rule about English (a closing quote mark cannot open a quotation,
a sentence does not start with a lowercase word, one text should not abbreviate one name in
two ways). A hit is a *trace*: a reason to look closer, not proof of machine translation.
Number formats and masked numbers come from `helpers.analysis.numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

import pandas as pd

from helpers.analysis.numbers import extract_numbers
from helpers.analysis.page_furniture import furniture_kind
from helpers.text.english_words import english_words, is_word
from helpers.text.english_words import word_set as _words
from helpers.text.quotations import quotation_spans

TRACE_COLUMNS = ["start", "end", "surface", "kind", "explanation"]

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


class Trace(NamedTuple):
    """One trace: `surface == text[start:end]`."""

    start: int
    end: int
    surface: str
    kind: str
    explanation: str


def _trace(text: str, start: int, end: int, kind: str, explanation: str) -> Trace:
    return Trace(start, end, text[start:end], kind, explanation)


# ---------------------------------------------------------------- quotation marks

_OPENING, _CLOSING, _STRAIGHT = "“«", "”»", '"'
_QUOTE_MARK = re.compile(r'["“”«»]')


class _Mark(NamedTuple):
    position: int
    glyph: str
    role: str  # "open", "close" or "" when the position does not tell


def _role_by_position(text: str, i: int) -> str:
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


def _marks(paragraph: str, offset: int) -> list[_Mark]:
    return [
        _Mark(offset + m.start(), m.group(0), _role_by_position(paragraph, m.start()))
        for m in _QUOTE_MARK.finditer(paragraph)
    ]


def _lines(text: str) -> list[tuple[int, str]]:
    """(start, line) for every line of `text`."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, line))
        start += len(line) + 1
    return spans


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(start, paragraph) for every block of `text` between blank lines."""
    return [(m.start(), m.group(0)) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]


def _pair_quotes(text: str) -> tuple[list[tuple[_Mark, _Mark]], list[_Mark]]:
    """Pair quote marks paragraph by paragraph; return the pairs and the unmatched marks.

    An opening mark left open at the end of a paragraph is not unmatched when the next
    paragraph starts with one (the convention for a quotation that runs on).
    """
    pairs: list[tuple[_Mark, _Mark]] = []
    unmatched: list[_Mark] = []
    paragraphs = _paragraphs(text)
    for index, (start, line) in enumerate(paragraphs):
        stack: list[_Mark] = []
        for mark in _marks(line, start):
            role = mark.role or ("open" if mark.glyph in _OPENING else "close")
            if mark.glyph == _STRAIGHT and not mark.role:
                role = "close" if stack else "open"
            if role == "open":
                stack.append(mark)
            elif stack:
                pairs.append((stack.pop(), mark))
            else:
                unmatched.append(mark)
        following = paragraphs[index + 1][1].lstrip() if index + 1 < len(paragraphs) else ""
        runs_on = following[:1] != "" and following[0] in _OPENING + _STRAIGHT and len(stack) == 1
        if not runs_on:
            unmatched.extend(stack)
    return pairs, unmatched




def _inside(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


_SENTENCE_OPENERS = _words(
    "The A An In On At For From To With By As Of Over Under During Since After Before Until "
    "This That These Those It Its He She We They I Our His Her Their There Here When While "
    "If But And Yet So Past Last Next Within Through"
)
_CAPITALISED_WORD = re.compile(r"\s+([A-Z][a-z]*)\b")


def _quote_traces(text: str) -> list[Trace]:
    """Reversed, detached, unbalanced and mixed-style quote marks, and cut quoted titles."""
    kind = "quotation marks"
    traces = []
    for start, line in _paragraphs(text):
        for mark in _marks(line, start):
            i = mark.position
            if mark.glyph in _CLOSING and mark.role == "open":
                why = "A closing quote mark stands where an opening one belongs (space before, "
                traces.append(
                    _trace(
                        text,
                        i,
                        i + 1,
                        kind,
                        why + "word after): the marks were moved when the sentence was rebuilt.",
                    )
                )
            elif mark.glyph in _OPENING and mark.role == "close":
                why = "An opening quote mark stands where a closing one belongs (word before, "
                traces.append(
                    _trace(
                        text,
                        i,
                        i + 1,
                        kind,
                        why + "space after): the marks were moved when the sentence was rebuilt.",
                    )
                )
            elif text[i - 1 : i].isspace() and text[i + 1 : i + 2] in tuple(".,;:!?"):
                traces.append(
                    _trace(
                        text,
                        i - 1,
                        i + 2,
                        kind,
                        "A quote mark is cut off from "
                        "the quoted words by a space, with punctuation after it.",
                    )
                )
    pairs, unmatched = _pair_quotes(text)
    for mark in unmatched:
        traces.append(
            _trace(
                text,
                mark.position,
                mark.position + 1,
                kind,
                "This quote mark "
                "has no partner in its paragraph: part of the quotation was lost "
                "or moved.",
            )
        )
    for opening, closing in pairs:
        styles = {opening.glyph == _STRAIGHT, closing.glyph == _STRAIGHT}
        if len(styles) == 2:
            traces.append(
                _trace(
                    text,
                    closing.position,
                    closing.position + 1,
                    kind,
                    "This "
                    "mark closes a quotation opened with a mark of another style "
                    "(straight and curly): the quotation was pieced together.",
                )
            )
        after = _CAPITALISED_WORD.match(text, closing.position + 1)
        if (
            after
            and after.group(1) in _SENTENCE_OPENERS
            and "\n" not in after.group(0)
            and text[closing.position - 1 : closing.position].isalpha()
        ):
            traces.append(
                _trace(
                    text,
                    closing.position - 1,
                    after.end(),
                    kind,
                    "A quotation "
                    "ends without punctuation and a capitalised word follows: a "
                    "quoted title may have been cut in the wrong place.",
                )
            )
    for match in re.finditer(r'[.!?]\s*["”]\s*,', text):
        traces.append(
            _trace(
                text,
                match.start(),
                match.end(),
                kind,
                "A full stop inside the "
                "quotation and a comma outside it: punctuation placed by another "
                "language's rules.",
            )
        )
    return traces


# ---------------------------------------------------------------- single rules

_SELF_REFERENCE = re.compile(r"\bmy (?:country|nation|government|party|state)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|me|myself)\b")


def _self_reference_traces(text: str) -> list[Trace]:
    """'my country' outside quotations, in a text whose narrator never says 'I'."""
    quotes = quotation_spans(text)
    if any(not _inside(m.start(), quotes) for m in _FIRST_PERSON.finditer(text)):
        return []
    return [
        _trace(
            text,
            m.start(),
            m.end(),
            "self-reference",
            "No one in this text speaks as "
            f"'I' outside quotation marks, so '{m.group(0)}' reads as a word-for-word "
            "rendering of a self-reference (such as Chinese 'our country'); an English "
            "report would name the country.",
        )
        for m in _SELF_REFERENCE.finditer(text)
        if not _inside(m.start(), quotes)
    ]


_PREFIXES = _words(
    "anti auto bio co counter cross cyber eco extra geo hyper inter intra macro mega micro mid "
    "mini multi neo non out over pan para post pre pro pseudo re self semi sub super tele "
    "trans tri ultra un under up down well"
)
_SUFFIXES = _words(
    "s es ed d ing ly ness ism isms ist ists ity ities ment ments ation ations er ers less ful "
    "able ible ability ibility al ally ise ize ised ized ising izing ship ships hood wise like "
    "ward wards dom some fold"
)
_FUNCTION_WORDS = _words("the and of to that this which with from")
_GLUE_MIN_LENGTH = 15
_PART_MIN_LENGTH = 4
_LOWER_TOKEN = re.compile(r"(?<![\w./@-])[a-z]{6,}(?![\w/@-]|\.\w)")
_NUMBER_GLUED = re.compile(r"(?<!\d)\d+([a-z]{2,})\b")
_CAMEL_GLUED = re.compile(r"(?<![\w./@-])([a-z]{2,})([A-Z][a-z]+)(?![\w./@-])")


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


def _split_glued(token: str) -> tuple[str, str] | None:
    """The two words a non-word token is made of, if it splits cleanly."""
    words = english_words()
    if token in words or _derived(token):
        return None
    for first in _FUNCTION_WORDS:
        rest = token[len(first) :]
        if token.startswith(first) and len(rest) >= 3 and rest in words:
            return first, rest
    if len(token) < _GLUE_MIN_LENGTH:
        return None
    splits = [
        (token[:cut], token[cut:])
        for cut in range(_PART_MIN_LENGTH, len(token) - _PART_MIN_LENGTH + 1)
        if token[:cut] in words
        and token[cut:] in words
        and token[:cut] not in _PREFIXES
        and token[cut:] not in _SUFFIXES
    ]
    return max(splits, key=lambda parts: min(map(len, parts)), default=None)


def _joined_word_traces(text: str) -> list[Trace]:
    """Lowercase words run together, a word glued to a number, or lowerCamel joins."""
    kind = "joined words"
    traces = []
    for match in _LOWER_TOKEN.finditer(text):
        parts = _split_glued(match.group(0))
        if parts:
            traces.append(
                _trace(
                    text,
                    match.start(),
                    match.end(),
                    kind,
                    f"Not an English "
                    f"word, but '{parts[0]}' + '{parts[1]}' run together: a "
                    "space (or a list comma) was lost, e.g. at a line break or "
                    "when two translated pieces were joined.",
                )
            )
    for match in _NUMBER_GLUED.finditer(text):
        if match.group(1) in _FUNCTION_WORDS | {"in", "on", "at", "for", "or"}:
            traces.append(
                _trace(
                    text,
                    match.start(),
                    match.end(),
                    kind,
                    f"The word '{match.group(1)}' is glued to a number: a space was lost.",
                )
            )
    for match in _CAMEL_GLUED.finditer(text):
        if is_word(match.group(1)) and is_word(match.group(2)):
            traces.append(
                _trace(
                    text,
                    match.start(),
                    match.end(),
                    kind,
                    "A lowercase word runs into a capitalised one without a space.",
                )
            )
    return traces


_REPEATABLE = _words(
    "again more less over on round around through by out up down back forth far near "
    "time step side day year bit had that is"
)
_DOUBLED = re.compile(r"\b([A-Za-z]+)(\s+(?:and|or)\s+|\s+)(\1)\b", re.I)


def _doubled_word_traces(text: str) -> list[Trace]:
    """'useful and useful', 'the the': one word doubled where English wants one."""
    traces = []
    for match in _DOUBLED.finditer(text):
        word = match.group(1).lower()
        if word in _REPEATABLE or word.endswith("er") or match.group(1)[0].isupper():
            continue
        joined = match.group(2).strip()
        why = (
            f"The same word on both sides of '{joined}': two near-synonyms in the source "
            "were rendered by one English word."
            if joined
            else "A word is written twice in a row."
        )
        traces.append(_trace(text, match.start(), match.end(), "doubled word", why))
    return traces


_SPLIT_NUMERAL = re.compile(r"(?<=[.!?])([”\"’']?[ \t]+)(\d+)[ \t]+([A-Z][a-z]*)\b")


def _split_numeral_traces(text: str) -> list[Trace]:
    """'... the plan. 5 In the last years': a numeral stranded before a sentence opener."""
    return [
        _trace(
            text,
            m.start(2),
            m.end(3),
            "split numeral",
            f"The number {m.group(2)} stands "
            f"alone before '{m.group(3)}', which starts a sentence: it probably belonged "
            "to a phrase of that sentence (a number of years, people, items) and was cut off "
            "when the sentence was split. In a PDF copy it could be a footnote number.",
        )
        for m in _SPLIT_NUMERAL.finditer(text)
        if m.group(3) in _SENTENCE_OPENERS
    ]


_ACRONYM_DEFINITION = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][a-z]?\b")
_NAME_FILLERS = _words("of the and for in on de del la le des da di")


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


def _acronym_traces(text: str) -> list[Trace]:
    """Other abbreviations with the same letters as one defined in the text (WTO/WOT)."""
    definitions = acronym_definitions(text)
    traces = []
    for match in _ACRONYM.finditer(text):
        token = match.group(0)
        for acronym, name in definitions.items():
            if token != acronym and sorted(token.upper()) == sorted(acronym.upper()):
                traces.append(
                    _trace(
                        text,
                        match.start(),
                        match.end(),
                        "mixed acronyms",
                        f"'{token}' has the letters of '{acronym}', which this "
                        f"text defines as '{name} ({acronym})': two abbreviations "
                        "for one name suggest pieces translated from, or written "
                        "in, languages that abbreviate it differently.",
                    )
                )
    return traces


def _number_traces(text: str) -> list[Trace]:
    """Figures `helpers.analysis.numbers` flags (other conventions, impossible values, masks); dates
    are left to the date tools."""
    figures = extract_numbers(text)
    flagged = figures[(figures["flag"] != "") & (figures["kind"] != "date")]
    return [
        _trace(
            text,
            row.start,
            row.end,
            "masked number" if row.kind == "masked" else "number format",
            f"{row.flag[:1].upper()}{row.flag[1:]}: check the figure against another version.",
        )
        for row in flagged.itertuples()
    ]


_STRAY_PUNCTUATION = re.compile(r"[.;:,!?][ \t]+[,;:]|,[,;:]|;[;,]|(?<=\w)[ \t]+[,;](?=[ \t\w])")


def _stray_punctuation_traces(text: str) -> list[Trace]:
    """'trade. , and': punctuation doubled, or a comma cut off from its word by a space."""
    return [
        _trace(
            text,
            m.start(),
            m.end(),
            "stray punctuation",
            "Punctuation marks that English "
            "never writes together (or a space before a comma): left over where a "
            "sentence was cut and re-joined.",
        )
        for m in _STRAY_PUNCTUATION.finditer(text)
    ]


_ABBREVIATIONS = _words(
    "etc vs cf al approx esp incl viz ca pp no nos ibid resp fig figs vol vols ed eds op "
    "dept est min max misc"
)
_LIST_MARKER = re.compile(r"^(?:\d+|[a-z]|x{0,2}(?:ix|iv|v?i{1,3}|v)|x{1,2})$")
_LOWERCASE_START = re.compile(r"(?<![.\w])([a-z0-9][\w-]*)\.[ \t]+([a-z][a-z-]+)\b")


def _lowercase_sentence_traces(text: str) -> list[Trace]:
    """'... the plan was met. growth followed': a fragment after a full stop."""
    return [
        _trace(
            text,
            m.end(1),
            m.end(2),
            "lowercase sentence",
            "A full stop is followed by a "
            f"lowercase '{m.group(2)}': the sentence was cut in the wrong place, leaving a "
            "fragment.",
        )
        for m in _LOWERCASE_START.finditer(text)
        if m.group(1).lower() not in _ABBREVIATIONS
        and not _LIST_MARKER.match(m.group(1))
        and is_word(m.group(2).split("-")[0])
    ]


_CAPITAL_AFTER_COMMA = re.compile(r"[,;][\"”’]?[ \t]+(He|She|They|We|It|His|Her|Their)\b(?= [a-z])")


def _capital_after_comma_traces(text: str) -> list[Trace]:
    """'…", She added': a pronoun capitalised mid-sentence, as after a mistaken sentence break."""
    return [
        _trace(
            text,
            m.start(1),
            m.end(1),
            "capital after comma",
            f"'{m.group(1)}' is "
            "capitalised after a comma: a tool treated the comma as the end of a sentence "
            "(or moved it from inside a quotation).",
        )
        for m in _CAPITAL_AFTER_COMMA.finditer(text)
    ]


def _breadcrumb_traces(text: str) -> list[Trace]:
    """Lines that `helpers.course.provenance` recognises as a site's navigation trail."""
    traces = []
    for start, line in _lines(text):
        rule = furniture_kind(line)
        if rule and rule.kind == "breadcrumb":
            first = start + len(line) - len(line.lstrip())
            traces.append(
                _trace(text, first, start + len(line.rstrip()), "breadcrumb residue", rule.meaning)
            )
    return traces


_DETECTORS: tuple[Callable[[str], list[Trace]], ...] = (
    _self_reference_traces,
    _joined_word_traces,
    _doubled_word_traces,
    _split_numeral_traces,
    _acronym_traces,
    _number_traces,
    _quote_traces,
    _stray_punctuation_traces,
    _lowercase_sentence_traces,
    _capital_after_comma_traces,
    _breadcrumb_traces,
)


def translation_traces(text: str) -> pd.DataFrame:
    """Every trace in `text`, one row each (start, end, surface, kind, explanation), in order."""
    traces = {trace for detector in _DETECTORS for trace in detector(text)}
    rows = sorted(traces, key=lambda t: (t.start, t.end, t.kind))
    return pd.DataFrame(rows, columns=TRACE_COLUMNS)
