"""Framing tools: term variants, spelling varieties, vague attributions, evaluative words,
speakers and the frequency chart, on invented sentences and on the five texts."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.analysis.framing import (
    count_terms,
    evaluative_profile,
    evaluative_spans,
    quoted_speakers,
    speaker_counts,
    spelling_varieties,
    term_frequencies,
    term_spans,
    term_variants,
    vague_attributions,
    variant_groups,
)
from helpers.corpus import load_corpus
from helpers.views.framing_plot import plot_term_frequencies

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def texts():
    return load_corpus()["text"].to_dict()


# ------------------------------------------------------------------ terms and variants


def test_terms_match_whole_words_and_phrases_only():
    text = "Humanity's future; humankind, inhumanity. The human race and well-being, wellbeing."
    assert len(term_spans(text, "humanity")) == 1
    assert len(term_spans(text, "being")) == 0
    assert count_terms({"t": text}, ["human race", "well-being", "wellbeing"])["t"].tolist() == [
        1,
        1,
        1,
    ]


def test_frequencies_are_per_thousand_words():
    text = " ".join(["mankind"] * 5 + ["word"] * 495)
    table = term_frequencies({"a": text, "b": "word " * 1000}, ["mankind"])
    assert table.loc["mankind", "a"] == 10.0 and table.loc["mankind", "b"] == 0.0


def test_term_variants_by_group(texts):
    groups = {
        "mankind / humanity": ["mankind", "humanity", "humankind", "human race"],
        "well-being": ["well-being", "wellbeing", "well being"],
    }
    table = term_variants(texts, groups)
    assert table.loc[("mankind / humanity", "humanity"), "ultimas-noticias"] == 10
    assert table.loc[("mankind / humanity", "humanity"), "workers-daily"] == 0
    assert table.loc[("mankind / humanity", "mankind"), "workers-daily"] == 9
    assert table.loc[("well-being", "well-being"), "ultimas-noticias"] == 3
    assert table.loc[("well-being", "wellbeing"), "xi-keynote"] == 12


def test_variant_groups_find_spelling_hyphenation_and_acronym_variants():
    invented = {
        "uk": "The organisation will realise its goals; our wellbeing and co-operation matter.",
        "us": "The organization will realize its goals; our well-being and cooperation. ABC, BCA.",
    }
    table = variant_groups(invented)
    keys = set(zip(table["kind"], table["key"], strict=True))
    assert ("UK/US spelling", "organization") in keys
    assert ("UK/US spelling", "realize") in keys
    assert ("hyphenation", "wellbeing") in keys and ("hyphenation", "cooperation") in keys
    assert ("acronym letters", "ABC") in keys
    row = table[table["variant"] == "organisation"].iloc[0]
    assert (row["uk"], row["us"]) == (1, 0)


def test_variant_groups_ignore_words_spelt_one_way():
    assert variant_groups({"a": "The colour of peace.", "b": "Peace and quiet."}).empty


def test_variant_groups_on_the_texts(texts):
    table = variant_groups(texts)
    acronyms = table[table["kind"] == "acronym letters"].set_index("variant")
    assert acronyms.loc["CCP", "ultimas-noticias"] == 7
    assert acronyms.loc["CCP", "xi-keynote"] == 0
    spelled = set(table.loc[table["kind"] == "UK/US spelling", "variant"])
    assert {"modernisation", "modernization", "organisations", "organizations"} <= spelled


def test_spelling_varieties(texts):
    invented = spelling_varieties({"x": "Colour, honour and the centre.", "y": "Color center."})
    assert invented.loc["x", "UK spellings"] == 3 and invented.loc["x", "US spellings"] == 0
    assert invented.loc["y", "US spellings"] == 2
    table = spelling_varieties(texts)
    assert table.loc["xi-keynote", "UK spellings"] > table.loc["xi-keynote", "US spellings"]
    assert table.loc["globalsecurity", "UK spellings"] == 0


# ------------------------------------------------------------------ vague attributions


@pytest.mark.parametrize(
    ("sentence", "surface", "kind"),
    [
        ("A poll by a renowned polling company in the UK found 80%.",
         "a renowned polling company in the UK", "unnamed source"),
        ("Certain countries spread rumours.", "Certain countries", "unnamed group"),
        ("It was decided by a handful of people.", "a handful of people", "small minority"),
        ("Experts say the plan works.", "Experts say", "anonymous voices"),
        ("According to reports, talks failed.", "According to reports", "according to whom"),
        ("It is reported that the talks failed.", "It is reported that", "impersonal claim"),
        ("Leaders from many countries agreed.", "from many countries", "unnamed many"),
    ],
)  # fmt: skip
def test_vague_attribution_patterns(sentence, surface, kind):
    found = vague_attributions(sentence)
    assert list(zip(found["surface"], found["kind"], strict=True)) == [(surface, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Edelman, a public relations firm in New York, published the survey.",
        "According to the World Bank, growth was 2%.",
        "Li Qiang said the economy grew.",
        "Some 300 delegates from 120 countries attended.",
    ],
)
def test_named_sources_are_not_vague(sentence):
    assert vague_attributions(sentence).empty


def test_vague_attributions_in_the_texts(texts):
    song_tao = set(vague_attributions(texts["song-tao"])["surface"])
    assert "a well-known public relations firm in the US" in song_tao
    assert "Observers say" in set(vague_attributions(texts["globalsecurity"])["surface"])


# ------------------------------------------------------------------ evaluative words


def test_evaluative_words_with_endings_and_classes():
    found = evaluative_spans("They smeared us with lies, but we firmly won a historic victory.")
    assert list(zip(found["surface"], found["kind"], strict=True)) == [
        ("smeared", "negative"),
        ("lies", "negative"),
        ("firmly", "intensifier"),
        ("historic", "positive"),
    ]
    assert evaluative_spans("The cat sat on the mat.").empty


def test_evaluative_profile_is_per_thousand_words():
    profile = evaluative_profile({"t": "splendid " + "word " * 99})
    assert profile.loc["positive", "t"] == 10.0 and profile.loc["negative", "t"] == 0.0


# ------------------------------------------------------------------ speakers


def test_speakers_forward_inverted_and_according_to():
    text = (
        'Anna Berg, head of the agency, said prices rose. "We will act," said Berg. '
        "According to Tom Li, costs fell. He added that wages rose."
    )
    found = quoted_speakers(text)
    assert list(found["speaker"]) == ["Anna Berg", "Berg", "Tom Li", "he"]
    assert list(found["mode"]) == ["reported", "direct", "reported", "reported"]
    assert list(found["named"]) == [True, True, True, False]
    counts = speaker_counts(text)
    assert counts.loc["Anna Berg", "total"] == 2 and counts.loc["Anna Berg", "direct"] == 1


def test_no_attribution_no_speakers():
    assert quoted_speakers("The report covers trade and growth.").empty
    assert speaker_counts("The report covers trade and growth.").empty


def test_speakers_in_the_texts(texts):
    workers = speaker_counts(texts["workers-daily"])
    assert workers.index[0] == "Ma Zhaoxu" and "Shen Beili" in workers.index
    report = speaker_counts(texts["ultimas-noticias"])
    assert report.index[0] == "Xi Jinping"
    assert quoted_speakers(texts["xi-keynote"]).empty


# ------------------------------------------------------------------ chart


def test_chart_has_units_labels_and_sources(texts):
    table = term_frequencies(texts, ["mankind", "humanity"])
    fig = plot_term_frequencies(table, "Key terms", "five texts of the course")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "occurrences per 1,000 words"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["mankind", "humanity"]
    assert len(ax.patches) == 2 * len(texts)
    assert len({patch.get_hatch() for patch in ax.patches}) == len(texts)
    assert fig.get_supxlabel() == "Sources: five texts of the course"


def test_chart_bars_have_the_lengths_of_the_table():
    """Each bar is as long as its cell, and sits in its term's group (fails on bars at 0)."""
    table = pd.DataFrame({"a": [1.5, 0.0], "b": [3.0, 2.25]}, index=["peace", "trade"])
    ax = plot_term_frequencies(table, "t", "s").axes[0]
    assert [p.get_width() for p in ax.patches] == [1.5, 0.0, 3.0, 2.25]
    centres = [round(p.get_y() + p.get_height() / 2, 6) for p in ax.patches]
    assert centres == [0.0, 1.0, 0.4, 1.4]
    assert [c.get_label() for c in ax.containers] == ["a", "b"]
