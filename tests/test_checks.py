"""Declarative answer checks: accepted strings, a regular expression, numbers in order."""

import pytest

from helpers.course.checks import (
    check_answer,
    check_problems,
    normalise_answer,
    numbers_match,
    typed_numbers,
)

SPEECH_NUMBERS = [
    {"value": 18},
    {"value": 98.99, "unit": "million"},
    {"value": 10, "unit": "years"},
    {"value": 2030},
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  Machine   Translation. ", "machine translation"),
        ("“Quoted”", '"quoted"'),
        ("ＡＢＣ", "abc"),
        ("Straße", "strasse"),
    ],
)
def test_normalise_answer_ignores_case_spacing_quotes_and_final_stop(typed, expected):
    assert normalise_answer(typed) == expected


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [
        ("18th 98.99 million 10 2030", [(18, 18), (98.99, 98.99e6), (10, 10), (2030, 2030)]),
        ("two", [(2, 2)]),
        ("eighteenth, ten", [(18, 18), (10, 10)]),
        ("1,500-plus", [(1500, 1500)]),
        ("2.7bn", [(2.7, 2.7e9)]),
        ("no figure here", []),
    ],
)
def test_typed_numbers_reads_digits_words_ordinals_and_scales(typed, numbers):
    assert typed_numbers(typed) == [pytest.approx(n) for n in numbers]


@pytest.mark.parametrize(
    "typed",
    [
        "18th 98.99 10 2030",
        "18 98.99 10 2030",
        "18th, 98.99, 10, 2030",
        "18th 98.99 million 10 2030",
        "18th  98.99 million  10 years  2030",
        "18th; 98.99; 10; 2030",
        "18. 98.99 10 2030",
        "18th 98,990,000 10 2030",
        "eighteenth 98.99 ten 2030",
        "18th congress, 98.99 million residents, 10 years ahead, UN 2030 Agenda",
        " 18TH   98.99M 10 YEARS 2030 ",
    ],
)
def test_numbers_check_accepts_what_a_student_would_type(typed):
    assert numbers_match(typed, SPEECH_NUMBERS)


@pytest.mark.parametrize(
    "typed",
    [
        "18th 98.99 10 2020",
        "19th 98.99 10 2030",
        "18th 98.9 10 2030",
        "98.99 18th 10 2030",
        "18th 98.99 10",
        "98,99 10 2030 XNUMX",
        "18th 99 10 2030",
        "18th 98.99 10 2030 2031",
        "18th 98.99 billion 10 2030",
    ],
)
def test_numbers_check_rejects_wrong_missing_extra_or_reordered_numbers(typed):
    assert not numbers_match(typed, SPEECH_NUMBERS)


def test_numbers_check_tolerance():
    about = [{"value": 1.4, "unit": "billion", "tolerance": 0.05}]
    assert numbers_match("1.42 billion", about)
    assert numbers_match("1,420,000,000", about)
    assert not numbers_match("1.5 billion", about)


def test_check_answer_with_texts_regex_and_numbers():
    assert check_answer(" In 2021. ", {"texts": ["2021", "in 2021"]}) is True
    assert check_answer("2020", {"texts": ["2021"]}) is False
    assert check_answer("the Edelman firm", {"regex": "edelman"}) is True
    assert check_answer("Gallup", {"regex": "edelman"}) is False
    assert check_answer("four days", {"numbers": [{"value": 4, "unit": "days"}]}) is True
    assert check_answer("   ", {"texts": ["anything"]}) is None


def test_check_problems_name_what_is_wrong():
    assert check_problems({"texts": ["a"], "regex": "b", "numbers": [{"value": 1}]}) == []
    assert check_problems({}) != []
    assert check_problems({"code": "lambda t: True"}) == ["unknown check key 'code'"]
    assert "does not compile" in check_problems({"regex": "("})[0]
    assert check_problems({"numbers": [{"value": 1, "units": "m"}]}) != []
    assert check_problems({"texts": [""]}) != []
