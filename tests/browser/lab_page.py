"""Drive a notebook in JupyterLab through Playwright: open it, run all cells, read what rendered."""

from __future__ import annotations

import json
import re
import urllib.request
from contextlib import suppress
from pathlib import Path

from playwright.sync_api import Page
from servers import get_json, wait_until

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
STDERR = "application/vnd.jupyter.stderr"
RUN_TIMEOUT = 300.0
#: A code cell's prompt once it ran, e.g. "[12]:".
EXECUTED_PROMPT = re.compile(r"\[\d+\]")
#: A code cell's prompt once it is queued or ran: "[*]:" or "[12]:".
STARTED_PROMPT = re.compile(r"\[(\*|\d+)\]")


def code_cells_to_run(notebook: Path) -> int:
    """How many code cells get an execution number on Run All (empty cells get none)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(1 for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip())


def stored_widget_views(notebook: Path) -> int:
    """How many widget views the executed notebook file shows (its stored widget outputs)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        1
        for c in cells
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
        if WIDGET_VIEW in o.get("data", {})
    )


def session_of(base_url: str, path: str) -> dict | None:
    """The server's session for the notebook at `path` (relative to the server root), if any."""
    sessions = get_json(f"{base_url}/api/sessions")
    return next((s for s in sessions if s["path"] == path), None)


def kernel_idle(base_url: str, path: str) -> bool:
    """Whether the notebook's kernel is started and idle according to the server."""
    session = session_of(base_url, path)
    return bool(session and session["kernel"]["execution_state"] == "idle")


def shut_down_sessions(base_url: str) -> None:
    """Shut down every session and its kernel, so tests do not pile up kernels."""
    for session in get_json(f"{base_url}/api/sessions"):
        request = urllib.request.Request(
            f"{base_url}/api/sessions/{session['id']}", method="DELETE"
        )
        urllib.request.urlopen(request, timeout=10).close()


def open_notebook(page: Page, base_url: str, path: str) -> None:
    """Open a notebook in a fresh JupyterLab workspace and wait until its kernel is idle.

    Run All is silently dropped if it comes before the kernel is connected, hence the wait
    for both the server's session and the notebook toolbar's kernel status.
    """
    page.goto(f"{base_url}/lab/tree/{path}?reset")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=60_000)
    wait_until(lambda: kernel_idle(base_url, path), 60, f"the kernel of {path} to be idle")
    page.locator('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]').wait_for(
        timeout=60_000
    )


def clear_all_outputs(page: Page) -> None:
    """Clear the stored outputs (Edit menu), so that what shows afterwards comes from this run."""
    page.locator('.lm-MenuBar-item:has-text("Edit")').click()
    page.locator('.lm-Menu-item:has-text("Clear Outputs of All Cells")').first.click()
    wait_until(lambda: prompts_matching(page, STARTED_PROMPT) == 0, 15, "outputs to clear")


def run_all_cells(page: Page) -> None:
    """Run every cell through the Run menu, as a student would; retry a click that was dropped."""
    clear_all_outputs(page)
    for _ in range(3):
        page.locator('.lm-MenuBar-item:has-text("Run")').click()
        page.locator('.lm-Menu-item:has-text("Run All Cells")').first.click()
        with suppress(TimeoutError):
            wait_until(lambda: prompts_matching(page, STARTED_PROMPT) > 0, 15, "a cell to start")
            return
    raise TimeoutError("Run All Cells started no cell, three times")


def prompts_matching(page: Page, pattern: re.Pattern) -> int:
    """How many code cells in the open notebook show a prompt matching `pattern`."""
    prompts = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt").all_text_contents()
    return sum(1 for p in prompts if pattern.search(p))


def wait_for_run(page: Page, base_url: str, path: str, expected_prompts: int) -> None:
    """Wait until every code cell ran and the kernel is idle again."""
    wait_until(
        lambda: prompts_matching(page, EXECUTED_PROMPT) >= expected_prompts
        and kernel_idle(base_url, path),
        RUN_TIMEOUT,
        f"all {expected_prompts} code cells of {path} to run",
        interval=0.5,
    )


def error_outputs(page: Page) -> list[str]:
    """Texts of outputs that show an exception: tracebacks on stderr or in rendered text."""
    stderr = page.locator(f'.jp-OutputArea-output[data-mime-type="{STDERR}"]').all_text_contents()
    rendered = page.locator(".jp-OutputArea-output .jp-RenderedText").all_text_contents()
    return [t for t in stderr + rendered if "Traceback" in t]


def rendered_widget_views(page: Page, container: str = ".jp-NotebookPanel") -> int:
    """How many outputs in `container` rendered as live widgets (not text fallbacks, not errors).

    Only top-level outputs count: an output inside a widget (an Output widget's) is part of it.
    """
    return page.evaluate(
        """container => [...document.querySelectorAll(`${container} .jp-OutputArea-output`)]
            .filter(o => !o.parentElement.closest('.jupyter-widgets')
                         && o.querySelector(':scope > .jupyter-widgets')
                         && !o.textContent.includes('Error displaying widget')).length""",
        container,
    )


def widget_errors(page: Page, container: str = ".jp-NotebookPanel") -> list[str]:
    """Texts of widgets in `container` that failed to display (model missing, or a view
    that raised in JavaScript: ipywidgets then shows "Click to show javascript error")."""
    outputs = page.locator(f"{container} .jp-OutputArea-output").all_text_contents()
    failed_views = page.locator(f"{container} .jupyter-widgets-error-widget").all_text_contents()
    return [t for t in outputs if "Error displaying widget" in t] + [
        " ".join(t.split()) for t in failed_views
    ]


def screenshot_notebook(page: Page, path: Path) -> None:
    """Save the whole notebook as one image: grow the window to the notebook's height first."""
    height = page.evaluate(
        """() => {
            const panel = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
            panel.scrollTop = 0;
            return panel.scrollHeight + panel.getBoundingClientRect().top + 40;
        }"""
    )
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(height), 16_000)})
    page.wait_for_timeout(500)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path)
