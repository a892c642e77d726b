"""Measure what each notebook cell puts into the notebook when one text is ~200,000 words long.

Run: `.venv/bin/python benchmarks/output_sizes.py` (a few minutes). It builds a data folder
with the five delivered texts plus `long-compilation`, the five texts copied one after the
other until the next copy would pass `MAX_WORDS` (the largest text the module accepts), then
executes every course notebook and `notebooks/workbench.ipynb` against it with nbclient
(COURSE_DATA_DIR set to that folder, COURSE_WORK_DIR to an empty temporary folder). Per code
cell it records the bytes the cell adds to the saved notebook (its outputs plus the saved
state of the widgets it shows) and the pixel size of every figure; then, in this process, the
HTML a student gets on picking the long text in the span viewers and the compare widget
(what a saved notebook does not show, as they open on another text). `--data DIR` measures
another data folder instead (e.g. `data` for the five texts alone); `--json FILE` saves the
numbers, and `--before FILE` prints a before/after table against such a file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import struct
import sys
import tempfile
import time
from base64 import b64decode
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.limits import MAX_WORDS
from helpers.text.words import count_words

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = [*sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")), ROOT / "notebooks/workbench.ipynb"]
LONG_ID = "long-compilation"
#: A cell is listed in the table when it adds at least this many bytes or a figure this tall.
SHOWN_BYTES, SHOWN_PIXELS = 100_000, 1_000


def build_data_folder(folder: Path) -> int:
    """The delivered texts plus one text of just under MAX_WORDS words; returns its length."""
    shutil.copytree(ROOT / "data/texts", folder / "texts")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data/texts").glob("*.txt"))]
    block = "\n\n".join(texts)
    copies = MAX_WORDS // count_words(block + "\n\n")
    long_text = "\n\n".join([block] * copies)
    (folder / "texts" / f"{LONG_ID}.txt").write_text(long_text, encoding="utf-8")
    with open(ROOT / "data/sources.csv", encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    rows.append({**{key: "" for key in rows[0]}, "text_id": LONG_ID, "file": f"{LONG_ID}.txt",
                 "title": f"The five texts copied {copies} times", "outlet": "Size test",
                 "published": "2023-01", "language": "en", "genre": "compilation",
                 "notes": "Written by benchmarks/output_sizes.py to measure output sizes."})
    with open(folder / "sources.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    events = (ROOT / "data/events.csv").read_text(encoding="utf-8").rstrip("\n")
    (folder / "events.csv").write_text(
        events + f"\n{LONG_ID},CPC and World Political Parties Summit (video link),"
        "2021-07-06,Stated in the copied texts\n", encoding="utf-8")  # fmt: skip
    return count_words(long_text)


def png_size(data: str) -> tuple[int, int]:
    """Width and height of a base64 PNG, read from its header."""
    width, height = struct.unpack(">II", b64decode(data[:44])[16:24])
    return width, height


def widget_bytes(model_id: str, state: dict, seen: set[str]) -> int:
    """Saved-state bytes of one widget and every widget it holds (each counted once)."""
    if model_id in seen or model_id not in state:
        return 0
    seen.add(model_id)
    model = state[model_id]
    total = len(json.dumps(model))
    for ref in json.dumps(model["state"]).split('"IPY_MODEL_')[1:]:
        total += widget_bytes(ref.split('"', 1)[0], state, seen)
    return total


def measure(path: Path, data: Path) -> dict:
    """Execute one notebook against `data`; per code cell: bytes added and figure sizes."""
    notebook = nbformat.read(path, as_version=4)
    os.environ["COURSE_DATA_DIR"] = str(data)
    os.environ["COURSE_WORK_DIR"] = tempfile.mkdtemp(prefix="sizes-work-")
    began = time.perf_counter()
    NotebookClient(notebook, timeout=1200, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()  # fmt: skip
    seconds = time.perf_counter() - began
    state = notebook.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}).get("state", {})  # fmt: skip
    cells, seen = [], set()
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        size, figures, errors = len(json.dumps(cell.outputs)), [], []
        for output in cell.outputs:
            bundle = output.get("data", {})
            if "image/png" in bundle:
                figures.append(png_size(bundle["image/png"]))
            view = bundle.get("application/vnd.jupyter.widget-view+json")
            if view:
                size += widget_bytes(view["model_id"], state, seen)
            if output.output_type == "error":
                errors.append(f"{output.ename}: {output.evalue}"[:120])
        cells.append({"cell": index, "bytes": size, "figures": figures, "errors": errors,
                      "source": cell.source.splitlines()[-1][:70]})  # fmt: skip
    return {"seconds": round(seconds, 1), "file_bytes": len(nbformat.writes(notebook)),
            "cells": cells}  # fmt: skip


def long_text_views(data: Path) -> dict[str, int]:
    """Bytes of each view a student opens on the long text (first part, default filter)."""
    import pandas as pd

    from helpers import load_corpus, translation_traces
    from helpers.analysis import framing
    from helpers.analysis.tracing import left_out, trace_sources
    from helpers.views.compare_widget import similarity_png, view_html
    from helpers.views.highlight import span_view_html

    corpus = load_corpus(data)
    text, source = corpus.loc[LONG_ID, "text"], corpus.loc["xi-keynote", "text"]
    marks = pd.concat([framing.vague_attributions(text), framing.evaluative_spans(text)],
                      ignore_index=True)  # fmt: skip
    return {
        "span viewer, translation traces (04, workbench)":
            len(span_view_html(text, translation_traces(text))),
        "span viewer, close-reading marks (05, workbench)": len(span_view_html(text, marks)),
        "compare view, long text against xi-keynote (02, workbench)":
            len(view_html(trace_sources(text, source), left_out(text, source), "all", "")),
        "compare map (PNG)": len(similarity_png(text, source)),
    }  # fmt: skip


def _mb(size: int) -> str:
    return f"{size / 1e6:.2f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"


def _figures(figures: list) -> str:
    return ", ".join(f"{w}×{h}" for w, h in figures) or "–"


def report(results: dict, before: dict | None) -> str:
    """A Markdown table: each notebook's size, and each large cell (before -> after)."""
    lines = ["| notebook | cell | what | bytes | figures (px) |", "|---|---|---|---|---|"]
    for name, result in results.items():
        old = (before or {}).get(name)
        olds = {c["cell"]: c for c in old["cells"]} if old else {}
        total = _mb(result["file_bytes"])
        if old:
            total = f"{_mb(old['file_bytes'])} → {total}"
        lines.append(f"| {name} | whole file | {result['seconds']} s to run | {total} | |")
        for cell in result["cells"]:
            earlier = olds.get(cell["cell"], cell)
            big = max(cell["bytes"], earlier["bytes"]) >= SHOWN_BYTES or any(
                h >= SHOWN_PIXELS for _, h in cell["figures"] + earlier["figures"])
            if not big and not cell["errors"]:
                continue
            size, figures = _mb(cell["bytes"]), _figures(cell["figures"])
            if old:
                size = f"{_mb(earlier['bytes'])} → {size}"
                figures = f"{_figures(earlier['figures'])} → {figures}"
            what = f"`{cell['source']}`" + (f" ERROR {cell['errors'][0]}" if cell["errors"] else "")
            lines.append(f"| | {cell['cell']} | {what.replace('|', '/')} | {size} | {figures} |")
    return "\n".join(lines)


def main() -> None:
    """Build the data folder (unless --data), run every notebook, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="measure this data folder instead")
    parser.add_argument("--json", type=Path, help="save the numbers to this file")
    parser.add_argument("--before", type=Path, help="compare with numbers saved by --json")
    parser.add_argument("notebooks", nargs="*", type=Path, default=NOTEBOOKS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sizes-data-") as folder:
        data = args.data.resolve() if args.data else Path(folder)
        if not args.data:
            words = build_data_folder(data)
            print(f"{LONG_ID}: {words:,} words (MAX_WORDS {MAX_WORDS:,})", file=sys.stderr)
        results = {}
        for path in args.notebooks:
            results[path.name] = measure(path.resolve(), data)
            print(f"{path.name}: {results[path.name]['seconds']} s", file=sys.stderr)
        views = {} if args.data else long_text_views(data)
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    print(report(results, before))
    if views:
        old = (before or {}).get("views on the long text", {})
        print("\n| view of the long text | bytes |\n|---|---|")
        for name, size in views.items():
            print(f"| {name} | {_mb(old[name]) + ' → ' if name in old else ''}{_mb(size)} |")
        results["views on the long text"] = views
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
