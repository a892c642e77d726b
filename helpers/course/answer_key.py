"""The answers part of the teacher's answer key, written from the question bank.

`python -m helpers.course.answer_key teacher/answer_key.md` (`make answer-key`) replaces the
text between each pair of markers `<!-- questions NN: ... -->` and `<!-- end of questions NN -->`
with the entries of notebook NN, and keeps everything else (provenance cards, rubric,
background) as written by hand.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from helpers.course.bank import Question, bank

_KIND = {"choice": "multiple choice", "short": "short answer", "open": "open question"}
_BLOCK = re.compile(
    r"(?P<start><!-- questions (?P<notebook>\d\d): [^>]*-->\n).*?(?P<end><!-- end of questions "
    r"(?P=notebook) -->)",
    re.DOTALL,
)


def start_marker(notebook: str) -> str:
    """The comment that opens a generated block."""
    return (
        f"<!-- questions {notebook}: written by `make answer-key` from questions/{notebook}.toml;"
        " edit the bank, not this block -->"
    )


def end_marker(notebook: str) -> str:
    """The comment that closes a generated block."""
    return f"<!-- end of questions {notebook} -->"


def _number(value: float) -> str:
    """A number as a teacher writes it: 18, 98.99."""
    return f"{value:g}"


def accepted_text(q: Question) -> str:
    """What the checker accepts, in words."""
    if q.kind == "choice":
        return " or ".join(f"“{a}”" for a in q.answers)
    parts = []
    if q.check.get("texts"):
        texts = ", ".join(f"“{t}”" for t in q.check["texts"])
        parts.append(f"{texts} (case, spacing, quote style and a final full stop ignored)")
    if "regex" in q.check:
        parts.append(f"any answer containing the pattern `{q.check['regex']}` (case ignored)")
    if q.check.get("numbers"):
        figures = ", ".join(
            " ".join([_number(float(n["value"])), str(n.get("unit", ""))]).strip()
            for n in q.check["numbers"]
        )
        parts.append(
            f"the figures {figures}, in this order (digits or words, ordinals, thousands commas "
            "and extra words accepted; units may be left out)"
        )
    return "; or ".join(parts)


def entry_markdown(q: Question) -> list[str]:
    """The key's entry for one question."""
    lines = [f"#### {q.id} · {q.label} · {q.skill} · {_KIND[q.kind]}", "", q.prompt, ""]
    if q.kind == "open":
        lines += [f"**Model answer.** {q.model_answer}", "", "**A good answer:**"]
        lines += [*(f"- {point}" for point in q.rubric), ""]
    else:
        lines += [f"**Accepted.** {accepted_text(q)}", "", f"**Why.** {q.explanation}", ""]
    if q.key_note:
        lines += [f"**For the teacher.** {q.key_note}", ""]
    if q.wrong:
        lines += ["**Common wrong answers, and what to say:**"]
        lines += [*(f"- “{w.answer}”: {w.say}" for w in q.wrong), ""]
    return lines


def notebook_markdown(questions: Iterable[Question]) -> str:
    """The generated entries for one notebook's questions (notes boxes have none)."""
    lines: list[str] = []
    for q in questions:
        if q.kind != "notes":
            lines += entry_markdown(q)
    return "\n".join(lines)


def generate(key_text: str, questions: Mapping[str, Question]) -> str:
    """The answer key with every generated block rewritten from the bank."""

    def block(match: re.Match[str]) -> str:
        notebook = match["notebook"]
        entries = notebook_markdown(q for q in questions.values() if q.notebook == notebook)
        return f"{match['start']}\n{entries}\n{match['end']}"

    return _BLOCK.sub(block, key_text)


def main(path: str) -> None:
    """Rewrite the generated blocks of the answer key file in place."""
    key = Path(path)
    key.write_text(generate(key.read_text(encoding="utf-8"), bank()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
