"""Partial publication dates stay partial on the timeline; events load from the catalogue."""

from __future__ import annotations

from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
import pytest

from helpers import CorpusError, date_span, load_corpus, load_events, provenance_timeline


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
    assert legend == {"event the text reports", "published", "published (somewhere in this span)"}
    notes = [child.get_text() for child in axes.texts]
    assert notes.count("publication date not stated") == (corpus["published"] == "").sum()


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


def _points(axes, marker_y: float) -> list[tuple[float, float]]:
    """(x, y) of every scatter point at height `marker_y`."""
    return [(x, y) for c in axes.collections for x, y in c.get_offsets().tolist()
            if abs(y - marker_y) < 1e-9]  # fmt: skip


def test_timeline_puts_each_event_and_publication_at_its_date():
    """Fails when points are drawn at x = 0 or at other texts' dates."""
    corpus = pd.DataFrame({"published": ["2021-07-06", "2020", ""]}, index=["a", "b", "c"])
    events = pd.DataFrame({"text_id": ["a", "a", "b", "c"],
                           "date": pd.to_datetime(["2021-07-06", "2017-11-30", "2019-05-01",
                                                   "2018-02-03"])})  # fmt: skip
    axes = provenance_timeline(corpus, events).axes[0]
    day = mdates.date2num
    assert sorted(_points(axes, -0.12)) == sorted(
        [(day(pd.Timestamp("2021-07-06")), -0.12), (day(pd.Timestamp("2017-11-30")), -0.12)])
    assert _points(axes, 0.88) == [(day(pd.Timestamp("2019-05-01")), 0.88)]
    assert _points(axes, 1.88) == [(day(pd.Timestamp("2018-02-03")), 1.88)]
    assert _points(axes, 0.12) == [(day(pd.Timestamp("2021-07-06")), 0.12)]
    [span] = [line for line in axes.lines if line.get_ydata()[0] == 1.12]
    assert list(mdates.date2num(span.get_xdata())) == [day(pd.Timestamp("2020-01-01")),
                                                       day(pd.Timestamp("2020-12-31"))]
    note = next(t for t in axes.texts if t.get_text() == "publication date not stated")
    assert note.xy == (pd.Timestamp("2018-02-03"), 1.88)
