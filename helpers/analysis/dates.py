"""Find dates and date ranges in English text, with their precision and what stays uncertain.

"6 July 2021", "July 6, 2021", "2020-09-04", "by June 2020", "in 2013", "Nov. 30 to Dec. 13,
2017". A date without a year, or an all-numeric date whose day/month order cannot be told
("01-08-2021"), is reported as unresolved with every reading, never silently guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from helpers.analysis.tables import per_text
from helpers.text.lexicon import MONTH, MONTH_NUMBERS
from helpers.text.number_words import ORDINAL_WORDS
from helpers.text.spans import Claimed, SentenceFinder

_DAY_WORDS = "|".join(sorted((w for w, n in ORDINAL_WORDS.items() if n <= 31), key=len,
                             reverse=True))  # fmt: skip
_DAY = rf"(?:[0-3]?\d(?:st|nd|rd|th)?|(?:the\s+)?(?:{_DAY_WORDS}))"
#: A four-digit calendar year the detectors accept (from the 16th to the 22nd century).
YEAR = r"(?:1[5-9]\d\d|2[01]\d\d)"
_DASH = r"\s*[-–—]\s*"
_CONNECTOR = re.compile(r"\s+(?:to|until|till|through)\s+|\s*[-–—]\s*")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("numeric", re.compile(rf"\b(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)"
                           rf"(?P<y>{YEAR})\b")),
    ("day_range", re.compile(rf"\b(?P<d>[0-3]?\d){_DASH}(?P<d2>[0-3]?\d)\s+(?P<m>{MONTH})"
                             rf"(?:,?\s+(?P<y>{YEAR}))?\b")),
    ("month_day_range", re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>[0-3]?\d){_DASH}"
                                   rf"(?P<d2>[0-3]?\d)(?:,?\s+(?P<y>{YEAR}))?\b")),
    ("day_month", re.compile(rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{MONTH})"
                             rf"(?:,?\s+(?P<y>{YEAR}))?\b")),
    ("month_day", re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>{_DAY})\b(?!:)"
                             rf"(?:,?\s+(?P<y>{YEAR})\b)?")),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})\b")),
    ("year_range", re.compile(rf"\b(?:(?P<rel>from|between)\s+)?(?P<y>{YEAR})"
                              rf"(?:\s+(?:to|until|and)\s+|[-–])(?P<y2>{YEAR})\b",
                              re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:in|since|by|until|till|from|before|after|during|of|year|"
                        rf"early|late|mid|end of|the year)\s+(?P<y>{YEAR})\b(?![-–]\d)"
                        rf"(?!\s+(?:years?|months?|days?)\b)", re.IGNORECASE)),
]
_RELATION = re.compile(r"\b(in|on|by|since|until|till|from|before|after|during|between|of)"
                       r"\s+(?:the\s+)?$", re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class _Found:
    """One date or range found in the text, before it becomes a table row."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    readings: tuple[str, ...] = ()


def _month(name: str) -> int:
    """Month number of "July", "Jul." or "Sept."."""
    return MONTH_NUMBERS[name.rstrip(".").lower()]


_DIGITS = re.compile(r"\d+")


def _day(text: str) -> int:
    """Day number of "6", "6th", "the sixth"."""
    word = text.lower().removeprefix("the").strip()
    digits = _DIGITS.match(word)
    return int(digits.group()) if digits else ORDINAL_WORDS[word]


def _valid(year: int | None, month: int, day: int | None) -> bool:
    """True if the day exists in that month (any year when the year is unknown)."""
    try:
        date(year or 2000, month, day or 1)
    except ValueError:
        return False
    return True


def _iso(year: int | None, month: int | None, day: int | None) -> str:
    """Partial ISO date ("2021", "2021-07", "2021-07-06"), or "" when the year is unknown."""
    if year is None:
        return ""
    return "-".join([f"{year:04d}", *(f"{p:02d}" for p in (month, day) if p)])


def _from_match(kind: str, match: re.Match[str]) -> _Found | None:
    """Turn one pattern match into a date or range, or None if it is not a real date."""
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    start, end = match.span()
    if kind == "numeric":
        first, second = int(groups["a"]), int(groups["b"])
        readings = tuple(dict.fromkeys(
            _iso(year, m, d) for d, m in ((first, second), (second, first)) if _valid(year, m, d)
        ))  # fmt: skip
        if not readings:
            return None
        if len(readings) > 1:
            return _Found(start, end, year, None, None, readings=readings)
        _, month, day = (int(p) for p in readings[0].split("-"))
        return _Found(start, end, year, month, day, readings=readings)
    if kind in ("year", "year_range"):
        if kind == "year":
            start = match.start("y")
            return _Found(start, end, year, None, None)
        start = match.start("rel") if groups.get("rel") else match.start("y")
        return _Found(start, end, year, None, None, end_year=int(groups["y2"]))
    month = int(groups["m"]) if kind == "iso" else _month(groups["m"])
    day = _day(groups["d"]) if groups.get("d") else None
    if not _valid(year, month, day):
        return None
    if kind in ("day_range", "month_day_range"):
        end_day = int(groups["d2"])
        if not _valid(year, month, end_day) or end_day <= (day or 0):
            return None
        return _Found(start, end, year, month, day, year, month, end_day)
    return _Found(start, end, year, month, day)


def _find(text: str) -> list[_Found]:
    """Every date in `text`, longest pattern first, without overlaps, in reading order."""
    claimed, taken = Claimed(), []
    for kind, pattern in _PATTERNS:
        matches = claimed.free(pattern.finditer(text), lambda match: match.span())
        found = (_from_match(kind, match) for match in matches)
        taken += claimed.take([f for f in found if f], lambda f: (f.start, f.end))
    return sorted(taken, key=lambda f: f.start)


def _connects(text: str, previous: _Found, between: str) -> bool:
    """True if the words between two dates make them one range ("to", a dash, "between
    ... and")."""
    if _CONNECTOR.fullmatch(between):
        return True
    before = text[max(0, previous.start - 10) : previous.start]
    return between.strip() == "and" and bool(_BETWEEN.search(before))


def _join_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """Merge "DATE to DATE" pairs into ranges; the second date lends the first its year."""
    joined: list[_Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        between = text[previous.end : item.start] if previous else ""
        if (previous and previous.end_year is None and previous.end_month is None
                and not previous.readings and not item.readings
                and _connects(text, previous, between)
                and (previous.month is None) == (item.month is None)):  # fmt: skip
            year = previous.year
            if year is None and item.year is not None:
                year = item.year - (1 if (previous.month or 0) > (item.month or 0) else 0)
            joined[-1] = replace(previous, end=item.end, year=year, end_year=item.year,
                                 end_month=item.month, end_day=item.day)  # fmt: skip
        else:
            joined.append(item)
    return joined


def _length_days(found: _Found) -> float:
    """Days covered by a day-precise range, counting both ends; NaN otherwise."""
    if None in (found.year, found.end_year, found.month, found.day, found.end_day):
        return float("nan")
    first = date(found.year, found.month, found.day)
    last = date(found.end_year, found.end_month, found.end_day)
    return float((last - first).days + 1)


def _flag(found: _Found, is_range: bool, length: float) -> str:
    """Short reason a date needs checking, or ""."""
    if len(found.readings) > 1:
        return "ambiguous day/month order: " + " or ".join(found.readings)
    if found.year is None:
        return "no year given: unresolved"
    if is_range and length == length and length <= 0:
        return "range ends before it starts"
    return ""


def _row(text: str, found: _Found, sentence: str) -> dict:
    """One table row for a date or range."""
    is_range = found.end_year is not None or found.end_day is not None
    precision = "day" if found.day or found.readings else "month" if found.month else "year"
    length = _length_days(found) if is_range else float("nan")
    resolved = found.year is not None and len(found.readings) <= 1
    relation = _RELATION.search(text[max(0, found.start - 12) : found.start])
    return {
        "surface": text[found.start : found.end], "start": found.start, "end": found.end,
        "sentence": sentence, "kind": "range" if is_range else "date", "precision": precision,
        "iso": _iso(found.year, found.month, found.day) if resolved else "",
        "iso_end": _iso(found.end_year, found.end_month, found.end_day) if is_range else "",
        "year": found.year, "month": found.month, "day": found.day, "length_days": length,
        "readings": found.readings, "relation": relation.group(1).lower() if relation else "",
        "resolved": resolved, "flag": _flag(found, is_range, length),
    }  # fmt: skip


DATE_COLUMNS = [
    "surface", "start", "end", "sentence", "kind", "precision", "iso", "iso_end", "year",
    "month", "day", "length_days", "readings", "relation", "resolved", "flag",
]  # fmt: skip


def date_rows(text: str) -> list[dict]:
    """The rows of `extract_dates` as dicts, for detectors that need no table."""
    sentences = SentenceFinder(text)
    return [_row(text, found, sentences.text_at(found.start))
            for found in _join_ranges(text, _find(text))]  # fmt: skip


def extract_dates(text: str) -> pd.DataFrame:
    """One row per date or date range in `text`: offsets, sentence, precision (day, month,
    year), partial ISO dates, range length in days, and a flag when it cannot be resolved."""
    table = pd.DataFrame(date_rows(text), columns=DATE_COLUMNS)
    for column in ("year", "month", "day"):
        table[column] = table[column].astype("Int64")
    return table


def years_mentioned(text: str) -> set[int]:
    """Calendar years that dates in `text` name (both ends of a range; known years only)."""
    table = extract_dates(text)
    ends = {int(iso[:4]) for iso in table["iso_end"] if iso}
    return {int(y) for y in table["year"].dropna()} | ends


def date_span(value: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day a partial ISO date ("2021", "2021-08", "2021-08-01") can mean."""
    if not value:
        return None
    parts = value.split("-")
    start = pd.Timestamp(value if len(parts) == 3 else "-".join([*parts, "01", "01"][:3]))
    if len(parts) == 3:
        return start, start
    end = start + (pd.offsets.YearEnd(0) if len(parts) == 1 else pd.offsets.MonthEnd(0))
    return start, end


def dates_by_text(corpus: pd.DataFrame) -> pd.DataFrame:
    """The dates of every text (`text_id`, then the `extract_dates` rows), with the first and
    last day each can mean (`first`, `last`)."""
    dates = per_text(corpus, extract_dates)
    spans = [date_span(iso) for iso in dates["iso"]]
    ends = [date_span(iso) for iso in dates["iso_end"]]
    dates["first"] = [s[0] if s else pd.NaT for s in spans]
    dates["last"] = [e[1] if e else (s[1] if s else pd.NaT) for s, e in zip(spans, ends,
                                                                              strict=True)]
    return dates
