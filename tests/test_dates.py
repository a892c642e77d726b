"""Dates and ranges are found with their precision; what a text leaves open stays unresolved."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import extract_dates, load_corpus, years_mentioned
from helpers.analysis.dates import DATE_COLUMNS


def only(text: str) -> pd.Series:
    """The single date row of `text`."""
    table = extract_dates(text)
    assert len(table) == 1, table[["surface"]].to_string()
    return table.iloc[0]


@pytest.mark.parametrize(
    ("text", "surface", "iso", "precision"),
    [
        ("Beijing, 6 July 2021.", "6 July 2021", "2021-07-06", "day"),
        ("On July 6, 2021, he spoke.", "July 6, 2021", "2021-07-06", "day"),
        ("On July 6th, 2021, he spoke.", "July 6th, 2021", "2021-07-06", "day"),
        ("said 05 July 2021 at a conference", "05 July 2021", "2021-07-05", "day"),
        ("on the sixth of July 2021", "the sixth of July 2021", "2021-07-06", "day"),
        ("Updated: 2020-09-04", "2020-09-04", "2020-09-04", "day"),
        ("By June 2020 more had joined.", "June 2020", "2020-06", "month"),
        ("It was put forth in 2013.", "2013", "2013", "year"),
        ("Sept. 2019 was busy.", "Sept. 2019", "2019-09", "month"),
        ("on 25/12/2020 and", "25/12/2020", "2020-12-25", "day"),
        ("on 12/25/2020 and", "12/25/2020", "2020-12-25", "day"),
    ],
)  # fmt: skip
def test_single_dates(text: str, surface: str, iso: str, precision: str):
    row = only(text)
    assert (row["surface"], row["iso"], row["precision"], row["kind"]) == (
        surface, iso, precision, "date")  # fmt: skip
    assert row["resolved"]
    assert row["flag"] == ""
    assert text[row["start"] : row["end"]] == surface


def test_relation_word_is_kept():
    assert only("By June 2020 more had joined.")["relation"] == "by"
    assert only("It was put forth in 2013.")["relation"] == "in"


@pytest.mark.parametrize(
    ("text", "iso", "iso_end", "length"),
    [
        ("held from Nov. 30 to Dec. 13, 2017 in Beijing", "2017-11-30", "2017-12-13", 14),
        ("held from Nov. 30 to Dec. 3, 2017 in Beijing", "2017-11-30", "2017-12-03", 4),
        ("on 5-7 July 2021", "2021-07-05", "2021-07-07", 3),
        ("on July 5-7, 2021", "2021-07-05", "2021-07-07", 3),
        ("from 30 December 2020 to 2 January 2021", "2020-12-30", "2021-01-02", 4),
        ("from Dec. 30 to Jan. 2, 2018", "2017-12-30", "2018-01-02", 4),
        ("between 6 July 2021 and 9 July 2021", "2021-07-06", "2021-07-09", 4),
    ],
)  # fmt: skip
def test_day_ranges_have_a_length(text: str, iso: str, iso_end: str, length: int):
    row = only(text)
    assert (row["kind"], row["iso"], row["iso_end"], row["length_days"]) == (
        "range", iso, iso_end, length)  # fmt: skip


def test_year_range():
    row = only("between 2013 and 2017 it grew")
    assert (row["kind"], row["iso"], row["iso_end"], row["precision"]) == (
        "range", "2013", "2017", "year")  # fmt: skip


def test_a_day_without_a_year_is_unresolved_not_guessed():
    row = only("(China Industrial Network, Beijing, October 20th)")
    assert (row["month"], row["day"]) == (10, 20)
    assert pd.isna(row["year"])
    assert row["iso"] == ""
    assert not row["resolved"]
    assert row["flag"] == "no year given: unresolved"


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("Page last modified: 01-08-2021 14:06:39", ("2021-08-01", "2021-01-08")),
        ("Posted 03/04/2020.", ("2020-04-03", "2020-03-04")),
        ("Posted 03.04.2020.", ("2020-04-03", "2020-03-04")),
    ],
)  # fmt: skip
def test_ambiguous_numeric_dates_keep_both_readings(text: str, readings: tuple[str, str]):
    row = only(text)
    assert row["readings"] == readings
    assert not row["resolved"]
    assert row["iso"] == ""
    assert row["year"] == int(readings[0][:4])
    assert "ambiguous day/month order" in row["flag"]


@pytest.mark.parametrize(
    "text",
    ["2030 years ahead of schedule", "the UN 2030 Agenda", "more than 1500 messages",
     "the COVID-19 pandemic", "it may rise", "Call 010-65123456", "version 2.0.1"],
)  # fmt: skip
def test_non_dates(text: str):
    assert extract_dates(text).empty


def test_impossible_day_is_not_a_day():
    assert extract_dates("on 31 February 2020")["precision"].tolist() == ["month"]


def test_columns_and_years_mentioned():
    table = extract_dates("From 2013 to 2017, and on 6 July 2021.")
    assert list(table.columns) == DATE_COLUMNS
    assert years_mentioned("From 2013 to 2017, and on 6 July 2021.") == {2013, 2017, 2021}
    assert years_mentioned("October 20th") == set()


def test_the_five_texts():
    corpus = load_corpus()
    globalsecurity = extract_dates(corpus.loc["globalsecurity", "text"]).set_index("surface")
    assert globalsecurity.loc["Nov. 30 to Dec. 13, 2017", "length_days"] == 14
    assert not globalsecurity.loc["01-08-2021", "resolved"]
    assert globalsecurity.loc["22 February 2021", "iso"] == "2021-02-22"
    assert extract_dates(corpus.loc["xi-keynote", "text"])["iso"].tolist()[0] == "2021-07-06"
    song_tao = extract_dates(corpus.loc["song-tao", "text"])
    assert song_tao["iso"].tolist()[:2] == ["2020-09-04", "2020"]
    workers = extract_dates(corpus.loc["workers-daily", "text"])
    assert workers["flag"].tolist() == ["no year given: unresolved"]
