"""Saved student work: round trip, kernel restart, damaged files, atomic writes, export."""

import base64
import csv
import fcntl
import io
import json
import multiprocessing
import os
import subprocess
import sys

import pytest

from helpers.course import workstore
from helpers.course.workstore import (
    export_files,
    export_markdown,
    export_tables,
    export_work,
    load_work,
    natural_key,
    save_entry,
    save_file,
    write_atomic,
)


def test_save_file_lives_in_the_work_folder_and_the_folder_is_created(work_folder):
    assert save_file() == work_folder / "answers.json"
    assert not work_folder.exists()
    assert save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "x"}) is None
    assert save_file().is_file()


def test_missing_file_is_a_fresh_start_without_a_message():
    loaded = load_work()
    assert loaded.entries == {}
    assert loaded.problem is None


def test_round_trip_keeps_every_entry_and_overwrites_only_its_own_qid():
    first = {"kind": "short_answer", "prompt": "Year?", "answer": "2021", "status": "correct"}
    card = {"kind": "provenance", "prompt": "Card", "fields": {"outlet": "Ünïcode ✓"}}
    save_entry("01-q1", first)
    save_entry("01-card-a", card)
    save_entry("01-q1", {**first, "answer": "2022", "status": "not yet"})
    entries = load_work().entries
    assert entries["01-card-a"] == card
    assert entries["01-q1"]["answer"] == "2022"
    assert set(entries) == {"01-q1", "01-card-a"}


def test_saved_work_survives_a_kernel_restart(work_folder):
    """One Python process saves; a fresh one (as after a restart) reads it back."""
    env = {**os.environ, "COURSE_WORK_DIR": str(work_folder)}
    write = (
        "from helpers.course.workstore import save_entry;"
        "save_entry('02-q3', {'kind': 'notes', 'prompt': 'P', 'answer': 'written before restart'})"
    )
    read = (
        "from helpers.course.workstore import load_work;"
        "print(load_work().entries['02-q3']['answer'])"
    )
    subprocess.run([sys.executable, "-c", write], env=env, check=True)
    shown = subprocess.run(
        [sys.executable, "-c", read], env=env, check=True, capture_output=True, text=True
    )
    assert shown.stdout.strip() == "written before restart"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "source-criticism-work", "entries": {"01-q1": {"ans', "not valid JSON"),
        ("", "not valid JSON"),
        ('["a", "list"]', "not a saved-work file"),
        ('{"format": "source-criticism-work", "entries": {"q": 3}}', "damaged"),
    ],
)
def test_damaged_file_is_moved_aside_with_a_message_and_a_fresh_start(content, reason):
    save_file().parent.mkdir(parents=True)
    save_file().write_text(content, encoding="utf-8")
    loaded = load_work()
    assert loaded.entries == {}
    assert "answers.json" in loaded.problem
    assert reason in loaded.problem
    assert "answers.json.corrupt-1" in loaded.problem
    aside = save_file().with_name("answers.json.corrupt-1")
    assert aside.read_text(encoding="utf-8") == content
    assert not save_file().exists()
    assert load_work().problem is None


def test_undecodable_bytes_are_reported_and_the_next_save_starts_fresh():
    save_file().parent.mkdir(parents=True)
    save_file().write_bytes(b"\xff\xfe\x00garbage")
    problem = save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "new"})
    assert "could not be read" in problem
    assert load_work().entries == {"01-q1": {"kind": "notes", "prompt": "P", "answer": "new"}}
    assert save_file().with_name("answers.json.corrupt-1").read_bytes() == b"\xff\xfe\x00garbage"


def test_a_second_damaged_file_does_not_replace_the_first_one_set_aside():
    save_file().parent.mkdir(parents=True)
    for attempt in ("{broken", "{broken again"):
        save_file().write_text(attempt, encoding="utf-8")
        load_work()
    names = sorted(p.name for p in save_file().parent.iterdir())
    assert names == ["answers.json.corrupt-1", "answers.json.corrupt-2"]


def test_a_damaged_file_that_cannot_be_moved_is_never_overwritten(monkeypatch):
    save_file().parent.mkdir(parents=True)
    save_file().write_text("{not json", encoding="utf-8")

    def refuse(*_args):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(workstore.os, "replace", refuse)
    problem = save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "x"})
    assert "could not be moved aside" in problem
    assert "nothing will be saved" in problem
    assert save_file().read_text(encoding="utf-8") == "{not json"


def test_a_write_that_fails_midway_leaves_the_good_file_intact(monkeypatch):
    save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "good"})
    before = save_file().read_bytes()

    def crash(_descriptor):
        raise OSError("disk full")

    monkeypatch.setattr(workstore.os, "fsync", crash)
    problem = save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "lost"})
    assert "disk full" in problem
    assert "earlier saved work is unchanged" in problem
    assert save_file().read_bytes() == before
    assert [p.name for p in save_file().parent.iterdir()] == ["answers.json"]


def test_write_atomic_cleans_up_and_reraises_on_interrupt(tmp_path, monkeypatch):
    target = tmp_path / "file.txt"
    target.write_text("old", encoding="utf-8")

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(workstore.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_saved_file_is_readable_json_with_a_format_marker():
    save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "é"})
    document = json.loads(save_file().read_text(encoding="utf-8"))
    assert document["format"] == "source-criticism-work"
    assert document["entries"]["01-q1"]["answer"] == "é"


def test_natural_key_orders_question_numbers():
    qids = ["01-q10", "06-a1", "01-q2", "01-card-b"]
    assert sorted(qids, key=natural_key) == ["01-card-b", "01-q2", "01-q10", "06-a1"]


ENTRIES = {
    "01-q10": {"kind": "open_question", "prompt": "Why?", "answer": "Line one\nLine two"},
    "01-q2": {"kind": "multiple_choice", "prompt": "Who?", "answer": "B", "status": "correct"},
    "01-card-x": {
        "kind": "provenance",
        "prompt": "Provenance card: x",
        "fields": {"outlet": "A | B", "confidence": "high"},
    },
    "06-assessment": {
        "kind": "assessment",
        "prompt": "Assessment",
        "fields": {"text": "x", "overall": "mixed"},
        "rows": [{"claim": "C1", "verdict": "supported"}, {"claim": "C2", "evidence": "E"}],
    },
}


def test_markdown_export_has_every_part_in_question_order():
    markdown = export_markdown(ENTRIES)
    assert markdown.startswith("# My work")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 01-card-x · Provenance",
        "## 01-q2 · Multiple choice",
        "## 01-q10 · Open question",
        "## 06-assessment · Assessment",
    ]
    assert "> Line one\n> Line two" in markdown
    assert "*Feedback: correct*" in markdown
    assert "- **outlet:** A \\| B" in markdown
    assert "| claim | verdict | evidence |" in markdown
    assert "| C2 |  | E |" in markdown


def test_markdown_export_of_nothing_says_so():
    assert "Nothing saved yet." in export_markdown({})


def test_csv_export_has_one_table_per_kind_with_forms_and_rows():
    tables = export_tables(ENTRIES)
    assert sorted(tables) == ["assessment.csv", "provenance.csv"]
    cards = list(csv.DictReader(io.StringIO(tables["provenance.csv"])))
    assert cards == [{"qid": "01-card-x", "outlet": "A | B", "confidence": "high"}]
    assessment = list(csv.DictReader(io.StringIO(tables["assessment.csv"])))
    assert [row["claim"] for row in assessment] == ["C1", "C2"]
    assert [row["row"] for row in assessment] == ["1", "2"]
    assert {row["overall"] for row in assessment} == {"mixed"}
    assert assessment[1]["evidence"] == "E"
    assert assessment[0]["evidence"] == ""


def test_export_work_writes_markdown_and_csv_into_the_work_folder(work_folder):
    for qid, entry in ENTRIES.items():
        save_entry(qid, entry)
    written, problem = export_work()
    assert problem is None
    assert sorted(p.name for p in written) == ["assessment.csv", "my-work.md", "provenance.csv"]
    files = export_files(load_work().entries)
    for path in written:
        assert path.parent == work_folder
        assert path.read_text(encoding="utf-8") == files[path.name]


def test_data_uri_round_trips_text():
    uri = workstore.data_uri("my-work.md", "Ünïcode — text")
    head, payload = uri.split(",", 1)
    assert head == "data:text/markdown;charset=utf-8;base64"
    assert base64.b64decode(payload).decode("utf-8") == "Ünïcode — text"


def _save_many(worker: int, count: int, start: object) -> None:
    """Save `count` distinct entries from one process, after every process is ready."""
    start.wait()
    for n in range(count):
        qid = f"0{worker}-q{n}"
        assert save_entry(qid, {"kind": "notes", "prompt": "P", "answer": qid}) is None


def test_concurrent_saves_from_several_processes_keep_every_entry():
    workers, count = 4, 25
    context = multiprocessing.get_context("fork")
    start = context.Barrier(workers)
    processes = [context.Process(target=_save_many, args=(w, count, start))
                 for w in range(workers)]  # fmt: skip
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [p.exitcode for p in processes] == [0] * workers
    entries = load_work().entries
    assert len(entries) == workers * count
    assert all(entries[f"0{w}-q{n}"]["answer"] == f"0{w}-q{n}"
               for w in range(workers) for n in range(count))  # fmt: skip
    assert [p.name for p in save_file().parent.iterdir()] == ["answers.json"]


def test_the_save_file_is_locked_while_it_is_rewritten(monkeypatch):
    seen = []
    real_write = workstore.write_atomic

    def checking_write(path, text):
        with open(path.with_name("answers.json.lock"), "a") as other, \
                pytest.raises(BlockingIOError):  # fmt: skip
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        seen.append(path.name)
        real_write(path, text)

    monkeypatch.setattr(workstore, "write_atomic", checking_write)
    assert save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "x"}) is None
    assert seen == ["answers.json"]
    assert load_work().entries["01-q1"]["answer"] == "x"


def test_a_lock_held_on_a_removed_lock_file_does_not_block_saving(work_folder):
    work_folder.mkdir()
    lock = work_folder / "answers.json.lock"
    lock.write_text("", encoding="utf-8")
    with open(lock, "a") as stale:
        fcntl.flock(stale, fcntl.LOCK_EX)
        lock.unlink()
        assert save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "x"}) is None
    assert load_work().entries["01-q1"]["answer"] == "x"
    assert not lock.exists()


def test_a_saver_that_wakes_on_a_removed_lock_file_takes_the_current_one(monkeypatch):
    calls, real_flock = [], fcntl.flock

    def flock_after_previous_holder_left(handle, operation):
        calls.append(os.fstat(handle.fileno()).st_ino)
        if len(calls) == 1:
            os.unlink(handle.name)
        real_flock(handle, operation)

    monkeypatch.setattr(workstore.fcntl, "flock", flock_after_previous_holder_left)
    assert save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "x"}) is None
    assert len(calls) == 2
    assert load_work().entries["01-q1"]["answer"] == "x"
    assert [p.name for p in save_file().parent.iterdir()] == ["answers.json"]
