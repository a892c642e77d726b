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
