"""The teacher's guide stays true to the notebooks: links resolve, question ids are answered."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEACHER = ROOT / "teacher"
NOTEBOOKS = ROOT / "notebooks"
# Question ids are the argument of an answer box, e.g. ask("01-q3").
_QID = re.compile(r"\bask\(\s*[\"'](?P<qid>\d\d-[\w-]+)[\"']")


def notebook_qids(path: Path) -> list[str]:
    """Question ids used by the exercise calls in a notebook's code cells."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return [m["qid"] for m in _QID.finditer(code)]


def test_guide_files_exist_and_relative_links_resolve():
    names = {p.name for p in TEACHER.glob("*.md")}
    assert {
        "README.md",
        "answer_key.md",
        "background.md",
        "common_mistakes.md",
        "discussion_prompts.md",
        "lesson_plans.md",
        "objectives.md",
    } <= names
    for page in TEACHER.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: broken link {target}"


def test_question_ids_are_unique_across_notebooks():
    """Saved answers are keyed by question id, so a repeated id would overwrite another answer."""
    counts = Counter(q for nb in NOTEBOOKS.glob("*.ipynb") for q in notebook_qids(nb))
    assert [qid for qid, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("name", sorted(p.stem for p in NOTEBOOKS.glob("0[0-6]_*.ipynb")))
def test_every_question_has_an_answer_in_the_key(name):
    key = (TEACHER / "answer_key.md").read_text(encoding="utf-8")
    qids = [q for q in notebook_qids(NOTEBOOKS / f"{name}.ipynb") if "-q" in q]
    assert qids
    missing = [q for q in qids if f"\n#### {q} · " not in key]
    assert missing == [], f"add these question ids to teacher/answer_key.md: {missing}"
