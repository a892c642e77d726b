"""`make check-data`: every problem of a data folder, each with file, line and fix."""

from __future__ import annotations

from pathlib import Path

from helpers.check_data import check_data, main
from helpers.corpus import REQUIRED_COLUMNS


def test_the_delivered_data_folder_has_no_problems(capsys):
    assert main([]) == 0
    assert capsys.readouterr().out == "data: 5 texts, 9 events, no problems\n"


def test_problems_of_catalogue_texts_and_events_are_all_listed(tmp_path: Path, capsys):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "ok.txt").write_text("A short text.", encoding="utf-8")
    header = ",".join(REQUIRED_COLUMNS)
    (tmp_path / "sources.csv").write_text(
        f"{header}\nok,ok.txt{',' * 10}\nout,/etc/passwd{',' * 10}\n", encoding="utf-8")
    (tmp_path / "events.csv").write_text(
        "text_id,event,date,reference\nok,E,2021-13,r\n", encoding="utf-8")
    problems, summary = check_data(tmp_path)
    assert len(problems) == 2
    assert "sources.csv line 3: file '/etc/passwd' points outside" in problems[0]
    assert "events.csv line 2: date '2021-13'" in problems[1]
    assert all("Fix:" in problem for problem in problems)
    assert summary == f"{tmp_path}: 2 problems"
    assert main([str(tmp_path)]) == 1
    assert capsys.readouterr().out.count("\n- ") == 1
