"""Page furniture: lines of a web page's template (navigation, banners, stamps, bylines,
disclaimers, comment boxes) rather than the article, found by general patterns of web templates.

Pure functions; they know nothing about particular texts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from helpers.analysis.tables import span_table
from helpers.text.lexicon import MONTH

#: Longest line (in characters) still considered furniture rather than a paragraph of content.
MAX_FURNITURE_CHARS = 200


class FurnitureRule(NamedTuple):
    """One kind of page furniture: a pattern for a whole line and what it tells a reader."""

    kind: str
    pattern: re.Pattern
    meaning: str


def _rule(kind: str, pattern: str, meaning: str) -> FurnitureRule:
    """A rule whose pattern is matched case-insensitively against a stripped line."""
    return FurnitureRule(kind, re.compile(pattern, re.IGNORECASE), meaning)


_SEPARATOR = r"\s*[›>»/|:]+\s*"

#: Checked in order; a line gets the first rule it matches.
FURNITURE_RULES: tuple[FurnitureRule, ...] = (
    _rule(
        "breadcrumb",
        rf"^(?:you are here:\s*)?home(?:{_SEPARATOR}\S|(?-i:[A-Z]))",
        "The site's navigation trail (Home › section › title): it names the host site's "
        "sections, not the author; a run-together trail means separators were lost in copying.",
    ),
    _rule(
        "navigation",
        r"^(?:(?:nav(?:igation)?|menu|search|home|log ?in|sign ?in|skip to (?:main )?content)"
        r"\b\W*)+$",
        "Menu or search labels from the host site's template.",
    ),
    _rule(
        "mailing-list prompt",
        r"\b(?:join|subscribe(?: to)?|sign ?up(?: for| to)?|get)\b.{0,60}"
        r"\b(?:mailing list|newsletters?|e-?mail updates|alerts)\b",
        "A sign-up prompt of the host site: it says who runs the page, not who wrote the text.",
    ),
    _rule(
        "donation banner",
        r"\b(?:please donate|donate (?:now|today|here)|make an? (?:charitable |one-time |monthly )?"
        r"(?:donation|contribution)|support us\b|become an? (?:member|patron|supporter))",
        "A site-wide banner. Banners change over time, so one can date the copy you are reading.",
    ),
    _rule(
        "page stamp",
        r"^(?:page )?(?:last )?(?:modified|updated|revised)\b\s*(?:on\b|:)",
        "When the page file was last changed: not necessarily when the text was first written "
        "or published. Check the order of day and month.",
    ),
    _rule(
        "byline",
        r"^by\s+\S.*\b(?:source|updated|published|posted)\s*:|\breporters?\s+[A-Z]\w+"
        r"|^(?:source|author|editor|by)\s*:|^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$",
        "Who wrote it and where it comes from, as the page states it. Note the source named "
        "and any 'Updated' date, which may differ from the first publication.",
    ),
    _rule(
        "author note",
        r"^the (?:author|writer)s? (?:is|are|was|were)\b",
        "The author's position as the page states it: it tells you from where the author speaks.",
    ),
    _rule(
        "disclaimer",
        r"\b(?:views?|opinions?)\b.{0,80}\b(?:do(?:es)?\s*n[o’']?t|do not|does not)\s+"
        r"(?:necessarily\s+)?(?:reflect|represent)|^disclaimer\b",
        "The host says it does not vouch for the text: it carries it without endorsing it.",
    ),
    _rule(
        "reprint line",
        r"^(?:original(?:ly)? (?:title|headline|published|source)|this (?:article|story) "
        r"(?:was )?(?:first )?(?:appeared|published)|reprinted (?:from|with))\b",
        "The text was taken over from somewhere else; look for the first place it appeared.",
    ),
    _rule(
        "translation label",
        r"^\(?(?:unofficial |official |machine |automatic )?translat(?:ion|ed)\b[^.]{0,60}\)?$",
        "The page itself says the text is a translation.",
    ),
    _rule(
        "dateline",
        rf"^\((?:[^()]{{1,60}},\s*)?[A-Z][\w .'-]+,\s*{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?"
        rf"(?:,?\s*\d{{4}})?\)$|^[A-Z][\w .'-]{{1,40}},\s*(?:\d{{1,2}}\s+{MONTH}\s+\d{{4}}"
        rf"|{MONTH}\s+\d{{1,2}},?\s+\d{{4}})$",
        "Place and date of the report or speech (and sometimes the agency that filed it).",
    ),
    _rule(
        "comment box",
        r"^(?:leave an? \w+|add an? comment|post an? comment|write an? comment|"
        r"\d+\s+(?:comments?|responses?|replies)|comments?(?:\s*\(\d+\))?|be the first to "
        r"comment\b.*)\W*$",
        "The heading of the site's comment form: it belongs to the (re)publishing site's "
        "template, not to the article. A misspelt heading is the template's own slip.",
    ),
    _rule(
        "share or follow prompt",
        r"^(?:share(?: this(?: article| story| page)?)?(?: on\b.*)?|follow us\b.*|"
        r"print(?: this)?(?: article| page)?|e-?mail this(?: article| story)?)\W*$",
        "Social-media or print buttons of the site's template.",
    ),
    _rule(
        "copyright line",
        r"(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b)",
        "Names who holds the rights to the page, which can differ from who wrote the text.",
    ),
)


def furniture_kind(line: str) -> FurnitureRule | None:
    """The first rule a single line matches, or None for ordinary content."""
    stripped = " ".join(line.split())
    if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
        return None
    return next((rule for rule in FURNITURE_RULES if rule.pattern.search(stripped)), None)


def lines(text: str) -> list[tuple[int, int, str]]:
    """(number from 1, offset, line without its line break) for every line of `text`, with
    the line breaks `str.splitlines` knows."""
    found, offset = [], 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        bare = line.splitlines()[0]
        found.append((number, offset, bare))
        offset += len(line)
    return found


def page_furniture(text: str) -> pd.DataFrame:
    """Lines that look like page furniture (site template, stamps, bylines) rather than content.

    A span table (`start`, `end`, `surface`: the line without its outer spaces, `kind`,
    `explanation`: what such a line tells a reader) plus `line`, the line's number from 1.
    """
    rows = []
    for number, offset, line in lines(text):
        rule = furniture_kind(line)
        if rule is not None:
            start = offset + len(line) - len(line.lstrip())
            end = offset + len(line.rstrip())
            rows.append((start, end, text[start:end], rule.kind, rule.meaning, number))
    return span_table(rows, extra=["line"])
