"""Helpers for the source-criticism module: notebooks call these; tests check them.

Four layers, each importing only the layers below it (checked by import-linter in `make lint`):

- `helpers.course`: exercises, saved work, provenance cards, the reliability assessment;
- `helpers.views`: HTML renderers, widgets and charts;
- `helpers.analysis`: dates, numbers, claims, tracing, framing, translation traces, page furniture;
- `helpers.text`: reading text, sentences, quotations, words, number words, word diff.

`helpers.corpus` (loading the texts) sits on top, with `helpers.check_data` (`make check-data`)
above it; `helpers.paths`, `helpers.problems` and `helpers.limits` sit at the bottom.
Every name below is importable as `from helpers import ...`; each module is loaded only when
one of its names is first used (PEP 562), so `import helpers.text.sentences` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    name: module
    for module, names in {
        "helpers.corpus": (
            "CorpusError load_corpus load_events reading_text_of sha256_of with_inferred_dates"
        ),
        "helpers.paths": "data_dir work_dir",
        "helpers.text.words": "count_words",
        "helpers.text.reading_text": "ReadingText reading_text",
        "helpers.text.sentences": "Sentence split_sentences",
        "helpers.text.quotations": "quotation_spans",
        "helpers.text.english_words": "english_words is_word spelling_variety",
        "helpers.text.number_words": "read_digits words_to_number",
        "helpers.text.diffing": "DiffPart diff_words",
        "helpers.analysis.dates": "date_span dates_by_text extract_dates years_mentioned",
        "helpers.analysis.numbers": "extract_numbers",
        "helpers.analysis.claims": (
            "claim_summary claims_table family_evidence family_of values_agree"
        ),
        "helpers.analysis.tracing": "comparable_words left_out trace_sources",
        "helpers.analysis.framing": (
            "count_terms evaluative_profile evaluative_spans quoted_speakers speaker_counts "
            "spelling_varieties term_frequencies term_variants vague_attributions variant_groups"
        ),
        "helpers.analysis.translation_traces": "TRACE_KINDS translation_traces",
        "helpers.analysis.page_furniture": "page_furniture",
        "helpers.analysis.tables": "per_text",
        "helpers.views.diff_view": "diff_html",
        "helpers.views.highlight": "highlight_html merge_spans span_view_html span_viewer",
        "helpers.views.compare_widget": "compare_versions",
        "helpers.views.claims_plots": "dates_timeline figures_by_source",
        "helpers.views.timeline_plot": "provenance_timeline",
        "helpers.views.framing_plot": "plot_term_frequencies",
        "helpers.course.exercises": "ask ask_name save_reminder",
        "helpers.course.workstore": "load_work save_entry save_student_name student_name",
        "helpers.course.work_export": "export_files export_markdown export_tables",
        "helpers.course.provenance": "provenance_card provenance_cards saved_cards",
        "helpers.course.assessment": "reliability_assessment",
        "helpers.course.texts": "needs_texts",
        "helpers.course.class_work": (
            "answer_distribution collect_work mistake_links student_grid write_gradebook"
        ),
    }.items()
    for name in names.split()
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Load the module that defines `name` on first use (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
