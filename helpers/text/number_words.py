"""Read numbers written in words or digits: "forty thousand", "one thousandth", "2.7bn", "33,5%".

English number words, scale words ("million", "bn") and the two ways of writing digits
(decimal point with thousands commas, or decimal comma with thousands dots) live here, so
that every detector reads a figure the same way.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_UNIT_LIST = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS_LIST = "twenty thirty forty fifty sixty seventy eighty ninety"
_UNITS, _TENS = _UNIT_LIST.split(), _TENS_LIST.split()
SMALL_NUMBERS: dict[str, int] = {word: i for i, word in enumerate(_UNITS)}
SMALL_NUMBERS.update({word: 10 * (i + 2) for i, word in enumerate(_TENS)})
SMALL_NUMBERS.update({"a": 1, "an": 1})
SCALES: dict[str, float] = {
    "dozen": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
#: Abbreviated scales written right after digits ("1.4bn", "$3m", "20k").
SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_ORDINAL_LIST = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_ORDINAL_UNITS = _ORDINAL_LIST.split()
ORDINAL_WORDS: dict[str, int] = {word: i for i, word in enumerate(_ORDINAL_UNITS) if i}
ORDINAL_WORDS.update({word[:-1] + "ieth": 10 * (i + 2) for i, word in enumerate(_TENS)})
ORDINAL_WORDS.update({"hundredth": 100, "thousandth": 1000, "millionth": 1_000_000})
_ORDINAL_SCALES = {"hundredth": 1e2, "thousandth": 1e3, "millionth": 1e6}

#: Any single number word (cardinal, ordinal or scale), for building larger patterns.
NUMBER_WORD = (
    r"(?:" + "|".join(sorted({*SMALL_NUMBERS, *SCALES, *ORDINAL_WORDS} - {"a", "an"},
                             key=len, reverse=True)) + r")"
)  # fmt: skip
_WORD_SPLIT = re.compile(r"[\s-]+")
#: Start of the note `read_digits` gives a single dot before three digits ("1.250").
THOUSANDS_DOT = "thousands dot?"


class Digits(NamedTuple):
    """A digit string read as a number, plus a note when its separators are unusual."""

    value: float
    note: str


def words_to_number(phrase: str) -> float | None:
    """Value of an English number phrase ("forty thousand", "twenty-five", "one hundred and
    five", "a dozen", "one thousandth"), or None if it is not one."""
    words = [w for w in _WORD_SPLIT.split(phrase.lower().strip()) if w and w != "and"]
    if not words or words == ["a"] or words == ["an"]:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in SCALES or word in _ORDINAL_SCALES:
            scale = SCALES.get(word) or _ORDINAL_SCALES[word]
            current = (current or 1) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
        elif word in ORDINAL_WORDS:
            current += ORDINAL_WORDS[word]
        else:
            return None
        seen = True
    return total + current if seen else None


def is_ordinal_phrase(phrase: str) -> bool:
    """True when a number phrase ends in an ordinal word ("one thousandth", "twenty-first")."""
    last = _WORD_SPLIT.split(phrase.lower().strip())[-1]
    return last in ORDINAL_WORDS


def read_digits(digits: str) -> Digits:
    """Read "2,500", "12.75", "3.700", "33,5" or "1.234.567" English-style, and say when the
    separators suggest the other convention (decimal comma, thousands dot)."""
    commas, dots = digits.count(","), digits.count(".")
    groups = re.split(r"[.,]", digits)
    if commas and dots:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        whole, _, fraction = digits.rpartition(decimal)
        value = float(re.sub(r"[.,]", "", whole) + "." + fraction)
        note = "decimal comma with thousands dots" if decimal == "," else ""
        return Digits(value, note)
    if commas:
        if commas == 1 and len(groups[1]) != 3:
            return Digits(float(digits.replace(",", ".")), "decimal comma")
        if all(len(g) == 3 for g in groups[1:]):
            return Digits(float(digits.replace(",", "")), "")
        return Digits(float(digits.replace(",", "")), "irregular digit grouping")
    if dots > 1:
        if all(len(g) == 3 for g in groups[1:]):
            return Digits(float(digits.replace(".", "")), "thousands dots")
        return Digits(float(groups[0]), "irregular digit grouping")
    if dots == 1 and len(groups[1]) == 3 and groups[0] != "0":
        return Digits(float(digits), f"{THOUSANDS_DOT} {digits} may mean {groups[0]}{groups[1]}")
    return Digits(float(digits), "")
