"""Accuracy of `trace_sources` on labelled cases (`cases.py`), beside a word-overlap baseline.

Run: `.venv/bin/python benchmarks/accuracy/run.py` (a few seconds; `make bench` runs it).
For every derived sentence it asks: does the tool name the right source sentence (or none
when the sentence has no source), and with which relation? The baseline is plain word
overlap: the source sentence with the highest Jaccard overlap of lower-case word sets, at
the threshold that suits it best on these very cases (an advantage the tool does not get).
`--ablation` also measures the tool with each recall aid switched off.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import cases

from helpers.analysis import tracing
from helpers.text import word_forms

RELATIONS = ("verbatim", "close", "paraphrase")
_WORD = re.compile(r"\w+")


def _join(units: list[str]) -> tuple[str, list[int]]:
    """Units joined by spaces, and the start offset of each."""
    starts, text = [], ""
    for unit in units:
        gap = "" if not text else " " if text[-1] in ".!?:;,\"" else "\n\n"
        starts.append(len(text) + len(gap))
        text = f"{text}{gap}{unit}"
    return text, starts


def _unit(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def rows(case: dict) -> list[dict]:
    """One row per derived sentence: gold source units and relation, the tool's answer and
    the baseline's best overlap."""
    source, source_starts = _join(case["source"])
    derived, derived_starts = _join([d for d, _, _ in case["derived"]])
    trace = tracing.trace_sources(derived, source)
    sentences = [set(_WORD.findall(s.lower())) for s in case["source"]]
    out = []
    for row in trace.itertuples():
        _, gold, relation = case["derived"][_unit(derived_starts, row.derived_start)]
        gold = set() if gold is None else {gold} if isinstance(gold, int) else set(gold)
        found = None if row.source is None else _unit(source_starts, int(row.source_start))
        words = set(_WORD.findall(row.derived.lower()))
        overlaps = [len(words & s) / max(1, len(words | s)) for s in sentences]
        best = max(range(len(overlaps)), key=overlaps.__getitem__)
        out.append({"gold": gold, "relation": relation, "found": found,
                    "predicted": row.relation, "overlap": overlaps[best], "best": best,
                    "kind": case["kind"]})  # fmt: skip
    return out


def _right(gold: set[int], found: int | None) -> bool:
    return found in gold if gold else found is None


def _baseline_relation(row: dict, close: float, paraphrase: float) -> str:
    if row["overlap"] >= 1.0:
        return "verbatim"
    if row["overlap"] >= close:
        return "close"
    return "paraphrase" if row["overlap"] >= paraphrase else "none"


def _scores(all_rows: list[dict], relation_of) -> dict:
    """Precision and recall per relation (right source and right relation), yes/no accuracy
    and false "derived" answers on same-topic negatives."""
    result = {}
    for relation in RELATIONS:
        predicted = [r for r in all_rows if relation_of(r) == relation]
        gold = [r for r in all_rows if r["relation"] == relation]
        hits = sum(1 for r in predicted if r["relation"] == relation and r["found"] in r["gold"])
        result[relation] = (hits / len(predicted) if predicted else float("nan"),
                            hits / len(gold) if gold else float("nan"))  # fmt: skip
    yes = [relation_of(r) != "none" for r in all_rows]
    right = [(y and bool(r["gold"]) and r["found"] in r["gold"]) or (not y and not r["gold"])
             for y, r in zip(yes, all_rows, strict=True)]  # fmt: skip
    result["accuracy"] = sum(right) / len(all_rows)
    negatives = [y for y, r in zip(yes, all_rows, strict=True) if r["kind"].startswith("same")]
    result["false_on_topic"] = sum(negatives) / len(negatives)
    translations = [(y, r) for y, r in zip(yes, all_rows, strict=True)
                    if r["kind"] == "independent translations"]  # fmt: skip
    found = sum(y and r["found"] in r["gold"] for y, r in translations)
    result["translation_recall"] = found / len(translations)
    return result


def evaluate() -> tuple[dict, dict, dict]:
    """The tool's scores, the baseline's at its best thresholds, and those thresholds."""
    all_rows = [r for case in cases().values() for r in rows(case)]
    tool = _scores(all_rows, lambda r: r["predicted"])
    for r in all_rows:
        r["found_tool"] = r["found"]
    baseline_rows = [{**r, "found": r["best"]} for r in all_rows]
    grid = [n / 20 for n in range(1, 20)]
    best = max(((p, c) for p in grid for c in grid if c >= p),
               key=lambda t: (_scores(baseline_rows, lambda r: _baseline_relation(r, t[1], t[0]))
                              ["accuracy"], -t[0]))  # fmt: skip
    baseline = _scores(baseline_rows, lambda r: _baseline_relation(r, best[1], best[0]))
    return tool, baseline, {"paraphrase": best[0], "close": best[1], "rows": len(all_rows)}


def _cell(value: float) -> str:
    return "–" if value != value else f"{value:.2f}"


def table(tool: dict, baseline: dict) -> str:
    """Markdown table: the tool beside the baseline."""
    lines = ["| measure | trace_sources | word overlap (best threshold) |", "|---|---|---|"]
    for relation in RELATIONS:
        lines.append(f"| {relation}: precision / recall | {_cell(tool[relation][0])} / "
                     f"{_cell(tool[relation][1])} | {_cell(baseline[relation][0])} / "
                     f"{_cell(baseline[relation][1])} |")  # fmt: skip
    lines.append(f"| derived or not: accuracy | {_cell(tool['accuracy'])} | "
                 f"{_cell(baseline['accuracy'])} |")  # fmt: skip
    lines.append(f"| same-topic negatives called derived (lower is better) | "
                 f"{_cell(tool['false_on_topic'])} | {_cell(baseline['false_on_topic'])} |")
    lines.append(f"| translations: right source found (recall) | "
                 f"{_cell(tool['translation_recall'])} | {_cell(baseline['translation_recall'])} |")
    return "\n".join(lines)


def _reset() -> None:
    tracing._cached_trace.cache_clear()
    word_forms.word_key.cache_clear()


def ablation() -> str:
    """Accuracy and translation recall with each recall aid switched off in turn."""
    original_key, original_weight = word_forms.word_key, tracing.informativeness
    plain = lambda w: w.lower()  # noqa: E731
    variants = {
        "all aids": (original_key, original_weight),
        "no lemmas, spelling or number words": (plain, original_weight),
        "no informativeness weights (every word 1)": (original_key, lambda k: 1.0),
    }
    lines = ["| variant | yes/no accuracy | translation recall | same-topic false |",
             "|---|---|---|---|"]
    for name, (key, weight) in variants.items():
        tracing.word_key, tracing.informativeness = key, weight
        _reset()
        tool, _, _ = evaluate()
        lines.append(f"| {name} | {tool['accuracy']:.2f} | {tool['translation_recall']:.2f} | "
                     f"{tool['false_on_topic']:.2f} |")
    tracing.word_key, tracing.informativeness = original_key, original_weight
    _reset()
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablation", action="store_true", help="also switch each aid off")
    args = parser.parse_args()
    tool, baseline, thresholds = evaluate()
    print(f"{thresholds['rows']} derived sentences; baseline thresholds: paraphrase "
          f">= {thresholds['paraphrase']}, close >= {thresholds['close']}\n")
    print(table(tool, baseline))
    if args.ablation:
        print()
        print(ablation())


if __name__ == "__main__":
    main()
