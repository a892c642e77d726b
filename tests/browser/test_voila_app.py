"""The Voila apps (widget-only views for classrooms that want the tools without the code) render
their widgets in a real browser, offline (no CDN request), under their own page title, without
serious accessibility problems (axe-core)."""

from __future__ import annotations

import json
from contextlib import suppress

import pytest
from lab_page import rendered_widget_views, widget_errors
from servers import OUTPUT, REPO, wait_until

pytestmark = pytest.mark.browser

APPS = sorted((REPO / "app").glob("*.ipynb"))
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
#: Text Voila shows instead of the output of a cell that failed.
FAILURES = ("There was an error when executing", "Traceback")
BLOCKING = ("serious", "critical")


def screenshot_whole_app(page, path) -> None:
    """Save the whole app as one image: Voila scrolls inside a panel, so grow the window to
    the tallest scrolling content first (a full-page screenshot would stop at the window)."""
    height = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')]"
                           ".map(element => element.scrollHeight))")  # fmt: skip
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(height, 16_000)})
    page.wait_for_timeout(500)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path)


def axe_findings(page) -> list[dict]:
    """Violations axe-core finds in the page, as dicts with id, impact, help and nodes."""
    page.add_script_tag(path=AXE)
    return page.evaluate("async () => (await axe.run(document)).violations")


def describe(violation: dict) -> str:
    """One line per violation: rule, impact, what it asks for and where (CSS selectors)."""
    where = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {where}"


@pytest.mark.parametrize("notebook", APPS, ids=[nb.stem for nb in APPS])
def test_app_renders_its_widget_offline_and_passes_axe(page, serve_app, notebook):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` in the repository root")
    external: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(
        ("http://127.0.0.1", "data:", "blob:")) else external.append(request.url))
    page.goto(serve_app(notebook), timeout=120_000)
    with suppress(TimeoutError):  # the assertions below say what is missing
        wait_until(lambda: rendered_widget_views(page, "body") > 0, 120, "a widget to render")
    page.wait_for_load_state("networkidle")
    screenshot_whole_app(page, OUTPUT / "screenshots" / f"app-{notebook.stem}.png")

    body = page.locator("body").text_content()
    assert [failure for failure in FAILURES if failure in body] == []
    assert widget_errors(page, "body") == []
    assert rendered_widget_views(page, "body") > 0
    assert external == []  # nothing from a CDN (the `offline` template of `make app`)
    assert page.title() == json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["title"]
    blocking = [describe(v) for v in axe_findings(page) if v["impact"] in BLOCKING]
    assert blocking == []
