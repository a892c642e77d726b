"""Every count the notebooks' Markdown (and their folded answers) state about a helper's output,
computed here with the helper: if a helper changes its output, the test names the sentence that
has become false instead of leaving it in the notebook."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import (
    claims_table,
    extract_dates,
    extract_numbers,
    family_evidence,
    family_of,
    load_corpus,
    trace_sources,
    translation_traces,
    with_inferred_dates,
)
from helpers.analysis import framing


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return load_corpus()["text"].to_dict()


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return claims_table(with_inferred_dates(load_corpus()))


# 02 Versions of a speech


def test_02_poverty_sentence_numbers_in_order(texts):
    """02 §3 table and 02-q4/q5: the report has 98,99th · 10 · 2030 · XNUMX where the speech has
    18th · 98.99 · 10 · 2030 (the table's left column, in the report's order)."""
    trace = trace_sources(texts["ultimas-noticias"], texts["xi-keynote"])
    row = trace[trace["derived"].str.contains("poverty line", regex=False)].iloc[0]
    assert extract_numbers(row["derived"])["surface"].tolist() == [
        "98,99th", "10 million", "2030", "XNUMX"]  # fmt: skip
    assert extract_numbers(row["source"])["surface"].tolist() == [
        "18th", "98.99 million", "2030", "10"]  # fmt: skip


def test_02_q8_two_sentences_missing_before_the_democracy_sentence(texts):
    checked = trace_sources(texts["globalsecurity"], texts["xi-keynote"])
    row = checked[checked["derived"].str.contains("The judgment on whether a country is",
                                                  regex=False)].iloc[0]  # fmt: skip
    assert len(row["omitted_before"]) == 2


def test_02_q2_the_official_word_is_falls(texts):
    trace = trace_sources(texts["ultimas-noticias"], texts["xi-keynote"])
    row = trace[trace["derived"].str.contains("our shoulders", regex=False)].iloc[0]
    assert "falls on our shoulders" in row["source"] and "rests on" in row["derived"]


# 03 Numbers and corroboration


def test_03_four_rows_of_ultimas_noticias_are_flagged(texts):
    figures = extract_numbers(texts["ultimas-noticias"])
    flagged = figures.loc[figures["flag"] != "", "surface"].tolist()
    assert sorted(flagged) == sorted(["1.400 billion", "98,99th", "2030", "XNUMX"])


def test_03_summit_figures_and_the_professors_comment(claims):
    parties = family_of(claims, "ultimas-noticias", "500 political parties")
    evidence = family_evidence(claims, parties)
    summit = evidence[evidence["verdict"] == "consistent"]
    assert set(summit["text_id"]) == {"ultimas-noticias", "xi-keynote", "globalsecurity"}
    comment = evidence[(evidence["text_id"] == "globalsecurity")
                       & (evidence["verdict"] == "different claims")]  # fmt: skip
    assert len(comment) == 1 and "more than 500 political parties" in comment["phrase"].iloc[0]


def test_03_countries_panel_holds_the_look_alikes(claims):
    countries = family_evidence(claims, family_of(claims, "ultimas-noticias", "160 countries"))
    phrases = set(zip(countries["text_id"], countries["phrase"], strict=True))
    for text_id, words in [("xi-keynote", "170 countries"), ("song-tao", "168 countries"),
                           ("workers-daily", "170 countries")]:  # fmt: skip
        assert any(t == text_id and words in p for t, p in phrases), (text_id, words)


def test_03_q2_party_ties_dated_2020_2021_2022(claims):
    ties = family_evidence(claims, family_of(claims, "workers-daily", "600 political parties"))
    years = dict(zip(ties["text_id"], ties["year"], strict=True))
    assert years == {"song-tao": 2020, "xi-keynote": 2021, "workers-daily": 2022}
    assert set(ties["verdict"]) == {"different time"}


def test_03_corrupted_figures_conflict(claims):
    corrupted = claims[(claims["verdict"] == "conflicting")
                       & claims["text_id"].isin(["ultimas-noticias", "xi-keynote"])]  # fmt: skip
    phrases = " ".join(corrupted["phrase"])
    for fragment in ("98,99th", "10 million", "2030 years"):
        assert fragment in phrases


def test_03_q5_four_days_against_fourteen(texts):
    dates = extract_dates("from Nov. 30 to Dec. 13, 2017 / from Nov. 30 to Dec. 3, 2017")
    assert dates["length_days"].tolist() == [14, 4]
    assert 14 in extract_dates(texts["globalsecurity"])["length_days"].tolist()


# 04 Translation and its traces


def test_04_q1_two_texts_show_no_traces(texts):
    counts = {t: len(translation_traces(x)) for t, x in texts.items()}
    assert sorted(t for t, n in counts.items() if n == 0) == ["song-tao", "xi-keynote"]


def test_04_finder_marks_ccp_seven_times(texts):
    traces = translation_traces(texts["ultimas-noticias"])
    assert (traces["surface"] == "CCP").sum() == 7
    assert {"1.400 billion", "98,99th", "XNUMX"} <= set(traces["surface"])


def test_04_workers_daily_wording_counts(texts):
    """04 §3 ('my country' four times) and 04-q2 (five paragraphs begin with ten years)."""
    report = texts["workers-daily"]
    assert report.count("my country") == 4
    openings = [p for p in report.split("\n")
                if p.startswith(("Over the past 10 years", "In the past 10 years"))]  # fmt: skip
    assert len(openings) == 5


# 05 Language and framing


def test_05_mankind_humanity_and_party_abbreviations(texts):
    groups = {"mh": ["mankind", "humanity"], "party": ["CPC", "CCP"]}
    table = framing.term_variants(texts, groups)
    assert table.loc[("mh", "mankind")].to_dict() == {
        "ultimas-noticias": 2, "xi-keynote": 9, "globalsecurity": 0, "song-tao": 5,
        "workers-daily": 9}  # fmt: skip
    assert table.loc[("mh", "humanity"), ["ultimas-noticias", "xi-keynote", "workers-daily"]
                     ].tolist() == [10, 8, 0]  # fmt: skip
    ccp = table.loc[("party", "CCP")]
    assert ccp["ultimas-noticias"] == 7 and ccp.drop("ultimas-noticias").eq(0).all()
    assert table.loc[("party", "CPC"), ["xi-keynote", "song-tao"]].gt(0).all()


def test_05_q5_workers_daily_uses_the_most_intensifiers(texts):
    intensifiers = framing.evaluative_profile(texts).loc["intensifier"]
    assert intensifiers.idxmax() == "workers-daily"
    assert round(intensifiers["workers-daily"]) == 11  # "about 11 per 1,000 words"


def test_05_q7_humanity_rate_in_ultimas_noticias(texts):
    rates = framing.term_frequencies(texts, ["humanity"]).loc["humanity"]
    assert round(rates["ultimas-noticias"]) == 12  # "about 12 times per 1,000 words"
    assert rates["workers-daily"] == 0  # "never in workers-daily"


def test_05_spelling_houses(texts):
    """05 §2: xi-keynote and song-tao spell mostly the British way, the other three American."""
    varieties = framing.spelling_varieties(texts)
    british = varieties["UK spellings"] > varieties["US spellings"]
    assert sorted(varieties.index[british]) == ["song-tao", "xi-keynote"]


def test_05_finder_marks_the_vague_trust_barometer_source(texts):
    marked = set(framing.vague_attributions(texts["song-tao"])["surface"])
    assert {"a recent trust barometer report",
            "a well-known public relations firm in the US"} <= marked  # fmt: skip


def test_03_q3_and_04_q6_answers_are_in_the_official_text(claims, texts):
    """03-q3 (98,99 stands for 98.99) and 04-q6 (XNUMX stands for 2030)."""
    claim = claims[(claims["text_id"] == "ultimas-noticias")
                   & (claims["phrase"].str.contains("98,99th", regex=False))]  # fmt: skip
    linked = claims[(claims["claim"] == claim["claim"].iloc[0])
                    & (claims["text_id"] == "xi-keynote")]  # fmt: skip
    assert linked["phrase"].str.contains("18th", regex=False).any()
    assert "98.99 million rural residents" in texts["xi-keynote"]
    assert "UN XNUMX Agenda" in texts["ultimas-noticias"]
    assert "UN 2030 Agenda for Sustainable Development" in texts["xi-keynote"]
