"""The per-student copy of the course behaves like nbgitpuller: it never overwrites a change."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from hub.provision import MANIFEST, sync_course
from hub.settings import HubSettings


def _notebook(path: Path, text: str) -> None:
    """A one-cell notebook holding `text`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])
    nbformat.write(nb, path)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A teacher's repository with two notebooks and a file students do not get."""
    source = tmp_path / "repo"
    _notebook(source / "notebooks" / "00_start.ipynb", "start v1")
    _notebook(source / "notebooks" / "01_next.ipynb", "next v1")
    (source / "helpers.py").parent.mkdir(parents=True, exist_ok=True)
    (source / "helpers.py").write_text("shared, not copied")
    return source


def test_first_sync_copies_the_notebooks_only(course: Path, tmp_path: Path) -> None:
    target = tmp_path / "home" / "course"
    report = sync_course(course, target)
    assert report.copied == ["notebooks/00_start.ipynb", "notebooks/01_next.ipynb"]
    assert not (target / "helpers.py").exists()
    assert "start v1" in (target / "notebooks" / "00_start.ipynb").read_text()
    assert set(json.loads((target / MANIFEST).read_text())) == set(report.copied)


def test_update_reaches_untouched_notebooks_but_never_a_changed_one(
    course: Path, tmp_path: Path
) -> None:
    target = tmp_path / "home" / "course"
    sync_course(course, target)
    _notebook(target / "notebooks" / "00_start.ipynb", "my own notes")  # the student edits
    _notebook(course / "notebooks" / "00_start.ipynb", "start v2")  # the teacher updates
    _notebook(course / "notebooks" / "01_next.ipynb", "next v2")
    report = sync_course(course, target)
    assert report.kept == ["notebooks/00_start.ipynb"]
    assert report.updated == ["notebooks/01_next.ipynb"]
    assert "my own notes" in (target / "notebooks" / "00_start.ipynb").read_text()
    assert "next v2" in (target / "notebooks" / "01_next.ipynb").read_text()
    # A later sync still keeps the student's version, even though the teacher's is newer.
    assert sync_course(course, target).kept == ["notebooks/00_start.ipynb"]


def test_a_deleted_notebook_comes_back(course: Path, tmp_path: Path) -> None:
    target = tmp_path / "home" / "course"
    sync_course(course, target)
    (target / "notebooks" / "01_next.ipynb").unlink()
    assert sync_course(course, target).copied == ["notebooks/01_next.ipynb"]


def test_copied_notebooks_are_trusted_for_the_student(course: Path, tmp_path: Path) -> None:
    trust = tmp_path / "home" / ".local" / "share" / "jupyter"
    target = tmp_path / "home" / "course"
    sync_course(course, target, trust_dir=trust)
    notary = nbformat.sign.NotebookNotary(data_dir=str(trust))
    nb = nbformat.read(target / "notebooks" / "00_start.ipynb", as_version=4)
    assert notary.check_signature(nb)


def test_settings_default_to_loopback_and_give_each_student_a_work_folder(tmp_path: Path) -> None:
    settings = HubSettings.from_env({"HUB_ROOT": str(tmp_path), "HUB_PORT": "8123"})
    assert settings.ip == "127.0.0.1"
    assert settings.url == "http://127.0.0.1:8123/"
    assert settings.work_dir("ana") == tmp_path / "homes" / "ana" / "source-criticism" / "work"
    assert HubSettings.from_env(settings.to_env()) == settings


def test_hub_requirements_are_pinned_and_installed_as_pinned() -> None:
    from importlib.metadata import PackageNotFoundError, version

    root = Path(__file__).resolve().parents[2]
    lines = (root / "requirements-hub.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]
    assert pins and all("==" in pin for pin in pins)
    for pin in pins:
        name, pinned = pin.split("==")
        try:
            assert version(name) == pinned, f"{name} installed {version(name)}, pinned {pinned}"
        except PackageNotFoundError:
            pytest.skip(f"{name} is not installed (make setup-dev installs it)")
