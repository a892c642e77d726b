"""The pins that Binder uses (environment.yml) and the ones the tests use (requirements) agree."""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^\s*(?:-\s+)?([A-Za-z0-9_.\-\[\]]+)==([^\s#]+)\s*(?:#.*)?$")


def pins(path: Path) -> dict[str, str]:
    """name -> version for every `name==version` line of a requirements or environment file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def test_environment_yml_mirrors_runtime_requirements():
    assert pins(ROOT / "environment.yml") == pins(ROOT / "requirements.txt")


def test_environment_yml_asks_for_python_311_from_conda_forge():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "conda-forge" in text
    assert re.search(r"^\s*-\s*python=3\.11\s*$", text, re.MULTILINE)


def test_every_requirement_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r "):
                assert PIN.match(line), f"{name}: {line!r} is not pinned with =="


def test_installed_versions_are_the_pinned_ones():
    pinned_all = {**pins(ROOT / "requirements.txt"), **pins(ROOT / "requirements-dev.txt")}
    for name, pinned in pinned_all.items():
        assert version(name) == pinned, f"{name} installed {version(name)}, pinned {pinned}"


def test_running_python_is_311():
    assert sys.version_info[:2] == (3, 11)
