"""Line up the figures of several texts and say which state the same claim, and whether they agree.

Two figures state the same claim when they count the same thing (similar `counted` phrase,
same kind) in similar sentences; figures that merely look alike (same thing counted, close
values, different sentences) are kept in one *family* so a reader can see they are different
claims. Each claim gets a verdict: `consistent` (qualifier-aware), `different time`,
`conflicting`, `different claims` or `unresolved`. Every row keeps its evidence.
"""

from __future__ import annotations

import math
import re

import pandas as pd
from rapidfuzz import fuzz

from helpers.dates import years_mentioned
from helpers.number_words import NUMBER_WORD
from helpers.numbers import extract_numbers, lemma

#: Kinds of figure that can make a claim (dates and names are not claims about amounts).
CLAIM_KINDS = ("count", "percent", "money", "duration", "ordinal", "range", "change")
#: Kinds whose equal values in different sentences are worth showing side by side.
LOOKALIKE_KINDS = ("count", "percent", "money", "range", "change")
#: Share of the smaller sentence's content words found in the other, and how many words
#: that is: two sentences sharing HIGH of their words (at least HIGH_WORDS of them) say the
#: same thing (a translation or a copy), whatever their figures; sentences sharing LOW (at
#: least LOW_WORDS words) are about the same event, so nearly equal figures there agree.
HIGH_CONTEXT, HIGH_WORDS, LOW_CONTEXT, LOW_WORDS = 0.5, 8, 0.3, 4
#: Similarity (0-100) of two `counted` phrases for them to count the same thing.
COUNTED_SIMILARITY = 80
#: Values this close (relative) look alike; exact figures this close agree (rounding);
#: "about" allows ABOUT either way.
CLOSE, ROUNDING, ABOUT = 0.05, 0.005, 0.1

CLAIM_COLUMNS = [
    "family", "claim", "verdict", "reason", "text_id", "outlet", "published", "phrase",
    "value", "high", "qualifier", "kind", "counted", "flag", "year", "year_basis",
    "sentence", "surface", "start", "end",
]  # fmt: skip
_STOP_LIST = (
    "a an the of to in on at by for from with and or but as is are was were be been has have "
    "had it its this that these those their our his her we they he she which who whose than "
    "more over under about nearly around some almost also not all such into other said says "
    "will would can could should may must there here so very most many much"
)
_STOP = frozenset(_STOP_LIST.split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]+")
_NUMBER_WORDS = re.compile(rf"^{NUMBER_WORD}$", re.IGNORECASE)


def context_words(sentence: str, counted: str = "") -> frozenset[str]:
    """Content words of a sentence, lemmatised, without stop words, number words and the
    words of `counted` (so two sentences are compared on what surrounds the figure)."""
    skip = set(counted.split())
    words = (lemma(w) for w in _TOKEN.findall(sentence))
    return frozenset(w for w in words
                     if w not in _STOP and w not in skip and not _NUMBER_WORDS.match(w))


def context_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two word sets relative to the smaller one (0 when either has < 3 words)."""
    if min(len(a), len(b)) < 3:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_claim(a: frozenset[str], b: frozenset[str], close: bool) -> bool:
    """True if two figures' sentence contexts `a`, `b` say the same thing (any values), or
    are about the same event and the figures are `close`."""
    similarity, shared = context_similarity(a, b), len(a & b)
    if similarity >= HIGH_CONTEXT and shared >= HIGH_WORDS:
        return True
    return close and similarity >= LOW_CONTEXT and shared >= LOW_WORDS


def interval(value: float, qualifier: str, high: float = math.nan) -> tuple[float, float]:
    """Values a figure allows: "more than 500" -> [500, inf), "nearly 300" -> [270, 330],
    "10 to 20" -> [10, 20], an exact figure -> itself give or take rounding."""
    top = value if math.isnan(high) else high
    if qualifier == "over":
        return value, math.inf
    if qualifier == "under":
        return 0.0, top
    if qualifier == "about":
        return value * (1 - ABOUT), top * (1 + ABOUT)
    return value * (1 - ROUNDING), top * (1 + ROUNDING)


def values_agree(rows: pd.DataFrame) -> bool:
    """True if one value fits every figure's qualifier at once (all intervals overlap)."""
    spans = [interval(r.value, r.qualifier, r.high) for r in rows.itertuples()]
    return max(s[0] for s in spans) <= min(s[1] for s in spans)


def _close(a: dict, b: dict) -> bool:
    """True if two figures have nearly the same value (and upper end, for ranges); ordinals
    and durations must be equal."""
    tolerance = 0.0 if a["kind"] in ("ordinal", "duration") else CLOSE

    def near(x: float, y: float) -> bool:
        both_nan = math.isnan(x) and math.isnan(y)
        return both_nan or abs(x - y) <= tolerance * max(abs(x), abs(y))

    return near(a["value"], b["value"]) and near(a["high"], b["high"])


def _figures(corpus: pd.DataFrame) -> pd.DataFrame:
    """All claim-kind figures of all texts, with evidence and the year each refers to."""
    frames = []
    for text_id, entry in corpus.iterrows():
        table = extract_numbers(entry["text"])
        table = table[table["kind"].isin(CLAIM_KINDS) & table["value"].notna()].copy()
        published = entry.get("published", "")
        published = published if isinstance(published, str) else ""
        outlet = entry.get("outlet", "")
        table["text_id"], table["outlet"] = text_id, outlet if isinstance(outlet, str) else ""
        table["published"] = published
        years = {s: sorted(years_mentioned(s)) for s in set(table["sentence"])}
        stated = [years[s] for s in table["sentence"]]
        table["year"] = [y[-1] if y else (int(published[:4]) if published else pd.NA)
                         for y in stated]  # fmt: skip
        table["year_basis"] = ["sentence" if y else ("publication" if published else "")
                               for y in stated]  # fmt: skip
        frames.append(table)
    figures = pd.concat(frames, ignore_index=True)
    figures["year"] = figures["year"].astype("Int64")
    return figures


def _links(figures: pd.DataFrame) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Pairs that state the same claim, and pairs that only look alike."""
    contexts = [context_words(s, c) for s, c in zip(figures["sentence"], figures["counted"],
                                                    strict=True)]  # fmt: skip
    same, alike = [], []
    rows = figures.to_dict("records")
    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if (a["kind"] != b["kind"] or not a["counted"] or not b["counted"]
                    or (a["text_id"] == b["text_id"] and a["sentence"] == b["sentence"])
                    or fuzz.token_set_ratio(a["counted"], b["counted"]) < COUNTED_SIMILARITY):
                continue  # fmt: skip
            close = _close(a, b)
            if same_claim(contexts[i], contexts[j], close):
                same.append((i, j))
            elif close and a["kind"] in LOOKALIKE_KINDS:
                alike.append((i, j))
    return same, alike


def _components(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Connected-component number of each of `n` items joined by `pairs` (union-find)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    order: dict[int, int] = {}
    return [order.setdefault(root(i), len(order) + 1) for i in range(n)]


def _lone_verdict(row: pd.Series, others: pd.DataFrame) -> tuple[str, str]:
    """Verdict for a figure stated once, against the look-alike figures of its family."""
    if others.empty:
        return "unresolved", "only one statement of this figure: nothing to compare it with"
    years = set(others["year"].dropna())
    if pd.notna(row["year"]) and years and row["year"] not in years:
        shown = ", ".join(str(y) for y in sorted(years))
        return ("different time", f"looks like figures from other years ({shown}); a count "
                f"stated in {row['year']} may have changed since or before")  # fmt: skip
    if pd.notna(row["year"]) and row["year"] in years:
        return ("different claims", "looks like a figure of the same year, but the sentences "
                "describe different things")  # fmt: skip
    return "unresolved", "looks like other figures, but the text gives no year to compare"


def _verdict(rows: pd.DataFrame, others: pd.DataFrame) -> tuple[str, str]:
    """Verdict and reason for one claim (the rows stating it); `others` are the look-alike
    figures of its family."""
    if len(rows) == 1:
        return _lone_verdict(rows.iloc[0], others)
    years = rows["year"].dropna().unique()
    if len(years) > 1:
        shown = ", ".join(str(y) for y in sorted(years))
        return "different time", f"the statements refer to different years ({shown})"
    if values_agree(rows):
        return "consistent", "one value fits every statement, given its qualifier"
    return ("conflicting", "the same thing is counted in matching sentences, but no single "
            "value fits every statement")  # fmt: skip


def claims_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every amount in every text, grouped into claims (same thing counted in matching
    sentences) and families (figures that look alike), with a verdict per claim."""
    figures = _figures(corpus)
    same, alike = _links(figures)
    figures["claim"] = _components(len(figures), same)
    figures["family"] = _components(len(figures), same + alike)
    verdicts = {}
    for _, family in figures.groupby("family"):
        for claim, rows in family.groupby("claim"):
            verdicts[claim] = _verdict(rows, family[family["claim"] != claim])
    figures["verdict"] = figures["claim"].map(lambda c: verdicts[c][0])
    figures["reason"] = figures["claim"].map(lambda c: verdicts[c][1])
    ordered = figures.sort_values(["family", "claim", "start"], kind="stable")
    return ordered[CLAIM_COLUMNS].reset_index(drop=True)


def claim_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """One line per claim stated by more than one figure or with a look-alike: its family,
    verdict, texts and figures as written."""
    sizes = claims.groupby("family")["claim"].transform("size")
    shown = claims[sizes > 1]
    return (shown.groupby(["family", "claim"], sort=True)
            .agg(verdict=("verdict", "first"), counted=("counted", "first"),
                 texts=("text_id", lambda s: ", ".join(dict.fromkeys(s))),
                 figures=("phrase", lambda s: " | ".join(s)), reason=("reason", "first"))
            .reset_index())  # fmt: skip


def family_of(claims: pd.DataFrame, text_id: str, words: str) -> int:
    """Family number of the first figure of `text_id` whose phrase contains `words`."""
    found = claims[(claims["text_id"] == text_id)
                   & claims["phrase"].str.contains(words, case=False, regex=False)]
    if found.empty:
        raise KeyError(f"no figure of {text_id!r} has {words!r} in its phrase")
    return int(found["family"].iloc[0])


def family_evidence(claims: pd.DataFrame, family: int) -> pd.DataFrame:
    """The rows of one family with the columns a reader needs to judge it."""
    columns = ["claim", "verdict", "text_id", "published", "year", "phrase", "flag", "sentence"]
    return claims.loc[claims["family"] == family, columns].reset_index(drop=True)
