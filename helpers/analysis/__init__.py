"""Analysis layer: dates, numbers, claims, tracing, framing, translation traces, page furniture.

Detectors built on `helpers.text`; they return tables and draw nothing.
"""
