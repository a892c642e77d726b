"""Sentence splitting: offsets, abbreviations, decimals, headings, quotations, real texts."""

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import load_corpus, split_sentences
from helpers.text.sentences import Sentence


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_input():
    text = "  First one.  Second one!\n\nThird?  "
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First one.", "Second one!", "Third?"]
    for s in sentences:
        assert isinstance(s, Sentence)
        assert text[s.start : s.end] == s.text


def test_empty_and_blank_input():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ran from Nov. 30 to Dec. 3, 2017 in Beijing.",
        "Keynote Address by H.E. Xi Jinping at the summit.",
        "She moved to the U.S. Army base in 1990.",
        "See No. 5 on the list.",
        "Prof. Yu and Mr. Smith spoke first.",
        "J. R. Smith wrote it.",
        "Its population is 1.4 billion people.",
        "He wrote 1.400 billion and 98.99 million in one line.",
        "Tools, e.g. rulers, were sold.",
        "They hesitated... and then agreed.",
        "There was mutual respect. , to isolation or openness.",
    ],
)
def test_no_split_inside(text):
    assert texts(text) == [text]


def test_splits_after_abbreviation_like_words_that_end_a_sentence():
    assert texts("He said no. Then he left.") == ["He said no.", "Then he left."]
    assert texts("It grew in 2017. The next year it fell.") == [
        "It grew in 2017.",
        "The next year it fell.",
    ]
    assert texts("They moved to the U.S. The move was hard.") == [
        "They moved to the U.S.",
        "The move was hard.",
    ]


def test_headings_and_short_lines_end_at_the_line_break():
    text = (
        "Responsibility of parties\nParties must act. They agree.\n\nBeijing, 6 July 2021\nFriends,"
    )
    assert texts(text) == [
        "Responsibility of parties",
        "Parties must act.",
        "They agree.",
        "Beijing, 6 July 2021",
        "Friends,",
    ]


def test_a_line_continuing_in_lower_case_is_not_split():
    assert texts("a sentence cut by\na line break.") == ["a sentence cut by\na line break."]


@pytest.mark.parametrize(
    "text",
    [
        "The council will improve the roads to make\n\nnew links between the villages.",
        "The council will improve the roads to make\n\n\n\nnew links between the villages.",
        "The council will improve the roads to make\fnew links between the villages.",
        "The council will improve the roads to make\n\f\nnew links between the villages.",
        "The council will improve the roads of the\n\nVillages of the north.",
    ],
)
def test_a_sentence_cut_by_a_blank_line_or_page_break_stays_whole(text):
    assert texts(text) == [text]


def test_blank_lines_still_end_headings_and_finished_sentences():
    assert texts("Roads and villages\n\nThe council met.\n\nlater that day it rained.") == [
        "Roads and villages",
        "The council met.",
        "later that day it rained.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We want peace." Ma said.', ['"We want peace." Ma said.']),
        ("“We want peace,” Ma said. Then he left.", ["“We want peace,” Ma said.", "Then he left."]),
        ('"We want peace." Then he left.', ['"We want peace."', "Then he left."]),
        ("“We want peace.” Then he left.", ["“We want peace.”", "Then he left."]),
        (
            'respect all peoples. ", He said. Next one.',
            ['respect all peoples. ", He said.', "Next one."],
        ),
        ("'Is it over?' she asked. Yes.", ["'Is it over?' she asked.", "Yes."]),
        (
            'He said, "One. Two." Three.',
            ['He said, "One.', 'Two."', "Three."],
        ),
    ],
)
def test_quotations(text, expected):
    assert texts(text) == expected


def test_chinese_full_stops_split_without_spaces():
    assert texts("我们要和平。他们同意！好吗？") == ["我们要和平。", "他们同意！", "好吗？"]


def test_page_break_joined_by_reading_text_is_not_resplit():
    corpus = load_corpus()
    text = corpus.loc["xi-keynote", "text"]
    joined = [
        s.text for s in split_sentences(text) if "just as the Communist Party of China" in s.text
    ]
    assert len(joined) == 1
    assert joined[0].startswith("It gives me great pleasure") and joined[0].endswith("anniversary.")


def test_real_texts_keep_known_sentences_whole():
    corpus = load_corpus()
    news = texts(corpus.loc["ultimas-noticias", "text"])
    assert '"Trimming your feet to fit your shoes will get you nowhere," he said.' in news
    assert "Responsibility of political parties" in news
    assert any(s.startswith("Since the 98,99th CPC") and "XNUMX Agenda" in s for s in news)
    background = texts(corpus.loc["globalsecurity", "text"])
    assert "This, in itself, is what wellbeing entails." in background
    assert any("from Nov. 30 to Dec. 13, 2017" in s for s in background)
    keynote = texts(corpus.loc["xi-keynote", "text"])
    assert "Keynote Address by H.E. Xi Jinping" in keynote


def test_every_text_is_covered_without_overlap():
    for text in load_corpus()["text"]:
        sentences = split_sentences(text)
        assert all(a.end <= b.start for a, b in pairwise(sentences))
        assert "".join(text[a.end : b.start] for a, b in pairwise(sentences)).strip() == ""


@given(st.text())
def test_offsets_hold_for_any_text(text):
    previous_end = 0
    for s in split_sentences(text):
        assert s.text == text[s.start : s.end] and s.text.strip() == s.text and s.text
        assert s.start >= previous_end
        previous_end = s.end
