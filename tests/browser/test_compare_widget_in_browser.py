"""The compare widget in a real browser: changing the texts and the filter updates the view with
the right kind of rows, and the time from each change to the update is recorded.

The widget is driven through its agreed interface: CSS classes `compare-derived`,
`compare-source`, `compare-filter`, `compare-view`, `compare-map` (an image, or a widget
holding one), and the `data-state` attribute the view's outermost element carries after
every update. Latencies go to test-output/compare-latency.txt (goal: under 100 ms); they
are measured, not asserted.
"""

from __future__ import annotations

import pytest
from servers import OUTPUT, REPO

pytestmark = pytest.mark.browser

APP = REPO / "app" / "compare.ipynb"
STATE = ".compare-view [data-state]"
RELATIONS = {
    "verbatim (word for word)",
    "close (a few words differ)",
    "paraphrase",
    "none (no source found)",
}
NO_SOURCE = "none (no source found)"
UPDATE_TIMEOUT_MS = 60_000  # a sanity bound for a stuck widget, not a speed requirement

#: Arm in-page timers for the next update: the control's `change` event (what the student did),
#: the view's new `data-state`, and a new map image, each stamped with performance.now().
ARM_TIMERS = """control => {
    const timing = window.compareTiming = {};
    const select = document.querySelector(`.${control} select`);
    select.addEventListener('change', () => { timing.change = performance.now(); },
                            {once: true, capture: true});
    const view = document.querySelector('.compare-view');
    const state = view.querySelector('[data-state]').dataset.state;
    new MutationObserver((_, observer) => {
        const shown = view.querySelector('[data-state]');
        if (shown && shown.dataset.state !== state) {
            timing.view = performance.now();
            observer.disconnect();
        }
    }).observe(view, {childList: true, subtree: true, attributes: true});
    const holder = document.querySelector('.compare-map');
    const image = () => holder.tagName === 'IMG' ? holder : holder.querySelector('img');
    const source = image().src;
    new MutationObserver((_, observer) => {
        const shown = image();
        if (shown && shown.src !== source) {
            timing.map = performance.now();
            observer.disconnect();
        }
    }).observe(holder, {attributes: true, childList: true, subtree: true});
}"""


def relation_of(cell: str) -> str:
    """The relation label a Relation cell starts with (quotation notes may follow it)."""
    return next((label for label in RELATIONS if cell.startswith(label)), cell)


class CompareApp:
    """The compare widget in the Voila app, with a record of how long each update took."""

    def __init__(self, page) -> None:
        self.page = page
        self.latencies: list[str] = []

    def state(self) -> str:
        return self.page.locator(STATE).get_attribute("data-state")

    def change(self, control: str, action, label: str) -> None:
        """Do `action` to a control, wait for the view's next data-state and record the time."""
        self.page.evaluate(ARM_TIMERS, control)
        action(self.page.locator(f".{control} select"))
        self.page.wait_for_function(
            "() => window.compareTiming.view !== undefined", timeout=UPDATE_TIMEOUT_MS
        )
        self.page.wait_for_timeout(300)  # let a new map arrive, if this change brings one
        timing = self.page.evaluate("() => window.compareTiming")
        view_ms = timing["view"] - timing["change"]
        map_ms = f"{timing['map'] - timing['change']:.0f}" if "map" in timing else "unchanged"
        self.latencies.append(f"{label}\tview {view_ms:.0f} ms\tmap {map_ms}")

    def pick_text(self, control: str, text_id: str) -> None:
        """Choose a text in the `compare-derived` or `compare-source` dropdown by its id."""
        select = self.page.locator(f".{control} select")
        if select.input_value().startswith(f"{text_id}:"):
            return
        labels = select.locator("option").all_text_contents()
        label = next(x for x in labels if x.replace("\xa0", " ").startswith(f"{text_id}:"))
        self.change(control, lambda s: s.select_option(label=label), f"{control}={text_id}")

    def rows(self) -> list[list[str]]:
        """Cell texts of each body row of the view's table."""
        return self.page.eval_on_selector_all(
            ".compare-view table tr:has(td)",
            "rows => rows.map(r => [...r.cells].map(c => c.textContent.replace(/\\s+/g, ' ')))",
        )

    def header(self) -> str:
        return self.page.locator(".compare-view table tr:has(th)").text_content()


@pytest.fixture
def app(page, serve_app) -> CompareApp:
    page.goto(serve_app(APP), timeout=120_000)
    page.locator(STATE).wait_for(timeout=120_000)
    return CompareApp(page)


def test_texts_and_filters_update_the_view_with_the_expected_rows(app):
    app.pick_text("compare-derived", "globalsecurity")
    app.pick_text("compare-source", "xi-keynote")
    assert app.state().endswith("|globalsecurity|xi-keynote|all")
    relations = [relation_of(row[3]) for row in app.rows()]
    assert relations, "the view shows no sentences"
    assert set(relations) <= RELATIONS
    assert set(relations) - {NO_SOURCE}, "the page quotes the speech: some sentences have a source"

    app.page.locator(".compare-filter select").focus()
    app.change("compare-filter", lambda select: select.press("n"), "filter=no source (keyboard)")
    assert app.state().endswith("|no source")
    unmatched = app.rows()
    assert unmatched
    assert {relation_of(row[3]) for row in unmatched} == {NO_SOURCE}
    assert all("no source sentence found" in row[2] for row in unmatched)

    app.change("compare-filter", lambda select: select.select_option("left out"), "filter=left out")
    assert "does not use" in app.header()
    assert app.rows()

    app.pick_text("compare-derived", "ultimas-noticias")
    assert app.state().endswith("|ultimas-noticias|xi-keynote|left out")

    latency_report = "\n".join(app.latencies)
    print(latency_report)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "compare-latency.txt").write_text(
        "Compare widget in Voila: time from a change to the updated view and map\n"
        f"{latency_report}\n"
    )
