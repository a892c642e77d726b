"""Analysis layer: dates, numbers, claims, tracing, framing, translation traces, page furniture.

Detectors built on `helpers.text`; they return tables and draw nothing. Span detectors share
one table shape and `per_text` runs any detector over a corpus (`helpers.analysis.tables`).
"""
