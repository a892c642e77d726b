"""Fixtures for the real-browser tests: one JupyterLab server and one Chromium per session.

The tests need Debian's Chromium at /usr/bin/chromium (Playwright's own browser download is not
used). Without it every test here is skipped with a note saying how to enable them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from lab_page import shut_down_sessions
from servers import LabServer, jupyter_lab, voila

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    # Offline like a classroom without internet: only the local test servers resolve, so any
    # request to a CDN fails at once (a Playwright route would stall the page while Python
    # sleeps between polls).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1280, "height": 900}
SKIP_REASON = (
    "browser tests skipped: Chromium is not installed at /usr/bin/chromium. "
    "Enable them with: apt-get install -y chromium"
)


@pytest.fixture(autouse=True, scope="session")
def _require_chromium() -> None:
    """Skip every browser test, saying how to enable them, when Chromium is missing."""
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)


@pytest.fixture(scope="session")
def browser(_require_chromium):
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab, 1280 px wide (the width the module is designed for), offline."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def lab_server(_require_chromium, tmp_path_factory) -> Iterator[LabServer]:
    """A JupyterLab serving a copy of the repository, with throwaway settings and saved work."""
    with jupyter_lab(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture
def serve_app(_require_chromium, tmp_path) -> Iterator[Callable[[Path], str]]:
    """Start Voila on an app notebook and return its URL; every server stops after the test."""
    with ExitStack() as servers:
        yield lambda notebook: servers.enter_context(voila(notebook, tmp_path))


@pytest.fixture
def lab(lab_server: LabServer) -> Iterator[str]:
    """The JupyterLab base URL; every kernel the test started is shut down after it."""
    yield lab_server.url
    shut_down_sessions(lab_server.url)
