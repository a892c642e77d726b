"""Trace each sentence of a later text (a rewrite, a report, a page that quotes) to the
sentence of an earlier text it comes from, and check its quotations word for word.

Candidates come from an inverted index of each derived sentence's rarest words, so only a
handful of source sentences are scored per derived sentence (near-linear on long texts);
rapidfuzz's C++ scorers do the scoring. Typography (quote marks, apostrophes, dashes,
spacing, capitals) is ignored; words are not.

`trace_sources` gives one row per derived sentence; `left_out` gives the source sentences
nothing in the derived text comes from. Both share one cached computation per pair.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from helpers.text.quotations import quotation_spans
from helpers.text.sentences import Sentence, split_sentences

COLUMNS = [
    "derived", "derived_start", "derived_end", "source", "source_start", "source_end",
    "score", "relation", "in_quotes", "verbatim", "omitted_before", "also_from",
]  # fmt: skip
LEFT_OUT_COLUMNS = ["source", "source_start", "source_end", "source_index"]

# Relations of a whole derived sentence to its source sentence, from the 0..1 score:
# - verbatim: all its words (six or more), in order, stand in the source;
# - close (score >= 0.80): a few words changed, added or dropped, e.g. one verb swapped in a
#   twelve-word sentence, or "he said" added around a quotation;
# - paraphrase (score >= 0.45): the same content with many words changed; two unrelated
#   sentences that share a rare word but otherwise only function words score below this;
# - none: below that (below 0.80 for sentences under six words), or no source sentence
#   shares a content word.
CLOSE = 0.80
PARAPHRASE = 0.45

_TYPOGRAPHY = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ", "\u2007": " ",
    }
)  # fmt: skip
_WORD = re.compile(r"\w+(?:['.,-]\w+)*")
# English words too common to show that two sentences share content. For texts in other
# languages tracing still works, with less precise candidates.
_FUNCTION_WORD_LIST = (
    "a an the of to in on at by for from with and or but nor as is are was were be been "
    "it its this that these those he she we they i you his her our their your will would "
    "shall should can could may might must has have had do does did not no so than then "
    "there which who whom whose what when where how all any each more most other some such"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_ELLIPSIS = re.compile(r"(?:\.\s?){3,}|…|\[\s*\.\.\.\s*\]")
_RARE_WORDS_PER_SENTENCE = 8
_CANDIDATES = 6
# A word in more source sentences than this is too common to pick candidates with.
_MAX_POSTINGS = 60
# One derived sentence may merge two source sentences: unless the best alone is close, it is
# tried with the next candidates, and a pair's score counts when it beats the best alone by
# this much.
_PAIRED = 3
_PAIR_GAIN = 0.05
# Another sentence counts as a further source when it supplies at least this many of the
# content words the best source lacks (and 30% of them): two shared names are not enough.
_ALSO_WORDS = 3
# Below this many words a derived sentence is judged as a whole, never as an excerpt, and
# needs a close match: a short heading shares too few words to show a paraphrase.
_SHORT_WORDS = 6


def comparable_words(text: str) -> list[str]:
    """Words of `text` with typography and capitals levelled: what a verbatim check compares."""
    return _WORD.findall(text.translate(_TYPOGRAPHY).lower())




def _stems(words: list[str]) -> set[str]:
    """Content words, alphabetic ones cut to five letters ("humanity" meets "human")."""
    stems = set()
    for word in words:
        if word not in _FUNCTION_WORDS:
            joined = word.replace("-", "")
            stems.add(joined[:5] if joined.isalpha() else word)
    return stems


@dataclass(frozen=True)
class _Text:
    """A text's sentences and each sentence's comparable words."""

    sentences: list[Sentence]
    words: list[list[str]]
    stems: list[set[str]]

    @classmethod
    def of(cls, text: str) -> _Text:
        sentences = split_sentences(text)
        words = [comparable_words(s.text) for s in sentences]
        return cls(sentences, words, [_stems(w) for w in words])

    def window(self, centre: int, reach: int) -> list[str]:
        """Words of sentences `centre - reach` to `centre + reach`, run together."""
        last = min(len(self.words), centre + reach + 1)
        return [w for n in range(max(0, centre - reach), last) for w in self.words[n]]


class _Index:
    """Inverted index of source sentences by word, weighted by rarity (IDF)."""

    def __init__(self, source: _Text):
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, words in enumerate(source.words):
            for word in set(words):
                self.postings[word].append(number)
        total = max(1, len(source.words))
        self.idf = {w: math.log(1 + total / len(p)) for w, p in self.postings.items()}

    def candidates(self, words: list[str]) -> list[int]:
        """Source sentences sharing the most rare content words with `words`, best first."""
        usable = {w for w in words if w in self.postings and w not in _FUNCTION_WORDS}
        rare = sorted(usable, key=lambda w: (len(self.postings[w]), w))
        rare = rare[:_RARE_WORDS_PER_SENTENCE]
        votes: Counter[int] = Counter()
        for word in rare:
            postings = self.postings[word]
            if len(postings) <= _MAX_POSTINGS:
                for number in postings:
                    votes[number] += self.idf[word]
        ranked = heapq.nsmallest(_CANDIDATES, votes.items(), key=lambda vote: (-vote[1], vote[0]))
        return [number for number, _ in ranked]


def _score(
    derived: list[str], source: list[str], stems_d: set[str], stems_s: set[str]
) -> tuple[float, float]:
    """Similarity 0..1 of two word lists, the best of: the word-level LCS ratio (every added
    or dropped word counts); the overlap (Dice) of their content-word stems, for paraphrase;
    and, when the derived sentence is much shorter (an excerpt or a summary of a long
    sentence), the share of its content words found in order in the source. Second item:
    the LCS ratio alone, to break ties."""
    if not derived or not source:
        return 0.0, 0.0
    whole = Indel.normalized_similarity(derived, source)
    dice = 2 * len(stems_d & stems_s) / max(1, len(stems_d) + len(stems_s))
    if _SHORT_WORDS <= len(derived) < 0.6 * len(source):
        inside = fuzz.partial_ratio(" ".join(derived), " ".join(source)) / 100
        content = [w for w in derived if w not in _FUNCTION_WORDS]
        in_order = LCSseq.similarity(content, [w for w in source if w not in _FUNCTION_WORDS])
        return max(whole, dice, min(inside, in_order / max(1, len(content)))), whole
    return max(whole, dice), whole


def _contains(words: list[str], haystack: list[str]) -> bool:
    """True when `words` occur, contiguous and in order, in `haystack`."""
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(haystack)} "


@dataclass
class _Row:
    """What is found for one derived sentence."""

    sentence: Sentence
    in_quotes: bool
    quotation: int | None
    source: int | None = None
    score: float = 0.0
    relation: str = "none"
    verbatim: bool = False
    also_from: list[int] = field(default_factory=list)


def _also_from(words: list[str], best: int, others: list[int], source: _Text) -> list[int]:
    """Other candidate sentences that supply content words the best source lacks."""
    missing = {w for w in words if w not in _FUNCTION_WORDS} - set(source.words[best])
    also = []
    for other in others:
        gained = missing & set(source.words[other])
        if len(gained) >= _ALSO_WORDS and len(gained) >= 0.3 * len(missing):
            also.append(other)
            missing -= gained
    return also


def _match(row: _Row, words: list[str], stems: set[str], quoted: list[str], index: _Index,
           source: _Text) -> None:  # fmt: skip
    """Fill in the best source sentence of one derived sentence, its score and relation."""
    candidates = index.candidates(words)
    if not candidates:
        return
    scored = sorted(
        ((*_score(words, source.words[c], stems, source.stems[c]), c) for c in candidates),
        reverse=True,
    )
    row.score, _, best = scored[0]
    partner = None
    for _, _, other in scored[1:_PAIRED] if row.score < CLOSE else []:
        first, second = sorted((best, other))
        joint, _ = _score(words, source.words[first] + source.words[second], stems,
                          source.stems[first] | source.stems[second])  # fmt: skip
        if joint > row.score + _PAIR_GAIN:
            row.score, partner = joint, other
    whole_verbatim = len(words) >= _SHORT_WORDS and _contains(words, source.window(best, 1))
    checked = quoted if row.in_quotes else words
    found = len(checked) >= 2 and _contains(checked, source.window(best, 2))
    needed = PARAPHRASE if len(words) >= _SHORT_WORDS else CLOSE
    if row.score < needed and not whole_verbatim and not (row.in_quotes and found):
        return
    row.source = best
    row.verbatim = found if row.in_quotes else whole_verbatim
    if whole_verbatim:
        row.relation = "verbatim"
    else:
        row.relation = "close" if row.score >= CLOSE else "paraphrase"
    others = [c for *_, c in scored[1:] if c != partner]
    row.also_from = [partner] if partner is not None else []
    row.also_from += _also_from(words, best, others, source)


def _spans_in(sentence: Sentence, spans: list[tuple[int, int]], first: int) -> list:
    """`(span number, start, end)` of the quotation parts inside one sentence, looking at
    spans from `first` on (spans are sorted by start)."""
    inside = []
    for n in range(first, len(spans)):
        start, end = spans[n]
        if start >= sentence.end:
            break
        if end > sentence.start:
            inside.append((n, max(start, sentence.start), min(end, sentence.end)))
    return inside


def _trace(derived_text: str, source_text: str) -> tuple[list[_Row], _Text]:
    """Match every derived sentence; the shared work behind `trace_sources` and `left_out`."""
    derived, source = _Text.of(derived_text), _Text.of(source_text)
    index = _Index(source)
    spans = quotation_spans(derived_text)
    rows = []
    first = 0  # spans before this one end before the current sentence
    for sentence, words, stems in zip(derived.sentences, derived.words, derived.stems,
                                      strict=True):  # fmt: skip
        while first < len(spans) and spans[first][1] <= sentence.start:
            first += 1
        inside = _spans_in(sentence, spans, first)
        quoted = [w for _, s, e in inside for w in comparable_words(derived_text[s:e])]
        row = _Row(sentence, bool(inside), inside[0][0] if inside else None)
        _match(row, words, stems, quoted, index, source)
        rows.append(row)
    return rows, source


def _omitted_before(rows: list[_Row], k: int, derived_text: str, source: _Text) -> list[str]:
    """Source sentences skipped without an ellipsis between quoted sentences k-1 and k, when
    both belong to one continuous quotation and follow the source's order."""
    row, previous = rows[k], rows[k - 1] if k else None
    if (
        previous is None
        or row.quotation is None
        or row.quotation != previous.quotation
        or row.source is None
        or previous.source is None
        or row.source <= previous.source + 1
    ):
        return []
    junction = derived_text[max(0, previous.sentence.end - 6) : row.sentence.start + 6]
    if _ELLIPSIS.search(junction):
        return []
    return [s.text for s in source.sentences[previous.source + 1 : row.source]]


def _table_row(rows: list[_Row], k: int, derived_text: str, source: _Text) -> dict:
    """One row of the trace table."""
    row = rows[k]
    found = source.sentences[row.source] if row.source is not None else None
    return {
        "derived": row.sentence.text,
        "derived_start": row.sentence.start,
        "derived_end": row.sentence.end,
        "source": found.text if found else None,
        "source_start": found.start if found else None,
        "source_end": found.end if found else None,
        "score": round(row.score, 3),
        "relation": row.relation,
        "in_quotes": row.in_quotes,
        "verbatim": row.verbatim,
        "omitted_before": _omitted_before(rows, k, derived_text, source),
        "also_from": [source.sentences[n].text for n in row.also_from],
    }


@lru_cache(maxsize=32)
def _cached_trace(derived_text: str, source_text: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables for one pair of texts, computed once (the widget asks repeatedly)."""
    rows, source = _trace(derived_text, source_text)
    trace = pd.DataFrame(
        [_table_row(rows, k, derived_text, source) for k in range(len(rows))], columns=COLUMNS
    )
    for column in ("source_start", "source_end"):
        trace[column] = trace[column].astype("Int64")
    found = [source.sentences[r.source].text if r.source is not None else None for r in rows]
    trace["source"] = pd.Series(found, index=trace.index, dtype=object)
    used = {n for row in rows if row.source is not None for n in [row.source, *row.also_from]}
    unused = [
        {"source": s.text, "source_start": s.start, "source_end": s.end, "source_index": n}
        for n, s in enumerate(source.sentences)
        if n not in used
    ]
    return trace, pd.DataFrame(unused, columns=LEFT_OUT_COLUMNS)


def trace_sources(derived: str, source: str) -> pd.DataFrame:
    """One row per sentence of `derived`: the `source` sentence it comes from (or None), a
    0..1 `score`, its `relation`, whether it quotes (`in_quotes`), whether its words (for a
    quotation, the quoted words) are `verbatim` in the source, source sentences silently
    `omitted_before` it inside a quotation, and further sentences it draws on (`also_from`).
    The relations and their thresholds are explained at CLOSE and PARAPHRASE above."""
    return _cached_trace(derived, source)[0].copy(deep=True)


def left_out(derived: str, source: str) -> pd.DataFrame:
    """Sentences of `source` that nothing in `derived` comes from: what a rewrite dropped.
    Columns: `source`, `source_start`, `source_end`, `source_index` (sentence number)."""
    return _cached_trace(derived, source)[1].copy()
