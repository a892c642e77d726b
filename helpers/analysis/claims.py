"""Line up the figures of several texts and say which state the same claim, and whether they agree.

Two figures state the same claim when they count the same thing (similar `counted` phrase,
same kind) in similar sentences, or in sentences `trace_sources` traces to each other
(whatever their values: a rewrite that changes a figure conflicts with its source);
figures that merely look alike (same thing counted, close values, different sentences) are
kept in one *family* so a reader can see they are different claims. A year the sentence
names ("in 2024", or "last year" with the page's date) decides `different time`.
Each claim gets a verdict: `consistent` (qualifier-aware), `different time`,
`conflicting`, `different claims` or `unresolved`. Every row keeps its evidence.
Figures are not compared pair by pair: candidates are blocked by kind and similar `counted`
phrase, and each block is compared at once as a matrix, so the work grows with the blocks,
not with the square of the corpus.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from helpers.analysis.dates import years_mentioned
from helpers.analysis.numbers import extract_numbers
from helpers.analysis.tracing import trace_sources
from helpers.text.lexicon import FUNCTION_WORDS, LETTER_WORD, lemma, word_set
from helpers.text.number_words import NUMBER_WORD

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
#: Rows of a block compared at once (a block is compared as a matrix of this many rows).
BLOCK_ROWS = 1024
#: Up to this many texts, every pair is traced (`trace_sources`) and figures counting the same
#: thing in traced sentences are one claim whatever their values; beyond it (pairs grow
#: with the square of the texts) claims come from the sentences' shared words alone.
TRACED_TEXTS = 12
FIGURE_PAIR_COLUMNS = [
    "derived_surface", "derived_start", "derived_value", "counted", "source_surface",
    "source_start", "source_value", "status", "derived", "source", "via",
]  # fmt: skip

CLAIM_COLUMNS = [
    "family", "claim", "verdict", "reason", "text_id", "outlet", "published", "phrase",
    "value", "high", "qualifier", "kind", "counted", "flag", "year", "year_basis",
    "sentence", "surface", "start", "end",
]  # fmt: skip
_STOP = FUNCTION_WORDS | word_set("nearly almost very many much said says")
_NUMBER_WORDS = re.compile(rf"^{NUMBER_WORD}$", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def context_words(sentence: str, counted: str = "") -> frozenset[str]:
    """Content words of a sentence, lemmatised, without stop words, number words and the
    words of `counted` (so two sentences are compared on what surrounds the figure); cached,
    since texts repeat sentences (copies, quotations)."""
    skip = set(counted.split())
    words = (lemma(w) for w in LETTER_WORD.findall(sentence))
    return frozenset(w for w in words
                     if w not in _STOP and w not in skip and not _NUMBER_WORDS.match(w))


_RELATIVE_YEAR = re.compile(r"\b(last|this|next|previous|past|coming)\s+year\b", re.IGNORECASE)
_YEAR_SHIFT = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}


def relative_years(sentence: str, published: str) -> set[int]:
    """Years a sentence names relative to the page's date ("last year" on a page of 2026
    is 2025); empty without a publication year."""
    if not published[:4].isdigit():
        return set()
    year = int(published[:4])
    return {year + _YEAR_SHIFT[m.group(1).lower()] for m in _RELATIVE_YEAR.finditer(sentence)}


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


def _amounts(text: str) -> pd.DataFrame:
    """The claim-kind figures of a text that have a value."""
    table = extract_numbers(text)
    return table[table["kind"].isin(CLAIM_KINDS) & table["value"].notna()]


def counts_same_thing(a: str, b: str) -> bool:
    """True when two `counted` phrases name the same thing ("trade union" / "union")."""
    if not a or not b:
        return False
    return a.split()[-1] == b.split()[-1] or fuzz.token_set_ratio(a, b) >= COUNTED_SIMILARITY


def _partner(figure, candidates: pd.DataFrame, bare: list[int]):
    """The figure among `candidates` (figures of the traced source sentence) that counts the
    same thing as `figure`: same kind and counted noun, or, when neither names what it counts
    (percentages, sums of money, "a vote of 12 to 3"), the only one of its kind, or the one
    in the same place when both sentences have as many such figures of the kind (`bare`:
    starts of the derived sentence's figures of this kind that name nothing counted)."""
    same_kind = candidates[candidates["kind"] == figure.kind]
    for other in same_kind.itertuples():
        if counts_same_thing(figure.counted, other.counted):
            return other
    if figure.counted or not len(same_kind) or same_kind["counted"].astype(bool).any():
        return None
    if len(same_kind) == 1:
        return next(same_kind.itertuples())
    if len(same_kind) == len(bare):
        return next(same_kind.iloc[[bare.index(figure.start)]].itertuples())
    return None


def figure_pairs(derived: str, source: str, trace: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each amount in `derived` beside the amount of its traced source sentence (or of a
    sentence it also draws on) that counts the same thing, however far the values differ
    (that difference is the finding).
    `status`: `same` (one value fits both, given qualifiers), `changed`, `unpaired` (the
    sentence is traced but its source has no figure counting this) or `no source` (the
    sentence has no source in `source`); `via`: `source` or `also from` (the sentence it
    also draws on). `trace`: the whole `trace_sources(derived, source)` table when the caller
    already has it (the compare widget), so it is not computed twice."""
    if trace is None:
        trace = trace_sources(derived, source)
    theirs = _amounts(source)
    ends = trace["derived_end"].tolist()
    rows = []
    mine = _amounts(derived)
    for figure in mine.itertuples():
        k = bisect.bisect_right(ends, figure.start)
        traced = trace.iloc[k] if k < len(trace) else None
        other, via = None, ""
        if traced is None or traced["source"] is None:
            status = "no source"
        else:
            spans = [(traced["source_start"], traced["source_end"])]
            for text in traced["also_from"]:
                at = source.find(text)
                spans.append((at, at + len(text)))
            sentence = mine[(mine["start"] >= traced["derived_start"])
                            & (mine["start"] < traced["derived_end"])
                            & (mine["kind"] == figure.kind) & ~mine["counted"].astype(bool)]
            bare = sorted(sentence["start"].tolist())
            for n, (start, end) in enumerate(spans):
                inside = theirs[(theirs["start"] >= start) & (theirs["start"] < end)]
                other = _partner(figure, inside.sort_values("start"), bare)
                if other is not None:
                    via = "also from" if n else "source"
                    break
            if other is None:
                status = "unpaired"
            else:
                both = pd.DataFrame([figure._asdict(), other._asdict()])
                status = "same" if values_agree(both) else "changed"
        rows.append({
            "derived_surface": figure.phrase, "derived_start": figure.start,
            "derived_value": figure.value, "counted": figure.counted,
            "source_surface": other.phrase if other is not None else None,
            "source_start": other.start if other is not None else None,
            "source_value": other.value if other is not None else math.nan,
            "status": status, "derived": figure.sentence,
            "source": traced["source"] if traced is not None else None, "via": via,
        })  # fmt: skip
    return pd.DataFrame(rows, columns=FIGURE_PAIR_COLUMNS)


def _traced_links(corpus: pd.DataFrame, figures: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs of figures (row numbers of `figures`) that count the same thing in sentences
    traced to each other, for every pair of texts (at most TRACED_TEXTS texts)."""
    if len(corpus) > TRACED_TEXTS:
        return []
    number = {(t, s): n for n, (t, s) in enumerate(zip(figures["text_id"], figures["start"],
                                                        strict=True))}  # fmt: skip
    links = []
    ids = list(corpus.index)
    for later, earlier in itertools.combinations(ids, 2):
        pairs = figure_pairs(corpus.loc[earlier, "text"], corpus.loc[later, "text"])
        traced = pairs[pairs["status"].isin(["same", "changed"]) & (pairs["via"] == "source")]
        for row in traced.itertuples():
            a = number.get((earlier, row.derived_start))
            b = number.get((later, int(row.source_start)))
            if a is not None and b is not None:
                links.append((a, b))
    return links


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
        years = {s: sorted(years_mentioned(s) | relative_years(s, published))
                 for s in set(table["sentence"])}  # fmt: skip
        stated = [years[s] for s in table["sentence"]]
        table["year"] = [y[-1] if y else (int(published[:4]) if published else pd.NA)
                         for y in stated]  # fmt: skip
        table["year_basis"] = ["sentence" if y else ("publication" if published else "")
                               for y in stated]  # fmt: skip
        frames.append(table)
    figures = pd.concat(frames, ignore_index=True)
    figures["year"] = figures["year"].astype("Int64")
    return figures


def _close(values: tuple[np.ndarray, np.ndarray], highs: tuple[np.ndarray, np.ndarray],
           kind: str) -> np.ndarray:  # fmt: skip
    """Matrix (rows: first arrays, columns: second arrays): True where two figures have
    nearly the same value and upper end (for ranges); ordinals and durations must be equal."""
    tolerance = 0.0 if kind in ("ordinal", "duration") else CLOSE

    def near(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        x, y = x[:, None], y[None, :]
        with np.errstate(invalid="ignore"):
            within = np.abs(x - y) <= tolerance * np.maximum(np.abs(x), np.abs(y))
        return within | (np.isnan(x) & np.isnan(y))

    return near(*values) & near(*highs)


class _Contexts:
    """The context words of many figures as word numbers in one flat array (`words`, with
    `offsets[i]:offsets[i + 1]` for figure i), so blocks of them become matrices in numpy."""

    def __init__(self, contexts: list[frozenset[str]]) -> None:
        vocabulary: dict[str, int] = {}
        self.words = np.array([vocabulary.setdefault(w, len(vocabulary)) for c in contexts
                               for w in sorted(c)], dtype=np.int64)  # fmt: skip
        self.offsets = np.cumsum([0, *(len(c) for c in contexts)])

    def incidence(self, items: np.ndarray) -> np.ndarray:
        """One row per item, one column per word they use: 1 where the word is in its context."""
        lengths = self.offsets[items + 1] - self.offsets[items]
        rows = np.repeat(np.arange(items.size), lengths)
        within = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        columns, column = np.unique(self.words[np.repeat(self.offsets[items], lengths) + within],
                                    return_inverse=True)  # fmt: skip
        matrix = np.zeros((items.size, max(1, columns.size)))
        matrix[rows, column] = 1.0
        return matrix


def _same_claim(contexts: _Contexts, rows: np.ndarray, columns: np.ndarray,
                close: np.ndarray) -> np.ndarray:  # fmt: skip
    """Matrix: True where two figures' sentence contexts say the same thing (they share
    HIGH_CONTEXT of the smaller context and at least HIGH_WORDS words, any values), or are
    about the same event (LOW_CONTEXT, LOW_WORDS) and the figures are `close`. A context of
    fewer than 3 words matches nothing."""
    words = contexts.incidence(np.concatenate([rows, columns]))
    left, right = words[: rows.size], words[rows.size :]
    shared = left @ right.T
    smaller = np.minimum(left.sum(axis=1)[:, None], right.sum(axis=1)[None, :])
    similarity = np.where(smaller >= 3, shared / np.maximum(smaller, 1), 0.0)
    strong = (similarity >= HIGH_CONTEXT) & (shared >= HIGH_WORDS)
    return strong | (close & (similarity >= LOW_CONTEXT) & (shared >= LOW_WORDS))


def _blocks(profiles: pd.DataFrame) -> list[tuple[str, np.ndarray, np.ndarray, bool]]:
    """Candidate blocks: for each kind, each pair of `counted` phrases similar enough to
    count the same thing (rapidfuzz `cdist` over the distinct phrases), with the profiles of
    each phrase and whether the phrase is paired with itself."""
    blocks = []
    counted = profiles[profiles["counted"] != ""]
    for kind, group in counted.groupby("kind", sort=False):
        members = group.groupby("counted", sort=False).indices
        phrases = list(members)
        scores = process.cdist(phrases, phrases, scorer=fuzz.token_set_ratio,
                               score_cutoff=COUNTED_SIMILARITY, workers=1)  # fmt: skip
        positions = group.index.to_numpy()
        for a, b in zip(*np.nonzero(np.triu(scores >= COUNTED_SIMILARITY)), strict=True):
            blocks.append((str(kind), positions[members[phrases[a]]],
                           positions[members[phrases[b]]], bool(a == b)))  # fmt: skip
    return blocks


def _profiles(figures: pd.DataFrame) -> tuple[pd.DataFrame, list[frozenset[str]], list[list[int]]]:
    """Distinct combinations of what decides a link (kind, counted, value, upper end,
    context words): a table of them, their contexts, and the figures having each."""
    members: dict[tuple, list[int]] = {}
    columns = (figures[c].tolist() for c in ("kind", "counted", "value", "high", "sentence"))
    for i, (kind, counted, value, high, sentence) in enumerate(zip(*columns, strict=True)):
        context = context_words(sentence, counted)
        key = (kind, counted, value, None if math.isnan(high) else high, context)
        members.setdefault(key, []).append(i)
    keys = list(members)
    table = pd.DataFrame([k[:4] for k in keys], columns=["kind", "counted", "value", "high"])
    table["high"] = table["high"].astype(float)
    return table, [k[4] for k in keys], list(members.values())


def _by_place(figures: list[int], place: np.ndarray) -> dict[int, list[int]]:
    """Figures grouped by their place (text and sentence), in order of first appearance."""
    groups: dict[int, list[int]] = {}
    for figure in figures:
        groups.setdefault(int(place[figure]), []).append(figure)
    return groups


def _bucket_edges(ours: dict, theirs: dict) -> list[tuple[int, int]]:
    """Edges between place buckets of two lists that connect them as "every pair of buckets
    from different places" would: a spanning set, linear in the number of buckets."""
    first = next(iter(ours))
    other = next((y for y in theirs if y != first), None)
    if other is None:
        return [(x, first) for x in ours if x != first]
    edges = [(first, y) for y in theirs if y != first] + [(x, other) for x in ours if x != other]
    spare = next((x for x in ours if x not in (first, other)), other if other in ours else None)
    if first in theirs and spare is not None:
        edges.append((spare, first))
    spare = next((y for y in theirs if y not in (first, other)), first if first in theirs else None)
    if other in ours and spare is not None:
        edges.append((other, spare))
    return edges


def _spanning(left: list[int], right: list[int], place: np.ndarray) -> list[tuple[int, int]]:
    """Few pairs that join the figures of `left` and `right` into the same groups as linking
    every pair from different places would (`left is right`: pairs within one list)."""
    if left is right:
        linked = len({place[i] for i in left}) > 1
        return [(left[0], figure) for figure in left[1:]] if linked else []
    ours, theirs = _by_place(left, place), _by_place(right, place)
    edges = _bucket_edges(ours, theirs)
    pairs = [(ours[x][0], theirs[y][0]) for x, y in edges]
    for buckets, used in ((ours, {x for x, _ in edges}), (theirs, {y for _, y in edges})):
        pairs += [(buckets[b][0], figure) for b in used for figure in buckets[b][1:]]
    return pairs


def _forest(row_ids: np.ndarray, column_ids: np.ndarray,
            linked: np.ndarray) -> list[tuple[int, int]]:  # fmt: skip
    """Pairs (each item, the smallest item of its group) that connect the ids exactly as the
    True cells of `linked` (rows `row_ids`, columns `column_ids`) do; min-label propagation
    over the edge arrays, so the work stays in numpy."""
    rows, columns = np.nonzero(linked)
    if rows.size == 0:
        return []
    nodes, index = np.unique(np.concatenate([row_ids[rows], column_ids[columns]]),
                             return_inverse=True)  # fmt: skip
    a, b = index[: rows.size], index[rows.size :]
    labels = np.arange(nodes.size)
    while True:
        lowest, updated = np.minimum(labels[a], labels[b]), labels.copy()
        np.minimum.at(updated, a, lowest)
        np.minimum.at(updated, b, lowest)
        updated = updated[updated]
        if np.array_equal(updated, labels):
            break
        labels = updated
    moved = labels != np.arange(nodes.size)
    return list(zip(nodes[moved].tolist(), nodes[labels[moved]].tolist(), strict=True))


def _links(figures: pd.DataFrame) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Pairs that state the same claim, and pairs that only look alike: enough of them to
    connect the same groups as all such pairs. Figures are never compared two by two: equal
    profiles are compared once, and only within blocks of one kind and similar `counted`
    phrases (see `_blocks`), BLOCK_ROWS rows at a time to bound memory. Links between figures
    with a profile of their own are reduced in numpy (`_forest`), the rest by `_spanning`."""
    profiles, texts, members = _profiles(figures)
    contexts = _Contexts(texts)
    place = pd.factorize(figures["text_id"].astype(str) + "\0" + figures["sentence"])[0]
    values, highs = profiles["value"].to_numpy(float), profiles["high"].to_numpy(float)
    alone = np.array([len(m) == 1 for m in members])
    only = np.array([m[0] for m in members])
    same, alike = [], []
    for kind, rows, columns, itself in _blocks(profiles):
        for start in range(0, len(rows), BLOCK_ROWS):
            left = rows[start : start + BLOCK_ROWS]
            close = _close((values[left], values[columns]), (highs[left], highs[columns]), kind)
            claim = _same_claim(contexts, left, columns, close)
            look = ~claim & close & (kind in LOOKALIKE_KINDS)
            if itself:
                upper = left[:, None] <= columns[None, :]
                claim, look = claim & upper, look & upper
            single = alone[left][:, None] & alone[columns][None, :]
            apart = place[only[left]][:, None] != place[only[columns]][None, :]
            for found, into in ((claim, same), (look, alike)):
                into += _forest(only[left], only[columns], found & single & apart)
                shared = found & ~single
                for a, b in zip(left[np.nonzero(shared)[0]], columns[np.nonzero(shared)[1]],
                                strict=True):  # fmt: skip
                    into += _spanning(members[a], members[a] if a == b else members[b], place)
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
    same += _traced_links(corpus, figures)
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
