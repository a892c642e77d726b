"""Saved student work: round trip, kernel restart, damaged files, atomic writes, export."""

import fcntl
import io
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from types import MappingProxyType

import pytest
from save_race import save_race, save_storm

from helpers.course import workstore
from helpers.course.workstore import (
    load_work,
    natural_key,
    save_entry,
    save_file,
    write_atomic,
)


def visible_files() -> list[str]:
    """The files a student sees in the work folder (the lock file is hidden)."""
    return sorted(p.name for p in save_file().parent.iterdir() if not p.name.startswith("."))


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
        ('{"format": "source-criticism-work", "entries": []}', "damaged"),
        ('{"format": "source-criticism-work", "entries": ' + "[" * 100_000, "nested too deeply"),
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
    assert visible_files() == ["answers.json.corrupt-1", "answers.json.corrupt-2"]


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
    assert visible_files() == ["answers.json"]
    assert not list(save_file().parent.glob("*.tmp"))


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


def test_concurrent_saves_from_several_processes_keep_every_entry():
    """Issue 11 §4: the benchmark's 8 × 200 (benchmarks/save_stress.py) at a smaller size."""
    assert save_storm(save_file(), workers=6, count=40) == {"refused": 0, "lost": 0, "saves": 240}
    assert len(load_work().entries) == 240
    assert visible_files() == ["answers.json"]


def test_damaged_file_race_loses_no_save_reported_fine():
    """Kernels load and save at once while the file is damaged: none refused, none lost."""
    result = save_race(save_file(), workers=4, rounds=12)
    assert result == {"refused": 0, "lost": 0, "rounds": 12, "saves": 48}


def test_the_save_file_is_locked_while_it_is_rewritten(monkeypatch):
    seen = []
    real_write = workstore.write_atomic

    def checking_write(path, text):
        with open(path.with_name(".answers.json.lock"), "a") as other, \
                pytest.raises(BlockingIOError):  # fmt: skip
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        seen.append(path.name)
        real_write(path, text)

    monkeypatch.setattr(workstore, "write_atomic", checking_write)
    assert save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "x"}) is None
    assert seen == ["answers.json"]
    assert load_work().entries["01-q1"]["answer"] == "x"


def test_the_lock_file_stays_so_every_saver_locks_the_same_file(work_folder):
    """Issue 11 §4: a lock file removed on release let a saver stat a vanished file."""
    save_entry("01-q1", {"kind": "notes", "prompt": "P", "answer": "x"})
    lock = work_folder / ".answers.json.lock"
    inode = lock.stat().st_ino
    save_entry("01-q2", {"kind": "notes", "prompt": "P", "answer": "y"})
    assert lock.stat().st_ino == inode
    assert visible_files() == ["answers.json"]


def test_loading_waits_for_the_lock_before_moving_a_file_aside(work_folder, monkeypatch):
    """Issue 11 §4: an unlocked load moved aside a valid file another kernel had just saved."""
    work_folder.mkdir()
    save_file().write_text("{damaged", encoding="utf-8")
    real_load = workstore._load

    def saved_meanwhile(path, may_move):
        # Another kernel repairs the file between this kernel's decision to load and its read.
        save_file().write_text(json.dumps({"format": "source-criticism-work", "version": 1,
                                           "entries": {"01-q1": NOTE}}), encoding="utf-8")
        return real_load(path, may_move)

    monkeypatch.setattr(workstore, "_load", saved_meanwhile)
    assert load_work().entries == {"01-q1": NOTE}
    assert visible_files() == ["answers.json"]


NOTE = {"kind": "notes", "prompt": "P", "answer": "kept"}


def test_stale_temporary_files_of_killed_saves_are_removed(work_folder):
    work_folder.mkdir()
    old = work_folder / ".answers.json.4242-1.tmp"
    fresh = work_folder / ".answers.json.4243-2.tmp"
    other = work_folder / ".notes.txt.1.tmp"
    for path in (old, fresh, other):
        path.write_text("partial", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    for path in (old, other):
        os.utime(path, (an_hour_ago, an_hour_ago))
    assert save_entry("01-q1", NOTE) is None
    assert not old.exists()
    assert fresh.exists() and other.exists()


def test_a_rewritten_save_file_keeps_its_mode():
    save_entry("01-q1", NOTE)
    save_file().chmod(0o640)
    save_entry("01-q2", NOTE)
    assert stat.S_IMODE(save_file().stat().st_mode) == 0o640


def test_a_new_save_file_follows_the_umask():
    save_entry("01-q1", NOTE)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(save_file().stat().st_mode) == 0o666 & ~umask


WRONG_SHAPES = {
    "01-q1": {"kind": "notes", "prompt": "P", "answer": ["a", "list"]},
    "01-q2": "just text",
    "01-q3": {"prompt": "no kind"},
    "01-q4": {"kind": "short", "prompt": "P", "answer": 42, "attempts": "3", "hints_seen": -1},
    "01-q5": {"kind": "card", "prompt": "P", "fields": {"who": "A", "bad": {"x": 1}},
              "rows": [{"a": "1"}, "not a row"]},
    "01-q6": {"kind": "short", "prompt": "P", "answer": "fine", "attempts": 2, "extra": [1]},
    "01-q7": {"kind": "notes", "prompt": "P", "extra": json.loads("[" * 900 + "]" * 900)},
}


def write_document(entries: object) -> bytes:
    """Write a save file holding `entries` as they are; return its bytes."""
    save_file().parent.mkdir(parents=True, exist_ok=True)
    document = {"format": "source-criticism-work", "version": 1, "entries": entries}
    save_file().write_text(json.dumps(document), encoding="utf-8")
    return save_file().read_bytes()


def test_entries_of_the_wrong_shape_are_repaired_or_skipped_and_the_rest_kept():
    write_document(WRONG_SHAPES)
    loaded = load_work()
    assert loaded.entries == {
        "01-q1": {"kind": "notes", "prompt": "P"},
        "01-q4": {"kind": "short", "prompt": "P", "answer": "42"},
        "01-q5": {"kind": "card", "prompt": "P", "fields": {"who": "A"}, "rows": [{"a": "1"}]},
        "01-q6": WRONG_SHAPES["01-q6"],
        "01-q7": {"kind": "notes", "prompt": "P"},
    }
    assert "answers.json had the wrong shape" in loaded.problem
    for note in ("01-q1 was repaired (its answer was not text", "01-q2 was skipped",
                 "01-q3 was skipped (it has no kind", "its attempts was not a whole number",
                 "01-q5 was repaired (some of its form fields",
                 "01-q7 was repaired (its extra was nested too deeply"):
        assert note in loaded.problem
    assert visible_files() == ["answers.json"]


def test_saving_over_repaired_entries_keeps_the_file_as_it_was():
    before = write_document(WRONG_SHAPES)
    problem = save_entry("02-q1", NOTE)
    assert "kept as answers.json.before-repair-1" in problem
    assert save_file().with_name("answers.json.before-repair-1").read_bytes() == before
    assert set(load_work().entries) == {"01-q1", "01-q4", "01-q5", "01-q6", "01-q7", "02-q1"}
    assert load_work().problem is None


def test_widgets_restore_entries_of_the_wrong_shape_without_an_exception():
    """Issue 11 §6: a list as an answer raised TraitError in the widget, after saving."""
    from helpers.course.bank import Question
    from helpers.course.exercises import answer_box

    write_document({"01-q1": {"kind": "open", "prompt": "P", "answer": ["x"]},
                    "01-q2": {"kind": "short", "prompt": "P", "answer": {"a": 1}},
                    "01-q3": {"kind": "choice", "prompt": "P", "answer": [1]}})
    answer_box(Question(id="01-q1", notebook="01", kind="open", prompt="Why?",
                        skill="sourcing", model_answer="model"))
    answer_box(Question(id="01-q2", notebook="01", kind="short", prompt="What?",
                        skill="sourcing", check=MappingProxyType({"texts": ["x"]}),
                        hint="hint", explanation="why"))
    answer_box(Question(id="01-q3", notebook="01", kind="choice", prompt="Which?",
                        skill="sourcing", options=("a", "b"), answers=("a",), hint="hint",
                        explanation="why"))
    assert set(load_work().entries) == {"01-q1", "01-q2", "01-q3"}


def test_lone_surrogates_in_an_answer_are_replaced_and_the_student_told():
    problem = save_entry("01-q1", {"kind": "notes", "prompt": "P\udc80", "answer": "a\ud800b"})
    assert "replaced by \ufffd" in problem
    entry = load_work().entries["01-q1"]
    assert entry["answer"] == "a\ufffdb" and entry["prompt"] == "P\ufffd"


def test_lone_surrogates_written_as_json_escapes_are_repaired_on_load():
    write_document({"01-q1": {"kind": "notes", "prompt": "P", "answer": "x\ud800"}})
    assert save_entry("01-q2", NOTE).startswith("Some saved answers")
    assert load_work().entries["01-q1"]["answer"] == "x\ufffd"


def test_an_answer_over_the_word_limit_is_refused_with_a_message(monkeypatch):
    monkeypatch.setattr(workstore, "MAX_WORDS", 5)
    save_entry("01-q1", NOTE)
    problem = save_entry("01-q2", {"kind": "notes", "prompt": "P", "answer": "one " * 6})
    assert "too long to save (6 words; at most 5)" in problem
    assert set(load_work().entries) == {"01-q1"}


@pytest.mark.timeout(20)
def test_a_pipe_as_save_file_is_refused_without_hanging(work_folder):
    work_folder.mkdir()
    os.mkfifo(save_file())
    loaded = load_work()
    assert "not a file but a folder, pipe or device" in loaded.problem
    assert "not a file" in save_entry("01-q1", NOTE)
    assert stat.S_ISFIFO(os.lstat(save_file()).st_mode)
    assert "not a file" in workstore.download_links_html()


@pytest.mark.timeout(20)
def test_a_device_as_save_file_is_refused_without_reading_it():
    zero = Path("/dev/zero")
    assert "not a file" in load_work(zero).problem
    assert "not a file" in save_entry("01-q1", NOTE, zero)
    assert not list(Path("/dev").glob(".zero*"))


@pytest.fixture
def locked_out(work_folder, monkeypatch):
    """A save file that cannot be read, in a folder where nothing can be created or renamed
    (as for a student whose work folder belongs to someone else; simulated, as tests may run
    as root, who may read anything)."""
    work_folder.mkdir()
    save_file().write_text("{}", encoding="utf-8")
    real_os_open, real_io_open = os.open, io.open

    def inside(path) -> bool:
        return Path(os.fspath(path)).parent == work_folder

    def refuse_os_open(path, *args, **kwargs):
        if inside(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_os_open(path, *args, **kwargs)

    def refuse_io_open(path, *args, **kwargs):
        if not isinstance(path, int) and inside(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_io_open(path, *args, **kwargs)

    def refuse_rename(source, *_args, **_kwargs):
        raise PermissionError(13, "Permission denied", os.fspath(source))

    monkeypatch.setattr(os, "open", refuse_os_open)
    monkeypatch.setattr(io, "open", refuse_io_open)
    monkeypatch.setattr("builtins.open", refuse_io_open)
    monkeypatch.setattr(os, "replace", refuse_rename)
    monkeypatch.setattr(os, "rename", refuse_rename)
    return work_folder


def test_an_unreadable_save_file_in_an_unwritable_folder_gives_a_message(locked_out):
    from helpers.course.exercises import save_reminder

    loaded = load_work()
    assert "could not be read" in loaded.problem and not loaded.entries
    reminder = save_reminder()
    links = reminder.children[1].children[0].value
    assert "could not be read" in links
    assert "Could not save" in save_entry("01-q1", NOTE)
    assert visible_files() == ["answers.json"]
