"""Every notebook, run in JupyterLab in a real browser, shows no errors and renders its widgets.

nbval proves the notebooks execute in a kernel; only a browser shows whether the widgets appear
for a student. A full-page screenshot per notebook goes to test-output/screenshots/.
"""

from __future__ import annotations

import re
from contextlib import suppress

import pytest
from lab_page import (
    code_cells_to_run,
    error_outputs,
    open_notebook,
    rendered_widget_views,
    run_all_cells,
    screenshot_notebook,
    stored_widget_views,
    wait_for_run,
    widget_errors,
)
from servers import OUTPUT, REPO, trust, wait_until

pytestmark = pytest.mark.browser

NEWS_POPUP = "official Jupyter news"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
WITH_WIDGETS = [nb for nb in NOTEBOOKS if stored_widget_views(nb)]
#: The plain-text stand-in of a widget, e.g. "Dropdown(options=(...), value=...)".
WIDGET_REPR = re.compile(r"^\s*[A-Z]\w*\((children|options|value|description|layout)=")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab_and_renders_its_widgets(page, lab, notebook):
    path = notebook.relative_to(REPO).as_posix()
    expected_widgets = stored_widget_views(notebook)

    open_notebook(page, lab, path)
    run_all_cells(page)
    wait_for_run(page, lab, path, code_cells_to_run(notebook))
    with suppress(TimeoutError):  # the assertions below say what is missing
        wait_until(lambda: rendered_widget_views(page) >= expected_widgets, 30, "widgets")
    screenshot_notebook(page, OUTPUT / "screenshots" / f"{notebook.stem}.png")

    assert page.get_by_text(NEWS_POPUP).count() == 0, (
        "JupyterLab asks about news: disable the announcements plugin (make setup, postBuild)"
    )
    assert error_outputs(page) == []
    assert widget_errors(page) == []
    rendered = rendered_widget_views(page)
    assert rendered == expected_widgets, (
        f"{rendered} widgets rendered, but the stored notebook shows {expected_widgets}: "
        "re-execute it (make notebooks) if the stored outputs are stale"
    )


@pytest.mark.parametrize("notebook", WITH_WIDGETS, ids=[nb.stem for nb in WITH_WIDGETS])
def test_trusted_notebook_shows_its_saved_widgets_before_anything_runs(
    page, lab, lab_server, notebook
):
    path = notebook.relative_to(REPO).as_posix()
    expected_widgets = stored_widget_views(notebook)
    trust(lab_server, path)

    open_notebook(page, lab, path)
    with suppress(TimeoutError):  # the assertions below say what is missing
        wait_until(lambda: rendered_widget_views(page) >= expected_widgets, 60, "saved widgets")

    texts = page.locator(".jp-NotebookPanel .jp-OutputArea-output").all_text_contents()
    assert [t for t in texts if WIDGET_REPR.match(t)] == []
    assert rendered_widget_views(page) == expected_widgets
