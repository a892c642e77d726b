"""Find every quantity in an English text and say what it counts and whether it looks wrong.

One row per figure: where it is, its value, its qualifier ("more than", "nearly"), its
kind (count, percent, ordinal, year, date, duration, money, range, change), the noun it
counts, and a flag when the figure is suspicious (a masked number left by a translation
pipeline, a decimal comma or thousands dot, an impossible value for its unit, an ambiguous
date). Digits inside names ("COVID-19", "G20", "Boeing 737", "Vision 2035 Plan", "21st
century") and numbers used as labels ("section 2.101", "version 2.5") get kind `name`;
phone-number-like strings and version-like strings with several dots ("1.0.1") kind `code`;
clock times kind `time`; they keep no value, so they never count as claims. A figure that
may use a thousands dot ("7.250") is flagged only where it is used as an amount.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.dates import YEAR, date_rows
from helpers.text.lexicon import (
    FUNCTION_WORDS,
    MONTH_NUMBERS,
    SENTENCE_OPENERS,
    TOKEN,
    lemma,
    word_set,
)
from helpers.text.number_words import (
    NUMBER_WORD,
    ORDINAL_WORDS,
    SCALE_SUFFIXES,
    SCALES,
    THOUSANDS_DOT,
    is_ordinal_phrase,
    read_digits,
    words_to_number,
)
from helpers.text.spans import Claimed, SentenceFinder

NUMBER_COLUMNS = [
    "surface", "start", "end", "sentence", "value", "high", "qualifier", "kind", "counted",
    "phrase", "flag",
]  # fmt: skip

_CODES = re.compile(
    r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}"  # not "5+112": a figure and "+"
    r"|\(\d{2,5}\)\s?\d{3,4}[-\s]?\d{3,4}\b"
    r"|\b0\d{1,4}[-\s]\d{5,8}\b"
    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b"
    r"|\b\d+(?:-\d+){3,}\b"
    r"|(?<![\w.,])(?!\d{1,3}(?:\.\d{3})+(?![\w,]|\.\d))\d+(?:\.\d+){2,}(?![\w,]|\.\d)"
)
#: Four-digit groups joined by commas without spaces ("2000,2001,2002"): a list, not one number.
_DIGIT_LIST = re.compile(r"(?<![\w.,])\d{4}(?:,\d{4})+(?![.,]?\w)")
#: Words before a number that make it a label, not an amount ("section 2.101", "version 2").
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:sections?|subsections?|clauses?|articles?|chapters?|paragraphs?|paras?|versions?|"
    r"releases?|rules?|parts?|items?|annex|appendix|schedules?|figures?|tables?|pages?|"
    r"volumes?|editions?|steps?|exhibits?|lines?|verses?)|\b(?:pp?|nos?|fig|vol|art|sec|ch)\.|"
    r"[§¶])\s*$",
    re.IGNORECASE,
)
_TIMES = re.compile(r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\b")
_MASKS = re.compile(
    r"(?i:[\[<{]\s*(?:num|number|numeral|digits?|n)(?:[_-]?\d+)?\s*[\]>}])"
    r"|(?:__|##|@@|#|@)(?:NUM|NUMBER|NUMERAL|DIGITS?)(?:_?\d+)?(?:__|##|@@|#|@)"
    r"|\bX+(?:NUM|NUMBER|NUMERAL|DIGITS?)X*\d*\b|\b(?:NUM|NUMBER|NUMERAL|DIGITS?)X+\d*\b"
    r"|\bNUM(?:_?\d+)?\b"
)
_NAMES = re.compile(
    r"\b[A-Za-z]+[-–]?\d+(?:[.,]\d+)*[A-Za-z\d]*\b"
    r"|\b\d+(?!(?:st|nd|rd|th|s|bn|mn|mln|tn|trn|k|m|b)\b)[A-Za-z]+\b"
)
_DIGIT_FIGURE = re.compile(
    r"(?<![\w.,])(?P<cur>(?:US|HK|A|C)?\$|€|£|¥|(?:RMB|USD|EUR|CNY)\s?)?"
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"(?P<suf>%|\s?(?:per ?cent|percentage points?)\b|(?:st|nd|rd|th)\b"
    rf"|(?:{'|'.join(SCALE_SUFFIXES)})\b)?"
    rf"(?:\s+(?P<scale>{'|'.join(SCALES)})\b)?"
)
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_WORD_FIGURE = re.compile(
    rf"\b(?:(?:a|an)\s+(?=dozen|hundred|thousand|million|billion))?{NUMBER_WORD}"
    rf"(?:(?:\s+|-|{_AND_AFTER_SCALE}){NUMBER_WORD})*\b(?![-–]\w)"
    rf"(?:\s+(?:per ?cent|percent)\b)?",
    re.IGNORECASE,
)
_VAGUE_FIGURE = re.compile(
    r"\b(?:(?P<tens>tens|hundreds)\s+of\s+)?(?P<scale>hundreds|thousands|millions|billions)"
    r"(?=\s+of\b)|\bseveral\s+(?P<several>hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
_AFTER_OVER = re.compile(r"(?:-plus\b|\s+plus\b|\+|\s+(?:and|or)\s+(?:more|above|over)\b)",
                         re.IGNORECASE)  # fmt: skip
_AFTER_ABOUT = re.compile(r"\s+or\s+so\b", re.IGNORECASE)
_AFTER_UNDER = re.compile(r"\s+or\s+(?:less|fewer|below)\b", re.IGNORECASE)
_BEFORE = {
    "over": r"more than|over|above|upwards of|in excess of|at least|no less than|"
            r"no fewer than|exceeding|greater than|just over|well over",
    "under": r"less than|fewer than|under|below|up to|at most|no more than|not more than|"
             r"just under|a maximum of",
    "about": r"nearly|around|about|some|almost|close to|approximately|roughly|"
             r"an estimated|estimated|circa|approx\.|c\.|~|just about",
}  # fmt: skip
_BEFORE_PATTERNS = {q: re.compile(rf"(?:^|\W)(?:{p})\s*$", re.IGNORECASE)
                    for q, p in _BEFORE.items()}  # fmt: skip
_RANGE_OPEN = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:[-–]|to|and)\s*$|\s+(?:to|and)\s+", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:increas|ris|rose|grow|grew|fall|fell|drop|declin|jump|climb|expand|shrank|shrink|"
    r"reduc|went|go)\w*\b[^.]{0,40}$", re.IGNORECASE)  # fmt: skip
_CURRENCY_WORDS = re.compile(r"\s*(?:us\s+)?(?:dollars?|yuan|renminbi|euros?|pounds?|yen|"
                             r"rupees?|rubles?|roubles?)\b", re.IGNORECASE)  # fmt: skip
_TIME_UNITS = {
    "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
    "month": 2629800, "year": 31557600, "decade": 315576000, "century": 3155760000,
}  # fmt: skip
_RATE = re.compile(r"\s+(?:a|an|per|each|every)\s+(second|minute|hour|day|week|month|year)\b",
                   re.IGNORECASE)  # fmt: skip
_PERIOD_AFTER = re.compile(r"\s*(?:century|centuries|millennium|millennia)", re.IGNORECASE)
#: A capitalised word right before a figure ("Boeing 737"), looked for this far back.
_NAME_BEFORE = re.compile(r"([A-Z][\w’'-]*)\s+$")
_NAME_REACH = 100
_CAPITAL_AFTER = re.compile(r"\s+([A-Z][a-z]\w*)")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
#: Words that end the noun phrase after a figure ("10 parties *in* ...").
_PHRASE_ENDS = FUNCTION_WORDS | word_set(
    "ahead ago later earlier less plus only said says last next"
)
#: Capitalised words before a figure that do not make it part of a name ("In 2020", "Over 240").
_NOT_A_NAME = (FUNCTION_WORDS | {w.lower() for w in SENTENCE_OPENERS}
               | word_set("nearly almost only just up down another top less till"))  # fmt: skip
_NUMBER_OF = re.compile(r"\bnumber of ((?:[a-z-]+ ){0,3}[a-z-]+)\b(?!.*\bnumber of\b)",
                        re.IGNORECASE | re.DOTALL)

@dataclass
class _Figure:
    """A quantity found in the text, filled in step by step before it becomes a row."""

    start: int
    end: int
    value: float = float("nan")
    kind: str = "count"
    note: str = ""
    high: float = float("nan")
    qualifier: str = "exact"
    counted: str = ""
    counted_end: int = -1
    flag: str = ""
    bare: bool = False
    scaled: bool = False


#: Flag of a digit string too long to be a quantity (a float holds at most about 308 digits).
_TOO_LONG = "too many digits to be read as a number"


def _digit_figure(match: re.Match[str]) -> _Figure:
    """Value, kind and separator note of a figure written with digits."""
    digits = read_digits(match["num"])
    suffix = (match["suf"] or "").strip().lower()
    value = digits.value * SCALE_SUFFIXES.get(suffix, 1) * SCALES.get(match["scale"] or "", 1)
    figure = _Figure(match.start(), match.end(), value, note=digits.note)
    if not math.isfinite(value):
        figure.value, figure.note = float("nan"), _TOO_LONG
    figure.scaled = bool(match["scale"]) or suffix in SCALE_SUFFIXES
    figure.bare = not (suffix or match["scale"] or match["cur"] or "," in match["num"]
                       or "." in match["num"])  # fmt: skip
    if suffix in ("st", "nd", "rd", "th"):
        figure.kind = "ordinal"
    elif suffix.startswith(("%", "per", "percent")):
        figure.kind = "percent"
    elif match["cur"]:
        figure.kind = "money"
    return figure


def _word_figure(match: re.Match[str]) -> _Figure | None:
    """A figure written in words, or None for words that are rarely quantities ("one",
    "first" ... "ninth" on their own)."""
    phrase = match.group(0)
    percent = re.search(r"\s+per ?cent$", phrase, re.IGNORECASE)
    words = phrase[: percent.start()] if percent else phrase
    value = words_to_number(words)
    single = words.strip().lower()
    if value is None or single == "one" or ORDINAL_WORDS.get(single, 99) < 10:
        return None
    figure = _Figure(match.start(), match.end(), value)
    if percent:
        figure.kind = "percent"
    elif is_ordinal_phrase(words):
        figure.kind = "ordinal"
    return figure


def _vague_figure(match: re.Match[str]) -> _Figure:
    """"thousands of", "tens of thousands of", "several hundred": a lower bound."""
    scale = (match["scale"] or match["several"]).lower().rstrip("s")
    value = SCALES[scale] * (10 if match["tens"] and match["tens"].lower() == "tens" else 1)
    if match["tens"] and match["tens"].lower() == "hundreds":
        value *= 100
    return _Figure(match.start(), match.end(), value, qualifier="over")


def _span(figure: _Figure) -> tuple[int, int]:
    return figure.start, figure.end


def _find_figures(text: str, claimed: Claimed) -> list[_Figure]:
    """Digit, word and vague figures not inside an already claimed span."""
    figures = []
    for pattern, build in ((_DIGIT_FIGURE, _digit_figure), (_VAGUE_FIGURE, _vague_figure),
                           (_WORD_FIGURE, _word_figure)):  # fmt: skip
        free = claimed.take(list(pattern.finditer(text)), lambda match: match.span())
        figures += [f for f in map(build, free) if f]
    return sorted(figures, key=lambda f: f.start)


def _qualify(text: str, figure: _Figure) -> None:
    """Set the qualifier from words before ("more than") or after ("-plus", "and more")."""
    after = text[figure.end : figure.end + 20]
    for qualifier, pattern in (("over", _AFTER_OVER), ("about", _AFTER_ABOUT),
                               ("under", _AFTER_UNDER)):  # fmt: skip
        found = pattern.match(after)
        if found:
            figure.qualifier = qualifier
            figure.end += found.end()
            return
    before = text[max(0, figure.start - 25) : figure.start]
    for qualifier, pattern in _BEFORE_PATTERNS.items():
        if pattern.search(before):
            figure.qualifier = qualifier
            return


def _counted(text: str, figure: _Figure) -> None:
    """The noun phrase after the figure ("trade unions" -> "trade union")."""
    rest = text[figure.end : figure.end + 80]
    tokens = list(TOKEN.finditer(rest))
    if tokens and tokens[0].group().lower() == "of" and (figure.kind == "percent"
                                                         or figure.qualifier == "over"):
        tokens = [t for t in tokens[1:2] if t.group().lower() not in ("the", "all")] + tokens[2:]
    words = _noun_phrase(tokens)
    figure.counted = " ".join(lemma(t.group()) for t in words)
    figure.counted_end = figure.end + words[-1].end() if words else figure.end
    if not words:
        named = _NUMBER_OF.search(text[max(0, figure.start - 150) : figure.start])
        phrase = _noun_phrase(list(TOKEN.finditer(named.group(1)))) if named else []
        figure.counted = " ".join(lemma(t.group()) for t in phrase)


def _noun_phrase(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """Leading words up to the first plural noun, stop word, participle or punctuation
    (at most four): "trade unions", "young workers", "Royal Naval Academy"."""
    words: list[re.Match[str]] = []
    for token in tokens[:4]:
        word = token.group()
        participle = words and word.lower().endswith(("ing", "ed"))
        if not word[0].isalpha() or word.lower() in _PHRASE_ENDS or participle:
            break
        words.append(token)
        if lemma(word) != word.lower().replace("isation", "ization") or word.lower() == "people":
            break
    return words


def _join_ranges(text: str, figures: list[_Figure]) -> list[_Figure]:
    """Merge "between 10 and 20", "from 41 to 45", "10-20" and "10 to 20" into one row."""
    joined: list[_Figure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        between = text[previous.end : figure.start] if previous else ""
        window = max(0, previous.start - 9) if previous else 0
        opener = _RANGE_OPEN.search(text[window : previous.start]) if previous else None
        word = opener.group(1).lower() if opener else ""
        if (previous and previous.kind == figure.kind and figure.kind in ("count", "percent",
                                                                          "money")
                and _RANGE_JOIN.fullmatch(between) and previous.value < figure.value
                and ("and" not in between.lower() or word == "between")
                and (previous.qualifier == "exact" or previous.kind == "percent")):  # fmt: skip
            if opener:
                previous.start = window + opener.start()
            previous.high, previous.end = figure.value, figure.end
            previous.qualifier = figure.qualifier
            changed = word == "from" and _CHANGE_VERB.search(text[max(0, previous.start - 60)
                                                                  : previous.start])
            previous.kind = "change" if changed else "range"
            continue
        joined.append(figure)
    return joined


def _is_name(text: str, figure: _Figure, sentence_start: int) -> bool:
    """Digits used as part of a name or as a label: "Boeing 737", "Vision 2035", "the 2035
    Plan", "21st century", "section 2.101"."""
    if figure.kind == "ordinal":
        return bool(_PERIOD_AFTER.match(text, figure.end))
    if (figure.kind == "count" and not figure.scaled and figure.qualifier == "exact"
            and _LABEL_BEFORE.search(text[max(0, figure.start - 15) : figure.start])):  # fmt: skip
        return True
    if not figure.bare:
        return False
    window = max(sentence_start, figure.start - _NAME_REACH)
    before = _NAME_BEFORE.search(text[window : figure.start])
    after = _CAPITAL_AFTER.match(text, figure.end)
    following = _WORD_AFTER.match(text, figure.end)
    word = following.group(1) if following else ""
    plural = word.lower() == "people" or lemma(word) != word.lower()
    title = not (figure.counted and plural) or word[:1].isupper()
    if (before and title and before.group(1).lower() not in _NOT_A_NAME
            and before.group(1).lower() not in MONTH_NUMBERS
            and not before.group(1).endswith(("'s", "’s"))):  # fmt: skip
        return True
    year_like = 1000 <= figure.value <= 2100
    return bool(year_like and after and after.group(1).lower() not in MONTH_NUMBERS
                and re.search(r"\bthe\s+$", text[max(0, figure.start - 5) : figure.start]))


def _classify(text: str, figure: _Figure, sentence_start: int) -> None:
    """Set kind from the unit after the figure (duration, money, year, name)."""
    if _is_name(text, figure, sentence_start):
        figure.kind, figure.value, figure.counted = "name", float("nan"), ""
        return
    head = figure.counted.split(" ")[-1] if figure.counted else ""
    first = figure.counted.split(" ")[0] if figure.counted else ""
    if figure.kind == "count" and first in _TIME_UNITS:
        figure.kind = "duration"
    elif figure.kind == "count" and _CURRENCY_WORDS.match(text, figure.end):
        figure.kind = "money"
    elif (figure.kind == "count" and figure.bare and figure.qualifier == "exact"
          and 1000 <= figure.value <= 2100 and not head):  # fmt: skip
        figure.kind = "year"


def _implausible(text: str, figure: _Figure) -> str:
    """Reason a value is impossible for its unit, or ""."""
    value = figure.value
    if figure.kind == "ordinal" and math.isfinite(value) and not value.is_integer():
        return "an ordinal must be a whole number"
    if figure.kind == "percent" and value > 100:
        return "over 100%: possible for growth, impossible for a share"
    if figure.kind != "duration":
        return ""
    unit = figure.counted.split(" ")[0]
    if unit == "year" and figure.bare and 1800 <= value <= 2100:
        return f"{int(value)} looks like a calendar year used as a number of years"
    rate = _RATE.match(text[figure.counted_end : figure.counted_end + 15])
    if rate:
        per = _TIME_UNITS[rate.group(1).lower()]
        if value * _TIME_UNITS[unit] > per:
            return f"more {unit}s than fit in a {rate.group(1).lower()}"
    return ""


def _used_as_amount(figure: _Figure) -> bool:
    """True if the figure is an amount: it has a scale word ("million"), a currency, a counted
    noun or a qualifier ("more than"), not a bare decimal such as "2.101 (Oct. 1995)"."""
    return (figure.scaled or figure.kind == "money" or bool(figure.counted)
            or figure.qualifier != "exact")  # fmt: skip


def _flag(text: str, figure: _Figure) -> str:
    """Join the separator note and any implausibility into one short reason; a possible
    thousands dot counts only where the figure is used as an amount."""
    ambiguous_dot = figure.note.startswith(THOUSANDS_DOT)
    keep = figure.note and (_used_as_amount(figure) or not ambiguous_dot)
    reasons = [figure.note] if keep else []
    implausible = _implausible(text, figure)
    if implausible:
        reasons.append(implausible)
    return "; ".join(reasons)


_MASKED = "masked number: a placeholder stands where a figure should be"


def _special_rows(text: str, claimed: Claimed) -> list[_Figure]:
    """Codes, dates, clock times, masked numbers and digit names, claimed before figures."""
    found = claimed.take([_Figure(*m.span(), kind="code") for m in _CODES.finditer(text)], _span)
    found += _list_rows(text, claimed) + _date_rows(text, claimed)
    found += claimed.take([_Figure(*m.span(), kind="time") for m in _TIMES.finditer(text)], _span)
    found += claimed.take([_Figure(*m.span(), kind="masked", flag=_MASKED)
                           for m in _MASKS.finditer(text)], _span)  # fmt: skip
    found += claimed.take([_Figure(*m.span(), kind="name") for m in _NAMES.finditer(text)], _span)
    return found


def _list_rows(text: str, claimed: Claimed) -> list[_Figure]:
    """One row per group of a comma-joined list ("2000,2001,2002"): a year when it can be one,
    else a code."""
    rows = []
    for match in claimed.take(list(_DIGIT_LIST.finditer(text)), lambda m: m.span()):
        for group in re.finditer(r"\d+", match.group()):
            year = bool(re.fullmatch(YEAR, group.group()))
            rows.append(_Figure(match.start() + group.start(), match.start() + group.end(),
                                float(group.group()) if year else float("nan"),
                                kind="year" if year else "code"))  # fmt: skip
    return rows


def _date_rows(text: str, claimed: Claimed) -> list[_Figure]:
    """Dates from `helpers.analysis.dates`: kind `year` (value = the year) or `date`."""
    rows = []
    for date in claimed.take(date_rows(text), lambda d: (d["start"], d["end"])):
        is_year = date["kind"] == "date" and date["precision"] == "year"
        value = float(date["year"]) if is_year else float("nan")
        rows.append(_Figure(date["start"], date["end"], value,
                            kind="year" if is_year else "date", flag=date["flag"]))  # fmt: skip
    return rows


def extract_numbers(text: str) -> pd.DataFrame:
    """One row per quantity in `text`: surface, offsets, sentence, value, qualifier, kind,
    what is counted, and a flag when the figure looks wrong (see the module docstring)."""
    sentences = SentenceFinder(text)
    claimed = Claimed()
    special = _special_rows(text, claimed)
    figures = _find_figures(text, claimed)
    for figure in figures:
        _qualify(text, figure)
    figures = _join_ranges(text, figures)
    rows = []
    for figure in sorted(special + figures, key=lambda f: f.start):
        sentence = sentences.at(figure.start)
        if figure.kind not in ("code", "time", "masked", "name", "date", "year"):
            _counted(text, figure)
            _classify(text, figure, sentence.start if sentence else 0)
            figure.flag = _flag(text, figure)
        rows.append(_row(text, figure, sentence.text if sentence else ""))
    return pd.DataFrame(rows, columns=NUMBER_COLUMNS)


def _row(text: str, figure: _Figure, sentence: str) -> dict:
    """A table row; `phrase` shows the qualifier words, the figure and what it counts."""
    before = ""
    if figure.qualifier != "exact":
        pattern = _BEFORE_PATTERNS.get(figure.qualifier)
        found = pattern.search(text[max(0, figure.start - 25) : figure.start]) if pattern \
            else None  # fmt: skip
        if found:
            before = text[max(0, figure.start - 25) + found.start() : figure.start].lstrip(" (")
    phrase_end = max(figure.end, figure.counted_end)
    phrase = (before + text[figure.start : phrase_end]).strip()
    return {
        "surface": text[figure.start : figure.end], "start": figure.start, "end": figure.end,
        "sentence": sentence, "value": figure.value, "high": figure.high,
        "qualifier": figure.qualifier, "kind": figure.kind, "counted": figure.counted,
        "phrase": " ".join(phrase.split()), "flag": figure.flag,
    }  # fmt: skip
