"""Word diff: lossless on any text, numbers whole, escaped HTML with non-colour cues."""

import difflib
import html
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import diff_html, diff_words, load_corpus
from helpers.text.diffing import _rare_anchors, matching_blocks, tokenize


def joined(parts):
    return "".join(p.a_part for p in parts), "".join(p.b_part for p in parts)


@settings(max_examples=300)
@given(st.text(), st.text())
def test_lossless_on_random_unicode(a, b):
    assert joined(diff_words(a, b)) == (a, b)


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["the ", "cat ", "1.5 ", "sat", ", ", "\n", "é ", "猫", "  "])))
def test_lossless_on_repetitive_word_soup(words):
    a = "".join(words)
    b = "".join(reversed(words))
    parts = diff_words(a, b)
    assert joined(parts) == (a, b)
    assert all(p.op in {"equal", "replace", "delete", "insert"} for p in parts)


def test_tokenize_keeps_numbers_and_contractions_whole():
    text = "It cost 1,500 dollars, 98.99 million and 98,99th; don't."
    assert "".join(tokenize(text)) == text
    words = [t.strip() for t in tokenize(text)]
    assert {"1,500", "98.99", "98,99th", "don't"} <= set(words)


def test_a_changed_figure_is_one_change():
    parts = diff_words("rose by 98.99 million people", "rose by 10 million people")
    changes = [p for p in parts if p.op != "equal"]
    assert [(p.op, p.a_part.strip(), p.b_part.strip()) for p in changes] == [
        ("replace", "98.99", "10")
    ]


def test_ops_insert_delete_and_identical():
    assert diff_words("same text", "same text") == [("equal", "same text", "same text")]
    assert diff_words("", "") == []
    assert diff_words("", "new") == [("insert", "", "new")]
    assert diff_words("old", "") == [("delete", "old", "")]
    parts = diff_words("one two three", "one three")
    assert ("delete", "two ", "") in parts


def test_spacing_only_difference_counts_as_equal_words():
    parts = diff_words("one  two", "one two")
    assert [p.op for p in parts] == ["equal"]
    assert joined(parts) == ("one  two", "one two")


def test_a_moved_sentence_on_a_long_text_keeps_the_rest_equal():
    rng = random.Random(3)
    words = [f"w{rng.randrange(5000)}" for _ in range(20000)]
    a = " ".join(words)
    b = " ".join([*words[:9000], "inserted", "words", *words[9000:15000], *words[15100:]])
    parts = diff_words(a, b)
    assert joined(parts) == (a, b)
    equal_words = sum(len(p.a_part.split()) for p in parts if p.op == "equal")
    assert equal_words >= 19890


def test_matching_blocks_form_a_common_subsequence_as_long_as_difflibs():
    rng = random.Random(7)
    for _ in range(20):
        a = [rng.randrange(6) for _ in range(rng.randrange(60))]
        b = [rng.randrange(6) for _ in range(rng.randrange(60))]
        blocks = matching_blocks(a, b)
        for i, j, n in blocks:
            assert a[i : i + n] == b[j : j + n]
        ours = sum(n for *_, n in blocks)
        theirs = sum(
            m.size for m in difflib.SequenceMatcher(None, a, b, False).get_matching_blocks()
        )
        assert ours >= theirs


def test_real_pair_shows_the_number_changes():
    corpus = load_corpus()
    news, speech = corpus.loc["ultimas-noticias", "text"], corpus.loc["xi-keynote", "text"]
    parts = diff_words(speech, news)
    assert joined(parts) == (speech, news)
    inserted = " ".join(p.b_part for p in parts if p.op != "equal")
    assert "XNUMX" in inserted and "98,99th" in inserted


def visible_text(page: str) -> str:
    return html.unescape(re.sub(r"</?(?:span|del|ins)\b[^>]*>|\[[−+]\]", "", page))


def test_html_escapes_hostile_markup():
    a = '<script>alert("a")</script> safe words'
    b = '<img src=x onerror="alert(1)"> safe words'
    page = diff_html(a, b)
    tags = set(re.findall(r"</?([a-zA-Z]+)", page))
    assert tags == {"span", "del", "ins"}
    assert visible_text(diff_html(a, b, side="a")) == a
    assert visible_text(diff_html(a, b, side="b")) == b


def test_html_marks_changes_without_relying_on_colour():
    page = diff_html("the old word", "the new word")
    assert re.search(r"\[−\]</span><del[^>]*title=\"removed\"[^>]*line-through[^>]*>old", page)
    assert re.search(r"\[\+\]</span><ins[^>]*title=\"added\"[^>]*underline[^>]*>new", page)
    assert "white-space: pre-wrap" in page and "overflow-wrap: anywhere" in page


def test_html_one_side_only():
    assert "<ins" not in diff_html("a old", "a new", side="a")
    assert "<del" not in diff_html("a old", "a new", side="b")
    assert "new" in diff_html("a old", "a new", side="b")


def test_repetitive_text_without_unique_words_is_aligned():
    rng = random.Random(5)
    words = [rng.choice("abc") for _ in range(6000)]
    edited = list(words)
    for k in range(0, 6000, 500):
        edited[k] = "zz"
    a, b = " ".join(words), " ".join(edited)
    parts = diff_words(a, b)
    assert joined(parts) == (a, b)
    changed = sum(len(p.b_part.split()) for p in parts if p.op != "equal")
    assert changed <= 40


def test_rare_anchors_fall_back_to_the_rarest_shared_words():
    a = [1, 1, 2, 2, 3, 3, 3]
    b = [2, 2, 1, 1, 3, 3, 3]
    anchors = _rare_anchors(a, 0, len(a), b, 0, len(b))
    assert len(anchors) == 2
    assert all(a[i] == b[j] and a[i] in (1, 2) for i, j in anchors)
    assert anchors == sorted(anchors) and [j for _, j in anchors] == sorted(j for _, j in anchors)
    assert _rare_anchors([1, 1], 0, 2, [1], 0, 1) == []
