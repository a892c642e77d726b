"""Declarative answer checks for typed answers: accepted strings, a regular expression, numbers.

A question bank entry holds data, never code: `texts` (accepted answers after
`normalise_answer`), `regex` (searched in the normalised answer) and `numbers` (an ordered list
of expected figures, each with an optional tolerance and unit). An answer is right when any of
the checks given accepts it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from helpers.text.number_words import NUMBER_WORD, SCALES, read_digits, words_to_number

#: Keys a check table may hold.
CHECK_KEYS = frozenset({"texts", "regex", "numbers"})
#: Keys one expected number may hold.
NUMBER_KEYS = frozenset({"value", "tolerance", "unit"})

_SCALE = "|".join(sorted(SCALES, key=len, reverse=True)) + "|bn|mn|m|k"
_SCALE_OF = {**SCALES, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}
#: A figure as a student types it: digits (with separators, an ordinal ending, a scale word
#: such as "million" or "bn") or English number words ("two", "eighteenth", "ten thousand").
_FIGURE = re.compile(
    rf"(?<!\w)(?P<digits>\d+(?:[.,]\d+)*)(?:st|nd|rd|th)?\s*(?P<scale>{_SCALE})?(?!\w)"
    rf"|\b(?P<words>{NUMBER_WORD}(?:[\s-]+(?:and[\s-]+)?{NUMBER_WORD})*)\b"
)


def normalise_answer(text: str) -> str:
    """Answer text compared without regard to case, spacing, quote style or a final full stop."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split()).rstrip(".!").strip()


def typed_numbers(text: str) -> list[tuple[float, float]]:
    """The figures in a typed answer, in order, as (number as written, number times its scale):
    "98.99 million" -> (98.99, 98990000.0); "18th" -> (18, 18); "two" -> (2, 2)."""
    found = []
    for match in _FIGURE.finditer(normalise_answer(text)):
        if match["digits"]:
            value = read_digits(match["digits"]).value
            found.append((value, value * _SCALE_OF.get(match["scale"] or "", 1)))
        else:
            value = words_to_number(match["words"])
            if value is not None:
                found.append((value, value))
    return found


def _number_matches(written: float, scaled: float, want: Mapping) -> bool:
    """Whether one typed figure is the expected one, within the tolerance: as written (98.99),
    or in full (98,990,000 for 98.99 million); a scale word typed must be the right one."""
    value, tolerance = float(want["value"]), float(want.get("tolerance", 0))
    scale = _SCALE_OF.get(str(want.get("unit", "")).lower(), 1)
    slack = tolerance + 1e-9 * abs(value)
    in_full = abs(scaled - value * scale) <= slack * scale
    return in_full if scaled != written else in_full or abs(written - value) <= slack


def numbers_match(text: str, expected: Sequence[Mapping]) -> bool:
    """Whether the answer gives exactly the expected figures, in order, each within its
    tolerance; units may be written or left out, other words ("years", "days") are ignored."""
    typed = typed_numbers(text)
    return len(typed) == len(expected) and all(
        _number_matches(written, scaled, want)
        for (written, scaled), want in zip(typed, expected, strict=True)
    )


def check_answer(text: str, check: Mapping) -> bool | None:
    """True/False for a typed answer against a declarative check; None while it is blank."""
    if not text.strip():
        return None
    normalised = normalise_answer(text)
    if normalised in {normalise_answer(t) for t in check.get("texts", ())}:
        return True
    if "regex" in check and re.search(check["regex"], normalised):
        return True
    return "numbers" in check and numbers_match(text, check["numbers"])


def check_problems(check: object) -> list[str]:
    """What is wrong with a check table (empty when it is usable)."""
    if not isinstance(check, Mapping) or not check:
        return ["check must be a table with texts, regex or numbers"]
    problems = [f"unknown check key {key!r}" for key in sorted(set(check) - CHECK_KEYS)]
    texts = check.get("texts", [])
    if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
        problems.append("check.texts must be a list of non-empty strings")
    if "regex" in check:
        try:
            re.compile(check["regex"])
        except (re.error, TypeError) as err:
            problems.append(f"check.regex does not compile ({err})")
    numbers = check.get("numbers", [])
    if not isinstance(numbers, list) or not all(
        isinstance(n, Mapping) and "value" in n and set(n) <= NUMBER_KEYS for n in numbers
    ):
        problems.append("check.numbers must be a list of {value, tolerance, unit} tables")
    return problems
