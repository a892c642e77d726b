"""Helpers for the source-criticism module: notebooks call these; tests check them.

One import line per module; every public name is importable as `from helpers import ...`.
"""

from helpers.corpus import CorpusError, count_words, load_corpus, reading_text_of, sha256_of
from helpers.paths import data_dir, work_dir
from helpers.reading_text import ReadingText, reading_text
