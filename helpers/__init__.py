"""Helpers for the source-criticism module: notebooks call these; tests check them.

One import line per module; every public name is importable as `from helpers import ...`.
"""

from helpers.assessment import reliability_assessment
from helpers.claims import claim_summary, claims_table, family_evidence, family_of, values_agree
from helpers.claims_plots import dates_timeline, figures_by_source
from helpers.compare_widget import compare_versions
from helpers.corpus import (
    CorpusError,
    count_words,
    load_corpus,
    load_events,
    reading_text_of,
    sha256_of,
)
from helpers.dates import extract_dates, years_mentioned
from helpers.diffing import DiffPart, diff_html, diff_words
from helpers.english_words import english_words, is_word, spelling_variety
from helpers.exercises import multiple_choice, notes, open_question, save_reminder, short_answer
from helpers.framing import (
    count_terms,
    evaluative_profile,
    evaluative_spans,
    plot_term_frequencies,
    quoted_speakers,
    speaker_counts,
    spelling_varieties,
    term_frequencies,
    term_variants,
    vague_attributions,
    variant_groups,
)
from helpers.highlight import highlight_html, merge_spans, span_view_html, span_viewer
from helpers.number_words import read_digits, words_to_number
from helpers.numbers import extract_numbers
from helpers.paths import data_dir, work_dir
from helpers.provenance import page_furniture, provenance_card, provenance_cards, saved_cards
from helpers.quotations import quotation_spans
from helpers.reading_text import ReadingText, reading_text
from helpers.sentences import Sentence, split_sentences
from helpers.timeline_plot import date_span, provenance_timeline
from helpers.tracing import comparable_words, left_out, trace_sources
from helpers.translation_traces import TRACE_KINDS, translation_traces
from helpers.workstore import export_markdown, export_tables, load_work, save_entry
