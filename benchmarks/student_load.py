"""What one student costs a server, and how long a teacher waits for the first notebook.

1. Peak memory of one student's kernel: every notebook in `notebooks/` runs in order in ONE
   kernel (nbclient), then the compare widget is driven through every pair of texts (its
   callbacks run, filling the trace and map caches). The figure is the kernel's VmHWM (peak
   resident set) from /proc. Goal: under 300 MB (mybinder.org gives 1-2 GB per user).
2. Time from `make lab` (warm: .venv exists) to a usable first notebook: `make lab` starts,
   Chromium (already open, as a student's browser would be) loads the page `make lab` asks
   the system browser to open, and the clock stops when the start notebook shows and its
   kernel is idle.

Run: `.venv/bin/python benchmarks/student_load.py` (about 1-2 minutes). Needs Linux (/proc)
and, for part 2, Chromium at /usr/bin/chromium. Saved work and JupyterLab settings go to
temporary folders; in the repository only JupyterLab's `notebooks/.ipynb_checkpoints/`
(ignored by git) appears.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
START = "notebooks/00_start_here.ipynb"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-sync"]  # fmt: skip
#: Run in the student's kernel after the notebooks: every pair of texts through the widget.
INTERACT = """
from helpers import compare_versions, load_corpus
_ids = list(load_corpus().index)
def _find(widget, css_class):
    if css_class in getattr(widget, "_dom_classes", ()):
        return widget
    found = (_find(child, css_class) for child in getattr(widget, "children", ()))
    return next((w for w in found if w is not None), None)
_w = compare_versions(load_corpus())
_derived, _source = _find(_w, "compare-derived"), _find(_w, "compare-source")
for _d in _ids:
    for _s in _ids:
        if _d != _s:
            _derived.value, _source.value = _d, _s
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mib(pid: int) -> float:
    """Peak resident set size (VmHWM) of a running process, in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def kernel_memory(work_dir: str) -> dict[str, float]:
    """Peak memory of one kernel after each notebook and after driving the compare widget."""
    env = {**os.environ, "COURSE_WORK_DIR": work_dir}
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(ROOT / "notebooks"), env=env)
    pid = manager.provisioner.pid
    figures = {}
    try:
        for path in NOTEBOOKS:
            notebook = nbformat.read(path, as_version=4)
            NotebookClient(notebook, km=manager, timeout=600).execute()
            figures[f"after {path.stem}"] = peak_rss_mib(pid)
        interact = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(INTERACT)])
        NotebookClient(interact, km=manager, timeout=600).execute()
        figures["after the compare widget, every pair of texts"] = peak_rss_mib(pid)
    finally:
        manager.shutdown_kernel(now=True)
    return figures


def time_to_first_notebook(tmp: Path, port: int) -> dict[str, float]:
    """Seconds from `make lab` to the page opened, the notebook shown, and its kernel idle."""
    from playwright.sync_api import sync_playwright

    settings = tmp / "settings" / "@jupyterlab" / "docmanager-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
    config = tmp / "config"  # extra config: let Jupyter run as root (CI containers)
    config.mkdir()
    (config / "jupyter_server_config.json").write_text('{"ServerApp": {"allow_root": true}}')
    opened = tmp / "opened.txt"  # `make lab` "opens a browser" by writing the page here
    browser_command = f"sh -c 'echo \"$0\" > {opened}' %s"
    env = {**os.environ, "BROWSER": browser_command, "COURSE_WORK_DIR": str(tmp / "work"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"),
           "JUPYTER_CONFIG_PATH": str(config)}  # fmt: skip
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.monotonic()
        make = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"PORT={port}"], cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        try:
            while not opened.exists() or not opened.read_text().strip():
                if make.poll() is not None:
                    raise RuntimeError(f"make lab exited with code {make.returncode}")
                time.sleep(0.05)
            printed = time.monotonic() - start
            page.goto(opened.read_text().strip(), timeout=120_000)
            page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=120_000)
            shown = time.monotonic() - start
            page.locator(
                '.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]'
            ).wait_for(timeout=120_000)
            idle = time.monotonic() - start
        finally:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(30)
            browser.close()
    return {"browser asked to open the page": printed, "notebook shown": shown,
            "kernel idle (usable)": idle}  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        memory = kernel_memory(tmp)
        print("Peak memory (VmHWM) of one student's kernel, MiB:")
        for step, mib in memory.items():
            print(f"  {step}: {mib:.0f}")
        if not Path(CHROMIUM).exists():
            sys.exit("Chromium missing: skipped the `make lab` timing (apt-get install chromium)")
        for attempt in ("first (warms caches)", "second (warm)"):
            with tempfile.TemporaryDirectory() as lab_tmp:
                timing = time_to_first_notebook(Path(lab_tmp), free_port())
            print(f"`make lab` to a usable {START}, {attempt}:")
            for step, seconds in timing.items():
                print(f"  {step}: {seconds:.1f} s")


if __name__ == "__main__":
    main()
