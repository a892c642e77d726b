"""Views layer: HTML renderers, widgets and charts of what `helpers.analysis` computes."""
