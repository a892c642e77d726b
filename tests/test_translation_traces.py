"""Translation traces: general rules tried on invented sentences (positive and negative) and
on the five course texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.translation_traces import (
    TRACE_COLUMNS,
    TRACE_KINDS,
    TRACE_RULES,
    acronym_definitions,
    translation_traces,
)
from helpers.corpus import load_corpus
from helpers.text.quotations import quotation_spans


def kinds(text: str) -> list[str]:
    return list(translation_traces(text)["kind"])


def surfaces(text: str, kind: str) -> list[str]:
    found = translation_traces(text)
    return list(found.loc[found["kind"] == kind, "surface"])


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


# ------------------------------------------------------------------ invented positives


def test_self_reference_in_a_report_without_a_narrator():
    text = "The minister said trade grew. Critics attacked my country, the report added."
    assert surfaces(text, "self-reference") == ["my country"]


def test_joined_words_are_split_into_two_real_words():
    text = "The plan was a resounding successunprecedented in scale."
    found = translation_traces(text)
    row = found[found["kind"] == "joined words"].iloc[0]
    assert row["surface"] == "successunprecedented"
    assert "'success' + 'unprecedented'" in row["explanation"]


def test_word_glued_to_a_number_and_lower_camel_join():
    assert surfaces("They fought COVID-19and poverty.", "joined words") == ["19and"]
    assert surfaces("He visited the worldThe next day.", "joined words") == ["worldThe"]


def test_doubled_word_with_and_and_in_a_row():
    assert surfaces("It became more effective and effective.", "doubled word") == [
        "effective and effective"
    ]
    assert surfaces("We met the the delegates.", "doubled word") == ["the the"]


def test_numeral_split_from_its_phrase():
    text = "They vaccinated many people. 12 Over the last years, it grew."
    assert surfaces(text, "split numeral") == ["12 Over"]


def test_mixed_acronyms_for_one_defined_name():
    text = "The World Trade Organization (WTO) met. Later the WOT and the WTO agreed."
    assert acronym_definitions(text) == {"WTO": "World Trade Organization"}
    assert surfaces(text, "mixed acronyms") == ["WOT"]


def test_number_format_and_masked_number_come_from_the_numbers_helper():
    text = "More than 1.400 million people live there. The UN XNUMX Agenda was adopted."
    found = translation_traces(text)
    assert "1.400 million" in list(found.loc[found["kind"] == "number format", "surface"])
    assert list(found.loc[found["kind"] == "masked number", "surface"]) == ["XNUMX"]


def test_reversed_curly_quotes_are_found():
    text = "He condemned the “bullying ”and the practices of“ hegemony”."
    assert surfaces(text, "quotation marks") == ["”", "“"]


def test_full_stop_inside_and_comma_outside_then_capital():
    text = '“We must act together. ", He said.'
    found = kinds(text)
    assert "quotation marks" in found
    assert surfaces(text, "capital after comma") == ["He"]


def test_unbalanced_quote_in_a_paragraph():
    text = "She called it “a new era and left.\n\nNext paragraph."
    assert surfaces(text, "quotation marks") == ["“"]


def test_quoted_title_cut_in_the_wrong_place():
    text = "They discussed “Thought Guides Chinese Characteristics” The theme of growth."
    assert surfaces(text, "quotation marks") == ["s” The"]


def test_stray_punctuation_and_lowercase_fragment():
    text = "Respect. , to isolation. The target was met. poverty remained."
    assert surfaces(text, "stray punctuation") == [". ,"]
    assert surfaces(text, "lowercase sentence") == [". poverty"]


def test_breadcrumb_residue_at_the_top_of_a_page():
    text = "HomeNewsPolitics Leaders Meet To Discuss The Future Of The...\n\nLeaders met."
    assert surfaces(text, "breadcrumb residue") == [
        "HomeNewsPolitics Leaders Meet To Discuss The Future Of The..."
    ]


# ------------------------------------------------------------------ invented negatives

CORRECT_ENGLISH = [
    "I love my country, and my country loves me.",
    "“In my country we vote,” she said.",
    "Prices rose again and again, more and more, and better and better.",
    "He had had enough. She said that that was fine.",
    "In 2020 the economy shrank. The next year it grew.",
    "The World Health Organization (WHO) and the WHO regional office agreed.",
    "He spoke to Venezuela, Cuba, etc., and to others. See e.g. the annex.",
    "“Stop,” he said. “The rest can wait.”",
    "Policymaking, peacekeeping, counterterrorism and wellbeing are long words.",
    "The page at GlobalSecurity.org lists it; visit www.example.com for more.",
    "He scored 10 points. On Sunday, 3 people came.",
    "Working Together Towards A Shared Future",
    "She travelled 10km on the 2nd day, at 5pm.",
    "“There are many paths. People choose.\n\n“The second paragraph closes the quote.”",
]


@pytest.mark.parametrize("text", CORRECT_ENGLISH)
def test_correct_english_is_not_flagged(text):
    assert translation_traces(text).empty, translation_traces(text).to_dict("records")


def test_quotation_spans_cover_the_quotation_marks():
    text = 'He said “yes” and then "no".'
    assert [text[s:e] for s, e in quotation_spans(text)] == ["“yes”", '"no"']


def test_table_shape_and_surface_matches_offsets():
    text = "It became more effective and effective. 10 In the past it was less."
    found = translation_traces(text)
    assert list(found.columns) == TRACE_COLUMNS
    assert set(found["kind"]) <= set(TRACE_KINDS)
    for row in found.itertuples():
        assert text[row.start : row.end] == row.surface
        assert row.explanation


def test_empty_text_has_no_traces():
    assert translation_traces("").empty


# ------------------------------------------------------------------ the five texts


def test_official_and_human_translations_show_no_traces(corpus):
    assert translation_traces(corpus.loc["xi-keynote", "text"]).empty
    assert translation_traces(corpus.loc["song-tao", "text"]).empty


def test_machine_translated_news_report(corpus):
    found = translation_traces(corpus.loc["ultimas-noticias", "text"])
    counts = found["kind"].value_counts()
    assert counts["mixed acronyms"] == 7
    assert set(found.loc[found["kind"] == "mixed acronyms", "surface"]) == {"CCP"}
    assert {"1.400 billion", "98,99th", "XNUMX"} <= set(found["surface"])
    assert found.loc[found["kind"] == "breadcrumb residue", "start"].tolist() == [0]
    assert counts["quotation marks"] >= 4
    assert ". ," in set(found["surface"]) and ". poverty" in set(found["surface"])


def test_machine_translated_press_conference(corpus):
    found = translation_traces(corpus.loc["workers-daily", "text"])
    assert (found["kind"] == "self-reference").sum() == 4
    expected = {"successgroundbreaking", "effective and effective", "10 In", ". new"}
    assert expected <= set(found["surface"])


def test_compiled_page_has_one_glued_number(corpus):
    found = translation_traces(corpus.loc["globalsecurity", "text"])
    assert list(found["surface"]) == ["19and"]


def test_unbalanced_quote_in_the_last_paragraph():
    assert surfaces(
        "First paragraph.\n\nShe called it “a new era and left.", "quotation marks"
    ) == ["“"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeno tsrIMy.,;\"“”'-\n19CPX")), max_size=300))
def test_any_text_gives_consistent_rows(text):
    found = translation_traces(text)
    for row in found.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.surface
        assert row.kind in TRACE_KINDS


def test_a_310_digit_ordinal_is_a_number_format_trace():
    text = "It was the " + "1" * 310 + "th meeting."
    found = translation_traces(text)
    assert found["kind"].tolist() == ["number format"]
    assert found["explanation"].iloc[0].startswith("Too many digits to be read as a number")


def test_every_rule_kind_has_a_legend_entry():
    assert {rule.kind for rule in TRACE_RULES} == set(TRACE_KINDS)


def test_two_fragments_after_two_full_stops_are_both_found():
    text = "The target was met. poverty remained. growth fell."
    assert surfaces(text, "lowercase sentence") == [". poverty", ". growth"]
