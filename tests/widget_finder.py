"""Find widgets by CSS class inside a widget tree (shared by the exercise, card and form tests)."""

import ipywidgets as widgets


def find_all(widget: widgets.Widget, css_class: str) -> list[widgets.Widget]:
    """Every descendant (or the widget itself) carrying `css_class`, in display order."""
    found = [widget] if css_class in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += find_all(child, css_class)
    return found


def find(widget: widgets.Widget, css_class: str) -> widgets.Widget:
    """The one descendant carrying `css_class`."""
    found = find_all(widget, css_class)
    assert len(found) == 1, f"{css_class}: {len(found)} widgets"
    return found[0]
