"""Figures are found, read, qualified and flagged by general rules, on invented sentences and
on the five texts."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import extract_numbers, load_corpus, read_digits, words_to_number
from helpers.analysis.numbers import NUMBER_COLUMNS, lemma


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return load_corpus()


def only(text: str, surface: str) -> pd.Series:
    """The single row whose surface is `surface`."""
    table = extract_numbers(text)
    rows = table[table["surface"] == surface]
    assert len(rows) == 1, table[["surface", "kind"]].to_string()
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("ten thousand", 10_000), ("twenty-five", 25), ("one hundred and five", 105),
        ("a dozen", 12), ("two dozen", 24), ("three million", 3_000_000),
        ("one hundredth", 100), ("twenty-first", 21), ("nine hundred ninety-nine", 999),
    ],
)  # fmt: skip
def test_number_words(phrase: str, value: float):
    assert words_to_number(phrase) == value


@pytest.mark.parametrize("phrase", ["", "a", "parties", "ten green"])
def test_non_number_words(phrase: str):
    assert words_to_number(phrase) is None


@pytest.mark.parametrize(
    ("digits", "value", "note"),
    [
        ("1,500", 1500, ""), ("98.99", 98.99, ""), ("56,1", 56.1, "decimal comma"),
        ("1.234.567", 1234567, "thousands dots"), ("1.234,5", 1234.5, "decimal comma with "
                                                   "thousands dots"),
        ("0.125", 0.125, ""),
    ],
)  # fmt: skip
def test_read_digits(digits: str, value: float, note: str):
    assert read_digits(digits) == (value, note)


def test_thousands_dot_is_named_with_its_other_reading():
    assert read_digits("1.400").value == 1.4
    assert "1400" in read_digits("1.400").note


def test_offsets_columns_and_sentence():
    text = "Leaders came. Over 500 parties from 160 countries attended."
    table = extract_numbers(text)
    assert list(table.columns) == NUMBER_COLUMNS
    for row in table.itertuples():
        assert text[row.start : row.end] == row.surface
        assert row.sentence == "Over 500 parties from 160 countries attended."


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier", "kind", "counted"),
    [
        ("all the 98.99 million rural residents", "98.99 million", 98_990_000, "exact",
         "count", "rural resident"),
        ("the ten thousand and more representatives", "ten thousand and more", 10_000, "over",
         "count", "representative"),
        ("They sent 1500-plus congratulatory messages.", "1500-plus", 1500, "over", "count",
         "congratulatory message"),
        ("There are 1,500 delegates.", "1,500", 1500, "exact", "count", "delegate"),
        ("Of them, 56.1% are members.", "56.1%", 56.1, "exact", "percent", ""),
        ("Some 40 per cent of voters agreed.", "40 per cent", 40, "about", "percent", "voter"),
        ("It costs 1.4bn people dearly.", "1.4bn", 1.4e9, "exact", "count", "people"),
        ("It raised $3.5m last year.", "$3.5m", 3.5e6, "exact", "money", ""),
        ("They paid 20 million yuan.", "20 million", 2e7, "exact", "money", "yuan"),
        ("nearly 600 political parties", "600", 600, "about", "count", "political party"),
        ("close to 300 towns", "300", 300, "about", "count", "town"),
        ("upwards of 70 ships", "70", 70, "over", "count", "ship"),
        ("fewer than 12 judges", "12", 12, "under", "count", "judge"),
        ("more than 40 international anti-pandemic cooperation projects", "40", 40, "over",
         "count", "international anti-pandemic cooperation project"),
        ("a dozen eggs", "a dozen", 12, "exact", "count", "egg"),
        ("twenty-five Organisations met", "twenty-five", 25, "exact", "count", "organization"),
        ("its one hundredth anniversary", "one hundredth", 100, "exact", "ordinal",
         "anniversary"),
        ("the 18th National Congress", "18th", 18, "exact", "ordinal", "national congress"),
        ("tens of thousands of visitors", "tens of thousands", 10_000, "over", "count",
         "visitor"),
        ("Over the past 10 years, it grew.", "10", 10, "exact", "duration", "year"),
        ("It was said in 2013 first.", "2013", 2013, "exact", "year", ""),
    ],
)  # fmt: skip
def test_values_qualifiers_kinds_and_counted(text, surface, value, qualifier, kind, counted):
    row = only(text, surface)
    assert math.isclose(row["value"], value)
    assert (row["qualifier"], row["kind"], row["counted"]) == (qualifier, kind, counted)
    assert row["flag"] == ""


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "kind"),
    [
        ("between 10 and 20 people", "between 10 and 20", 10, 20, "range"),
        ("It takes 10-20 days.", "10-20", 10, 20, "range"),
        ("from 3 to 5 rooms", "from 3 to 5", 3, 5, "range"),
        ("The number rose from 172 to 181.", "from 172 to 181", 172, 181, "change"),
    ],
)  # fmt: skip
def test_ranges_and_changes_are_one_row(text, surface, low, high, kind):
    row = only(text, surface)
    assert (row["value"], row["high"], row["kind"]) == (low, high, kind)


def test_change_takes_what_is_counted_from_number_of():
    row = only("The number of embassies has increased from 41 to 113.", "from 41 to 113")
    assert row["counted"] == "embassy"


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("the COVID-19 pandemic", "COVID-19", "name"),
        ("at the G20 summit", "G20", "name"),
        ("a Boeing 737 landed", "737", "name"),
        ("under Agenda 2030, goals", "2030", "name"),
        ("a Boeing 737 aircraft", "737", "name"),
        ("the UN 2030 Agenda for growth", "2030", "name"),
        ("the 2030 Agenda is", "2030", "name"),
        ("in the 21st century", "21st", "name"),
        ("a 5G network", "5G", "name"),
        ("Call +86 10 6512 3456 now", "+86 10 6512 3456", "code"),
        ("Call 010-65123456 now", "010-65123456", "code"),
        ("Call (020) 7946 0958 now", "(020) 7946 0958", "code"),
        ("at 14:06:39 ZULU", "14:06:39", "time"),
    ],
)  # fmt: skip
def test_digits_in_names_codes_and_times_are_not_quantities(text, surface, kind):
    row = only(text, surface)
    assert row["kind"] == kind
    assert math.isnan(row["value"])


@pytest.mark.parametrize(("text", "surface", "kind"), [
    ("delegates from Beijing 300 countries", "300", "count"),
    ("the UN Agenda for Development 10 years ahead", "10", "duration"),
])  # fmt: skip
def test_a_capitalised_word_before_a_counted_plural_is_not_a_name(text, surface, kind):
    assert only(text, surface)["kind"] == kind


@pytest.mark.parametrize(
    "placeholder",
    ["XNUMX", "NUMX", "XNUM", "XXNUMXX", "XNUMBERX", "XDIGITX", "[NUM]", "<NUM>", "<num_2>",
     "{NUMBER}", "__NUM__", "#NUM#", "NUM1"],
)  # fmt: skip
def test_masked_number_placeholders_are_flagged(placeholder: str):
    row = only(f"Poverty fell by {placeholder} percent in the region.", placeholder)
    assert row["kind"] == "masked"
    assert "masked number" in row["flag"]


@pytest.mark.parametrize("word", ["NUMBER", "Numbers", "XXL", "NUMBAT", "XML"])
def test_ordinary_capitals_are_not_placeholders(word: str):
    assert (extract_numbers(f"The {word} list grew.")["kind"] != "masked").all()


@pytest.mark.parametrize(
    ("text", "surface", "value", "flag_part"),
    [
        ("the 98,99th congress", "98,99th", 98.99, "an ordinal must be a whole number"),
        ("more than 1.400 billion people", "1.400 billion", 1.4e9, "1400"),
        ("and 56,1% agreed", "56,1%", 56.1, "decimal comma"),
        ("some 3,5 million people", "3,5 million", 3.5e6, "decimal comma"),
        ("about 2.500 people came", "2.500", 2.5, "2500"),
        ("meeting the goal 2030 years ahead of time", "2030", 2030, "calendar year"),
        ("they worked 500 hours a day", "500", 500, "more hours than fit in a day"),
        ("open 9 days a week", "9", 9, "more days than fit in a week"),
        ("cheered by 130% of voters", "130%", 130, "over 100%"),
    ],
)  # fmt: skip
def test_suspicious_figures_are_flagged(text, surface, value, flag_part):
    row = only(text, surface)
    assert math.isclose(row["value"], value)
    assert flag_part in row["flag"]


@pytest.mark.parametrize(("text", "surface"), [("open 7 days a week", "7"),
                                                ("for 5000 years of history", "5000"),
                                                ("8 hours a day", "8")])  # fmt: skip
def test_plausible_durations_are_not_flagged(text: str, surface: str):
    assert only(text, surface)["flag"] == ""


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Over 2.500 people signed it.", "2.500"),
        ("The budget grew to 1.400 million euros.", "1.400 million"),
        ("They hired 3.100 new teachers.", "3.100"),
        ("It cost €4.200 in all.", "€4.200"),
        ("Turnout was around 7.500 today.", "7.500"),
    ],
)  # fmt: skip
def test_a_thousands_dot_is_flagged_where_the_figure_is_an_amount(text: str, surface: str):
    assert "thousands dot?" in only(text, surface)["flag"]


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("The term is defined in section 2.101 of the code.", "2.101", "name"),
        ("Clause 3.100 applies to every tenant.", "3.100", "name"),
        ("They upgraded to version 2.500 last week.", "2.500", "name"),
        ("See art. 4.300 and para. 7.250 below.", "4.300", "name"),
        ("The rules are in § 12.212 (Sept. 1995).", "12.212", "name"),
        ("1.0.1. Definitions follow.", "1.0.1", "code"),
        ("It runs on Python 3.14.6 today.", "3.14.6", "code"),
        ("The proxy at 192.168.0.1 failed.", "192.168.0.1", "code"),
        ("Rule 1.10.1 is new.", "1.10.1", "code"),
    ],
)  # fmt: skip
def test_section_and_version_numbers_are_labels_not_amounts(text, surface, kind):
    row = only(text, surface)
    assert (row["kind"], row["flag"]) == (kind, "")
    assert math.isnan(row["value"])


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [("Measured at 2.125 (mean), it held.", "2.125", 2.125),
     ("The index closed at 1.375 on Friday.", "1.375", 1.375)],
)  # fmt: skip
def test_a_bare_decimal_with_three_places_is_not_flagged(text, surface, value):
    row = only(text, surface)
    assert (row["value"], row["flag"]) == (value, "")


def test_thousands_dots_in_a_long_number_are_still_read_and_noted():
    row = only("A total of 1.234.567 voters came.", "1.234.567")
    assert (row["value"], row["kind"], row["flag"]) == (1_234_567, "count", "thousands dots")


def test_comma_joined_years_are_a_list_of_years():
    table = extract_numbers("Copyright (C) 2000,2001,2002 the authors.")
    assert table[["surface", "kind", "value"]].values.tolist() == [
        ["2000", "year", 2000], ["2001", "year", 2001], ["2002", "year", 2002]]  # fmt: skip
    assert (table["flag"] == "").all()


def test_licence_style_paragraph_has_no_flags():
    text = ("1.8. Licence. 1.8.1. The terms of release 2.0 apply. Terms are defined in 48 "
            "C.F.R. 2.101 (Oct. 1995) and used in 48 C.F.R. 12.212 (Sept. 1995). See section "
            "3.100 and clause 4.200 of version 1.0.1 (2000,2001,2002).")
    assert (extract_numbers(text)["flag"] == "").all()


def test_no_before_a_number_word_is_not_a_label():
    assert only("no two systems are alike", "two")["kind"] == "count"


def test_ambiguous_numeric_date_is_a_flagged_date():
    row = only("Page last modified: 03/04/2020 10:00", "03/04/2020")
    assert row["kind"] == "date"
    assert "ambiguous day/month order" in row["flag"]


def test_lemma_is_light():
    assert [lemma(w) for w in ["parties", "Countries", "organisations", "people", "boxes",
                               "NGOs", "China's"]] == [
        "party", "country", "organization", "people", "box", "ngo", "china"]  # fmt: skip


def test_ultimas_noticias_corrupted_figures(corpus: pd.DataFrame):
    table = extract_numbers(corpus.loc["ultimas-noticias", "text"]).set_index("surface")
    assert table.loc["98,99th", "kind"] == "ordinal"
    assert "decimal comma" in table.loc["98,99th", "flag"]
    assert "1400" in table.loc["1.400 billion", "flag"]
    assert "calendar year" in table.loc["2030", "flag"]
    assert table.loc["XNUMX", "kind"] == "masked"
    assert table.loc["10 million", "counted"] == "rural resident"


def test_xi_keynote_figures(corpus: pd.DataFrame):
    table = extract_numbers(corpus.loc["xi-keynote", "text"]).set_index("surface")
    assert table.loc["98.99 million", "value"] == 98_990_000
    assert table.loc["1500-plus", ["value", "qualifier"]].tolist() == [1500, "over"]
    assert table.loc["ten thousand and more", "qualifier"] == "over"
    assert table.loc["2030", "kind"] == "name"
    assert (table["flag"] == "").all()


def test_globalsecurity_date_and_range(corpus: pd.DataFrame):
    table = extract_numbers(corpus.loc["globalsecurity", "text"]).set_index("surface")
    assert table.loc["Nov. 30 to Dec. 13, 2017", "kind"] == "date"
    assert "ambiguous" in table.loc["01-08-2021", "flag"]
    assert table.loc["G20", "kind"] == "name"


def test_song_tao_percentages_and_counts(corpus: pd.DataFrame):
    table = extract_numbers(corpus.loc["song-tao", "text"])
    percents = table[table["kind"] == "percent"]
    assert sorted(percents["value"]) == [56.1, 95.0]
    member = table[table["phrase"] == "More than 39 million Party members"].iloc[0]
    assert (member["value"], member["qualifier"]) == (39e6, "over")
    assert table.loc[table["surface"] == "21st", "kind"].tolist() == ["name"]


def test_workers_daily_change(corpus: pd.DataFrame):
    table = extract_numbers(corpus.loc["workers-daily", "text"])
    change = table[table["surface"] == "from 172 to 181"].iloc[0]
    assert (change["kind"], change["value"], change["high"]) == ("change", 172, 181)
    assert change["counted"] == "country"


def test_offsets_hold_on_every_text(corpus: pd.DataFrame):
    for text in corpus["text"]:
        table = extract_numbers(text)
        assert all(text[s:e] == x for s, e, x in zip(table["start"], table["end"],
                                                     table["surface"], strict=True))
        assert table["sentence"].str.len().gt(0).all()


PIECES = st.sampled_from(
    ["1", "0", "12", "1,5", "2.500", "-", "–", " ", "  ", ".", ",", "%", "th", "X", "NUM", "[",
     "]", "<", ">", "+", ":", "/", "a", "A", "ten", "thousand", "and", "more", "than", "over",
     "nearly", "May", "Dec.", "2021", "years", "a day", "between", "from", "to", "G", "COVID",
     "\n", "bn", "$", "people", "hundredth", "(", ")", "Party", "the"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
@example(text="1+112")  # a figure with "+" (over) then digits: once a phone code overlapped it
@example(text="1+2021")
def test_any_text_gives_consistent_rows(text: str):
    table = extract_numbers(text)
    assert list(table.columns) == NUMBER_COLUMNS
    for row in table.itertuples():
        assert text[row.start : row.end] == row.surface
        assert row.qualifier in ("over", "under", "about", "exact")
    spans = sorted(zip(table["start"], table["end"], strict=True))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_a_310_digit_ordinal_is_flagged_not_an_overflow():
    text = "It was the " + "1" * 310 + "th meeting; " + "9" * 400 + " people came."
    found = extract_numbers(text)
    huge = found[found["surface"].str.len() > 300]
    assert huge["kind"].tolist() == ["ordinal", "count"]
    assert huge["value"].isna().all()
    assert huge["flag"].tolist() == ["too many digits to be read as a number"] * 2


@pytest.mark.parametrize(
    ("digits", "value", "note"),
    [
        ("1.234,5", 1234.5, "decimal comma with thousands dots"),
        ("1,234.5", 1234.5, ""),
        ("1.2.34", 1.0, "irregular digit grouping"),
        ("1,23,456", 123456.0, "irregular digit grouping"),
        ("0.250", 0.25, ""),
        ("1.23.456", 1.0, "irregular digit grouping"),
    ],
)
def test_read_digits_separators(digits, value, note):
    assert read_digits(digits) == (value, note)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("an", None), ("a", None), ("hundred", 100), ("a dozen", 12), ("two hundred and five", 205),
     ("one thousandth", 1000), ("forty thousand", 40000), ("three million two", 3000002),
     ("two thousand three hundred", 2300),
     ("banana", None)],
)  # fmt: skip
def test_words_to_number_values(phrase, value):
    assert words_to_number(phrase) == value
