"""Size limits, one place: texts larger than this are refused with a message, never processed.

The comparison tools, extractors and views grow near-linearly, but a student waits for them;
200,000 words (about 400 pages) keeps every interaction within seconds on a classroom laptop.
"""

#: Largest text (in words, as `helpers.text.words.count_words` counts them) the module accepts,
#: whether loaded from a data folder or pasted into a widget.
MAX_WORDS = 200_000
