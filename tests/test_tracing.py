"""Tracing derived sentences to their sources, on invented texts and on the real pairs."""

import itertools
import os
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import comparable_words, left_out, load_corpus, trace_sources
from helpers.analysis.tracing import (
    COLUMNS,
    PARAPHRASE,
    RELATIONS,
    candidate_scores,
    is_heading,
    relation_of,
)
from helpers.text.quotations import quotation_parts, quotation_spans
from helpers.text.reading_text import reading_text

SPEECH = (
    "Friends,\n\n"
    "The world is changing fast. Rivers are rising in many regions. "
    "We must build bridges between nations instead of walls. "
    "Farmers in the valley have doubled their harvest since 2015. "
    "Every child deserves a school within walking distance. "
    "Trade should benefit ordinary families, not only large companies. "
    "Science must guide our response to the epidemic. "
    "The choice is in our hands and the responsibility falls on our shoulders."
)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def row_for(trace, fragment):
    rows = trace[trace["derived"].str.contains(fragment, regex=False)]
    assert len(rows) == 1, fragment
    return rows.iloc[0]


def test_columns_offsets_and_order():
    derived = "Rivers are rising in many regions. A comment of the reporter about lunch."
    trace = trace_sources(derived, SPEECH)
    assert list(trace.columns) == COLUMNS
    spans = zip(trace.derived_start, trace.derived_end, strict=True)
    assert list(trace["derived"]) == [derived[s:e] for s, e in spans]
    first = trace.iloc[0]
    assert first.relation == "verbatim" and first.score == 1.0
    assert SPEECH[first.source_start : first.source_end] == first.source


def test_own_heading_and_comment_have_no_source():
    derived = (
        "Lunch menus of the week\n\nThe reporter enjoyed a quiet lunch near the harbour.\n\n"
        "Valley farmers and their harvest"
    )
    trace = trace_sources(derived, SPEECH)
    assert trace["source"].isna().all()
    assert (trace["relation"] == "none").all()
    assert all(s is None for s in trace["source"])


def test_reordering_is_traced_to_the_right_sentences():
    derived = (
        "The choice is in our hands and the responsibility falls on our shoulders. "
        "Rivers are rising in many regions. We must build bridges between nations instead of walls."
    )
    trace = trace_sources(derived, SPEECH)
    assert list(trace["relation"]) == ["verbatim"] * 3
    starts = list(trace["source_start"])
    assert starts[0] > starts[1] and starts[1] < starts[2]


def test_paraphrase_and_close_changes():
    derived = (
        "Growers in the valley have twice the harvest they had in 2015. "
        "Science must steer our response to the epidemic."
    )
    trace = trace_sources(derived, SPEECH)
    paraphrase, close = trace.iloc[0], trace.iloc[1]
    assert paraphrase.source.startswith("Farmers in the valley")
    assert paraphrase.relation == "paraphrase"
    assert close.source.startswith("Science must guide")
    assert close.relation == "close" and not close.verbatim


def test_one_derived_sentence_drawing_on_two():
    derived = (
        "Every child deserves a school within walking distance, and trade should benefit "
        "ordinary families."
    )
    row = trace_sources(derived, SPEECH).iloc[0]
    sources = {row.source, *row.also_from}
    assert any(s.startswith("Every child") for s in sources)
    assert any(s.startswith("Trade should") for s in sources)


def test_quotation_verbatim_ignores_typography_and_attribution():
    curly = "“The choice is in our hands and the responsibility falls on our shoulders,” she said."
    row = trace_sources(curly, SPEECH).iloc[0]
    assert row.in_quotes and row.verbatim and row.relation == "close"
    changed = (
        '"The choice is in our hands and the responsibility rests on our shoulders," she said.'
    )
    row = trace_sources(changed, SPEECH).iloc[0]
    assert row.in_quotes and not row.verbatim
    assert row.source.startswith("The choice is in our hands")


def test_respelled_word_is_not_verbatim():
    source = "International rules should be based on universally-recognised norms of conduct."
    derived = 'He said: "International rules should be based on universally-recognized norms."'
    row = trace_sources(derived, source).iloc[0]
    assert row.in_quotes and not row.verbatim and row.source == source


def test_silent_omission_inside_one_quotation():
    derived = (
        'She said, "The world is changing fast. Rivers are rising in many regions. '
        'Every child deserves a school within walking distance."'
    )
    trace = trace_sources(derived, SPEECH)
    assert trace["in_quotes"].all() and trace["verbatim"].all()
    assert list(trace.iloc[2].omitted_before) == [
        "We must build bridges between nations instead of walls.",
        "Farmers in the valley have doubled their harvest since 2015.",
    ]
    assert trace.iloc[1].omitted_before == []


def test_marked_omission_and_separate_quotations_are_not_silent():
    marked = (
        '"The world is changing fast. Rivers are rising in many regions. ... '
        'Every child deserves a school within walking distance."'
    )
    assert all(o == [] for o in trace_sources(marked, SPEECH)["omitted_before"])
    separate = (
        '"The world is changing fast," she said. '
        "At the dinner afterwards, her deputy talked about roads. "
        '"Every child deserves a school within walking distance," he added.'
    )
    assert all(o == [] for o in trace_sources(separate, SPEECH)["omitted_before"])


def test_quotation_interrupted_by_attribution_is_one_quotation():
    derived = (
        '"The world is changing fast," she said. '
        '"Every child deserves a school within walking distance."'
    )
    trace = trace_sources(derived, SPEECH)
    assert trace["in_quotes"].all()
    assert [s[:20] for s in trace.iloc[1].omitted_before] == [
        "Rivers are rising in",
        "We must build bridge",
        "Farmers in the valle",
    ]


def test_quotation_spans_cover_unclosed_and_machine_reversed_marks():
    text = 'He spoke of "peace ”and then of“ war ”.\nShe said: "no end\nNext line.'
    spans = [text[s:e] for s, e in quotation_spans(text)]
    assert spans == ['"peace ”', "“ war ”", '"no end']
    assert quotation_spans("It isn't John's book.") == []
    single = "He said ‘my own’ twice."
    assert [single[s:e] for s, e in quotation_spans(single)] == ["‘my own’"]


def test_comparable_words_level_typography_only():
    assert comparable_words("It’s a “well—known” fact") == comparable_words(
        'it\'s a "well-known" FACT'
    )
    assert comparable_words("recognised") != comparable_words("recognized")


def test_left_out_lists_unused_source_sentences():
    derived = "Rivers are rising in many regions. Science must guide our response to the epidemic."
    dropped = left_out(derived, SPEECH)
    assert "Rivers are rising in many regions." not in set(dropped["source"])
    assert "Trade should benefit ordinary families, not only large companies." in set(
        dropped["source"]
    )
    assert list(dropped.columns) == ["source", "source_start", "source_end", "source_index"]


def test_hostile_markup_is_plain_text():
    derived = (
        '<script>alert("x")</script> Rivers are rising in many regions. <img onerror=alert(1)>'
    )
    source = "<img onerror=alert(1)> Rivers are rising in many regions."
    trace = trace_sources(derived, source)
    assert any(trace["derived"].str.contains("<script>", regex=False))
    assert (trace["relation"] != "none").any()


def test_empty_inputs():
    assert trace_sources("", SPEECH).empty
    assert list(trace_sources("", "").columns) == COLUMNS
    trace = trace_sources("Rivers are rising.", "")
    assert list(trace["relation"]) == ["none"]
    assert left_out("", "").empty
    assert len(left_out("", SPEECH)) == len(trace_sources(SPEECH, SPEECH))


def test_huge_input_with_moves_is_traced():
    rng = random.Random(11)
    vocabulary = [f"word{n}" for n in range(20000)]
    sentences = [
        " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 20))).capitalize() + "."
        for _ in range(3000)
    ]
    moved = sentences[1500:] + sentences[:1500]
    moved[10] = "A sentence that the rewriter added on her own."
    trace = trace_sources(" ".join(moved), " ".join(sentences))
    assert len(trace) == 3000
    assert (trace["relation"] == "verbatim").sum() >= 2990
    assert trace.iloc[10].relation == "none"
    assert trace.iloc[0].source == sentences[1500]


def test_results_are_independent_copies():
    first = trace_sources("Rivers are rising in many regions.", SPEECH)
    first.loc[0, "relation"] = "edited"
    assert trace_sources("Rivers are rising in many regions.", SPEECH).loc[0, "relation"] == (
        "verbatim"
    )


def test_news_rewrite_against_the_speech(corpus):
    trace = trace_sources(corpus.loc["ultimas-noticias", "text"], corpus.loc["xi-keynote", "text"])
    assert len(trace) == 30
    feet = row_for(trace, "Trimming your feet")
    assert feet.in_quotes and not feet.verbatim
    assert feet.source == "Cutting one's feet to fit the shoes will lead nowhere."
    choice = row_for(trace, "rests on our shoulders")
    assert choice.in_quotes and not choice.verbatim and choice.relation == "close"
    assert "falls on our shoulders" in choice.source
    numbers = row_for(trace, "98,99th")
    assert numbers.source.startswith("Since the 18th National Congress of the CPC")
    assert row_for(trace, "CCP Contributions to the World").relation == "none"
    dropped = left_out(corpus.loc["ultimas-noticias", "text"], corpus.loc["xi-keynote", "text"])
    assert len(dropped) > len(trace)


def test_background_page_quotes_with_silent_omissions(corpus):
    trace = trace_sources(corpus.loc["globalsecurity", "text"], corpus.loc["xi-keynote", "text"])
    judgment = row_for(trace, "The judgment on whether a country is democratic")
    assert judgment.in_quotes and judgment.verbatim
    assert [o[:40] for o in judgment.omitted_before] == [
        "In the same vein, democracy is the right",
        "There are multiple ways and means to rea",
    ]
    rules = row_for(trace, "universally-recognized")
    assert rules.in_quotes and not rules.verbatim
    assert "universally-recognised" in rules.source
    wellbeing = row_for(trace, "This, in itself, is what wellbeing entails.")
    assert wellbeing.verbatim and wellbeing.omitted_before == []
    assert not row_for(trace, "Page last modified").source


def test_same_result_whatever_the_hash_seed():
    script = (
        "from helpers import load_corpus, left_out, trace_sources\n"
        "c = load_corpus()\n"
        "a, b = c.loc['globalsecurity', 'text'], c.loc['xi-keynote', 'text']\n"
        "print(trace_sources(a, b).to_json(), left_out(a, b).to_json())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_unclosed_multi_sentence_quotation_counts_as_quoted():
    derived = (
        'She said: "The world is changing fast. Rivers are rising in many regions.\n\n'
        "Trade is another matter."
    )
    trace = trace_sources(derived, SPEECH)
    assert list(trace["in_quotes"]) == [True, True, False]
    assert trace.iloc[1].verbatim and trace.iloc[2].omitted_before == []


# ---- issue 12: verdicts that hold on unseen texts (texts written for these tests) ----

TOPIC_SOURCE = (
    "A search engine first builds an index of the documents it knows. "
    "A document is represented as a list. "
    "For each word, the index stores the documents in which it appears. "
    "Use these partial answers to build the answer to the whole problem."
)


def test_topic_words_alone_are_not_a_paraphrase():
    derived = (
        "Each item in the list stands for a different keyword. "
        "The last step is to build the answer from the values computed. "
        "Search results are ranked by how popular a page is."
    )
    trace = trace_sources(derived, TOPIC_SOURCE)
    assert list(trace["relation"]) == ["none", "none", "none"]
    assert (trace["score"] < PARAPHRASE).all()


@given(st.lists(st.sampled_from(SPEECH.split(". ") + TOPIC_SOURCE.split(". ") + [
    "Rivers in the valley are rising", "Farmers want schools", "The index is a list",
    "Growers in the valley have twice the harvest they had in 2015",
]), min_size=1, max_size=8))  # fmt: skip
@settings(max_examples=40, deadline=None)
def test_a_higher_score_never_shows_a_weaker_relation(sentences):
    trace = trace_sources(". ".join(sentences) + ".", SPEECH + " " + TOPIC_SOURCE)
    ranks = [RELATIONS.index(r) for r in trace["relation"]]
    for (score_a, rank_a), (score_b, rank_b) in itertools.combinations(
        zip(trace["score"], ranks, strict=True), 2
    ):
        if score_a > score_b:
            assert rank_a >= rank_b
        if score_b > score_a:
            assert rank_b >= rank_a
    assert all(relation_of(s) == r for s, r in zip(trace["score"], trace["relation"], strict=True))


def test_spelling_hyphen_and_number_word_variants_still_trace():
    source = (
        "Parties must shoulder their historic responsibility to ensure the people's wellbeing "
        "and pursue human progress. Two new bridges were recognised as a priority."
    )
    derived = (
        "Parties must shoulder a historic responsibility for the well-being of the people and "
        "for human progress. 2 new bridges were recognized as a priority."
    )
    trace = trace_sources(derived, source)
    assert list(trace["relation"]) == ["close", "close"]
    assert trace.iloc[1].source.startswith("Two new bridges")
    assert trace.iloc[0].source.startswith("Parties must shoulder")


def test_raw_text_with_page_breaks_traces_like_its_reading_text():
    source_raw = (
        "Farmers in the valley doubled their harvest.\n\n--The council will improve the "
        "roads to make\n\nnew links between the villages of the north.\fEvery child "
        "deserves a school."
    )
    derived_raw = "The council\u00a0will improve the roads to make\n\nnew links between villages."
    raw = trace_sources(derived_raw, source_raw)
    read = trace_sources(reading_text(derived_raw).text, reading_text(source_raw).text)
    assert list(raw["relation"]) == list(read["relation"]) == ["close"]
    assert [" ".join(s.split()) for s in raw["source"]] == [
        " ".join(s.split()) for s in read["source"]
    ]
    row = raw.iloc[0]
    assert source_raw[row.source_start : row.source_end] == row.source
    assert derived_raw[row.derived_start : row.derived_end] == row.derived


def test_scare_quotes_are_terms_not_quotations():
    derived = 'Commentators call this "soft power" outreach. Rivers are rising in many regions.'
    trace = trace_sources(derived, SPEECH)
    assert not trace.iloc[0].in_quotes and trace.iloc[0].terms == ['"soft power"']
    kinds = [(p.surface, p.kind) for p in quotation_parts(derived)]
    assert kinds == [('"soft power"', "term")]
    said = quotation_parts('"Never again," she said. Critics spoke of "win-win" deals.')
    assert [(p.kind, p.group) for p in said] == [("quotation", 0), ("term", -1)]


def test_recall_aids_need_no_download():
    script = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "from helpers.text.word_forms import word_key, informativeness\n"
        "print(word_key('Organisations'), word_key('well-being'), informativeness('the'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.split() == ["organization", "wellbeing", "0.0"]


# A speech with a title, a byline and the speaker's office on lines of their own, and a
# report whose sentences name the speaker (shared with the byline) and restate the speech's
# sentences in other words.
ADDRESS = (
    "Keeping Our Harbours Safe for Every Crew\n\n"
    "Address by Admiral Tomasz Wielgosz\n\n"
    "Chief Inspector of the Northern Coastal Safety Authority\n\n"
    "Colleagues,\n\n"
    "The sea has fed this coast for centuries. "
    "Fuel prices have risen sharply this winter, and many crews now sail with fewer hands. "
    "Port authorities, as an important guardian of maritime trade, need to keep the channels "
    "open and shoulder their lasting duty to ensure the sailors' welfare and pursue safer "
    "navigation. "
    "First, we need to shoulder the duty to modernise the harbours by dredging the channels. "
    "Second, we need to shoulder the duty to deepen cooperation by working together to tackle "
    "regional risks and storms. "
    "Every lighthouse on this coast will be automated by the end of the decade."
)
ADDRESS_REPORT = (
    "Admiral Tomasz Wielgosz urged the region's port authorities to accept their duty to "
    "protect the welfare of sailors and the safety of navigation. "
    "Wielgosz, chief inspector of the Northern Coastal Safety Authority, called on port "
    "authorities to strengthen cooperation to tackle storms, smuggling and oil spills."
)


def test_a_heading_that_shares_the_speakers_name_or_title_is_not_named_the_source():
    trace = trace_sources(ADDRESS_REPORT, ADDRESS)
    assert trace["source"].tolist() == [
        "Port authorities, as an important guardian of maritime trade, need to keep the "
        "channels open and shoulder their lasting duty to ensure the sailors' welfare and "
        "pursue safer navigation.",
        "Second, we need to shoulder the duty to deepen cooperation by working together to "
        "tackle regional risks and storms.",
    ]
    assert trace["also_from"].tolist() == [
        ["Address by Admiral Tomasz Wielgosz"],
        ["Chief Inspector of the Northern Coastal Safety Authority"],
    ]
    assert trace["relation"].tolist() == ["paraphrase", "paraphrase"]


def test_candidate_scores_keep_the_heading_beside_the_named_source():
    scores = candidate_scores(ADDRESS_REPORT, ADDRESS)
    first = scores[scores["derived_index"] == 0]
    assert first["source_index"].tolist()[:1] == [6]  # the named source, with the table's score
    assert first["score"].iloc[0] == trace_sources(ADDRESS_REPORT, ADDRESS)["score"].iloc[0]
    assert 1 in first["source_index"].tolist()  # the byline keeps its own row
    assert first["source_index"].is_unique


def test_is_heading_tells_lines_from_sentences():
    assert is_heading("Address by Admiral Tomasz Wielgosz")
    assert is_heading("Colleagues,")
    assert is_heading("Harbours Safe for Every Crew...")  # a cut headline
    assert not is_heading("The sea has fed this coast.")
    assert not is_heading('"Keep the channels open!" she said.')
    assert not is_heading("Is it safe?")
