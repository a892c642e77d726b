"""The question bank: every exercise of the course as data, in `questions/*.toml`.

One `[[question]]` table per exercise, read with the standard library's `tomllib`. The notebooks
show each question as Markdown (`question_markdown`) and draw its answer box with `ask(id)`;
the teacher's answer key is generated from the same data, so the three cannot disagree.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from helpers.course.checks import check_answer, check_problems
from helpers.paths import REPO_ROOT
from helpers.problems import CourseProblem

#: Folder of the bank files; a teacher adds a file of their own in the same format.
BANK_DIR = REPO_ROOT / "questions"
KINDS = ("choice", "short", "open", "notes")
SKILLS = ("sourcing", "contextualisation", "corroboration", "close reading")
_COMMON = {"id", "notebook", "kind", "prompt"}
#: Keys each kind requires, and those it may have besides.
_REQUIRED = {
    "choice": _COMMON | {"skill", "options", "answer", "hint", "explanation"},
    "short": _COMMON | {"skill", "check", "hint", "explanation"},
    "open": _COMMON | {"skill", "model_answer", "rubric"},
    "notes": _COMMON,
}
#: `texts` lists the ids of the texts a question is about: on a text set without them (a
#: teacher's own, `COURSE_DATA_DIR`) the question is not asked. General questions have none.
_OPTIONAL = {
    "choice": {"texts", "wrong", "key_note"},
    "short": {"texts", "wrong", "key_note"},
    "open": {"texts", "key_note"},
    "notes": {"texts"},
}
_ID = re.compile(r"^(?P<notebook>\d\d)-(?:q(?P<number>\d+)|notes)$")


@dataclass(frozen=True)
class Wrong:
    """A common wrong answer and what to say to a student who gives it."""

    answer: str
    say: str


@dataclass(frozen=True)
class Question:
    """One exercise: what the student sees, how an answer is checked, what the key says."""

    id: str
    notebook: str
    kind: str
    prompt: str
    skill: str = ""
    options: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    check: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    hint: str = ""
    explanation: str = ""
    model_answer: str = ""
    rubric: tuple[str, ...] = ()
    wrong: tuple[Wrong, ...] = ()
    key_note: str = ""
    texts: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the notebook names it: "Question 2.4" for 02-q4, "Notes" for 02-notes."""
        number = _ID.match(self.id)["number"]
        return f"Question {int(self.notebook)}.{number}" if number else "Notes"

    def judge(self, answer: str | None) -> bool | None:
        """True/False for a chosen option or typed answer; None while there is none."""
        if self.kind == "choice":
            return None if answer is None else answer in self.answers
        return check_answer(answer or "", self.check)


def entry_problems(entry: object) -> list[str]:
    """What is wrong with one bank entry, each problem in words (empty when it is valid)."""
    if not isinstance(entry, dict):
        return ["each [[question]] must be a table"]
    qid = entry.get("id", "?")
    kind = entry.get("kind")
    if kind not in KINDS:
        return [f"{qid}: kind must be one of {', '.join(KINDS)}, not {kind!r}"]
    problems = [f"{qid}: missing {key}" for key in sorted(_REQUIRED[kind] - set(entry))]
    unknown = set(entry) - _REQUIRED[kind] - _OPTIONAL[kind]
    problems += [f"{qid}: unknown key {key!r} for a {kind} question" for key in sorted(unknown)]
    match = _ID.match(str(qid))
    if not match:
        problems.append(f"{qid}: an id looks like 02-q4 or 02-notes")
    elif match["notebook"] != entry.get("notebook"):
        problems.append(f"{qid}: notebook must be {match['notebook']!r}")
    if kind != "notes" and entry.get("skill") not in SKILLS:
        problems.append(f"{qid}: skill must be one of {', '.join(SKILLS)}")
    prose = ("prompt", "hint", "explanation", "model_answer", "key_note")
    problems += [
        f"{qid}: {key} must be non-empty text"
        for key in prose
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip())
    ]
    if "texts" in entry and not _text_list(entry["texts"]):
        problems.append(f'{qid}: texts must be a list of text ids, e.g. ["xi-keynote"]')
    problems += _wrong_problems(qid, entry)
    if kind == "choice" and not problems:
        problems += _choice_problems(qid, entry)
    if kind == "short" and "check" in entry:
        problems += [f"{qid}: {p}" for p in check_problems(entry["check"])]
    if kind == "open" and not _text_list(entry.get("rubric")):
        problems.append(f"{qid}: rubric must be a list of points")
    return problems


def _text_list(value: object) -> bool:
    """Whether `value` is a non-empty list of non-empty strings."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, str) and v.strip() for v in value)
    )


def _answers(entry: dict) -> list[str]:
    """A choice question's accepted option(s): `answer` is one option or a list of them."""
    answer = entry.get("answer")
    return [answer] if isinstance(answer, str) else list(answer or [])


def _choice_problems(qid: str, entry: dict) -> list[str]:
    """Options are distinct strings; every accepted answer and listed wrong answer is one."""
    options = entry.get("options")
    if not _text_list(options) or len(options) < 2 or len(set(options)) != len(options):
        return [f"{qid}: options must be two or more different texts"]
    problems = [
        f"{qid}: the answer {a!r} is not one of the options"
        for a in _answers(entry)
        if a not in options
    ]
    if not _answers(entry):
        problems.append(f"{qid}: answer must name at least one option")
    for wrong in entry.get("wrong", []):
        if wrong.get("answer") not in options or wrong.get("answer") in _answers(entry):
            problems.append(f"{qid}: wrong answer {wrong.get('answer')!r} is not a wrong option")
    return problems


def _wrong_problems(qid: str, entry: dict) -> list[str]:
    """Every common wrong answer is a table {answer, say}."""
    wrongs = entry.get("wrong", [])
    if not isinstance(wrongs, list) or not all(
        isinstance(w, dict) and set(w) == {"answer", "say"} for w in wrongs
    ):
        return [f"{qid}: each [[question.wrong]] needs exactly answer and say"]
    return []


def _question(entry: dict) -> Question:
    """A validated entry as a Question."""
    return Question(
        id=entry["id"],
        notebook=entry["notebook"],
        kind=entry["kind"],
        prompt=entry["prompt"],
        skill=entry.get("skill", ""),
        options=tuple(entry.get("options", ())),
        answers=tuple(_answers(entry)),
        check=MappingProxyType(dict(entry.get("check", {}))),
        hint=entry.get("hint", ""),
        explanation=entry.get("explanation", ""),
        model_answer=entry.get("model_answer", ""),
        rubric=tuple(entry.get("rubric", ())),
        wrong=tuple(Wrong(w["answer"], w["say"]) for w in entry.get("wrong", [])),
        key_note=entry.get("key_note", ""),
        texts=tuple(entry.get("texts", ())),
    )


def read_bank(folder: Path = BANK_DIR) -> dict[str, Question]:
    """Every question in the folder's `*.toml` files by id, in file order; `CourseProblem`
    lists every problem found (file and question named) when an entry is not usable."""
    questions: dict[str, Question] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            problems.append(f"{path.name}: not valid TOML ({err}); fix the line named")
            continue
        extra = set(data) - {"question"}
        problems += [f"{path.name}: unknown top-level key {key!r}" for key in sorted(extra)]
        for entry in data.get("question", []):
            found = entry_problems(entry)
            if not found and entry["id"] in questions:
                found = [f"{entry['id']}: the id is used twice"]
            problems += [f"{path.name}: {p}" for p in found]
            if not found:
                questions[entry["id"]] = _question(entry)
    if problems:
        raise CourseProblem(problems, "problem in the question bank")
    return questions


@functools.cache
def bank() -> MappingProxyType:
    """The course's question bank, read once per kernel."""
    return MappingProxyType(read_bank())


def question(qid: str) -> Question:
    """One question of the bank; `CourseProblem` naming the folder for an unknown id."""
    try:
        return bank()[qid]
    except KeyError:
        raise CourseProblem(
            f"There is no question {qid!r} in {BANK_DIR.name}/*.toml: check the id, or add it."
        ) from None


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<>\[\]#|])")


def _escaped(text: str) -> str:
    """Text shown literally by Markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def question_markdown(q: Question) -> str:
    """The Markdown cell that states a question in its notebook: label, prompt, options."""
    lines = [f"**{q.label}.** {_escaped(q.prompt)}"]
    if q.options:
        lines += ["", *(f"- {_escaped(option)}" for option in q.options)]
    return "\n".join(lines)
