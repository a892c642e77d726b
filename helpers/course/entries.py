"""The shape of a saved entry (SPEC.md), checked on every load and save.

An entry is a dict with `kind` and `prompt` (text) and any of `answer`, `status`,
`first_answer` (text), `fields` (name -> text), `rows` (list of name -> text), `attempts` and
`hints_seen` (whole numbers >= 0); other keys are kept as they are. A value of the wrong type
is repaired when its meaning is clear (a number written as text), else dropped, and each repair
is described so the student can be told; text that cannot be stored (lone surrogates) becomes
U+FFFD.
"""

from __future__ import annotations

import re

_TEXT_KEYS = ("kind", "prompt", "answer", "status", "first_answer")
_COUNT_KEYS = ("attempts", "hints_seen")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Deepest nesting kept in an entry's values (a form's table is 2); deeper ones could not be
#: written back without a RecursionError.
MAX_DEPTH = 8
REPLACEMENT_NOTE = "some characters that cannot be stored were replaced by \ufffd"


def storable(text: str) -> str:
    """`text` with lone surrogates (which UTF-8 cannot store) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _text(value: object) -> str | None:
    """A cell as text: strings as they are, numbers and booleans written out, else None."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, bool | int | float):
        return str(value)
    return None


def _table(value: object) -> dict[str, str] | None:
    """A dict of text -> text, keeping only cells that are text (or numbers); else None."""
    if not isinstance(value, dict):
        return None
    cells = {storable(str(k)): _text(v) for k, v in value.items()}
    return {k: v for k, v in cells.items() if v is not None}


def clean_entry(entry: object) -> tuple[dict | None, list[str]]:
    """The entry in the shape SPEC.md fixes, and what was changed to get there.

    Returns (None, [reason]) when it cannot be an entry at all (not a dict, or no text `kind`).
    """
    if not isinstance(entry, dict):
        return None, ["it is not a saved answer (not a set of named values)"]
    if not isinstance(entry.get("kind"), str):
        return None, ["it has no kind (question type)"]
    clean = {storable(str(k)): v for k, v in entry.items()}
    changes = []
    for key in [k for k, v in clean.items() if _deeper_than(v, MAX_DEPTH)]:
        changes.append(f"its {key} was nested too deeply and was left out")
        clean.pop(key)
    for key in _TEXT_KEYS:
        if key in clean:
            text = _text(clean[key])
            if text is None:
                changes.append(f"its {key} was not text and was left out")
                clean.pop(key)
            elif text != clean[key]:
                changes.append(REPLACEMENT_NOTE if isinstance(clean[key], str)
                               else f"its {key} was written as text")
                clean[key] = text
    for key in _COUNT_KEYS:
        value = clean.get(key)
        if key in clean and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            changes.append(f"its {key} was not a whole number >= 0 and was left out")
            clean.pop(key)
    if "fields" in clean:
        fields = _table(clean["fields"])
        if fields != clean["fields"]:
            changes.append("some of its form fields were not text and were left out"
                           if fields is None or len(fields) < len(clean["fields"])
                           else REPLACEMENT_NOTE)
        _set_or_drop(clean, "fields", fields)
    if "rows" in clean:
        raw = clean["rows"] if isinstance(clean["rows"], list) else None
        rows = [t for t in map(_table, raw or []) if t is not None]
        if raw is None or rows != raw:
            changes.append("some of its table rows were not text and were left out"
                           if raw is None or len(rows) < len(raw) else REPLACEMENT_NOTE)
        _set_or_drop(clean, "rows", rows if raw is not None else None)
    return clean, list(dict.fromkeys(changes))


def _deeper_than(value: object, limit: int) -> bool:
    """True when lists and dicts nest more than `limit` levels (checked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _set_or_drop(entry: dict, key: str, value: object) -> None:
    """Store `value` under `key`, or remove the key when the value is None."""
    if value is None:
        entry.pop(key, None)
    else:
        entry[key] = value


def clean_entries(entries: dict) -> tuple[dict[str, dict], list[str]]:
    """Every usable entry (repaired where needed), and one note per entry changed or skipped."""
    kept, notes = {}, []
    for qid, entry in entries.items():
        name = storable(str(qid))
        clean, changes = clean_entry(entry)
        if clean is None:
            notes.append(f"{name} was skipped ({changes[0]})")
            continue
        kept[name] = clean
        if changes or name != qid:
            notes.append(f"{name} was repaired ({'; '.join(changes or [REPLACEMENT_NOTE])})")
    return kept, notes
