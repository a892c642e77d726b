"""Shared span tools: sentence lookup, claimed spans, covered offsets, span tables, per_text."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.tables import SPAN_COLUMNS, per_text, span_table
from helpers.text.lexicon import MONTH_NUMBERS, lemma, stem
from helpers.text.spans import Claimed, Covered, SentenceFinder


def test_sentence_finder_returns_the_sentence_holding_an_offset():
    text = "One two.  Three four. Five"
    finder = SentenceFinder(text)
    assert finder.text_at(0) == "One two."
    assert finder.text_at(7) == "One two."
    assert finder.at(8) is None  # the spaces between sentences
    assert finder.text_at(10) == "Three four."
    assert finder.text_at(len(text) - 1) == "Five"
    assert SentenceFinder("").at(0) is None


def test_claimed_keeps_first_comers_and_rejects_overlaps():
    claimed = Claimed()
    assert claimed.take([(0, 3), (5, 10)], lambda s: s) == [(0, 3), (5, 10)]
    assert claimed.take([(2, 4), (3, 5), (9, 11), (10, 12), (11, 13)], lambda s: s) == [
        (3, 5), (10, 12)]  # fmt: skip
    assert claimed.take([(4, 5), (5, 6)], lambda s: s) == []


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=8),
                max_size=5))  # fmt: skip
def test_claimed_matches_the_pairwise_rule(batches):
    claimed, taken = Claimed(), []
    for batch in batches:
        spans = sorted((start, start + length) for start, length in batch)
        expected = []
        for span in sorted(spans, key=lambda s: s[0]):
            if not any(s < span[1] and span[0] < e for s, e in taken + expected):
                expected.append(span)
        assert claimed.take(spans, lambda s: s) == expected
        taken += expected


def test_covered_offsets_and_overlaps():
    covered = Covered([(5, 10), (8, 12), (20, 21)])
    assert [n for n in range(25) if n in covered] == [*range(5, 12), 20]
    assert covered.overlaps(0, 6) and covered.overlaps(11, 30) and covered.overlaps(19, 21)
    assert not covered.overlaps(0, 5) and not covered.overlaps(12, 20)


def test_span_table_sorts_and_drops_repeats():
    table = span_table([(4, 6, "cd", "k", "x"), (0, 2, "ab", "k", "y"), (4, 6, "cd", "k", "x")])
    assert list(table.columns) == SPAN_COLUMNS
    assert table["start"].tolist() == [0, 4]


def test_per_text_stacks_tables_with_the_text_id_first():
    def words(text: str) -> pd.DataFrame:
        return pd.DataFrame({"word": text.split()})

    corpus = pd.DataFrame({"text": ["a b", "c"], "raw": ["x", "y z"]}, index=["one", "two"])
    stacked = per_text(corpus, words)
    assert stacked.values.tolist() == [["one", "a"], ["one", "b"], ["two", "c"]]
    assert per_text(corpus, words, column="raw")["word"].tolist() == ["x", "y", "z"]
    assert per_text({"m": "p q"}, words)["text_id"].tolist() == ["m", "m"]
    assert list(per_text({}, words).columns) == ["text_id"]


def test_lexicon_lemma_stem_and_months():
    assert lemma("Organisations") == "organization"
    assert lemma("countries") == "country" and lemma("women") == "woman"
    assert lemma("glass") == "glass" and lemma("bus") == "bus"
    assert stem("humanity") == stem("humans") == "human"
    assert stem("1,500") == "1,500"
    assert MONTH_NUMBERS["sept"] == 9 and MONTH_NUMBERS["dec"] == 12
