"""Give a student their own copy of the course notebooks, the way nbgitpuller does it.

New notebooks are copied, a notebook the student deleted comes back, a notebook the student has
not touched is updated to the teacher's current version, and a notebook the student changed is
never overwritten. What was last copied is remembered by content hash in `.course-sync.json`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.sign import NotebookNotary

MANIFEST = ".course-sync.json"
#: What each student gets, relative to the repository (the texts and helpers stay shared).
COURSE_GLOBS = ("notebooks/*.ipynb",)


@dataclass
class SyncReport:
    """Which course files were copied, updated, kept as the student changed them, or unchanged."""

    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def course_files(source: Path) -> list[str]:
    """Paths (relative, sorted) of the files every student gets."""
    return sorted(
        str(path.relative_to(source)) for pattern in COURSE_GLOBS for path in source.glob(pattern)
    )


def _read_manifest(target: Path) -> dict[str, str]:
    """Hash of each file as last copied; empty when there is no (readable) manifest."""
    try:
        data = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _trust(path: Path, data_dir: Path) -> None:
    """Sign a notebook for the student's server, so its saved widget views show on first open."""
    data_dir.mkdir(parents=True, exist_ok=True)
    notary = NotebookNotary(data_dir=str(data_dir))
    notary.sign(nbformat.read(path, as_version=4))


def sync_course(source: Path, target: Path, trust_dir: Path | None = None) -> SyncReport:
    """Copy or update the course files from `source` into `target` without losing a change."""
    report = SyncReport()
    manifest = _read_manifest(target)
    for name in course_files(source):
        upstream, mine = source / name, target / name
        new = _digest(upstream)
        if mine.exists():
            current = _digest(mine)
            if current == new:
                report.unchanged.append(name)
                manifest[name] = new
                continue
            if current != manifest.get(name):
                report.kept.append(name)  # the student changed it: theirs wins
                continue
            report.updated.append(name)
        else:
            report.copied.append(name)
        mine.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(upstream, mine)
        manifest[name] = new
        if trust_dir is not None and mine.suffix == ".ipynb":
            _trust(mine, trust_dir)
    target.mkdir(parents=True, exist_ok=True)
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return report
