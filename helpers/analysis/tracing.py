"""Trace each sentence of a later text (a rewrite, a report, a page that quotes) to the
sentence of an earlier text it comes from, and check its quotations word for word.

Candidates come from an inverted index of each derived sentence's rarest words, so only a
handful of source sentences are scored per derived sentence (near-linear on long texts);
rapidfuzz's C++ scorers do the scoring. Typography (quote marks, apostrophes, dashes,
spacing, capitals) is ignored for the verbatim check; words are not. The score compares
content words in one form (`helpers.text.word_forms`: lemma, US spelling, number words),
weighted by how informative they are, so topic words shared by every text on a subject
count little.

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
from rapidfuzz.distance import Indel, LCSseq

from helpers.text.lexicon import FUNCTION_WORDS, WORD, word_set
from helpers.text.quotations import QuotedPart, quotation_parts
from helpers.text.sentences import Sentence, split_sentences
from helpers.text.word_forms import informativeness, is_rare, word_key

COLUMNS = [
    "derived", "derived_start", "derived_end", "source", "source_start", "source_end",
    "score", "relation", "in_quotes", "verbatim", "omitted_before", "also_from", "terms",
]  # fmt: skip
LEFT_OUT_COLUMNS = ["source", "source_start", "source_end", "source_index"]
SCORE_COLUMNS = ["derived_index", "source_index", "score"]
#: Relations from weakest to strongest; `relation_of(score)` is the one rule between them.
RELATIONS = ("none", "paraphrase", "close", "verbatim")

# The relation of a derived sentence to its source follows from the 0..1 score alone, so a
# higher score never shows a weaker relation (docs/comparison-verdicts.md gives the evidence):
# - verbatim (score 1.0): all its words (six or more), in order, stand in the source;
# - close (score >= CLOSE): nearly the same words in the same order (one verb swapped in a
#   twelve-word sentence, "he said" added around a quotation, a re-spelled word);
# - paraphrase (score >= PARAPHRASE): the same content in other words. The score reaches
#   this band only with *specific* shared content: a rare word or a name used in at most
#   SPECIFIC_DF source sentences, a figure, a run of RUN content words in the same order
#   (weighing RUN_WEIGHT together), a run of PHRASE words with two content words among them
#   ("the heaven and the earth"), or IN_ORDER content words of some weight (informativeness
#   IN_ORDER_WEIGHT or more: not "many", "new") in the same order with words between them.
#   A word's weight is its informativeness over (1 + TOPIC_DISCOUNT * ln of the number of
#   source sentences using it): the topic words of the source count less.
#   Without it the score is held at NOT_SPECIFIC (topic words alone never make a paraphrase);
# - none: below PARAPHRASE, or no source sentence shares an informative word.
CLOSE = 0.80
PARAPHRASE = 0.35
NOT_SPECIFIC = 0.34
RUN = 3
PHRASE = 5
RUN_WEIGHT = 6.0
IN_ORDER = 5
IN_ORDER_WEIGHT = 1.2
TOPIC_DISCOUNT = 0.5
SPECIFIC_DF = 3

_TYPOGRAPHY = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u200b": None, "\u200c": None,
        "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    }
)  # fmt: skip
# Words that do not show shared content: the lexicon's function words, except prepositions,
# object pronouns and a few adverbs, which tracing keeps (with the lexicon's whole list,
# translation recall on benchmarks/accuracy fell from 0.96 to 0.88).
_NOT_CONTENT = FUNCTION_WORDS - word_set(
    "being me him us them here while every both also into over under about around across "
    "between among through within without against during before after since per"
)
_SENTENCE_END = re.compile(r"(?<![.…])[.!?]['\"’”»)\]]*\s*$")
_ELLIPSIS = re.compile(r"(?:\.\s?){3,}|…|\[\s*\.\.\.\s*\]")
_RARE_WORDS_PER_SENTENCE = 8
_CANDIDATES = 6
# A word in more source sentences than this is too common to pick candidates with.
_MAX_POSTINGS = 60
# One derived sentence may merge two source sentences: unless the best alone is close, it is
# tried with the next candidates, and a pair's score counts when it beats the best alone by
# this much. A heading (a title, a byline: a line that is not a sentence) shares a name or a
# title with a full sentence but cannot be the source of what it states, though it scores
# high (a short line fully contained in the sentence): when it is the best alone and traces
# the sentence, though not closely, the full sentence that best says the rest is paired with
# it and named the source (no gain needed), the heading becomes a further source; a heading
# that does not trace the sentence alone is not lifted by pairing with topic sentences.
_PAIRED = 3
_PAIR_GAIN = 0.05
# Another sentence counts as a further source when it supplies at least this many of the
# content words the best source lacks (and 30% of them): two shared names are not enough.
_ALSO_WORDS = 3
# Below this many words a derived sentence is judged as a whole, never as an excerpt, and
# needs a close match: a short heading shares too few words to show a paraphrase.
_SHORT_WORDS = 6
# A quotation found word for word in the source, at least this long, is traced whatever the
# words around it.
_QUOTED_WORDS = 3


def comparable_words(text: str) -> list[str]:
    """Words of `text` with typography and capitals levelled: what a verbatim check compares."""
    return WORD.findall(text.translate(_TYPOGRAPHY).lower())


def is_heading(text: str) -> bool:
    """True for a line that is not a sentence: a title, a byline, a salutation (it does not
    end in a full stop, question or exclamation mark, quotes and brackets aside)."""
    return not _SENTENCE_END.search(text)


def relation_of(score: float) -> str:
    """The relation a score stands for (see CLOSE and PARAPHRASE): the only rule used."""
    if score >= 1.0:
        return "verbatim"
    if score >= CLOSE:
        return "close"
    return "paraphrase" if score >= PARAPHRASE else "none"


@dataclass(frozen=True)
class _Text:
    """A text's sentences, their comparable words, and their content words as keys
    (`word_key`) in order, with the names (capitalised inside the sentence) among them."""

    sentences: list[Sentence]
    words: list[list[str]]
    keys: list[list[str]]
    names: list[frozenset[str]]
    headings: list[bool]

    @classmethod
    def of(cls, text: str) -> _Text:
        sentences = split_sentences(text)
        words, keys, names = [], [], []
        headings = [is_heading(s.text) for s in sentences]
        for sentence in sentences:
            raw = WORD.findall(sentence.text.translate(_TYPOGRAPHY))
            lowered = [w.lower() for w in raw]
            words.append(lowered)
            keys.append([word_key(w) for w in lowered if w not in _NOT_CONTENT])
            names.append(frozenset(word_key(w.lower()) for w in raw[1:]
                                   if w[:1].isupper() and w.lower() not in _NOT_CONTENT))
        return cls(sentences, words, keys, names, headings)

    def window(self, centre: int, reach: int) -> list[str]:
        """Words of sentences `centre - reach` to `centre + reach`, run together."""
        last = min(len(self.words), centre + reach + 1)
        return [w for n in range(max(0, centre - reach), last) for w in self.words[n]]


def _runs(words: list[str], keys: list[str]) -> set[tuple[str, ...]]:
    """Runs a sentence shares as specific content: RUN consecutive content words (tagged
    "k"), and PHRASE consecutive words of which at least two are content words ("w")."""
    runs = {("k", *keys[i : i + RUN]) for i in range(len(keys) - RUN + 1)}
    for i in range(len(words) - PHRASE + 1):
        phrase = words[i : i + PHRASE]
        if sum(w not in _NOT_CONTENT for w in phrase) >= 2:
            runs.add(("w", *phrase))
    return runs


class _Index:
    """Inverted index of source sentences by content key, with each key's weight: how
    informative it is in English (`informativeness`), less for keys many source sentences
    use (topic words of this text)."""

    def __init__(self, source: _Text):
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, keys in enumerate(source.keys):
            for key in dict.fromkeys(keys):
                self.postings[key].append(number)
        self.runs = [_runs(w, k) for w, k in zip(source.words, source.keys, strict=True)]
        self._weights: dict[str, float] = {}
        self._source = source
        self._sides: dict[int, _Side] = {}

    def side(self, number: int) -> _Side:
        """One source sentence as a side of a comparison, built once."""
        found = self._sides.get(number)
        if found is None:
            found = self._sides[number] = _side(self._source, (number,), self, own_runs=True)
        return found

    def weight(self, key: str) -> float:
        """Weight of a key: English informativeness over (1 + ln of its source sentences)."""
        found = self._weights.get(key)
        if found is None:
            df = max(1, len(self.postings.get(key, ())))
            found = self._weights[key] = informativeness(key) / (1 + TOPIC_DISCOUNT * math.log(df))
        return found

    def specific(self, key: str, names: frozenset[str]) -> bool:
        """True for a key whose sharing is specific content: rare in English or a name, and
        used by at most SPECIFIC_DF source sentences."""
        df = len(self.postings.get(key, ()))
        return 0 < df <= SPECIFIC_DF and (is_rare(key) or key in names)

    def candidates(self, keys: list[str], words: int = _RARE_WORDS_PER_SENTENCE) -> list[int]:
        """Source sentences sharing the most informative of the `words` rarest of `keys`,
        best first."""
        usable = {k for k in keys if k in self.postings}
        rare = sorted(usable, key=lambda k: (len(self.postings[k]), -self.weight(k), k))
        votes: Counter[int] = Counter()
        for key in rare[:words]:
            postings = self.postings[key]
            if len(postings) <= _MAX_POSTINGS:
                for number in postings:
                    votes[number] += self.weight(key) + 1e-3
        ranked = heapq.nsmallest(_CANDIDATES, votes.items(), key=lambda vote: (-vote[1], vote[0]))
        return [number for number, _ in ranked]


@dataclass(frozen=True)
class _Side:
    """What the score needs of one side: words, content keys in order, names, runs."""

    words: list[str]
    keys: list[str]
    names: frozenset[str]
    runs: set[tuple[str, ...]]
    weighty: list[str]
    keyset: frozenset[str]
    total: float


def _side(text: _Text, numbers: tuple[int, ...], index: _Index, own_runs: bool = False) -> _Side:
    """One sentence, or consecutive sentences run together, as a side of a comparison
    (`own_runs`: a source sentence, whose runs the index holds)."""
    words = [w for n in numbers for w in text.words[n]]
    keys = [k for n in numbers for k in text.keys[n]]
    names = frozenset().union(*(text.names[n] for n in numbers))
    runs = index.runs[numbers[0]] if own_runs else _runs(words, keys)
    keyset = frozenset(keys)
    return _Side(words, keys, names, runs,
                 [k for k in keys if informativeness(k) >= IN_ORDER_WEIGHT], keyset,
                 sum(index.weight(k) for k in keyset))  # fmt: skip


def _score(derived: _Side, source: _Side, index: _Index) -> tuple[float, float]:
    """Score 0..1 that the relation is decided from, and the word-order similarity to break
    ties. The similarity is the best of: the word-level LCS ratio (every added or dropped
    word counts); the overlap (weighted Dice) of the content words, each weighted by how
    informative it is; and, when the derived sentence is much shorter than the source (an
    excerpt), the weighted share of its content words found, in order, in the source. It
    is held at NOT_SPECIFIC unless the words in order are close or the two share specific
    content (see PARAPHRASE); 1.0 is kept for verbatim, which `_match` decides."""
    if not derived.words or not source.words:
        return 0.0, 0.0
    order = Indel.normalized_similarity(derived.words, source.words)
    shared = derived.keyset & source.keyset
    weight = index.weight
    shared_weight = sum(weight(k) for k in shared)
    own, other = derived.total, source.total
    dice = 2 * shared_weight / (own + other) if own + other else 0.0
    similarity = max(order, dice)
    if _SHORT_WORDS <= len(derived.words) < 0.6 * len(source.words) and derived.keys and own:
        in_order = LCSseq.similarity(derived.keys, source.keys) / len(derived.keys)
        similarity = max(similarity, min(shared_weight / own, in_order))
    specific = order >= CLOSE or (
        len(derived.words) >= _SHORT_WORDS
        and (any(run[0] == "w" or sum(weight(k) for k in run[1:]) >= RUN_WEIGHT
                 for run in derived.runs & source.runs)
             or any(index.specific(k, derived.names | source.names) for k in shared)
             or LCSseq.similarity(derived.weighty, source.weighty) >= IN_ORDER)
    )  # fmt: skip
    score = similarity if specific else min(similarity, NOT_SPECIFIC)
    return min(score, 0.99), order


def _contains(words: list[str], haystack: list[str]) -> bool:
    """True when `words` occur, contiguous and in order, in `haystack`."""
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(haystack)} "


@dataclass
class _Row:
    """What is found for one derived sentence."""

    sentence: Sentence
    in_quotes: bool
    quotation: int | None
    terms: list[str] = field(default_factory=list)
    source: int | None = None
    score: float = 0.0
    relation: str = "none"
    verbatim: bool = False
    also_from: list[int] = field(default_factory=list)
    scored: list[tuple[int, float]] = field(default_factory=list)


def _also_from(keys: list[str], best: int, others: list[int], source: _Text) -> list[int]:
    """Other candidate sentences that supply content words the best source lacks."""
    missing = set(keys) - set(source.keys[best])
    also = []
    for other in others:
        gained = missing & set(source.keys[other])
        if len(gained) >= _ALSO_WORDS and len(gained) >= 0.3 * len(missing):
            also.append(other)
            missing -= gained
    return also


def _sentences_for_rest(mine: _Side, heading: int, index: _Index, source: _Text) -> list[int]:
    """Full sentences that best say what a derived sentence adds to a heading it shares
    words with (a title, a byline): found with all its other words, not only the rarest,
    since the rarest are often the name or title the heading supplies."""
    rest = [k for k in mine.keys if k not in index.side(heading).keyset]
    found = [c for c in index.candidates(rest, words=len(rest)) if not source.headings[c]]
    ranked = sorted(found, key=lambda c: -_score(mine, index.side(c), index)[0])
    return ranked[: _PAIRED - 1]


def _match(row: _Row, mine: _Side, quoted: list[str], index: _Index, source: _Text) -> None:
    """Fill in the best source sentence of one derived sentence, its score and relation."""
    candidates = index.candidates(mine.keys)
    if not candidates:
        return
    scored = sorted(((*_score(mine, index.side(c), index), c) for c in candidates),
                    key=lambda item: (-item[0], -item[1], item[2]))  # fmt: skip
    score, _, best = scored[0]
    row.scored = [(c, round(value, 3)) for value, _, c in scored]
    partners = [c for *_, c in scored[1:_PAIRED]] if score < CLOSE else []
    heading = source.headings[best] and not is_heading(row.sentence.text)
    if heading:
        partners = (_sentences_for_rest(mine, best, index, source)
                    if PARAPHRASE <= score < CLOSE else [])
    partner, gain = None, 0.0 if heading else _PAIR_GAIN
    for other in partners:
        joint, _ = _score(mine, _side(source, tuple(sorted((best, other))), index), index)
        if joint >= score + gain:
            score, partner = joint, other
    if heading and partner is not None:
        best, partner = partner, best
    whole_verbatim = len(mine.words) >= _SHORT_WORDS and _contains(mine.words,
                                                                   source.window(best, 1))
    checked = quoted if row.in_quotes else mine.words
    found = len(checked) >= 2 and _contains(checked, source.window(best, 2))
    if whole_verbatim:
        score = 1.0
    elif row.in_quotes and found and len(quoted) >= _QUOTED_WORDS:
        score = max(score, PARAPHRASE)
    row.score = score
    row.scored = [(best, round(score, 3))] + [item for item in row.scored if item[0] != best]
    row.relation = relation_of(score)
    if row.relation == "none":
        return
    row.source = best
    row.verbatim = found if row.in_quotes else whole_verbatim
    others = [c for *_, c in scored if c not in (best, partner)]
    row.also_from = [partner] if partner is not None else []
    row.also_from += _also_from(mine.keys, best, others, source)


def _parts_in(sentence: Sentence, parts: list[QuotedPart], first: int) -> list[QuotedPart]:
    """The quoted parts inside one sentence (cut to it), looking at parts from `first` on
    (parts are sorted by start)."""
    inside = []
    for n in range(first, len(parts)):
        part = parts[n]
        if part.start >= sentence.end:
            break
        if part.end > sentence.start:
            inside.append(part._replace(start=max(part.start, sentence.start),
                                        end=min(part.end, sentence.end)))  # fmt: skip
    return inside


def _trace(derived_text: str, source_text: str) -> tuple[list[_Row], _Text]:
    """Match every derived sentence; the shared work behind `trace_sources` and `left_out`."""
    derived, source = _Text.of(derived_text), _Text.of(source_text)
    index = _Index(source)
    parts = quotation_parts(derived_text)
    rows = []
    first = 0  # parts before this one end before the current sentence
    for n, sentence in enumerate(derived.sentences):
        while first < len(parts) and parts[first].end <= sentence.start:
            first += 1
        inside = _parts_in(sentence, parts, first)
        quotes = [p for p in inside if p.kind == "quotation"]
        quoted = [w for p in quotes for w in comparable_words(derived_text[p.start : p.end])]
        row = _Row(sentence, bool(quotes), quotes[0].group if quotes else None,
                   [p.surface for p in inside if p.kind == "term"])  # fmt: skip
        _match(row, _side(derived, (n,), index), quoted, index, source)
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
        "terms": row.terms,
    }


@lru_cache(maxsize=32)
def _cached_trace(derived_text: str, source_text: str) -> tuple[pd.DataFrame, pd.DataFrame,
                                                                 pd.DataFrame]:  # fmt: skip
    """The tables for one pair of texts, computed once (the widget asks repeatedly)."""
    rows, source = _trace(derived_text, source_text)
    scores = pd.DataFrame(
        [(k, c, value) for k, row in enumerate(rows) for c, value in row.scored],
        columns=SCORE_COLUMNS,
    )
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
    return trace, pd.DataFrame(unused, columns=LEFT_OUT_COLUMNS), scores


def trace_sources(derived: str, source: str) -> pd.DataFrame:
    """One row per sentence of `derived`: the `source` sentence it comes from (or None), a
    0..1 `score`, its `relation`, whether it quotes (`in_quotes`), whether its words (for a
    quotation, the quoted words) are `verbatim` in the source, source sentences silently
    `omitted_before` it inside a quotation, further sentences it draws on (`also_from`), and
    short `terms` in quotation marks (scare quotes, labels: not quotations). The relation
    follows from the score alone (`relation_of`; thresholds at CLOSE and PARAPHRASE). Raw
    text works as well as reading text: offsets point into the text passed in."""
    return _cached_trace(derived, source)[0].copy(deep=True)


def left_out(derived: str, source: str) -> pd.DataFrame:
    """Sentences of `source` that nothing in `derived` comes from: what a rewrite dropped.
    Columns: `source`, `source_start`, `source_end`, `source_index` (sentence number)."""
    return _cached_trace(derived, source)[1].copy()


def candidate_scores(derived: str, source: str) -> pd.DataFrame:
    """Every score tracing computed for this pair: one row per derived sentence and each of
    its candidate source sentences (sentence numbers from 0), the best one with the score
    the trace table shows. Pairs never scored share no informative word (score 0). At most
    a few rows per derived sentence, so it grows linearly with the texts."""
    return _cached_trace(derived, source)[2].copy()
