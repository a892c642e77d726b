"""Figures from several texts are grouped into claims with verdicts that follow general rules."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from rapidfuzz import fuzz

from helpers import (
    claim_summary,
    claims_table,
    dates_by_text,
    dates_timeline,
    family_evidence,
    family_of,
    figures_by_source,
    load_corpus,
    values_agree,
    with_inferred_dates,
)
from helpers.analysis import claims as claims_module
from helpers.analysis.claims import (
    CLAIM_COLUMNS,
    CLOSE,
    COUNTED_SIMILARITY,
    HIGH_CONTEXT,
    HIGH_WORDS,
    LOOKALIKE_KINDS,
    LOW_CONTEXT,
    LOW_WORDS,
    _components,
    _spanning,
    context_words,
    interval,
)


def invented(*texts: tuple[str, str, str]) -> pd.DataFrame:
    """A corpus of (text_id, published, text) in the shape `load_corpus` returns."""
    rows = [{"text_id": t, "published": p, "text": x, "outlet": f"Outlet {t.upper()}"}
            for t, p, x in texts]  # fmt: skip
    return pd.DataFrame(rows).set_index("text_id")


def figures(*pairs: tuple[float, str]) -> pd.DataFrame:
    return pd.DataFrame([{"value": v, "qualifier": q, "high": math.nan} for v, q in pairs])


@pytest.mark.parametrize(
    ("pairs", "agree"),
    [
        ([(500, "over"), (500, "over")], True),
        ([(240, "over"), (230, "over")], True),
        ([(300, "about"), (300, "about")], True),
        ([(98.99e6, "exact"), (99e6, "about")], True),
        ([(500, "over"), (300, "about")], False),
        ([(10e6, "exact"), (98.99e6, "exact")], False),
        ([(600, "over"), (500, "under")], False),
    ],
)  # fmt: skip
def test_values_agree_is_qualifier_aware(pairs, agree):
    assert values_agree(figures(*pairs)) is agree


def test_interval_of_a_range():
    assert interval(10, "exact", 20) == pytest.approx((9.95, 20.1))
    assert interval(500, "over") == (500, math.inf)


SUMMIT_A = ("The summit brought together leaders of more than 500 political parties from over "
            "160 countries in the capital city by video link.")  # fmt: skip
SUMMIT_B = ("Leaders of over 500 political parties from more than 160 countries joined the "
            "summit in the capital city by video link.")  # fmt: skip
TIES = ("The party maintains regular ties and frequent exchanges with {} political parties "
        "and organisations in many regions across the developing world.")
TIES_2020, TIES_2022 = TIES.format("nearly 600"), TIES.format("more than 600")
POOR_A = ("Since 2012, all the 98.99 million rural residents living below the current "
          "poverty line have been lifted out of poverty, meeting the target ahead of schedule.")
POOR_B = ("Since 2012, the 10 million rural residents living below the current poverty line "
          "have been lifted out of poverty, meeting the target ahead of schedule.")  # fmt: skip
TWO_CAMPAIGNS = ("Over 240 political parties have backed our position on the maritime border "
                 "dispute at sea. Later, more than 240 political parties signed a joint open "
                 "letter against politicising public health.")  # fmt: skip


def verdicts(table: pd.DataFrame) -> dict[str, set[str]]:
    """Verdicts by text id."""
    return table.groupby("text_id")["verdict"].agg(set).to_dict()


def test_restatements_of_one_event_are_consistent():
    table = claims_table(invented(("a", "2021-07-06", SUMMIT_A), ("b", "2021-07-07", SUMMIT_B)))
    assert set(table["verdict"]) == {"consistent"}
    assert table.groupby("claim")["text_id"].nunique().eq(2).all()
    assert list(table.columns) == CLAIM_COLUMNS


def test_same_count_in_different_years_is_a_different_time():
    table = claims_table(invented(("c", "2020", TIES_2020), ("d", "2022", TIES_2022)))
    assert set(table["verdict"]) == {"different time"}
    assert "2020, 2022" in table["reason"].iloc[0]


def test_same_count_in_the_same_year_with_incompatible_values_conflicts():
    fewer = TIES_2020.replace("nearly 600", "nearly 300")
    table = claims_table(invented(("c", "2021", fewer), ("d", "2021", TIES_2022)))
    assert set(table["verdict"]) == {"conflicting"}


def test_a_translated_sentence_with_another_number_conflicts():
    table = claims_table(invented(("e", "2021", POOR_A), ("f", "", POOR_B)))
    rural = table[table["counted"] == "rural resident"]
    assert rural["claim"].nunique() == 1
    assert set(rural["verdict"]) == {"conflicting"}


def test_look_alike_figures_about_different_things_are_different_claims():
    table = claims_table(invented(("g", "2020", TWO_CAMPAIGNS)))
    assert table["claim"].nunique() == 2
    assert table["family"].nunique() == 1
    assert set(table["verdict"]) == {"different claims"}


def test_a_figure_stated_once_is_unresolved():
    table = claims_table(invented(("h", "2020", "The club has 37 members and a garden.")))
    assert table["verdict"].tolist() == ["unresolved"]


def test_rows_keep_their_evidence():
    table = claims_table(invented(("a", "2021-07-06", SUMMIT_A), ("b", "", SUMMIT_B)))
    assert set(table["sentence"]) == {SUMMIT_A, SUMMIT_B}
    assert set(table["outlet"]) == {"Outlet A", "Outlet B"}
    assert table.loc[table["text_id"] == "b", "year_basis"].eq("").all()
    assert table.loc[table["text_id"] == "a", "year"].eq(2021).all()


@pytest.fixture(scope="module")
def corpus_claims() -> pd.DataFrame:
    """The claims of the five texts, dated as notebook 03 dates them: stated dates, and the
    teacher's reconstructed ones where the page states none."""
    return claims_table(with_inferred_dates(load_corpus()))


def claim_of(claims: pd.DataFrame, text_id: str, phrase: str) -> pd.DataFrame:
    """All rows of the claim that contains the figure `phrase` of `text_id`."""
    row = claims[(claims["text_id"] == text_id) & (claims["phrase"] == phrase)]
    assert len(row) == 1, phrase
    return claims[claims["claim"] == row["claim"].iloc[0]]


def test_summit_figures_agree_across_three_texts(corpus_claims):
    for phrase in ("more than 500 political parties", "more than 160 countries"):
        claim = claim_of(corpus_claims, "ultimas-noticias", phrase)
        assert set(claim["text_id"]) == {"ultimas-noticias", "xi-keynote", "globalsecurity"}
        assert set(claim["verdict"]) == {"consistent"}


def test_party_ties_changed_over_time(corpus_claims):
    song = corpus_claims[(corpus_claims["text_id"] == "song-tao")
                         & (corpus_claims["phrase"] == "nearly 600 political parties")]
    workers = corpus_claims[(corpus_claims["text_id"] == "workers-daily")
                            & (corpus_claims["phrase"] == "more than 600 political parties")]
    assert song["family"].iloc[0] == workers["family"].iloc[0]
    assert song["verdict"].iloc[0] == workers["verdict"].iloc[0] == "different time"


@pytest.mark.parametrize("phrase", ["10 million rural residents", "98,99th CPC National Congress",
                                    "2030 years"])  # fmt: skip
def test_translation_corruption_conflicts_with_the_official_text(corpus_claims, phrase):
    claim = claim_of(corpus_claims, "ultimas-noticias", phrase)
    assert set(claim["text_id"]) == {"ultimas-noticias", "xi-keynote"}
    assert set(claim["verdict"]) == {"conflicting"}


def test_one_point_four_billion_agrees_but_keeps_its_flag(corpus_claims):
    claim = claim_of(corpus_claims, "ultimas-noticias", "more than 1.400 billion Chinese")
    assert set(claim["verdict"]) == {"consistent"}
    assert claim["flag"].str.contains("1400").any()


def test_two_240_figures_are_different_claims(corpus_claims):
    letter = claim_of(corpus_claims, "song-tao", "More than 240 major political parties")
    assert set(letter["text_id"]) == {"song-tao", "globalsecurity"}
    assert set(letter["verdict"]) == {"consistent"}
    sea = claim_of(corpus_claims, "song-tao", "Over 240 political parties")
    assert sea["verdict"].tolist() == ["different claims"]
    assert sea["family"].iloc[0] == letter["family"].iloc[0]


def test_summary_lists_claims_with_company(corpus_claims):
    summary = claim_summary(corpus_claims)
    assert {"family", "claim", "verdict", "texts", "figures"} <= set(summary.columns)
    assert summary["claim"].is_unique
    assert len(summary) < corpus_claims["claim"].nunique()


def test_plots_name_axes_and_sources(corpus_claims):
    families = corpus_claims["family"].drop_duplicates().head(2).tolist()
    chart = figures_by_source(corpus_claims, families)
    assert isinstance(chart, Figure)
    assert len(chart.axes) == 2
    assert all(a.get_xlabel().startswith("stated value") for a in chart.axes)
    assert "Sources:" in chart.get_suptitle()
    for axes, family in zip(chart.axes, families, strict=True):
        rows = corpus_claims[corpus_claims["family"] == family].reset_index(drop=True)
        points = [tuple(p) for c in axes.collections for p in c.get_offsets().tolist()]
        assert points == [(v, y) for y, v in enumerate(rows["value"])]
        ends = [line.get_xdata()[1] for line in axes.lines]
        assert ends == rows["high"].fillna(rows["value"]).tolist()
    timeline = dates_timeline(corpus := load_corpus(), dates_by_text(corpus))
    axes = timeline.axes[0]
    assert axes.get_xlabel() and "sources.csv" in axes.get_title()
    assert [t.get_text().split("\n")[0] for t in axes.get_yticklabels()] == list(
        load_corpus().index)


def test_dates_timeline_draws_each_resolved_date_where_it_falls():
    """Fails when points are drawn at x = 0 or in another text's row."""
    corpus = pd.DataFrame({"text": ["Met on 6 July 2021 and in March 2020.", "On 5 May."],
                           "published": ["2021-07-07", ""], "outlet": ["O", ""]},
                          index=["a", "b"])  # fmt: skip
    axes = dates_timeline(corpus, dates_by_text(corpus)).axes[0]
    day = mdates.date2num
    points = sorted(tuple(p) for c in axes.collections for p in c.get_offsets().tolist())
    assert points == [(day(pd.Timestamp("2021-07-06")), 0.0),
                      (day(pd.Timestamp("2021-07-07")), 0.25)]  # fmt: skip
    [month] = axes.lines
    assert list(mdates.date2num(month.get_xdata())) == [day(pd.Timestamp("2020-03-01")),
                                                        day(pd.Timestamp("2020-03-31"))]
    assert list(month.get_ydata()) == [0, 0]
    notes = [t.get_text() for t in axes.texts]
    assert notes == ["publication date not stated; 1 date(s) unresolved (no year, or day/month "
                     "unclear)"]


def test_engine_holds_no_answers():
    """No text or analysis module knows an id, figure or phrase of the five texts."""
    corpus = load_corpus()
    helpers = Path(__file__).resolve().parent.parent / "helpers"
    modules = sorted([*helpers.glob("text/*.py"), *helpers.glob("analysis/*.py")])
    assert len(modules) > 10
    for path in modules:
        name = path.name
        source = path.read_text(encoding="utf-8")
        for forbidden in [*corpus.index, "98.99", "XNUMX", "1.400", "98,99", "172", "181",
                          "1500", "2030", "56.1", "ten thousand", "one hundredth", "political part",
                          "rural", "Song Tao", "Xi Jinping", "summit"]:  # fmt: skip
            assert forbidden.lower() not in source.lower(), (name, forbidden)


def test_family_lookup_and_evidence(corpus_claims):
    family = family_of(corpus_claims, "workers-daily", "600 political parties")
    evidence = family_evidence(corpus_claims, family)
    assert set(evidence["text_id"]) >= {"song-tao", "workers-daily"}
    assert {"verdict", "sentence", "published", "phrase"} <= set(evidence.columns)
    with pytest.raises(KeyError, match="no figure"):
        family_of(corpus_claims, "workers-daily", "no such words")


def reference_same_claim(a: frozenset[str], b: frozenset[str], close: bool) -> bool:
    """The rule for two contexts, written out for one pair (the matrix form must agree)."""
    shared = len(a & b)
    similarity = shared / min(len(a), len(b)) if min(len(a), len(b)) >= 3 else 0.0
    if similarity >= HIGH_CONTEXT and shared >= HIGH_WORDS:
        return True
    return close and similarity >= LOW_CONTEXT and shared >= LOW_WORDS


def pairwise_groups(table: pd.DataFrame) -> tuple[set[frozenset], set[frozenset]]:
    """Claims and families found by comparing every pair of rows (the slow reference the
    blocked grouping must reproduce), as sets of groups of (text_id, start)."""
    rows = table.to_dict("records")
    contexts = [context_words(r["sentence"], r["counted"]) for r in rows]
    same, alike = [], []
    for i, j in itertools.combinations(range(len(rows)), 2):
        a, b = rows[i], rows[j]
        if (a["kind"] != b["kind"] or not a["counted"] or not b["counted"]
                or (a["text_id"], a["sentence"]) == (b["text_id"], b["sentence"])
                or fuzz.token_set_ratio(a["counted"], b["counted"]) < COUNTED_SIMILARITY):
            continue  # fmt: skip
        tolerance = 0.0 if a["kind"] in ("ordinal", "duration") else CLOSE
        close = all((math.isnan(a[k]) and math.isnan(b[k]))
                    or abs(a[k] - b[k]) <= tolerance * max(abs(a[k]), abs(b[k]))
                    for k in ("value", "high"))  # fmt: skip
        if reference_same_claim(contexts[i], contexts[j], close):
            same.append((i, j))
        elif close and a["kind"] in LOOKALIKE_KINDS:
            alike.append((i, j))
    keys = list(zip(table["text_id"], table["start"], strict=True))
    return tuple(groups_of(keys, _components(len(rows), pairs))
                 for pairs in (same, same + alike))  # fmt: skip


def groups_of(keys: list, labels) -> set[frozenset]:
    """Items grouped by label, as a set of frozensets."""
    grouped: dict = {}
    for key, label in zip(keys, labels, strict=True):
        grouped.setdefault(label, set()).add(key)
    return {frozenset(g) for g in grouped.values()}


SAME_PLACE = ("c", "2021", f"{SUMMIT_A} {SUMMIT_A} In all, 500 political parties from 160 "
              "countries met, and 500 political parties from 160 countries wrote.")


@pytest.mark.parametrize(("extra", "block_rows"), [((), 1024), ((SAME_PLACE,), 1024),
                                                  ((SAME_PLACE,), 3)])  # fmt: skip
def test_blocked_grouping_matches_comparing_every_pair(extra, block_rows, monkeypatch):
    monkeypatch.setattr(claims_module, "BLOCK_ROWS", block_rows)
    corpus = load_corpus()
    twice = pd.concat([corpus, corpus.set_axis([f"copy-{t}" for t in corpus.index])])
    texts = invented(("a", "2021-07-06", SUMMIT_A), ("b", "2021", SUMMIT_B),
                     ("g", "2020", TWO_CAMPAIGNS), *extra)  # fmt: skip
    table = claims_table(pd.concat([twice, texts]))
    keys = list(zip(table["text_id"], table["start"], strict=True))
    claims, families = pairwise_groups(table)
    assert groups_of(keys, table["claim"]) == claims
    assert groups_of(keys, table["family"]) == families
    assert len(claims) < len(table)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=7),
       st.lists(st.integers(0, 3), min_size=1, max_size=7), st.booleans())  # fmt: skip
def test_spanning_pairs_connect_like_all_pairs_from_different_places(left, right, itself):
    place = np.array(left + right)
    ours = list(range(len(left)))
    theirs = ours if itself else list(range(len(left), len(place)))
    every = [(i, j) for i in ours for j in theirs if i != j and place[i] != place[j]]
    found = _spanning(ours, theirs, place)
    assert _components(len(place), found) == _components(len(place), every)


# ---- issue 12 §5: figures that changed, on texts written for these tests ----

ADDRESS = (
    "Friends, welcome to the fourth congress of our federation. "
    "Delegates from 500 cooperatives in 160 countries have joined us this week. "
    "We received 1,000 messages of support from member groups. "
    "Our movement now speaks for 1.2 billion members around the world. "
    "Together we can build fairer markets."
)
REWRITE = (
    "A teacher's summary of the congress address. "
    "The speaker welcomed delegates from 550 cooperatives in 180 countries this week. "
    "More than 2,000 messages of support from member groups reached the congress. "
    "The movement, she said, now speaks for 1.3 billion members worldwide. "
    "That makes 2,400 delegates in all, by our count."
)
MINUTES = (
    "Minutes of the Riverside Library Trust, annual meeting, 14 March 2025. "
    "The treasurer reported that the trust raised 18,400 pounds in 2024, most of it from the "
    "book sale. The roof repair will cost about 12,000 pounds and should be finished before "
    "the winter."
)
NEWS = (
    "The Riverside Library Trust raised 21,000 pounds last year, its treasurer reported. "
    "The roof repair will cost about 20,000 pounds and should be finished before the winter."
)


def test_changed_figures_pair_with_the_figure_counting_the_same_thing():
    pairs = claims_module.figure_pairs(REWRITE, ADDRESS)
    changed = pairs[pairs["status"] == "changed"]
    assert sorted(zip(changed["derived_value"], changed["source_value"], strict=True)) == [
        (180.0, 160.0), (550.0, 500.0), (2000.0, 1000.0), (1.3e9, 1.2e9)]  # fmt: skip
    derived_only = pairs[pairs["derived_value"] == 2400.0]
    assert derived_only["status"].tolist() == ["no source"]


def test_claims_group_traced_figures_and_conflict_when_they_disagree():
    table = claims_table(invented(("address", "2026-03-01", ADDRESS),
                                  ("rewrite", "2026-03-02", REWRITE)))  # fmt: skip
    for value in (550.0, 180.0, 2000.0, 1.3e9):
        claim = table.loc[table["value"] == value, "claim"].iloc[0]
        rows = table[table["claim"] == claim]
        assert set(rows["text_id"]) == {"address", "rewrite"}, value
        assert set(rows["verdict"]) == {"conflicting"}, value


def test_last_year_is_read_from_the_page_date():
    assert claims_module.relative_years("It rose last year.", "2025-03-20") == {2024}
    assert claims_module.relative_years("It rose last year.", "") == set()
    table = claims_table(invented(("minutes", "2025-03-14", MINUTES),
                                  ("news", "2025-03-20", NEWS)))  # fmt: skip
    raised = table[table["phrase"].isin(["18,400 pounds", "21,000 pounds"])]
    assert raised["claim"].nunique() == 1 and set(raised["year"]) == {2024}
    assert set(raised["verdict"]) == {"conflicting"}
    roof = table[table["phrase"].isin(["about 12,000 pounds", "about 20,000 pounds"])]
    assert roof["claim"].nunique() == 1 and set(roof["verdict"]) == {"conflicting"}


def test_figures_that_name_nothing_counted_pair_in_order_when_both_have_as_many():
    minutes = "The council approved the plan by a vote of 12 to 3. The plan costs 4 million euros."
    changed = "The council backed the plan by a vote of 9 to 6, the mayor said."
    pairs = claims_module.figure_pairs(changed, minutes)
    assert pairs[["derived_value", "source_value", "status"]].values.tolist() == [
        [9.0, 12.0, "changed"], [6.0, 3.0, "changed"]]
    same = claims_module.figure_pairs(
        "The plan was approved by a vote of 12 to 3, the mayor said.", minutes)
    assert same["status"].tolist() == ["same", "same"]
    # Three figures against two: which counts what is not clear, so none is paired.
    odd = claims_module.figure_pairs(
        "The council approved the plan by a vote of 12 to 3 to 1.", minutes)
    assert odd["status"].tolist() == ["unpaired"] * 3
