"""Reading-text repairs on invented copy-and-paste damage, and the offset map back to the raw."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import reading_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cries from all\n\ncountries are loud.", "Cries from all countries are loud."),
        ("Leaders of the\n\nUnited Nations met.", "Leaders of the United Nations met."),
        ("A title broken after to\nJointly Pursue", "A title broken after to Jointly Pursue"),
        ("Ladies and Gentlemen,\n\nFriends,", "Ladies and Gentlemen,\n\nFriends,"),
        ("A heading\n\nThe next paragraph.", "A heading\n\nThe next paragraph."),
        ("End of one.\n\nstart of a list", "End of one.\n\nstart of a list"),
        ("**Bold title**\n\nBody.", "Bold title\n\nBody."),
        ("No\u00a0break\u202fspaces and  double   gaps.", "No break spaces and double gaps."),
        ("Windows\r\nline.\r\n\r\n\r\n\r\nEnds.", "Windows line.\n\nEnds."),
        ("\ufeff  Leading and trailing  \n\n", "Leading and trailing"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_repairs(raw: str, expected: str):
    assert reading_text(raw).text == expected


def test_offsets_point_back_to_the_original_words():
    raw = "**Title**\n\nSpent 1.4\u00a0billion on the\n\nproject."
    result = reading_text(raw)
    for word in ("Title", "1.4", "billion", "project"):
        start = result.text.index(word)
        raw_start, raw_end = result.to_raw(start, start + len(word))
        assert raw[raw_start:raw_end] == word


def test_empty_span_and_out_of_range():
    result = reading_text("abc")
    assert result.to_raw(1, 1) == (1, 1)
    with pytest.raises(IndexError):
        result.to_raw(2, 9)


@given(st.text())
def test_every_character_maps_to_a_raw_position_in_order(raw: str):
    result = reading_text(raw)
    assert len(result.offsets) == len(result.text) + 1
    assert list(result.offsets) == sorted(result.offsets)
    assert all(0 <= offset <= len(raw) for offset in result.offsets)
