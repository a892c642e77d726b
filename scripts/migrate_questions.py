"""One-off migration: exercise calls in the notebooks -> questions/NN.toml + Markdown + ask()."""

import ast
import json
import re
import sys
import tomllib
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from migrate_extra import (
    CHECK,
    EXTRA_ANSWERS,
    EXTRA_EXPLANATION,
    RUBRIC,
    SKILL,
    WRONG,
)

ROOT = Path(__file__).resolve().parents[1]
KINDS = ["original", "official translation", "machine translation", "rewrite", "aggregation"]
TEXT_IDS = ["ultimas-noticias", "xi-keynote", "globalsecurity", "song-tao", "workers-daily"]
CALL = re.compile(r"\b(multiple_choice|short_answer|open_question|notes)\(")
KIND = {"multiple_choice": "choice", "short_answer": "short", "open_question": "open",
        "notes": "notes"}
PARAMS = {
    "multiple_choice": ["qid", "prompt", "options", "answer", "hint", "explanation"],
    "short_answer": ["qid", "prompt", "check", "hint", "explanation"],
    "open_question": ["qid", "prompt", "model_answer"],
    "notes": ["qid", "prompt"],
}


def value(node):
    if isinstance(node, ast.Name) and node.id == "KINDS":
        return KINDS
    if isinstance(node, ast.Call) and ast.unparse(node) == "list(texts)":
        return TEXT_IDS
    if isinstance(node, ast.Lambda):
        return None
    return ast.literal_eval(node)


def key_notes():
    notes = {}
    for line in (ROOT / "teacher/answer_key.md").read_text().splitlines():
        m = re.match(r"^\| (\d\d-q\d+) \| (.*?) \| (.*) \|$", line)
        if m:
            notes[m[1]] = m[3]
    return notes


def extract(source):
    tree = ast.parse(source)
    for stmt in tree.body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            call = stmt.value
            name = call.func.id
            args = dict(zip(PARAMS[name], call.args, strict=False))
            args.update({k.arg: k.value for k in call.keywords})
            return name, {k: value(v) for k, v in args.items()}
    raise ValueError(source)


def toml_string(text, indent=""):
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    if len(text) < 70:
        return f'"{escaped}"'
    words, lines, line = escaped.split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > 88:
            lines.append(line + " \\")
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return '"""\n' + "\n".join(lines) + '"""'


def toml_value(v):
    if isinstance(v, str):
        return toml_string(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "[\n" + "".join(f"  {toml_string(x)},\n" for x in v) + "]"
    if isinstance(v, list):
        return "[\n" + "".join(f"  {toml_value(x)},\n" for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


ORDER = ["id", "notebook", "kind", "skill", "prompt", "options", "answer", "hint",
         "explanation", "model_answer", "rubric", "key_note"]


def entry_toml(entry):
    out = ["[[question]]"]
    for key in ORDER:
        if key in entry:
            out.append(f"{key} = {toml_value(entry[key])}")
    if "check" in entry:
        out += ["", "[question.check]"]
        out += [f"{k} = {toml_value(v)}" for k, v in entry["check"].items()]
    for wrong in entry.get("wrong", []):
        out += ["", "[[question.wrong]]", f"answer = {toml_string(wrong['answer'])}",
                f"say = {toml_string(wrong['say'])}"]
    return "\n".join(out)


def new_id():
    return uuid.uuid4().hex[:8]


def main():
    notes_key = key_notes()
    bank_dir = ROOT / "questions"
    bank_dir.mkdir(exist_ok=True)
    for path in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        nb = json.loads(path.read_text())
        number = path.name[:2]
        entries, cells = [], []
        for cell in nb["cells"]:
            src = "".join(cell["source"])
            if cell["cell_type"] == "code" and CALL.search(src) and "import" not in src:
                name, args = extract(src)
                qid = args.pop("qid")
                e = {"id": qid, "notebook": number, "kind": KIND[name], "prompt": args["prompt"]}
                if qid in SKILL:
                    e["skill"] = SKILL[qid]
                if name == "multiple_choice":
                    e["options"] = args["options"]
                    e["answer"] = [args["answer"], *EXTRA_ANSWERS.get(qid, [])]
                    if len(e["answer"]) == 1:
                        e["answer"] = e["answer"][0]
                if name == "short_answer":
                    e["check"] = CHECK.get(qid) or {"texts": args["check"]}
                for key in ("hint", "explanation", "model_answer"):
                    if key in args:
                        e[key] = args[key] + EXTRA_EXPLANATION.get(qid, "") * (key == "explanation")
                if qid in RUBRIC:
                    e["rubric"] = RUBRIC[qid]
                if qid in notes_key and name != "notes":
                    e["key_note"] = notes_key[qid]
                if qid in WRONG:
                    e["wrong"] = [{"answer": a, "say": s} for a, s in WRONG[qid]]
                entries.append(e)
                cells.append({"cell_type": "markdown", "id": new_id(), "metadata": {},
                              "source": f"QUESTION:{qid}"})
                cells.append({"cell_type": "code", "execution_count": None, "id": cell["id"],
                              "metadata": {}, "outputs": [], "source": f'ask("{qid}")'})
            else:
                cells.append(cell)
        text = "\n\n".join(entry_toml(e) for e in entries) + "\n"
        header = (f"# Questions of notebook {number} (see README, 'Working on the module').\n\n")
        (bank_dir / f"{number}.toml").write_text(header + text, encoding="utf-8")
        loaded = tomllib.loads(header + text)["question"]
        for a, b in zip(loaded, entries, strict=True):
            assert a == b, (a, b)
        nb["cells"] = cells
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(path.name, len(entries))


main()
