"""Partial publication dates stay partial on the timeline; events load from the catalogue."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers import (
    CorpusError,
    date_span,
    load_corpus,
    load_events,
    provenance_timeline,
    with_inferred_dates,
)


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2021", ("2021-01-01", "2021-12-31")),
        ("2020-02", ("2020-02-01", "2020-02-29")),
        ("2020-09-04", ("2020-09-04", "2020-09-04")),
    ],
)
def test_date_span_covers_every_day_a_partial_date_can_mean(value: str, span: tuple[str, str]):
    assert date_span(value) == (pd.Timestamp(span[0]), pd.Timestamp(span[1]))


def test_missing_date_has_no_span():
    assert date_span("") is None


def test_timeline_has_a_row_per_text_and_marks_each_kind_of_date():
    corpus, events = load_corpus(), load_events()
    axes = provenance_timeline(corpus, events).axes[0]
    assert [tick.get_text() for tick in axes.get_yticklabels()] == list(corpus.index)
    legend = {text.get_text() for text in axes.get_legend().get_texts()}
    assert legend == {"event the text reports", "published (somewhere in this span)"}
    notes = [child.get_text() for child in axes.texts]
    assert notes.count("publication date not stated") == (corpus["published"] == "").sum() == 4


def test_timeline_labels_reconstructed_dates_as_inferred():
    corpus = with_inferred_dates(load_corpus())
    axes = provenance_timeline(corpus, load_events()).axes[0]
    legend = {text.get_text() for text in axes.get_legend().get_texts()}
    assert legend == {"event the text reports", "published (somewhere in this span)",
                      "inferred publication date", "inferred publication (somewhere in this span)"}
    notes = [child.get_text() for child in axes.texts]
    assert notes == ["publication date not stated"]  # only ultimas-noticias stays undated


def test_events_refer_to_catalogued_texts():
    assert set(load_events()["text_id"]) <= set(load_corpus().index)


def test_bad_event_date_is_reported(tmp_path: Path):
    (tmp_path / "events.csv").write_text(
        "text_id,event,date,reference\nx,Meeting,30/11/2017,ref\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match="'30/11/2017' is not YYYY-MM-DD"):
        load_events(tmp_path)


def test_no_events_file_gives_an_empty_table(tmp_path: Path):
    assert load_events(tmp_path).empty
