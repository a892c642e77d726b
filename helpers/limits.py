"""Size limits, one place: texts larger than this are refused with a message, never processed.

The comparison tools, extractors and views grow near-linearly, but a student waits for them;
200,000 words (about 400 pages) keeps every interaction within seconds on a classroom laptop.
"""

#: Largest text (in words, as `helpers.text.words.count_words` counts them) the module accepts,
#: whether loaded from a data folder or pasted into a widget.
MAX_WORDS = 200_000

#: Largest file (in bytes) the loader reads before decoding; larger files are refused unread.
#: Generous (about 25 bytes per word, so texts in scripts without spaces still fit), and far
#: below the size that would freeze a kernel.
MAX_TEXT_BYTES = 25 * MAX_WORDS

#: Most rows of labels one chart draws (texts in a timeline, figures in a family, bars in a bar
#: chart), so a chart stays a few screens tall whatever the texts; a note names what is left out.
MAX_CHART_ROWS = 40

#: Most characters of a text one highlighted view shows at a time; a longer text is shown in
#: parts (about 10,000 words each), so a view stays well under a megabyte.
MAX_VIEW_CHARS = 60_000

#: Most marks (rows of its table) one highlighted view shows at a time; a part of a text with
#: more ends after this many.
MAX_VIEW_MARKS = 300


def left_out_note(shown: int, total: int, what: str, how: str, skipped: int = 0) -> str:
    """Plain words saying what a capped view leaves out and how to see it ("" if nothing is);
    `skipped` items come before the shown ones (a later part of a long text).

    E.g. "Showing the first 40 of 55 texts; dates_by_text(corpus) lists them all."
    """
    if skipped:
        return f"Showing {what} {skipped + 1:,}–{skipped + shown:,} of {total:,}; {how}."
    if shown >= total:
        return ""
    return f"Showing the first {shown:,} of {total:,} {what}; {how}."
